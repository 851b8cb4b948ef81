"""Recording progress and seeing alerts and counts, through the real dialogs."""

from __future__ import annotations

from datetime import date

from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import task_states
from cchc_desktop.register.connection import Register
from ui.progress.dashboard_dialog import DashboardDialog
from ui.progress.progress_panel import ProgressDialog


def _plan_with_task(register: Register) -> tuple[int, int]:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    task_id = services.add_task(register, plan_id, TaskDraft(
        content="Ban hành kế hoạch kiểm soát TTHC", lead_text="Văn phòng",
        timeframe="Quý I/2026"))
    return plan_id, task_id


def test_recording_done_late_through_the_form(qtbot, register: Register) -> None:
    plan_id, task_id = _plan_with_task(register)
    dialog = ProgressDialog(register, task_id, "2026-Q1", today=date(2026, 4, 20))
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    assert dialog.percent.value() == 100 and dialog.has_completed.isChecked()
    assert dialog.completed.date().toString("dd/MM/yyyy") == "14/03/2026"  # Quý I's cut-off
    dialog.completed.setDate(dialog.completed.date().addDays(37))  # 20/4, done after it
    # 20/4 is after Quý I's cut-off (14/3): the form says so before saving
    assert not dialog.cutoff_note.isHidden()
    assert "sau ngày chốt số liệu kỳ Quý I năm 2026 (14/03/2026)" in dialog.cutoff_note.text()
    dialog.result_edit.setPlainText("Đã ban hành Kế hoạch số 15/KH-UBND")
    dialog.evidence_number.setText("15/KH-UBND")
    dialog.reason.setText("Chờ ý kiến góp ý của các phòng")
    assert dialog.save()
    state = task_states(register, plan_id, "2026-Q1", date(2026, 4, 20))[0]
    assert state.status_label == "Đang thực hiện"  # not done by the cut-off
    state = task_states(register, plan_id, "2026-H1", date(2026, 6, 20))[0]
    assert state.status_label == "Hoàn thành trễ hạn"  # completed 20/4, due 31/3
    assert dialog.history.rowCount() == 1
    assert dialog.history.item(0, 1).text() == "Hoàn thành"
    assert dialog.history.item(0, 5).text() == "15/KH-UBND"
    again = ProgressDialog(register, task_id, "2026-Q1", today=date(2026, 4, 20))
    qtbot.addWidget(again)
    assert again.status.currentText() == "Hoàn thành"
    assert again.evidence_number.text() == "15/KH-UBND"
    assert again.history.item(0, 4).text() == "20/04/2026"
    assert again.reason.text() == "Chờ ý kiến góp ý của các phòng"
    again.completed.setDate(again.completed.date().addDays(-40))  # 11/3: before the cut-off
    assert again.cutoff_note.isHidden()


def test_new_form_starts_as_not_started(qtbot, register: Register) -> None:
    _, task_id = _plan_with_task(register)
    dialog = ProgressDialog(register, task_id, "2026-Q1", today=date(2026, 3, 1))
    qtbot.addWidget(dialog)
    assert dialog.percent.maximum() == 100
    entry = dialog.entry()
    assert entry.status == "not_started" and entry.completed_on is None


def test_dashboard_lists_overdue_and_counts(qtbot, register: Register) -> None:
    plan_id, task_id = _plan_with_task(register)
    dialog = DashboardDialog(register, plan_id, today=date(2026, 4, 2), period_code="2026-H1")
    qtbot.addWidget(dialog)
    assert "1 nhiệm vụ quá hạn" in dialog.alert_summary.text()
    assert dialog.alert_table.rowCount() == 1
    assert dialog.alert_table.item(0, 0).text() == ""  # unnumbered task
    assert dialog.alert_table.item(0, 4).text() == "Quá hạn 2 ngày"
    total = dialog.area_table.item(dialog.area_table.rowCount() - 1, 0).text()
    assert total == "Tổng cộng"
    assert ("Chưa có báo cáo", 1) in dialog.status_chart.values  # nothing recorded yet
    assert ("Chưa thực hiện", 0) in dialog.status_chart.values
    assert repository.get_task(register.db, task_id).lead_text == "Văn phòng"


def test_due_soon_window_filters(qtbot, register: Register) -> None:
    plan_id, _ = _plan_with_task(register)
    dialog = DashboardDialog(register, plan_id, today=date(2026, 3, 27), period_code="2026-H1")
    qtbot.addWidget(dialog)
    dialog.window_box.setCurrentIndex(dialog.window_box.findData(7))
    assert dialog.alert_table.rowCount() == 1
    dialog.window_box.setCurrentIndex(dialog.window_box.findData(3))
    assert dialog.alert_table.rowCount() == 0
