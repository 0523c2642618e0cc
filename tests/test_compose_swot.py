"""The SWOT put to work: opportunities tied to what pursues them, strengths to the message that
leads with them, and a line only for what nothing in the plan uses (never a false gap)."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.compose_swot import swot_rows
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[tuple[str, str, str]]:
    path = Path(name) if name.startswith("/") else DATA / name
    return swot_rows(build_plan(load_answers(path)).plan)


def test_an_opportunity_is_tied_to_the_channel_and_activities_that_pursue_it(sample_answers: Path) -> None:  # fmt: skip
    en = dict((item, cell) for kind, item, cell in _rows(str(sample_answers)) if kind == "o")
    # the self-serve channel says whom it serves, so the opportunity is read against it
    assert "channel: Shopify App Store (its listing finds them; buyers of the target market's 20-200 stores go to the sales team, not self-serve)" in en["Shopify Plus merchants outgrowing built-in reports"]  # fmt: skip
    ko = next(cell for kind, item, cell in _rows("ko_hr_answers.json") if kind == "o")
    assert "노동법 개정 설명회(노무법인 공동 개최)" in ko and "목표 5" in ko


def test_a_strength_is_tied_to_its_own_key_message_and_an_unused_one_is_a_finding() -> None:
    ko = {item: cell for kind, item, cell in _rows("ko_hr_answers.json") if kind == "s"}
    # the message says the strength in fewer words: pointed to by its row, not said again
    # and the competitor rows that lead with it, so no two strengths' cells read the same
    assert ko["주 52시간 초과 자동 경고"] == "핵심 메시지 · 엑셀 수작업, 대형 경쟁사의 무료 요금제에 맞서 앞세움(경쟁 현황)"  # fmt: skip
    assert len(set(ko.values())) == len(ko)
    plan = build_plan(load_answers(DATA / "ko_payments_answers.json")).plan
    shown = section_markdown(plan, "mkt_market_analysis")
    assert "'대행사 전용 관리 콘솔': 어느 핵심 메시지도 이 강점을 앞세우지 않음." in shown


def test_no_false_gap_when_a_goal_pursues_the_opportunity_in_other_words() -> None:
    # 'buy-online-pick-up-in-store' is goal 3's 'buy-online-pick-up-in-store orders'
    rows = _rows("us_outfitter_answers.json")
    opp = next(cell for kind, item, cell in rows if kind == "o")
    assert opp.startswith("goal 3")
    shown = section_markdown(build_plan(load_answers(DATA / "us_outfitter_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    assert "No goal, channel, move or activity names" not in shown
    # a strength only the value proposition carries names it, not the whole sentence again
    strengths = {item.lower(): cell for kind, item, cell in rows if kind == "s"}
    assert strengths["free repairs"] == "key message: the value proposition"


def test_each_competitor_pairing_says_why_and_an_unknown_competitor_is_a_research_task(sample_answers: Path) -> None:  # fmt: skip
    shown = section_markdown(build_plan(load_answers(sample_answers)).plan, "mkt_market_analysis")
    # a bundle is a substitute: the column says what it holds
    assert "| Competitor or alternative | Lead with (proposed) | Why |" in shown
    tableau = next(r for r in shown.splitlines() if r.startswith("| Tableau, Looker Studio (direct rivals) |"))  # fmt: skip
    # one sentence a director can read: how the buyer checks it, and until when it holds
    assert tableau.endswith("| buyers can check it before signing by asking reference customers how long they took to go live; it holds against each of them until the research below the table says what to claim against each |")  # fmt: skip
    # what is not known is a task with an owner and a date, said once for every such competitor
    assert "To learn by the end of Q1 2027 (owner: the marketing team): where Tableau and Looker Studio win, with which buyers and at what price" in shown  # fmt: skip
    assert "not known yet" not in shown and "starting point" not in shown
    ko = section_markdown(build_plan(load_answers(DATA / "ko_hr_answers.json")).plan, "mkt_market_analysis")  # fmt: skip
    assert "| 더존 ERP의 인사 모듈, 그룹웨어 번들(대체재) | 노무법인 검수 급여 템플릿 | 큰 제품군에 딸린 모듈은 이 업무에 맞춰 만든 것이 아니므로, 이 고객을 위해 만든 점을 앞세움 |" in ko  # fmt: skip
    assert "거래에서 검증" not in ko
    assert "2027년 1분기 말까지 알아낼 것(담당: 마케팅팀): 플렉스와 시프티가 어떤 고객에게 어디서 이기는지와 가격." in ko  # fmt: skip
    assert "출발점" not in ko and "아직 모름" not in ko
    assert "| 플렉스, 시프티(직접 경쟁사) | 2주 도입 | 계약 전에 레퍼런스 고객에게 도입 기간을 물어 확인할 수 있는 주장이라, 표 아래 조사로 경쟁사별 주장을 정하기 전까지 어느 경쟁사에도 씀 |" in ko  # fmt: skip
    # a company with last year's revenue has lost and won against them already: the CRM holds
    # the reasons now
    assert "지난 1년 경쟁 거래의 수주·실주 사유(CRM)" in ko
    # a reason already given is not repeated nor pointed back to: the rows share one
    assert "같은 이유" not in ko


def test_the_swot_mapping_shows_where_the_plan_meets_its_weaknesses_and_threats(
    sample_answers: Path,
) -> None:
    """Weaknesses and threats are in the plan too: each answered in the risk register (the
    response is said there, once), and a competing kind's threat (a bundle) with the competitor
    table. The register says what each does to the plan after the SWOT's own words."""
    from assistant.analysis.plan_analysis import analyse
    from assistant.interview.economics_risks import plan_register

    plan = build_plan(load_answers(sample_answers)).plan
    en = section_markdown(plan, "mkt_market_analysis")
    assert "| Threat | Bundled analytics from commerce platforms | competitor table; answered in Risks and mitigations |" in en  # fmt: skip
    assert "| Weakness | Small brand | answered in Risks and mitigations |" in en
    assert "Lead with what a bundle does not give" not in en  # the register's to say
    rows = {r.item: r for r in plan_register(plan, analyse(plan)) if r.item}
    assert rows["Small brand"].risk == "Small brand: buyers who have not heard of us shortlist named competitors first."  # fmt: skip
    assert rows["Small brand"].response.startswith("Collect customer proof first")
    bundle = rows["Bundled analytics from commerce platforms"]
    assert bundle.risk.endswith(": buyers who already pay for the suite use its module instead of buying ours.")  # fmt: skip
    assert rows["No EU data centre"].risk == "No EU data centre"  # logged only: no effect here
    ko_plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    ko = section_markdown(ko_plan, "mkt_market_analysis")
    assert "| 약점 | 브랜드 인지도가 낮음 | '위험과 대응'에서 대응함 |" in ko  # the user's word
    assert "| 위협 | 그룹웨어 번들 | 경쟁 현황 · '위험과 대응'에서 대응함 |" in ko
    from assistant.interview.render import plan_markdown

    whole = plan_markdown(ko_plan)
    assert "| 대형 경쟁사의 무료 요금제: 가격으로 비교하는 고객이 그쪽을 골라, 거래를 잃거나 할인하게 됨. |" in whole  # fmt: skip
    # a gap's effect is not certain (who needs it, what they do): its own words stand alone
    assert "| 300명 이상 기업을 위한 결재·평가 기능이 부족함 | 이 부족함 때문에 놓친 거래 수와 금액(분기마다) |" in whole  # fmt: skip
    # the summary's top risks still name the threat with the plan's answer to it
    assert "- 그룹웨어 번들: 번들이 주지 못하는 노무법인 검수 급여 템플릿을 앞세우고, 비교 자료를 만듦." in whole  # fmt: skip


def test_the_2x2_is_shown_only_when_the_table_leaves_an_item_out(sample_answers: Path) -> None:
    """Every SWOT item in the table (the English sample): the table is the SWOT, in S-W-O-T
    order; the Korean HR plan's too."""
    from assistant.interview.compose_market import swot_grid
    from assistant.interview.compose_swot import swot_covered

    en = build_plan(load_answers(sample_answers)).plan
    assert swot_covered(en) and swot_grid(en) is not None  # the deck's slide still has its 2x2
    shown = section_markdown(en, "mkt_market_analysis")
    assert "| Internal |" not in shown and "**SWOT, and where the plan acts on it**" in shown
    kinds = [r.split(" | ")[0] for r in shown.splitlines() if r.startswith(("| Strength", "| Weakness", "| Opportunity", "| Threat"))]  # fmt: skip
    assert kinds == sorted(kinds, key=lambda k: ["| Strength", "| Weakness", "| Opportunity", "| Threat"].index(k))  # fmt: skip
    # '기능이 부족합니다' in the answer and '기능이 부족함' in the table are one item (Kiwi reads
    # both as '부족'): the Korean table holds every item too, so no 2x2 repeats the answer above it
    ko = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    assert swot_covered(ko)
    shown = section_markdown(ko, "mkt_market_analysis")
    assert (
        "| 내부 | 강점:" not in shown
        and "| 약점 | 300명 이상 기업을 위한 결재·평가 기능이 부족함 |" in shown
    )


def test_a_korean_trend_sentence_is_kept_whole() -> None:
    """'설비 노후화로 교체 수요가 늘지만 중국산 저가품이 들어오고 있습니다': a sentence nothing else
    took is its own row, never its clauses rejoined with ';' ('늘지만; 중국산 …')."""
    from assistant.interview.render import section_markdown

    doc = {"language": "ko", "plan_type": "marketing", "company": "A", "answers": {
        "mkt_market_analysis": "볼스크류 교체 부품 시장은 연 약 1,200억 원 규모이고 연 4% 성장합니다. 설비 노후화로 교체 수요가 늘지만 중국산 저가품이 들어오고 있습니다.",
    }}  # fmt: skip
    text = section_markdown(build_plan(doc).plan, "mkt_market_analysis")
    assert "늘지만; " not in text and "교체 수요가 늘지만 중국산 저가품이 들어오고 있음" in text


def test_the_register_adds_an_effect_only_where_the_kind_makes_it_certain() -> None:
    """A buyer asking for less is no rival's offer; a cost, a rule, a gap or an item joining
    several keeps its own words (an attack review found 'Enterprise clients cutting budgets: a
    new rival …' and 'Only 2 regional offices: shoppers … buy elsewhere')."""
    from assistant.analysis.plan_risks import threat_effect

    assert threat_effect("Clients pushing for lower prices", False) == ""
    assert threat_effect("Enterprise clients cutting consulting budgets", False) == ""
    assert threat_effect("Stricter OSHA regulation that raises demand for audits", False) == ""
    assert threat_effect("Rising minimum wage pressure and price-only procurement", False) == ""
    assert threat_effect("대형 경쟁사의 무료 요금제", True).startswith("가격으로 비교하는 고객이")
    assert threat_effect("Rising Meta CPMs", False) == "the same budget buys fewer customers."
