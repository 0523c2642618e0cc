"""Budget lines as people write them: shares, amounts or both, in either language."""

from __future__ import annotations

import pytest

from assistant.interview.extract_offline import budget_from_answer


def _lines(text: str) -> dict[str, tuple[float | None, float | None]]:
    budget = budget_from_answer(text)
    return {line.item: (line.share, line.amount) for line in budget.lines}


def test_amount_only_lines_are_kept_with_their_share_and_notes_do_not_split_them() -> None:
    text = (
        "2027 marketing budget $540K: Google Search + Local Services Ads 30% ($162K), events & "
        "trade shows $108K (incl. $38K booth at the Feb expo), LinkedIn ads 10%, direct mail "
        "$81K, tools (HubSpot, ServiceTitan) 5%. Target 2,000 leads => ~$270 per lead."
    )
    lines = _lines(text)
    assert lines == {
        "Google Search + Local Services Ads": (30.0, 162_000.0),
        "events & trade shows": (20.0, 108_000.0),
        "LinkedIn ads": (10.0, 54_000.0),
        "direct mail": (15.0, 81_000.0),
        "tools (HubSpot, ServiceTitan)": (5.0, 27_000.0),
    }


def test_korean_amounts_without_won_and_slashes_between_lines() -> None:
    text = (
        "연 마케팅 예산 7억 2천만 원. 메타 광고 2억 5,200만 / 네이버 검색·쇼핑 광고 1억 4,400만 / "
        "펫플루언서 협업 15% / 체험팩 제작·배송비 보조 10% / 툴 5%. 목표 CAC 12만 원 이하."
    )
    budget = budget_from_answer(text)
    assert budget.total == 720_000_000 and budget.currency == "KRW"
    lines = {line.item: (line.share, line.amount) for line in budget.lines}
    assert lines["메타 광고"] == (35.0, 252_000_000.0)
    assert lines["네이버 검색·쇼핑 광고"] == (20.0, 144_000_000.0)
    assert lines["체험팩 제작·배송비 보조"] == (10.0, 72_000_000.0)
    assert not any("예산" in item or "CAC" in item for item in lines)
    assert sum(share or 0 for share, _ in lines.values()) == pytest.approx(85.0)


@pytest.mark.parametrize(
    ("text", "item", "share"),
    [
        ("Budget: $300,000. Paid search: $200,000; events: $100,000.", "Paid search", 66.7),
        ("예산 1억 원 중 검색 광고 60%, 행사 40%", "행사", 40.0),
    ],
)
def test_a_label_before_a_colon_and_a_line_after_the_total(
    text: str, item: str, share: float
) -> None:
    lines = _lines(text)
    assert lines[item][0] == pytest.approx(share)


def test_the_channel_note_gives_one_cost_per_lead(sample_answers) -> None:  # type: ignore[no-untyped-def]
    from assistant.cli.draft import build_plan, load_answers
    from assistant.interview.render import section_markdown

    shown = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_channels")
    # $480,000 / 1,200 = $400 with tools: the KPI table's figure; the lines alone ($360) would
    # be a third cost per lead beside the strategy's own (reviewers read $400 / $343 / $360)
    assert "about $400, is the whole budget over these 1,200 leads." in shown  # fmt: skip
    assert "$360" not in shown


def test_lines_as_people_write_them_a_month_a_unit_and_a_calculation() -> None:
    """'월 800만 원(연 9,600만 원)' is the year's 9,600만; '회당 250만 원, 3,000만 원' is 3,000만;
    '300만 원 × 약 10건 = 3천만 원' is the result under its label; a ceiling is no line."""
    from assistant.interview.budget_lines import budget_lines

    text = (
        "2027년 마케팅 예산 총 2억 원.\n· 네이버 검색 광고: 월 800만 원(연 9,600만 원)\n"
        "· 설명회 12회: 회당 250만 원, 3,000만 원\n· 소개 리워드: 계약 성사 시 300만 원 × 약 10건 = 3천만 원\n"
        "· 카카오 알림톡: 월 200만 원\n· 유튜브: 1,000만 원\n목표 계약 1동당 마케팅비 1,600만 원 이하."
    )
    lines = {b.item: b.amount for b in budget_lines(text, 200_000_000, "KRW")}
    assert lines == {
        "네이버 검색 광고": 96_000_000,
        "설명회 12회": 30_000_000,
        "소개 리워드": 30_000_000,
        "카카오 알림톡": 24_000_000,  # a month's amount alone is twelve of them
        "유튜브": 10_000_000,
    }


def test_english_lines_keep_slashed_names_bare_thousands_and_drop_period_marks() -> None:
    from assistant.interview.budget_lines import budget_lines

    text = (
        "Total 2027 marketing budget ~ $60K:\n- Meta / Instagram ads: $24,000\n"
        "- Nextdoor (sponsorships + ads): 6K\n- Yelp: $9k/yr ($750/mo)\n"
        "- Photo / before-after video content: $5K\n- Google search: $16K"
    )
    lines = {b.item: b.amount for b in budget_lines(text, 60_000, "USD")}
    assert lines == {
        "Meta / Instagram ads": 24_000,
        "Nextdoor (sponsorships + ads)": 6_000,
        "Yelp": 9_000,
        "Photo / before-after video content": 5_000,
        "Google search": 16_000,
    }


def test_a_month_s_name_or_a_note_on_the_total_is_not_a_monthly_amount() -> None:
    """'(3월 코엑스 …)' names March, '(월 7,500만 원 꼴)' restates the total per month: neither makes
    a line twelve times its amount; a group heading ('[가맹 모집]') is not part of the item."""
    from assistant.interview.budget_lines import budget_lines

    text = (
        "2027년 마케팅 예산은 총 9억 원(월 7,500만 원 꼴)입니다.\n"
        "[가맹 모집] 네이버 검색광고 1억 8,000만 원, 창업박람회 1억 2,000만 원(3월 코엑스 5,500만 원, "
        "9월 세텍 3,500만 원), 유튜브 광고 8,000만 원.\n[원생 모집 지원] 맘카페 지역 광고 2억 원, "
        "메타 광고 월 1,000만 원, 전단 지원 1억 2,000만 원.\n예비비 5,000만 원(5월 원장 워크숍 포함)."
    )
    lines = {b.item: b.amount for b in budget_lines(text, 900_000_000, "KRW")}
    assert lines == {
        "네이버 검색광고": 180_000_000,
        "창업박람회": 120_000_000,
        "유튜브 광고": 80_000_000,
        "맘카페 지역 광고": 200_000_000,
        "메타 광고": 120_000_000,  # '월 1,000만 원' is a month's amount
        "전단 지원": 120_000_000,
        "예비비 (5월 원장 워크숍 포함)": 50_000_000,
    }
    assert sum(lines.values()) == 870_000_000


def test_an_english_month_s_amount_after_the_figure_loses_its_period_words() -> None:
    from assistant.interview.budget_lines import budget_lines

    lines = {b.item: b.amount for b in budget_lines("LinkedIn $3K a month; Events $40K (May 12 expo)", 76_000, "USD")}  # fmt: skip
    assert lines == {
        "LinkedIn": 36_000,
        "Events (May 12 expo)": 40_000,
    }  # a note stays with its line


def test_the_total_restated_a_month_is_held_by_the_total_row_not_repeated() -> None:
    """'총 9억 원(월 7,500만 원 꼴)입니다.' is the total: the section does not print it again as
    something else the user said."""
    from assistant.cli.draft import build_plan
    from assistant.interview.render import section_markdown

    answers = {
        "mkt_budget": "2027년 마케팅 예산은 총 9억 원(월 7,500만 원 꼴)입니다.\n"
        "검색광고 5억 4,000만 원, 박람회 3억 6,000만 원(3월 코엑스 2억 원).",
        "sales_objectives": "2027년 12월까지 신규 가맹점 35개를 계약한다.",
    }
    plan = build_plan({"language": "ko", "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip
    text = section_markdown(plan, "mkt_budget")
    assert (
        "| 검색광고 | 60% | 5억 4,000만 원 |" in text
        and "| 박람회 | 40% | 3억 6,000만 원 |" in text
    )
    assert "총액: 9억 원" in text and "7,500만" not in text and "그 밖의 내용" not in text


def test_a_group_subtotal_and_a_timing_note_are_no_lines() -> None:
    """'split DTC $1.68M (70%) and wholesale $720K (30%)' restates the lines written after it, and
    'Q2 and Q3 get 60% of spend' says when the money goes: neither is a line, so the lines add to
    100% and no false 'shares add up to 230%' is raised."""
    text = (
        "2027 marketing budget $2.4M, split DTC $1.68M (70%) and wholesale $720K (30%). DTC: Meta "
        "ads $720,000 (30%), TikTok $360,000 (15%), podcasts $600,000 (25%). Wholesale: in-store "
        "demos $216,000 (9%), TPR funding $504,000 (21%). Q2 and Q3 get 60% of spend (summer)."
    )
    lines = _lines(text)
    assert list(lines) == ["Meta ads", "TikTok", "podcasts", "in-store demos", "TPR funding"]
    assert sum(share or 0 for share, _ in lines.values()) == 100


def test_a_unit_cost_in_a_line_s_note_keeps_the_line() -> None:
    """'무료 설비 진단 비용 15%(9,600만 원, 진단 1건당 20만 원 × 480건)': the cost per diagnosis is how
    the line was sized; a cost per lead said on its own is still no line."""
    text = (
        "2027년 마케팅 예산 6억 4,000만 원: 검색광고 50%(3억 2,000만 원), 전시회 35%(2억 2,400만 원), "
        "무료 설비 진단 비용 15%(9,600만 원, 진단 1건당 20만 원 × 480건). 리드 1,600건 기준 리드당 약 40만 원."
    )
    lines = _lines(text)
    assert lines["무료 설비 진단 비용"] == (15.0, 96_000_000.0)
    assert len(lines) == 3


def test_a_discount_names_its_line_and_a_metric_in_brackets_is_no_line() -> None:
    """'first-order $100-off incentives $900K' is a $900K line named by its discount; '유료 수강생
    1인당 획득 비용(CAC) 목표 5만 8,000원' is a target, not a line."""
    en = _lines("2027 marketing budget is $2.0M: Google ads $1.1M, first-order $100-off incentives $900K (about 9,000 first orders).")  # fmt: skip
    assert en["first-order $100-off incentives (about 9,000 first orders)"] == (45.0, 900_000.0)
    ko = _lines("2027년 마케팅 예산은 총 10억 원입니다. 네이버 검색광고 6억 원, 유튜브 광고 4억 원. 유료 수강생 1인당 획득 비용(CAC) 목표 5만 8,000원.")  # fmt: skip
    assert list(ko) == ["네이버 검색광고", "유튜브 광고"]


def test_a_spelled_out_cost_target_is_no_budget_line() -> None:
    from assistant.interview.budget_lines import budget_lines

    text = "Annual marketing budget $1,150,000: paid social 55% ($632,500), Amazon ads 10% ($115,000). Target blended customer acquisition cost $38."  # fmt: skip
    assert [b.item for b in budget_lines(text, 1_150_000, "USD")] == ["paid social", "Amazon ads"]
    ko = "연 마케팅 예산 3억 원: 검색 광고 60%, 콘텐츠 40%. 고객 확보 비용 5만 원."
    assert [b.item for b in budget_lines(ko, 300_000_000, "KRW")] == ["검색 광고", "콘텐츠"]


def test_a_line_that_names_a_target_audience_is_still_a_line() -> None:
    from assistant.interview.budget_lines import budget_lines

    text = "Budget $100,000: target-account direct mail 20%, search ads 80%."
    assert [b.item for b in budget_lines(text, 100_000, "USD")] == ["target-account direct mail", "search ads"]  # fmt: skip
    ko = "예산 1억 원: 고객 확보 비용 절감 캠페인 20%, 검색 광고 80%."
    assert [b.item for b in budget_lines(ko, 100_000_000, "KRW")] == ["고객 확보 비용 절감 캠페인", "검색 광고"]  # fmt: skip


def test_a_unit_s_cost_in_the_bracket_is_not_the_line_s_amount() -> None:
    """'15%(지점당 6,300만 원)' is 15% of the budget (a branch's cost only sizes it); a bracket that
    states the line's own amount still gives it."""
    from assistant.interview.budget_lines import budget_lines

    ko = budget_lines(
        "신규 지점 개원 홍보 15%(지점당 6,300만 원), 옥외광고 15%", 2_100_000_000.0, "KRW"
    )
    assert [(x.item, x.amount) for x in ko] == [("신규 지점 개원 홍보", 315_000_000.0), ("옥외광고", 315_000_000.0)]  # fmt: skip
    en = budget_lines("Google Ads 30% ($162K), events 20% ($20K per event)", 540_000.0, "USD")
    assert [(x.item, x.amount) for x in en] == [("Google Ads", 162_000.0), ("events", 108_000.0)]


def test_a_year_s_figure_is_the_amount_and_a_quarter_s_is_a_part_of_it() -> None:
    from assistant.interview.budget_lines import budget_lines

    assert [(x.item, x.amount) for x in budget_lines("Google Ads 30% ($162K/yr)", None, "USD")] == [("Google Ads", 162_000.0)]  # fmt: skip
    assert [(x.item, x.amount) for x in budget_lines("Google Ads 30% ($162K per year)", None, "USD")] == [("Google Ads", 162_000.0)]  # fmt: skip
    assert [(x.item, x.amount) for x in budget_lines("광고 30%(분기당 3,750만 원)", 500_000_000.0, "KRW")] == [("광고", 150_000_000.0)]  # fmt: skip
