import re

import pytest

from assistant.core.plan import Plan, Source
from assistant.interview.engine import InterviewEngine, InterviewState, QAAnswer, is_question


def engine(lang: str = "en", plan_type: str = "integrated", qa=None) -> InterviewEngine:  # type: ignore[no-untyped-def]
    e = InterviewEngine(InterviewState(plan=Plan.new("Acme", lang, plan_type)), qa=qa)
    e.start()
    return e


def test_start_asks_the_first_question_with_progress() -> None:
    e = InterviewEngine(InterviewState(plan=Plan.new("Acme", "en")))
    reply = e.start()
    assert "[1/23] Market Analysis" in reply.text
    assert reply.section == "mkt_market_analysis"
    assert "offline guided mode" in reply.text


def test_answer_is_saved_and_the_next_question_follows() -> None:
    e = engine()
    reply = e.handle("Independent cafés in Seoul, 9,000 outlets, growing 6% a year.")
    assert e.plan.section("mkt_market_analysis").content.startswith("Independent cafés")
    assert e.plan.section("mkt_market_analysis").status == "answered"
    assert reply.section == "sales_target_market"
    assert "[2/23]" in reply.text


def test_skip_back_goto_and_progress_in_english() -> None:
    e = engine()
    assert e.handle("skip").section == "sales_target_market"
    assert e.plan.section("mkt_market_analysis").status == "skipped"
    assert e.handle("back").section == "mkt_market_analysis"
    r = e.handle("goto budget")
    assert r.section == "mkt_budget" and "Marketing Budget" in r.text
    e.handle("Total $100,000: LinkedIn ads 60%, events 40%. ROI 2x")
    assert e.plan.budget.total == 100000 and len(e.plan.budget.lines) == 2
    progress = e.handle("progress").text
    assert (
        "1/23" in progress
        and "[x] Marketing Budget" in progress
        and "[-] Market Analysis" in progress
    )


def test_commands_work_in_korean() -> None:
    e = engine("ko")
    assert "[1/23] 시장 분석" in e.handle("도움말").text or "건너뛰기" in e.handle("도움말").text
    assert e.handle("건너뛰기").section == "sales_target_market"
    assert e.handle("이전").section == "mkt_market_analysis"
    assert e.handle("예산으로 이동").section == "mkt_budget"
    assert "예시 답" in e.handle("예시").text
    e.handle("총 6,000만 원: 인스타그램 광고 40%, 행사 30%, 콘텐츠 20%, 도구 10%. 기대 ROI 2.5배.")
    assert [ln.item for ln in e.plan.budget.lines] == ["인스타그램 광고", "행사", "콘텐츠", "도구"]
    assert "진행률: 1/23" in e.handle("진행 상황").text
    assert "# Acme - 영업 및 마케팅 계획" in e.handle("계획 보기").text


def test_revisit_and_edit_a_section() -> None:
    e = engine()
    e.handle("First draft of the market.")
    r = e.handle("goto 1")
    assert "Current answer" in r.text and "First draft" in r.text
    e.handle("Second, better description of the market.")
    assert (
        e.plan.section("mkt_market_analysis").content == "Second, better description of the market."
    )


def test_each_line_of_an_objectives_answer_is_one_goal_checked_at_once() -> None:
    e = engine()
    e.handle("goto mkt_objectives")
    r = e.handle(
        "Business objective: grow revenue 20% in 2027\n"
        "Generate 400 qualified leads by June 30, 2027 through a monthly tasting webinar.\n"
        "- Be everywhere in retail."
    )
    goals = e.plan.goals_in("mkt_objectives")
    assert [g.text for g in goals] == [
        "Generate 400 qualified leads by June 30, 2027 through a monthly tasting webinar.",
        "Be everywhere in retail.",
    ]
    assert e.plan.business_objectives == ["grow revenue 20% in 2027"]
    assert goals[0].smart and not goals[1].smart
    assert goals[0].criteria["relevant"].ok is True
    assert "S✓ M✓ A✓ R✓ T✓" in r.text
    assert "A stronger shape" in r.text and "keep" in r.text  # [blanks] to fill, not to accept
    assert goals[0].kpis[0] == "leads" and goals[0].measurement is not None
    assert goals[0].measurement.target == "400 leads"
    assert "I read: target 400 leads · no baseline · by 2027-06-30 · KPI" in r.text


def test_accept_keep_or_edit_the_suggested_rewrite() -> None:
    e = engine()
    e.handle("goto mkt_objectives")
    e.handle("Improve our sales.\nIncrease brand awareness.\nClose more deals soon.")
    assert len(e.state.pending) == 3
    r = e.handle("accept")  # the rewrite has [blanks]: it is never stored as the goal
    assert "still has blanks" in r.text and len(e.state.pending) == 3
    assert e.plan.goals_in("mkt_objectives")[0].text == "Improve our sales."
    e.handle(
        "Grow monthly revenue from 40,000 to 48,000 by December 31, 2027 via a referral programme."
    )
    goals = e.plan.goals_in("mkt_objectives")
    assert len(goals) == 3 and goals[0].text.startswith("Grow monthly revenue")  # only goal 1
    assert goals[1].text == "Increase brand awareness."
    e.handle("keep")
    assert e.plan.goals_in("mkt_objectives")[1].text == "Increase brand awareness."
    r = e.handle("Close 40 new deals by March 31, 2027 through partner referrals.")
    third = e.plan.goals_in("mkt_objectives")[2]
    assert third.smart and third.text.startswith("Close 40")
    assert r.section == "sales_objectives" and not e.state.pending


def test_audience_and_positioning_answers_make_persona_and_messaging() -> None:
    e = engine()
    e.handle("goto personas")
    e.handle(
        "Owner of an independent café, 30-45. Wants steady quality. Pain: supplier delays. Follows Instagram barista communities."
    )
    e.handle("goto positioning")
    e.handle("For cafés that cannot afford stock-outs, we deliver fresh beans the same day.")
    assert e.plan.personas and e.plan.personas[0].pains == ["supplier delays"]
    assert e.plan.messaging.positioning.startswith("For cafés")
    assert e.plan.messaging.key_messages[0].persona == e.plan.personas[0].name
    card = e.handle("persona").text
    assert "**Café Owner " in card and "Role: Owner of an independent café" in card  # a short name


def test_questions_are_answered_from_the_knowledge_then_the_interview_resumes() -> None:
    asked = []

    def qa(question: str, lang: str, **_: object) -> QAAnswer:
        asked.append((question, lang))
        return QAAnswer(
            text="Product, Price, Place, Promotion.",
            sources=[Source(source="knowledge/en/mix.md", heading="4P")],
        )

    e = engine("ko", qa=qa)
    r = e.handle("4P가 뭐예요?")
    assert asked == [("4P가 뭐예요?", "ko")]
    assert "Product, Price" in r.text and "[1/23] 시장 분석" in r.text
    assert r.sources[0].heading == "4P"
    assert e.plan.section("mkt_market_analysis").status == "open"


def test_question_detection() -> None:
    assert is_question("How do I measure leads?")
    assert is_question("4P가 뭐예요?")
    assert is_question("시장 분석에는 무엇이 포함되나요")
    assert not is_question("We sell coffee beans to cafés.")
    assert not is_question("What we sell is roasted coffee for cafés in Seoul and Busan.")


def test_summaries_are_drafted_last_from_the_other_sections() -> None:
    e = engine(plan_type="sales")
    e.handle("Cafés with 1-5 outlets in the capital area.")
    while e.state.cursor not in (None, "sales_executive_summary"):
        e.handle("skip")
    section = e.plan.section("sales_executive_summary")
    assert section.status == "drafted"
    assert "Cafés with 1-5 outlets" in section.content
    e.handle("Mention the two new hires in Q1.")
    assert "two new hires" in e.plan.section("sales_executive_summary").content
    assert e.state.cursor is None


def test_bad_input_gets_a_message_not_an_exception() -> None:
    e = engine()
    assert e.handle("   ").kind == "error"
    assert e.handle("x" * 30_000).kind == "error"
    assert e.handle("goto nowhere-at-all").kind == "error"
    assert e.handle("export odt").kind == "error"
    assert e.handle("accept").text  # nothing pending: explained, no crash
    assert e.plan.section("mkt_market_analysis").status == "open"


def test_export_and_new_plan_are_requests_for_the_front_end() -> None:
    e = engine()
    assert e.handle("export docx").export == "docx"
    assert e.handle("새 계획").new_plan


def test_a_modifier_before_a_label_is_not_left_dangling_in_the_market_text() -> None:
    from assistant.analysis.lists import labelled

    parts, rest = labelled(
        "시장은 연 12% 성장하고 있습니다. 주요 경쟁사: 아로마티카, 라운드랩. 강점: 저자극.",
        {"c": r"경쟁사", "s": r"강점"},
    )
    assert rest == "시장은 연 12% 성장하고 있습니다."  # not "... 있습니다. 주요"
    assert parts["c"].startswith("아로마티카") and parts["s"] == "저자극."
    parts, rest = labelled("Growing 8% a year. Main competitors: Tableau.", {"c": r"competitors?"})
    assert rest == "Growing 8% a year." and parts["c"] == "Tableau."


def test_a_korean_month_range_is_one_calendar_entry() -> None:
    from assistant.analysis.budget import month_of
    from assistant.interview.calendar_read import calendar_from_answer

    entries = calendar_from_answer(
        "5월 가정의 달 기획전, 7~8월 여름 선케어 캠페인, 11월 블랙프라이데이"
    )
    assert [(e.when, e.activity) for e in entries] == [
        ("5월", "가정의 달 기획전"), ("7~8월", "여름 선케어 캠페인"), ("11월", "블랙프라이데이"),
    ]  # fmt: skip
    assert month_of("7~8월") == 7


def test_a_target_rate_after_the_budget_lines_is_not_a_budget_line() -> None:
    from assistant.interview.extract_offline import budget_from_answer

    budget = budget_from_answer(
        "연간 마케팅 예산 12억 원: 인플루언서 협업 40%(4억 8,000만 원), 퍼포먼스 광고 35%(4억 2,000만 원), "
        "오프라인 팝업 15%(1억 8,000만 원), 샘플링 10%(1억 2,000만 원). 목표 ROAS 400%, CAC 1만 5,000원 이하."
    )
    assert [(ln.item, ln.share) for ln in budget.lines] == [
        ("인플루언서 협업", 40.0), ("퍼포먼스 광고", 35.0), ("오프라인 팝업", 15.0), ("샘플링", 10.0),
    ]  # fmt: skip
    assert budget.total == 1_200_000_000


def test_numbers_written_after_a_kpi_name_become_its_target() -> None:
    from assistant.goals.kpi import get_kpi
    from assistant.interview.compose_kpis import _stated_values

    text = "MQL→SQL 전환율 25%, 수주율 30%, 매출총이익률 80%, 평균 객단가 4만 2,000원."
    kpis = [get_kpi(k) for k in ("mql_to_sql_rate", "win_rate", "revenue", "average_deal_size")]
    stated = _stated_values(text, kpis, "ko")
    assert stated["mql_to_sql_rate"] == "25%" and stated["win_rate"] == "30%"
    assert "revenue" not in stated  # '매출' inside '매출총이익률' is not the revenue KPI
    assert stated["average_deal_size"].startswith("4만 2,000")


def test_a_note_in_brackets_stays_with_its_competitor() -> None:
    from assistant.cli.draft import build_plan
    from assistant.interview.compose_market import market_markdown

    for lang, answer, whole in (
        ("en", "Cafés in Seoul. Competitors: Acme (enterprise, expensive), Beta and Gamma. Strengths: local roasting.", "Acme (enterprise, expensive)"),
        ("ko", "서울 카페 시장. 경쟁사: 네이버, 쿠팡(온라인, 대형) 및 마켓컬리. 강점: 직접 로스팅.", "쿠팡(온라인, 대형)"),
    ):  # fmt: skip
        doc = {"language": lang, "company": "", "plan_type": "integrated",
               "answers": {"mkt_market_analysis": answer}}  # fmt: skip
        table = market_markdown(build_plan(doc).plan)
        # with the user's strengths the competitors are a comparison table, one row each
        rows = [line for line in table.splitlines() if line.startswith("| ")]
        # (a rival of no known kind is named in the shared row, its note with it)
        assert any(row.startswith("| ") and whole in row.split(" | ")[0] for row in rows), rows
        assert not any(row.startswith(("| expensive)", "| 대형)")) for row in rows)


def test_a_correction_rewrites_the_number_in_the_goal_text(settings) -> None:  # type: ignore[no-untyped-def]
    """'goal 1 target is 50' after 'from 12 to 60': the text says 50 everywhere, like the reading."""
    from assistant.service import PlanService

    service = PlanService(settings)
    sid, _ = service.new_session("", "en", owner="o")
    goal = "Grow webinar sign-ups from 12 to 60 per month by June 30, 2027 through LinkedIn ads."
    service.turn(sid, goal, owner="o", section="mkt_objectives")
    service.turn(sid, "goal 1 target is 50", owner="o", section="mkt_objectives")
    plan = service.plan(sid, "o")
    assert plan.goals[0].text == goal.replace("to 60", "to 50")
    assert plan.goals[0].frame is not None and plan.goals[0].frame.target is not None
    assert plan.goals[0].frame.target.value == 50
    assert len(plan.goals) == 1  # a correction is never saved as a goal


def test_an_answer_says_what_was_read_from_it(settings) -> None:  # type: ignore[no-untyped-def]
    from assistant.service import PlanService

    service = PlanService(settings)
    for lang, sid, answer, expected in (
        ("en", "sales_team_structure", "A VP Sales leads 4 account executives and 2 SDRs.", "account executives 4 (quota)"),
        ("en", "mkt_measurement", "We track MQL to SQL 35% and SQL to won 20% monthly.", "SQL→won 20%"),
        ("ko", "mkt_measurement", "MQL→SQL 전환율 35%, SQL→계약 전환율 20%로 봅니다.", "SQL→계약 20%"),
    ):  # fmt: skip
        plan_id, _ = service.new_session("", lang, owner="o")
        reply = service.turn(plan_id, answer, owner="o", section=sid)
        line = next(x for x in reply.text.split("\n\n") if x.startswith(("I read:", "읽은 내용:")))
        assert expected in line, line


def test_a_korean_persona_card_reads_its_labels_once() -> None:
    from assistant.interview.extract_offline import persona_from_answer

    card = persona_from_answer(
        "주요 구매자: 쇼핑몰 운영 팀장(30~40대). 고민: 광고비가 많이 든다. 정보는 유튜브와 커뮤니티에서 얻는다.",
        "ko",
    )
    assert re.fullmatch(r"[가-힣] 운영팀장", card.name) and card.role.startswith("쇼핑몰 운영 팀장")
    assert (
        card.pains == ["광고비가 많이 듦"] and card.demographics == "30~40대"
    )  # a bullet's noun form
    assert card.channels and "유튜브" in card.channels[0]
    second = persona_from_answer(
        "주요 고객은 부산에 사는 40대 자영업자로, 매출 관리가 어렵다고 느낍니다. 정보는 네이버 카페에서 얻습니다.",
        "ko",
    )
    assert second.role == "부산에 사는 40대 자영업자"
    assert second.pains == ["매출 관리가 어렵다고 느낌"]  # a bullet ends in the noun form


def test_korean_lists_are_read_with_the_morphological_analyser() -> None:
    """Particles never end up in table cells: roles, territories and competitors are the nouns."""
    from assistant.analysis.lists import competitor_list, team_roles
    from assistant.analysis.territory_list import territories
    from assistant.cli.draft import build_plan

    doc = {"language": "ko", "company": "", "plan_type": "integrated", "answers": {
        "sales_team_structure": "영업 팀장 아래 영업 담당자 4명과 고객 관리 매니저 2명, 인사이드 세일즈 1명이 있습니다.",
        "sales_territories_channels": "수도권, 영남과 호남으로 나눕니다. 직판과 파트너를 함께 씁니다.",
        "mkt_market_analysis": "서울 카페 시장. 경쟁사: 스타벅스와 이디야, 쿠팡(온라인, 대형)입니다. 강점: 로스팅.",
    }}  # fmt: skip
    plan = build_plan(doc).plan
    roles = {str(r["role"]): r for r in team_roles(plan)}
    assert set(roles) >= {"영업 담당자", "고객 관리 매니저", "인사이드 세일즈"}, roles
    assert roles["영업 담당자"]["count"] == 4 and roles["영업 담당자"]["quota_carrying"] is True
    assert [t["name"] for t in territories(plan)] == ["수도권", "영남", "호남"]
    assert competitor_list(plan) == ["스타벅스", "이디야", "쿠팡(온라인, 대형)"]


@pytest.mark.parametrize(
    ("lang", "answer", "expected"),
    [
        (
            "en",
            "Primary buyer: Head of RevOps at a 200-1,000 person SaaS company, aged 30-45. Goals: a forecast the board trusts. Pains: spreadsheets, late data. Objections: another tool to integrate; price. Triggers: a missed quarter or a new CRO. Channels: LinkedIn, Pavilion community, RevOps podcasts.",
            {"role": "Head of RevOps at a 200-1,000 person SaaS company", "demographics": "30-45",
             "pains": ["spreadsheets", "late data"], "objections": ["another tool to integrate", "price"],
             "buying_triggers": ["a missed quarter or a new CRO"],
             "channels": ["LinkedIn", "Pavilion community", "RevOps podcasts"]},
        ),
        (
            "ko",
            "주요 고객은 서울에 사는 30~40대 맞벌이 부모입니다. 고민: 아이 간식을 고를 시간이 없고 첨가물이 걱정됩니다. 반대 이유: 가격이 비싸다고 느낍니다. 구매 계기: 아이가 어린이집에 들어갈 때. 정보 채널: 인스타그램, 맘카페, 네이버 블로그.",
            {"role": "서울에 사는 30~40대 맞벌이 부모", "demographics": "30~40대",
             "pains": ["아이 간식을 고를 시간이 없고 첨가물이 걱정됨"],
             "objections": ["가격이 비싸다고 느낍니다"], "buying_triggers": ["아이가 어린이집에 들어갈 때"],
             "channels": ["인스타그램", "맘카페", "네이버 블로그"]},
        ),
    ],
)  # fmt: skip
def test_persona_fields_are_read_from_their_labels(
    lang: str, answer: str, expected: dict[str, object]
) -> None:
    """Every field the user gave lands in its own field: no sentence in the wrong one, no
    particle left on a channel, a number's comma never splits the role."""
    from assistant.interview.extract_offline import persona_from_answer

    card = persona_from_answer(answer, lang).model_dump()
    assert {k: card[k] for k in expected} == expected


def test_calendar_days_stay_with_their_month_and_a_korean_year_after_a_month_is_text() -> None:
    from assistant.interview.calendar_read import calendar_from_answer

    en = calendar_from_answer("January 12, 2027: new search campaigns per branch. May 11-12, 2027: BOMA expo booth ($18,000). March 2027: direct mail.")  # fmt: skip
    assert [(e.when, e.year, e.activity) for e in en] == [
        ("January 12", 2027, "new search campaigns per branch"),
        ("May 11-12", 2027, "BOMA expo booth"),
        ("March", 2027, "direct mail"),
    ]
    ko = calendar_from_answer("2027년 1월 연말정산 대비 웨비나, 8월 2028년 최저임금 확정에 맞춘 급여 설정 캠페인.")  # fmt: skip
    assert [(e.when, e.year, e.activity) for e in ko] == [
        ("1월", 2027, "연말정산 대비 웨비나"),
        ("8월", None, "2028년 최저임금 확정에 맞춘 급여 설정 캠페인"),  # the plan's year, not 2028
    ]


def test_korean_bullets_end_in_the_noun_form_never_mid_clause() -> None:
    from assistant.core.korean import bullet_form

    assert bullet_form("엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸리고") == "엑셀로 근태를 집계하느라 급여 마감에 매달 3일이 걸림"  # fmt: skip
    assert bullet_form("주 52시간 위반이 늘 걱정입니다.") == "주 52시간 위반이 늘 걱정임"
    assert bullet_form("매출 관리가 어렵다") == "매출 관리가 어려움"  # ㅂ-irregular
    assert bullet_form("광고비가 많이 든다") == "광고비가 많이 듦"  # ㄹ stem
    assert bullet_form("팀이 작아서 시간이 없습니다") == "팀이 작아서 시간이 없음"
    assert bullet_form("매장 관리") == "매장 관리"


def test_two_personas_never_share_a_name_and_labels_are_not_roles() -> None:
    from pathlib import Path

    from assistant.cli.draft import build_plan, load_answers

    plan = build_plan(load_answers(Path(__file__).parent / "data" / "ko_hr_answers.json")).plan
    first, second = plan.personas[:2]
    assert not first.role.startswith("주 구매자")
    surname = lambda name: [w for w in name.split() if len(w) == 1]  # noqa: E731
    assert surname(first.name) != surname(second.name)
    assert any("평가 기준" in g for g in first.goals)  # what they are judged on is a goal
    assert all(not p.endswith("고") for p in first.pains)


def test_a_role_ends_where_its_description_starts() -> None:
    from assistant.interview.extract_offline import persona_from_answer

    card = persona_from_answer("Primary: plant purchasing manager who approves inventory contracts above $100,000 a year and is measured on cost savings and supplier count.", "en")  # fmt: skip
    assert card.role == "plant purchasing manager"
    assert card.goals == ["measured on cost savings and supplier count"]


def test_korean_clauses_dates_and_roles_end_cleanly() -> None:
    from assistant.analysis.cadence import recurring_items
    from assistant.core.korean import close_clause, ko_phrase
    from assistant.interview.calendar_read import calendar_from_answer
    from assistant.interview.extract_offline import persona_from_answer

    assert close_clause("메뉴 컨설팅으로 첫 주문을 만든 뒤") == "메뉴 컨설팅으로 첫 주문을 만들기"
    assert (
        ko_phrase("컨설턴트가 신메뉴 레시피까지 함께 만듭니다")
        == "컨설턴트가 신메뉴 레시피까지 함께 만듦"
    )
    assert ko_phrase("2주 도입입니다") == "2주 도입"
    items = recurring_items("월 1회 바리스타 교육, 2027년 3월 전원 식품위생 교육 이수.")
    assert [(i.name, i.period) for i in items] == [("바리스타 교육", "month"), ("2027년 3월 전원 식품위생 교육 이수", None)]  # fmt: skip
    cal = calendar_from_answer("2027년 1월 11일 딸기 메뉴 캠페인 시작, 3월 18일~21일 서울카페쇼 부스(1억 2,000만 원).")  # fmt: skip
    assert [(e.when, e.activity) for e in cal] == [("1월 11일", "딸기 메뉴 캠페인 시작"), ("3월 18일~21일", "서울카페쇼 부스")]  # fmt: skip
    card = persona_from_answer("Primary: 매장 20개 이상 프랜차이즈 본사의 구매팀장으로, 연간 공급 계약을 결재합니다.", "ko")  # fmt: skip
    assert card.role == "매장 20개 이상 프랜차이즈 본사의 구매팀장"


def test_a_korean_answer_under_an_english_plan_is_told_where_it_went_in_korean() -> None:
    """The reply follows the user's language, section title included: a Korean answer typed with
    the English plan is saved to '시장 분석', said so, not '**Market Analysis**에'."""
    e = engine("en")
    reply = e.handle("서울의 독립 카페 9,000곳, 연 6% 성장합니다.")
    assert "**시장 분석**에 저장했습니다." in reply.text
    assert "Market Analysis" not in reply.text.split("\n")[0]
    # what was read is said in the answer's language too, its Korean list split by Kiwi
    reply = engine("en").handle("서울의 독립 카페 9,000곳, 연 6% 성장합니다. 경쟁사는 스타벅스와 이디야입니다.")  # fmt: skip
    assert "읽은 내용: 시장 성장률 연 6% · 경쟁사 스타벅스, 이디야" in reply.text
    assert "I read" not in reply.text
    assert engine("en").handle("Independent cafés in Seoul, 9,000 outlets.").text.startswith("Saved to **Market Analysis**.")  # fmt: skip


def test_the_chat_s_smart_verdict_is_the_plan_s(sample_answers) -> None:  # type: ignore[no-untyped-def]
    """A new goal the plan's own numbers fall short of is A? in the chat as in the plan, with
    the check that says why in place of the wording's ✓ (the pane and the chat agree)."""
    from assistant.cli.draft import build_plan, load_answers

    e = InterviewEngine(InterviewState(plan=build_plan(load_answers(sample_answers)).plan))
    e.start()
    e.handle("goto sales goals")
    reply = e.handle("Close 70 new annual contracts by December 2027 through a 14-day guided trial program.")  # fmt: skip
    assert "**S✓ M✓ A? R✓ T✓**" in reply.text
    assert "- ? Achievable: At the plan's leads and conversion rates the funnel yields about 60 customers of the 70." in reply.text  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "market", "goal", "said"),
    [
        (
            "ko",
            "국내 HR SaaS 시장은 연 15% 성장합니다.",
            "2027년 12월 31일까지 마케팅 적격 리드 2,400건을 확보한다(2026년 1,500건).",
            "이 답은 목표처럼 보입니다",
        ),  # fmt: skip
        (
            "en",
            "Mid-market retail BI grows 11% a year.",
            "Generate 900 marketing-qualified leads by September 30, 2027.",
            "This answer reads as a goal",
        ),  # fmt: skip
    ],
)
def test_a_goal_given_to_another_question_is_kept_and_pointed_to_the_goals(
    lang: str, market: str, goal: str, said: str
) -> None:
    """A dated target answered to the target-market question is saved there (nothing typed is
    lost), and the reply says a goal is checked only in the goals questions."""
    e = engine(lang)
    e.handle(market)
    assert e.state.cursor == "sales_target_market"
    reply = e.handle(goal)
    assert said in reply.text
    assert e.plan.section("sales_target_market").answers[-1].startswith(goal[:10])
    # an answer that is no goal gets no such note
    e2 = engine(lang)
    assert said not in e2.handle(market).text


def test_a_goal_given_to_the_persona_question_makes_no_persona() -> None:
    e = engine("ko")
    e.handle("goto 페르소나")
    assert e.state.cursor == "mkt_audience_personas"
    reply = e.handle("2027년 12월 31일까지 마케팅 적격 리드 2,400건을 확보한다(2026년 1,500건).")
    assert "이 답은 목표처럼 보입니다" in reply.text
    assert e.plan.personas == []  # no '리드 확보한다 하은 씨'
    assert e.plan.section("mkt_audience_personas").answers  # the answer itself is kept


@pytest.mark.parametrize(
    ("lang", "budget", "said", "go"),
    [
        ("ko", "연간 마케팅 예산 4억 8,000만 원: 검색 광고 40%, 박람회 25%, 콘텐츠 20%, 파트너 10%, 도구 5%.",
         "이 답은 예산처럼 보입니다", "이동 예산"),
        ("en", "Annual marketing budget $480,000: LinkedIn ads 30%, events 25%, content 35%, tools 10%.",
         "This answer reads as a budget", "goto budget"),
    ],
)  # fmt: skip
def test_a_budget_given_to_another_question_is_kept_and_pointed_to_the_budget(
    lang: str, budget: str, said: str, go: str
) -> None:
    """A budget typed at the market question is kept there (nothing typed is lost) and the reply
    says the plan reads a budget only at the budget question, with the command that goes there."""
    e = engine(lang)
    assert e.state.cursor == "mkt_market_analysis"
    reply = e.handle(budget)
    assert said in reply.text and go in reply.text
    assert e.plan.section("mkt_market_analysis").answers[-1] == budget
    assert not e.plan.budget.lines  # not read as the budget from the wrong question
    from assistant.interview.render import section_markdown

    market = section_markdown(e.plan, "mkt_market_analysis")  # nor as the market's trend
    assert ("예산(총액과 항목별 비중)으로 보여" if lang == "ko" else "reads as a budget (a total and its split)") in market  # fmt: skip
    assert "40%" not in market
    e.handle(go)
    assert e.state.cursor == "mkt_budget"
    # the same words at the budget question are the budget, with no such note
    again = e.handle(budget)
    assert said not in again.text and len(e.plan.budget.lines) == 5 - (lang == "en")


def test_a_budget_in_amounts_reads_as_a_budget_and_a_market_answer_does_not() -> None:
    from assistant.interview.misplaced import reads_as_budget

    assert reads_as_budget("Annual budget $480,000: search ads $200,000, events $180,000, content $100,000.")  # fmt: skip
    assert reads_as_budget("연간 예산 4억 8,000만 원: 검색 광고 2억 원, 박람회 1억 8,000만 원, 콘텐츠 1억 원.")  # fmt: skip
    assert not reads_as_budget("The segment grows 11% a year; competitors are Tableau and Looker.")
    assert not reads_as_budget("시장은 연 15% 성장하고, 상위 3개사가 60%를 차지합니다.")


def test_a_persona_role_keeps_its_bracketed_note_whole() -> None:
    """'경영지원팀장(40대, 재무·인사·총무 겸직)' is one role: the comma inside the brackets does not
    end it (a card that read '경영지원팀장(40대' left the bracket open in every sentence)."""
    from assistant.interview.extract_offline import persona_from_answer

    card = persona_from_answer(
        "주 구매자: 직원 50~300명 중견기업의 경영지원팀장(40대, 재무·인사·총무 겸직). 고민: 월말 마감이 5일 이상 걸림.",
        "ko",
    )
    assert card.role == "직원 50~300명 중견기업의 경영지원팀장(40대, 재무·인사·총무 겸직)"
    en = persona_from_answer("Primary buyer: the finance lead (CFO, sometimes COO) of a 50-300 person firm, measured on close speed.", "en")  # fmt: skip
    assert "(CFO, sometimes COO)" in en.role
    # the target market's buyer row names the role without its note (no brackets in brackets)
    from pathlib import Path

    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import section_markdown

    answers = load_answers(Path(__file__).parent / "data" / "ko_workflow_saas_answers.json")
    target = section_markdown(build_plan(answers).plan, "sales_target_market")
    assert "경영지원팀장(40대" not in target and "중견기업의 경영지원팀장) |" in target
