"""The positioning's second half: against each alternative the competitor table names, the claim
the plan leads with, in one sentence of the reader's language."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.cli.draft import build_plan, load_answers
from assistant.interview.positioning_line import against_alternatives
from assistant.interview.render import section_markdown

DATA = Path(__file__).parent / "data"


def test_the_positioning_says_what_it_leads_with_against_each_alternative(sample_answers: Path) -> None:  # fmt: skip
    plan = build_plan(load_answers(sample_answers)).plan
    said = against_alternatives(plan)
    assert said.startswith(f"Unlike Tableau, Looker Studio and manual spreadsheets, {plan.company} leads with one-day setup;")  # fmt: skip
    assert "unlike bundled analytics from commerce platforms, with ready-made retail dashboards." in said  # fmt: skip
    assert f"- Against the alternatives: {said}" in section_markdown(plan, "mkt_positioning_messaging")  # fmt: skip


def test_korean_reads_with_its_particles_and_a_clause_is_no_claim() -> None:
    plan = build_plan(load_answers(DATA / "ko_hr_answers.json")).plan
    said = against_alternatives(plan)
    assert said.startswith("핏플로우는 플렉스·시프티 대비 2주 도입을,") and said.endswith("앞세움.")
    assert "- 대안 대비: " + said in section_markdown(plan, "mkt_positioning_messaging")
    # '보증 제도를 쓰고' is a clause: it takes no '을(를) 앞세움'
    dental = against_alternatives(build_plan(load_answers(DATA / "ko_dental_answers.json")).plan)
    assert "쓰고를" not in dental and "정찰 견적을 앞세움." in dental


def test_a_bracket_keeps_its_commas_and_no_competitor_means_no_line() -> None:
    doc = json.loads((DATA / "us_industrial_answers.json").read_text(encoding="utf-8"))
    said = against_alternatives(build_plan(doc).plan)
    assert "Motion Industries (bearings and power transmission) and Amazon Business (commodity items), " in said  # fmt: skip
    doc["answers"]["mkt_market_analysis"] = "The region's plants are growing 3% a year."
    plan = build_plan(doc).plan
    assert against_alternatives(plan) == ""
    assert "Against the alternatives" not in section_markdown(plan, "mkt_positioning_messaging")


def test_no_rival_placeholder_no_clause_and_a_latin_name_takes_no_particle() -> None:
    """'etc' and 'none directly' are no rivals; 'we go live in one day' is a clause, not a claim;
    a Latin name takes '대비' (no particle to get wrong) and a Latin company name no subject."""

    def said(lang: str, market: str, offer: str, company: str = "Acme") -> str:
        doc = {"language": lang, "company": company, "plan_type": "integrated",
               "answers": {"mkt_market_analysis": market, "sales_offering": offer}}  # fmt: skip
        return against_alternatives(build_plan(doc).plan)

    assert said("en", "Competitors: Tableau, Power BI, etc.", "Dashboards. Differentiators: one-day setup, retail KPIs.") == "Unlike Tableau and Power BI, Acme leads with one-day setup."  # fmt: skip
    assert said("en", "Competitors: none directly.", "Dashboards. Differentiators: one-day setup.") == ""  # fmt: skip
    assert "we go live" not in said("en", "Competitors: Tableau.", "Dashboards. Differentiators: we go live in one day.")  # fmt: skip
    ko = said(
        "ko", "경쟁사: Zapier, HubSpot.", "자동화 도구. 차별점: 3일 도입, 카카오톡 알림.", "Planner"
    )
    assert ko == "Zapier·HubSpot 대비 3일 도입을 앞세움."
