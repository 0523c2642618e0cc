"""The risk register at the end of the plan: each risk the plan's own numbers, market and SWOT
name, with what to watch (a measure and how often, with the figure the plan needs where it has
one), the response, and the team role that owns it. The summaries keep their short list of top
risks (`PlanAnalysis.risks`); the register is the whole list."""

from __future__ import annotations

import re

from pydantic import BaseModel

from assistant.analysis.analysis_model import PlanAnalysis, is_default_line
from assistant.analysis.lists import SWOT_LABELS, labelled, split_items, team_roles
from assistant.analysis.plan_goals import customer_goal, customers_at_pace, lead_goal, lead_pace
from assistant.analysis.plan_goals import plan_year as _yr
from assistant.analysis.plan_risks import _items, response_parts, threat_effect, threat_leads
from assistant.core.lang import fix_particles
from assistant.core.plan import Plan


class RegisterRow(BaseModel):
    risk: str
    watch: str
    response: str
    owner: str
    item: str = ""  # the SWOT item a row answers, as written ('' for the plan's own risks)


_DEPENDENCE = re.compile(
    r"depend|relian|concentrat|single\s+(?:supplier|source|customer)|의존|편중|쏠림", re.I
)
_BRAND = re.compile(r"brand|awareness|unknown|recogni|인지도|브랜드|알려지지", re.I)


def owners(plan: Plan) -> tuple[str, str]:
    """(marketing owner, sales owner) as the team answer names them, else the generic roles."""
    ko = plan.language == "ko"
    roles = team_roles(plan)
    mkt = next((str(r["role"]) for r in roles if re.search(r"market|마케팅", str(r["role"]), re.I)), "")  # fmt: skip
    lead = next((str(r["role"]) for r in roles if not r["reports_to"] and not r["quota_carrying"] and r["count"] == 1), "")  # fmt: skip
    return (
        mkt or ("마케팅팀" if ko else "Marketing team"),  # a team, never a title nobody holds
        lead or ("영업팀" if ko else "Sales team"),
    )


def risk_register(plan: Plan, a: PlanAnalysis) -> list[RegisterRow]:
    ko = plan.language == "ko"
    mkt, sales = owners(plan)
    rows: list[RegisterRow] = []
    both = f"{mkt}, {sales}"
    paced = customers_at_pace(plan, a.funnel[-1].volume) if len(a.funnel) > 1 else 0.0
    won, leads = customer_goal(plan), lead_goal(plan)
    if len(a.funnel) > 1 and won is not None and paced < won[1] * 0.95:
        risk = next((r for r in a.risks if "lead goal" in r.risk or "리드 목표" in r.risk), None)
        pace = lead_pace(plan)
        months = pace[0] if pace else 12
        stage = a.funnel[0].stage + ("s" if a.funnel[0].stage.isupper() and not ko else "")
        from assistant.analysis.plan_goals import recommended_leads

        # watched against the lead goal the mitigation recommends, when it recommends one
        need = recommended_leads(plan, a.funnel[-1].volume)
        target = need or (leads[1] if leads is not None else a.funnel[0].volume * months / 12)
        per_month = target / months
        from assistant.analysis.market import quarter_weights, shaped

        # a quarter's customers as the goal path places them (around a buyers' freeze, uneven)
        weights = quarter_weights(plan)
        path = shaped(round(won[1]), weights)
        even = len(set(weights)) == 1
        quarters_ko = (
            f"분기 약 {won[1] / 4:,.0f}곳"
            if even
            else "분기별 목표 경로 " + "/".join(f"{q:,}" for q in path) + "곳"
        )
        quarters_en = (
            f"about {won[1] / 4:,.0f}"
            if even
            else "the goal path's " + "/".join(f"{q:,}" for q in path)
        )
        rows.append(RegisterRow(
            risk=risk.risk if risk else "",
            watch=(f"월 {stage} 수({'권장 목표' if need else '목표'} 속도 월 약 {per_month:,.0f}건)와 분기별 신규 고객 수({quarters_ko})" if ko
                   else f"{stage} a month against the {'recommended ' if need else ''}goal's pace (about {per_month:,.0f}) and customers won a quarter against {quarters_en}"),
            response=risk.mitigation if risk else "",
            owner=both,
        ))  # fmt: skip
    cap = a.capacity
    if cap.deals_per_rep and cap.reps and cap.deals_per_rep > 40:
        risk = next((r for r in a.risks if f"{cap.deals_per_rep:,.0f}" in r.risk), None)
        if risk is not None:
            rows.append(RegisterRow(
                risk=risk.risk,
                watch=(f"1인당 월 신규 거래 수(필요 약 {cap.deals_per_rep / 12:,.1f}건)" if ko
                       else f"new deals per seller a month against about {cap.deals_per_rep / 12:,.1f}"),
                response=risk.mitigation, owner=sales,
            ))  # fmt: skip
    rows = [r for r in rows if r.risk] + _revenue_rows(plan, a, sales) + _partner_rows(plan, sales)
    rows += [row for _, row in swot_risk_rows(plan)]
    defaults = [x.split(":")[0].strip() for x in a.assumptions if is_default_line(x)]
    if defaults:
        low = [d[:1].lower() + d[1:] if d[1:2].islower() else d for d in defaults]
        names = "·".join(defaults) if ko else (low[0] if len(low) == 1 else ", ".join(low[:-1]) + " and " + low[-1])  # fmt: skip
        rows.append(RegisterRow(
            # worded as the summary's risk, so the two never read as two risks
            risk=fix_particles(f"{names}은(는) 정해지지 않아 업계 일반값을 썼습니다.") if ko else f"{names[:1].upper() + names[1:]} {'are industry defaults' if len(defaults) > 1 else 'is an industry default'}, not your data.",
            watch=f"첫 분기에 측정한 {names}" if ko else f"the {names} measured in the first quarter",
            response="측정한 값으로 계획을 다시 계산합니다." if ko else "Recompute the plan with the measured figures.",
            owner=both,
        ))  # fmt: skip
    return rows


def swot_risk_rows(plan: Plan) -> list[tuple[str, RegisterRow]]:
    """('t' or 'w', the register's row) for the SWOT's threats and its first two weaknesses, each with what to watch, the response and the owner: the register lists them
    and the SWOT mapping shows where the plan meets them."""
    ko = plan.language == "ko"
    mkt, sales = owners(plan)
    both = f"{mkt}, {sales}"
    out: list[tuple[str, RegisterRow]] = []
    parts, _ = labelled(plan.user_text("mkt_market_analysis"), SWOT_LABELS)
    cta = plan.messaging.call_to_action
    # a competing threat: the message is marketing's, the deals it costs are sales'
    for threat, lead in threat_leads(plan):
        act, watch = response_parts(threat, lead, cta, ko)
        said = threat if ko else threat[:1].upper() + threat[1:]
        # the register says what the threat does to the plan, not the SWOT's noun again
        risk = f"{said.rstrip(' .')}: {effect}" if (effect := threat_effect(threat, ko)) else said
        out.append(("t", RegisterRow(risk=risk, watch=watch, response=act, owner=both, item=said)))  # fmt: skip
    from assistant.analysis.plan_analysis import _consumers
    from assistant.analysis.revenue_models import model_of

    shoppers = (
        model_of(plan) == "transactional"
        or _consumers(customer_goal(plan))
        or plan.fact("average_order_value") is not None
        or (plan.number("repeat_rate") or 0) > 0  # a house bought once is no shop's order
    )
    # weaknesses split at commas only: 'no brand awareness outside Philly and the Main Line'
    # is one weakness; a number's comma ('only 1,150 retail doors') and a note's are not cuts
    said = re.split(r"(?<=[.!?。])\s+", parts.get("w", "").strip(), maxsplit=1)[0].strip(" .")
    weak = _items(said, ko, split_items) if ko else [w.strip(" .") for w in re.split(r"(?:;|,(?!\d{3}(?!\d)))(?![^()]*\))\s*", said) if len(w.strip(" .")) > 3]  # fmt: skip
    weak = [re.sub(r"^(?:and|also|plus)\s+", "", w, flags=re.I) for w in weak]
    from assistant.analysis.market import infer_market

    home = infer_market(plan).country
    for weakness in weak[:2]:
        row = _weakness(weakness, ko, mkt, sales, shoppers)
        if (far := _elsewhere(weakness, home)) is not None:
            # a gap that matters only in a market the plan does not sell to ('no EU data centre'
            # in a North American plan) is logged, not worked on this year
            row = RegisterRow(
                risk=row.item,
                item=row.item,
                watch=f"이 부족함 때문에 놓친 {far} 관련 거래 수(분기마다)"
                if ko
                else f"deals lost for it with buyers who operate in {far}, quarterly",  # fmt: skip
                response=(
                    "이 계획의 시장 밖의 일입니다. 요청한 거래만 기록하고, 그 시장에 진출할 때 다시 봅니다."
                    if ko
                    else "Outside this plan's market: log the deals that ask for it, and revisit it when the plan enters that market."
                ),
                owner=sales,
            )
        out.append(("w", row))
    if ko:
        out = [
            (k, RegisterRow(**{**r.model_dump(), "risk": fix_particles(r.risk)})) for k, r in out
        ]
    return out


def revenue_risks(plan: Plan, a: PlanAnalysis) -> list[str]:
    """The revenue goal's own risks as sentences (the sales summary lists them first)."""
    return [r.risk for r in _revenue_rows(plan, a, "")]


def _revenue_rows(plan: Plan, a: PlanAnalysis, owner: str) -> list[RegisterRow]:
    """The revenue goal's own risks, from the bridge: what expansion must still close, and this
    year's revenue when customers join evenly (a year's revenue goal counted as a run-rate)."""
    from assistant.analysis.plan_goals import revenue_goal
    from assistant.analysis.revenue_bridge import in_year_landing, opening_needed
    from assistant.goals.numbers import about, format_amount

    ko, lang = plan.language == "ko", plan.language
    rev = revenue_goal(plan)
    br = a.revenue
    if rev is None:
        return []
    m = lambda v: format_amount(about(v), rev[2], lang)  # noqa: E731
    out: list[RegisterRow] = []
    from assistant.analysis.outlets import outlet_bridge

    if br.gap is not None and br.gap > rev[1] * 0.01:
        # what closes the rest: expansion, or for a chain the existing outlets' growth
        chain = outlet_bridge(plan, rev[2], br.new_business_from_goals) is not None
        by_ko, by_en = ("기존 매장의 매출 증가로", "existing outlets' sales growth") if chain else ("확장 매출이", "expansion")  # fmt: skip
        watch_ko = f"기존 매장 매출의 작년 같은 분기 대비 증가(분기 약 {m(br.gap / 4)})" if chain else f"분기별 확장 매출(분기 약 {m(br.gap / 4)} 더)"  # fmt: skip
        watch_en = f"existing outlets' sales against the same quarter last year (about {m(br.gap / 4)} more a quarter)" if chain else f"expansion revenue booked a quarter (about {m(br.gap / 4)} more)"  # fmt: skip
        response = (
            ("기존 매장의 객수·객단가·재구매 목표를 금액으로 정하거나, 새 매장 목표를 올립니다.", "Put a figure on existing outlets' visits, basket and repeat purchases, or raise the new-outlet goal.")
            if chain else
            ("확장 계획(추가 옵션, 가격 인상, 업셀 대상)을 금액으로 정하거나, 신규 고객 목표를 올립니다.", "Put a figure on the expansion plan (add-ons, price rises, upsell targets) or raise the new-customer goal.")
        )  # fmt: skip
        out.append(RegisterRow(
            risk=(f"매출 브리지로는 목표 {m(rev[1])} 중 약 {m(br.gap)}을(를) {by_ko} 더 메워야 합니다." if ko
                  else f"The revenue bridge leaves about {m(br.gap)} of the {m(rev[1])} goal for {by_en} to close."),
            watch=watch_ko if ko else watch_en,
            response=response[0] if ko else response[1],
            owner=owner,
        ))  # fmt: skip
    landed = in_year_landing(plan, br)
    if landed is not None and landed < rev[1] * 0.98:
        landed = about(landed)
        short = rev[1] - landed  # from the rounded figure shown, as the summary says it
        # the opening the goal needs, said first: last year's revenue is its average, so a
        # business that grew through it opens higher, and the shortfall below is its ceiling
        need = opening_needed(plan, br)
        needs = (
            (f"{_yr(plan)}년 매출 목표 {m(rev[1])}은(는) 연초 연환산 매출(12월 월 매출 × 12)이 약 {m(need)}이어야 달성됩니다. 작년 매출 {m(br.base)}에서 출발해 고객이 고르게 들어오면 약 {m(landed)}(으)로, 약 {format_amount(short, rev[2], lang)} 부족합니다." if ko
             else f"The {_yr(plan)} revenue goal of {m(rev[1])} needs the year to open at a run-rate of about {m(need)} (December's revenue × 12). Opening at last year's {m(br.base)}, with customers joining evenly, the year brings about {m(landed)}, about {format_amount(short, rev[2], lang)} short.")
            if need is not None and br.base is not None and need > br.base * 1.005
            else (f"고객이 한 해 동안 고르게 들어오면 {_yr(plan)}년 매출은 약 {m(landed)}(으)로, 목표보다 약 {format_amount(short, rev[2], lang)} 적습니다." if ko
                  else f"If customers join evenly through the year, {_yr(plan)} revenue comes to about {m(landed)}, about {format_amount(short, rev[2], lang)} short of the goal.")
        )  # fmt: skip
        confirm = need is not None and br.base is not None and need > br.base * 1.005
        out.append(RegisterRow(
            risk=needs,
            watch=((f"연초 연환산 매출(승인 전 추정·1월 확정, 약 {m(need)} 이상), " if confirm and need else "") + "상반기 신규 계약 수와 분기 매출(목표 경로 대비)" if ko
                   else (f"the opening run-rate (estimated before sign-off, confirmed in January; about {m(need)} or more), then " if confirm and need else "") + "new contracts in the first half and revenue a quarter against the goal's path"),
            response=(("승인 전에 최근 월 매출로 연초 연환산 매출을 추정하고(1월에 확정), 부족하면 " if confirm else "") + "상반기에 계약을 앞당길 파이프라인을 만들거나, 목표가 연말 기준 연간 매출임을 밝힙니다." if ko
                      else ("Estimate the opening run-rate before sign-off from the latest month (confirmed in January); if it falls short, build" if confirm else "Build") + " pipeline that closes in the first half, or state the goal as the year-end run-rate."),
            owner=owner,
        ))  # fmt: skip
    return [
        RegisterRow(**{**r.model_dump(), "risk": fix_particles(r.risk)}) if ko else r for r in out
    ]


_COSTLY = re.compile(
    r"shipping|delivery\s+(?:cost|fee)|expensive|price|cost|배송비|비싸|가격|비용|요금", re.I
)


# kind of weakness -> (what to watch en/ko, the response en/ko, owned by marketing?)
_WEAKNESS_KINDS: dict[str, tuple[str, str, str, str, bool]] = {
    "brand": ("win rate against named competitors, quarterly", "이름 있는 경쟁사와 붙은 거래의 수주율(분기마다)",
              "Collect customer proof first (case studies with numbers, reference customers), then lead with it where a named competitor is in the deal.", "정량 성과가 담긴 고객 사례와 레퍼런스 고객을 먼저 확보하고, 이름 있는 경쟁사와 붙는 거래에서 앞세웁니다.", True),
    "shop cost": ("checkout abandonment, monthly", "결제 단계 이탈률(매달)",
                  "Test bundles or a free-shipping threshold to spread the cost, and show the full price up front.", "묶음 주문이나 무료 배송 기준 금액으로 건당 부담을 낮추는 안을 시험하고, 총액을 처음부터 보여 줍니다.", True),
    "shop gap": ("requests and reviews that name this gap, quarterly", "고객 문의·후기에서 이 부족함을 말한 건수(분기마다)",
                 "Count the requests, weigh them against the cost of the fix, and set its priority.", "요청 수를 세어 보완 비용과 비교하고, 우선순위를 정합니다.", False),
    "dependence": ("the share of sales from the largest lines or customers, quarterly", "매출 상위 품목·고객의 비중(분기마다)",
                   "Spread the risk: a second source or line, terms that protect supply and price, and sales growth outside the largest ones.", "위험을 나눕니다: 대체 공급처나 품목을 확보하고, 공급과 가격을 지키는 조건으로 계약하며, 상위 품목·고객 밖의 매출을 키웁니다.", False),
    "gap": ("deals and value lost for this gap, quarterly", "이 부족함 때문에 놓친 거래 수와 금액(분기마다)",
            "Qualify out deals that need it early and log them, to size the fix.", "필요한 고객은 초기에 걸러 내고 기록해, 보완할지 판단할 근거로 삼습니다.", False),
}  # fmt: skip


# what a kind of weakness does to the plan, for the kind whose effect is certain (the register's
# risk after the SWOT's words); other kinds keep the SWOT's words alone
_WEAKNESS_EFFECTS: dict[str, tuple[str, str]] = {
    "brand": ("buyers who have not heard of us shortlist named competitors first.", "우리를 모르는 고객은 이름 있는 경쟁사를 먼저 검토합니다."),
}  # fmt: skip
_SEVERAL = re.compile(r"\band\b|,|[가-힣]고\s|와\s|과\s|및", re.I)


def _elsewhere(weakness: str, home: str | None) -> str | None:
    """The region a weakness is about when it is not the plan's own market ('No EU data centre'
    in a plan that sells in North America -> 'EU'); None when it names none or the plan's own."""
    from assistant.analysis.market import COUNTRIES

    if home is None:
        return None
    for code, rx in COUNTRIES:
        if code == home:
            continue
        for m in rx.finditer(weakness):
            # the whole word ('Canad' -> 'Canadian'); a two- or three-letter code only in capitals
            # ('No EU data centre', never the 'us' of 'heard of us')
            said = re.match(r"[\w.\-]*", weakness[m.start() :]).group(0).strip(".-").split("-")[0]  # type: ignore[union-attr]
            if len(said) <= 3 and not said.isupper() and not re.search(r"[가-힣]", said):
                continue
            if said.upper() in ("EU", "UK", "US", "USA") and not re.search(r"[가-힣]", weakness):
                return f"the {said}"
            return said
    return None


def _weakness(weakness: str, ko: bool, mkt: str, sales: str, shoppers: bool = False) -> RegisterRow:
    """A weak brand is met with proof; a gap in the product or coverage is qualified out early
    and counted, so its cost is known before anyone builds it; for a shop, a cost the buyer pays
    is watched at checkout and a gap in the range in what shoppers ask for."""
    from assistant.core.korean import ko_phrase

    # a clause cut at its comma reads as a phrase ('브랜드 인지도가 낮고' -> '브랜드 인지도가 낮음')
    text = ko_phrase(weakness) if ko else weakness[:1].upper() + weakness[1:]
    kind = (
        "dependence" if _DEPENDENCE.search(weakness)
        else "brand" if _BRAND.search(weakness)
        else ("shop cost" if _COSTLY.search(weakness) else "shop gap") if shoppers
        else "gap"
    )  # fmt: skip
    watch_en, watch_ko, act_en, act_ko, marketing = _WEAKNESS_KINDS[kind]
    effect = _WEAKNESS_EFFECTS.get(kind, ("", ""))[1 if ko else 0]
    if _SEVERAL.search(weakness):  # an item joining several: its own words, no one effect
        effect = ""
    return RegisterRow(
        risk=f"{text.rstrip(' .')}: {effect}" if effect else text,
        item=text,
        watch=watch_ko if ko else watch_en,
        response=act_ko if ko else act_en,
        owner=mkt if marketing else sales,
    )


def partner_risks(plan: Plan) -> list[str]:
    """The partner dependence as a sentence with its response (the sales summary's own risk)."""
    return [f"{r.risk} {r.response}" for r in _partner_rows(plan, "")]


def _partner_rows(plan: Plan, owner: str) -> list[RegisterRow]:
    """A fifth or more of the new customers coming from partners is a dependence: the customer
    goal moves with how much the partners refer."""
    from assistant.analysis.plan_goals import partner_share

    share, won = partner_share(plan), customer_goal(plan)
    if share is None or won is None or share < 20:
        return []
    ko = plan.language == "ko"
    deals = won[1] * share / 100
    return [RegisterRow(
        risk=(f"신규 고객의 약 {share:g}%(약 {deals:,.0f}곳)를 파트너가 가져옵니다. 파트너의 소개가 줄면 고객 목표도 줄어듭니다." if ko
              else f"Partners bring about {share:g}% of the new customers (about {deals:,.0f}): if they refer less, the customer goal falls with them."),
        watch=(f"분기별 파트너 소개 건수와 계약 수(분기 약 {deals / 4:,.0f}곳)" if ko
               else f"partner referrals and deals a quarter (about {deals / 4:,.0f})"),
        response=("파트너별 연 목표와 소개 보상을 계약에 넣고, 소개가 적은 파트너를 분기마다 가려 직접 영업으로 채웁니다." if ko
                  else "Put a yearly target and a referral reward in each partner agreement, and cover a partner that refers too few with direct sales each quarter."),
        owner=owner,
    )]  # fmt: skip
