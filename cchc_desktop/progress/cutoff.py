"""The one cut-off date every overdue figure counts to (report, Word copy, Excel, dashboard).

A chosen period counts to its data cut-off (progress.figures.cutoff_for: the end of its data
window, or today while the window is still open); without a period, to the day the officer
picks (today by default).
The documents say which date they used (Cutoff.phrase).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cchc_desktop.progress import figures
from cchc_desktop.progress.entries import TaskState, task_states
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code, period_for_date


@dataclass(frozen=True)
class Cutoff:
    """The day overdue days are counted to, and the period whose progress is read."""

    day: date
    period: ReportingPeriod
    by_period: bool

    @property
    def phrase(self) -> str:
        """Say which date was used ("tính đến ngày 14/6/2021, ngày chốt số liệu kỳ …")."""
        day = f"{self.day.day:02d}/{self.day.month}/{self.day.year}"
        if self.by_period and self.day == self.period.end:
            return (f"tính đến ngày {day} (ngày chốt số liệu kỳ báo cáo "
                    f"{self.period.title[:1].lower()}{self.period.title[1:]})")
        return f"tính đến ngày {day}"


def cutoff_for(period_code: str | None, chosen: date | None = None,
               today: date | None = None) -> Cutoff:
    """Return the cut-off: a period's data cut-off when one is given, else the chosen day."""
    today = today or date.today()
    if period_code:
        return Cutoff(figures.cutoff_for(period_code, chosen or today),
                      parse_period_code(period_code), True)
    day = chosen or today
    return Cutoff(day, period_for_date(day), False)


def states_at(register: Register, plan_id: int, cutoff: Cutoff) -> list[TaskState]:
    """Return every task's state at the cut-off (the same figures wherever they are shown)."""
    return task_states(register, plan_id, cutoff.period.code, cutoff.day)


def overdue_at(register: Register, plan_id: int, cutoff: Cutoff) -> list[TaskState]:
    """Return the tasks overdue at the cut-off, in appendix order."""
    return [state for state in states_at(register, plan_id, cutoff) if state.overdue]
