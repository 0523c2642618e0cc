"""What a target market's criteria leave out, and the count a seller plans from: the buyers below
and above its size range (with the self-serve channel that takes the small ones, when the plan
names one), and a dated task to count the accounts that meet every criterion, so the customer
goal becomes a share of a counted market and territories split real accounts, not population."""

from __future__ import annotations

import re

from assistant.analysis.lists import sales_lead
from assistant.core.plan import Plan

_RANGE = re.compile(
    r"(?P<low>\d[\d,]*)\s*(?:-|–|~|to)\s*(?P<high>\d[\d,]*)\s*(?P<unit>sq\.?\s*ft|square\s+f(?:ee|oo)t|[A-Za-z]+|[가-힣]+)?"
)


def scope_rows(plan: Plan, rows: list[list[str]], customers: float | None) -> list[list[str]]:
    """['Out of scope', …] from the size range, and ['Accounts to count', …] for a business with
    sellers, when the answers give no count of target accounts."""
    from assistant.analysis.plan_goals import plan_year, quota_sellers
    from assistant.interview.territory_notes import self_serve_channel

    ko = plan.language == "ko"
    out: list[list[str]] = []
    size = next((r[1] for r in rows if r[0] in ("Size", "규모")), "")
    m = _RANGE.search(size)
    # a range from one ('1-10 locations') has no 'under' end; a consumer's size range is a
    # profile of some buyers (an office's 10-50 people), not the market's edge
    from assistant.interview.compose import sells_to_consumers

    if m and int(m.group("low").replace(",", "")) > 1 and not sells_to_consumers(plan):
        unit = (m.group("unit") or "").strip()
        serve = self_serve_channel(plan)
        noun = re.search(r"([가-힣]+)\s*$", size[: m.start()]) if ko else None  # '직원 50~300명'
        small = f"{noun.group(1) + ' ' if noun else ''}{m.group('low')}{unit} 미만" if ko else f"under {m.group('low')} {unit}".strip()  # fmt: skip
        if serve:
            small += f"({serve[0]} 셀프 구매로)" if ko else f" (self-serve through {serve[0]})"
        big = f"{m.group('high')}{unit} 초과" if ko else f"over {m.group('high')} {unit}".strip()
        out.append(["제외 대상" if ko else "Out of scope", f"{small}, {big}"])
    if not quota_sellers(plan) or len(rows) < 3:
        return out
    year, lead = plan_year(plan), sales_lead(plan, ko)
    share = (f" 신규 고객 {customers:,.0f}곳이 그중 몇 %인지와" if ko else f" the {customers:,.0f} new customers are then a share of it, and") if customers else ""  # fmt: skip
    out.append([
        "대상 기업 수 집계" if ko else "Accounts to count",
        (f"{year}년 1월 말까지(담당: {lead}): 위 기준에 모두 맞는 기업을 기업 DB로 세어 목록으로 만듦.{share} 권역별 배분을 이 수로 정함"
         if ko else f"by the end of January {year} (owner: {lead}): the accounts that meet every criterion above, listed from a company database;{share} the territories split this list"),
    ])  # fmt: skip
    return out
