"""Figures of a 6-month, 9-month or annual report built from the periods recorded inside it.

Officers record one-stop figures (and typed target actuals) for the period they report: often
Quý I, 6 tháng and Quý III, seldom 9 tháng or Năm. A longer period's figures are then the
recorded periods that tile its data window from its first day: the longest recorded period
starting there, then the longest starting the day after it ended, and so on (9 tháng = 6 tháng
+ Quý III; 6 tháng recorded beats Quý I). Flows (dossiers received, resolved, apologies) are
summed; stocks are not: "tồn kỳ trước" is the first piece's, "đang giải quyết" the last's.
When the pieces stop short of the window's end the result says up to which day it covers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta

from cchc_desktop.inspections.one_stop import OneStopFigures, UnitFigures, figures_for_period
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import (
    PERIOD_KINDS,
    ReportingPeriod,
    make_period,
    parse_period_code,
)

STOCK_FIRST = ("carried_over",)
STOCK_LAST = ("pending_on_time", "pending_overdue")


@dataclass
class Combined:
    """A period's one-stop total with the recorded periods it was built from."""

    period: ReportingPeriod
    figures: OneStopFigures
    pieces: list[ReportingPeriod]
    covered_to: date
    units: list[UnitFigures] = field(default_factory=list)
    short_units: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        """Tell whether the pieces cover the whole data window."""
        return self.covered_to >= self.period.end

    @property
    def own(self) -> bool:
        """Tell whether the figures are the period's own (recorded for it)."""
        return [p.code for p in self.pieces] == [self.period.code]


def tile(period: ReportingPeriod, recorded: Iterable[ReportingPeriod]) -> list[ReportingPeriod]:
    """Return the recorded periods that tile the period's window from its first day."""
    inside = [p for p in recorded if period.start <= p.start and p.end <= period.end]
    pieces: list[ReportingPeriod] = []
    cursor = period.start
    while True:
        starting = [p for p in inside if p.start == cursor]
        if not starting:
            return pieces
        best = max(starting, key=lambda p: p.end)
        pieces.append(best)
        cursor = best.end + timedelta(days=1)


def join(parts: list[OneStopFigures]) -> OneStopFigures:
    """Join consecutive periods' figures: flows summed, opening and closing stocks kept."""
    total = OneStopFigures()
    for part in parts:
        total = total.add(part)
    stocks = {name: getattr(parts[0], name) for name in STOCK_FIRST}
    stocks.update({name: getattr(parts[-1], name) for name in STOCK_LAST})
    return replace(total, **stocks) if parts else total


def _recorded(register: Register, year: int) -> dict[str, dict[int, UnitFigures]]:
    """Return the figures recorded in a year's periods: code → unit id → figures."""
    found: dict[str, dict[int, UnitFigures]] = {}
    for kind in PERIOD_KINDS:
        code = make_period(year, kind).code
        units = figures_for_period(register, code)
        if units:
            found[code] = {u.unit_id: u for u in units}
    return found


def combined_total(register: Register, period_code: str) -> Combined | None:
    """Return the one-stop total of a period from the periods recorded inside it (or None)."""
    period = parse_period_code(period_code)
    recorded = _recorded(register, period.year)
    unit_ids = sorted({uid for units in recorded.values() for uid in units})
    parts: list[UnitFigures] = []
    used: dict[str, ReportingPeriod] = {}
    short: list[str] = []
    ends: list[date] = []
    for unit_id in unit_ids:
        mine = [parse_period_code(code) for code, units in recorded.items() if unit_id in units]
        pieces = tile(period, mine)
        if not pieces:
            continue
        figures = join([recorded[p.code][unit_id].figures for p in pieces])
        first = recorded[pieces[0].code][unit_id]
        parts.append(UnitFigures(unit_id, first.unit_name, period.code, figures))
        used.update({p.code: p for p in pieces})
        ends.append(pieces[-1].end)
        if pieces[-1].end < period.end:
            short.append(first.unit_name)
    if not parts:
        return None
    total = OneStopFigures()
    for part in parts:
        total = total.add(part.figures)
    ordered = sorted(used.values(), key=lambda p: (p.start, p.end))
    return Combined(period, total, ordered, min(ends), parts, short)


def field_names() -> list[str]:
    """Return the count fields of the figures (for tests and exports)."""
    return [f.name for f in fields(OneStopFigures)]
