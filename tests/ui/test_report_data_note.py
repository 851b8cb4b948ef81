"""Báo cáo → Báo cáo kỳ năm when the year has no entries of its own but earlier periods do: the
window says the figures come from earlier periods (a note above the preview) instead of
claiming there is no data while the preview prints those figures."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import Register
from ui.reports.report_dialog import ReportDialog

TODAY = date(2026, 12, 6)


def test_annual_report_from_carried_entries_is_noted_not_refused(
        qtbot: Any, register: Register) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    for n in range(3):
        task_id = services.add_task(register, plan_id, TaskDraft(
            content=f"Nhiệm vụ {n}", timeframe="Quý II/2026"))
        if n < 2:
            record_progress(register, task_id, "2026-H1", ProgressInput("done", 100,
                            completed_on="2026-05-20"), TODAY)
    dialog = ReportDialog(register, plan_id, today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20000)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("period"))
    if dialog.period_code() != "2026":
        with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
            dialog.period_box.setCurrentIndex(dialog.period_box.findData("2026"))
    assert not dialog.data_note.isHidden()
    assert dialog.data_note.text() == ("Lưu ý — Kỳ năm 2026 chưa có báo cáo riêng; số liệu lấy "
                                       "từ các kỳ trước (6 tháng đầu năm 2026).")
    codes = [item.code for item in dialog.missing_panel.items]
    assert "period_without_data" not in codes and "most_tasks_unreported" not in codes
