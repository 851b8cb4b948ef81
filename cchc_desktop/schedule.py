"""Timeframe phrases -> due dates and rules; reporting calendar. (Stub: being written.)"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Schedule:
    """What a "Thời gian" phrase means: kind is deadline/range/recurring/condition/unknown."""

    kind: str
    due: date | None = None


def parse_timeframe(text: str, plan_year: int | None = None) -> Schedule:
    """Understand a Vietnamese timeframe phrase (stub)."""
    return Schedule("unknown")
