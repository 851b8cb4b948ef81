"""Sections and groups in the register window: create, rename, move, delete, TT renumbered,
each one undo step; Alt+Up at the top of the plan says so without a message box."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from tests.ui.test_main_window import on_next_dialog, settings, type_text  # noqa: F401
from tests.ui.test_main_window import window as window  # noqa: F401, F811
from ui.register.task_form import TaskForm
from ui.shell.main_window import MainWindow


def rows(window: MainWindow) -> list[str]:
    return [f"{window.model.row_at(r).number} {window.model.row_at(r).content}"
            for r in range(window.model.rowCount())]


def typed_name(text: str) -> Any:
    def fill(dialog: QInputDialog) -> None:
        dialog.setTextValue(text)
        dialog.accept()
    return fill


def add_task(qtbot: Any, window: MainWindow, content: str) -> None:
    def task(form: TaskForm) -> None:
        type_text(form.content, content)
        form.accept()
    on_next_dialog(TaskForm, task)
    window.actions_by_name["add_task"].trigger()


def test_build_sections_and_groups_renumbered_and_undone(qtbot: Any,
                                                         window: MainWindow) -> None:
    plan_id = services.create_plan(window.register, Plan(0, "Kế hoạch CCHC năm 2022"))
    window.reload_plans(plan_id)
    for name in ("Cải cách thể chế", "Cải cách thủ tục hành chính"):
        on_next_dialog(QInputDialog, typed_name(name))
        window.actions_by_name["add_section"].trigger()
    window.table.select_key(window.model.row_keys()[1])
    on_next_dialog(QInputDialog, typed_name("Kiểm soát TTHC"))
    window.actions_by_name["add_group"].trigger()
    window.table.select_key(window.model.row_keys()[2])
    add_task(qtbot, window, "Rà soát thủ tục")
    add_task(qtbot, window, "Công khai thủ tục")
    assert rows(window) == ["I Cải cách thể chế", "II Cải cách thủ tục hành chính",
                            "1 Kiểm soát TTHC", "1.1 Rà soát thủ tục", "1.2 Công khai thủ tục"]
    window.table.select_key(window.model.row_keys()[1])
    window.actions_by_name["move_up"].trigger()  # Alt+Up on a section row moves the section
    assert rows(window)[0] == "I Cải cách thủ tục hành chính"
    assert rows(window)[-1] == "II Cải cách thể chế"
    on_next_dialog(QInputDialog, typed_name("Cải cách TTHC"))
    window.actions_by_name["rename_heading"].trigger()
    assert rows(window)[0] == "I Cải cách TTHC"
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert rows(window)[:2] == ["I Cải cách thể chế", "II Cải cách thủ tục hành chính"]


def test_delete_a_group_keeping_its_tasks_then_undo(qtbot: Any, window: MainWindow) -> None:
    plan_id = services.create_plan(window.register, Plan(0, "Kế hoạch"))
    from cchc_desktop.plans import structure

    section = structure.add_section(window.register, plan_id, "Lĩnh vực")
    group = structure.add_group(window.register, plan_id, section, "Nhóm")
    for content in ("a", "b"):
        services.add_task(window.register, plan_id, TaskDraft(content=content), section, group)
    structure.renumber(window.register, plan_id)
    window.reload_plans(plan_id)
    before = rows(window)
    window.table.select_key(window.model.row_keys()[1])

    def keep(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text().startswith("Giữ")).click()
    on_next_dialog(QMessageBox, keep)
    window.actions_by_name["delete_heading"].trigger()
    assert rows(window) == ["I Lĩnh vực", "1 a", "2 b"]
    window.undo_stack.undo()
    assert rows(window) == before


def test_alt_up_at_the_top_of_the_plan_opens_no_message_box(qtbot: Any,
                                                            window: MainWindow) -> None:
    first = next(k for k in window.model.row_keys() if k > 0)  # task 1.1, top of the plan
    window.table.select_key(first)
    count = window.undo_stack.count()
    window.actions_by_name["move_up"].trigger()
    assert QApplication.activeModalWidget() is None
    assert "đã ở đầu kế hoạch" in window.statusBar().currentMessage()
    assert window.undo_stack.count() == count


def test_f2_on_due_sets_the_officers_own_date_over_the_phrase(qtbot: Any,
                                                              window: MainWindow) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from cchc_desktop.plans import repository
    from tests.ui.test_main_window import task_row
    from ui.register.task_table_model import COL_DUE

    row = task_row(window, "1.2")
    task_id = window.model.key_at(row)
    window.table.setCurrentIndex(window.model.index(row, COL_DUE))
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    editor = window.table.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, "15/11/2021")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: repository.get_task(window.register.db, task_id).due_override
                    == "2021-11-15")
    assert window.model.index(row, COL_DUE).data() == "15/11/2021 (hạn riêng)"
    assert not window.model.setData(window.model.index(row, COL_DUE), "31/02/2021")
    assert window.ops.errors and "không phải ngày hợp lệ" in window.ops.errors[-1]
    window.undo_stack.undo()
    assert repository.get_task(window.register.db, task_id).due_override is None
    assert "hạn riêng" not in window.model.index(row, COL_DUE).data()


def test_ghi_chu_is_a_column_hidden_at_first(window: MainWindow) -> None:
    from ui.register.task_table_model import COL_NOTES, HEADERS

    assert HEADERS[COL_NOTES] == "Ghi chú" and window.table.isColumnHidden(COL_NOTES)
    action = next(a for a in window.table.column_actions(window) if a.text() == "Ghi chú")
    action.setChecked(True)
    assert not window.table.isColumnHidden(COL_NOTES)
    key = next(k for k in window.model.row_keys() if k > 0)
    assert window.model.setData(window.model.index(window.model.row_of(key), COL_NOTES),
                                "Theo Công văn 12/SNV")
    assert window.model.index(window.model.row_of(key), COL_NOTES).data() == (
        "Theo Công văn 12/SNV")


def test_the_task_form_sets_the_own_due_date_in_one_undo_step(qtbot: Any,
                                                              window: MainWindow) -> None:
    from cchc_desktop.plans import repository
    from tests.ui.test_main_window import task_row

    key = window.model.key_at(task_row(window, "1.2"))
    window.table.select_key(key)

    def due(form: TaskForm) -> None:
        assert form.due.text() == ""
        form.due.setText("31/02/2021")
        form.accept()  # refused: stays open and says why
        assert form.isVisible() and "không phải ngày hợp lệ" in form.error.text()
        form.due.setText("20/11/2021")
        type_text(form.notes, "Theo chỉ đạo mới")
        form.accept()
    on_next_dialog(TaskForm, due)
    window.actions_by_name["edit_task"].trigger()
    task = repository.get_task(window.register.db, key)
    assert (task.due_override, task.notes) == ("2021-11-20", "Theo chỉ đạo mới")
    window.undo_stack.undo()
    task = repository.get_task(window.register.db, key)
    assert (task.due_override, task.notes) == (None, "")


def test_f2_on_a_heading_renames_it_and_edits_its_tt_where_numbers_are_kept(
        qtbot: Any, window: MainWindow) -> None:
    """The demo plan keeps its printed numbers: F2 on a group's TT or title edits it in the
    cell (one undo step each); in a renumbering plan TT is the program's, not typed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLineEdit

    from ui.register.task_table_model import COL_CONTENT, COL_NUMBER

    def edit(column: int, text: str) -> None:
        key = next(k for k in window.model.row_keys()
                   if k < 0 and window.view.outline.headings[k].content == title)
        window.table.setCurrentIndex(window.model.index(window.model.row_of(key), column))
        window.table.setFocus()
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        editor = window.table.viewport().findChild(QLineEdit)
        assert isinstance(editor, QLineEdit), column
        editor.selectAll()
        type_text(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    title = "Xây dựng kế hoạch"
    assert f"3 {title}" in rows(window)
    edit(COL_NUMBER, "3a")
    qtbot.waitUntil(lambda: f"3a {title}" in rows(window))
    edit(COL_CONTENT, "Xây dựng các kế hoạch")
    title = "Xây dựng các kế hoạch"
    qtbot.waitUntil(lambda: f"3a {title}" in rows(window))
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert "3 Xây dựng kế hoạch" in rows(window)
    window.shape.toggle_numbers(True)  # the program numbers TT now
    row = next(r for r, k in enumerate(window.model.row_keys()) if k < 0)
    flags = window.model.flags(window.model.index(row, COL_NUMBER))
    assert not flags & Qt.ItemFlag.ItemIsEditable
    assert window.model.flags(window.model.index(row, COL_CONTENT)) & Qt.ItemFlag.ItemIsEditable
