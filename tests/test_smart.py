import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from assistant.goals.smart import SmartContext, check_goal
from tests.conftest import PYTHON, REPO, cli_env

CTX = SmartContext(today=date(2026, 11, 28))
KEYS = {"S": "specific", "M": "measurable", "A": "achievable", "T": "time_bound"}


@pytest.mark.parametrize("name", ["dev", "extra"])
def test_labelled_sets_score_at_least_95_percent_per_criterion(
    shared_data: Path, name: str
) -> None:
    path = (
        shared_data / "smart_goals_dev.jsonl"
        if name == "dev"
        else Path(__file__).parent / "data" / "smart_goals_extra.jsonl"
    )
    items = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    for letter, name in KEYS.items():
        scored = [(it, it[letter]) for it in items if it.get(letter) is not None]
        right = sum(
            bool(check_goal(it["text"], CTX).criteria[name].ok) == bool(label)
            for it, label in scored
        )
        assert right / len(scored) >= 0.95, (letter, right, len(scored))


@pytest.mark.parametrize(
    ("goal", "expected"),
    [
        (
            "Double webinar attendance by March 2027 through partner co-marketing.",
            {"specific": True, "measurable": True, "achievable": True, "time_bound": True},
        ),
        (
            "Reduce churn to zero by Q2 2027 with a customer success team.",
            {"achievable": False, "measurable": True},
        ),
        ("Double our MRR in the next 6 weeks.", {"achievable": False, "specific": False}),
        ("Send a weekly newsletter.", {"time_bound": False, "measurable": False}),
        (
            "Launch a referral programme to win 200 new customers by the end of Q3 2027.",
            {"specific": True, "measurable": True, "time_bound": True},
        ),
        ("Generate 2000 leads by Q4 2027 via LinkedIn ads.", {"measurable": True}),
        (
            "Grow revenue a lot this year.",
            {"measurable": False, "time_bound": True, "specific": False},
        ),
        (
            "리퍼럴 프로그램으로 2027년 상반기 안에 신규 가입자를 2만 명으로 늘린다.",
            {"specific": True, "measurable": True, "time_bound": True},
        ),
        ("매주 블로그 글을 발행한다.", {"time_bound": False, "measurable": False}),
        (
            "신규 고객 200명을 2027년 6월까지 확보한다.",
            {"specific": False, "measurable": True, "time_bound": True},
        ),
        ("전환율을 12%까지 높인다.", {"time_bound": False, "measurable": True}),
    ],
)
def test_rules_generalise_beyond_the_dev_set(goal: str, expected: dict[str, bool]) -> None:
    result = check_goal(goal, CTX)
    for name, ok in expected.items():
        assert result.criteria[name].ok is ok, (name, result.criteria[name].reason)


def test_reasons_and_rewrite_are_in_the_goals_language() -> None:
    ko = check_goal("판매를 개선한다.", CTX)
    assert not ko.smart
    assert all(any("\uac00" <= ch <= "\ud7a3" for ch in c.reason) for c in ko.criteria.values())
    assert "[기한" in ko.suggestion and "판매를 개선한다" in ko.suggestion
    en = check_goal("Improve our sales.", CTX)
    assert (
        "[deadline" in en.suggestion and "[how" in en.suggestion and "[baseline]" in en.suggestion
    )


def test_relevance_uses_business_objectives_when_known() -> None:
    goal = "Generate 400 leads by June 2027 through webinars."
    assert check_goal(goal, CTX).criteria["relevant"].ok is None
    ctx = SmartContext(today=CTX.today, business_objectives=["Grow revenue 20% in 2027"])
    assert check_goal(goal, ctx).criteria["relevant"].ok is True
    ctx = SmartContext(today=CTX.today, business_objectives=["Cut support costs by 10%"])
    assert (
        check_goal("Increase Instagram followers to 10,000 by June 2027 with daily reels.", ctx)
        .criteria["relevant"]
        .ok
        is False
    )


def test_rewrite_fixes_the_failures_when_filled_in() -> None:
    result = check_goal("Increase brand awareness.", CTX)
    filled = (
        result.suggestion.replace("[baseline]", "20%")
        .replace("[target value]", "30%")
        .replace("([metric])", "aided recall")
    )
    filled = filled.replace("[deadline, e.g. 31 December 2027]", "31 December 2027")
    filled = filled.replace(
        "[how: channel, programme or segment, e.g. launching a referral programme]",
        "running a podcast series",
    )
    again = check_goal(filled, CTX)
    assert all(again.criteria[n].ok for n in ("specific", "measurable", "time_bound")), filled


def run_cli(data: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "assistant", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data),
        cwd=REPO,
        timeout=60,
    )


def test_smart_cli_json_contract(isolated_env: Path) -> None:
    result = run_cli(isolated_env, "smart", "--json", "Improve our sales.")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == ["goal", "criteria", "smart", "suggestion", "frame"]
    assert list(doc["criteria"]) == [
        "specific",
        "measurable",
        "achievable",
        "relevant",
        "time_bound",
    ]
    assert all(list(c) == ["ok", "reason"] for c in doc["criteria"].values())
    assert doc["smart"] is False and doc["goal"] == "Improve our sales."


def test_smart_cli_reads_goals_from_stdin_in_order(isolated_env: Path) -> None:
    result = run_cli(
        isolated_env, "smart", "--json", "-", stdin="Improve our sales.\n\n판매를 개선한다.\n"
    )
    docs = json.loads(result.stdout)
    assert [d["goal"] for d in docs] == ["Improve our sales.", "판매를 개선한다."]
    human = run_cli(isolated_env, "smart", "Improve our sales.")
    assert "not SMART yet" in human.stdout and "suggestion:" in human.stdout


def test_a_deadline_that_has_passed_is_not_achievable() -> None:
    from datetime import date

    from assistant.goals.smart import SmartContext, check_goal

    ctx = SmartContext(today=date(2026, 11, 30))
    past = check_goal(
        "2026년 6월 30일까지 월 매출을 1,000만 원에서 3,000만 원으로 늘린다.", ctx, "ko"
    )
    assert (
        past.criteria["achievable"].ok is False
        and "지났습니다" in past.criteria["achievable"].reason
    )
    assert "-" not in past.criteria["achievable"].reason.split("일")[0]  # never "-153일"
    ahead = check_goal(
        "Grow revenue from 40k to 48k by December 31, 2027 via referrals.", ctx, "en"
    )
    assert ahead.criteria["achievable"].ok is True


@pytest.mark.parametrize(
    "goal",
    [
        "2027년 6월 30일까지 웨비나 시리즈로 마케팅 리드 500건 확보",
        "2027년 12월까지 유튜브 광고와 무료 샘플로 신규 구독자 2,000명 확보",
    ],
)
def test_korean_goals_that_state_their_means_with_ro_are_specific(goal: str) -> None:
    from assistant.goals.smart import check_specific

    assert check_specific(goal, "ko").ok is True
    assert check_specific("2027년 말까지 매출을 20억 원으로 늘린다", "ko").ok is False  # a target


@pytest.mark.parametrize(
    ("goal", "means"),
    [
        ("2027년 6월 30일까지 인스타그램 팔로워를 1만 명에서 3만 명으로 늘린다(주 3회 릴스로).", "주 3회 릴스로"),
        ("2027년 12월 31일까지 유튜브 광고와 무료 샘플로 정기 구독자 5,000명을 확보한다.", "무료 샘플로"),
        ("2027년 12월까지 파트너 영업으로 신규 고객 50곳을 확보한다.", "파트너 영업으로"),
    ],
)  # fmt: skip
def test_korean_means_stated_with_ro_is_specific(goal: str, means: str) -> None:
    """An instrumental 로/으로 after a noun states how (read with Kiwi); '3만 명으로' (where the
    goal goes) and '유료 고객으로 전환한다' (what it becomes) do not."""
    from assistant.core.korean import means_phrase

    result = check_goal(goal, SmartContext(), "ko")
    assert result.criteria["specific"].ok and means in result.criteria["specific"].reason
    assert means_phrase("연 매출을 2027년 12월까지 20억 원에서 30억 원으로 늘린다.") == ""
    assert means_phrase("다음 달까지 모든 체험판 사용자를 유료 고객으로 전환한다.") == ""


def test_how_a_goal_is_reached_is_not_its_target() -> None:
    def ok(text: str, lang: str, name: str) -> bool:
        return bool(check_goal(text, CTX, lang).criteria[name].ok)

    g = "Raise our Google rating from 4.1 to 4.6 stars by June 30, 2027 by asking every client for a review."  # fmt: skip
    assert ok(g, "en", "achievable")  # 'every client' is how, not an absolute target
    assert not ok("Win every customer in Texas by 2027.", "en", "achievable")
    leads = "Generate 750 qualified leads (walk-through or quote requests) by December 31, 2027 through Google Ads, up from 520 in 2026."  # fmt: skip
    assert "Google Ads" in check_goal(leads, CTX, "en").criteria["specific"].reason
    ko = "2027년 매출을 2026년 42억 원에서 58억 원으로 늘린다(신규 고객 확보와 모듈 교차 판매)."
    assert ok(ko, "ko", "specific")


def test_last_years_figure_in_brackets_is_a_baseline_and_a_flow_stays_a_flow() -> None:
    from assistant.analysis.plan_goals import _added
    from assistant.goals.frame import read_goal_frame

    text = (
        "2027년 12월 31일까지 검색 광고로 마케팅 적격 리드(MQL) 2,400건을 확보한다(2026년 1,500건)."
    )
    f = read_goal_frame(text, "ko")
    assert f.baseline is not None and f.baseline.value == 1500
    assert _added(f, text) == 2400  # last year's flow is a comparison, not a starting level
    grow = "Grow the email list from 48,000 to 75,000 subscribers by December 31, 2027."
    assert _added(read_goal_frame(grow, "en"), grow) == 27_000  # a level adds the difference


def test_where_the_volume_comes_from_is_how() -> None:
    text = "Generate 1,200 qualified sales opportunities by December 31, 2027 from field visits, distributor referrals and the website."  # fmt: skip
    assert check_goal(text, CTX, "en").criteria["specific"].ok


def test_quarterly_reviews_for_every_account_are_the_means() -> None:
    text = "Reduce lost-account revenue from 7% to 5% of the base by December 2027 with quarterly business reviews for every account over $250,000."  # fmt: skip
    result = check_goal(text, CTX, "en").criteria
    assert result["specific"].ok and result["achievable"].ok


@pytest.mark.parametrize(
    ("lang", "marketing", "sales", "serves"),
    [
        ("en", "Generate 900 marketing-qualified leads by September 30, 2027 through webinars.",
         "Grow revenue from $2.0M to $3.0M by December 31, 2027 through new mid-market accounts.",
         "Serves the plan's top-line goal"),
        ("ko", "2027년 9월 30일까지 웨비나로 마케팅 적격 리드 900건을 확보한다.",
         "2027년 매출을 20억 원에서 30억 원으로 늘린다(신규 고객 확보).",
         "최상위 목표"),
    ],
)  # fmt: skip
def test_with_no_business_objective_goals_are_checked_against_the_revenue_goal(
    lang: str, marketing: str, sales: str, serves: str
) -> None:
    """The revenue goal stands in for a business objective nobody wrote down: no goal says
    'no business objective is stated', and goals answered before it are checked again."""
    from assistant.core.plan import Plan
    from assistant.interview.plan_update import apply_answer

    plan = Plan.new("Acme", lang)
    apply_answer(plan, "mkt_objectives", marketing)
    apply_answer(plan, "sales_objectives", sales)
    reasons = {g.section: g.criteria["relevant"] for g in plan.goals}
    assert reasons["mkt_objectives"].ok is True
    assert serves in reasons["mkt_objectives"].reason
    assert reasons["sales_objectives"].ok is True
    assert all("Business objective" not in r.reason and "사업 목표가" not in r.reason
               for r in reasons.values())  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang", "absolute"),
    [
        ("HR 업계 최고의 브랜드가 된다.", "ko", True),
        ("국내 1위 HR 솔루션이 된다.", "ko", True),
        ("Become the market leader.", "en", True),
        ("Be the best brand in the industry.", "en", True),
        ("2027년까지 시장 점유율 30%로 업계 1위가 된다.", "ko", False),  # the figure rules
        ("Improve onboarding with the best practices we know.", "en", False),
    ],
)
def test_a_rank_with_no_number_behind_it_is_absolute(text: str, lang: str, absolute: bool) -> None:
    from assistant.goals.smart import SmartContext, check_achievable

    c = check_achievable(text, lang, SmartContext())
    assert (c.ok is False) is absolute, c.reason
