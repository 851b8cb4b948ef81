"""Section and group rows fill the table's whole width: at 1366 and 1920 px, with Ghi chú
shown or hidden, after a column is resized, and when the columns were remembered by an older
version that had fewer of them (Qt then painted the rows only up to its short total width)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QColor, QImage, QStandardItemModel
from PySide6.QtWidgets import QTableView

from cchc_desktop.register.connection import Register
from ui.register.table_view import DEFAULT_WIDTHS, NOTES_KEY, STATE_KEY
from ui.register.task_table_model import COL_LEAD, COL_NOTES, COL_PROGRESS, COL_RESULT
from ui.shell.main_window import MainWindow

TODAY = date(2021, 10, 1)
HEADING = {QColor("#dde7f3").rgb(), QColor("#eef3f9").rgb()}  # section, group backgrounds


def greenish(pixel: int) -> bool:
    """Tell whether a pixel belongs to green text (done: #1e6b2f, anti-aliased on white)."""
    colour = QColor(pixel)
    return colour.green() - colour.red() > 30


def older_state(columns: int) -> QByteArray:
    """The header state a table of fewer columns saved (9: before Hạn, 10: before Ghi chú)."""
    table = QTableView()
    table.setModel(QStandardItemModel(1, columns, table))
    header = table.horizontalHeader()
    header.setSortIndicatorClearable(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    for column in range(columns):
        table.setColumnWidth(column, DEFAULT_WIDTHS[column])
    return header.saveState()


@pytest.fixture
def open_window(qtbot: Any, demo_register: Register,
                tmp_path: Path) -> Iterator[Any]:
    """Open the main window (settings in tmp_path) at a width, wait for the states."""
    opened: list[MainWindow] = []

    def open_at(width: int) -> MainWindow:
        settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
        window = MainWindow(demo_register, settings, today=TODAY)
        window.ops.quiet = True
        qtbot.addWidget(window)
        window.resize(width, 700)
        window.show()
        qtbot.waitUntil(lambda: window.states_period != "", timeout=15000)
        window.table.clearSelection()
        opened.append(window)
        return window

    yield open_at
    for window in opened:
        window.ops.wait()


def right_edge(window: MainWindow) -> int:
    """Return the x (in the viewport) where the last shown column ends."""
    header = window.table.horizontalHeader()
    return max(header.sectionViewportPosition(c) + header.sectionSize(c)
               for c in range(header.count()) if not header.isSectionHidden(c))


def assert_rows_reach_the_right_edge(window: MainWindow) -> None:
    """Every heading row in view is painted in its colour up to the last column's right edge
    (or the viewport's), and task 1.1's Tiến độ (the last column) shows its 100%."""
    table, model = window.table, window.model
    assert table.horizontalHeader().length() == right_edge(window) + table.horizontalOffset()
    image: QImage = table.viewport().grab().toImage()
    x = min(right_edge(window), image.width()) - 4
    headings = [r for r in model.heading_rows() if table.rowViewportPosition(r) + 3
                < image.height()]
    assert len(headings) >= 3
    for row in headings:
        y = table.rowViewportPosition(row) + 2
        assert image.pixel(x, y) in HEADING, (row, x, QColor(image.pixel(x, y)).name())
    row = model.row_of(next(k for k in model.row_keys() if k > 0))  # task 1.1: done, 100%
    assert model.index(row, COL_PROGRESS).data() == "100%"
    left = table.horizontalHeader().sectionViewportPosition(COL_PROGRESS)
    cell = image.copy(left, table.rowViewportPosition(row), table.columnWidth(COL_PROGRESS),
                      table.rowHeight(row))
    assert any(greenish(cell.pixel(i, j)) for i in range(cell.width())
               for j in range(cell.height())), "Tiến độ not painted"


@pytest.mark.parametrize("width", [1366, 1920])
def test_heading_rows_fill_the_table_width(qtbot: Any, open_window: Any, width: int) -> None:
    window = open_window(width)
    assert window.table.isColumnHidden(COL_NOTES)
    assert_rows_reach_the_right_edge(window)
    window.table.show_column(COL_NOTES, True)
    assert_rows_reach_the_right_edge(window)
    window.table.show_column(COL_NOTES, False)
    window.table.setColumnWidth(COL_RESULT, window.table.columnWidth(COL_RESULT) - 60)
    assert_rows_reach_the_right_edge(window)


@pytest.mark.parametrize("columns", [9, 10])
def test_columns_remembered_by_an_older_version(qtbot: Any, open_window: Any,
                                                tmp_path: Path, columns: int) -> None:
    """A state saved before Hạn (9 columns) or Ghi chú (10) was added: the officer's widths
    stay, Ghi chú starts hidden, and every row is painted across the whole table."""
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    settings.setValue(STATE_KEY, older_state(columns))
    settings.sync()
    window = open_window(1366)
    assert window.table.isColumnHidden(COL_NOTES)
    assert window.table.columnWidth(COL_LEAD) == DEFAULT_WIDTHS[COL_LEAD]
    assert_rows_reach_the_right_edge(window)
    window.close()
    reopened = open_window(1366)  # saved by this version now
    assert QSettings(str(tmp_path / "giao-dien.ini"),
                     QSettings.Format.IniFormat).value(NOTES_KEY) is not None
    assert_rows_reach_the_right_edge(reopened)


def test_a_sort_remembered_from_last_time_does_not_sort_the_reopened_table(
        qtbot: Any, open_window: Any) -> None:
    """The table always opens in the appendix order, with its headings and no sort arrow."""
    window = open_window(1366)
    window.table.horizontalHeader().setSortIndicator(COL_LEAD, Qt.SortOrder.AscendingOrder)
    assert not window.model.heading_rows()  # sorted flat by Chủ trì
    window.close()
    reopened = open_window(1366)
    assert reopened.table.horizontalHeader().sortIndicatorSection() == -1
    assert reopened.view.sort_column is None and reopened.model.heading_rows()
    assert_rows_reach_the_right_edge(reopened)


def test_rows_grow_to_show_the_whole_hạn_and_trạng_thái(qtbot: Any, open_window: Any) -> None:
    """'15/11/2021 (hạn riêng)' and 'Chưa có báo cáo (quá hạn)' wrap in their narrow columns:
    the row takes the height of the wrapped text instead of cutting it off."""
    from cchc_desktop.plans import services
    from ui.register.task_table_model import COL_DUE, COL_STATUS

    window = open_window(1366)
    table, model = window.table, window.model
    row = next(r for r, k in enumerate(model.row_keys())
               if k > 0 and model.index(r, COL_STATUS).data() == "Chưa có báo cáo")
    for column in range(model.columnCount()):
        if column not in (COL_DUE, COL_STATUS):
            table.setColumnWidth(column, 900)  # everything else fits on one line
    table.setColumnWidth(COL_DUE, 80)
    table.setColumnWidth(COL_STATUS, 118)
    services.set_due_override(window.register, model.key_at(row), "2021-01-15")
    window.task_changed(window.plan_id, model.key_at(row))
    window.load_states()
    qtbot.waitUntil(lambda: model.index(row, COL_STATUS).data() == "Chưa có báo cáo (quá hạn)",
                    timeout=15000)
    table.fit_visible_rows()
    line = table.fontMetrics().height()
    assert model.index(row, COL_DUE).data() == "15/01/2021 (hạn riêng)"
    assert table.rowHeight(row) >= 2 * line
    window.table.setColumnWidth(COL_DUE, 400)
    window.table.setColumnWidth(COL_STATUS, 400)
    qtbot.waitUntil(lambda: table.rowHeight(row) < 2 * line, timeout=5000)


def test_going_to_a_heading_row_never_slides_the_table_off_tt(qtbot: Any,
                                                            open_window: Any) -> None:
    """Headings span every column after TT: wider than a 1366-px window with Ghi chú shown.
    Selecting one (after an edit, Bỏ lọc, or with the arrow keys) used to scroll the table
    sideways so that TT was cut; the scroll bar now follows the columns pixel by pixel."""
    window = open_window(1366)
    table = window.table
    table.show_column(COL_NOTES, True)
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert bar.maximum() == table.horizontalHeader().length() - table.viewport().width()
    headings = [k for k in window.model.row_keys() if k < 0]
    for key in headings[:6]:
        table.select_key(key)
        assert table.columnViewportPosition(0) == 0 and bar.value() == 0
    first_task = next(k for k in window.model.row_keys() if k > 0)
    table.select_key(first_task)
    for _ in range(8):  # walk down through tasks and headings with the arrow key
        qtbot.keyClick(table, Qt.Key.Key_Down)
        assert table.columnViewportPosition(0) == 0
    bar.setValue(bar.maximum())
    assert table.columnViewportPosition(0) == -bar.maximum()


def test_every_default_column_fits_a_1366_window(qtbot: Any, open_window: Any) -> None:
    """Tiến độ used to be cut on a 1366-px screen (the window opens 1320 px wide there): Nội
    dung and Sản phẩm give up the few pixels."""
    window = open_window(1320)
    table = window.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0
    assert table.columnViewportPosition(COL_PROGRESS) + table.columnWidth(COL_PROGRESS) <= (
        table.viewport().width())
    assert table.columnWidth(COL_RESULT) >= 150
    table.show_column(COL_NOTES, True)  # far too wide now: the columns keep their widths
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0)
    assert table.columnWidth(COL_RESULT) >= 150
