"""The main window on a demo register, driven through real widgets."""

from __future__ import annotations

from cchc_desktop.db import Register
from ui.main_window import MainWindow


def test_main_window_shows_demo_plan(qtbot, demo_register: Register) -> None:
    window = MainWindow(demo_register)
    qtbot.addWidget(window)
    window.show()
    assert window.model.task_count() == 53
    assert window.model.rowCount() == 53 + 7 + 12
    assert window.plan_box.currentText().startswith("1034/KH-TTr")
    assert window.counts_label.text() == "53 nhiệm vụ"


def test_typing_in_search_hides_other_tasks(qtbot, demo_register: Register) -> None:
    window = MainWindow(demo_register)
    qtbot.addWidget(window)
    qtbot.keyClicks(window.search_box, "doan thanh nien")
    assert window.visible_task_count() == 1
    window.search_box.clear()
    assert window.visible_task_count() == 53
