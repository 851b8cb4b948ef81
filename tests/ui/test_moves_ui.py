"""Moving tasks between groups and sections in the register window: Alt+Up/Down across edges
(keys typed on the table) and drag and drop (a real drag started with the mouse, dropped by
sending the drag events with the drag's own data to the viewport). Each move is one undo step
that puts every task back with its number."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from cchc_desktop.plans import structure
from cchc_desktop.register.connection import Register
from tests.core.test_moves import START, build
from tests.ui.test_main_window import make_window, settings  # noqa: F401
from ui.register.task_table_model import COL_CONTENT
from ui.shell.main_window import MainWindow

Built = tuple[MainWindow, dict[str, int]]


@pytest.fixture
def built(qtbot: Any, register: Register, settings: Any) -> Iterator[Built]:  # noqa: F811
    plan, ids = build(register)
    window = make_window(qtbot, register, settings)
    window.reload_plans(plan)
    yield window, ids
    window.ops.wait()


def rows(window: MainWindow) -> list[str]:
    """The table as the officer reads it: TT and content of each row."""
    return [f"{window.model.row_at(r).number} {window.model.row_at(r).content}"
            for r in range(window.model.rowCount())]


def selected(window: MainWindow) -> list[str]:
    keys = set(window.table.selected_keys())
    return [text for text, key in zip(rows(window), window.model.row_keys(), strict=True)
            if key in keys]


def point(window: MainWindow, key: int, fraction: float = 0.5) -> QPoint:
    """A point on a row, `fraction` of its height down (in the viewport)."""
    row = window.model.row_of(key)
    top = window.table.rowViewportPosition(row)
    return QPoint(80, top + int(window.table.rowHeight(row) * fraction))


def click(qtbot: Any, window: MainWindow, key: int, ctrl: bool = False) -> None:
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, modifier,
                     point(window, key))


def drag_with_mouse(qtbot: Any, window: MainWindow, key: int) -> QMimeData:
    """Press on a selected row and move the mouse: the table starts a drag of the selected
    tasks; return the data such a drag carries (offscreen, the drag itself ends at once)."""
    viewport = window.table.viewport()
    start = point(window, key)
    window.table.last_drag = None
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(0, 4))
    qtbot.mouseMove(viewport, start + QPoint(0, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
    mime = window.table.drag_mime()
    assert mime is not None and window.table.last_drag == window.table.dragged_ids(mime)
    return mime


def drop(window: MainWindow, mime: QMimeData, at: QPoint) -> tuple[bool, int | None]:
    """Carry the drag over a point and drop it there; return (accepted, the line's y while
    hovering)."""
    viewport = window.table.viewport()
    move, copy = Qt.DropAction.MoveAction, Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(at, copy, mime, buttons, none))
    hover = QDragMoveEvent(at, copy, mime, buttons, none)
    QApplication.sendEvent(viewport, hover)
    line = window.table.drop_line()
    if not hover.isAccepted():
        return False, line
    QApplication.sendEvent(viewport, QDropEvent(QPointF(at), copy, mime, buttons, none))
    assert move  # the drop is a move
    return True, line


def alt(qtbot: Any, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.table, key, Qt.KeyboardModifier.AltModifier)


def test_alt_arrows_carry_a_task_across_groups_and_sections(qtbot: Any, built: Built) -> None:
    window, ids = built
    window.table.select_key(ids["g"])
    alt(qtbot, window, Qt.Key.Key_Up)  # II: 2 g → the end of group 1 of II
    assert rows(window)[9:12] == ["1 Nhóm ba", "1.1 f", "1.2 g"]
    alt(qtbot, window, Qt.Key.Key_Up)
    alt(qtbot, window, Qt.Key.Key_Up)  # out of section II: the end of I's last group
    assert rows(window)[6:9] == ["4 Nhóm hai", "4.1 e", "4.2 g"]
    assert window.table.current_key() == ids["g"] and selected(window) == ["4.2 g"]
    alt(qtbot, window, Qt.Key.Key_Down)  # and back down into section II's group
    assert rows(window)[8:11] == ["II Hai", "1 Nhóm ba", "1.1 g"]
    assert QApplication.activeModalWidget() is None
    for _ in range(4):
        qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(window) == START


def test_several_selected_tasks_move_together_and_stop_at_the_top(qtbot: Any,
                                                                 built: Built) -> None:
    window, ids = built
    click(qtbot, window, ids["b"])
    click(qtbot, window, ids["c"], ctrl=True)
    alt(qtbot, window, Qt.Key.Key_Up)  # out of the top of group 2, among the loose tasks
    assert rows(window)[:5] == ["I Một", "1 a", "2 b", "3 c", "4 Nhóm một"]
    assert selected(window) == ["2 b", "3 c"]
    alt(qtbot, window, Qt.Key.Key_Up)
    assert rows(window)[:4] == ["I Một", "1 b", "2 c", "3 a"]
    count = window.undo_stack.count()
    alt(qtbot, window, Qt.Key.Key_Up)  # the top of the plan: a word in the status bar
    assert "đã ở đầu kế hoạch" in window.statusBar().currentMessage()
    assert QApplication.activeModalWidget() is None and window.undo_stack.count() == count
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert rows(window) == START


def test_drag_two_rows_onto_a_group_heading_then_undo(qtbot: Any, built: Built) -> None:
    window, ids = built
    click(qtbot, window, ids["b"])
    click(qtbot, window, ids["e"], ctrl=True)
    mime = drag_with_mouse(qtbot, window, ids["b"])
    assert selected(window) == ["2.1 b", "4.1 e"]  # pressing did not drop the selection
    heading = -2 * ids["G3"]
    bottom = window.table.rowViewportPosition(window.model.row_of(heading)) + (
        window.table.rowHeight(window.model.row_of(heading)) - 1)
    steps = window.undo_stack.count()
    accepted, line = drop(window, mime, point(window, heading, 0.2))
    assert accepted and line == bottom  # the line under the heading: into the group
    assert rows(window) == ["I Một", "1 a", "2 Nhóm một", "2.1 c", "3 d", "4 Nhóm hai",
                            "II Hai", "1 Nhóm ba", "1.1 b", "1.2 e", "1.3 f", "2 g", "III Ba"]
    assert selected(window) == ["1.1 b", "1.2 e"] and window.table.drop_line() is None
    assert window.undo_stack.count() == steps + 1
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(window) == START


def test_drop_before_or_after_a_task_and_on_a_section(qtbot: Any, built: Built) -> None:
    window, ids = built
    click(qtbot, window, ids["g"])
    mime = drag_with_mouse(qtbot, window, ids["g"])
    assert drop(window, mime, point(window, ids["c"], 0.8))[0]  # lower half: after c
    assert rows(window)[2:6] == ["2 Nhóm một", "2.1 b", "2.2 c", "2.3 g"]
    mime = drag_with_mouse(qtbot, window, ids["g"])
    assert drop(window, mime, point(window, ids["a"], 0.2))[0]  # upper half: before a
    assert rows(window)[:3] == ["I Một", "1 g", "2 a"]
    mime = drag_with_mouse(qtbot, window, ids["g"])
    assert drop(window, mime, point(window, -(2 * ids["S3"] + 1)))[0]
    assert rows(window)[-2:] == ["III Ba", "1 g"]


def test_sorted_table_refuses_with_a_word_and_headings_do_not_drag(qtbot: Any,
                                                                   built: Built) -> None:
    window, ids = built
    heading = -2 * ids["G1"]
    click(qtbot, window, heading)
    viewport = window.table.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(window, heading))
    qtbot.mouseMove(viewport, point(window, heading) + QPoint(0, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=point(window, heading))
    assert window.table.last_drag is None and rows(window) == START
    window.table.horizontalHeader().setSortIndicator(COL_CONTENT, Qt.SortOrder.AscendingOrder)
    click(qtbot, window, ids["c"])
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=point(window, ids["c"]))
    qtbot.mouseMove(viewport, point(window, ids["c"]) + QPoint(0, 40))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton)
    assert window.table.last_drag is None
    assert "bấm tiêu đề cột TT" in window.statusBar().currentMessage()
    foreign = QMimeData()
    foreign.setText("1.1 Rà soát")
    assert not drop(window, foreign, point(window, ids["a"]))[0]


def test_drag_in_a_searched_table_keeps_hidden_tasks_and_printed_numbers(
        qtbot: Any, built: Built) -> None:
    window, ids = built
    structure.set_keep_numbers(window.register, window.plan_id or 0, True)
    click(qtbot, window, ids["e"])
    mime = drag_with_mouse(qtbot, window, ids["e"])
    window.filter_bar.search.setText("a ")  # only task a (under its section) is shown
    qtbot.waitUntil(lambda: not window.searching)
    assert rows(window) == ["I Một", "1 a"]
    accepted, line = drop(window, mime, point(window, ids["a"], 0.9))  # after a
    assert accepted and line is not None
    window.filter_bar.search.setText("")
    qtbot.waitUntil(lambda: not window.searching)
    assert rows(window)[:6] == ["I Một", "1 a", "4.1 e", "2 Nhóm một", "2.1 b", "2.2 c"]
    assert rows(window)[6:9] == ["3 d", "4 Nhóm hai", "II Hai"]  # numbers kept as printed


def test_holding_a_drag_at_the_bottom_edge_scrolls_the_table(qtbot: Any, built: Built) -> None:
    window, ids = built
    window.resize(900, 300)
    qtbot.waitUntil(lambda: window.table.verticalScrollBar().maximum() > 0)
    window.table.select_key(ids["a"])
    mime = window.table.drag_mime()
    assert mime is not None
    viewport = window.table.viewport()
    at = QPoint(80, viewport.height() - 4)
    copy = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(at, copy, mime, buttons, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(at, copy, mime, buttons, none))
    bar = window.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum())
    assert window.table.drop_line() is not None
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert window.table.drop_line() is None and rows(window) == START
