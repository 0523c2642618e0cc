"""Budget lines as people write them: a share ('LinkedIn ads 10%'), an amount ('events $108K',
'메타 광고 2억 5,200만'), or both ('Google Ads 30% ($162K)'), separated by commas, slashes,
semicolons, bullets or sentences. A note in brackets stays with its line and never splits it
('events $108K (incl. $38K booth)'); a target rate or cost per lead is no line."""

from __future__ import annotations

import re

from assistant.core.plan import BudgetLine
from assistant.goals.numbers import read_quantities

# a target rate (ROAS, ROI, CAC, conversion) or a unit cost is not a budget line
METRIC = re.compile(
    r"\b(?:roi|roas|return|cac|ltv|cpa|cpl|ctr|margin|churn|conversion|growth)\b"
    # spelled out ('Target blended customer acquisition cost $38')
    r"|acquisition\s+cost|cost\s+per\b|\btarget\b(?=[^,;]*\b(?:cac|cpl|cpa|cost|roas|roi)\b)"
    r"|(?:고객\s*확보|획득)\s*비용(?=\s*(?:목표\s*)?(?:약\s*)?\d)"
    r"|수익률|전환율|이탈률|마진|성장률|\bper\s+\w+|=>|→|(?:건|명|리드|인)당|이하|이내|미만",
    re.I,
)
# a unit cost inside a line's note: how the line was sized ('(진단 1건당 20만 원 × 480건)')
_UNIT_COSTS = re.compile(
    r"(?<=[(\[,])[^()\[\]]*?(?:(?:건|명|개|회)당|\bper\s+\w+|\beach\b)[^()\[\]]*(?=[)\],])"
)
_TOTAL_WORDS = re.compile(r"\bbudget\b|\btotal\b|예산|총액|합계", re.I)
_GROUP = re.compile(
    r"^\[[^\[\]]*\]\s*"
)  # '[가맹 모집] 네이버 검색광고': a group heading, not the item
_LEAD_IN = re.compile(r"^(?:and|plus|및|그리고|또|-|–|·|\+)\s+", re.I)


def _segments(text: str) -> list[str]:
    """The text cut at commas, semicolons, spaced slashes, bullets, new lines and sentence ends,
    never inside brackets or inside a number ('$1,200,000', '2억 5,200만')."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        elif depth == 0 and _cuts(text, i):
            if text[i] in "/·" and not re.search(r"\d", text[start:i]):
                continue  # 'Meta / Instagram ads: $24,000' is one line: no figure before the slash
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def _cuts(text: str, i: int) -> bool:
    """Whether the character at `i` (outside brackets) ends a budget line."""
    ch = text[i]
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    spaced = prev == " " and nxt == " "
    if ch in ";\n•":
        return True
    if ch == ",":
        return not (prev.isdigit() and nxt.isdigit())  # '$1,200,000' is one number
    if ch in "/·":
        return spaced  # '검색·쇼핑 광고' and 'content/website' are one line
    if ch in ".。":
        return nxt in ("", " ", "\n")  # a sentence ends; "3.5" does not
    return False


def _line(segment: str, total: float | None, currency: str) -> BudgetLine | None:
    # a label before a colon ('2027 budget $540K: Google Ads 30%') is not the item, unless the
    # part after the colon is only the figure ('Events: $100K')
    parts = re.split(r"[:：]\s*", segment)
    named = [
        p
        for p in parts
        if re.search(r"[^\W\d_]", _PERIOD_WORDS.sub(" ", _strip_figures(p, currency)))
    ]
    calc = len(parts) > 1 and re.search(r"[=×]", parts[-1]) is not None
    label = (
        parts[-2] if calc else ""
    )  # '소개 리워드: 300만 원 × 약 10건 = 3천만 원': the label names it
    if len(parts) > 1 and named and parts[-1] in named:
        segment = parts[-1]
    elif len(parts) > 1 and named:
        segment = " ".join(parts[len(parts) - 2 :])
    # a unit cost inside the line's note ('15%(9,600만 원, 진단 1건당 20만 원 × 480건)') is how
    # the line was sized, not a metric: only the words outside brackets decide
    # (a metric named inside brackets, '획득 비용(CAC) 목표', still makes it no line)
    if METRIC.search(_UNIT_COSTS.sub(" ", segment)):
        return None
    spans = [m.span() for m in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", segment)]
    quantities = read_quantities(segment)
    inside = [q for q in quantities if any(a <= q.start < b for a, b in spans)]
    outside = [q for q in quantities if q not in inside]
    share = next((q.value for q in outside if q.kind == "percent"), None)
    # '$100-off incentives $900K', '1만 원 할인 쿠폰 3억 원': the discount is no line's amount
    off = lambda q: re.match(r"\s*-?\s*(?:off\b|할인)", segment[q.end :], re.I) is not None  # noqa: E731
    money = lambda q: (q.is_money_in(currency) or _bare_thousands(q, currency)) and not off(q)  # noqa: E731
    amount = next((q.value for q in outside if money(q)), None)
    result = re.search(r"=\s*([^=]+)$", segment)  # '300만 원 × 약 10건 = 3천만 원': the result
    if result:
        after = [q for q in read_quantities(result.group(1)) if money(q)]
        amount = after[0].value if after else amount
    else:
        first = next((q for q in outside if money(q)), None)
        yearly = next((q for q in inside if money(q) and _PER_YEAR.search(segment[max(0, q.start - 4) : q.end + 6])), None)  # fmt: skip
        if first is not None and _per_month(segment, first.start, first.end):
            # '월 800만 원(연 9,600만 원)': the year's amount; a month's alone is twelve of them
            amount = yearly.value if yearly is not None else first.value * 12
    if amount is None:  # 'Google Ads 30% ($162K)': the bracket gives the amount
        # unless it is a unit's cost ('15%(지점당 6,300만 원)', '(per event $20K)'): that sizes
        # the line, and its share of the total is the line's amount
        amount = next(
            (q.value for q in inside if money(q) and not _unit_cost(segment, q.start, q.end)), None
        )
    if share is None and amount is None:
        return None
    name = _strip_figures(label or segment, currency)
    name = _UNIT_MARKS.sub("", name)
    name = _GROUP.sub("", _LEAD_IN.sub("", name)).strip(" .:-=~×x")
    if not re.search(r"[^\W\d_]", name):
        return None
    is_total = share == 100 or amount is None or total is None or abs(amount - total) < 1
    if _TOTAL_WORDS.search(name) and (share is None or share >= 100) and is_total:
        return None  # the total itself ('연 마케팅 예산 7억 2천만 원')
    if share is None and amount is not None and total:
        share = round(amount / total * 100, 1)
    if amount is None and share is not None and total:
        amount = total * share / 100
    return BudgetLine(item=name, share=share, amount=amount)


_PERIOD_WORDS = re.compile(r"(?<![가-힣\d])(?:월|연|매월|연간|회당|건당|매회|each|a\s+month|a\s+year|per\s+(?:month|year)|monthly|yearly|/\s*(?:yr|year|mo|month))(?![가-힣])", re.I)  # fmt: skip
# a month's amount: '월 800만 원', '매월 …' before the figure, '$2K/mo', '$2K a month' after it;
# never a month's name ('3월 코엑스', '(5월 워크숍 포함)') or a note on the figure ('9억 원(월 7,500만 원 꼴)')
_MONTH_BEFORE = re.compile(r"(?:(?<![가-힣\d])월|매월|monthly)\s*$", re.I)
_MONTH_AFTER = re.compile(
    r"^\s*(?:/\s*mo(?:nth)?\b|/\s*월|a\s+month|per\s+month|monthly|each\s+month)", re.I
)


def _unit_cost(segment: str, start: int, end: int) -> bool:
    """Whether the figure at `start`:`end` is one unit's cost ('지점당 6,300만 원', '$20K per
    event', '$5K each')."""
    before = segment[max(0, start - 14) : start]
    after = segment[end:]
    # a year's figure is the line's amount ('$162K/yr', '($162K per year)', '연 1억 원');
    # a month's or a quarter's ('(분기당 3,750만 원)') is a part of it, like a unit's cost
    if _PER_YEAR.match(after.lstrip()) or re.search(r"(?:연|년)\s*당\s*$", before):
        return False
    return bool(
        re.search(r"(?:당|\bper\s+\w+|\beach(?:\s+\w+)?)\s*$", before, re.I)
        or re.match(r"\s*(?:per|each|apiece|/\s*[a-z])", after, re.I)
    )


def _per_month(segment: str, start: int, end: int) -> bool:
    """Whether the figure at `start`:`end` is stated as a month's amount."""
    return bool(
        _MONTH_BEFORE.search(segment[max(0, start - 5) : start])
        or _MONTH_AFTER.match(segment[end:])
    )


_PER_YEAR = re.compile(
    r"(?<![가-힣])연\s|연간|/\s*y(?:ea)?r\b|a\s+year|per\s+year|yearly|annual", re.I
)
# what is left of a figure's period once the figure is taken out: '/yr', '(/mo)', a lone '월'
_UNIT_MARKS = re.compile(
    r"\s*/\s*(?:yr|year|mo|month)\b|\s+(?:a|per|each)\s+(?:month|year)\b|^\s*(?:월|연|회당)\s+|\s+(?:월|연|회당|건당)\s*$",
    re.I,
)


def _bare_thousands(q: object, currency: str) -> bool:
    """'Nextdoor …: 6K' in a budget written in dollars: a scaled figure with no unit is money."""
    text = str(getattr(q, "text", ""))
    return (
        getattr(q, "kind", "") == "count"
        and not getattr(q, "unit", "")
        and currency not in ("KRW",)
        and re.fullmatch(r"\d[\d,.]*\s*[kKmM]", text.strip()) is not None
    )


def _strip_figures(segment: str, currency: str) -> str:
    """The words of a line without its share and amount, and without brackets that only hold
    a figure or a note on figures ('($162K)', '(incl. $38K booth)')."""
    text = segment
    for m in list(re.finditer(r"\(([^()]*)\)", text))[::-1]:
        if any(
            q.kind in ("money", "percent") or q.is_money_in(currency)
            for q in read_quantities(m.group(1))
        ):
            text = text[: m.start()] + text[m.end() :]
    for q in sorted(read_quantities(text), key=lambda q: -q.start):
        if re.match(r"\s*-?\s*(?:off\b|할인)", text[q.end :], re.I):
            continue  # '$100-off incentives': the discount names the line
        if (
            q.kind in ("money", "percent")
            or q.is_money_in(currency)
            or _bare_thousands(q, currency)
        ):
            end = q.end
            tail = re.match(r"\s*(?:원|won|krw|usd|dollars?)\b", text[end:], re.I)
            if tail:
                end += tail.end()
            text = text[: q.start] + text[end:]
    return re.sub(r"\s{2,}", " ", text).strip()


def budget_lines(text: str, total: float | None, currency: str) -> list[BudgetLine]:
    """Every line of the budget the text states, in its order."""
    lines: list[BudgetLine] = []
    per_unit = False
    for segment in _segments(text):
        line = _line(segment, total, currency)
        if line is None and lines and per_unit:  # '설명회 12회: 회당 250만 원, 3,000만 원'
            found = [q for q in read_quantities(segment) if q.is_money_in(currency)]
            if len(found) == 1 and not re.search(r"[^\W\d_]", _PERIOD_WORDS.sub(" ", _strip_figures(segment, currency))):  # fmt: skip
                last = lines[-1]
                share = round(found[0].value / total * 100, 1) if total else last.share
                lines[-1] = last.model_copy(update={"amount": found[0].value, "share": share})
        if line is not None:
            lines.append(line)
        per_unit = line is not None and bool(_EACH.search(segment))
    return _without_subtotals(lines)


# 'Q2 and Q3 get 60% of spend (summer)', '상반기에 40% 집행': when money is spent, not a line
_TIMING = re.compile(
    r"\b(?:Q[1-4]|H[12])\b|\bquarters?\b|\bhalf\b|분기|상반기|하반기|성수기|비수기", re.I
)


def _without_subtotals(lines: list[BudgetLine]) -> list[BudgetLine]:
    """The lines without what only restates them: a note of when the money is spent ('Q2 and Q3
    get 60% of spend') and a group's subtotal written before its own lines ('DTC $1.68M (70%)'
    and then Meta 30%, TikTok 15%, … adding to 70%), when the lines add to more than 100%."""
    if sum(ln.share or 0 for ln in lines) <= 100.5:
        return lines
    kept = [ln for ln in lines if not _TIMING.search(ln.item)]
    while sum(ln.share or 0 for ln in kept) > 100.5:
        for i, head in enumerate(kept):
            run, cut = 0.0, None
            for j in range(i + 1, len(kept)):
                run += kept[j].share or 0
                if j > i + 1 and head.share and abs(run - head.share) <= 0.6:
                    cut = i
                    break
                if head.share and run > head.share + 0.6:
                    break
            if cut is not None:
                del kept[cut]
                break
        else:
            return kept  # nothing restates the others: the check under the table says so
    return kept


_EACH = re.compile(
    r"회당|건당|개당|(?<![가-힣])각\s|\beach\b|\bper\s+(?:event|session|show)\b", re.I
)
