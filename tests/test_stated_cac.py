"""A CAC the plan states beside the one its budget gives: said once, with what to agree, only
when they differ widely (both languages)."""

from __future__ import annotations

from assistant.cli.draft import build_plan
from assistant.interview.render import section_markdown
from assistant.interview.stated_cac import stated_cac, stated_cac_note


def _plan(answers: dict[str, str], lang: str):  # type: ignore[no-untyped-def]
    return build_plan({"language": lang, "company": "", "plan_type": "integrated", "answers": answers}).plan  # fmt: skip


EN = {
    "mkt_objectives": "Lower blended customer acquisition cost from $54 to $45 by June 30, 2027 by moving Meta spend to creators.",  # fmt: skip
    "mkt_budget": "2027 marketing budget $2.4M: Meta ads 50%, trade promotion 50%.",
    "sales_objectives": "Win 12,000 new customers by December 31, 2027.",
}
KO = {
    "mkt_objectives": "2027년 6월 30일까지 고객 확보 비용을 5만 원에서 4만 원으로 낮춘다(인플루언서 협업으로).",
    "mkt_budget": "2027년 마케팅 예산 24억 원: 메타 광고 50%, 유통 판촉 50%.",
    "sales_objectives": "2027년 12월 31일까지 신규 고객 1만 2,000명을 확보한다.",
}


def test_a_stated_cac_far_from_the_budget_s_is_said_with_what_to_agree() -> None:
    en = _plan(EN, "en")
    assert stated_cac(en) == (54.0, 1)
    summary = section_markdown(en, "mkt_executive_summary")
    # $2.4M over 12,000 customers is $200, almost four times the stated $54
    assert "Goal 1's stated CAC today ($54) and the budget's (about $200) differ widely" in summary
    assert summary.count("differ widely") == 1
    ko = _plan(KO, "ko")
    said = section_markdown(ko, "mkt_executive_summary")
    assert "목표 1번이 적은 지금의 고객 확보 비용(5만 원)과 예산으로 계산한 값(약 20만 원)이 크게 다름" in said  # fmt: skip


def test_close_figures_need_no_note() -> None:
    plan = _plan({**EN, "mkt_objectives": EN["mkt_objectives"].replace("$54", "$180")}, "en")
    assert stated_cac_note(plan, 200.0) == ""  # within half again: one figure, no reconciling
