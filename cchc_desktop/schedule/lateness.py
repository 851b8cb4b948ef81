"""Progress rules: statuses, lateness, overdue and due-soon alerts. Pure; "today" is an argument.

Late is computed, not typed: a task marked done (Hoàn thành or Hoàn thành trễ hạn) is
"Hoàn thành trễ hạn" exactly when its completion date is after the due date, and "Hoàn thành"
when it is on or before it; without a completion date the officer's choice stands. An open task
(Chưa thực hiện, Đang thực hiện) is overdue from the day after its due date; on the due date it
is due soon, not overdue. Không thực hiện and Chuyển kỳ sau are closed and never overdue. A due
date override (set by the officer) always wins over the parsed due date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from cchc_desktop.errors import ValidationError
from cchc_desktop.schedule.periods import ReportingPeriod
from cchc_desktop.schedule.phrases import KIND_RECURRING, Schedule
from cchc_desktop.text.folding import fold

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
DONE_LATE = "done_late"
NOT_DONE = "not_done"
DEFERRED = "deferred"
STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, DONE_LATE, NOT_DONE, DEFERRED)
STATUS_LABELS: dict[str, str] = {
    NOT_STARTED: "Chưa thực hiện",
    IN_PROGRESS: "Đang thực hiện",
    DONE: "Hoàn thành",
    DONE_LATE: "Hoàn thành trễ hạn",
    NOT_DONE: "Không thực hiện",
    DEFERRED: "Chuyển kỳ sau",
}
OPEN_STATUSES = frozenset({NOT_STARTED, IN_PROGRESS})
DONE_STATUSES = frozenset({DONE, DONE_LATE})
ALERT_DAYS = (7, 3, 1)
OVERDUE_LABEL = "Quá hạn"
DUE_SOON_LABEL = "Sắp đến hạn"

_BY_FOLDED = {fold(label): code for code, label in STATUS_LABELS.items()}
_BY_FOLDED.update({code: code for code in STATUSES})


class StatusError(ValidationError, ValueError):
    """A status that is not one of the six (the message is Vietnamese)."""


@lru_cache(maxsize=256)
def parse_status(text: str) -> str:
    """Return the status code of a code or Vietnamese label ("Hoàn thành", "hoan thanh")."""
    folded = fold(text)
    code = _BY_FOLDED.get(folded) or _BY_FOLDED.get(folded.replace(" ", "_"))
    if code is None:
        choices = ", ".join(STATUS_LABELS.values())
        raise StatusError(f"Trạng thái “{text}” không hợp lệ; chọn một trong: {choices}.")
    return code


def status_label(status: str) -> str:
    """Return the Vietnamese label of a status code or label."""
    return STATUS_LABELS[parse_status(status)]


def resolve_due(due: date | None, due_override: date | None = None) -> date | None:
    """Return the due date that counts: the officer's override wins over the parsed date."""
    return due_override if due_override is not None else due


def days_until_due(due: date | None, today: date, due_override: date | None = None) -> int | None:
    """Return days from today to the due date (0 on the day, negative when past), or None."""
    effective = resolve_due(due, due_override)
    return None if effective is None else (effective - today).days


def is_overdue(
    status: str, due: date | None, today: date, due_override: date | None = None
) -> bool:
    """Tell whether an open task is past its due date (the due day itself is not overdue)."""
    left = days_until_due(due, today, due_override)
    return parse_status(status) in OPEN_STATUSES and left is not None and left < 0


def due_soon(
    status: str,
    due: date | None,
    today: date,
    within_days: int = ALERT_DAYS[0],
    due_override: date | None = None,
) -> bool:
    """Tell whether an open task is due today or within the next within_days days."""
    if within_days < 0:
        raise ValueError(f"Số ngày cảnh báo {within_days} không hợp lệ (phải ≥ 0).")
    left = days_until_due(due, today, due_override)
    return parse_status(status) in OPEN_STATUSES and left is not None and 0 <= left <= within_days


def alert_window(
    status: str,
    due: date | None,
    today: date,
    due_override: date | None = None,
    windows: tuple[int, ...] = ALERT_DAYS,
) -> int | None:
    """Return the tightest alert window (1, 3 or 7 days) an open task falls in, or None."""
    left = days_until_due(due, today, due_override)
    if parse_status(status) not in OPEN_STATUSES or left is None or left < 0:
        return None
    fitting = [days for days in windows if left <= days]
    return min(fitting) if fitting else None


@dataclass(frozen=True)
class EffectiveStatus:
    """The status to show: typed status corrected for lateness, plus the overdue flag."""

    status: str
    overdue: bool
    due: date | None
    overridden: bool = False
    days_late: int = 0

    @property
    def label(self) -> str:
        """Return the Vietnamese status label ("Hoàn thành trễ hạn")."""
        return STATUS_LABELS[self.status]

    def describe(self) -> str:
        """Describe the status for a table cell ("Đang thực hiện (quá hạn 3 ngày)")."""
        if self.overdue:
            return f"{self.label} (quá hạn {self.days_late} ngày)"
        if self.status == DONE_LATE and self.days_late > 0:
            return f"{self.label} ({self.days_late} ngày)"
        return self.label


def effective_status(
    status: str,
    due: date | None,
    completed_on: date | None,
    today: date,
    due_override: date | None = None,
) -> EffectiveStatus:
    """Compute the status to show: late completion and overdue come from dates, not typing."""
    code = parse_status(status)
    effective = resolve_due(due, due_override)
    overridden = due_override is not None
    if code in DONE_STATUSES and completed_on is not None and effective is not None:
        late = (completed_on - effective).days
        code = DONE_LATE if late > 0 else DONE
        return EffectiveStatus(code, False, effective, overridden, max(late, 0))
    if code in OPEN_STATUSES and effective is not None and today > effective:
        return EffectiveStatus(code, True, effective, overridden, (today - effective).days)
    return EffectiveStatus(code, False, effective, overridden)


def due_for_period(
    schedule: Schedule, period: ReportingPeriod, due_override: date | None = None
) -> date | None:
    """Return the due date of a task's entry in a period (recurring: the window's last day).

    One-off tasks keep their own due date in every period (their state carries forward); a
    recurring task is due again in each period, by the end of that period's data window.
    """
    if due_override is not None:
        return due_override
    if schedule.due_override is not None:
        return schedule.due_override
    if schedule.kind == KIND_RECURRING:
        return period.end
    return schedule.due
