"""Measurement lines: for each goal, the KPI, formula, baseline, target, data source and cadence."""

from __future__ import annotations

import re

from assistant.core.plan import Goal, MeasurementLine
from assistant.goals.kpi import advise, get_kpi
from assistant.goals.smart import without_time

_FROM_TO = re.compile(
    r"from\s+([$€£₩]?\d[\d,.]*\s*(?:%|k\b|m\b)?)\s+to\s+([$€£₩]?\d[\d,.]*\s*(?:%|k\b|m\b)?)"
    r"|([$€£₩]?\d[\d,.]*\s*(?:%|만|천|명|건|곳)?)\s*에서\s*([$€£₩]?\d[\d,.]*\s*(?:%|만|천|명|건|곳)?)\s*(?:으로|로)",
    re.I,
)
_TARGET = re.compile(
    r"(?:[$€£₩]\s*)?\d[\d,]*(?:\.\d+)?\s*(?:%|x\b|k\b|m\b|배|만\s*원|억\s*원|원|명|건|곳|개|days|일)?"
    r"|\b(?:double|triple|halve)\b|두 배|세 배",
    re.I,
)
_YEARISH = re.compile(r"^(?:19|20)\d{2}$")
_TOOLS = re.compile(
    r"\b(?:hubspot|salesforce|google analytics|ga4|looker|tableau|power bi|mixpanel|amplitude|"
    r"pipedrive|zoho|excel|crm|dashboard|marketo|mailchimp|stripe|metabase)\b|대시보드|엑셀|구글 애널리틱스",
    re.I,
)
_CADENCE = re.compile(
    r"\b(?:daily|weekly|monthly|quarterly|every (?:day|week|month|quarter|monday|friday))\b|매일|매주|매월|매달|분기마다|매분기",
    re.I,
)


def _baseline_target(text: str) -> tuple[str, str]:
    text = re.sub(r"\[[^\]]+\]", " ", text)  # placeholders are not values
    m = _FROM_TO.search(text)
    if m:
        base = m.group(1) or m.group(3)
        target = m.group(2) or m.group(4)
        return base.strip(), target.strip()
    for t in _TARGET.finditer(without_time(text)):
        token = t.group(0).strip()
        if token and not _YEARISH.match(token):
            return "", token
    return "", ""


def measurement_for(goal: Goal, lang: str, measurement_answer: str = "") -> MeasurementLine:
    """The measurement line for a goal; tools and cadence the user named take precedence."""
    kpi_id = goal.kpis[0] if goal.kpis else advise(goal.text, k=1, lang=lang)[0].id
    kpi = get_kpi(kpi_id)
    baseline, target = _baseline_target(goal.text)
    tools = sorted({m.group(0) for m in _TOOLS.finditer(measurement_answer)}, key=str.lower)
    cadence = _CADENCE.search(measurement_answer)
    todo = "[기준값 입력]" if lang == "ko" else "[enter baseline]"
    return MeasurementLine(
        goal=goal.text,
        kpi=kpi.id,
        kpi_name=kpi.name.get(lang),
        formula=kpi.formula.get(lang),
        baseline=baseline or todo,
        target=target or ("[목표값 입력]" if lang == "ko" else "[enter target]"),
        data_source=", ".join(tools) if tools else kpi.data_source.get(lang),
        cadence=cadence.group(0) if cadence else kpi.cadence.get(lang),
    )
