"""Every structured result the model returns, as a pydantic model that forbids extra keys: a
reply that does not fit is a validation error, retried a capped number of times, then a typed
LLMError (the caller falls back to the offline path)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, FiniteFloat

_STRICT = ConfigDict(extra="forbid")


class PersonaOut(BaseModel):
    model_config = _STRICT
    name: str = Field(min_length=1)
    role: str = ""
    demographics: str = ""
    goals: list[str] = Field(default_factory=list)
    pains: list[str] = Field(default_factory=list)
    objections: list[str] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    buying_triggers: list[str] = Field(default_factory=list)
    quote: str = ""
    summary: str = ""


class BudgetLineOut(BaseModel):
    model_config = _STRICT
    item: str = Field(min_length=1)
    amount: FiniteFloat | None = None
    share: FiniteFloat | None = None
    expected_roi: FiniteFloat | None = None


class CalendarOut(BaseModel):
    model_config = _STRICT
    when: str = Field(min_length=1)
    activity: str = Field(min_length=1)
    channel: str = ""
    owner: str = ""


class TeamRoleOut(BaseModel):
    model_config = _STRICT
    role: str = Field(min_length=1)
    responsibilities: str = ""
    reports_to: str = ""
    headcount: int | None = Field(default=None, ge=0, le=100_000)


class SectionExtraction(BaseModel):
    """Structured fields of one answer; empty lists where the answer gives nothing."""

    model_config = _STRICT
    goals: list[str] = Field(default_factory=list)
    personas: list[PersonaOut] = Field(default_factory=list)
    budget_total: FiniteFloat | None = None
    currency: str = ""
    budget_lines: list[BudgetLineOut] = Field(default_factory=list)
    expected_roi: FiniteFloat | None = None
    calendar: list[CalendarOut] = Field(default_factory=list)
    channels: list[str] = Field(default_factory=list)
    team_roles: list[TeamRoleOut] = Field(default_factory=list)


class FollowUp(BaseModel):
    model_config = _STRICT
    question: str


class Opinion(BaseModel):
    model_config = _STRICT
    ok: bool | None
    reason: str


class SmartOpinion(BaseModel):
    model_config = _STRICT
    specific: Opinion
    achievable: Opinion
    relevant: Opinion
    rewrite: str = ""


class PersonaDrafts(BaseModel):
    model_config = _STRICT
    personas: list[PersonaOut] = Field(min_length=1)


class KeyMessageOut(BaseModel):
    model_config = _STRICT
    persona: str = ""
    message: str = Field(min_length=1)
    proof_points: list[str] = Field(default_factory=list)


class MessagingDraft(BaseModel):
    model_config = _STRICT
    positioning: str = Field(min_length=1)
    value_proposition: str = Field(min_length=1)
    key_messages: list[KeyMessageOut] = Field(default_factory=list)
    call_to_action: str = ""
