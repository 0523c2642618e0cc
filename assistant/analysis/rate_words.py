"""How a sentence names the conversion rates it used: the plan's own when the user stated them,
typical ones (with their values) when the analysis filled them in, so an industry default is
never called 'the plan's rates'."""

from __future__ import annotations

from assistant.analysis.analysis_model import PlanAnalysis, is_default_line
from assistant.core.lang import low_first

_RATE_NAMES = ("MQL-to-SQL rate", "Win rate", "Lead-to-customer rate", "MQL→SQL 전환율", "수주율", "리드→고객 전환율")  # fmt: skip


def rates_filled_in(a: PlanAnalysis) -> list[str]:
    """The funnel rates the analysis filled in from typical ranges ('20% MQL-to-SQL')."""
    out = []
    for line in a.assumptions:
        name, _, rest = line.partition(":")
        if name.strip() in _RATE_NAMES and is_default_line(rest):
            pct = next((w for w in rest.replace(",", " ").split() if w.endswith("%")), "")
            label = low_first(name.strip())
            out.append(f"{pct} {label}" if pct else label)
    return out


def rates_words(a: PlanAnalysis, ko: bool) -> str:
    """'the plan's conversion rates', or 'typical conversion rates (20% MQL-to-SQL rate, 25% win
    rate; yours are not stated)' when any rate of the funnel is a default."""
    filled = rates_filled_in(a)
    if not filled:
        return "계획상 전환율" if ko else "the plan's conversion rates"
    shown = ", ".join(filled)
    return (
        f"업계 일반 전환율({shown}, 실측 전까지 쓰는 업계 기본값)"
        if ko
        else f"typical conversion rates ({shown}; industry defaults until yours are measured)"
    )


def rates_short(a: PlanAnalysis, ko: bool) -> str:
    """'the plan's rates', or 'typical rates' when any rate of the funnel is a default (the
    figures are in the same sentence)."""
    if not rates_filled_in(a):
        return "계획상 전환율" if ko else "the plan's rates"
    return "업계 일반 전환율" if ko else "typical rates"
