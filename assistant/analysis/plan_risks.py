"""The plan's top risks, each with its numbers: which figures are industry defaults, how far the
lead goal falls short of the customer goal, and the deals each quota seller must close."""

from __future__ import annotations

import re

from assistant.analysis.analysis_model import PlanAnalysis, Risk
from assistant.analysis.plan_goals import customer_goal, customers_at_pace
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan


def _and_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def plan_risks(plan: Plan, a: PlanAnalysis, ko: bool) -> list[Risk]:
    """The plan's top risks, each with its numbers: which figures are defaults, how far the lead
    goal falls short of the customer goal, and the deals each seller must close."""
    risks: list[Risk] = []
    defaults = [x.split(":")[0].strip() for x in a.assumptions if "midpoint" in x or "중간값" in x]
    if defaults:
        names = ("·".join(defaults) if ko else _and_list([d[:1].lower() + d[1:] if d[1:2].islower() else d for d in defaults]))  # fmt: skip
        plural = len(defaults) > 1
        risks.append(Risk(
            risk=fix_particles(f"{names}은(는) 답변에 없어 업계 일반값을 썼습니다.") if ko else f"{names[:1].upper() + names[1:]} {'are' if plural else 'is an'} industry default{'s' if plural else ''}, not your data.",
            mitigation="첫 분기 실적으로 실제 값을 측정해 계획을 다시 계산합니다." if ko else "Measure the real figures in the first quarter and recompute the plan.",
        ))  # fmt: skip
    paced = customers_at_pace(plan, a.funnel[-1].volume) if len(a.funnel) > 1 else 0.0
    if len(a.funnel) > 1 and (c := customer_goal(plan)) and paced < c[1] * 0.95:
        got, want = f"{paced:,.0f}", f"{c[1]:,.0f}"
        unit = c[0].frame.target.unit if c[0].frame and c[0].frame.target else ""
        unit = unit if re.fullmatch(r"[가-힣]{1,3}", unit) else "곳"
        risks.append(Risk(
            risk=f"이 전환율로는 리드 목표{'(같은 속도로 1년)' if paced != a.funnel[-1].volume else ''}에서 신규 고객이 약 {got}{unit} 나와 목표 {want}{unit}에 못 미칩니다." if ko else f"At these rates the lead goal{' (at its pace over the year)' if paced != a.funnel[-1].volume else ''} yields about {got} new customers, short of the {want} targeted.",
            mitigation="리드 목표를 올리거나 전환율 개선 활동을 계획합니다." if ko else "Raise the lead goal or plan work that lifts conversion.",
        ))  # fmt: skip
    cap = a.capacity
    if cap.deals_per_rep and cap.reps and cap.deals_per_rep > 40:
        deals = f"{cap.deals_per_rep:,.0f}"
        risks.append(Risk(
            risk=f"할당 영업 담당자 {cap.reps}명이 각각 연 약 {deals}건의 신규 거래를 성사해야 합니다." if ko else f"Each of the {cap.reps} quota sellers must close about {deals} new deals a year.",
            mitigation="할당량·영업 주기와 비교하고, 넘치면 채용이나 셀프서브 채널을 계획합니다." if ko else "Check it against quota and sales cycle; if it is above, plan hiring or a self-serve channel.",
        ))  # fmt: skip
    return risks[:3] + _threats(plan, ko)[: max(0, 4 - len(risks[:3]))]


def _threats(plan: Plan, ko: bool) -> list[Risk]:
    """The threats the market analysis names, as written, each met with the plan's first
    stated strength (or a watch routine when none is stated)."""
    from assistant.analysis.lists import SWOT_LABELS, labelled, split_items

    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    threats = _items(parts.get("t", ""), ko, split_items)
    strengths = _items(parts.get("s", ""), ko, split_items)
    out = []
    for n, threat in enumerate(threats[:2]):
        lead = strengths[n % len(strengths)] if strengths else ""
        cost = _COST.search(threat)
        out.append(Risk(
            risk=(threat[:1].upper() + threat[1:]) if not ko else threat,
            mitigation=(
                "채용과 가격 인상분을 미리 계획하고, 매달 원가와 마진을 점검합니다." if ko and cost
                else "Plan hiring and price increases ahead, and review cost and margin monthly." if cost
                else fix_particles(f"{lead}을(를) 앞세워 대응하고, 매달 놓친 거래와 이탈 고객의 사유를 보며 영향을 점검합니다.") if ko and lead
                else "매달 놓친 거래와 이탈 고객의 사유를 보며 영향을 점검하고, 커지면 가격과 메시지를 조정합니다." if ko
                else f"Lead with {lead[:1].lower() + lead[1:]}; review lost deals and churn reasons monthly for its effect." if lead
                else "Review lost deals and churn reasons monthly; adjust price and message if it grows."
            ),
        ))  # fmt: skip
    return out


_COST = re.compile(
    r"wage|salar|shortage|hiring|talent|labou?r\s+cost|inflation|material|인건비|임금|인력|구인|원가|물가|원자재",
    re.I,
)


def _items(text: str, ko: bool, split: object) -> list[str]:
    text = re.split(r"(?<=[.!?。])\s+", text.strip(), maxsplit=1)[0].strip(" .")
    if not text:
        return []
    if ko:
        from assistant.core.korean import split_list

        items = split_list(text)
    else:
        items = split(text)  # type: ignore[operator]
    return [i.strip(" .") for i in items if len(i.strip(" .")) > 3]
