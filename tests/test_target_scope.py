"""The target market says who is out (below and above its size range, with the self-serve channel
that takes the small ones) and, for a business with sellers, a dated task to count the accounts
that fit, so the customer goal and the territories rest on a counted list."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_the_size_range_names_who_is_out_and_the_accounts_to_count(sample_answers: Path) -> None:
    en = section_markdown(build_plan(load_answers(sample_answers)).plan, "sales_target_market")
    assert "| Out of scope | under 20 stores (self-serve through Shopify App Store), over 200 stores |" in en  # fmt: skip
    row = next(r for r in en.splitlines() if r.startswith("| Accounts to count |"))
    assert "by the end of January 2027 (owner: VP Sales)" in row and "the 70 new customers are then a share of it" in row  # fmt: skip
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "| 제외 대상 | 직원 50명 미만, 300명 초과 |" in ko
    assert "| 대상 기업 수 집계 | 2027년 1월 말까지(담당: 영업 본부장): 위 기준에 모두 맞는 기업을 기업 DB로 세어 목록으로 만듦. 신규 고객 180곳이 그중 몇 %인지와 권역별 배분을 이 수로 정함 |" in ko  # fmt: skip


def test_a_business_without_sellers_gets_no_account_count() -> None:
    ko = section_markdown(build_plan(load_answers(DATA / "ko_petfood_answers.json")).plan, "sales_target_market")  # fmt: skip
    assert "대상 기업 수 집계" not in ko


def test_a_korean_market_in_provinces_is_read_whole() -> None:
    """'경기·충청·경남의 …, 우선 공략은 경남 창원 산업단지': every province is a region, the segment
    keeps no particle the regions leave behind, and the priority named after '우선 공략은' is read;
    '경기, 충청, 경남 권역으로 나누고' names three territories, and the team's '경기 2명, 충청 1명,
    경남 2명' places their sellers."""
    from assistant.analysis.territory_list import territories
    from assistant.interview.compose_target import market_criteria

    doc = {"language": "ko", "plan_type": "sales", "company": "A", "answers": {
        "sales_target_market": "경기·충청·경남의 직원 100~500명 자동차 부품 제조사, 우선 공략은 경남 창원 산업단지.",
        "sales_team_structure": "영업 담당자 5명(경기 2명, 충청 1명, 경남 2명), 영업팀장 1명.",
        "sales_territories_channels": "경기, 충청, 경남 권역으로 나누고 지역 공구상 대리점이 소량 주문을 맡습니다.",
    }}  # fmt: skip
    plan = build_plan(doc).plan
    rows = dict((label, value) for label, value in market_criteria(plan))
    assert rows["지역"] == "경기, 충청, 경남" and rows["세그먼트"] == "자동차 부품 제조사"
    assert rows["우선 공략"] == "경남 창원 산업단지"
    shown = [(t["name"], t["sellers"]) for t in territories(plan)]
    assert shown == [("경기", 2), ("충청", 1), ("경남", 2)]


def test_other_regions_keep_their_word() -> None:
    """'그 외 지역' is 'the other regions': only a region's own name drops the list's '지역'."""
    from assistant.analysis.territory_list import territories

    doc = {"language": "ko", "plan_type": "sales", "company": "A", "answers": {
        "sales_territories_channels": "수도권, 부산·경남, 그 외 지역으로 나눕니다.",
    }}  # fmt: skip
    assert [t["name"] for t in territories(build_plan(doc).plan)] == [
        "수도권",
        "부산·경남",
        "그 외 지역",
    ]
