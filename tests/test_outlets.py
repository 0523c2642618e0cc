"""A chain that opens its own outlets grows by the new outlets' sales: the stores are never counted
as customers, in the bridge, the summary, the KPIs, the territories or the forecast."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.analysis.outlets import outlet_bridge, outlet_goal
from assistant.analysis.plan_analysis import analyse, customer_goal
from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import plan_markdown, section_markdown

DATA = Path(__file__).parent / "data"

_RESTAURANTS = {
    "sales_objectives": "Grow revenue from $30M to $40M in 2027.\nGrow from 12 to 18 restaurants by December 31, 2027 by opening in the suburbs.",
    "mkt_mix_4p": "Product: fast-casual bowls. Price: average check $14. Place: 12 company-owned restaurants in Texas. Promotion: loyalty app, local radio.",
    "sales_offering": "Bowls and catering; average order value $14, guests order about twice a month.",
    "sales_territories_channels": "Dallas 7 restaurants, Houston 5 restaurants; catering online for all.",
}


def _en(extra: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    answers = {**_RESTAURANTS, **(extra or {})}
    return build_plan({"language": "en", "company": "Bowlful", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip


def test_a_korean_franchise_bridges_by_its_new_stores_not_by_shoppers() -> None:
    plan = build_plan(load_answers(DATA / "ko_bakery_answers.json")).plan
    a = analyse(plan)
    assert customer_goal(plan) is None  # '매장 수를 72개에서 90개로' is not 18 customers
    found = outlet_goal(plan)
    assert found is not None and found[1:] == (18, 72)
    # the franchise offer's '예상 월 매출 3,500만 원' is a store's sales: 4억 2,000만 a year
    assert plan.number("outlet_sales") == 35_000_000 and plan.fact("outlet_sales").period == "month"  # type: ignore[union-attr]
    assert a.revenue.new_business_from_goals == pytest.approx(18 * 420_000_000)
    assert a.revenue.gap == pytest.approx(400e8 - 310e8 - 18 * 420_000_000)  # 14억 4,000만
    assert outlet_bridge(plan, "KRW", a.revenue.new_business_from_goals) == (
        18,
        420_000_000,
        "매장",
    )
    summary = section_markdown(plan, "sales_executive_summary")
    assert "새 매장 18곳(곳당 연 매출 4억 2,000만 원)" in summary
    assert "기준 310억 원 + 신규 매장 18곳 75억 6,000만 원 = 385억 6,000만 원" in summary
    assert "새 매장이 한 해 동안 고르게 문을 열면 2027년 매출은 약 348억 원" in summary
    text = plan_markdown(plan)
    assert "고객당 연 매출 1만" not in text and "명 더 확보" not in text
    assert "기존 매장의 매출 증가로 더 메워야" in text  # not 'expansion' for a bakery
    # the store goal is measured as stores open, from the opening records
    assert "| 목표 5 | 영업 중인 매장 수 | 기간 말 영업 중인 매장 수(새로 연 매장 - 문을 닫은 매장) | 72개 | 90개 | 출점·폐점 기록 |" in text  # fmt: skip
    # the regions hold stores today and get the goal's own split of the new ones
    territories = section_markdown(plan, "sales_territories_channels")
    assert (
        "| 수도권 | 52개 | 10개 (56%) |" in territories and "| 합계 | 72개 | 18개 |" in territories
    )
    assert "목표에 적힌 배분" in territories
    forecast = section_markdown(plan, "sales_forecast")
    assert (
        "| 2027년 1분기 | 5개 | 21억 원 |" in forecast
        and "| 합계 | 18개 | 75억 6,000만 원 |" in forecast
    )
    assert "약 37억 8,000만 원으로" in forecast  # half a year's sales: the summary's 348억 - 310억


def test_an_english_chain_without_a_per_store_figure_uses_its_average_store() -> None:
    plan = _en()
    a = analyse(plan)
    assert customer_goal(plan) is None
    # $30M over today's 12 restaurants: $2.5M a location a year
    assert a.revenue.new_business_from_goals == pytest.approx(6 * 2_500_000)
    assert outlet_bridge(plan, "USD", a.revenue.new_business_from_goals) == (
        6,
        2_500_000,
        "restaurants",
    )
    assert any("last year's revenue over today's 12 outlets" in x for x in a.assumptions)
    territories = section_markdown(plan, "sales_territories_channels")
    # no split in the goal: in proportion to today's locations (7 : 5)
    assert "| Dallas | 7 | 4 (67%) |" in territories and "| Houston | 5 | 2 (33%) |" in territories


def test_a_stated_sales_per_location_wins_over_the_average() -> None:
    plan = _en({"sales_strategy": "Each location does about $2.0M a year once it has run a year."})
    assert analyse(plan).revenue.new_business_from_goals == pytest.approx(6 * 2_000_000)


@pytest.mark.parametrize(
    "name", ["ko_payments_answers.json", "ko_food_supplier_answers.json", "us_outfitter_answers.json", "us_industrial_answers.json"]
)  # fmt: skip
def test_stores_that_are_customers_or_merchants_are_not_outlets(name: str) -> None:
    """A processor's new merchants, a supplier's active stores and a retailer's store pickups
    are customers or orders, never outlets the business opens."""
    plan = build_plan(load_answers(DATA / name)).plan
    assert outlet_goal(plan) is None
    # '신규 가맹점 600곳을 유치' is merchants won, measured as customers, not as stores open
    assert not [
        g
        for g in plan.goals
        if g.measurement and g.measurement.kpi_name in ("영업 중인 매장 수", "Outlets open")
    ]
