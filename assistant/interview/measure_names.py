"""One name per measure across the document: a KPI a goal measures is called by the name the
goal's measurement line gives it ('마케팅 적격 리드(MQL) 수', 'Organic website traffic'), the
catalogue's name ('리드 확보 수', 'Website traffic') only for a KPI no goal measures."""

from __future__ import annotations

from assistant.core.plan import Plan
from assistant.goals.kpi import kpi_label


def measure_label(plan: Plan, kpi_id: str) -> str:
    for goal in plan.goals:
        line = goal.measurement
        if goal.frame is not None and goal.frame.kpi == kpi_id and line and line.kpi_name:
            return line.kpi_name
    return kpi_label(kpi_id, plan.language)
