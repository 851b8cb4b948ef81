"""The register window as an officer uses it: Ctrl+V renumbers in auto mode and names new
units (gone again with undo), new items get a TT in "keep printed numbers" mode, the
numbering menu item shows its mode, a deleted section's kept tasks stay in view, and a new
last row is scrolled wholly into view."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QInputDialog, QMessageBox

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan
from cchc_desktop.plans.outline import section_key
from tests.ui.test_main_window import on_next_dialog, settings  # noqa: F401
from tests.ui.test_main_window import window as window  # noqa: F401, F811
from tests.ui.test_structure_ui import add_task, typed_name
from ui.shell.main_window import MainWindow
from ui.shell.paste_actions import paste_tasks

LONG = " ".join(["rà soát, sửa đổi, bổ sung định mức chi thường xuyên của cơ quan"] * 3)
PASTED = (f"STT\tNội dung công việc\tĐơn vị chủ trì\r\n1\tRà soát {LONG}\tĐơn vị lạ XYZ\r\n"
          f"2\tCông khai {LONG}\tVăn phòng\r\n")


def section_numbers(window: MainWindow, section_id: int) -> list[str]:
    outline = window.view.outline
    start, end = outline.section_spans[section_id]
    keys = [k for k in outline.keys[start:end] if k > 0]
    rows = window.model.row_keys()
    return [window.model.row_at(rows.index(k)).number for k in keys]


def answer_yes(seen: list[str]) -> Any:
    def answer(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()
    return answer


def test_paste_in_auto_mode_renumbers_and_undo_takes_new_units_away(
        qtbot: Any, window: MainWindow) -> None:
    numbers = window.actions_by_name["toggle_numbers"]
    assert numbers.isCheckable() and not numbers.isChecked()  # the demo keeps printed TT
    numbers.trigger()  # Ctrl+Alt+N: renumber
    assert numbers.isChecked()
    assert section_numbers(window, 6) == ["1", "2", "3"]
    window.resize(1320, 640)
    window.table.scrollToTop()
    window.table.select_key(43)  # VI/2, scrolled up from below: the last row in view
    count = window.undo_stack.count()
    seen: list[str] = []
    on_next_dialog(QMessageBox, answer_yes(seen))
    assert paste_tasks(window, PASTED) == 2
    assert "Đơn vị mới sẽ được thêm vào danh mục: Đơn vị lạ XYZ" in seen[0]
    assert section_numbers(window, 6) == ["1", "2", "3", "4", "5"]
    pasted = window.table.selected_keys()
    assert len(pasted) == 2
    qtbot.waitUntil(lambda: all(fully_shown(window, k) for k in pasted))
    assert "Đơn vị lạ XYZ" in window.unit_names()
    assert window.undo_stack.count() == count + 1  # one undo step
    window.undo_stack.undo()
    assert section_numbers(window, 6) == ["1", "2", "3"]
    assert "Đơn vị lạ XYZ" not in window.unit_names()
    window.undo_stack.redo()
    assert section_numbers(window, 6) == ["1", "2", "3", "4", "5"]
    assert "Đơn vị lạ XYZ" in window.unit_names()


def test_keep_mode_gives_new_items_the_next_number_and_the_menu_shows_the_mode(
        qtbot: Any, window: MainWindow) -> None:
    numbers = window.actions_by_name["toggle_numbers"]
    assert not numbers.isChecked()
    window.table.select_key(12)  # 4.5
    add_task(qtbot, window, "Việc mới sau 4.5")
    key = window.table.current_key()
    assert key is not None and window.model.row_at(window.model.row_of(key)).number == "4.6"
    on_next_dialog(QInputDialog, typed_name("Lĩnh vực mới"))
    window.actions_by_name["add_section"].trigger()
    assert window.view.outline.headings[section_key(8)].number == "VIII"
    numbers.trigger()
    assert numbers.isChecked()
    window.undo_stack.undo()
    assert not numbers.isChecked()
    plan_id = services.create_plan(window.register, Plan(0, "Kế hoạch làm trong phần mềm"))
    window.reload_plans(plan_id)
    assert numbers.isChecked()  # a plan made in the app renumbers
    window.reload_plans(1)
    assert not numbers.isChecked()


def _delete_section(window: MainWindow, section_id: int, button: str) -> None:
    window.table.select_key(section_key(section_id))

    def click(box: QMessageBox) -> None:
        next(b for b in box.buttons() if b.text().startswith(button)).click()
    on_next_dialog(QMessageBox, click)
    window.actions_by_name["delete_heading"].trigger()


def fully_shown(window: MainWindow, key: int) -> bool:
    rect = window.table.visualRect(window.model.index(window.model.row_of(key), 1))
    return window.table.viewport().rect().contains(rect)


def test_deleting_a_section_keeps_its_tasks_in_view_where_it_was(
        qtbot: Any, window: MainWindow) -> None:
    _delete_section(window, 6, "Giữ")
    keys = window.model.row_keys()
    assert window.table.selected_keys() == [42, 43, 44]
    assert keys[keys.index(42) + 3] == section_key(7)  # last rows of section V, before VII
    qtbot.waitUntil(lambda: fully_shown(window, 42))
    window.undo_stack.undo()
    assert window.table.current_key() == section_key(6)
    _delete_section(window, 6, "Xóa cả")
    assert window.table.current_key() == section_key(7)  # the row now at that place


def test_a_new_last_row_is_scrolled_wholly_into_view(qtbot: Any, window: MainWindow) -> None:
    window.resize(1320, 700)
    window.table.select_key(53)  # the last task of the plan
    long = " ".join(["Triển khai ứng dụng chữ ký số trong toàn bộ quy trình xử lý văn bản"] * 4)
    add_task(qtbot, window, long)
    key = window.table.current_key()
    assert key is not None and key == window.model.row_keys()[-1]
    qtbot.waitUntil(lambda: window.table.rowHeight(window.model.row_of(key)) > 60)
    qtbot.waitUntil(lambda: fully_shown(window, key))


def test_keep_mode_lets_the_officer_edit_a_new_sections_number(qtbot: Any,
                                                                window: MainWindow) -> None:
    answers = ["Lĩnh vực mới", "Lĩnh vực mới (sửa)", "VII-A"]
    window.shape.ask_text = lambda title, label, text: answers.pop(0)
    window.actions_by_name["add_section"].trigger()
    assert window.view.outline.headings[section_key(8)].number == "VIII"
    window.table.select_key(section_key(8))
    window.actions_by_name["rename_heading"].trigger()
    heading = window.view.outline.headings[section_key(8)]
    assert (heading.number, heading.content) == ("VII-A", "Lĩnh vực mới (sửa)")
    assert window.view.outline.headings[section_key(7)].number == "VII"  # others untouched
    window.undo_stack.undo()
    assert window.view.outline.headings[section_key(8)].number == "VIII"
