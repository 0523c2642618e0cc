"""The fact sheet: facts read once with the user's words, shown after each answer, correctable in
plain words in both languages, and the only input of the analysis and the JSON contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.analysis.plan_analysis import analyse
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.service import PlanService
from tests.test_cli_draft import draft

KEYS = {"id", "label", "value", "unit", "period", "section", "source", "quote"}


def _chat(settings: Settings, lang: str, turns: list[tuple[str | None, str]]) -> tuple[PlanService, str, list[str]]:  # fmt: skip
    service = PlanService(settings)
    plan_id, _ = service.new_session("Acme", lang, owner="o")
    replies = [service.turn(plan_id, text, owner="o", section=sid).text for sid, text in turns]
    return service, plan_id, replies


def test_english_b2b_rates_and_base_are_read_with_the_users_words(settings: Settings) -> None:
    service, pid, replies = _chat(settings, "en", [
        ("mkt_objectives", "Generate 1,000 MQLs by December 31, 2027 through webinars."),
        ("sales_objectives", "Grow ARR from $2.0M to $3.0M by December 31, 2027 through upsell to existing accounts."),
        ("sales_kpis", "MQL to SQL 35%, SQL to won 20%. Monthly churn 2%."),
        ("sales_offering", "Price: $750 per month per store."),
    ])  # fmt: skip
    plan = service.plan(pid, owner="o")
    assert plan.number("mql_to_sql_rate") == 35 and plan.number("sql_to_won_rate") == 20
    won = plan.fact("sql_to_won_rate")
    assert won is not None and won.source == "user" and "SQL to won 20%" in won.quote
    churn = plan.fact("churn_rate")
    assert churn is not None and churn.value == 2 and churn.period == "month"
    price = plan.fact("price")
    assert (
        price is not None and price.value == 750 and price.period == "month" and price.unit == "USD"
    )
    base = plan.fact("revenue_base")
    assert base is not None and base.value == 2_000_000 and "from $2.0M" in base.quote
    assert (
        plan.fact("revenue_model") is not None
        and plan.fact("revenue_model").value == "subscription"
    )  # type: ignore[union-attr]
    funnel = analyse(plan).funnel
    assert [s.rate for s in funnel[1:]] == [35, 20]  # no default win rate
    read = next(x for x in replies[2].split("\n\n") if x.startswith("I read:"))
    assert "MQL→SQL 35%" in read and "SQL→won 20%" in read and "churn rate 2%/month" in read


def test_korean_rates_team_and_lists_read_without_particles(settings: Settings) -> None:
    service, pid, replies = _chat(settings, "ko", [
        ("sales_kpis", "MQL→SQL 전환율 30%, SQL→계약 전환율 40%로 관리합니다."),
        ("sales_team_structure", "영업 총괄 아래 영업 담당자 4명과 인사이드 세일즈 1명, 고객 성공 매니저 2명이 있습니다."),
        ("sales_territories_channels", "서울, 경기, 부산, 대전 4개 권역으로 나눕니다."),
    ])  # fmt: skip
    plan = service.plan(pid, owner="o")
    assert plan.number("sql_to_won_rate") == 40 and plan.number("mql_to_sql_rate") == 30
    assert plan.number("quota_carrying_sellers") == 4
    assert plan.number("territory_count") == 4
    read = next(x for x in replies[1].split("\n\n") if x.startswith("읽은 내용:"))
    assert "영업 담당자 4명 (할당)" in read and "이 영업" not in read


@pytest.mark.parametrize(
    ("lang", "fix", "fid", "value"),
    [
        ("en", "win rate is 20%", "sql_to_won_rate", 20),
        ("en", "Actually, churn is 3% a month", "churn_rate", 3),
        ("en", "team: 3 account executives", "quota_carrying_sellers", 3),
        ("ko", "수주율 20%", "sql_to_won_rate", 20),
        ("ko", "권역은 4개", "territory_count", 4),
        ("ko", "수주율은 15%로 바꿔 주세요", "sql_to_won_rate", 15),
    ],
)
def test_plain_word_corrections_are_saved_as_user_facts(
    settings: Settings, lang: str, fix: str, fid: str, value: float
) -> None:
    first = (
        "Our team: 5 account executives and 2 SDRs; win rate 25%; churn 1% a month; three territories: East, West, Central."
        if lang == "en"
        else "영업 담당자 5명, 수주율 25%, 서울, 경기, 부산 3개 권역."
    )
    service, pid, replies = _chat(settings, lang, [("sales_strategy", first), (None, fix)])
    plan = service.plan(pid, owner="o")
    fact = plan.fact(fid)
    assert fact is not None and fact.value == value and fact.source == "user" and fact.corrected
    assert fact.quote == fix  # the user's own words
    assert ("Fact sheet updated" if lang == "en" else "사실 시트를 고쳤습니다") in replies[-1]
    assert plan.section("sales_strategy").content == first  # not saved as an answer anywhere
    assert all(fix not in s.content for s in plan.sections.values())
    # a later answer re-reads the answers; the correction stays
    service.turn(pid, "Weekly pipeline review." if lang == "en" else "주간 파이프라인 회의.", owner="o", section="sales_training")  # fmt: skip
    again = service.plan(pid, owner="o").fact(fid)
    assert again is not None and again.value == value


def test_a_correction_moves_the_analysis(settings: Settings) -> None:
    service, pid, _ = _chat(settings, "en", [
        ("mkt_objectives", "Generate 1,000 MQLs by December 31, 2027 through webinars."),
        ("sales_kpis", "MQL to SQL 30%, win rate 25%."),
    ])  # fmt: skip
    assert analyse(service.plan(pid, owner="o")).funnel[-1].volume == 75
    service.turn(pid, "win rate is 20%", owner="o")
    assert analyse(service.plan(pid, owner="o")).funnel[-1].volume == 60


def test_competitor_notes_stay_with_their_item_and_lists_can_be_corrected(
    settings: Settings,
) -> None:
    service, pid, _ = _chat(settings, "en", [
        ("mkt_market_analysis", "Competitors: Acme (enterprise, expensive), Beta. Strengths: speed."),
        (None, "competitors: Acme (enterprise, expensive), Beta, Gamma"),
    ])  # fmt: skip
    plan = service.plan(pid, owner="o")
    assert plan.fact("competitors").value == ["Acme (enterprise, expensive)", "Beta", "Gamma"]  # type: ignore[union-attr]


def test_the_first_statement_at_its_own_question_is_the_answer(settings: Settings) -> None:
    service, pid, _ = _chat(settings, "en", [("mkt_budget", "budget: $200,000")])
    plan = service.plan(pid, owner="o")
    assert plan.section("mkt_budget").content == "budget: $200,000"
    assert plan.number("marketing_budget") == 200_000


def test_a_budget_correction_keeps_the_budget_table_in_step(settings: Settings) -> None:
    service, pid, replies = _chat(settings, "en", [
        ("mkt_budget", "Annual budget $100,000: ads 60%, events 40%."),
        (None, "Correction: marketing budget is $150,000"),
    ])  # fmt: skip
    plan = service.plan(pid, owner="o")
    assert plan.budget.total == 150_000 and plan.budget.lines[0].amount == 90_000
    assert "(was $100,000)" in replies[-1]


def test_draft_json_carries_the_fact_sheet(sample_answers: Path, tmp_path: Path, isolated_env: Path) -> None:  # fmt: skip
    out = tmp_path / "plan.json"
    result = draft(isolated_env, "--answers", str(sample_answers), "--format", "json", "--out", str(out))  # fmt: skip
    assert result.returncode == 0, result.stderr
    doc = json.loads(out.read_text())
    facts = {f["id"]: f for f in doc["facts"]}
    assert all(set(f) >= KEYS for f in doc["facts"])
    assert (
        facts["marketing_budget"]["value"] == 480_000 and facts["marketing_budget"]["unit"] == "USD"
    )
    assert facts["price"]["period"] == "month" and "$1,200 per month" in facts["price"]["quote"]
    assert facts["quota_carrying_sellers"]["value"] == 5
    win = facts["sql_to_won_rate"]  # not stated: a default, citing its knowledge page
    assert win["source"] == "default" and win["quote"].startswith("knowledge/kpi:")
    assert facts["cac"]["source"] == "computed"
    assert facts["competitors"]["value"] == ["Tableau", "Looker Studio", "small Shopify apps"]


def test_a_saved_plan_without_a_fact_sheet_gets_one_when_loaded(sample_answers: Path) -> None:
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.types import InterviewState

    plan = build_plan(load_answers(sample_answers)).plan
    raw = json.loads(InterviewState(plan=plan).model_dump_json())
    raw["plan"].pop("facts")
    state = InterviewState.model_validate(raw)
    assert state.plan.number("marketing_budget") == 480_000


def test_a_corrected_seller_count_is_the_team_tables_count(settings: Settings) -> None:
    from assistant.analysis.lists import team_roles

    service, pid, _ = _chat(settings, "en", [
        ("sales_team_structure", "VP Sales leads 5 account executives and 2 SDRs."),
        (None, "team: 3 account executives"),
    ])  # fmt: skip
    plan = service.plan(pid, owner="o")
    sellers = [r for r in team_roles(plan) if r["quota_carrying"]]
    assert [r["count"] for r in sellers] == [3] and plan.number("quota_carrying_sellers") == 3


def test_korean_4p_reads_promotion_by_its_korean_names(settings: Settings) -> None:
    from assistant.analysis.lists import mix_4p

    service, pid, _ = _chat(settings, "ko", [
        ("mkt_mix_4p", "제품: 유기농 간식. 가격: 개당 3,000원. 유통: 온라인몰. 촉진: 인스타그램 광고와 샘플링."),
    ])  # fmt: skip
    mix = mix_4p(service.plan(pid, owner="o"))
    assert mix["promotion"] == "인스타그램 광고와 샘플링" and mix["place"] == "온라인몰"


def test_a_model_draft_never_changes_a_fact_or_a_table(sample_answers: Path) -> None:
    """A section the model drafted keeps the user's answer beside it: facts, the 4P and the
    competitor list are read from the user's words, never from the model's prose."""
    from assistant.analysis.fact_reader import refresh_facts
    from assistant.analysis.lists import competitor_list, mix_4p
    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(sample_answers)).plan
    for sid, prose in (
        ("mkt_mix_4p", "Product: suite. Price: $50 per month for up to 1,200 stores. Place: resellers. Promotion: TV."),
        ("mkt_market_analysis", "Competitors: Ace, Art. Strengths: none."),
    ):  # fmt: skip
        plan.section(sid).content, plan.section(sid).author = prose, "llm"
    refresh_facts(plan)
    price = plan.fact("price")
    assert price is not None and price.value == 1200 and "$1,200 per month" in price.quote
    assert mix_4p(plan)["price"].startswith("$1,200 per month")
    assert competitor_list(plan) == ["Tableau", "Looker Studio", "small Shopify apps"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Team: we hire two more reps in Q2."),
        ("en", "Competitors are not a big worry."),
        ("en", "Commission 10% for partners."),
        ("en", "Budget is tight this year."),
        ("ko", "경쟁사는 별로 없습니다."),
        ("ko", "예산은 아직 미정입니다."),
    ],
)
def test_remarks_are_not_taken_for_corrections(lang: str, text: str) -> None:
    """A remark that starts with a fact's name is not a correction (and not a made-up value)."""
    from assistant.core.plan import Plan
    from assistant.interview.fact_fix import parse_fact_fix

    assert parse_fact_fix(text, Plan.new("", lang), "mkt_channels") is None


@pytest.mark.parametrize(
    ("lang", "section", "text", "fact", "value", "period"),
    [
        ("en", "mkt_budget", "The 2024 budget for events was $85,000. Our marketing budget for 2025 is $1.2M.", "marketing_budget", 1_200_000, "year"),
        ("en", "mkt_budget", "Last year's budget: $900,000. This year: $1,200,000.", "marketing_budget", 1_200_000, "year"),
        ("en", "mkt_budget", "In 2024 we invested $350,000 in marketing. For 2025 we plan to spend $500,000 on marketing.", "marketing_budget", 500_000, "year"),
        ("en", "mkt_budget", "Budget 2025/26: $500k", "marketing_budget", 500_000, "year"),
        ("en", "mkt_budget", "Total 2025 marketing budget of 1.5 million dollars.", "marketing_budget", 1_500_000, "year"),
        ("ko", "mkt_budget", "2024년 행사 예산은 3,000만 원이었고, 2025년 마케팅 예산은 2억 원입니다.", "marketing_budget", 200_000_000, "year"),
        ("ko", "mkt_budget", "작년 예산: 1억 5천만 원 / 올해 예산: 2억 원", "marketing_budget", 200_000_000, "year"),
        ("ko", "mkt_budget", "총 예산(2025년): 3억 원", "marketing_budget", 300_000_000, "year"),
        ("en", "sales_offering", "The annual plan is $990 per year; the monthly plan is $99 per month.", "price", 990, "year"),
        ("ko", "sales_offering", "연간 구독료는 99만 원, 월 구독료는 9만 9천 원입니다.", "price", 990_000, "year"),
        ("en", "sales_offering", "Plans start at $29. The Business plan is $99/user/month.", "price", 99, "month"),
        ("ko", "sales_offering", "주문당 평균 3만 2천 원입니다.", "average_order_value", 32_000, "order"),
        ("en", "sales_offering", "We lost roughly 1.5% of our customers every month.", "churn_rate", 1.5, "month"),
        ("en", "sales_offering", "About 8% of accounts cancel each year.", "churn_rate", 8, "year"),
        ("ko", "sales_offering", "월평균 이탈률 3.5%", "churn_rate", 3.5, "month"),
        ("ko", "sales_offering", "수강생 월 재등록률은 85%입니다.", "churn_rate", 15, "month"),
        ("ko", "sales_offering", "대리점 마진은 소비자가의 22%이고, 당사 매출총이익률은 31%입니다.", "gross_margin", 31, ""),
        ("en", "sales_offering", "Resellers keep a 20% margin; our gross margin is 62%.", "gross_margin", 62, ""),
        ("ko", "sales_offering", "회원 유지율 92% (연간)", "churn_rate", 8, "year"),
        ("en", "sales_offering", "Monthly member retention is 96%.", "churn_rate", 4, "month"),
        ("en", "sales_offering", "Our renewal rate is 90%.", "churn_rate", 10, "year"),
        ("en", "sales_team_structure", "We have eight sales reps and two SDRs. Hiring 2 more AEs in Q2.", "quota_carrying_sellers", 8, ""),
    ],
)  # fmt: skip
def test_the_reader_takes_this_years_figure_with_its_own_period(
    lang: str, section: str, text: str, fact: str, value: float, period: str
) -> None:
    """The figure a planner means, whatever else the sentence states: not last year's budget,
    not part of a year, each price with its own period, churn however it is phrased."""
    from assistant.interview.plan_update import apply_answer

    plan = Plan.new("x", lang)
    apply_answer(plan, section, text)
    got = plan.fact(fact)
    assert got is not None and got.value == value, (text, got)
    if period:
        assert got.period == period, (text, got)
    if fact == "marketing_budget":  # the quote is the sentence that holds the amount
        assert got.quote and not got.quote.startswith(("The 2024", "Last year"))


@pytest.mark.parametrize(
    ("lang", "text", "names"),
    [
        ("en", "Competitors: BambooHR, Gusto and Rippling; Gusto wins most deals on payroll bundling.", ["BambooHR", "Gusto", "Rippling"]),
        ("en", "We are up against Asana, Monday.com and ClickUp in most deals.", ["Asana", "Monday.com", "ClickUp"]),
        ("en", "Competitors: C.H. Robinson, TQL and RXO. Strengths: 11 years in the Midwest.", ["C.H. Robinson", "TQL", "RXO"]),
        ("en", "Key competitors include Trade Coffee, Atlas Coffee Club and Blue Bottle.", ["Trade Coffee", "Atlas Coffee Club", "Blue Bottle"]),
        ("en", "Competitors:\n- Jobber\n- ServiceTitan\nStrengths: fast setup.", ["Jobber", "ServiceTitan"]),
        ("en", "Competitors: Jobber, ServiceTitan\nThe Midwest market grows 12% a year.", ["Jobber", "ServiceTitan"]),
        ("ko", "더존, 영림원, 이카운트와 주로 경쟁합니다.", ["더존", "영림원", "이카운트"]),
        ("ko", "주요 경쟁사로는 커피리브레, 테라로사, 빈브라더스가 있습니다.", ["커피리브레", "테라로사", "빈브라더스"]),
        ("ko", "경쟁 환경:\n- 펫프렌즈\n- 어바웃펫\n- 쿠팡\n\n시장은 성장합니다.", ["펫프렌즈", "어바웃펫", "쿠팡"]),
    ],
)  # fmt: skip
def test_competitors_are_read_however_they_are_named(
    lang: str, text: str, names: list[str]
) -> None:
    from assistant.analysis.lists import competitor_list
    from assistant.interview.plan_update import apply_answer

    plan = Plan.new("x", lang)
    apply_answer(plan, "mkt_market_analysis", text)
    assert competitor_list(plan) == names


@pytest.mark.parametrize(
    ("lang", "answer", "fix"),
    [("en", "Dispatch software for plumbing contractors, with a mobile app for crews.", "revenue model: subscription"),
     ("ko", "배관 업체를 위한 출동 관리 소프트웨어와 기사용 모바일 앱.", "수익 모델은 구독")],
)  # fmt: skip
def test_an_unclear_revenue_model_is_asked_once_and_answered_in_plain_words(
    lang: str, answer: str, fix: str
) -> None:
    from assistant.interview.engine import InterviewEngine, InterviewState

    engine = InterviewEngine(InterviewState(plan=Plan.new("A", lang)))
    engine.start()
    engine.handle("goto sales_offering")
    asked = engine.handle(answer).text
    assert ("수익 모델: 구독" if lang == "ko" else "revenue model: subscription") in asked
    engine.handle("goto sales_offering")
    again = engine.handle(answer + " More detail.").text
    assert ("수익 모델" if lang == "ko" else "revenue model") not in again  # asked once
    engine.handle(fix)
    fact = engine.plan.fact("revenue_model")
    assert fact is not None and fact.value == "subscription" and fact.source == "user"


@pytest.mark.parametrize(
    ("lang", "goal", "text", "expect"),
    [
        ("en", "Win 70 new customers by December 2027 through direct sales.",
         "Seoul (3 reps), Busan (1 rep) and Daegu (1 rep); partners cover Jeju.",
         [("Seoul", 3, 42), ("Busan", 1, 14), ("Daegu", 1, 14)]),
        ("ko", "2027년 12월까지 신규 고객 70곳을 직접 영업으로 확보한다.", "서울 3명, 부산 2명, 대구 1명으로 나눕니다.",
         [("서울", 3, 35), ("부산", 2, 23), ("대구", 1, 12)]),
    ],
)  # fmt: skip
def test_territory_targets_follow_the_sellers_each_territory_has(
    lang: str, goal: str, text: str, expect: list[tuple[str, int, int]]
) -> None:
    from assistant.analysis.territory_list import territories
    from assistant.interview.plan_update import apply_answer

    plan = Plan.new("A", lang)
    apply_answer(plan, "sales_objectives", goal)
    apply_answer(plan, "sales_territories_channels", text)
    rows = territories(plan)
    assert [(r["name"], r["sellers"], r["new_customers"]) for r in rows] == expect
    assert sum(int(str(r["new_customers"])) for r in rows) == 70


def test_an_and_inside_a_phrase_does_not_split_a_list_item() -> None:
    from assistant.analysis.lists import split_items

    items = split_items(
        "national players on big campuses and hospitals, regional firms like Worth & Co. and McClure"
    )
    assert items == [
        "national players on big campuses and hospitals",
        "regional firms like Worth & Co.",
        "McClure",
    ]
    assert split_items("Tableau, Looker Studio and small Shopify apps") == [
        "Tableau",
        "Looker Studio",
        "small Shopify apps",
    ]


@pytest.mark.parametrize(
    ("lang", "answer", "fix", "shown", "fixed_row"),
    [
        ("en", "Mid-market retailers are moving to cloud BI; the segment grows about 11% a year. Competitors: Tableau.",
         "market growth is 8%", "market growth 11%/year", "| Growth | 8% a year | corrected (the answer said: the segment grows about 11% a year) |"),
        ("ko", "국내 중소기업 HR SaaS 시장은 약 4,000억 원 규모로 연 15% 성장하고 있습니다. 경쟁사: 플렉스.",
         "시장 성장률은 12%로 바꿔 주세요", "시장 규모 4,000억 원", "| 성장 | 연 12% | 수정함(답변: 연 15% 성장하고 있음) |"),
    ],
)  # fmt: skip
def test_the_market_s_size_and_growth_are_facts_shown_and_correctable(
    settings: Settings, lang: str, answer: str, fix: str, shown: str, fixed_row: str
) -> None:
    """The market's figures the plan uses are on the fact sheet: read once from the answer with
    the user's words, said in the reply, and a plain-word fix changes the market analysis."""
    from assistant.interview.render import section_markdown

    service, pid, replies = _chat(settings, lang, [("mkt_market_analysis", answer)])
    read = next(x for x in replies[0].split("\n\n") if x.startswith(("I read:", "읽은 내용:")))
    assert shown.lower() in read.lower()
    growth = service.plan(pid, owner="o").fact("market_growth")
    assert growth is not None and growth.period == "year" and growth.source == "user"
    assert growth.quote in answer
    service.turn(pid, fix, owner="o", section="mkt_market_analysis")
    plan = service.plan(pid, owner="o")
    fixed = plan.fact("market_growth")
    assert fixed is not None and fixed.corrected and fixed.value in (8, 12)
    assert fixed_row in section_markdown(plan, "mkt_market_analysis")


@pytest.mark.parametrize(
    ("lang", "answer", "example", "fix", "value"),
    [
        ("ko", "연간 마케팅 예산 4억 8,000만 원: 검색 광고 40%, 전시회 30%, 콘텐츠 30%.",
         "'예산 4억 8,000만 원'처럼", "예산 5억 원", 500_000_000),
        ("en", "Annual marketing budget $480,000: search ads 40%, events 30%, content 30%.",
         "e.g. 'budget $480,000'", "budget $500,000", 500_000),
    ],
)  # fmt: skip
def test_the_correction_hint_shows_the_answer_s_own_fact(
    settings: Settings, lang: str, answer: str, example: str, fix: str, value: float
) -> None:
    """The read-back's example is a fact just read, typed as a correction: a budget answer is not
    told to fix a win rate, and typing the example with a new value corrects the budget."""
    service, pid, replies = _chat(settings, lang, [("mkt_budget", answer), (None, fix)])
    read = next(x for x in replies[0].split("\n\n") if x.startswith(("I read:", "읽은 내용:")))
    assert example in read and "수주율" not in read and "win rate" not in read
    budget = service.plan(pid, owner="o").fact("marketing_budget")
    assert budget is not None and budget.value == value and budget.corrected


def test_a_date_s_comma_is_no_list_separator() -> None:
    """'Our goal: 900 MQLs by September 30, 2027' is one item read back whole (the chat read it
    as '… by September 30' and dropped the year)."""
    from assistant.analysis.lists import split_items

    assert split_items("Our goal: 900 MQLs by September 30, 2027") == ["Our goal: 900 MQLs by September 30, 2027"]  # fmt: skip
    assert split_items("Launch on Sep 30, 2027, then Oct 15, 2027") == ["Launch on Sep 30, 2027", "then Oct 15, 2027"]  # fmt: skip
    assert split_items("Tableau, Looker Studio, and small Shopify apps") == ["Tableau", "Looker Studio", "small Shopify apps"]  # fmt: skip
