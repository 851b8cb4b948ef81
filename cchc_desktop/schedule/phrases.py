"""Timeframe phrases ("Thời gian thực hiện") -> schedule rules with due dates.

parse_timeframe() never guesses: a phrase it cannot read completely is kind "unknown" with no
due date (shown as "Chưa xác định hạn"), and the original text is always kept.

How a phrase is decided:

- The phrase is folded (case, diacritics) and remarks in parentheses are dropped ("Quý I (Kế
  hoạch)"); remarks are read only when the rest is unknown or a condition ("Theo kế hoạch của
  tỉnh (dự kiến quý II/2022)" → 30/06/2022, "Hoàn thành (Quý II/2022)"). It is split into
  parts at line breaks, ";" and "- " bullets; a " - " between two time expressions is a range
  ("Tháng 4 - Tháng 10"), and a line starting in lowercase continues the previous one.
- Each part is a recurrence ("Hằng quý", "Thường xuyên", "Định kỳ theo kế hoạch"), a condition
  ("Sau khi…", "Khi…", "Theo kế hoạch của…"), or time expressions read strictly (only time words,
  connectors and fillers such as "trước", "chậm nhất", "trong" may surround them). When both a
  recurrence and a condition word appear, the earlier one decides. A condition keeps a firm date
  written before it or after a comma ("Theo kế hoạch, chậm nhất quý II/2022" → 30/06/2022; a
  bare year after the comma is not enough). A part with any other words is unknown, and one
  unknown part makes the whole phrase unknown.
- Compounds: any firm date wins the kind. "- Quý I (Kế hoạch) - Báo cáo theo định kỳ" is a
  deadline (due 31/03 of the plan year) that keeps recurrence "periodic". A yearly recurrence
  whose dates name no year of their own recurs: "Quý I hằng năm" and "Hằng năm, trước ngày
  15/12" are recurring (yearly), due on their occurrence in the plan year (31/03, 15/12).
  Several deadlines ("tháng 6/2022 và tháng 11/2022") are all kept in `deadlines`; `due` is
  the last one. A bare year in a recurring part is its scope ("Thường xuyên trong năm 2022":
  recurring, year 2022, no due).
- Periods are due on their last day ("Quý I/2022" → 31/03/2022, "Tháng 2/2024" → 29/02/2024,
  "Năm 2021" → 31/12/2021). "Trước ngày X" is due on X (administrative usage); "trước" a period
  is due the day before it starts ("Trước quý IV/2022" → 30/09/2022).
- Missing years: from another expression of the same part ("Tháng 4 - Tháng 10/2021"; an earlier
  month rolls back a year: "Tháng 11 - Tháng 2/2023" starts 01/11/2022), else from plan_year
  (year_from_plan is set), else the kind is kept with no due and needs_year is set.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from cchc_desktop.schedule.lexicon import (
    RECURRENCE_LABELS,
    YEARLY,
    Marker,
    find_condition,
    find_recurrence,
    remove_marker,
    split_parts,
)
from cchc_desktop.schedule.tokens import TimeScan, scan_times

KIND_DEADLINE = "deadline"
KIND_RANGE = "range"
KIND_RECURRING = "recurring"
KIND_CONDITION = "condition"
KIND_UNKNOWN = "unknown"
SCHEDULE_KINDS = (KIND_DEADLINE, KIND_RANGE, KIND_RECURRING, KIND_CONDITION, KIND_UNKNOWN)

KIND_LABELS: dict[str, str] = {
    KIND_DEADLINE: "Có thời hạn",
    KIND_RANGE: "Trong khoảng thời gian",
    KIND_RECURRING: "Định kỳ, thường xuyên",
    KIND_CONDITION: "Theo điều kiện, sự kiện",
    KIND_UNKNOWN: "Chưa xác định",
}

UNKNOWN_TEXT = "Chưa xác định hạn"
NO_FIXED_DUE_TEXT = "Không có hạn cố định"
NEEDS_YEAR_TEXT = "Chưa xác định hạn (thiếu năm)"
OVERRIDE_NOTE = "điều chỉnh"
# A timeframe is a short phrase; longer text (a pasted paragraph) is not read at all.
MAX_PHRASE_LENGTH = 1000


def format_date(value: date) -> str:
    """Format a date the Vietnamese way (dd/mm/yyyy)."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


def recurrence_label(recurrence: str | None) -> str:
    """Return the Vietnamese label of a recurrence name ("quarterly" → "Hằng quý")."""
    if recurrence is None:
        return ""
    return RECURRENCE_LABELS.get(recurrence, recurrence)


@dataclass(frozen=True)
class Schedule:
    """What a "Thời gian" phrase means: kind is deadline/range/recurring/condition/unknown."""

    kind: str
    due: date | None = None
    start: date | None = None
    recurrence: str | None = None
    text: str = ""
    deadlines: tuple[date, ...] = ()
    year: int | None = None
    year_from_plan: bool = False
    needs_year: bool = False
    due_override: date | None = None

    @property
    def effective_due(self) -> date | None:
        """Return the officer's override if set, else the parsed due date."""
        return self.due_override if self.due_override is not None else self.due

    @property
    def overridden(self) -> bool:
        """Tell whether the officer's due date replaces the parsed one."""
        return self.due_override is not None

    def with_due_override(self, due: date | None) -> Schedule:
        """Return a copy whose due date is overridden by the officer (None clears it)."""
        return replace(self, due_override=due)

    def describe(self) -> str:
        """Describe the schedule in a short Vietnamese phrase for the UI ("Hạn 31/03/2022")."""
        if self.due_override is not None:
            head = f"Hạn {format_date(self.due_override)} ({OVERRIDE_NOTE})"
        elif self.kind == KIND_RECURRING and not self.deadlines:
            head = recurrence_label(self.recurrence)
            return head + (f" (năm {self.year})" if self.year is not None else "")
        elif self.kind == KIND_RECURRING:
            return f"{recurrence_label(self.recurrence)}, hạn {self._describe_dates()[4:]}"
        elif self.kind in (KIND_DEADLINE, KIND_RANGE):
            head = self._describe_dates()
        else:
            return NO_FIXED_DUE_TEXT if self.kind == KIND_CONDITION else UNKNOWN_TEXT
        if self.recurrence is not None:
            label = recurrence_label(self.recurrence)
            head += "; " + label[:1].lower() + label[1:]
        return head

    def _describe_dates(self) -> str:
        """Describe the dates of a deadline or range."""
        if self.kind == KIND_RANGE and self.start is not None:
            if self.due is None:
                return f"Từ {format_date(self.start)}"
            return f"Từ {format_date(self.start)} đến {format_date(self.due)}"
        if not self.deadlines:
            return NEEDS_YEAR_TEXT if self.needs_year else UNKNOWN_TEXT
        return "Hạn " + ", ".join(format_date(d) for d in self.deadlines)

    def to_json(self) -> dict[str, str | None]:
        """Return the `schedule` and `due` fields of the import JSON (parsed, not overridden)."""
        return {"schedule": self.kind, "due": self.due.isoformat() if self.due else None}


def _dated(scan: TimeScan) -> Schedule:
    """Turn the dates read in a part into a deadline or range schedule."""
    kind = KIND_RANGE if scan.ranged else KIND_DEADLINE
    return Schedule(
        kind,
        due=scan.deadlines[-1] if scan.deadlines else None,
        start=scan.start if scan.ranged else None,
        deadlines=scan.deadlines,
        year_from_plan=scan.year_from_plan,
        needs_year=scan.needs_year,
    )


def _recurring_part(
    part: str, recurrence: Marker, condition: Marker | None, plan_year: int | None
) -> Schedule:
    """Read a part led by a recurrence; a firm date in it turns it into a deadline."""
    head = part[: condition.start] if condition is not None else part
    scan = scan_times(remove_marker(head, recurrence), plan_year)
    base = Schedule(KIND_RECURRING, recurrence=recurrence.name)
    if scan is None or not scan.found:
        return base
    if scan.year_only:
        return replace(base, year=scan.scope_year)
    dated = replace(_dated(scan), recurrence=recurrence.name)
    if recurrence.name == YEARLY and (scan.year_from_plan or scan.needs_year):
        # "Quý I hằng năm": the date names no year of its own, so it comes back every year;
        # due is its occurrence in the plan's year
        return replace(dated, kind=KIND_RECURRING)
    return dated


def _conditional_part(part: str, condition: Marker, plan_year: int | None) -> Schedule:
    """Read a part with a condition; a firm date before it or after a comma still counts."""
    before = scan_times(part[: condition.start], plan_year)
    if before is not None and before.found:
        return _dated(before)
    for piece in part[condition.start :].split(",")[1:]:
        scan = scan_times(piece, plan_year)
        if scan is not None and scan.found and not scan.year_only:
            return _dated(scan)
    return Schedule(KIND_CONDITION)


def _read_part(part: str, plan_year: int | None) -> Schedule:
    """Decide what one folded part of a phrase means."""
    recurrence = find_recurrence(part)
    condition = find_condition(part)
    if recurrence is not None and (condition is None or recurrence.start <= condition.start):
        return _recurring_part(part, recurrence, condition, plan_year)
    if condition is not None:
        return _conditional_part(part, condition, plan_year)
    scan = scan_times(part, plan_year)
    if scan is None or not scan.found:
        return Schedule(KIND_UNKNOWN)
    return _dated(scan)


def _combine(parts: list[Schedule]) -> Schedule:
    """Merge the parts of a compound phrase (firm dates win; due is the last deadline)."""
    if not parts or any(p.kind == KIND_UNKNOWN for p in parts):
        return Schedule(KIND_UNKNOWN)
    recurrence = next((p.recurrence for p in parts if p.recurrence), None)
    year = next((p.year for p in parts if p.year is not None), None)
    dated = [p for p in parts if p.kind in (KIND_DEADLINE, KIND_RANGE)]
    if not dated:
        kind = KIND_RECURRING if recurrence else KIND_CONDITION
        every = tuple(sorted({d for p in parts for d in p.deadlines}))
        return Schedule(kind, due=every[-1] if every else None, recurrence=recurrence, year=year,
                        deadlines=every, year_from_plan=any(p.year_from_plan for p in parts))
    deadlines = tuple(sorted({d for p in dated for d in p.deadlines}))
    ranged = all(p.kind == KIND_RANGE for p in dated)
    starts = [p.start for p in dated if p.start is not None]
    return Schedule(
        KIND_RANGE if ranged else KIND_DEADLINE,
        due=deadlines[-1] if deadlines else None,
        start=min(starts) if ranged and starts else None,
        recurrence=recurrence,
        deadlines=deadlines,
        year=year,
        year_from_plan=any(p.year_from_plan for p in dated),
        needs_year=any(p.needs_year for p in dated),
    )


def _parse(text: str, plan_year: int | None, keep_parentheses: bool) -> Schedule:
    """Parse a phrase with or without the remarks in its parentheses."""
    parts = [_read_part(part, plan_year) for part in split_parts(text, keep_parentheses)]
    return _combine(parts)


def parse_timeframe(text: str, plan_year: int | None = None) -> Schedule:
    """Understand a Vietnamese timeframe phrase; unreadable text gives kind "unknown"."""
    if not isinstance(text, str):
        return Schedule(KIND_UNKNOWN, text="")
    return _parse_cached(text, plan_year)


@lru_cache(maxsize=8192)
def _parse_cached(text: str, plan_year: int | None) -> Schedule:
    """Parse a phrase once per (text, year): a plan repeats a few dozen phrases many times."""
    original = text
    if not original.strip() or len(original) > MAX_PHRASE_LENGTH:
        return Schedule(KIND_UNKNOWN, text=original)
    schedule = _parse(original, plan_year, keep_parentheses=False)
    if schedule.kind in (KIND_UNKNOWN, KIND_CONDITION) and any(m in original for m in "()[]"):
        with_remarks = _parse(original, plan_year, keep_parentheses=True)
        if with_remarks.due is not None or schedule.kind == KIND_UNKNOWN:
            schedule = with_remarks
    return replace(schedule, text=original)
