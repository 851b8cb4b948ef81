"""The window's fast states agree with the report's task_states, task by task."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress, task_states
from cchc_desktop.progress.quick_states import judged_states
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import PERIOD_KINDS


def _plan_id(register: Register) -> int:
    return register.db.execute("SELECT id FROM plans ORDER BY id LIMIT 1").fetchone()[0]


def _full(register: Register, plan_id: int, code: str, today: date) -> dict[int, tuple]:
    return {s.task.id: (s.status, s.status_label, s.due, s.overdue, s.percent, s.done)
            for s in task_states(register, plan_id, code, today)}


def _quick(register: Register, plan_id: int, code: str, today: date) -> dict[int, tuple]:
    return {t: (j.status, j.label, j.due, j.overdue, j.percent, j.done)
            for t, j in judged_states(register, plan_id, code, today).items()}


@pytest.mark.parametrize("kind", PERIOD_KINDS)
@pytest.mark.parametrize("today", [date(2021, 2, 1), date(2021, 7, 20), date(2026, 12, 6)])
def test_every_task_is_judged_as_the_report_judges_it(demo_register: Register, kind: str,
                                                       today: date) -> None:
    plan_id = _plan_id(demo_register)
    code = f"2021-{kind}"
    quick = _quick(demo_register, plan_id, code, today)
    assert quick == _full(demo_register, plan_id, code, today)
    assert list(quick) == list(_full(demo_register, plan_id, code, today))  # appendix order


def test_tasks_sharing_a_timeframe_differ_by_entry_and_own_due_date(register: Register) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="KH 2026", year=2026))
    same = [services.add_task(register, plan_id, TaskDraft(content=f"Việc {n}",
                                                           timeframe="Quý I/2026"))
            for n in range(4)]
    record_progress(register, same[0], "2026-Q1",
                    ProgressInput("Hoàn thành", completed_on="2026-03-10"), date(2026, 3, 12))
    record_progress(register, same[1], "2026-Q1", ProgressInput("Đang thực hiện", percent=40),
                    date(2026, 3, 12))
    services.set_due_override(register, same[2], "2026-12-31")
    today = date(2026, 6, 1)
    quick = _quick(register, plan_id, "2026-H1", today)
    assert quick == _full(register, plan_id, "2026-H1", today)
    labels = [quick[t][1] for t in same]
    assert labels == ["Hoàn thành", "Đang thực hiện", "Chưa có báo cáo", "Chưa có báo cáo"]
    assert [quick[t][3] for t in same] == [False, True, False, True]  # own due date not passed
