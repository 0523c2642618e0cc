"""Unit tests of the LLM tasks' logic with LangChain's fake chat models (no HTTP)."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from assistant.core.errors import LLMError
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.goals.smart import SmartContext, check_goal
from assistant.llm.client import LLMClient
from assistant.llm.tasks import PlanLLM, SmartOpinion, merge_opinion


def planllm(settings: Settings, responses: list[str]) -> PlanLLM:
    client = LLMClient(settings, chat=FakeListChatModel(responses=responses))
    return PlanLLM(settings, client=client)


def test_extraction_retries_invalid_output_then_returns_the_model(settings: Settings) -> None:
    llm = planllm(
        settings,
        [
            "{bad",
            json.dumps(
                {"goals": ["Win 10 accounts by May 2027 via referrals."], "channels": ["LinkedIn"]}
            ),
        ],
    )
    data = llm.extract(
        Plan.new("A", "en"), "mkt_objectives", "Win 10 accounts by May 2027 via referrals.", "en"
    )
    assert data.goals == ["Win 10 accounts by May 2027 via referrals."] and data.channels == [
        "LinkedIn"
    ]
    assert llm.client.calls == 2


def test_followup_and_summary_use_the_plan_language(settings: Settings) -> None:
    llm = planllm(
        settings, [json.dumps({"question": "경쟁사는 누구인가요?"}), "요약: 목표 리드 400건."]
    )
    plan = Plan.new("커피랩", "ko")
    assert llm.followup(plan, "mkt_market_analysis", "서울 카페", "ko") == "경쟁사는 누구인가요?"
    plan.section("mkt_market_analysis").content = "서울 카페 시장, 리드 400건 목표"
    assert llm.draft_summary(plan, "mkt_executive_summary", "ko").startswith("요약")


def test_summary_with_invented_numbers_is_refused(settings: Settings) -> None:
    llm = planllm(settings, ["Revenue will reach 12,345,678 next year."])
    with pytest.raises(LLMError):
        llm.draft_summary(Plan.new("A", "en"), "mkt_executive_summary", "en")


def test_merge_opinion_keeps_measurable_and_time_bound_rule_based() -> None:
    ctx = SmartContext()
    result = check_goal("Grow sales.", ctx, "en")
    opinion = SmartOpinion.model_validate({
        "specific": {"ok": True, "reason": "clear enough"}, "achievable": {"ok": True, "reason": "fine"},
        "relevant": {"ok": True, "reason": "fits"}, "rewrite": "Grow sales 10% by March 2027 through resellers.",
    })  # fmt: skip
    merged = merge_opinion(result, opinion, "en", lambda text: check_goal(text, ctx, "en"))
    assert merged.criteria["specific"].reason == "Model: clear enough"
    assert merged.criteria["measurable"].ok is False and merged.criteria["time_bound"].ok is False
    assert (
        not merged.smart and merged.suggestion == "Grow sales 10% by March 2027 through resellers."
    )
