"""Tasks' states in a reporting period for the table: which period, and the states themselves.

States come from cchc_desktop.progress.task_states; the window computes them in a worker thread
(ui/ops.py) and keeps only what the table shows (status, due date, overdue, percent).
"""

from __future__ import annotations

import contextlib
import ctypes
from datetime import date

from cchc_desktop.progress import dashboard
from cchc_desktop.progress.dashboard import default_period_code
from cchc_desktop.progress.figures import cutoff_for
from cchc_desktop.progress.quick_states import judged_states
from cchc_desktop.register.connection import Register
from ui.register.task_table_model import TaskStatus


def default_period(plan_year: int | None, today: date) -> str:
    """Return the period to show: today's, or the plan year's annual report for a past plan."""
    return default_period_code(plan_year, today)


def period_choices(plan_year: int | None, today: date) -> list[tuple[str, str]]:
    """Return (code, title) of the periods worth offering: the plan's year and this year."""
    return dashboard.period_choices(plan_year, today)


def compute_states(register: Register, plan_id: int, period_code: str,
                   today: date) -> dict[int, TaskStatus]:
    """Return every task's state in the period as of its cut-off day (figures.cutoff_for:
    today, or the end of a past period), run in a worker thread for big plans.

    States come from progress.quick_states (judged like the report's task_states, each distinct
    timeframe of the unreported tasks once); tasks in the same state share one TaskStatus and
    freed memory is handed back to the system, so a 100,000-task plan costs a few MB. Never
    gc.collect() here: a collection in a worker thread may finalize a closed dialog on the
    wrong thread (ui/shell/collector.py).
    """
    judged = judged_states(register, plan_id, period_code, cutoff_for(period_code, today))
    shown: dict[int, TaskStatus] = {}  # id of a shared Judged -> its TaskStatus
    states = {}
    for task_id, state in judged.items():
        status = shown.get(id(state))
        if status is None:
            status = shown[id(state)] = TaskStatus(state.status, state.label, state.due,
                                                   state.overdue, state.percent, state.done)
        states[task_id] = status
    del judged
    _trim_heap()
    return states


def _trim_heap() -> None:
    """Return freed memory to the system (glibc only; elsewhere nothing to do)."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)
