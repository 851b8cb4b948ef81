"""The báo cáo kỳ's data check agrees with its figures: entries carried forward from earlier
periods count as data (as in the table); the check says the figures come from them, blocks
(draft only) when fewer than half the tasks have data, and only notes it otherwise."""

from __future__ import annotations

from datetime import date

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.progress.states import NO_REPORT
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.checks import PeriodData, period_data_checks
from cchc_desktop.reports.period import collect_period

TODAY = date(2026, 12, 6)


def test_the_annual_report_of_the_demo_plan_rests_on_earlier_entries(
        demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register) or 0
    data = collect_period(demo_register, plan_id, "2021", TODAY)
    states = data.report.facts.states
    with_data = sum(1 for s in states if s.status != NO_REPORT)
    total = data.stats[-1]
    assert total.done + total.done_late > 0 and with_data > 0  # the figures the preview prints
    assert [p.code for p in data.problems] == ["most_tasks_unreported"]  # draft only
    message = data.problems[0].message
    assert f"Mới có {with_data}/{len(states)} nhiệm vụ" in message
    assert "Kỳ năm 2021 chưa có báo cáo riêng; số liệu lấy từ các kỳ trước (quý I năm 2021" \
        in message
    assert "chưa có số liệu tiến độ nào" not in message


def _plan(register: Register) -> list[int]:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    return [services.add_task(register, plan_id, TaskDraft(content=f"Nhiệm vụ {n}",
                                                           timeframe="Quý II/2026"))
            for n in range(3)]


def test_carried_entries_for_most_tasks_make_a_note_not_a_refusal(register: Register) -> None:
    tasks = _plan(register)
    for task_id in tasks[:2]:
        record_progress(register, task_id, "2026-Q1", ProgressInput("in_progress", 30), TODAY)
    plan_id = services.current_plan_id(register) or 0
    data = collect_period(register, plan_id, "2026", TODAY)
    assert data.problems == []
    assert data.notes == ["Kỳ năm 2026 chưa có báo cáo riêng; số liệu lấy từ các kỳ trước "
                          "(quý I năm 2026)."]
    record_progress(register, tasks[0], "2026", ProgressInput("done", 100), TODAY)
    data = collect_period(register, plan_id, "2026", TODAY)
    assert data.notes == ["1 nhiệm vụ chưa có báo cáo riêng của kỳ năm 2026; số liệu của các "
                          "nhiệm vụ này lấy từ các kỳ trước (quý I năm 2026)."]
    record_progress(register, tasks[1], "2026", ProgressInput("done", 100), TODAY)
    assert collect_period(register, plan_id, "2026", TODAY).notes == []


def test_no_data_at_all_is_refused() -> None:
    problems, notes = period_data_checks(PeriodData("năm 2026", "2026", 3, 0, 0))
    assert [p.code for p in problems] == ["period_without_data"] and notes == []
