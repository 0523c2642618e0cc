"""Facts the plan can trust: a goal's frame (metric, baseline, target, deadline, means) with units."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Author = Literal["user", "offline", "llm"]


class Amount(BaseModel):
    """A value in base units (12억 원 → 1200000000, $2.4M → 2400000) with its unit."""

    value: float
    unit: str = ""  # "%", "pp", "x", a currency code (USD, KRW ...) or the counted noun
    source: str = (
        "goal"  # "goal" (read from the goal's text), "sales history", "user" (a correction)
    )


class Target(Amount):
    kind: Literal["level", "change"] = "level"  # "to/reach X" vs "increase/grow by X"
    per_period: bool = False  # a rate per month or week ('월 45건'): not a count over the period


class GoalFrame(BaseModel):
    """What one goal says, read once and used by every check, measurement, analysis and export."""

    metric: str = ""
    kpi: str | None = None
    baseline: Amount | None = None
    target: Target | None = None
    deadline: str | None = None  # YYYY-MM-DD, the end of the period the goal names
    means: str | None = None
    corrected: list[str] = []  # parts the user corrected in plain words; re-reading keeps them

    def contract(self) -> dict[str, object]:
        """The JSON shape other tools read: metric, kpi, baseline, target, deadline, means."""
        return {
            "metric": self.metric,
            "kpi": self.kpi,
            "baseline": (
                {
                    "value": self.baseline.value,
                    "unit": self.baseline.unit,
                    "source": self.baseline.source,
                }
                if self.baseline
                else None
            ),
            "target": (
                {"value": self.target.value, "unit": self.target.unit, "kind": self.target.kind}
                if self.target
                else None
            ),
            "deadline": self.deadline,
            "means": self.means,
        }
