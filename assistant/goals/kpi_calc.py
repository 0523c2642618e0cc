"""Calculators for formula KPIs, with input checks that explain what is wrong."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from assistant.core.errors import InputError


def _check(name: str, value: float, *, positive: bool = False) -> float:
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"{name} must be a number.", f"{name} 값은 숫자여야 합니다.")
    if value < 0:
        raise InputError(
            f"{name} cannot be negative (got {value:g}).",
            f"{name} 값은 음수일 수 없습니다({value:g}).",
        )
    if positive and value == 0:
        raise InputError(
            f"{name} must be greater than zero (it is divided by).",
            f"{name} 값은 0보다 커야 합니다(나누는 값입니다).",
        )
    return float(value)


def _pct(part: float, whole: float, part_name: str, whole_name: str) -> float:
    part = _check(part_name, part)
    whole = _check(whole_name, whole, positive=True)
    return part / whole * 100


def cac(spend: float, new_customers: float) -> float:
    """Customer acquisition cost: sales + marketing spend / new customers."""
    return _check("spend", spend) / _check("new_customers", new_customers, positive=True)


def cpl(spend: float, leads: float) -> float:
    return _check("spend", spend) / _check("leads", leads, positive=True)


def clv(avg_purchase: float, purchases_per_year: float, years: float, margin: float = 1.0) -> float:
    """Customer lifetime value; pass a gross margin (0-1) for a margin-based CLV."""
    if not 0 < margin <= 1:
        raise InputError(
            "margin must be between 0 and 1 (e.g. 0.6).",
            "margin 값은 0과 1 사이여야 합니다(예: 0.6).",
        )
    return (
        _check("avg_purchase", avg_purchase)
        * _check("purchases_per_year", purchases_per_year)
        * _check("years", years)
        * margin
    )


def roi(revenue: float, cost: float) -> float:
    """Marketing ROI in percent: (revenue - cost) / cost x 100."""
    revenue = _check("revenue", revenue)
    return (revenue - _check("cost", cost, positive=True)) / cost * 100


def roas(revenue: float, ad_spend: float) -> float:
    return _check("revenue", revenue) / _check("ad_spend", ad_spend, positive=True)


def conversion_rate(conversions: float, total: float) -> float:
    if conversions > total:
        raise InputError(
            "conversions cannot exceed the total they come from.",
            "전환 수는 전체 수보다 클 수 없습니다.",
        )
    return _pct(conversions, total, "conversions", "total")


def churn_rate(lost: float, at_start: float) -> float:
    if lost > at_start:
        raise InputError(
            "customers lost cannot exceed customers at the start.",
            "이탈 고객 수는 기초 고객 수보다 클 수 없습니다.",
        )
    return _pct(lost, at_start, "lost", "at_start")


def retention_rate(at_end: float, new: float, at_start: float) -> float:
    kept = _check("at_end", at_end) - _check("new", new)
    if kept < 0:
        raise InputError(
            "new customers cannot exceed customers at the end.",
            "신규 고객 수는 기말 고객 수보다 클 수 없습니다.",
        )
    return _pct(kept, at_start, "kept", "at_start")


def win_rate(won: float, lost: float) -> float:
    return _pct(won, _check("won", won) + _check("lost", lost), "won", "won + lost")


def average_deal_size(total_value: float, deals: float) -> float:
    return _check("total_value", total_value) / _check("deals", deals, positive=True)


def revenue_growth(current: float, previous: float) -> float:
    return (
        (_check("current", current) - _check("previous", previous, positive=True)) / previous * 100
    )


def ctr(clicks: float, impressions: float) -> float:
    return conversion_rate(clicks, impressions)


def nps(promoters: float, passives: float, detractors: float) -> float:
    total = (
        _check("promoters", promoters)
        + _check("passives", passives)
        + _check("detractors", detractors)
    )
    if total == 0:
        raise InputError(
            "NPS needs at least one survey response.",
            "NPS를 계산하려면 설문 응답이 하나 이상 필요합니다.",
        )
    return (promoters - detractors) / total * 100


@dataclass(frozen=True)
class Calculator:
    kpi: str
    func: Callable[..., float]
    inputs: tuple[str, ...]


CALCULATORS: dict[str, Calculator] = {
    c.kpi: c
    for c in (
        Calculator("cac", cac, ("spend", "new_customers")),
        Calculator("cpl", cpl, ("spend", "leads")),
        Calculator("clv", clv, ("avg_purchase", "purchases_per_year", "years")),
        Calculator("marketing_roi", roi, ("revenue", "cost")),
        Calculator("roas", roas, ("revenue", "ad_spend")),
        Calculator("sales_conversion_rate", conversion_rate, ("conversions", "total")),
        Calculator("marketing_conversion_rate", conversion_rate, ("conversions", "total")),
        Calculator("churn_rate", churn_rate, ("lost", "at_start")),
        Calculator("retention_rate", retention_rate, ("at_end", "new", "at_start")),
        Calculator("win_rate", win_rate, ("won", "lost")),
        Calculator("average_deal_size", average_deal_size, ("total_value", "deals")),
        Calculator("revenue_growth", revenue_growth, ("current", "previous")),
        Calculator("ctr", ctr, ("clicks", "impressions")),
        Calculator("nps", nps, ("promoters", "passives", "detractors")),
    )
}
