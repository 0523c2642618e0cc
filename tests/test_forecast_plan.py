import json
from pathlib import Path

import pytest
from docx import Document

from assistant.analysis.budget import budget_issues, calendar_notes, month_of, roi_projection
from assistant.cli.draft import build_plan, load_answers
from assistant.core.plan import Budget, BudgetLine, CalendarEntry, Plan
from assistant.interview.forecast_attach import attach_forecast
from tests.conftest import run_cli


def test_draft_with_sales_history_fills_the_forecast_with_numbers(
    sample_answers: Path, shared_data: Path, tmp_path: Path, isolated_env: Path
) -> None:
    out = tmp_path / "plan.json"
    args = [
        "draft",
        "--answers",
        str(sample_answers),
        "--sales-history",
        str(shared_data / "sample_sales_history.csv"),
        "--format",
        "json",
        "--out",
        str(out),
    ]
    run = run_cli(isolated_env, *args)
    assert run.returncode == 0, run.stderr
    doc = json.loads(out.read_text())
    content = doc["sections"]["sales_forecast"]["content"]
    # the history ends in June 2026 and the plan is for 2027: the forecast covers the plan's year
    assert "Method:" in content and "holdout" in content and "| 2027-01 |" in content
    periods = [p["period"] for p in doc["forecast"]["points"]]
    assert periods[0] == "2027-01" and periods[-1] == "2027-12" and len(periods) == 12
    assert doc["forecast"]["points"][0]["value"] > 0
    docx_out = tmp_path / "plan.docx"
    run = run_cli(isolated_env, *args[:-4], "--format", "docx", "--out", str(docx_out))
    assert run.returncode == 0, run.stderr
    assert len(Document(str(docx_out)).inline_shapes) >= 3  # budget, calendar and forecast charts


def test_sales_goals_above_the_forecast_are_flagged_with_numbers(shared_data: Path) -> None:
    doc = {
        "language": "en",
        "plan_type": "sales",
        "company": "X",
        "answers": {
            "sales_objectives": "Reach $5,000,000 revenue by June 2027 through two new partners.\nGrow revenue 10% by June 2027 by adding an upsell offer."
        },
    }
    plan = build_plan(doc).plan
    assert plan.goals[0].criteria["achievable"].ok is True
    attach_forecast(plan, shared_data / "sample_sales_history.csv", horizon=12)
    big, modest = plan.goals
    assert (
        big.criteria["achievable"].ok is False
        and "optimistic scenario" in big.criteria["achievable"].reason
    )
    assert "$5M" in big.criteria["achievable"].reason  # the target, with its currency
    assert modest.criteria["achievable"].ok is True


def test_budget_checks_and_roi_projection() -> None:
    plan = Plan.new("X", "en", "marketing")
    plan.budget = Budget(
        total=100000,
        expected_roi=2.5,
        lines=[BudgetLine(item="ads", share=60), BudgetLine(item="events", share=30)],
    )
    assert budget_issues(plan) == ["Budget shares add up to 90%, not 100%."]
    assert "250,000" in roi_projection(plan)
    plan.budget = Budget(
        total=100000,
        lines=[BudgetLine(item="ads", amount=70000), BudgetLine(item="events", amount=20000)],
    )
    assert "add up to 90,000" in budget_issues(plan)[0]
    plan.language = "ko"
    plan.budget.lines[1].amount = 30000
    assert budget_issues(plan) == []


def test_calendar_notes_seasonal_moments_and_empty_peaks(shared_data: Path) -> None:
    plan = Plan.new("X", "ko", "integrated")
    plan.section("mkt_market_analysis").content = "서울의 온라인 식품 쇼핑몰 시장."
    plan.calendar = [
        CalendarEntry(when="3월", activity="봄 출시"),
        CalendarEntry(when="Q3", activity="웨비나"),
    ]
    assert (
        month_of("3월") == 3
        and month_of("Q3") == 7
        and month_of("September") == 9
        and month_of("2027-11") == 11
    )
    attach_forecast(plan, shared_data / "sample_sales_history.csv", horizon=12)
    notes = calendar_notes(plan)
    assert "설날" in notes[0]
    assert any("성수기" in n for n in notes)


def test_the_calendar_suggests_only_the_markets_own_moments() -> None:
    us = Plan.new("Trailhead", "en")
    us.section("mkt_market_analysis").content = "Outdoor apparel stores in North America."
    us_notes = " ".join(calendar_notes(us))
    assert "Black Friday" in us_notes and "Back-to-school" in us_notes
    # software sold to retailers is B2B: no shoppers' holidays in its calendar
    vendor = Plan.new("Brightloom", "en")
    vendor.section("mkt_market_analysis").content = "Mid-market retailers in North America with 20-200 stores."  # fmt: skip
    vendor.section("sales_offering").content = "Daily store-level dashboards and anomaly alerts (SaaS)."  # fmt: skip
    vendor_notes = " ".join(calendar_notes(vendor))
    assert "Next-year budget planning" in vendor_notes and "Valentine" not in vendor_notes
    # a moment with nothing planned comes with what to do about it
    assert vendor_notes.startswith("Seasonal and industry moments with nothing planned: ")
    # named by the month before each (October's budget planning: September)
    assert "Recommended: an activity aimed at each in the month before (December, May and September)." in vendor_notes  # fmt: skip
    # a Korean HR SaaS gets the payroll calendar, not gifting seasons
    hr = Plan.new("핏플로우", "ko")
    hr.section("mkt_market_analysis").content = "국내 제조·유통·서비스업 중소기업 HR SaaS 시장."
    hr.section("sales_offering").content = "근태관리, 급여 계산, 전자 근로계약, 연차 관리."
    hr_notes = " ".join(calendar_notes(hr))
    assert "연말정산" in hr_notes and "최저임금" in hr_notes
    assert "빼빼로" not in hr_notes and "설날" not in hr_notes
    assert (
        "Seollal" not in us_notes and "Chuseok" not in us_notes and "Family month" not in us_notes
    )
    tax = Plan.new("세무랩", "ko")
    tax.section("mkt_market_analysis").content = "국내 소상공인 세무 소프트웨어 시장."
    tax_notes = " ".join(calendar_notes(tax))
    assert "부가세" in tax_notes and "종합소득세" in tax_notes
    assert "블랙프라이데이" not in tax_notes and "설날" not in tax_notes


def test_a_dollar_history_in_a_won_plan_stays_in_dollars(shared_data: Path) -> None:
    """'revenue_usd' in a Korean plan budgeted in won: the forecast is shown in dollars and never
    set against the won budget or goals (no false ROI warning, no bridge mixing currencies)."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.core.plan import forecast_currency
    from assistant.export import render_bytes

    doc = {
        "language": "ko", "company": "한빛", "plan_type": "integrated",
        "answers": {
            "mkt_budget": "총 마케팅 예산 3억 원: 검색 광고 40%, 전시회 30%, 콘텐츠 30%. 기대 ROI 200%.",
            "mkt_objectives": "2027년 12월 31일까지 검색 광고로 월 매출을 5억 원으로 늘린다",
        },
    }  # fmt: skip
    plan = build_plan(doc).plan
    assert plan.budget.currency == "KRW"
    attach_forecast(plan, shared_data / "sample_sales_history.csv", horizon=12)
    assert forecast_currency(plan) == "USD"
    assert analyse(plan).revenue.forecast_next_12 is None
    md = render_bytes(plan, "md").decode()
    forecast_part = md[md.index("### 영업 예측") :]
    shown = forecast_part.split("###")[1]
    assert "달러" in shown and " 원" not in shown
    assert "ROI 200%" not in md or "12개월 예측" not in md
    assert plan.goals and "낙관 시나리오" not in plan.goals[0].criteria["achievable"].reason


def test_an_arr_goal_is_compared_with_the_run_rate_not_a_years_sum(shared_data: Path) -> None:
    """ARR is a level at a date: it is set against the forecast's last period x 12 (run-rate);
    revenue in a year is a flow: against the year's sum. Targets are placed between the two."""
    from assistant.analysis.forecast_plan import forecast_note
    from assistant.cli.draft import build_plan
    from assistant.interview.forecast_attach import attach_forecast

    doc = {"language": "en", "company": "", "plan_type": "integrated", "answers": {}}
    plan = build_plan(doc).plan
    attach_forecast(plan, shared_data / "sample_sales_history.csv")
    f = plan.forecast
    assert f is not None and f.frequency == "monthly"
    run_rate = f.points[-1].upper * 12
    yearly = f.optimistic_total
    if run_rate <= yearly * 1.2:
        pytest.skip("this machine's forecast has no upward trend to separate the two")
    between = round((run_rate + yearly * 1.1) / 2, -3)
    arr = f"Grow ARR to ${between:,.0f} by December 31, 2027 through upsell."
    flow = f"Reach ${between:,.0f} in revenue in 2027 through upsell."
    assert forecast_note(arr, f, "en") == ""  # within the optimistic run-rate
    assert "optimistic scenario" in forecast_note(flow, f, "en")  # above the year's sum
    high = f"Grow ARR to ${run_rate * 2:,.0f} by December 31, 2027 through upsell."
    assert "run-rate" in forecast_note(high, f, "en") and "x 12" in forecast_note(high, f, "en")


def test_the_roi_projection_says_what_the_goals_support() -> None:
    from assistant.analysis.budget import roi_supported

    assert roi_supported(480_000, 200, 1_190_000) == pytest.approx(147.9, abs=0.1)
    assert roi_supported(480_000, 100, 1_190_000) is None  # $960,000 is within the new business
    assert roi_supported(480_000, 200, None) is None


def test_the_roi_projection_counts_the_return_on_gross_profit_too(sample_answers: Path) -> None:
    ko = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    said = roi_projection(ko)
    # 4.8억 at 300% -> 19.2억 of revenue; at the stated 78% margin (19.2억 x 0.78 - 4.8억) / 4.8억
    assert "기대 ROI는 매출 기준입니다" in said
    assert "매출총이익률 78%로 계산한 이익 기준 ROI는 약 212%입니다" in said
    en = build_plan(load_answers(sample_answers)).plan
    # no margin stated: a subscription's typical margin, named as an assumption
    assert (
        "on gross profit, at a typical 75% gross margin (an assumption until you state yours), it is about 125%"
        in roi_projection(en)
    )
    shop = Plan.new("Shop", "en", "integrated")
    shop.budget = Budget(total=100_000, expected_roi=200, currency="USD")
    # a shop's margin is its own: no typical figure stands in for it
    assert "state the gross margin to see it on gross profit" in roi_projection(shop)
