"""Reporting calendar: periods (Quý I, 6 tháng, Quý III, 9 tháng, Năm), data windows, due dates.

Defaults follow Bộ Nội vụ 581/BNV-CCHC: data windows Quý I 15/12 (previous year) → 14/3,
6 tháng 15/12 → 14/6, Quý III 15/6 → 14/9, 9 tháng 15/12 → 14/9, Năm 15/12 → 14/12; the report
is due on the 20th of the period's last month. Agencies add internal cut-offs (units → office,
office → leaders); the defaults (8 and 4 days before the due date: 12/3 and 16/3 for Quý I) are
the example in DESIGN.md. Every date is a CalendarSettings field.

Windows overlap (6 tháng contains Quý I), so period_for_date() picks the window that closes
first, and on a tie the kind listed first (Quý III before 9 tháng).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypeAlias

from cchc_desktop.errors import ValidationError

Q1 = "Q1"
H1 = "H1"
Q3 = "Q3"
M9 = "9M"
YEAR = "Y"
PERIOD_KINDS = (Q1, H1, Q3, M9, YEAR)
PERIOD_LABELS: dict[str, str] = {
    Q1: "Quý I",
    H1: "6 tháng",
    Q3: "Quý III",
    M9: "9 tháng",
    YEAR: "Năm",
}
LAST_MONTHS: dict[str, int] = {Q1: 3, H1: 6, Q3: 9, M9: 9, YEAR: 12}
MIN_YEAR = 1900
MAX_YEAR = 2999

_CODE_RE = re.compile(r"^\s*([0-9]{4})\s*(?:-\s*(Q1|H1|Q3|9M|Y)\s*)?$", re.IGNORECASE)
_CODE_HELP = "dùng dạng 2026-Q1, 2026-H1, 2026-Q3, 2026-9M hoặc 2026"


class PeriodError(ValidationError, ValueError):
    """A period code or calendar setting is not valid (the message is Vietnamese)."""


@dataclass(frozen=True)
class DayMonth:
    """A day of a month in the period's year, or the year before (-1) or after (+1)."""

    day: int
    month: int
    year_offset: int = 0

    def on(self, year: int) -> date:
        """Return this day in the given period year (31 clamps to the month's last day)."""
        actual_year = year + self.year_offset
        last_day = calendar.monthrange(actual_year, self.month)[1]
        return date(actual_year, self.month, min(self.day, last_day))

    def check(self, what: str) -> None:
        """Raise PeriodError unless this is a possible day of a month."""
        if not (1 <= self.month <= 12 and 1 <= self.day <= 31 and -1 <= self.year_offset <= 1):
            raise PeriodError(f"Ngày {self.day}/{self.month} của {what} không hợp lệ.")


# A cut-off is a number of days relative to the period's due date (-8: eight days before) or a
# fixed day of the period's year.
CutOff: TypeAlias = int | DayMonth

DEFAULT_WINDOWS: dict[str, tuple[DayMonth, DayMonth]] = {
    Q1: (DayMonth(15, 12, -1), DayMonth(14, 3)),
    H1: (DayMonth(15, 12, -1), DayMonth(14, 6)),
    Q3: (DayMonth(15, 6), DayMonth(14, 9)),
    M9: (DayMonth(15, 12, -1), DayMonth(14, 9)),
    YEAR: (DayMonth(15, 12, -1), DayMonth(14, 12)),
}


def _default_windows() -> dict[str, tuple[DayMonth, DayMonth]]:
    """Return a fresh copy of the 581/BNV-CCHC data windows."""
    return dict(DEFAULT_WINDOWS)


@dataclass(frozen=True)
class CalendarSettings:
    """An agency's reporting calendar; every field has the 581/BNV-CCHC default."""

    windows: Mapping[str, tuple[DayMonth, DayMonth]] = field(default_factory=_default_windows)
    due_day: int = 20
    due_dates: Mapping[str, DayMonth] = field(default_factory=dict)
    units_cutoff: CutOff | Mapping[str, CutOff] | None = -8
    office_cutoff: CutOff | Mapping[str, CutOff] | None = -4
    kinds: tuple[str, ...] = PERIOD_KINDS

    def __post_init__(self) -> None:
        """Refuse settings that cannot produce a calendar."""
        if not 1 <= self.due_day <= 31:
            raise PeriodError(f"Ngày hạn báo cáo {self.due_day} không hợp lệ (1–31).")
        for kind in self.kinds:
            if kind not in PERIOD_KINDS or kind not in self.windows:
                raise PeriodError(f"Kỳ báo cáo “{kind}” không có khoảng số liệu.")
        for kind, (start, end) in self.windows.items():
            label = PERIOD_LABELS.get(kind, kind)
            start.check(f"đầu kỳ {label}")
            end.check(f"cuối kỳ {label}")
            if (start.year_offset, start.month, start.day) > (end.year_offset, end.month, end.day):
                raise PeriodError(f"Kỳ {label}: ngày bắt đầu sau ngày kết thúc.")
        for kind, due in self.due_dates.items():
            due.check(f"hạn báo cáo {PERIOD_LABELS.get(kind, kind)}")


DEFAULT_SETTINGS = CalendarSettings()


@dataclass(frozen=True)
class ReportingPeriod:
    """One report: data window start..end (inclusive), due date, label ("Quý I")."""

    year: int
    kind: str
    start: date
    end: date
    due: date
    label: str
    units_cutoff: date | None = None
    office_cutoff: date | None = None

    @property
    def code(self) -> str:
        """Return the period code used on the command line ("2026-Q1", "2026" for the year)."""
        return str(self.year) if self.kind == YEAR else f"{self.year}-{self.kind}"

    @property
    def title(self) -> str:
        """Return the label with its year ("Quý I năm 2026", "Năm 2026")."""
        return f"Năm {self.year}" if self.kind == YEAR else f"{self.label} năm {self.year}"

    def contains(self, day: date) -> bool:
        """Tell whether a day falls inside the data window."""
        return self.start <= day <= self.end


def _cutoff(
    setting: CutOff | Mapping[str, CutOff] | None, kind: str, year: int, due: date
) -> date | None:
    """Resolve an internal cut-off setting for one period."""
    if isinstance(setting, Mapping):
        setting = setting.get(kind)
    if setting is None:
        return None
    if isinstance(setting, DayMonth):
        return setting.on(year)
    return due + timedelta(days=setting)


def _check_year(year: int) -> None:
    """Raise PeriodError for years the calendar does not handle."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise PeriodError(f"Năm {year} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}.")


def make_period(year: int, kind: str, settings: CalendarSettings | None = None) -> ReportingPeriod:
    """Build the reporting period of a kind (Q1, H1, Q3, 9M, Y) in a year."""
    settings = settings or DEFAULT_SETTINGS
    _check_year(year)
    if kind not in PERIOD_KINDS or kind not in settings.windows:
        raise PeriodError(f"Kỳ báo cáo “{kind}” không hợp lệ; {_CODE_HELP}.")
    start, end = settings.windows[kind]
    due_setting = settings.due_dates.get(kind, DayMonth(settings.due_day, LAST_MONTHS[kind]))
    due = due_setting.on(year)
    return ReportingPeriod(
        year=year,
        kind=kind,
        start=start.on(year),
        end=end.on(year),
        due=due,
        label=PERIOD_LABELS[kind],
        units_cutoff=_cutoff(settings.units_cutoff, kind, year, due),
        office_cutoff=_cutoff(settings.office_cutoff, kind, year, due),
    )


def parse_period_code(code: str, settings: CalendarSettings | None = None) -> ReportingPeriod:
    """Read "2026-Q1", "2026-H1", "2026-Q3", "2026-9M" or "2026" (the year report)."""
    match = _CODE_RE.match(code or "")
    if match is None:
        raise PeriodError(f"Mã kỳ báo cáo “{code}” không hợp lệ; {_CODE_HELP}.")
    return make_period(int(match[1]), (match[2] or YEAR).upper(), settings)


def periods_of_year(year: int, settings: CalendarSettings | None = None) -> list[ReportingPeriod]:
    """List the agency's reporting periods of a year in calendar order."""
    settings = settings or DEFAULT_SETTINGS
    return [make_period(year, kind, settings) for kind in settings.kinds]


def periods_containing(
    day: date, settings: CalendarSettings | None = None
) -> list[ReportingPeriod]:
    """List every period whose data window contains the day, the first to close first."""
    settings = settings or DEFAULT_SETTINGS
    found = [
        period
        for year in (day.year - 1, day.year, day.year + 1)
        if MIN_YEAR <= year <= MAX_YEAR
        for period in periods_of_year(year, settings)
        if period.contains(day)
    ]
    return sorted(found, key=lambda p: _order(p, settings))


def period_for_date(day: date, settings: CalendarSettings | None = None) -> ReportingPeriod:
    """Return the period a day's data belongs to: the containing window that closes first."""
    found = periods_containing(day, settings)
    if not found:
        raise PeriodError(f"Ngày {day:%d/%m/%Y} không thuộc kỳ báo cáo nào.")
    return found[0]


def _order(period: ReportingPeriod, settings: CalendarSettings) -> tuple[date, int]:
    """Sort key of periods: the window that closes first, then the agency's kind order."""
    kinds = settings.kinds
    return period.end, kinds.index(period.kind) if period.kind in kinds else len(kinds)


def _in_order(settings: CalendarSettings, years: tuple[int, int]) -> list[ReportingPeriod]:
    """List the agency's periods of the given years in calendar order."""
    found = [p for year in years for p in periods_of_year(year, settings)]
    return sorted(found, key=lambda p: _order(p, settings))


def next_period(
    period: ReportingPeriod, settings: CalendarSettings | None = None
) -> ReportingPeriod:
    """Return the agency's period after a period (the next year's first after Năm)."""
    settings = settings or DEFAULT_SETTINGS
    key = _order(period, settings)
    following = _in_order(settings, (period.year, period.year + 1))
    return next(p for p in following if _order(p, settings) > key)


def previous_period(
    period: ReportingPeriod, settings: CalendarSettings | None = None
) -> ReportingPeriod:
    """Return the agency's period before a period (the previous year's Năm before Quý I)."""
    settings = settings or DEFAULT_SETTINGS
    key = _order(period, settings)
    preceding = _in_order(settings, (period.year - 1, period.year))
    return next(p for p in reversed(preceding) if _order(p, settings) < key)
