"""Every task's state in a period, judged fast enough for a 100,000-task register window.

The same judgement as progress.states.task_states (one function, states.judge, decides), but
it reads only what the judgement needs (timeframe, own due date, entries) and judges each
distinct (timeframe, own due date) of the tasks nobody reported on once: a plan has a few
dozen distinct timeframes and most tasks have no entry, so 100,000 tasks cost a few thousand
judgements, and tasks in the same state share one Judged record.
"""

from __future__ import annotations

from datetime import date

from cchc_desktop.plans.repository import get_plan
from cchc_desktop.progress.states import Judged, entries_by_task, judge, pick_entry
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.schedule.phrases import KIND_RECURRING, parse_timeframe

_TASKS_SQL = ("SELECT id, timeframe, due_override FROM tasks WHERE plan_id = ? "
              "ORDER BY position, id")


def judged_states(register: Register, plan_id: int, period_code: str,
                  today: date) -> dict[int, Judged]:
    """Return task id -> its state in the period as of `today`, in appendix order."""
    period = parse_period_code(period_code)
    year = get_plan(register.db, plan_id).year
    entries = entries_by_task(register, plan_id, period)
    unreported: dict[tuple[str, str | None], Judged] = {}
    shared: dict[Judged, Judged] = {}
    states: dict[int, Judged] = {}
    for task_id, timeframe, due_override in register.db.execute(_TASKS_SQL, [plan_id]):
        own = entries.get(task_id)
        if own is None:
            key = (timeframe, due_override)
            judged = unreported.get(key)
            if judged is None:
                judged = unreported[key] = judge(timeframe, due_override, year, period, None,
                                                 today)
        else:
            recurring = parse_timeframe(timeframe, year).kind == KIND_RECURRING
            entry, _ = pick_entry(own, period, recurring)
            judged = judge(timeframe, due_override, year, period, entry, today)
        states[task_id] = shared.setdefault(judged, judged)
    return states
