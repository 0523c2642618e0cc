"""The revenue bridge a user writes themselves: signed amounts from last year's revenue to the goal
('contract churn -$0.9M, escalator +$0.3M, new contracts +$1.5M …', '해지로 -6억, 신규 … = +12억 …').
It is the plan's bridge when its terms take the stated base to the revenue goal; its labels are the
user's words before each amount."""

from __future__ import annotations

import re

from assistant.goals.numbers import format_amount, read_quantities

_TERM = re.compile(
    r"(?<![\w.,%)])([+\-−–])\s?"
    r"((?:[$₩€£]\s?)?\d[\d,]*(?:\.\d+)?\s*(?:[KkMmBb]\b|억|천만|만)?(?:\s?\d[\d,]*\s?(?:천만|만|천))?"
    r"\s*(?:원|won\b|dollars?\b)?)"
)
_HAS_UNIT = re.compile(r"[$₩€£]|\d\s*[KkMmBb]\b|억|만|원|won|dollar", re.I)
_BOUNDARY = re.compile(r"[;:\n]|(?<!\d),|,(?!\d)|\.\s|\(|\)")
_SEP = ": "


def _value(term: str, currency: str) -> float | None:
    found = read_quantities(term)
    if not found:
        return None
    return found[0].value if found[0].is_money_in(currency) else None


def _label(text: str, start: int, floor: int) -> str:
    """The words before a term, back to the previous term or a separator; an aside in brackets
    is no part of it ('price/mix (higher spot share, reefer) +$0.5M' is 'price/mix'), and a term
    in brackets takes the words before them ('same-clinic growth +6% (+$1.85M)')."""
    head = re.sub(r"\([^()]*\)", " ", text[floor:start]).rstrip().rstrip("(").rstrip()
    cuts = [m.end() for m in _BOUNDARY.finditer(head)]
    label = head[cuts[-1] :] if cuts else head
    return re.sub(r"\s+", " ", label).strip(" =≈~-")


def read_stated_bridge(
    text: str, base: float, goal: float, currency: str
) -> list[tuple[str, str, float]] | None:
    """(label, the amount as written with its sign, signed value) for each term, when base plus
    the terms comes to the goal (within 1%); None otherwise."""
    terms: list[tuple[str, str, float]] = []
    floor = 0
    for m in _TERM.finditer(text):
        written = m.group(2).strip()
        if not _HAS_UNIT.search(written):
            continue  # '36 - 6 + 12 = 48억': the sum, not a term
        value = _value(written, currency)
        if value is None:
            continue
        sign = -1.0 if m.group(1) != "+" else 1.0
        label = _label(text, m.start(), floor)
        floor = m.end()
        if label:
            terms.append((label, ("-" if sign < 0 else "+") + written, sign * value))
    # the run of consecutive terms that takes the base to the goal: a later sum of costs ('$2.1M
    # (SDRs + AEs) + $0.9M marketing') or an earlier aside is no part of the bridge
    for i in range(len(terms)):
        for j in range(len(terms), i + 1, -1):
            if abs(base + sum(t[2] for t in terms[i:j]) - goal) <= goal * 0.01:
                return terms[i:j]
    return _parts_bridge(text, base, goal, currency) or _equation_bridge(text, base, goal, currency)


# '27.1 + 4.1 + 1.8 - 0.5 = 32.5': the sum in the plan's scale, its terms said in words before it
_EQUATION = re.compile(
    r"(?<![\d.,])(\d[\d,]*(?:\.\d+)?)((?:\s*[+\-−–]\s*\d[\d,]*(?:\.\d+)?){2,})\s*=\s*(\d[\d,]*(?:\.\d+)?)(?![\d,]*\.?\d)"
)
_FILLER = re.compile(
    r"^(?:so|and|then|the|with|about|around|roughly|plus|minus|add(?:s|ing)?|of|is|at|from|~|약|\s)+|(?:\s|about|around|roughly|plus|minus|add(?:s|ing)?|of|is|at|by|~|약)+$",
    re.I,
)


def _equation_bridge(text: str, base: float, goal: float, currency: str) -> list[tuple[str, str, float]] | None:  # fmt: skip
    """A bridge written as bare numbers ('27.1 + 4.1 + 1.8 - 0.5 = 32.5') after the sentences that
    say each term ('the 40 new clients add about $4.1M', '+$1.8M from rate increases', 'minus
    ~$0.5M churn'): the first number is the base and the result the goal, in one scale."""
    for m in _EQUATION.finditer(text):
        first, result = float(m.group(1).replace(",", "")), float(m.group(3).replace(",", ""))
        if not result:
            continue
        scale = goal / result
        if abs(first * scale - base) > base * 0.01:
            continue
        out: list[tuple[str, str, float]] = []
        for t in re.finditer(r"([+\-−–])\s*(\d[\d,]*(?:\.\d+)?)", m.group(2)):
            value = round(
                float(t.group(2).replace(",", "")) * scale * (1 if t.group(1) == "+" else -1), 2
            )
            label = _said_before(text[: m.start()], abs(value), currency)
            if not label:
                return None
            ko = bool(re.search(r"[가-힣]", label))
            out.append((label, ("+" if value > 0 else "-") + format_amount(abs(value), currency, "ko" if ko else "en"), value))  # fmt: skip
        return out if abs(base + sum(v for _, _, v in out) - goal) <= goal * 0.01 else None
    return None


def _said_before(text: str, value: float, currency: str) -> str:
    """The words of the clause that states `value` as money: before the amount, else after it."""
    for q in reversed(read_quantities(text)):
        if q.kind != "money" or not q.is_money_in(currency) or abs(q.value - value) > value * 0.01:
            continue
        cuts = [x.end() for x in re.finditer(r"[.;:,\n(]\s", text[: q.start])]
        ends = [x.start() for x in re.finditer(r"[.;:,\n)](?:\s|$)", text[q.end :])]
        before = _FILLER.sub("", text[cuts[-1] if cuts else 0 : q.start].strip(" +-−–"))
        after = _FILLER.sub("", text[q.end : q.end + ends[0] if ends else len(text)].strip())
        words = (before or after).split()
        return " ".join(words[-6:] if before else words[:6])
    return ""


_PLUS = re.compile(r"\s[+\-−–]\s")
_STEP = re.compile(r"\s*(?:→|->|에서)\s*")


def _parts_bridge(text: str, base: float, goal: float, currency: str) -> list[tuple[str, str, float]] | None:  # fmt: skip
    """A bridge written as its parts in brackets or after a colon: a sum of labelled amounts
    ('(기존 14개 지점 성장 53억 원 + 신규 5개 지점 25억 원)') or each part's own step ('(장비
    520억 원→565억 원, 유지보수·부품 100억 원→135억 원)'), when it takes the base to the goal."""
    for group in re.findall(r"\(([^()]{8,300})\)|:\s*([^.\n]{8,300})", text):
        inner = next(g for g in group if g)
        terms = _summed(inner, currency) or _stepped(inner, base, currency)
        if terms and len(terms) >= 2 and abs(base + sum(t[2] for t in terms) - goal) <= goal * 0.01:
            return terms
    return None


def _tail_amount(piece: str, currency: str) -> tuple[str, str, float] | None:
    """(label, amount as written, value) for a piece that ends with an amount in the currency."""
    money = [q for q in read_quantities(piece) if q.kind == "money" and q.is_money_in(currency)]
    if not money or piece[money[-1].end :].strip(" 원."):
        return None
    q = money[-1]
    label = re.sub(r"\s+", " ", piece[: q.start]).strip(" :=-")
    return (label, piece[q.start : q.end].strip(), q.value) if label else None


def _summed(inner: str, currency: str) -> list[tuple[str, str, float]] | None:
    signs = ["+"] + [m.group(0).strip() for m in _PLUS.finditer(inner)]
    pieces = _PLUS.split(inner)
    if len(pieces) < 2:
        return None
    out = []
    for sign, piece in zip(signs, pieces, strict=True):
        found = _tail_amount(piece, currency)
        if found is None:
            return None
        label, written, value = found
        neg = sign != "+"
        out.append((label, ("-" if neg else "+") + written, -value if neg else value))
    return out


def _stepped(inner: str, base: float, currency: str) -> list[tuple[str, str, float]] | None:
    out: list[tuple[str, str, float]] = []
    start_sum = 0.0
    for piece in re.split(r",\s*|;\s*", inner):
        halves = _STEP.split(piece, maxsplit=1)
        if len(halves) != 2:
            return None
        before, after = _tail_amount(halves[0], currency), read_quantities(halves[1])
        end = next((q for q in after if q.kind == "money" and q.is_money_in(currency)), None)
        if before is None or end is None:
            return None
        label, written, value = before
        start_sum += value
        change = end.value - value
        # the change is the term, its two levels are part of its label ('장비 520억 원→565억 원')
        step = f"{written}→{halves[1][end.start : end.end].strip()}"
        ko = bool(re.search(r"[가-힣]", inner))
        said = format_amount(abs(change), currency, "ko" if ko else "en")
        out.append(
            (
                f"{label} {step}" if ko else f"{label} ({step})",
                ("-" if change < 0 else "+") + said,
                change,
            )
        )
    if abs(start_sum - base) > base * 0.01:
        return None  # the parts must make up the base they grow from
    return out


def as_fact(terms: list[tuple[str, str, float]]) -> list[str]:
    """Fact-sheet entries: 'contract churn: -$0.9M'."""
    return [f"{label}{_SEP}{written}" for label, written, _ in terms]


def parse_fact(entries: list[str], currency: str) -> list[tuple[str, float]]:
    """(label, signed value) back from the fact sheet (as the user may have corrected it)."""
    out = []
    for entry in entries:
        label, _, written = entry.rpartition(_SEP)
        written = written.strip()
        sign = -1.0 if written[:1] in "-−–" else 1.0
        value = _value(written.lstrip("+-−– "), currency)
        if label and value is not None:
            out.append((label, sign * value))
    return out
