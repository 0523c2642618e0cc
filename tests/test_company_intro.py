"""The company's name read from the sentence that introduces it, in both languages, and never from a
sentence about the market, a competitor or the company's state."""

from pathlib import Path

import pytest

from assistant.analysis.company_intro import company_from_intro
from assistant.cli.draft import build_plan, load_answers
from assistant.core.plan import Plan
from assistant.interview.compose_market import market_markdown
from assistant.interview.engine import InterviewEngine, InterviewState
from assistant.interview.plan_update import apply_answer


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We are Brightloom Analytics, a retail analytics SaaS.", "Brightloom Analytics"),
        ("We're Acme Corp (B2B payments). Our buyers are CFOs.", "Acme Corp"),
        ("At Northwind, we roast and sell coffee to offices.", "Northwind"),
        ("I am the founder of Kettle & Co, a cafe chain.", "Kettle & Co"),
        ("저희는 중소기업용 HR SaaS 스타트업 피플로그입니다. 시장은 커지고 있습니다.", "피플로그"),
        ("저희 회사 피플로그는 중소기업용 HR SaaS를 만듭니다.", "피플로그"),
        ("저희는 브라이트룸 애널리틱스라는 리테일 분석 회사입니다.", "브라이트룸 애널리틱스"),
    ],
)
def test_the_name_is_read_from_an_introduction(text: str, name: str) -> None:
    assert company_from_intro(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "We are a retail analytics SaaS.",
        "We are B2B.",
        "We are US-based and sell to retailers.",
        "We are growing 20% a year.",
        "Tableau is a BI platform; Looker Studio is free.",
        "Mid-market retailers are moving to cloud BI. We are Acme.",  # not the opening sentence
        "우리 회사는 리테일 분석 SaaS 회사입니다.",
        "저희는 적자입니다.",
        "저희 고객은 중소기업입니다.",
        "우리 시장은 커지고 있습니다.",
        "저희는 마케팅팀입니다.",
    ],
)
def test_no_name_from_a_sentence_that_names_none(text: str) -> None:
    assert company_from_intro(text) is None


@pytest.mark.parametrize(
    ("lang", "answer", "name", "said"),
    [
        ("en", "We are Brightloom Analytics, a retail analytics SaaS. Retailers are moving to cloud BI.",
         "Brightloom Analytics", "Company name read as **Brightloom Analytics**"),
        ("ko", "저희는 HR SaaS 스타트업 피플로그입니다. 중소기업은 종이 근태 관리에서 클라우드로 옮겨 가고 있습니다.",
         "피플로그", "회사 이름을 **피플로그**로 읽었습니다"),
    ],
)  # fmt: skip
def test_the_interview_reads_the_name_says_so_and_keeps_it_off_the_market_table(
    lang: str, answer: str, name: str, said: str
) -> None:
    plan = Plan.new("", lang, "integrated")
    engine = InterviewEngine(InterviewState(plan=plan))
    engine.start()
    reply = engine.handle(answer)
    assert plan.company == name
    assert said in reply.text
    market = market_markdown(plan)
    assert name not in market  # the introduction is not a market trend
    assert ("클라우드" if lang == "ko" else "cloud BI") in market
    # the user fixes it in plain words
    engine.handle(("회사 " if lang == "ko" else "company ") + "Brightloom Inc")
    assert plan.company == "Brightloom Inc"


def test_a_company_already_named_is_not_renamed() -> None:
    plan = Plan.new("Brightloom Analytics", "en", "integrated")
    engine = InterviewEngine(InterviewState(plan=plan))
    engine.start()
    reply = engine.handle("We are Acme, a retail analytics SaaS. Retailers are moving to cloud BI.")
    assert plan.company == "Brightloom Analytics"
    assert "Company name read" not in reply.text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brightloom Analytics: retail analytics SaaS for 20-200 store chains.", "Brightloom Analytics"),
        ("Acme Co - a plumbing contractor in Ohio.", "Acme Co"),
        ("피플로그: 중소기업용 HR SaaS 스타트업.", "피플로그"),
        ("핏플로우 — 피트니스 센터용 예약 플랫폼입니다.", "핏플로우"),
    ],
)  # fmt: skip
def test_a_name_then_what_kind_of_business_it_is_introduces_it(text: str, name: str) -> None:
    assert company_from_intro(text) == name


@pytest.mark.parametrize(
    "text",
    [
        "Trend: retailers adopt SaaS tools fast.",
        "Market size: 4,000 chains, mostly using software.",
        "Tableau: strong but costly BI software.",
        "시장: HR SaaS 시장이 연 20% 성장.",
        "플렉스: 대기업용 HR 솔루션이지만 비쌈.",
    ],
)
def test_a_heading_or_a_judged_competitor_is_no_introduction(text: str) -> None:
    assert company_from_intro(text) is None


def test_a_labelled_opening_names_the_company_and_stays_off_the_market_table() -> None:
    plan = Plan.new("", "en", "integrated")
    engine = InterviewEngine(InterviewState(plan=plan))
    engine.start()
    engine.handle(
        "Brightloom Analytics: retail analytics SaaS for 20-200 store chains. "
        "Retailers are moving to cloud BI."
    )
    assert plan.company == "Brightloom Analytics"
    market = market_markdown(plan)
    assert "store chains" not in market and "cloud BI" in market


def test_a_competitor_answer_in_name_colon_form_names_no_company() -> None:
    plan = Plan.new("", "en", "integrated")
    answer = "Looker Studio: free BI tool from Google. Competitors also include Tableau."
    apply_answer(plan, "mkt_market_analysis", answer)
    assert plan.company == ""


@pytest.mark.parametrize(
    "text",
    [
        "Primary buyer: the operations director of a 20-200 store retail chain.",
        "Budget: 50,000 for software tools.",
        "HubSpot — CRM platform we use.",
        "Target audience: store chains and their software teams.",
        "주 구매자: 중소기업 HR 솔루션 담당 팀장.",
        "수도권: 영업 플랫폼 중심.",
    ],
)
def test_a_heading_or_a_tool_we_use_is_no_company_name(text: str) -> None:
    assert company_from_intro(text) is None


def test_only_an_opening_answer_reads_a_name_colon_intro(sample_answers: Path) -> None:
    """With no company name given, no answer's heading ('Primary buyer: …') becomes one."""
    answers = load_answers(sample_answers)
    answers["company"] = ""
    assert build_plan(answers).plan.company == ""
