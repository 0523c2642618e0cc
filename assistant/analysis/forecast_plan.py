"""Connect a sales history to the plan: the forecast section, and the numbers the SMART
achievability check compares sales goals with."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.analysis.forecast import ForecastResult, forecast_history
from assistant.analysis.forecast_data import History, load_history
from assistant.core.facts import GoalFrame
from assistant.core.plan import Forecast, column_currency
from assistant.goals.frame import read_goal_frame
from assistant.goals.numbers import format_amount


def plan_window(history: History, year: int) -> tuple[int, int] | None:
    """(horizon, periods to keep) so the forecast covers the plan's year: from the last actual to
    the year's end, reporting only the year. None when the history already reaches into the year
    or ends more than two years before it (then the next season is forecast, as without a plan)."""
    import pandas as pd

    last = history.periods[-1]
    end = pd.Period(pd.Timestamp(year=year, month=12, day=31), freq=last.freq)
    start = pd.Period(pd.Timestamp(year=year, month=1, day=1), freq=last.freq)
    ahead = (end - last).n
    if (start - last).n < 1 or ahead > 3 * history.season:
        return None
    return ahead, (end - start).n + 1


def run_forecast(
    path: Path,
    column: str | None = None,
    horizon: int | None = None,
    lang: str = "en",
    plan_year: int | None = None,
) -> tuple[ForecastResult, float]:
    """The forecast for a history file; with `plan_year` (and no horizon), it covers that year."""
    history = load_history(path, column)
    if horizon is not None and not 1 <= horizon <= 3 * history.season:
        from assistant.core.errors import InputError

        raise InputError(
            f"--horizon must be between 1 and {3 * history.season} for {history.frequency} data.",
            f"{history.frequency} 데이터의 --horizon은 1에서 {3 * history.season} 사이여야 합니다.",
        )
    window = plan_window(history, plan_year) if plan_year and horizon is None else None
    if window is not None:
        result = forecast_history(history, window[0], lang, keep_last=window[1])
    else:
        result = forecast_history(history, horizon, lang)
    last_total = float(sum(history.values[-len(result.forecast) :]))
    return result, last_total


_MODEL_KO = {
    "linear trend": "선형 추세", "drift": "드리프트(평균 변화율)",
    "seasonal naive": "계절 단순 모델(지난 시즌 반복)", "trend + seasonal means": "추세 + 계절 평균",
    "Holt-Winters additive": "홀트-윈터스(가법)", "Holt-Winters damped additive": "홀트-윈터스(감쇠 추세, 가법)",
    "seasonal ETS (no trend)": "계절 지수평활(추세 없음)", "Holt-Winters multiplicative": "홀트-윈터스(승법)",
    "Holt-Winters damped multiplicative": "홀트-윈터스(감쇠 추세, 승법)", "Holt linear": "홀트 선형",
    "Holt damped": "홀트(감쇠 추세)",
}  # fmt: skip
FREQUENCY_NAMES = {"monthly": "월별", "weekly": "주별", "quarterly": "분기별", "yearly": "연별",
                   "daily": "일별"}  # fmt: skip


def model_label(model: str, lang: str) -> str:
    """The forecasting method in the reader's words ('combination of …' names its parts)."""
    prefix = "combination of "
    parts = model[len(prefix) :].split(", ") if model.startswith(prefix) else [model]
    if lang != "ko":
        return model if len(parts) == 1 else f"average of {len(parts)} models ({', '.join(parts)})"
    names = [_MODEL_KO.get(p, p) for p in parts]
    return names[0] if len(names) == 1 else f"{len(names)}개 모델의 평균({', '.join(names)})"


def frequency_label(frequency: str, lang: str) -> str:
    return FREQUENCY_NAMES.get(frequency, frequency) if lang == "ko" else frequency


def forecast_section_text(result: ForecastResult, lang: str) -> str:
    """Method, accuracy and assumptions (the table itself is rendered from the plan's forecast)."""
    span = f"{result.forecast[0].period} – {result.forecast[-1].period}"
    mae = f"{result.holdout_mae:,.0f}" if result.holdout_mae is not None else "-"
    if lang == "ko":
        lines = [
            f"과거 판매 데이터('{result.column}', {frequency_label(result.frequency, 'ko')})로 {span} 기간을 예측했습니다.",
            f"- 방법: {model_label(result.model, 'ko')} (최근 기간을 떼어 둔 롤링 검증 오차가 가장 작은 모델, MAE {mae})",
            "- 범위: 80% 예측 구간의 하한을 보수 시나리오, 상한을 낙관 시나리오로 봅니다.",
            "- 가정: 과거의 추세와 계절성이 이어지고, 가격·유통·영업 인력에 큰 변화가 없습니다.",
        ]
    else:
        lines = [
            f"Forecast for {span} from the sales history ('{result.column}', {result.frequency}).",
            f"- Method: {model_label(result.model, 'en')} (lowest rolling-origin holdout error, MAE {mae})",
            "- Range: the lower bound of the 80% interval is the conservative scenario, the upper bound the optimistic one.",
            "- Assumptions: past trend and seasonality continue; no major change in pricing, distribution or sales headcount.",
        ]
    return "\n".join(lines)


_SALES_GOAL = re.compile(r"\b(?:revenue|sales|bookings|turnover|arr|mrr)\b|매출|판매액|수익", re.I)


_ARR = re.compile(
    r"(?<![a-z])(?:arr|annual(?:ised|ized)?\s+run[- ]rate|run[- ]rate|annual\s+recurring\s+revenue)(?![a-z])|연\s*환산\s*매출|연간\s*반복\s*매출",
    re.I,
)
_MRR = re.compile(
    r"(?<![a-z])(?:mrr|monthly\s+recurring\s+revenue|monthly\s+(?:revenue|sales))(?![a-z])|(?:revenue|sales)\s+(?:per|a)\s+month|월\s*(?:매출|반복\s*매출)",
    re.I,
)
_PER_YEAR = {"monthly": 12, "quarterly": 4, "weekly": 52}


def _run_rate_note(goal: str, forecast: Forecast, lang: str, frame: GoalFrame, named: str) -> str | None:  # fmt: skip
    """A level goal (ARR, MRR: where revenue stands at a date) against the forecast's run-rate at
    its last period, like for like; None when the goal is not such a level (a flow is summed)."""
    target = frame.target
    annual = bool(_ARR.search(goal))
    if target is None or target.kind != "level" or not (annual or _MRR.search(goal)):
        return None
    if named and re.fullmatch(r"[A-Z]{3}", target.unit) and target.unit != named:
        return ""
    per_year = _PER_YEAR.get(forecast.frequency, 12)
    scale = per_year if annual else per_year / 12  # a period's sales -> a year's, or a month's
    last = forecast.points[-1]
    optimistic, base = last.upper * scale, last.value * scale
    if target.value <= optimistic * 1.05:
        return ""
    cur = named or (target.unit if re.fullmatch(r"[A-Z]{3}", target.unit) else "")
    v, o, b = (format_amount(x, cur, lang) for x in (target.value, optimistic, base))
    how = (f"마지막 예측 기간({last.period}) × {scale:g}" if lang == "ko" else f"the last forecast period ({last.period}) x {scale:g}")  # fmt: skip
    return (
        f"목표 {v}은(는) 예측의 낙관적 연환산 매출({o}, {how}; 기본 {b})보다 높습니다. 같은 기준(시점의 매출 수준)으로 비교했습니다. 추가 자원이나 근거를 밝히거나 목표를 조정해야 합니다."
        if lang == "ko" and annual else
        f"목표 {v}은(는) 예측의 낙관적 월 매출 수준({o}, {how}; 기본 {b})보다 높습니다. 추가 자원이나 근거를 밝히거나 목표를 조정해야 합니다."
        if lang == "ko" else
        f"The target {v} is above the forecast's optimistic run-rate ({o}: {how}; base {b}), compared like for like (a level at a date, not a year's sum). Show the extra resources behind it or adjust the target."
    )  # fmt: skip


def forecast_note(
    goal: str, forecast: Forecast | None, lang: str, frame: GoalFrame | None = None
) -> str:
    """A reason to flag a sales goal that sits above the forecast's optimistic scenario ('' if fine)."""
    if forecast is None or not forecast.points or not _SALES_GOAL.search(goal):
        return ""
    frame = frame or read_goal_frame(goal, lang)
    target = frame.target
    if target is None:
        return ""
    optimistic = forecast.optimistic_total
    span = f"{forecast.points[0].period}–{forecast.points[-1].period}"
    named = column_currency(forecast.column)
    if (note := _run_rate_note(goal, forecast, lang, frame, named)) is not None:
        return note
    if target.kind == "level" and target.unit not in ("%", "pp", "x") and target.value >= 1000:
        if named and re.fullmatch(r"[A-Z]{3}", target.unit) and target.unit != named:
            return ""  # a goal in won against a history in dollars: never compared
        value = target.value
        cur = named or (target.unit if re.fullmatch(r"[A-Z]{3}", target.unit) else "")
        v, o, b = (format_amount(x, cur, lang) for x in (value, optimistic, forecast.total))
        if value > optimistic * 1.05:
            return (
                f"목표 {v}은(는) 예측의 낙관 시나리오({span} 합계 {o}, 기본 {b})보다 높습니다. 추가 자원이나 근거를 밝히거나 목표를 조정해야 합니다."
                if lang == "ko" else
                f"The target {v} is above the forecast's optimistic scenario ({o} for {span}; base {b}). Show the extra resources behind it or adjust the target."
            )  # fmt: skip
        return ""
    if target.kind == "change" and target.unit == "%" and forecast.history_last_total:
        wanted = target.value
        possible = (optimistic / forecast.history_last_total - 1) * 100
        if wanted > possible + 5:
            return (
                f"{wanted:g}% 성장은 예측의 낙관 시나리오(약 {possible:+.0f}%, {span})보다 높습니다. 근거나 추가 자원을 밝혀야 합니다."
                if lang == "ko" else
                f"{wanted:g}% growth is above what the optimistic forecast allows (about {possible:+.0f}% for {span}). Explain the extra resources or lower the target."
            )  # fmt: skip
    return ""
