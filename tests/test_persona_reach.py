"""Where a buyer looks, against the channels the plan reaches them with."""

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.persona_reach import places, reach, reach_line
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_places_drop_the_verbs_and_the_people() -> None:
    assert places("Reads Retail Dive, attends NRF, asks peers on LinkedIn", False) == ["Retail Dive", "NRF", "LinkedIn"]  # fmt: skip


def test_the_card_says_which_channel_meets_the_buyer_and_where_none_does(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    reached, missed = reach(plan, plan.personas[0])
    assert [m for _, m in reached] == ["NRF trade show", "LinkedIn"] and missed == ["Retail Dive"]
    line = "- Reached in the plan by: NRF trade show · LinkedIn · not yet: Retail Dive (see the channels)"
    assert reach_line(plan, plan.personas[0]) == line
    cards = section_markdown(plan, "mkt_audience_personas")
    # right under where they look, and the gap is still said once in the channels section
    assert "- Where they look: Reads Retail Dive, attends NRF, asks peers on LinkedIn\n" + line in cards  # fmt: skip
    assert "Where Chain Operations Director Casey looks that no channel reaches: Retail Dive." in section_markdown(plan, "mkt_channels")  # fmt: skip


def test_a_korean_card_names_the_channel_with_the_place_it_meets() -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    cards = section_markdown(plan, "mkt_audience_personas")
    # the 노무사 blogs are reached by the partnership with them (the 4P's promotion), not our blog
    assert "- 계획상 접점 채널: 노무사 블로그 제휴 · HR 박람회 · 아직 없음: 인사노무 네이버 카페(마케팅 채널 참고)" in cards  # fmt: skip


def test_a_finance_card_shows_its_role_s_typical_concerns_as_one_proposal() -> None:
    """A CFO card with only its role reads as a card, not a list of unknowns: the finance role's
    typical concerns, pains and triggers under one proposal label; in the documents, rows marked
    proposed. At an SME the approval chain to the chief executive is to confirm."""
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    cards = section_markdown(plan, "mkt_audience_personas")
    cfo = cards.split("**최 재무이사**")[1]
    assert "- _이 역할의 일반적인 예(제안, 고객 인터뷰로 확인)_:\n  - 관심사: 예산 안에서 예측할 수 있는 지출" in cfo  # fmt: skip
    # the objection to expect is the objection table's first for this buyer, a hypothesis
    assert "- 먼저 대비할 반론(제안, 인터뷰로 확인): 계약 기간 전체의 총비용(도입, 교육, 갱신 때 인상). 대응은 '예상 반론과 대응'에 있음" in cfo  # fmt: skip
    assert cfo.count("(제안") == 2
    # the typical entries stay one sub-list: no other line splits them
    lines = cfo.splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith("- _이 역할의 일반적인 예"))
    assert [x[:9] for x in lines[at + 1 : at + 4]] == [
        "  - 관심사: ",
        "  - 불편한 점",
        "  - 구매 계기",
    ]
    assert "- _정보를 얻는 곳은 고객 인터뷰에서 확인함_" in cfo  # a sentence, not a label
    assert "첫 거래에서 결재 라인(담당 팀장 → 재무 이사 → 대표이사)을 확인함." in cfo
    from assistant.export.blocks import Table, _persona_card

    table = next(b for b in _persona_card(plan, plan.personas[1]) if isinstance(b, Table))
    assert ["관심사(제안)", "예산 안에서 예측할 수 있는 지출 · 승인한 투자의 회수 확인 · 규정·감사 위험 줄이기"] in table.rows  # fmt: skip


def test_a_social_channel_no_business_buyer_names_is_tested_before_it_is_funded() -> None:
    """LinkedIn is in the plan but the HR persona reads Naver cafes and labour-law blogs: the
    channels section says so, with a small first-month test; a consumer's places are never the
    whole of where they spend time, so a consumer plan gets no such line."""
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "링크드인: 박 인사총무팀장이 정보를 얻는 곳으로 꼽지 않았고 예산 항목도 없는 채널임. 첫 달에 '네이버·구글 검색 광고' 항목의 일부로 시험해" in ko  # fmt: skip
    hvac = section_markdown(build_plan(load_answers(DATA / "us_hvac_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "LinkedIn: not among the places Facilities Manager Riley says they look. Test it" in hvac
    # search ads and events are found by buyers looking: never flagged
    assert "검색 광고은" not in ko and "박람회은" not in ko
    coffee = section_markdown(build_plan(load_answers(DATA / "dtc_coffee_answers.json")).plan, "mkt_channels")  # fmt: skip
    assert "TikTok" in coffee and "not among the places" not in coffee


def test_a_korean_buyer_who_sees_and_goes_is_read_and_reached_by_a_bracketed_name() -> None:
    """'전문지와 밴드 모임을 보고, 공작기계 전시회(SIMTOS)에 갑니다': where the buyer looks, read by
    its verbs with Kiwi; the show is reached by the plan's 전시회 channel and 'SIMTOS' on the
    calendar, shown without nested brackets."""
    doc = {"language": "ko", "plan_type": "marketing", "company": "A", "answers": {
        "mkt_audience_personas": "주 구매자: 자동차 부품 제조사의 설비보전 팀장, 40~55세. 고충: 부품 수입에 3주가 걸려 라인이 멈춤. 기계설비 전문지와 네이버 밴드 정비 모임을 보고, 공작기계 전시회(SIMTOS)에 갑니다.",
        "mkt_channels": "네이버 검색 광고, 전시회, 네이버 밴드.",
        "mkt_calendar": "4월 SIMTOS 전시회(8,000만 원), 9월 하반기 정비 캠페인.",
    }}  # fmt: skip
    plan = build_plan(doc).plan
    card = plan.personas[0]
    assert card.channels and "공작기계 전시회(SIMTOS)" in card.channels[0]
    line = reach_line(plan, card)
    assert "전시회(공작기계 전시회 SIMTOS)" in line and "((" not in line and "))" not in line
    assert "아직 없음: 기계설비 전문지" in line


def test_a_modifier_a_place_shares_with_a_channel_does_not_reach_it() -> None:
    """'Restaurant Business' (a magazine) is not reached by 'restaurant podcasts': only a
    channel's own name or its head word counts ('LinkedIn groups' by 'LinkedIn')."""
    doc = {"language": "en", "plan_type": "marketing", "company": "A", "answers": {
        "mkt_audience_personas": "Primary buyer: owner of an independent restaurant. Pains: slow payouts. Listens to restaurant podcasts, reads Restaurant Business, asks peers in LinkedIn groups.",
        "mkt_channels": "Google search ads, restaurant podcasts, LinkedIn.",
    }}  # fmt: skip
    plan = build_plan(doc).plan
    reached, missed = reach(plan, plan.personas[0])
    assert "Restaurant Business" in missed
    assert any(m == "LinkedIn" for _, m in reached)


def test_a_channel_the_buyer_does_not_name_and_no_line_pays_for_gets_one_decision() -> None:
    """LinkedIn is neither where the HR lead looks nor paid by a line: one sentence says test it
    from the largest line, then give it a line or drop it (not 'grow it' and 'drop it' apart)."""
    from assistant.interview.render import section_markdown

    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    text = section_markdown(plan, "mkt_channels")
    assert "링크드인: 박 인사총무팀장이 정보를 얻는 곳으로 꼽지 않았고 예산 항목도 없는 채널임. 첫 달에 '네이버·구글 검색 광고' 항목의 일부로 시험해, 리드당 비용이 다른 리드 채널 수준이면 예산 항목을 만들고 아니면 채널에서 뺌." in text  # fmt: skip
    assert "예산 항목이 없는 채널: 링크드인" not in text and text.count("링크드인은") == 0
