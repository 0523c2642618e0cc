"""The plan as the `draft --format json` contract, and back."""

from __future__ import annotations

from typing import Any

from assistant.analysis.fact_reader import refresh_facts
from assistant.analysis.fact_view import full_sheet
from assistant.analysis.lists import competitor_list, mix_4p, team_roles
from assistant.analysis.plan_analysis import analyse
from assistant.analysis.plan_links import plan_page
from assistant.analysis.territory_list import territories
from assistant.core.catalogue import document_order
from assistant.core.fact_sheet import Fact
from assistant.core.facts import GoalFrame
from assistant.core.plan import (
    SCHEMA_VERSION,
    Budget,
    CalendarEntry,
    Criterion,
    Forecast,
    Goal,
    Messaging,
    Persona,
    Plan,
    TeamRole,
)
from assistant.goals.frame import read_goal_frame
from assistant.interview.render import section_markdown


def plan_to_contract(plan: Plan) -> dict[str, Any]:
    """Contract keys first (language, plan_type, company, sections, goals, personas, messaging);
    extra keys after them carry what review and tracking need."""
    analysis = analyse(plan)
    return {
        "language": plan.language,
        "plan_type": plan.plan_type,
        "company": plan.company,
        "sections": {
            sid: {
                "title": plan.title(sid),
                "content": section_markdown(plan, sid),
                "author": plan.section(sid).author,
            }
            for sid in document_order(plan.plan_type)
        },
        "goals": [
            {
                "text": g.text,
                "section": g.section,
                "criteria": {name: c.model_dump() for name, c in g.criteria.items()},
                "kpis": list(g.kpis),
                "frame": g.frame.contract() if g.frame else None,
                "author": g.author,
            }
            for g in plan.goals
        ],
        "personas": [p.model_dump() for p in plan.personas],
        "messaging": plan.messaging.model_dump(),
        "schema_version": SCHEMA_VERSION,
        "business_objectives": list(plan.business_objectives),
        "measurement": [g.measurement.model_dump() for g in plan.goals if g.measurement],
        "budget": plan.budget.model_dump(),
        "calendar": [e.model_dump() for e in plan.calendar],
        "channels": list(plan.channels),
        "channels_author": plan.channels_author,
        # the contract, key for key: team [{role, count, quota_carrying}], territories
        # [{name, sellers, share}], mix_4p {product, price, place, promotion}, competitors [str]
        "team": [
            {"role": r["role"], "count": r["count"], "quota_carrying": r["quota_carrying"]}
            for r in team_roles(plan)
        ]
        or [{"role": r.role, "count": r.headcount, "quota_carrying": None} for r in plan.team],
        "territories": [
            {"name": t["name"], "sellers": t["sellers"], "share": t["share"]}
            for t in territories(plan)
        ],
        "mix_4p": mix_4p(plan),
        "competitors": competitor_list(plan),
        "forecast": plan.forecast.model_dump() if plan.forecast else None,
        "section_status": {sid: plan.section(sid).status for sid in document_order(plan.plan_type)},
        "analysis": analysis.contract(),
        # each goal with the strategy, channels, budget lines, activities and owner that carry it
        "plan_on_a_page": plan_page(plan).model_dump(mode="json"),
        # the fact sheet: {id, label, value, unit, period, section, source, quote} per fact
        "facts": [f.contract() for f in full_sheet(plan, analysis)],
        # the user's own documents and what they proposed ({section, text, source: {document, page}})
        "documents": [d.contract() for d in plan.shelf.documents],
        "proposals": [
            p.contract() for p in plan.shelf.proposals if p.status != "discarded" and p.source
        ],
        # the model's drafts beside the user's answers ({section, text, status}); open ones are not in the plan
        "model_proposals": [
            p.contract()
            for p in plan.shelf.proposals
            if p.author == "llm" and p.status != "discarded"
        ],
    }


def plan_from_contract(doc: dict[str, Any]) -> Plan:
    """Rebuild a plan from its JSON export (for review and tracking)."""
    from assistant.core.plan import MeasurementLine

    plan = Plan.new(
        doc.get("company", ""), doc.get("language", "en"), doc.get("plan_type", "integrated")
    )
    status = doc.get("section_status", {})
    for sid, body in (doc.get("sections") or {}).items():
        if sid in plan.sections:
            section = plan.sections[sid]
            section.status = status.get(sid, "answered")
            if section.status in ("answered", "drafted"):
                section.content = body.get("content", "")
    lines = {m["goal"]: MeasurementLine.model_validate(m) for m in doc.get("measurement", [])}
    for g in doc.get("goals", []):
        criteria = {k: Criterion.model_validate(v) for k, v in (g.get("criteria") or {}).items()}
        plan.goals.append(
            Goal(
                text=g["text"], section=g["section"], criteria=criteria, kpis=g.get("kpis", []),
                smart=all(c.ok is not False for c in criteria.values()) and bool(criteria),
                measurement=lines.get(g["text"]), author=g.get("author") or "user",
                frame=(
                    GoalFrame.model_validate(g["frame"]) if isinstance(g.get("frame"), dict)
                    else read_goal_frame(g["text"], plan.language, kpi=(g.get("kpis") or [None])[0])
                ),
            )
        )  # fmt: skip
    plan.personas = [Persona.model_validate(p) for p in doc.get("personas", [])]
    plan.messaging = Messaging.model_validate(doc.get("messaging") or {})
    plan.budget = Budget.model_validate(doc.get("budget") or {})
    plan.calendar = [CalendarEntry.model_validate(e) for e in doc.get("calendar", [])]
    plan.business_objectives = list(doc.get("business_objectives", []))
    plan.channels = list(doc.get("channels", []))
    plan.team = [
        TeamRole(role=str(r.get("role", "")), headcount=r.get("count") or r.get("headcount"))
        for r in doc.get("team", []) if isinstance(r, dict) and r.get("role")
    ]  # fmt: skip
    if doc.get("forecast"):
        plan.forecast = Forecast.model_validate(doc["forecast"])
    refresh_facts(plan)
    # facts the export carries that the answers do not say (a correction, a document's) stay
    for raw in doc.get("facts") or []:
        if not isinstance(raw, dict) or raw.get("source") in ("default", "computed", None):
            continue
        try:
            fact = Fact.model_validate(raw)
        except ValueError:
            continue
        read = plan.fact(fact.id)
        if read is None or read.value != fact.value:
            fact.corrected = fact.source == "user"
            plan.facts = [f for f in plan.facts if f.id != fact.id] + [fact]
    return plan
