"""Progress per period against a temp-file register: recording, carrying forward, lateness."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import (
    ProgressInput,
    area_stats,
    get_narratives,
    record_progress,
    save_narrative,
    task_states,
)
from cchc_desktop.register.connection import Register

TODAY = date(2026, 11, 22)


@pytest.fixture
def plan(register: Register) -> tuple[int, dict[str, int]]:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    tasks = {
        "once": services.add_task(register, plan_id, TaskDraft(content="Ban hành KH",
                                                               timeframe="Quý I/2026")),
        "quarterly": services.add_task(register, plan_id, TaskDraft(content="Báo cáo quý",
                                                                    timeframe="Hằng quý")),
        "ongoing": services.add_task(register, plan_id, TaskDraft(content="Tuyên truyền",
                                                                  timeframe="Thường xuyên")),
    }
    return plan_id, tasks


def _state(register: Register, plan_id: int, task_id: int, period: str, today: date):
    return next(s for s in task_states(register, plan_id, period, today) if s.task.id == task_id)


def test_done_after_due_is_late_whatever_was_typed(register, plan) -> None:
    plan_id, tasks = plan
    record_progress(register, tasks["once"], "2026-H1",
                    ProgressInput("Hoàn thành", completed_on="2026-04-10"), TODAY)
    state = _state(register, plan_id, tasks["once"], "2026-H1", TODAY)
    assert state.status_label == "Hoàn thành trễ hạn"
    assert state.days_late == 10
    assert state.percent == 100


def test_completion_after_the_cutoff_is_not_done_in_that_period(register, plan) -> None:
    plan_id, tasks = plan
    record_progress(register, tasks["once"], "2026-Q1",
                    ProgressInput("Hoàn thành", completed_on="2026-04-02"), TODAY)
    q1 = _state(register, plan_id, tasks["once"], "2026-Q1", date(2026, 3, 14))
    assert q1.status_label == "Đang thực hiện" and not q1.done
    assert q1.after_cutoff == date(2026, 4, 2) and q1.percent is None
    h1 = _state(register, plan_id, tasks["once"], "2026-H1", TODAY)
    assert h1.done and h1.completed_on == date(2026, 4, 2)


def test_no_entry_is_no_report_not_not_started(register, plan) -> None:
    plan_id, tasks = plan
    state = _state(register, plan_id, tasks["once"], "2026-Q1", date(2026, 3, 1))
    assert state.status_label == "Chưa có báo cáo" and not state.reported
    record_progress(register, tasks["once"], "2026-Q1", ProgressInput("Chưa thực hiện"), TODAY)
    state = _state(register, plan_id, tasks["once"], "2026-Q1", date(2026, 3, 1))
    assert state.status_label == "Chưa thực hiện" and state.reported


def test_reason_and_proposal_are_kept_apart_from_the_result(register, plan) -> None:
    plan_id, tasks = plan
    record_progress(register, tasks["once"], "2026-Q1",
                    ProgressInput("in_progress", 40, "Đã có dự thảo", reason="Chờ ý kiến Sở",
                                  proposal="Đề nghị gia hạn"), TODAY)
    state = _state(register, plan_id, tasks["once"], "2026-Q1", TODAY)
    assert (state.result_text, state.reason, state.proposal) == (
        "Đã có dự thảo", "Chờ ý kiến Sở", "Đề nghị gia hạn")


def test_one_off_state_carries_forward_recurring_does_not(register, plan) -> None:
    plan_id, tasks = plan
    record_progress(register, tasks["once"], "2026-Q1", ProgressInput("in_progress", 50), TODAY)
    record_progress(register, tasks["quarterly"], "2026-Q1", ProgressInput("done"), TODAY)
    later = date(2026, 6, 20)
    assert _state(register, plan_id, tasks["once"], "2026-H1", later).percent == 50
    quarterly = _state(register, plan_id, tasks["quarterly"], "2026-H1", later)
    assert quarterly.status_label == "Chưa có báo cáo"  # judged again in each period
    assert quarterly.overdue  # due at the end of the 6-month window (14/6)


def test_open_task_is_overdue_after_due_but_ongoing_work_is_not(register, plan) -> None:
    plan_id, tasks = plan
    on_due = _state(register, plan_id, tasks["once"], "2026-Q1", date(2026, 3, 31))
    after = _state(register, plan_id, tasks["once"], "2026-Q1", date(2026, 4, 1))
    assert not on_due.overdue and after.overdue
    assert not _state(register, plan_id, tasks["ongoing"], "2026-Q1", TODAY).overdue


def test_due_override_wins(register, plan) -> None:
    plan_id, tasks = plan
    services.set_due_override(register, tasks["once"], "2026-05-31")
    state = _state(register, plan_id, tasks["once"], "2026-H1", date(2026, 5, 1))
    assert state.due == date(2026, 5, 31) and not state.overdue


@pytest.mark.parametrize("entry, message", [
    (ProgressInput("xong rồi"), "Trạng thái"),
    (ProgressInput("done", percent=120), "từ 0 đến 100"),
    (ProgressInput("done", completed_on="2027-01-01"), "tương lai"),
    (ProgressInput("done", completed_on="31/02/2026"), "không phải ngày hợp lệ"),
])
def test_bad_progress_is_refused_and_nothing_written(register, plan, entry, message) -> None:
    plan_id, tasks = plan
    with pytest.raises(ValidationError, match=message):
        record_progress(register, tasks["once"], "2026-Q1", entry, TODAY)
    assert register.db.execute("SELECT count(*) FROM progress").fetchone()[0] == 0


def test_area_stats_count_each_status(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    stats = area_stats(task_states(demo_register, plan_id, "2021-Q1", date(2021, 3, 20)))
    total = stats[-1]
    assert total.title == "Tổng cộng" and total.tasks == 53
    # I/3.1 was completed 02/04/2021, after Quý I's cut-off: in progress in Quý I
    assert (total.done, total.done_late, total.in_progress) == (2, 0, 3)
    assert sum(s.tasks for s in stats[:-1]) == 53
    assert stats[0].title == "Công tác chỉ đạo, điều hành"


def test_narratives_are_saved_per_area_and_period(register, plan) -> None:
    plan_id, _ = plan
    save_narrative(register, plan_id, "2026-Q1", "institutions", "Đã rà soát 12 văn bản.")
    expected = {"institutions": "Đã rà soát 12 văn bản."}
    assert get_narratives(register, plan_id, "2026-Q1") == expected
    assert get_narratives(register, plan_id, "2026-H1") == {}


def test_a_unit_carrying_an_earlier_report_is_not_counted_as_unreported(register, plan) -> None:
    from cchc_desktop.progress.dashboard import dashboard_for

    plan_id, _ = plan
    lead = services.add_task(register, plan_id, TaskDraft(content="Rà soát TTHC",
                                                          lead_text="Sở Tư pháp",
                                                          timeframe="Quý IV/2026"))
    record_progress(register, lead, "2026-Q1", ProgressInput("Đang thực hiện", percent=30), TODAY)
    board = dashboard_for(register, plan_id, "2026-H1", TODAY)
    unit = next(u for u in board.units if u.name == "Sở Tư pháp")
    total = board.areas[-1]
    assert (unit.tasks, unit.no_report) == (1, 0)  # its Q1 report carries into 6 tháng
    assert total.no_report == 3 and total.in_progress == 1  # the three tasks nobody reported
