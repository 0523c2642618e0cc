import json
import subprocess
from pathlib import Path

import pytest

from assistant.core.errors import InputError
from assistant.goals.kpi import GUIDE_KPIS, advise, kpi_catalogue
from assistant.goals.kpi_calc import CALCULATORS, cac, churn_rate, clv, conversion_rate, nps, roi
from tests.conftest import PYTHON, REPO, cli_env


def test_catalogue_has_the_guides_25_kpis_and_more() -> None:
    cat = kpi_catalogue()
    assert len(GUIDE_KPIS) == 25 and set(GUIDE_KPIS) <= set(cat)
    assert {
        "mql_to_sql_rate",
        "pipeline_coverage",
        "quota_attainment",
        "roas",
        "net_revenue_retention",
    } <= set(cat)
    for kpi in cat.values():
        for field in (kpi.name, kpi.definition, kpi.formula, kpi.data_source, kpi.cadence):
            assert field.en and field.ko
        assert kpi.category in ("sales", "marketing", "business") and kpi.unit


@pytest.mark.parametrize("name", ["dev", "extra"])
def test_labelled_sets_hit_at_3(shared_data: Path, name: str) -> None:
    path = (
        shared_data / "kpi_dev.jsonl"
        if name == "dev"
        else Path(__file__).parent / "data" / "kpi_extra.jsonl"
    )
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    hits = sum(any(a.id in it["ok"] for a in advise(it["q"], 3)) for it in items)
    assert hits / len(items) >= 0.95


@pytest.mark.parametrize(
    ("text", "kpi"),
    [
        ("spend less to acquire each customer", "cac"),
        ("Shorten the time from demo to signed contract", "sales_cycle_length"),
        ("Raise average order value", "average_deal_size"),
        ("Reduce the share of customers who leave", "churn_rate"),
        ("Improve lead quality handed to sales", "mql_to_sql_rate"),
        ("신규 고객 한 명을 얻는 비용을 줄이고 싶다", "cac"),
        ("영업 담당자별 목표 달성 확인", "quota_attainment"),
        ("How do we know customers are happy with support?", "csat"),
    ],
)
def test_advisor_understands_paraphrases(text: str, kpi: str) -> None:
    assert kpi in [a.id for a in advise(text, 3)]


def test_advice_explains_why_in_the_users_language() -> None:
    ko = advise("매달 구독을 해지하는 고객을 줄이고 싶다", 1)[0]
    assert ko.id == "churn_rate" and "해지" in ko.why and ko.name == "이탈률"
    en = advise("Keep more subscribers from cancelling", 1)[0]
    assert "cancel" in en.why


def test_calculators_compute_and_validate() -> None:
    assert cac(10_000, 20) == 500
    assert roi(300, 100) == 200
    assert churn_rate(5, 100) == 5
    assert conversion_rate(30, 200) == 15
    assert clv(100, 4, 3, margin=0.5) == 600
    assert nps(60, 20, 20) == 40
    for bad in (
        lambda: cac(100, 0),
        lambda: cac(-1, 3),
        lambda: churn_rate(10, 5),
        lambda: nps(0, 0, 0),
        lambda: clv(1, 1, 1, margin=2),
    ):
        with pytest.raises(InputError):
            bad()
    assert set(CALCULATORS) <= set(kpi_catalogue())


def test_kpi_cli_json_contract(isolated_env: Path) -> None:
    def run(*a: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        cmd = [PYTHON, "-m", "assistant", "kpi", *a]
        return subprocess.run(
            cmd,
            input=stdin,
            capture_output=True,
            text=True,
            env=cli_env(isolated_env),
            cwd=REPO,
            timeout=60,
        )

    one = json.loads(run("--json", "--k", "2", "Close deals faster").stdout)
    assert len(one) == 2 and list(one[0]) == ["id", "name", "category", "formula", "why"]
    assert one[0]["id"] == "sales_cycle_length"
    many = json.loads(
        run("--json", "-", stdin="Close deals faster\n웹사이트 방문자 수를 늘리기\n").stdout
    )
    assert [m[0]["id"] for m in many] == ["sales_cycle_length", "website_traffic"]
    bad = run("--k", "0", "x")
    assert bad.returncode == 2 and "--k" in bad.stderr


def test_a_korean_mql_to_sql_rate_is_not_also_the_sales_conversion_rate() -> None:
    from assistant.analysis.review import kpis_named_in

    named = [k.id for k in kpis_named_in("MQL→SQL 전환율 25%, 수주율 30%, 매출총이익률 80%.")]
    assert "mql_to_sql_rate" in named and "sales_conversion_rate" not in named


@pytest.mark.parametrize(
    ("goal", "lang"),
    [
        ("Grow paying customers from 120 to 200 by December 2027 through partner referrals.", "en"),
        ("Reach 5,000 paid subscribers by June 2027 via Instagram ads.", "en"),
        ("2027년 12월까지 파트너 추천으로 유료 고객을 120곳에서 200곳으로 늘린다", "ko"),
        ("2027년 6월까지 인스타그램 광고로 유료 구독자 5,000명 달성", "ko"),
    ],
)
def test_a_customer_or_subscriber_count_goal_is_measured_by_new_customers(
    goal: str, lang: str
) -> None:
    from assistant.goals.frame import goal_kpis, read_goal_frame

    assert goal_kpis(goal, read_goal_frame(goal, lang), lang)[0] == "new_customers"


def test_whether_a_programme_paid_off_is_measured_by_its_return() -> None:
    assert advise("How do we measure whether the webinar program paid off?", k=1)[0].id in (
        "marketing_roi", "roas", "cpl",
    )  # fmt: skip
    assert (
        advise("What's the best way to track how many prospects our marketing brings in?", k=1)[
            0
        ].id
        == "leads"
    )


@pytest.mark.parametrize(
    ("goal", "lang"),
    [
        ("2027년 12월 31일까지 유튜브 광고와 무료 샘플로 정기 구독자 5,000명을 확보한다.", "ko"),
        ("2027년 말까지 신규 유료 회원 3,000명을 모은다(인스타그램 광고로).", "ko"),
        (
            "Reach 5,000 paid subscribers by December 31, 2027 through YouTube ads and free samples.",
            "en",
        ),
    ],
)
def test_a_subscriber_count_goal_is_measured_by_customers_won(goal: str, lang: str) -> None:
    from assistant.goals.frame import goal_kpis, read_goal_frame

    assert goal_kpis(goal, read_goal_frame(goal, lang), lang)[0] == "new_customers"


def test_opportunities_are_leads_and_lost_account_revenue_is_churn() -> None:
    from assistant.goals.frame import goal_kpis, read_goal_frame

    for text, lang, kpi in (
        ("Generate 1,200 qualified sales opportunities by December 31, 2027 from field visits, up from 860 in 2026.", "en", "leads"),
        ("Reduce lost-account revenue from 7% to 5% of the base by December 2027 with quarterly reviews.", "en", "churn_rate"),
        ("2027년 12월까지 월간 정기 발주 관리로 연간 거래 이탈률을 15%에서 11%로 낮춘다.", "ko", "churn_rate"),
    ):  # fmt: skip
        assert goal_kpis(text, read_goal_frame(text, lang), lang)[0] == kpi, text


@pytest.mark.parametrize(
    ("goal", "lang", "kpi"),
    [
        ("Book 500 site surveys / building health checks by Dec 2027.", "en", "leads"),
        ("Book 120 demos by June 2027.", "en", "leads"),
        ("2027년 6월 30일까지 카카오톡 채널 친구 4만 명 → 7만 명", "ko", "social_engagement"),
    ],
)
def test_meetings_and_channel_friends_are_not_website_traffic(
    goal: str, lang: str, kpi: str
) -> None:
    from datetime import date

    from assistant.goals.frame import goal_kpis, read_goal_frame

    frame = read_goal_frame(goal, lang, date(2026, 12, 1))
    assert goal_kpis(goal, frame, lang)[0] == kpi


def test_last_year_s_figure_after_the_number_is_the_baseline() -> None:
    from datetime import date

    from assistant.goals.frame import read_goal_frame

    f = read_goal_frame("Generate 2,000 qualified leads by December 31, 2027 (1,400 in 2026).", "en", date(2026, 12, 1))  # fmt: skip
    assert f.baseline is not None and (f.baseline.value, f.baseline.unit) == (1400, "leads")


def test_a_brand_study_keeps_its_own_review_cadence() -> None:
    from assistant.core.plan import Goal
    from assistant.goals.measurement import measurement_for

    goal = Goal(text="Raise aided brand awareness to 40% by December 2027.", section="mkt_objectives", kpis=["brand_awareness"])  # fmt: skip
    line = measurement_for(goal, "en", "Weekly HubSpot dashboard.")
    # a study is read from the survey, not from the weekly dashboard
    assert (
        line.cadence == "quarterly"
        and "HubSpot" not in line.data_source
        and "survey" in line.data_source.lower()
    )
    leads = Goal(text="Generate 900 leads by June 2027.", section="mkt_objectives", kpis=["leads"])
    assert measurement_for(leads, "en", "Weekly HubSpot dashboard.").cadence.lower() == "weekly"


def test_an_organic_traffic_goal_is_measured_as_organic_sessions(sample_answers) -> None:  # type: ignore[no-untyped-def]
    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(sample_answers)).plan
    line = next(g.measurement for g in plan.goals if g.measurement and g.measurement.kpi == "website_traffic")  # fmt: skip
    assert line.kpi_name == "Organic website traffic" and "unpaid search" in line.formula


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_visitors_goal_is_measured_where_it_counts_and_one_dashboard_is_one_source(lang: str) -> None:  # fmt: skip
    """A blog's monthly visitors are measured as the blog's unique visitors in a month (not the
    website's traffic), and 'HubSpot dashboard' is one source, not 'dashboard, HubSpot'."""
    from assistant.core.plan import Goal
    from assistant.goals.measurement import measurement_for

    ko = lang == "ko"
    text = (
        "2027년 6월 30일까지 블로그 월 방문자를 3만 명에서 5만 명으로 늘린다."
        if ko
        else "Grow monthly blog visitors from 30,000 to 50,000 by June 30, 2027."
    )
    goal = Goal(text=text, section="mkt_objectives", kpis=["website_traffic"])
    line = measurement_for(goal, lang, "허브스팟 대시보드로 매주 확인" if ko else "HubSpot dashboard, weekly")  # fmt: skip
    if ko:
        assert line.kpi_name == "블로그 월 방문자 수" and "블로그" in line.formula
        assert line.data_source == "허브스팟 대시보드"
    else:
        assert line.kpi_name == "Monthly blog visitors" and "blog" in line.formula
        assert line.data_source == "HubSpot dashboard"


@pytest.mark.parametrize(
    ("text", "lang", "target"),
    [
        (
            "Increase organic website traffic from 40,000 to 60,000 monthly visits by June 2027.",
            "en",
            "60,000 visits a month",
        ),  # fmt: skip
        (
            "Generate 900 leads by September 2027 through a monthly webinar series.",
            "en",
            "900 leads",
        ),
        ("2027년 6월 30일까지 블로그 월 방문자를 3만 명에서 5만 명으로 늘린다.", "ko", "월 5만 명"),
        ("2027년 12월까지 월간 웨비나로 리드를 1,500건에서 2,400건으로 늘린다.", "ko", "2,400건"),
    ],
)
def test_a_monthly_level_target_says_its_period(text: str, lang: str, target: str) -> None:
    """A level counted per month says so; a monthly means (a webinar series) does not make the
    count monthly."""
    from assistant.core.plan import Goal
    from assistant.goals.frame import read_goal_frame
    from assistant.goals.measurement import measurement_for

    goal = Goal(text=text, section="mkt_objectives", frame=read_goal_frame(text, lang=lang))
    assert measurement_for(goal, lang).target == target


@pytest.mark.parametrize(
    ("goal", "lang", "kpi"),
    [
        (
            "Grow Google reviews from 1,140 to 1,600 while keeping 4.8+ stars by Sept 30, 2027.",
            "en",
            "online_reviews",
        ),  # fmt: skip
        (
            "2027년 9월 30일까지 지점당 네이버 플레이스 방문자 리뷰를 평균 180건에서 350건으로 늘린다.",
            "ko",
            "online_reviews",
        ),  # fmt: skip
        ("Increase loads from 71,000 to 80,000 in 2027.", "en", "units_delivered"),
        ("Grow ceramic coating jobs from 210 to 300 in 2027.", "en", "units_delivered"),
        ("2027년 시공 건수를 120건에서 150건으로 늘린다.", "ko", "units_delivered"),
        (
            "Reduce top-10-customer concentration from 38% to 33% of revenue by the end of 2027.",
            "en",
            "revenue_share",
        ),  # fmt: skip
        ("2027년 12월까지 소개 계약 비중 20% 이상.", "ko", "revenue_share"),
        ("Get invited to 150 freight bids (RFPs) in 2027, up from 85.", "en", "proposals_bids"),
        (
            "매월 설명회 참석 가구를 월 평균 25가구에서 40가구로 늘린다(2027년 9월까지).",
            "ko",
            "event_attendance",
        ),  # fmt: skip
        (
            "Add 45 new active shippers (10+ loads a month) by December 31, 2027.",
            "en",
            "new_customers",
        ),  # fmt: skip
        ("2027년 본계약을 22동에서 30동으로 늘린다.", "ko", "new_customers"),
        ("Increase same-store sales 5% by Q4 2027.", "en", "revenue_growth"),
    ],
)
def test_a_goal_is_measured_by_what_it_counts_not_by_a_word_in_passing(goal: str, lang: str, kpi: str) -> None:  # fmt: skip
    """Reviews are no web visitors, loads no content views, a revenue concentration no NRR, a
    count of attendees no sales cycle, 'new active shippers … 10+ loads' new customers."""
    from datetime import date

    from assistant.goals.frame import goal_kpis, read_goal_frame

    frame = read_goal_frame(goal, lang, date(2026, 12, 1))
    assert goal_kpis(goal, frame, lang)[0] == kpi


def test_a_korean_goal_keeps_its_object_before_a_period_word() -> None:
    from datetime import date

    from assistant.goals.frame import read_goal_frame

    goal = "설명회 참석 가구를 월 평균 25가구에서 40가구로 늘린다(2027년 9월까지)."
    frame = read_goal_frame(goal, "ko", date(2026, 12, 1))
    assert frame.metric == "설명회 참석 가구"  # not '월 평균'
    assert frame.target is not None and (frame.target.value, frame.target.unit) == (40, "가구")
