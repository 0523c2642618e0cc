"""The section catalogue: 23 plan sections with bilingual titles, contents and questions."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel

Lang = Literal["ko", "en"]
PlanType = Literal["integrated", "marketing", "sales"]
PLAN_TYPES: tuple[str, ...] = ("integrated", "marketing", "sales")


class Bilingual(BaseModel):
    en: str
    ko: str

    def get(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


class BilingualList(BaseModel):
    en: list[str]
    ko: list[str]

    def get(self, lang: str) -> list[str]:
        return self.ko if lang == "ko" else self.en


class SectionSpec(BaseModel):
    """What one section of the plan is for and how the interview asks about it."""

    id: str
    plan: Literal["marketing", "sales"]
    step: str
    auto: str | None = None
    title: Bilingual
    contains: BilingualList
    questions: BilingualList
    example: Bilingual

    @property
    def is_summary(self) -> bool:
        return self.auto == "summary"

    @property
    def is_goals(self) -> bool:
        return self.step == "goals"


# The guide's planning steps, in order: the interview follows them.
INTERVIEW_ORDER: tuple[str, ...] = (
    # find trends in data, know the market
    "mkt_market_analysis",
    "sales_target_market",
    # know the customer
    "mkt_audience_personas",
    # set SMART goals
    "mkt_objectives",
    "sales_objectives",
    # decide how to measure success
    "mkt_measurement",
    "sales_kpis",
    # define strategy and the mix
    "mkt_positioning_messaging",
    "mkt_strategy",
    "sales_offering",
    "mkt_mix_4p",
    "mkt_channels",
    "mkt_content_strategy",
    "mkt_budget",
    "mkt_calendar",
    "sales_strategy",
    "sales_tactics",
    "sales_territories_channels",
    # team structure and training
    "sales_team_structure",
    "sales_training",
    # sales forecast model
    "sales_forecast",
    # summaries last, drafted from the rest
    "mkt_executive_summary",
    "sales_executive_summary",
)


@lru_cache(maxsize=1)
def all_sections() -> dict[str, SectionSpec]:
    """Every section, keyed by id, in document order (marketing plan, then sales plan)."""
    raw = yaml.safe_load(
        (resources.files("assistant.core") / "data" / "sections.yaml").read_text("utf-8")
    )
    specs = [SectionSpec.model_validate(item) for item in raw]
    return {s.id: s for s in specs}


SECTION_IDS: tuple[str, ...] = tuple(all_sections())


def get_section(section_id: str) -> SectionSpec:
    return all_sections()[section_id]


def _in_plan(spec: SectionSpec, plan_type: str) -> bool:
    return plan_type == "integrated" or spec.plan == plan_type


def document_order(plan_type: str) -> list[str]:
    """Section ids of a plan type in the order a reader sees them."""
    return [sid for sid, spec in all_sections().items() if _in_plan(spec, plan_type)]


def interview_order(plan_type: str) -> list[str]:
    """Section ids of a plan type in the order the interview asks about them."""
    return [sid for sid in INTERVIEW_ORDER if _in_plan(get_section(sid), plan_type)]


def find_section(query: str, lang: str = "en") -> str | None:
    """Resolve a user's reference to a section: id, number in the interview, or title words."""
    q = query.strip().lower()
    if not q:
        return None
    if q in all_sections():
        return q
    q_norm = q.replace("-", " ").replace("_", " ")
    best: tuple[int, str] | None = None
    for sid, spec in all_sections().items():
        for title in (spec.title.en.lower(), spec.title.ko.lower()):
            if q_norm == title:
                return sid
            score = _overlap(q_norm, title)
            if score and (best is None or score > best[0]):
                best = (score, sid)
    return best[1] if best else None


_STOP = {"the", "and", "of", "a", "an", "to", "in", "at", "for", "or", "all"}


def _overlap(query: str, title: str) -> int:
    """How many query words a title holds (English by word prefix, Korean by substring)."""
    title_words = title.replace("(", " ").replace(")", " ").split()
    score = 0
    for w in query.replace("(", " ").replace(")", " ").split():
        if w in _STOP or len(w) < 2:
            continue
        if any("\uac00" <= ch <= "\ud7a3" for ch in w):
            score += w in title
        elif (
            len(w) >= 3
            and any(tw.startswith(w) or w.startswith(tw) and len(tw) >= 3 for tw in title_words)
            or w in title_words
        ):
            score += 1
    return score


def measurement_section_for(plan_type: str, goal_section: str) -> str:
    """Which section holds the measurement lines of goals from `goal_section`."""
    if plan_type == "marketing":
        return "mkt_measurement"
    if plan_type == "sales":
        return "sales_kpis"
    return "mkt_measurement" if goal_section == "mkt_objectives" else "sales_kpis"
