"""The register window on a demo register, driven through real widgets and real keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.text.collation import vi_sort_key
from ui.register.plan_dialog import PlanDialog
from ui.register.task_form import TaskForm
from ui.register.task_table_model import (
    COL_BUDGET,
    COL_CONTENT,
    COL_LEAD,
    COL_RESULT,
    COL_TIMEFRAME,
)
from ui.shell.main_window import MainWindow

TODAY = date(2021, 10, 1)


def on_next_dialog(kind: type, fill: Callable[[Any], None]) -> None:
    """Run fill(dialog) on the modal dialog of that kind about to open (as an officer types)."""
    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, run)
            return
        if QApplication.activeWindow() is not dialog:  # keys go where the officer looks
            dialog.activateWindow()
            QTimer.singleShot(10, run)
            return
        fill(dialog)
    QTimer.singleShot(0, run)


def type_text(widget: Any, text: str) -> None:
    """Type text key by key, as a Vietnamese keyboard (Unikey) delivers it: one character each."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def make_window(qtbot: Any, register: Register, settings: QSettings) -> MainWindow:
    window = MainWindow(register, settings, today=TODAY)
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.filter_bar.status.isEnabled, timeout=15000)
    return window


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: Any, demo_register: Register, settings: QSettings) -> Iterator[MainWindow]:
    window = make_window(qtbot, demo_register, settings)
    yield window
    window.ops.wait()


def task_row(window: MainWindow, number: str) -> int:
    return next(r for r, k in enumerate(window.model.row_keys())
                if k > 0 and window.model.row_at(r).number == number)


def shown_tasks(window: MainWindow) -> list[int]:
    return [k for k in window.model.row_keys() if k > 0]


def test_window_shows_the_appendix_with_states(window: MainWindow) -> None:
    assert window.model.task_count() == 53
    assert window.model.rowCount() == 53 + 7 + 12
    assert window.plan_box.currentText().startswith("1034/KH-TTr")
    assert window.counts_label.text().startswith("53 nhiệm vụ · ")
    assert "quá hạn" in window.counts_label.text()
    assert window.model.loaded_count() <= 200


def test_search_cai_cach_as_you_type_and_clear(qtbot: Any, window: MainWindow) -> None:
    qtbot.keyClicks(window.filter_bar.search, "cai cach")
    qtbot.waitUntil(lambda: not window.searching and window.delegate.terms == ("cai", "cach"))
    found = shown_tasks(window)
    assert 0 < len(found) < 53
    for row, key in enumerate(window.model.row_keys()):
        if key > 0:
            item = window.model.row_at(row)
            text = " ".join([item.content, item.result, item.lead, item.partner, item.timeframe])
            assert "cải cách" in text.lower() or "cai cach" in text.lower()
    assert window.delegate.terms == ("cai", "cach")
    window.table.viewport().grab()  # paints the highlighted matches
    assert window.counts_label.text().startswith(f"{len(found)} nhiệm vụ (trên 53)")
    qtbot.keyClick(window.filter_bar.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(shown_tasks(window)) == 53)
    assert window.table.hasFocus() or window.focusWidget() is window.table


def test_add_a_task_through_the_form_then_undo_and_redo(qtbot: Any, window: MainWindow) -> None:
    window.table.select_key(window.model.key_at(task_row(window, "1.1")))

    def fill(form: TaskForm) -> None:
        type_text(form.content, "Rà soát thủ tục hành chính mới ban hành")
        type_text(form.timeframe, "Quý IV/2021")
        qtbot.keyClicks(form.budget, "2,5")
        qtbot.keyClick(form.content, Qt.Key.Key_Return)  # Enter saves the form

    on_next_dialog(TaskForm, fill)
    window.actions_by_name["insert_task"].trigger()
    added = window.table.current_key()
    assert added is not None and added > 0
    task = repository.get_task(window.register.db, added)
    assert (task.content, task.budget_million_vnd) == ("Rà soát thủ tục hành chính mới ban hành",
                                                      2.5)
    assert window.model.row_at(window.model.row_of(added) - 1).number == "1.1"
    assert window.model.task_count() == 54
    window.actions_by_name["undo"].trigger()
    assert window.model.task_count() == 53
    window.actions_by_name["redo"].trigger()
    assert window.model.row_of(added) >= 0


def test_the_form_refuses_empty_content_and_a_bad_budget(qtbot: Any) -> None:
    form = TaskForm(["Văn phòng"])
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClick(form.content, Qt.Key.Key_Return)
    assert "Nội dung" in form.error.text() and form.isVisible()
    type_text(form.content, "Tập huấn")
    form.budget.setText("1.5")
    form.accept()
    assert "Kinh phí" in form.error.text()


def test_edit_a_cell_inline_then_undo_redo_with_keys(qtbot: Any, window: MainWindow) -> None:
    row = task_row(window, "1.2")
    task_id = window.model.key_at(row)
    index = window.model.index(row, COL_TIMEFRAME)
    window.table.setCurrentIndex(index)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = window.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit) and editor.text() == "Định kỳ hàng Quý"
    type_text(editor, "Trước ngày 30/11/2021")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits on its next event
    qtbot.waitUntil(lambda: repository.get_task(window.register.db, task_id).timeframe
                    == "Trước ngày 30/11/2021")
    assert window.model.index(row, COL_TIMEFRAME).data() == "Trước ngày 30/11/2021"
    window.activateWindow()
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert repository.get_task(window.register.db, task_id).timeframe == "Định kỳ hàng Quý"
    qtbot.keyClick(window.table, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert repository.get_task(window.register.db, task_id).timeframe == "Trước ngày 30/11/2021"


def test_inline_budget_must_be_a_number(window: MainWindow) -> None:
    row = task_row(window, "4.3")
    assert not window.model.setData(window.model.index(row, COL_BUDGET), "-1")
    assert window.ops.errors and "không âm" in window.ops.errors[-1]
    assert window.model.setData(window.model.index(row, COL_BUDGET), "3,75")
    assert window.model.index(row, COL_BUDGET).data() == "3,75"


def test_filter_overdue_counts_and_undoes_nothing(qtbot: Any, window: MainWindow) -> None:
    qtbot.mouseClick(window.filter_bar.overdue, Qt.MouseButton.LeftButton)
    overdue = shown_tasks(window)
    states = window.view.states or {}
    assert overdue and all(states[t].overdue for t in overdue)
    assert len(overdue) == sum(1 for s in states.values() if s.overdue)
    assert window.counts_label.text().endswith(f"0 hoàn thành · {len(overdue)} quá hạn")
    assert window.undo_stack.count() == 0


def test_filter_by_section_and_lead_unit(window: MainWindow) -> None:
    bar = window.filter_bar
    bar.section.setCurrentIndex(2)
    keys = window.model.row_keys()
    assert window.model.row_at(0).number == "II" and sum(k < 0 for k in keys[1:]) == 0
    bar.section.setCurrentIndex(0)
    bar.unit.setCurrentIndex(bar.unit.findText("Văn phòng"))
    bar.role.setCurrentIndex(1)
    leads = [window.model.row_at(r).lead for r, k in enumerate(window.model.row_keys()) if k > 0]
    assert leads and all("Văn phòng" in lead for lead in leads)


def test_sorting_is_flat_and_vietnamese_then_back(qtbot: Any, window: MainWindow) -> None:
    header = window.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_LEAD) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    keys = window.model.row_keys()
    assert all(k > 0 for k in keys) and len(keys) == 53
    leads = [window.model.row_at(r).lead for r in range(len(keys))]
    assert leads == sorted(leads, key=vi_sort_key)
    window.actions_by_name["appendix_order"].trigger()
    assert window.model.rowCount() == 72
    assert header.sortIndicatorSection() == -1


def test_hidden_columns_are_remembered(qtbot: Any, demo_register: Register,
                                       settings: QSettings) -> None:
    first = make_window(qtbot, demo_register, settings)
    first.table.show_column(COL_RESULT, False)
    first.table.setColumnWidth(COL_CONTENT, 333)
    first.close()
    second = make_window(qtbot, demo_register, settings)
    assert second.table.isColumnHidden(COL_RESULT)
    extra = second.table.column_fitter.added.get(COL_CONTENT, 0)  # type: ignore[attr-defined]
    assert second.table.columnWidth(COL_CONTENT) - extra == 333  # spare width shared on top
    assert not second.table.isColumnHidden(COL_CONTENT)


def test_delete_move_and_regroup_are_undoable(window: MainWindow) -> None:
    window.ops.answer = True
    key = window.model.key_at(task_row(window, "1.1"))
    window.table.select_key(key)
    window.actions_by_name["move_down"].trigger()
    assert window.model.row_at(window.model.row_of(key) - 1).number == "1.2"
    window.actions_by_name["outdent"].trigger()
    assert repository.get_task(window.register.db, key).group_id is None
    window.actions_by_name["indent"].trigger()
    assert repository.get_task(window.register.db, key).group_id is not None
    window.actions_by_name["delete_task"].trigger()
    assert window.model.task_count() == 52
    for _ in range(4):
        window.undo_stack.undo()
    assert window.model.task_count() == 53
    assert window.model.row_at(window.model.row_of(key) + 1).number == "1.2"


def test_create_a_plan_and_add_its_first_task(qtbot: Any, window: MainWindow) -> None:
    def plan_details(dialog: Any) -> None:
        dialog.title_edit.selectAll()
        type_text(dialog.title_edit, "Kế hoạch CCHC năm 2022")
        qtbot.keyClicks(dialog.number, "05/KH-TTr")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)

    on_next_dialog(PlanDialog, plan_details)
    window.actions_by_name["new_plan"].trigger()
    assert window.plan_box.currentText() == "05/KH-TTr — Kế hoạch CCHC năm 2022"
    assert window.model.rowCount() == 0

    def task(form: TaskForm) -> None:
        type_text(form.content, "Ban hành kế hoạch kiểm tra CCHC")
        form.accept()

    on_next_dialog(TaskForm, task)
    window.actions_by_name["add_task"].trigger()
    assert window.model.task_count() == 1
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.plan_box.count() == 1


def test_plan_details_edit_is_undoable(qtbot: Any, window: MainWindow) -> None:
    def rename(dialog: Any) -> None:
        dialog.title_edit.setPlainText("Kế hoạch CCHC năm 2021 (sửa đổi)")
        dialog.accept()

    on_next_dialog(PlanDialog, rename)
    window.actions_by_name["plan_details"].trigger()
    assert window.plan_box.currentText().endswith("(sửa đổi)")
    window.undo_stack.undo()
    assert not window.plan_box.currentText().endswith("(sửa đổi)")


def test_save_a_copy_and_open_another_register(qtbot: Any, window: MainWindow,
                                               tmp_path: Path) -> None:
    window.files.copy_to(tmp_path / "ban-sao")
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=10000)
    copy = tmp_path / "ban-sao.sqlite"
    assert copy.exists()
    other = open_register(tmp_path / "khac.sqlite")
    services.create_plan(other, Plan(id=0, title="Kế hoạch khác"))
    other.close()
    assert window.files.open_path(tmp_path / "khac.sqlite")
    assert window.plan_box.currentText() == "Kế hoạch khác"
    assert window.files.recent()[0].endswith("khac.sqlite")
    assert not window.files.open_path(tmp_path / "khong-co.sqlite")
    (tmp_path / "ghi-chu.txt").write_text("không phải sổ", encoding="utf-8")
    assert not window.files.open_path(tmp_path / "ghi-chu.txt")
    assert "không phải là sổ đăng ký" in window.ops.errors[-1]
    assert not (tmp_path / "khong-co.sqlite").exists()


def next_tab_stop(widget: Any) -> Any:
    """Return the widget Tab moves to (skipping what cannot take focus by Tab)."""
    following = widget.nextInFocusChain()
    while not (following.focusPolicy() & Qt.FocusPolicy.TabFocus and following.isVisible()
               and following.isEnabled()):
        following = following.nextInFocusChain()
    return following


def test_tab_goes_from_the_plan_through_the_filters_to_the_table(window: MainWindow) -> None:
    bar = window.filter_bar
    assert next_tab_stop(window.plan_box) is bar.period
    assert next_tab_stop(bar.period) is bar.search
    assert next_tab_stop(bar.search) is bar.section
    assert next_tab_stop(bar.clear_button) is window.table


def test_every_command_has_a_menu_entry_and_a_shortcut(window: MainWindow) -> None:
    in_menus = {a for menu in window.menuBar().actions() if menu.menu()
                for a in menu.menu().actions()}  # type: ignore[union-attr]
    for name, action in window.actions_by_name.items():
        assert action.shortcuts(), name
        assert action in in_menus, name
    keys = [k.toString() for a in window.actions_by_name.values() for k in a.shortcuts()]
    assert len(keys) == len(set(keys)), "a shortcut is used twice"


def test_new_register_asks_for_the_agency_and_refuses_an_existing_file(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWizard

    on_next_dialog(QWizard, lambda wizard: wizard.reject())
    assert window.files.create_at(tmp_path / "so-moi")
    assert window.register.path.name == "so-moi.sqlite"
    assert window.plan_box.count() == 0 and window.model.rowCount() == 0
    assert window.undo_stack.count() == 0
    assert not window.files.create_at(tmp_path / "so-moi.sqlite")
    assert "đã có" in window.ops.errors[-1]
