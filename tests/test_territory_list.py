"""Reading the territories answer: places, not channels; a label before the list is no part of
the first name; a bracket's notes say who sells there or how big it is, not a target; a count
after a region's name is its target."""

from __future__ import annotations

from assistant.analysis.territory_list import territories
from assistant.cli.draft import build_plan
from assistant.interview.render import section_markdown


def _plan(lang: str, territories_answer: str, goal: str, team: str = "") -> object:
    answers = {"sales_objectives": goal, "sales_territories_channels": territories_answer}
    if team:
        answers["sales_team_structure"] = team
    return build_plan({"language": lang, "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip


def _rows(plan: object) -> list[tuple[object, object, object]]:
    return [(t["name"], t["sellers"], t["new_customers"]) for t in territories(plan)]  # type: ignore[arg-type]


def test_sales_channels_are_not_split_as_territories() -> None:
    # how the business sells (its store, a marketplace) or its scope is not a place
    for said in (
        "US only: own Shopify store (82% of revenue) and Amazon (18%); corporate gifting direct.",
        "DTC: US-wide, no international (Canada test in 2028).",
        "자사몰 70%, 쿠팡 30%.",
    ):
        plan = _plan("en", said, "Win 400 new customers in 2027.")
        assert territories(plan) == [], said
        shown = section_markdown(plan, "sales_territories_channels")  # type: ignore[arg-type]
        assert "| Territory |" not in shown and "50%" not in shown


def test_a_label_before_the_list_is_not_the_first_territory() -> None:
    plan = _plan("en", "GMV by region 2027: Northeast 40%, West 35%, Midwest 25%.", "Win 1,000 new customers in 2027.")  # fmt: skip
    assert [n for n, _, _ in _rows(plan)] == ["Northeast", "West", "Midwest"]
    ko = _plan("ko", "신규 가맹 목표: 수도권 22개, 영남 7개, 충청 4개, 호남 2개. 유입 채널: 온라인 문의 55%.", "2027년 신규 가맹점 35개를 연다.")  # fmt: skip
    # the count after each name is its target
    assert [(n, c) for n, _, c in _rows(ko)] == [
        ("수도권", 22),
        ("영남", 7),
        ("충청", 4),
        ("호남", 2),
    ]


def test_a_bracket_of_notes_keeps_its_territory_whole_and_counts_its_people() -> None:
    plan = _plan("en", "Midwest (Columbus office, 2 partners), Texas and South Central (Houston office, 1 partner), Southeast (1 partner, travelling); ERP vendors as referral channels.", "Win 40 new clients in 2027.")  # fmt: skip
    assert _rows(plan) == [("Midwest", 2, 20), ("Texas and South Central", 1, 10), ("Southeast", 1, 10)]  # fmt: skip
    # items each closed by a bracket still split at a final 'and'
    plan = _plan("en", "Seoul (3 reps), Busan (1 rep) and Daegu (1 rep).", "Win 70 new customers in 2027.")  # fmt: skip
    assert [(n, s) for n, s, _ in _rows(plan)] == [("Seoul", 3), ("Busan", 1), ("Daegu", 1)]


def test_a_size_in_brackets_is_not_a_target() -> None:
    plan = _plan("en", "Seattle district (6 stores), Portland district (5 stores), Spokane and Bend district (3 stores).", "Win 3,000 new customers in 2027.")  # fmt: skip
    targets = [c for _, _, c in _rows(plan)]
    assert targets and 6 not in targets and sum(t for t in targets if isinstance(t, int)) == 3000
    # a count of customers in brackets still is: '(target 22 new contracts)', '(35곳)'
    plan = _plan("en", "Three territories: Dallas (target 22 new contracts), Houston (15) and Austin (8).", "Win 45 new contracts in 2027.")  # fmt: skip
    assert [c for _, _, c in _rows(plan)] == [22, 15, 8]


def test_sellers_come_from_the_sellers_breakdown_not_the_engineers() -> None:
    plan = _plan(
        "ko",
        "권역별 2027년 매출 목표: 수도권 92억 원(신규 계약 50건), 충청 52억 원(30건), 영남 50억 원(30건), 호남 16억 원(10건).",
        "2027년 신규 계약 120건을 수주한다.",
        "영업본부장 1명 아래 권역 영업 담당(AE) 8명 — 수도권 3명, 충청 2명, 영남 2명, 호남 1명. 현장 엔지니어 58명(수도권 24, 충청 14, 영남 14, 호남 6).",
    )
    # the region's revenue is no part of its name; its bracket's count is its target
    assert _rows(plan) == [("수도권", 3, 50), ("충청", 2, 30), ("영남", 2, 30), ("호남", 1, 10)]


def test_what_a_review_found_the_reading_must_not_do() -> None:
    # partners mentioned without a count of them keep the bracket's target
    plan = _plan("en", "Northeast (30 new accounts via partners), Southeast (20 new accounts).", "Win 50 new accounts in 2027.")  # fmt: skip
    assert [c for _, _, c in _rows(plan)] == [30, 20]
    # field sales is selling: its breakdown staffs the regions
    plan = _plan("ko", "수도권, 영남.", "2027년 신규 고객 40곳을 확보한다.", "현장 영업 담당 4명(수도권 3명, 영남 1명).")  # fmt: skip
    assert [(n, s) for n, s, _ in _rows(plan)] == [("수도권", 3), ("영남", 1)]
    # a year, a zone number or a count of stores is no target
    plan = _plan("en", "Dallas (since 2019), Houston (Zone 2), Austin.", "Win 30 new customers in 2027.")  # fmt: skip
    assert sorted(c for _, _, c in _rows(plan)) == [10, 10, 10]
    plan = _plan("ko", "수도권(6개 매장), 영남(3개 매장).", "2027년 신규 고객 90곳을 확보한다.")
    assert 6 not in [c for _, _, c in _rows(plan)]
    # a neighbourhood's number is no count of houses unless the goal counts them
    plan = _plan("ko", "대치 1동, 대치 2동, 도곡 2동.", "2027년 신규 고객 30곳을 확보한다.")
    assert [c for _, _, c in _rows(plan)] != [1, 2, 2]
    # a label of any kind before the list, and a place named like a channel word
    plan = _plan("en", "Coverage: Northeast, Southeast, Midwest.", "Win 30 new customers in 2027.")
    assert [n for n, _, _ in _rows(plan)] == ["Northeast", "Southeast", "Midwest"]
    plan = _plan("ko", "부산 해운대 마켓타운, 호남 유통단지.", "2027년 신규 고객 30곳을 확보한다.")
    assert len(_rows(plan)) == 2


def test_sellers_and_a_target_stated_together_are_both_read() -> None:
    """'US East (3 AEs, 42 new customers)': the target beside the sellers is the territory's own,
    never replaced by a split by sellers; one clause per territory ('US East: 3 AEs, 42 …; …' or
    one sentence each) reads the same, and a note after them ('Partner agencies: …') is none."""
    goal = "Win 70 new customers in 2027."
    want = [("US East", 3, 42), ("US West", 1, 17), ("Canada", 1, 11)]
    for said in (
        "US East (3 AEs, 42 new customers), US West (1 AE, 17 new customers), Canada (1 AE, 11 new customers).",
        "US East: 3 AEs, 42 new customers; US West: 1 AE, 17 new customers; Canada: 1 AE, 11 new customers.",
        "US East: 3 account executives, 42 new customers. US West: 1 account executive, 17 new customers. Canada: 1 account executive, 11 new customers. Partner agencies: about 10 of the 70.",
    ):
        assert _rows(_plan("en", said, goal)) == want, said
    ko_goal = "2027년 신규 고객 180곳을 확보한다."
    ko_want = [("수도권", 4, 120), ("영남", 1, 35), ("충청·호남", 1, 25)]
    for said in (
        "수도권(AE 4명, 120곳), 영남(AE 1명, 35곳), 충청·호남(AE 1명, 25곳).",
        "수도권: AE 4명, 신규 120곳; 영남: AE 1명, 신규 35곳; 충청·호남: AE 1명, 신규 25곳",
    ):
        assert _rows(_plan("ko", said, ko_goal)) == ko_want, said
    # a bracket's note after the sellers is not a target: '(3 reps, since 2019)'
    plan = _plan("en", "Seoul (3 reps, since 2019), Busan (1 rep) and Daegu (1 rep).", goal)
    assert [c for _, _, c in _rows(plan)] == [42, 14, 14]
    # clauses that give branches and revenue, not sellers or new customers, are not read so
    branches = _plan("ko", "수도권: 지점 9곳→11곳(광교·송도 신규), 2027년 매출 목표 230억 원. 영남: 3곳→5곳(서면·창원 신규), 105억 원. 충청: 2곳→3곳(둔산 신규), 55억 원.", ko_goal)  # fmt: skip
    assert not any("지점" in str(n) or "억" in str(n) for n, _, _ in _rows(branches))


def test_what_the_attack_review_found_the_clause_reading_must_not_do() -> None:
    goal = "Win 70 new customers in 2027."
    # periods, motions and segments are not territories, with or without sellers
    for said in (
        "Q1: 20 deals; Q2: 25 deals; Q3: 15 deals; Q4: 10 deals.",
        "Inbound: 40 new customers; Outbound: 30 new customers.",
        "Hunters: 3 AEs, 40 new customers; Farmers: 2 AEs, 30 deals.",
        "상반기: 40곳; 하반기: 50곳",
        "직접 영업: AE 3명, 60곳; 파트너: 30곳",
    ):
        lang = "ko" if any("가" <= ch <= "힣" for ch in said) else "en"
        assert territories(_plan(lang, said, goal)) == [], said
    # thousands are whole; a year, a rate or today's accounts is no target
    assert [c for _, _, c in _rows(_plan("en", "US East (3 AEs, 1,040 new customers), US West (1 AE, 1,017 new customers).", goal))] == [1040, 1017]  # fmt: skip
    for said in (
        "US East (3 AEs, 2019), US West (1 AE, 2021), Canada (1 AE, 2023).",
        "US East (3 AEs, 3 deals/month), US West (1 AE, 1 deal/month), Canada (1 AE, 1 deal/month).",
        "US East (3 AEs, 40 customers today), US West (1 AE, 12 customers today), Canada (1 AE, 5 customers today).",
    ):
        assert [c for _, _, c in _rows(_plan("en", said, goal))] == [42, 14, 14], said
    ko = _plan("ko", "수도권(AE 4명, 거래처 1,200곳), 영남(AE 1명, 거래처 1,350곳), 충청·호남(AE 1명, 거래처 1,080곳).", "2027년 신규 고객 180곳을 확보한다.")  # fmt: skip
    assert [c for _, _, c in _rows(ko)] == [120, 30, 30]
    # a note after the territories ends the list, it does not undo it
    said = "US East: 3 AEs, 42 new customers; US West: 1 AE, 17 new customers; Canada: 1 AE, 11 new customers. Travel budget: $40,000 a year."  # fmt: skip
    assert _rows(_plan("en", said, goal)) == [("US East", 3, 42), ("US West", 1, 17), ("Canada", 1, 11)]  # fmt: skip
