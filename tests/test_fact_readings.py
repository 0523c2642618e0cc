"""Numbers and lists read as people write them (both languages): a price per load, visit or unit
is no year's revenue per customer; a customer who buys once has no churned lifetime; the sellers
are the people who carry a quota; a range's scale written once applies to both ends; regions
written with their states, office and share are the territories."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis.lists import team_roles
from assistant.analysis.plan_analysis import analyse
from assistant.analysis.plan_goals import deal_size
from assistant.cli.draft import build_plan, load_answers
from assistant.core.fact_sheet import per_unit_word
from assistant.goals.numbers import read_quantities
from assistant.interview.readout import value_text

DATA = Path(__file__).parent / "data"


def _plan(answers: dict[str, str], lang: str = "en"):  # type: ignore[no-untyped-def]
    return build_plan({"language": lang, "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip


EN_UNIT = {
    "mkt_mix_4p": "Price: a full detail is $180 per vehicle; gross margin 58%.",
    "mkt_budget": "Marketing budget $120,000 for 2027: Google ads 60%, Meta 40%.",
    "sales_objectives": "Win 300 new customers by December 31, 2027.",
}
KO_UNIT = {
    "mkt_mix_4p": "가격: 산업용 로봇 대당 1억 2,000만 원, 매출총이익률 30%.",
    "mkt_budget": "2027년 마케팅 예산 3억 원: 전시회 50%, 검색 광고 50%.",
    "sales_objectives": "2027년 12월까지 신규 고객 20곳을 확보한다.",
}


@pytest.mark.parametrize(("answers", "lang", "shown"), [(EN_UNIT, "en", "$180/vehicle"), (KO_UNIT, "ko", "대당 1억 2,000만 원")])  # fmt: skip
def test_a_price_per_unit_is_read_with_its_unit_and_builds_no_yearly_ltv(answers: dict[str, str], lang: str, shown: str) -> None:  # fmt: skip
    plan = _plan(answers, lang)
    price = plan.fact("price")
    assert price is not None and price.period == "unit"
    assert value_text(price, lang) == shown  # read back in the user's unit
    # how many a customer buys a year is not said: no revenue a year per customer, no LTV
    assert deal_size(plan) is None
    ue = analyse(plan).unit_economics
    assert ue.ltv is None and ue.payback_months is None


def test_a_per_unit_price_with_a_repeat_rate_counts_the_expected_purchases() -> None:
    answers = {**EN_UNIT, "sales_offering": "Detailing for homeowners; repeat rate 50%."}
    plan = _plan(answers)
    size = deal_size(plan)
    assert size is not None and size[0] == pytest.approx(360.0)  # $180 x 1 / (1 - 0.5)


def test_a_stated_revenue_per_customer_a_year_beats_the_unit_price() -> None:
    plan = build_plan(load_answers(DATA / "us_freight_answers.json")).plan
    # '$2,000 per load' is a price per load; '45 new shippers at about $120K annual net revenue
    # run-rate each' is the revenue a customer brings a year
    assert plan.fact("price").period == "unit"  # type: ignore[union-attr]
    assert deal_size(plan)[:2] == (120_000.0, "USD")  # type: ignore[index]
    assert per_unit_word(plan.fact("price").quote, ko=False) == "load"  # type: ignore[union-attr]


def test_operations_staff_carry_no_quota_and_the_stated_sales_cost_is_read() -> None:
    plan = build_plan(load_answers(DATA / "us_freight_answers.json")).plan
    sellers = {r["role"]: r["count"] for r in team_roles(plan) if r["quota_carrying"]}
    # 'Operations (not sales quota): 38 carrier sales reps …' are no sellers
    assert sellers == {"shipper account executives": 10}
    assert plan.number("quota_carrying_sellers") == 10
    # '$2.1M (SDRs + AEs fully loaded)' is the sales team's cost: no estimate replaces it
    assert plan.number("sales_budget") == pytest.approx(2_100_000)


def test_a_role_said_again_is_not_more_people_and_sellers_quotas_average() -> None:
    team = (
        "Owner manages the 2 fleet AEs. Sales: 1 fleet account executive today (quota 8 new fleet "
        "accounts in 2027), a 2nd fleet AE starting April 5 (quota 4 new accounts for the partial "
        "year) - so 2 fleet AEs by Q2. 3 booking coordinators answer calls."
    )
    plan = _plan({**EN_UNIT, "sales_team_structure": team})
    sellers = [r for r in team_roles(plan) if r["quota_carrying"]]
    assert [r["count"] for r in sellers] == [2]  # one row, not 2 + 1 + 2
    assert plan.number("quota_per_seller") == pytest.approx(6.0)  # (8 + 4) / 2
    # two mentions that are not restatements still add up
    plan = _plan({**EN_UNIT, "sales_team_structure": "3 AEs in Seoul and 2 AEs in Busan."})
    assert sum(int(str(r["count"])) for r in team_roles(plan) if r["quota_carrying"]) == 5


def test_korean_operations_staff_carry_no_quota() -> None:
    team = "영업팀: 영업 담당자 4명(할당 있음). 운영팀(할당 없음): 배차 영업 담당 12명."
    plan = _plan({**KO_UNIT, "sales_team_structure": team}, "ko")
    assert plan.number("quota_carrying_sellers") == 4


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a $260-300M/yr detailing market", 260e6, 300e6),
        ("$40-60K per year", 40e3, 60e3),
        ("$1.2-1.5B market", 1.2e9, 1.5e9),
        ("$5-10 per seat", 5, 10),
    ],
)
def test_a_range_scale_written_once_applies_to_both_ends(text: str, low: float, high: float) -> None:  # fmt: skip
    q = read_quantities(text)[0]
    assert (q.kind, q.unit) == ("money", "USD")
    assert q.value == pytest.approx(low) and q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("lang", "answers", "label"),
    [
        (
            "ko",
            {
                **KO_UNIT,
                "sales_strategy": "재구매는 거의 없고(평생 1회), 대신 준공 고객 소개가 많습니다.",
                "sales_offering": "평균 계약액 동당 4억 2천만 원.",
            },
            "고객당 매출(1회 구매)",
        ),  # fmt: skip
        (
            "en",
            {
                **EN_UNIT,
                "sales_strategy": "A home is a one-time purchase: customers rarely buy again.",
                "sales_offering": "Average contract value $420,000.",
            },
            "Revenue per customer (one purchase)",
        ),  # fmt: skip
    ],
)
def test_a_customer_who_buys_once_is_worth_one_purchase_not_a_churned_lifetime(lang: str, answers: dict[str, str], label: str) -> None:  # fmt: skip
    from assistant.interview.compose_offer import deal_label
    from assistant.interview.render import section_markdown

    target = (
        "중소 제조사의 공장 운영 책임자."
        if lang == "ko"
        else "Families in Phoenix suburbs building a first custom home."
    )
    plan = _plan({**answers, "sales_target_market": target}, lang)
    assert plan.number("repeat_rate") == 0
    size = deal_size(plan)
    assert size is not None
    a = analyse(plan)
    margin = plan.number("gross_margin")
    assert margin is not None
    assert a.unit_economics.ltv == pytest.approx(size[0] * margin / 100)  # one purchase
    assert a.unit_economics.payback_months is None
    assert deal_label(plan) == label
    said = " ".join(a.assumptions)
    assert ("재구매는 거의 없고" in said) if lang == "ko" else ("one-time purchase" in said)
    assert "annual churn" not in said.lower() and "연간 이탈률" not in said  # no default churn
    summary = section_markdown(plan, "sales_executive_summary")
    said_once = (
        "고객당 매출 4억 2,000만 원(1회 구매)"
        if lang == "ko"
        else "$420,000 per customer (one purchase)"
    )
    assert said_once in summary and "고객당 연 매출" not in summary and "a year per customer" not in summary  # fmt: skip
    if lang == "ko":  # the target market's figures say it too
        assert label in section_markdown(plan, "sales_target_market")


def test_regions_written_with_their_states_office_and_share_are_the_territories() -> None:
    """'Upper Midwest - IL, WI, MN (Chicago; about 48% …), Ohio Valley - OH, IN (Columbus; ~27%)':
    two regions with their shares, not 'Upper Midwest - IL', 'WI', 'MN (Chicago'; the team's
    '10 AEs (4 Chicago, 2 Columbus …)' staffs them through their offices."""
    from assistant.analysis.territory_list import territories

    plan = build_plan(load_answers(DATA / "us_freight_answers.json")).plan
    rows = [(t["name"], t["sellers"], t["share"]) for t in territories(plan)]
    assert rows == [
        ("Upper Midwest", 4, 48.0),
        ("Ohio Valley", 2, 27.0),
        ("Southeast", 2, 17.0),
        ("Texas & cross-border", 2, 8.0),
    ]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("ko", "재구매가 없는 고객에게는 30일 뒤 쿠폰을 보냅니다."),
        ("en", "Customers with no repeat purchase in 90 days get a win-back email."),
        ("en", "Buyers choose a subscription or a one-time purchase at checkout."),
    ],
)
def test_a_tactic_for_lapsed_buyers_is_no_one_off_business(lang: str, said: str) -> None:
    """A group of buyers a tactic aims at, or an option beside a subscription, does not say that
    customers buy once: no repeat rate of 0 is read from it."""
    answers = {**(KO_UNIT if lang == "ko" else EN_UNIT), "sales_tactics": said}
    assert _plan(answers, lang).fact("repeat_rate") is None


def test_a_price_after_an_hourly_rate_is_hourly_too() -> None:
    """'bill rate $23.80/hr in 2026 going to about $24.90 in 2027': $24.90 is an hour's rate, no
    year's revenue per customer (it had given an LTV of $19.40 and a 121,144-month payback)."""
    plan = _plan(
        {
            "mkt_mix_4p": "Price: average bill rate $23.80/hr in 2026 going to about $24.90 in 2027; gross margin around 19%.",  # fmt: skip
            "mkt_budget": "Marketing budget $600,000 for 2027: Indeed 50%, trade shows 50%.",
            "sales_objectives": "Win 40 new clients by December 31, 2027.",
        }
    )
    assert plan.fact("price") is None and plan.fact("average_deal_size") is None
    assert analyse(plan).unit_economics.ltv is None


@pytest.mark.parametrize(
    ("goal", "lang", "said"),
    [
        (
            "2027년 6월까지 지역 광고로 레벨테스트 신청을 월 1,200건에서 2,000건으로 늘린다.",
            "ko",
            "정량 목표가 있습니다: 월 1,200건에서 월 2,000건.",
        ),
        (
            "Grow demo requests from 120 a month to 200 a month by June 2027.",
            "en",
            "Has a quantitative target: 200 requests a month (from 120 requests a month).",
        ),
    ],
)
def test_a_goal_stated_a_month_is_a_monthly_rate(goal: str, lang: str, said: str) -> None:
    """'월 1,200건에서 2,000건으로' is a rate a month, not 2,000 over the period (which had paced it
    at '월 약 166.67건'): its amounts say '월'/'a month' wherever they are shown."""
    from assistant.goals.frame import read_goal_frame
    from assistant.goals.smart import check_measurable

    frame = read_goal_frame(goal, lang)
    assert frame.target is not None and frame.target.per_period
    assert check_measurable(goal, lang, frame).reason == said
    # a count over the period and a monthly-active level stay what they are
    assert not read_goal_frame(
        "Close 70 new annual contracts by December 2027.", "en"
    ).target.per_period  # type: ignore[union-attr]
    assert not read_goal_frame(
        "2027년까지 가맹점주 120명에서 200명으로 늘린다.", "ko"
    ).target.per_period  # type: ignore[union-attr]


def test_a_monthly_lead_goal_is_checked_against_today_s_monthly_rate() -> None:
    """'가맹 상담 신청을 월 25건에서 45건으로': today's rate a month, not last year's count; its pace in
    the risk register is the rate itself, not 45 ÷ 12."""
    from assistant.interview.lead_rise import steep_lead_row, steep_rise

    plan = _plan(
        {
            "mkt_objectives": "2027년 9월까지 가맹 상담 신청을 월 25건에서 45건으로 늘린다.",
            "mkt_budget": "2027년 마케팅 예산 3억 원: 박람회 50%, 검색 광고 50%.",
            "sales_objectives": "2027년 12월까지 신규 가맹점 20곳을 계약한다.",
        },
        "ko",
    )
    a = analyse(plan)
    check = " ".join(steep_rise(plan, plan.goals[0], a))
    assert (
        "지금 월 25건에서 80% 늘리는 목표" in check
        and "늘어나는 월 20건" in check
        and "작년 25건" not in check
    )
    row = steep_lead_row(plan, a)
    assert row is not None and "목표 속도 월 약 45건" in row[1]


def test_regions_with_their_share_after_the_name_staffed_by_their_office() -> None:
    """'Lehigh Valley (Allentown) ~38% of 2027 revenue, Harrisburg/Carlisle ~34%, Columbus (East +
    West) ~28%' with '4 BDMs (1 Allentown, 1 Harrisburg/Carlisle, 2 Columbus)': the stated shares
    and sellers, not an even split with the share in the name."""
    from assistant.analysis.territory_list import territories

    plan = _plan(
        {
            "sales_territories_channels": "Lehigh Valley (Allentown) ~38% of 2027 revenue, Harrisburg/Carlisle ~34%, Columbus (East + West) ~28%. Channels: direct sales ~75%.",  # fmt: skip
            "sales_team_structure": "4 business development managers (1 Allentown, 1 Harrisburg/Carlisle, 2 Columbus - second one hired in April), quota $1.3M each.",  # fmt: skip
            "sales_objectives": "Add 40 new clients billing at least 1,500 hours a month by December 31, 2027.",
        }
    )
    rows = territories(plan)
    assert [(r["name"], r["sellers"], r["share"]) for r in rows] == [
        ("Lehigh Valley (Allentown)", 1, 38.0),
        ("Harrisburg/Carlisle", 1, 34.0),
        ("Columbus (East + West)", 2, 28.0),
    ]
    assert sum(int(str(r["new_customers"])) for r in rows) == 40
    goal = plan.goals[0].frame
    assert goal is not None and goal.metric == "new clients" and goal.target is not None and goal.target.unit == "clients"  # fmt: skip


def test_a_stated_season_makes_no_quarter_a_run_rate() -> None:
    """'Q4 peak season is ~30% of the year': Q4 x 4 is no year-end level to set against the bridge."""
    from assistant.interview.render import section_markdown

    answers = {
        "mkt_mix_4p": "Price: $120,000 a year per client subscription; gross margin 40%.",
        "sales_objectives": "Grow revenue from $27.1M in 2026 to $32.5M in 2027.\nAdd 40 new clients by December 31, 2027.",  # fmt: skip
        "sales_forecast": "Q1 $6.9M, Q2 $7.6M, Q3 $8.3M, Q4 $9.7M. Q4 peak season (Oct-Dec) is ~30% of the year.",
    }
    forecast = section_markdown(_plan(answers), "sales_forecast")
    assert "| Q4 2027 | $9.7M |" in forecast and "ends the year at" not in forecast


@pytest.mark.parametrize(
    ("answers", "lang", "deal"),
    [
        (
            {
                "mkt_mix_4p": "가격: 기존 계약 평균 연 1,750만 원, 신규 계약 평균 연 2,200만 원; 재계약 시 단가 4% 인상.",
                "sales_strategy": "2027년 브리지: 계약 해지 -9억 원, 재계약 단가 4% 인상 +2.5억 원, 신규 계약 +16억 원.",
                "sales_objectives": "2027년 12월 31일까지 신규 연간 유지보수 계약 120건을 수주한다.",
            },
            "ko",
            22_000_000.0,
        ),
        (
            {
                "mkt_mix_4p": "Price: existing contracts average $15,000 a year, new contracts average $18,000 a year.",
                "sales_strategy": "Bridge: churn -$0.9M, contract price increase +$0.3M, new contracts +$1.6M.",
                "sales_objectives": "Win 90 new service contracts by December 31, 2027.",
            },
            "en",
            18_000.0,
        ),
    ],
)  # fmt: skip
def test_the_new_contracts_average_is_the_deal_size_and_a_signed_change_is_none(answers: dict[str, str], lang: str, deal: float) -> None:  # fmt: skip
    """The deal the plan sells is what a new contract averages, not the base's average, and never
    a bridge's signed change ('재계약 단가 4% 인상 +2.5억 원' had made each customer 2억 5,000만 원)."""
    plan = _plan(answers, lang)
    found = deal_size(plan)
    assert found is not None and found[0] == deal


@pytest.mark.parametrize(
    ("goal", "lang", "churn"),
    [
        ("재계약률을 2026년 87.5%에서 2027년 4분기 90%로 높인다.", "ko", 12.5),
        ("Raise the contract renewal rate from 85% to 88% by Q4 2027.", "en", 15.0),
    ],
)
def test_a_retention_goal_s_start_is_today_s_churn(goal: str, lang: str, churn: float) -> None:
    """Today's churn is the retention goal's starting rate, not the target a KPI list repeats
    ('재계약률 90%'), so lifetime value rests on the churn the business has."""
    kpis = "재계약률 90%, 수주율 33%" if lang == "ko" else "renewal rate 88%, win rate 33%"
    plan = _plan({"sales_objectives": goal, "sales_kpis": kpis}, lang)
    f = plan.fact("churn_rate")
    assert f is not None and f.value == churn and f.period == "year"
    frame = plan.goals[0].frame
    assert frame is not None and frame.kpi == "retention_rate"
    assert frame.baseline is not None and frame.target is not None
    assert (frame.baseline.value, frame.target.value) == (
        100 - churn,
        90.0 if lang == "ko" else 88.0,
    )
    assert plan.fact("repeat_rate") is None  # a renewal is no repeat purchase


def test_a_one_time_price_is_a_purchase_not_a_year() -> None:
    """'30-stick box $39 one-time' is what one order costs: no year's revenue per customer (and no
    LTV) is built on it."""
    plan = _plan(
        {
            "mkt_mix_4p": "Price: 30-stick box $39 one-time; subscription $33.15 (15% off).",
            "sales_objectives": "Grow active subscribers from 7,900 to 12,500 by December 31, 2027.",
        }
    )
    price = plan.fact("price")
    assert price is not None and price.value == 39.0 and price.period == "order"
    assert deal_size(plan) is None


@pytest.mark.parametrize(
    ("answers", "lang", "line"),
    [
        (
            {
                "sales_objectives": "Grow net revenue from $9.8M in 2026 to $13.5M in 2027.",
                "sales_strategy": "2026 revenue $9.8M = DTC $6.1M (subscriptions $2.4M + one-time on site $2.3M + Amazon $1.4M) + wholesale $3.7M.",
                "sales_kpis": "monthly churn 6.0%, AOV $47",
                "sales_offering": "30-stick subscription every 30 days, $33 a month.",
            },
            "en",
            2_400_000.0,
        ),
        (
            {
                "sales_objectives": "2027년 매출을 2026년 168억 원에서 210억 원으로 늘린다.",
                "sales_strategy": "2026년 매출 168억 원 = 유지보수 계약 72억 원(410건 × 평균 1,750만 원) + 긴급 수리 38억 원 + 부품 판매 58억 원.",
                "sales_kpis": "연간 이탈률 12.5%, 신규 계약 평균 2,200만 원",
                "mkt_mix_4p": "가격: 연간 유지보수 계약 연 2,200만 원(월 구독형 아님).",
            },
            "ko",
            7_200_000_000.0,
        ),
    ],
)  # fmt: skip
def test_churn_is_lost_from_the_recurring_line_the_base_names(answers: dict[str, str], lang: str, line: float) -> None:  # fmt: skip
    """A base written as its lines ('$9.8M = … subscriptions $2.4M + one-time …') loses churn from
    the recurring line only: 6% a month had taken $6.3M of a $9.8M base that is mostly one-time
    and wholesale sales."""
    plan = _plan(answers, lang)
    f = plan.fact("recurring_base")
    assert f is not None and f.value == line
    bridge = analyse(plan).revenue
    assert bridge.churned and bridge.churn_rate_annual and bridge.churn_base == line
    assert abs(bridge.churned - line * bridge.churn_rate_annual / 100) < 1
