"""Prompt assembly under a token budget: system + compact plan state + last few turns + passages.
The plan state is the memory, so prompt size stays flat however long the conversation gets."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel

from assistant.core.catalogue import get_section, interview_order
from assistant.core.plan import Plan
from assistant.goals.readback import read_back_line
from assistant.llm.tokens import count_tokens, get_encoding

SNIPPET_TOKENS = 50
MAX_RELATED = 3
MAX_GOALS = 3
MAX_STATE_TOKENS = 900
MAX_TURN_TOKENS = 120
MAX_TURNS = 4
MAX_PASSAGE_TOKENS = 220


class Passage(BaseModel):
    source: str
    heading: str = ""
    text: str


def clip(text: str, tokens: int) -> str:
    enc = get_encoding()
    ids = enc.encode(text, disallowed_special=())
    return text if len(ids) <= tokens else enc.decode(ids[:tokens]) + "…"


def plan_state(plan: Plan, focus: str | None = None) -> str:
    """A compact, bounded view of the plan: progress, objectives, goals, and the sections that
    matter for the current one (same planning step, plus goals and market)."""
    done, total = plan.progress()
    lines = [
        f"Company: {plan.company or '-'} | plan: {plan.plan_type} | language: {plan.language} | progress: {done}/{total}"
    ]
    if plan.business_objectives:
        lines.append("Business objectives: " + clip("; ".join(plan.business_objectives), 60))
    order = interview_order(plan.plan_type)
    step = get_section(focus).step if focus else None
    related = [
        s
        for s in order
        if s != focus
        and plan.section(s).content
        and (
            get_section(s).step == step
            or s in ("mkt_market_analysis", "mkt_audience_personas", "sales_target_market")
        )
    ]
    for sid in related[:MAX_RELATED]:
        section = plan.section(sid)
        by = f", drafted by {section.author}" if section.author == "llm" else ""
        lines.append(
            f"[{plan.title(sid)}{by}] " + clip(" ".join(section.content.split()), SNIPPET_TOKENS)
        )
    focus_goals = [g for g in plan.goals if focus in (None, g.section)] or plan.goals
    for goal in focus_goals[:MAX_GOALS]:
        read = f" [read: {read_back_line(goal.frame, 'en')}]" if goal.frame else ""
        lines.append(
            f"Goal ({plan.title(goal.section)}, written by {goal.author}): "
            + clip(goal.text, 30)
            + read
        )
    if len(plan.goals) > MAX_GOALS:
        lines.append(f"(+{len(plan.goals) - MAX_GOALS} more goals)")
    if sheet := facts_line(plan):
        lines.append(sheet)
    lines.append(analysis_line(plan))
    if plan.forecast and plan.forecast.points:
        f = plan.forecast
        lines.append(
            f"Forecast ({f.column}, {f.points[0].period}-{f.points[-1].period}): base {f.total:,.0f}, conservative {f.conservative_total:,.0f}, optimistic {f.optimistic_total:,.0f}"
        )
    return clip("\n".join(lines), MAX_STATE_TOKENS)


def escape_data(text: str) -> str:
    """Data placed inside a tag can never close it: '<' and '>' are escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(text: str) -> str:
    return escape_data(text).replace('"', "&quot;")


def facts_line(plan: Plan) -> str:
    """The fact sheet as the model sees it: the only numbers it may use (it never supplies one)."""
    parts = []
    for f in plan.facts:
        if isinstance(f.value, list):
            value = ", ".join(f.value)
        elif isinstance(f.value, str):
            value = f.value
        else:
            value = f"{f.value:,.4g}" if f.unit == "%" else f"{f.value:,.0f}"
            value += f" {f.unit}" if f.unit else ""
        period = f" per {f.period}" if f.period and not isinstance(f.value, (str, list)) else ""
        parts.append(f"{f.id}={clip(value, 30)}{period} ({f.source})")
    return clip("Fact sheet (use only these facts): " + "; ".join(parts), 220) if parts else ""


def analysis_line(plan: Plan) -> str:
    """The plan's computed numbers, for the model to write prose around (it never computes them)."""
    from assistant.analysis.plan_analysis import analyse

    a = analyse(plan)
    parts = []
    if a.funnel:
        parts.append("funnel " + " -> ".join(f"{s.stage} {s.volume:,.0f}" for s in a.funnel))
    ue = a.unit_economics
    for name, value in (
        ("CAC", ue.cac),
        ("LTV", ue.ltv),
        ("payback months", ue.payback_months),
        ("ROI %", ue.roi_pct),
    ):
        if value is not None:
            parts.append(f"{name} {value:,.0f}" if name in ("CAC", "LTV") else f"{name} {value:g}")
    if a.capacity.deals_per_rep is not None:
        parts.append(f"deals per seller {a.capacity.deals_per_rep:g}")
    return ("Computed analysis (use these numbers as given): " + "; ".join(parts)) if parts else ""


def references(passages: Sequence[Passage]) -> str:
    """Retrieved passages, marked as reference material with their sources (never instructions)."""
    return "\n".join(
        f'<reference source="{_attr(p.source)}" heading="{_attr(p.heading)}">\n{escape_data(clip(p.text, MAX_PASSAGE_TOKENS))}\n</reference>'
        for p in passages
    )


def conversation(
    turns: Sequence[tuple[str, str]], room_tokens: int = MAX_TURNS * MAX_TURN_TOKENS
) -> str:
    """The last few turns as data inside <conversation> tags (newest kept when space runs out);
    never sent as raw chat messages the model could take as its own instructions."""
    lines: list[str] = []
    used = 0
    for role, text in reversed(list(turns)[-MAX_TURNS:]):
        line = f"[{'user' if role == 'user' else 'assistant'}] {escape_data(clip(' '.join(text.split()), MAX_TURN_TOKENS))}"
        cost = count_tokens(line) + 2
        if used + cost > room_tokens:
            break
        lines.insert(0, line)
        used += cost
    return "<conversation>\n" + "\n".join(lines) + "\n</conversation>" if lines else ""


def build_messages(
    system: str, task: str, turns: Sequence[tuple[str, str]] = (), budget: int = 6000
) -> list[dict[str, str]]:
    """System first, then the last few turns (oldest dropped first), then the task; trimmed to `budget`."""
    del turns  # history travels inside the task as <conversation> data, never as raw messages
    messages = [{"role": "system", "content": system}, {"role": "user", "content": task}]
    if _total(messages) > budget:
        room = max(200, budget - _total(messages[:1]) - 50)
        messages[-1]["content"] = clip(messages[-1]["content"], room)
    return messages


def _total(messages: list[dict[str, str]]) -> int:
    return sum(count_tokens(m["content"]) + 4 for m in messages)


def trim_passages(passages: list[Passage], room_tokens: int) -> list[Passage]:
    """Keep the best passages that fit; passages are the first thing dropped from a prompt."""
    kept: list[Passage] = []
    used = 0
    for p in passages:
        cost = min(count_tokens(p.text), MAX_PASSAGE_TOKENS) + 20
        if used + cost > room_tokens:
            break
        kept.append(p)
        used += cost
    return kept
