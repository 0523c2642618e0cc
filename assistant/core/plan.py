"""The plan document: pydantic models, versioned JSON. The plan is also the assistant's memory."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field

from assistant.core.catalogue import document_order, get_section
from assistant.core.documents import DocumentShelf
from assistant.core.fact_sheet import Fact, fact_number, find_fact
from assistant.core.facts import Author as Author
from assistant.core.facts import GoalFrame as GoalFrame

SCHEMA_VERSION = 1
CRITERIA: tuple[str, ...] = ("specific", "measurable", "achievable", "relevant", "time_bound")
_CRITERION_NAMES = {"specific": ("Specific", "구체성"), "measurable": ("Measurable", "측정 가능성"),
                    "achievable": ("Achievable", "달성 가능성"), "relevant": ("Relevant", "관련성"),
                    "time_bound": ("Time-bound", "기한")}  # fmt: skip


def criterion_name(name: str, lang: str) -> str:
    """A SMART criterion as a reader names it ('Time-bound' / '기한'), never its id."""
    en, ko = _CRITERION_NAMES.get(name, (name, name))
    return ko if lang == "ko" else en


Status = Literal["open", "answered", "skipped", "drafted"]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Source(BaseModel):
    """Where a piece of guidance came from (a knowledge file and heading)."""

    source: str
    heading: str = ""
    topic: str = ""


class Criterion(BaseModel):
    ok: bool | None
    reason: str


class SmartResult(BaseModel):
    """The SMART verdicts on one goal (the `smart` CLI contract)."""

    goal: str
    criteria: dict[str, Criterion]
    smart: bool
    suggestion: str


class MeasurementLine(BaseModel):
    """How one goal is measured."""

    goal: str
    kpi: str
    kpi_name: str
    formula: str
    baseline: str = ""
    target: str = ""
    data_source: str = ""
    cadence: str = ""


class Goal(BaseModel):
    text: str
    section: str
    criteria: dict[str, Criterion] = Field(default_factory=dict)
    smart: bool = False
    suggestion: str = ""
    kpis: list[str] = Field(default_factory=list)
    measurement: MeasurementLine | None = None
    frame: GoalFrame | None = None
    author: Author = "user"  # who wrote the goal's text


class Persona(BaseModel):
    name: str
    author: Author = "user"
    role: str = ""
    demographics: str = ""
    goals: list[str] = Field(default_factory=list)
    pains: list[str] = Field(default_factory=list)
    objections: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    buying_triggers: list[str] = Field(default_factory=list)
    decision_role: str = ""  # economic buyer, user, influencer ...
    quote: str = ""
    typical: list[str] = Field(default_factory=list)  # fields filled from the guide, to confirm
    typical_source: str = ""  # the knowledge page those entries come from
    summary: str = ""


class KeyMessage(BaseModel):
    persona: str
    message: str
    proof_points: list[str] = Field(default_factory=list)


class ObjectionAnswer(BaseModel):
    persona: str
    objection: str
    answer: str


class CopyRow(BaseModel):
    """Channel-ready copy for one persona, channel and funnel stage, within the channel's limits."""

    persona: str
    channel: str
    stage: Literal["awareness", "consideration", "decision"]
    headline: str
    body: str
    cta: str


class Messaging(BaseModel):
    positioning: str = ""
    value_proposition: str = ""
    key_messages: list[KeyMessage] = Field(default_factory=list)
    call_to_action: str = ""
    objections: list[ObjectionAnswer] = Field(default_factory=list)
    matrix: list[CopyRow] = Field(default_factory=list)
    author: Author = "offline"  # "llm" when a model drafted the key messages

    @property
    def is_empty(self) -> bool:
        return not (self.positioning or self.value_proposition or self.key_messages)


class BudgetLine(BaseModel):
    item: str
    author: Author = "user"
    amount: float | None = None
    share: float | None = None  # percent of the total, 0-100
    expected_roi: float | None = None


class Budget(BaseModel):
    author: Author = "user"
    total: float | None = None
    currency: str = ""
    lines: list[BudgetLine] = Field(default_factory=list)
    expected_roi: float | None = None


class CalendarEntry(BaseModel):
    when: str
    author: Author = "user"
    activity: str
    channel: str = ""
    owner: str = ""
    year: int | None = None  # when the answer names it
    cost: float | None = None  # in the budget's currency, when the answer gives it


class ForecastPoint(BaseModel):
    period: str
    value: float
    lower: float
    upper: float


class HistorySeries(BaseModel):
    """One numeric column of the uploaded sales history, oldest period first."""

    column: str
    frequency: str
    periods: list[str]
    values: list[float]


class Forecast(BaseModel):
    column: str
    frequency: str
    model: str
    holdout_mae: float | None
    points: list[ForecastPoint] = Field(default_factory=list)
    insights: list[str] = Field(default_factory=list)
    history_last_total: float | None = None  # actuals over the last `len(points)` periods
    series: list[HistorySeries] = Field(default_factory=list)  # every numeric column of the history

    @property
    def total(self) -> float:
        return sum(p.value for p in self.points)

    @property
    def optimistic_total(self) -> float:
        return sum(p.upper for p in self.points)

    @property
    def conservative_total(self) -> float:
        return sum(p.lower for p in self.points)


class TeamRole(BaseModel):
    role: str
    author: Author = "user"
    responsibilities: str = ""
    reports_to: str = ""
    headcount: int | None = None


class Section(BaseModel):
    id: str
    content: str = ""
    answers: list[str] = Field(default_factory=list)
    status: Status = "open"
    author: Author | None = None
    sources: list[Source] = Field(default_factory=list)

    @property
    def is_done(self) -> bool:
        return self.status in ("answered", "drafted")


class Plan(BaseModel):
    schema_version: int = SCHEMA_VERSION
    company: str = ""
    language: Literal["ko", "en"] = "en"
    plan_type: Literal["integrated", "marketing", "sales"] = "integrated"
    created: str = Field(default_factory=now_iso)
    updated: str = Field(default_factory=now_iso)
    revision: int = 1  # goes up with every change; shown on the exports' cover as the version
    business_objectives: list[str] = Field(default_factory=list)
    sections: dict[str, Section] = Field(default_factory=dict)
    goals: list[Goal] = Field(default_factory=list)
    personas: list[Persona] = Field(default_factory=list)
    messaging: Messaging = Field(default_factory=Messaging)
    budget: Budget = Field(default_factory=Budget)
    calendar: list[CalendarEntry] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    channels_author: Author = "user"
    team: list[TeamRole] = Field(default_factory=list)
    forecast: Forecast | None = None
    facts: list[Fact] = Field(default_factory=list)  # the fact sheet (read, corrected, from data)
    shelf: DocumentShelf = Field(default_factory=DocumentShelf)  # the user's documents, proposals

    @classmethod
    def new(cls, company: str = "", language: str = "en", plan_type: str = "integrated") -> Plan:
        plan = cls.model_validate(
            {"company": company, "language": language, "plan_type": plan_type}
        )
        plan.sections = {sid: Section(id=sid) for sid in document_order(plan.plan_type)}
        return plan

    def section(self, section_id: str) -> Section:
        if section_id not in self.sections:
            self.sections[section_id] = Section(id=section_id)
        return self.sections[section_id]

    def user_text(self, section_id: str) -> str:
        """What the user wrote for a section: its content, or their own answers when a model
        drafted the section (facts and tables are never read out of model prose)."""
        s = self.sections.get(section_id)
        if s is None:
            return ""
        return "\n".join(a for a in s.answers if a) if s.author == "llm" else s.content

    def title(self, section_id: str) -> str:
        return get_section(section_id).title.get(self.language)

    def fact(self, fact_id: str) -> Fact | None:
        return find_fact(self.facts, fact_id)

    def number(self, fact_id: str) -> float | None:
        """A numeric fact from the fact sheet (the analysis reads nothing else)."""
        return fact_number(self.facts, fact_id)

    def goals_in(self, section_id: str) -> list[Goal]:
        return [g for g in self.goals if g.section == section_id]

    def goal_number(self, goal: Goal) -> int:
        """A goal's one number everywhere (SMART tab, chat, corrections, plan, exports, ask): its
        place among all the plan's goals, marketing and sales together."""
        return next(n for n, g in enumerate(self.goals, 1) if g is goal)

    def progress(self) -> tuple[int, int]:
        """(sections done, sections in the plan)."""
        ids = document_order(self.plan_type)
        return sum(1 for sid in ids if self.section(sid).is_done), len(ids)

    def touch(self) -> None:
        self.updated = now_iso()
        self.revision += 1


_COLUMN_CURRENCY = (("USD", re.compile(r"(?:^|[^a-z])usd(?:$|[^a-z])|\$|dollar", re.I)),
                    ("KRW", re.compile(r"(?:^|[^a-z])krw(?:$|[^a-z])|₩|\(원\)|_원|원$|천원|만원", re.I)),
                    ("EUR", re.compile(r"(?:^|[^a-z])eur(?:$|[^a-z])|€", re.I)),
                    ("JPY", re.compile(r"(?:^|[^a-z])jpy(?:$|[^a-z])|¥", re.I)))  # fmt: skip
_MONEY_COLUMN = re.compile(r"revenue|sales|매출|amount|금액|판매액|bookings|arr|mrr", re.I)


def column_currency(column: str) -> str:
    """The currency a sales-history column names ('revenue_usd', '매출(원)'), else ''."""
    return next((code for code, pattern in _COLUMN_CURRENCY if pattern.search(column)), "")


def forecast_currency(plan: Plan) -> str:
    """The forecast's currency: the one its column names, else the budget's for a revenue-like
    column, else '' (counts such as orders or units)."""
    f = plan.forecast
    if f is None:
        return ""
    return column_currency(f.column) or (
        plan.budget.currency if _MONEY_COLUMN.search(f.column) else ""
    )


def forecast_comparable(plan: Plan) -> bool:
    """Whether the forecast's amounts can be set against the plan's budget and revenue goal
    (same currency, or one side unstated): amounts in different currencies are never mixed."""
    named = column_currency(plan.forecast.column) if plan.forecast else ""
    return not named or not plan.budget.currency or named == plan.budget.currency
