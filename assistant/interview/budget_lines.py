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
    r"|수익률|전환율|이탈률|마진|성장률|\bper\s+\w+|=>|→|(?:건|명|리드)당",
    re.I,
)
_TOTAL_WORDS = re.compile(r"\bbudget\b|\btotal\b|예산|총액|합계", re.I)
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
    named = [p for p in parts if re.search(r"[^\W\d_]", _strip_figures(p, currency))]
    if len(parts) > 1 and named and parts[-1] in named:
        segment = parts[-1]
    elif len(parts) > 1 and named:
        segment = " ".join(parts[len(parts) - 2 :])
    if METRIC.search(segment):
        return None
    spans = [m.span() for m in re.finditer(r"\([^()]*\)|\[[^\[\]]*\]", segment)]
    quantities = read_quantities(segment)
    inside = [q for q in quantities if any(a <= q.start < b for a, b in spans)]
    outside = [q for q in quantities if q not in inside]
    share = next((q.value for q in outside if q.kind == "percent"), None)
    amount = next((q.value for q in outside if q.is_money_in(currency)), None)
    if amount is None:  # 'Google Ads 30% ($162K)': the bracket gives the amount
        amount = next((q.value for q in inside if q.is_money_in(currency)), None)
    if share is None and amount is None:
        return None
    name = _strip_figures(segment, currency)
    name = _LEAD_IN.sub("", name).strip(" .:-=~")
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
        if q.kind in ("money", "percent") or q.is_money_in(currency):
            end = q.end
            tail = re.match(r"\s*(?:원|won|krw|usd|dollars?)\b", text[end:], re.I)
            if tail:
                end += tail.end()
            text = text[: q.start] + text[end:]
    return re.sub(r"\s{2,}", " ", text).strip()


def budget_lines(text: str, total: float | None, currency: str) -> list[BudgetLine]:
    """Every line of the budget the text states, in its order."""
    lines: list[BudgetLine] = []
    for segment in _segments(text):
        line = _line(segment, total, currency)
        if line is not None:
            lines.append(line)
    return lines
