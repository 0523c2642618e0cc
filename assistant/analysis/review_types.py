"""A review finding: what is wrong, where, and how to fix it."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Severity = Literal["error", "warning", "tip"]


class Finding(BaseModel):
    severity: Severity
    sections: list[str]
    message: str
    fix: str
