"""Ghi tiến độ (Ctrl+R) in a period where the task has no entry of its own: the form starts from
the entry the table shows (carried forward, and says so), Lưu without changes keeps the state,
and the save is one undo step on the window's stack."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from cchc_desktop.plans import repository
from cchc_desktop.progress.entries import task_history, task_states
from cchc_desktop.progress.evidence import evidence_files
from cchc_desktop.register.connection import Register
from tests.ui.windows import opened_window
from ui.progress.progress_panel import ProgressDialog
from ui.register.task_table_model import COL_STATUS
from ui.shell.main_window import MainWindow

TODAY = date(2026, 12, 6)  # the reviewer's day: a 2021 plan looked at years later


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with opened_window(qtbot, demo_register, tmp_path, TODAY) as opened:
        yield opened


def _status_shown(window: MainWindow, task_id: int) -> str:
    row = window.model.row_keys().index(task_id)
    return str(window.model.data(window.model.index(row, COL_STATUS)))


def _settled(qtbot: Any, window: MainWindow, code: str) -> None:
    qtbot.waitUntil(lambda: window.states_period == code and not window._states_running
                    and not window._states_timer.isActive(), timeout=15000)


def test_ctrl_r_starts_from_the_carried_entry_and_saving_is_one_undo_step(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    register = window.register
    plan_id = window.plan_id or 0
    task = next(t for t in repository.list_tasks(register.db, plan_id) if t.number == "3.1")
    box = window.filter_bar.period
    box.setCurrentIndex(box.findData("2021-9M"))
    _settled(qtbot, window, "2021-9M")
    shown = _status_shown(window, task.id)
    assert shown == "Hoàn thành trễ hạn"  # Quý I's entry (done 02/04, due 31/03) carried
    window.table.select_key(task.id)
    files = []
    for name in ("bien-ban.pdf", "quyet-dinh.docx"):
        (tmp_path / name).write_bytes(b"%PDF-1.4" if name.endswith("pdf") else b"PK")
        files.append(str(tmp_path / name))
    seen: dict[str, Any] = {}

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ProgressDialog):
            QTimer.singleShot(10, fill)
            return
        seen.update(title=dialog.windowTitle(), status=dialog.status.currentText(),
                    percent=dialog.percent.value(), done=dialog.has_completed.isChecked(),
                    day=dialog.completed.date().toString("dd/MM/yyyy"),
                    note=dialog.source_note.text(), note_shown=not dialog.source_note.isHidden(),
                    result=dialog.result_edit.toPlainText())
        dialog.evidence.add_paths(files)
        buttons = dialog.findChild(QDialogButtonBox)
        qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)  # Lưu, nothing else changed

    QTimer.singleShot(0, fill)
    action = window.actions_by_name["progress"]
    assert action.shortcut().toString() == "Ctrl+R"
    action.trigger()  # as Ctrl+R does (a key press would leave Ctrl held across the modal form)
    assert seen["title"] == "Tiến độ nhiệm vụ 3.1 — 9 tháng năm 2021"
    assert (seen["status"], seen["percent"], seen["done"], seen["day"]) == (
        "Hoàn thành trễ hạn", 100, True, "02/04/2021")
    assert seen["result"]  # the unit's words come along
    assert seen["note_shown"] and "từ kỳ trước (Quý I năm 2021)" in seen["note"]
    state = next(s for s in task_states(register, plan_id, "2021-9M", TODAY)
                 if s.task.id == task.id)
    assert (state.status_label, state.percent, state.reported) == (
        "Hoàn thành trễ hạn", 100, True)  # saved without changes: the same state, now its own
    assert len(evidence_files(register, task.id, "2021-9M")) == 2
    _settled(qtbot, window, "2021-9M")
    assert _status_shown(window, task.id) == "Hoàn thành trễ hạn"
    assert window.undo_stack.undoText() == "Ghi tiến độ nhiệm vụ 3.1"
    window.activateWindow()  # the form has closed: keys go to the window again
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.ops.errors == [], window.undo_stack.index()
    assert [e.period_code for e in task_history(register, task.id)] == ["2021-Q1"]
    assert evidence_files(register, task.id, "2021-9M") == []
    qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(window.table, Qt.Key.Key_Control)  # let go of Ctrl (QTest leaves it held)
    assert [e.period_code for e in task_history(register, task.id)] == ["2021-9M", "2021-Q1"]
    assert len(evidence_files(register, task.id, "2021-9M")) == 2
    _settled(qtbot, window, "2021-9M")
    assert _status_shown(window, task.id) == "Hoàn thành trễ hạn"


def test_completion_day_defaults_inside_an_old_period(qtbot: Any, demo_register: Register) -> None:
    plan = repository.list_plans(demo_register.db)[0]
    task = next(t for t in repository.list_tasks(demo_register.db, plan.id)
                if t.number == "3.3")  # "Quý IV năm 2021", nothing recorded
    dialog = ProgressDialog(demo_register, task.id, "2021-9M", today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.source_note.isHidden()
    assert dialog.status.currentText() == "Chưa thực hiện"
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    assert dialog.completed.date().toString("dd/MM/yyyy") == "14/09/2021"  # the cut-off
    assert dialog.cutoff_note.isHidden()


def test_a_bare_save_keeps_what_the_form_has_no_field_for(qtbot: Any, register: Register) -> None:
    from cchc_desktop.plans import services
    from cchc_desktop.plans.models import Plan, TaskDraft
    from cchc_desktop.progress.entries import ProgressInput, record_progress

    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    task_id = services.add_task(register, plan_id, TaskDraft(content="Ban hành KH",
                                                             timeframe="Quý IV/2026"))
    record_progress(register, task_id, "2026-Q1", ProgressInput(
        "in_progress", None, "Đang soạn", "07/TTr", "2026-03-02"), TODAY)
    dialog = ProgressDialog(register, task_id, "2026-H1", today=TODAY)
    qtbot.addWidget(dialog)
    entry = dialog.entry()
    assert (entry.status, entry.percent, entry.evidence_date) == ("in_progress", None,
                                                                  "2026-03-02")
    dialog.evidence_number.setText("08/TTr")  # another document: its date is not known
    assert dialog.entry().evidence_date is None
