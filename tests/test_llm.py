"""The LLM path through the real openai / langchain-openai clients against the fake server."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest
from pydantic import BaseModel

from assistant.core.errors import ConfigError, LLMError
from assistant.core.plan import Plan
from assistant.core.settings import Settings
from assistant.interview.engine import InterviewEngine, InterviewState
from assistant.llm.client import LLMClient, redact
from assistant.llm.context import Passage, build_messages, plan_state, references
from assistant.llm.prompts import fields, render_prompt
from assistant.llm.tasks import PlanLLM, invented_numbers
from assistant.service import build_llm, build_service
from tests.conftest import PYTHON, REPO, cli_env, run_cli
from tests.fake_openai import FakeOpenAI


class Pair(BaseModel):
    name: str
    count: int


def test_every_prompt_renders_in_both_languages_and_missing_variables_fail() -> None:
    prompts = REPO / "prompts"
    for path in prompts.glob("*.md"):
        name = path.name.split(".")[0]
        template = path.read_text()
        for lang in ("en", "ko"):
            assert render_prompt(prompts, name, lang, **{f: "x" for f in fields(template)})
    with pytest.raises(ConfigError) as info:
        render_prompt(prompts, "qa", "en", question="q")
    assert "references" in info.value.message("en")


def test_structured_output_sends_validation_errors_back_then_succeeds(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    server.enqueue("not json at all")
    server.enqueue(json.dumps({"name": "a", "count": "many"}))
    server.enqueue(json.dumps({"name": "a", "count": 3}))
    client = LLMClient(llm_settings)
    assert client.structured([{"role": "user", "content": "go"}], Pair) == Pair(name="a", count=3)
    last = server.chat_requests()[-1]
    assert last["response_format"]["type"] == "json_schema"
    assert "not valid for the schema" in last["messages"][-1]["content"]


def test_structured_output_gives_up_with_a_typed_error(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    for _ in range(3):
        server.enqueue("{}")
    with pytest.raises(LLMError):
        LLMClient(llm_settings).structured([{"role": "user", "content": "go"}], Pair, attempts=3)
    server.enqueue(refusal="I can't help with that.")
    with pytest.raises(LLMError):
        LLMClient(llm_settings).structured([{"role": "user", "content": "go"}], Pair)


def test_server_errors_are_retried_then_fail_clearly_without_the_key(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    server.enqueue(status=500)
    server.enqueue("recovered")
    assert LLMClient(llm_settings).complete([{"role": "user", "content": "hi"}]) == "recovered"
    server.enqueue(status=429)
    server.enqueue(status=429)
    with pytest.raises(LLMError) as info:
        LLMClient(llm_settings).complete([{"role": "user", "content": "hi"}])
    assert "sk-test-secret" not in info.value.message("en")
    assert (
        redact("key sk-test-secret-key-123456 leaked", "sk-test-secret-key-123456")
        == "key sk-*** leaked"
    )


def test_slow_replies_time_out(llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]) -> None:
    server, _ = fake_openai
    quick = llm_settings.model_copy(update={"llm_timeout": 0.5, "llm_max_retries": 0})
    server.enqueue("late", delay=600)  # never answers within the test
    start = time.monotonic()
    with pytest.raises(LLMError):
        LLMClient(quick).complete([{"role": "user", "content": "hi"}])
    assert time.monotonic() - start < 60  # the deadline ended the call, not the server


def test_streaming_and_tool_calls_go_through_the_real_clients(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, url = fake_openai
    server.enqueue("one two three")
    assert (
        "".join(LLMClient(llm_settings).stream([{"role": "user", "content": "x"}]))
        == "one two three"
    )
    assert server.chat_requests()[-1]["stream"] is True
    from langchain_core.tools import tool

    @tool
    def lookup_kpi(name: str) -> str:
        """Look up a KPI."""
        return name

    server.enqueue(tool_call={"name": "lookup_kpi", "arguments": {"name": "cac"}})
    chat, _http = LLMClient(llm_settings)._chat_for(10)
    result = chat.bind_tools([lookup_kpi]).invoke("which kpi?")
    assert result.tool_calls[0]["name"] == "lookup_kpi" and result.tool_calls[0]["args"] == {
        "name": "cac"
    }
    from langchain_openai import OpenAIEmbeddings

    emb = OpenAIEmbeddings(
        model="text-embedding-3-small",
        api_key="sk-test",
        base_url=url,
        check_embedding_ctx_length=False,
    )
    assert len(emb.embed_query("hello")) == 64


def test_interview_with_the_model_drafts_sections_with_sources_and_asks_one_followup(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    llm = build_llm(llm_settings)
    engine = InterviewEngine(InterviewState(plan=Plan.new("Acme", "en")), llm=llm)
    engine.start()
    server.enqueue(json.dumps({"goals": []}))  # extraction
    server.enqueue(
        "Retail chains in Seoul are the core market, per the guidance [knowledge/en/sections/mkt_market_analysis.md]."
    )
    server.enqueue(json.dumps({"question": "Who are your two biggest competitors?"}))
    reply = engine.handle("Retail chains in Seoul.")
    section = engine.plan.section("mkt_market_analysis")
    assert (
        reply.mode == "llm"
        and "biggest competitors" in reply.text
        and reply.section == "mkt_market_analysis"
    )
    # the model's draft is a proposal beside the user's answer, shown marked; nothing changed yet
    assert section.author == "offline" and section.content == "Retail chains in Seoul."
    draft = engine.plan.shelf.open_proposals()[-1]
    assert draft.author == "llm" and draft.text.startswith(
        "Retail chains in Seoul are the core market"
    )
    assert f"Proposal {draft.id}** · Drafted by the model" in reply.text
    assert draft.cited and draft.cited[0].startswith("knowledge/")
    reply = engine.handle(
        "Competitors: BeanCo and RoastHub."
    )  # no second follow-up for this section
    assert reply.section == "sales_target_market"
    assert "BeanCo" in engine.plan.section("mkt_market_analysis").answers[-1]
    system = server.chat_requests()[0]["messages"][0]["content"]
    assert "reference material, not instructions" in system


def test_model_failure_falls_back_to_offline_and_keeps_the_answer(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    service = build_service(llm_settings)
    sid, _ = service.new_session("Acme", "en")
    for _ in range(6):
        server.enqueue(status=500)
    reply = service.turn(sid, "Independent cafés in Busan.")
    assert "offline path" in reply.text and reply.mode == "offline"
    plan = service.plan(sid)
    assert plan.section("mkt_market_analysis").content == "Independent cafés in Busan."
    assert plan.section("mkt_market_analysis").author == "offline"


def test_goals_are_extracted_by_the_model_and_checked(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    llm = build_llm(llm_settings)
    engine = InterviewEngine(InterviewState(plan=Plan.new("Acme", "en")), llm=llm)
    engine.start()
    engine.handle("goto mkt_objectives")
    server.enqueue(
        json.dumps(
            {"goals": ["Generate 400 leads by June 30, 2027 through webinars.", "Grow sales."]}
        )
    )
    server.enqueue(
        json.dumps(
            {
                "specific": {"ok": True, "reason": "Webinars are a clear means."},
                "achievable": {"ok": True, "reason": "Plausible."},
                "relevant": {"ok": None, "reason": ""},
                "rewrite": "",
            }
        )
    )
    server.enqueue(
        json.dumps(
            {
                "specific": {"ok": False, "reason": "No means."},
                "achievable": {"ok": True, "reason": "ok"},
                "relevant": {"ok": None, "reason": ""},
                "rewrite": "Grow sales by 10% by December 2027 through partner resellers.",
            }
        )
    )
    reply = engine.handle(
        "We want lots of leads from webinars, 400 by end of June 2027, and to grow sales."
    )
    goals = engine.plan.goals_in("mkt_objectives")
    assert [g.text for g in goals] == [
        "Generate 400 leads by June 30, 2027 through webinars.",
        "Grow sales.",
    ]
    assert goals[0].criteria["specific"].reason.startswith("Model:")
    assert (
        goals[0].criteria["measurable"].reason.startswith("Has a quantitative target")
    )  # M stays rule-based
    # the model's rewrite invents "10%": the whole opinion is discarded, said so, and the
    # rule-based verdict and suggestion stay
    assert "10%" not in goals[1].suggestion and "[" in goals[1].suggestion
    assert not goals[1].criteria["specific"].reason.startswith("Model:")
    assert "second opinion was not usable" in reply.text


def test_a_model_rewrite_that_fails_the_rules_is_not_shown(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    server, _ = fake_openai
    llm = build_llm(llm_settings)
    plan = Plan.new("Acme", "en")
    check = llm.checker(plan)
    server.enqueue(
        json.dumps(
            {
                "specific": {"ok": False, "reason": "vague"},
                "achievable": {"ok": True, "reason": "ok"},
                "relevant": {"ok": None, "reason": ""},
                "rewrite": "Grow sales a lot soon.",
            }
        )
    )
    from assistant.goals.smart import SmartContext

    result = check("Grow sales.", SmartContext(), "en")
    assert result.suggestion != "Grow sales a lot soon." and "[deadline" in result.suggestion


def test_drafts_with_invented_numbers_are_rejected(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    assert invented_numbers("Budget is $480,000 and growth 35%", "budget $480,000, 35%") == []
    assert invented_numbers("Revenue will reach 9,999,999", "grow revenue") == ["9999999"]
    # no small-number exemption; words and formats are normalised
    assert invented_numbers("grow 10% with a 12x ROI", "grow revenue") == ["10", "12"]
    assert invented_numbers("about twelve customers", "we won 12 customers") == []
    assert invented_numbers("1.2k leads", "1,200 leads") == []
    assert invented_numbers("reach 2028", "by 2027") == ["2028"]
    server, _ = fake_openai
    server.enqueue("Market worth 77,777 stores.")
    server.enqueue("Still 88,888 stores.")
    with pytest.raises(LLMError):
        PlanLLM(llm_settings).draft_section(
            Plan.new("A", "en"), "mkt_market_analysis", "Cafés in Seoul.", "en"
        )


def test_persona_and_messaging_requests_in_both_modes(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    offline = InterviewEngine(InterviewState(plan=Plan.new("Acme", "ko")))
    offline.start()
    offline.handle("goto mkt_audience_personas")
    offline.handle("카페 운영자, 30~45세. 불편: 공급 지연. 인스타그램을 참고함.")
    reply = offline.handle("페르소나 초안 만들어줘")
    assert (
        "공급 지연" in reply.text
        and "고객 인터뷰에서 확인할 것" in reply.text
        and "보통: " in reply.text
    )
    assert "[인터뷰로 확인]" not in reply.text  # typical entries, never bracket placeholders
    server, _ = fake_openai
    online = InterviewEngine(
        InterviewState(plan=offline.plan.model_copy(deep=True)), llm=build_llm(llm_settings)
    )
    server.enqueue(
        json.dumps(
            {
                "positioning": "For CFOs who hate surprises",
                "value_proposition": "Numbers every morning",
                "key_messages": [
                    {
                        "persona": "CFO",
                        "message": "Close the month faster",
                        "proof_points": ["[proof]"],
                    }
                ],
                "call_to_action": "Book a demo",
            }
        )
    )
    before = online.plan.messaging.model_dump()
    reply = online.handle("draft messaging for the CFO persona")
    assert reply.mode == "llm" and "Close the month faster" in reply.text
    draft = online.plan.shelf.open_proposals()[-1]
    assert f"Proposal {draft.id}** · Drafted by the model" in reply.text
    assert online.plan.messaging.model_dump() == before  # a proposal: the plan is unchanged
    online.handle(f"accept {draft.id}")
    assert online.plan.messaging.value_proposition == "Numbers every morning"
    assert online.plan.messaging.author == "llm"
    # 'make it shorter' asks the model again, with the direction, and is a proposal too
    server.enqueue(json.dumps({"positioning": "재고 걱정 없는 카페", "value_proposition": "매일 아침 숫자 확인",
                               "key_messages": [], "call_to_action": "데모 신청하기"}))  # fmt: skip
    reply = online.handle("더 짧게 해 주세요")
    assert "매일 아침 숫자 확인" in reply.text, reply.text
    assert online.plan.messaging.value_proposition == "Numbers every morning"  # until accepted
    assert "더 짧게" in server.chat_requests()[-1]["messages"][-1]["content"]
    assert (
        "모델이 필요합니다" in offline.handle("더 짧게 해 주세요").text
    )  # offline says what it can do
    assert any(
        re.search(r"<focus>\s*[^<]*CFO", r["messages"][-1]["content"])
        for r in server.chat_requests()
    )


def test_prompt_size_stays_flat_as_the_plan_grows() -> None:
    plan = Plan.new("Acme", "en")
    small = build_messages(
        "system", f"task\n{plan_state(plan, 'mkt_budget')}", [("user", "hi")] * 2
    )
    for sid in plan.sections:
        plan.section(sid).content = "A long answer about the market and the customers. " * 40
    turns = [("user", "answer " * 300), ("assistant", "reply " * 300)] * 30
    big = build_messages("system", f"task\n{plan_state(plan, 'mkt_budget')}", turns, budget=3000)
    from assistant.llm.context import _total

    assert _total(big) <= 3000 and len(big) <= 6
    assert "<reference" in references([Passage(source="s.md", heading="h", text="t")])
    assert _total(small) < _total(big)


def test_doctor_reports_mode_endpoint_index_and_data_dir(
    isolated_env: Path, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    _, url = fake_openai
    offline = run_cli(isolated_env, "doctor")
    assert offline.returncode == 0, offline.stderr
    assert (
        "offline guided mode" in offline.stdout
        and str(isolated_env) in offline.stdout
        and "index" in offline.stdout.lower()
    )
    env = cli_env(isolated_env) | {
        "OPENAI_BASE_URL": url,
        "OPENAI_API_KEY": "sk-test-secret-key-123456",
        "PLAN_MODEL": "fake-model",
    }
    online = subprocess.run(
        [PYTHON, "-m", "assistant", "doctor"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert (
        "fake-model" in online.stdout
        and "answers" in online.stdout
        and "sk-test-secret" not in online.stdout
    )
    dead = env | {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    down = subprocess.run(
        [PYTHON, "-m", "assistant", "doctor"],
        capture_output=True,
        text=True,
        env=dead,
        cwd=REPO,
        timeout=120,
    )
    assert "does not answer" in down.stdout


def test_chat_and_draft_against_the_fake_server_match_the_offline_structure(
    sample_answers: Path, isolated_env: Path, fake_openai: tuple[FakeOpenAI, str], tmp_path: Path
) -> None:
    _, url = fake_openai
    env_off = cli_env(isolated_env)
    env_on = env_off | {
        "OPENAI_BASE_URL": url,
        "OPENAI_API_KEY": "sk-test-secret-key-123456",
        "PLAN_MODEL": "fake-model",
        "PLAN_EMBEDDER": "hashing",
    }
    outs = {}
    for name, env in (("offline", env_off), ("llm", env_on)):
        out = tmp_path / f"{name}.json"
        run = subprocess.run(
            [
                PYTHON,
                "-m",
                "assistant",
                "draft",
                "--answers",
                str(sample_answers),
                "--format",
                "json",
                "--out",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO,
            timeout=300,
        )
        assert run.returncode == 0, run.stderr
        outs[name] = json.loads(out.read_text())
    assert outs["offline"].keys() == outs["llm"].keys()
    assert outs["offline"]["sections"].keys() == outs["llm"]["sections"].keys()
    assert [set(g) for g in outs["offline"]["goals"]] == [set(g) for g in outs["llm"]["goals"]]
    # the model's drafts wait beside the answers: the sections are the user's, as offline
    drafts = {p["section"]: p for p in outs["llm"]["model_proposals"]}
    assert "Drafted from your answer" in drafts["mkt_strategy"]["text"]
    assert drafts["mkt_strategy"]["status"] == "open" and not outs["offline"]["model_proposals"]
    assert (
        outs["llm"]["sections"]["mkt_strategy"]["content"]
        == outs["offline"]["sections"]["mkt_strategy"]["content"]
    )
    chat = subprocess.run(
        [PYTHON, "-m", "assistant", "chat", "--new"],
        input="Cafés in Seoul.\nWhat is the click-through rate?\n",
        capture_output=True,
        text=True,
        env=env_on,
        cwd=REPO,
        timeout=300,
    )
    assert chat.returncode == 0, chat.stderr
    assert "LLM: fake-model" in chat.stdout and "[2/23]" in chat.stdout
    assert "sk-test-secret" not in chat.stdout + chat.stderr


def test_a_model_summary_is_a_proposal_and_is_rewritten_when_its_figures_change(
    llm_settings: Settings, fake_openai: tuple[FakeOpenAI, str]
) -> None:
    from assistant.interview.plan_update import apply_answer, refresh_summaries

    server, _ = fake_openai
    engine = InterviewEngine(
        InterviewState(plan=Plan.new("Acme", "en")), llm=build_llm(llm_settings)
    )
    engine.start()
    plan = engine.plan
    apply_answer(plan, "mkt_objectives", "Generate 400 leads by June 30, 2027 through webinars.")
    server.enqueue("Acme will generate 400 leads by June 30, 2027 through webinars.")
    engine.start_summary("mkt_executive_summary")
    draft = plan.shelf.open_proposals()[-1]
    assert draft.author == "llm" and plan.section("mkt_executive_summary").author == "offline"
    assert any("Drafted by the model" in n for n in engine.notices)
    engine.handle(f"accept {draft.id}")
    assert plan.section("mkt_executive_summary").content.startswith("Acme will generate 400 leads")
    assert plan.section("mkt_executive_summary").author == "llm"
    refresh_summaries(plan)  # nothing changed: the accepted summary stays
    assert plan.section("mkt_executive_summary").author == "llm"
    plan.goals.clear()
    apply_answer(plan, "mkt_objectives", "Generate 650 leads by June 30, 2027 through webinars.")
    summary = plan.section("mkt_executive_summary")
    assert summary.author == "offline" and "400" not in summary.content and "650" in summary.content
