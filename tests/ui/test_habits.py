"""Excel habits in the register window: Ctrl+C copies rows with headers as a table, the
right-click menu, the toolbar, printing and exporting exactly the table shown."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from cchc_desktop.register.connection import Register
from cchc_desktop.text.tables import from_tsv, to_tsv
from tests.ui.test_main_window import task_row
from tests.ui.windows import demo_day_window
from ui.register.task_table_model import COL_BUDGET, COL_CONTENT, COL_RESULT
from ui.shell import habits
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with demo_day_window(qtbot, demo_register, tmp_path) as opened:
        yield opened


def _select(window: MainWindow, *numbers: str) -> None:
    rows = [task_row(window, n) for n in numbers]
    window.table.setCurrentIndex(window.model.index(rows[-1], COL_CONTENT))
    flags = window.table.selectionModel().SelectionFlag
    for row in rows:
        window.table.selectionModel().select(window.model.index(row, 0),
                                             flags.Select | flags.Rows)


def test_tsv_round_trip_keeps_tabs_new_lines_and_quotes() -> None:
    rows = [["1", 'Ban hành "Quy chế"\nmới', "a\tb"], ["2", "", "x"]]
    assert from_tsv(to_tsv(["TT", "Nội dung", "Ghi chú"], rows)) == [
        ["TT", "Nội dung", "Ghi chú"], *rows]


def test_ctrl_c_copies_the_selected_rows_with_headers_as_shown(qtbot: Any,
                                                                window: MainWindow) -> None:
    window.table.show_column(COL_RESULT, False)
    _select(window, "1.1", "1.2")
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QGuiApplication.clipboard().mimeData()
    text, html = data.text(), data.html()
    table = from_tsv(text)
    assert table[0][:2] == ["TT", "Nội dung"]
    assert "Sản phẩm/Kết quả" not in table[0]  # a hidden column is not copied
    assert [row[0] for row in table[1:]] == ["1.1", "1.2"]
    assert len({len(row) for row in table}) == 1
    assert html.count("<tr>") == 3 and "<th>Nội dung</th>" in html
    assert "Đã chép 2 dòng" in window.statusBar().currentMessage()


def test_right_click_offers_the_row_commands_on_the_row_under_the_mouse(
        qtbot: Any, window: MainWindow) -> None:
    row = task_row(window, "1.3")
    rect = window.table.visualRect(window.model.index(row, COL_CONTENT))
    seen: list[list[str]] = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(0, look)
            return
        seen.append([a.text().replace("&", "") for a in menu.actions() if a.text()])
        menu.close()
    QTimer.singleShot(0, look)
    window.table.customContextMenuRequested.emit(rect.center())
    assert window.model.row_at(window.table.currentIndex().row()).number == "1.3"
    assert {"Sửa nhiệm vụ…", "Ghi tiến độ nhiệm vụ…", "Sao chép các dòng chọn",
            "Xóa nhiệm vụ…"} <= set(seen[0])


def test_the_toolbar_holds_the_daily_commands(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "commandBar")
    assert bar is not None and bar.isVisible()
    labels = [a.iconText() for a in bar.actions() if not a.isSeparator()]
    assert labels[:3] == ["Thêm", "Sửa", "Xóa"]
    assert {"Ghi tiến độ", "Chép", "Hoàn tác", "In bảng", "Xuất Excel"} <= set(labels)
    assert all(not a.icon().isNull() for a in bar.actions() if not a.isSeparator())


def test_export_and_print_exactly_the_rows_and_columns_shown(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.table.show_column(COL_BUDGET, False)
    window.filter_bar.search.setText("cai cach")
    qtbot.waitUntil(lambda: not window.searching)
    shown = window.model.task_count()
    assert 0 < shown < 53
    path = habits.export_shown(window, tmp_path / "bang")
    assert path == tmp_path / "bang.xlsx"
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    headers = values[1]
    assert "Kinh phí (tr.đ)" not in headers and headers[:2] == ["TT", "Nội dung"]
    assert len(values) - 2 == window.model.rowCount()
    assert "đang lọc" in values[0][0]
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "bang.pdf"))
    assert habits.print_shown(window, printer)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "bang.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Nội dung" in text and "Kinh phí" not in text
    first = window.model.row_at(task_row(window, window.model.row_at(
        next(r for r, k in enumerate(window.model.row_keys()) if k > 0)).number)).content
    assert first.split()[0] in text


def test_on_a_wide_window_the_text_columns_take_the_spare_width(window: MainWindow) -> None:
    window.resize(1900, 900)
    window.table.column_fitter.fit()  # type: ignore[attr-defined]
    table = window.table
    used = sum(table.columnWidth(c) for c in range(window.model.columnCount())
               if not table.isColumnHidden(c))
    assert table.viewport().width() - used < 30
    window.resize(1000, 700)
    window.table.column_fitter.fit()  # type: ignore[attr-defined]
    assert table.columnWidth(COL_CONTENT) <= 330 + 5


def test_an_empty_register_says_how_to_start(qtbot: Any, register: Register,
                                             tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(register, settings)
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    hint = window.table.findChild(QLabel, "emptyHint")
    assert hint is not None and hint.isVisible()
    assert "Nhập phụ lục từ Excel" in hint.text() and "Ctrl+I" in hint.text()


def test_ctrl_v_of_rows_from_excel_adds_tasks_in_one_undo_step(qtbot: Any,
                                                               window: MainWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    from cchc_desktop.plans.paste import read_pasted_tasks

    text = ("STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian hoàn thành\tKinh phí (triệu đồng)"
            "\r\n1\tRà soát thủ tục hành chính\tVăn phòng\tQuý II/2021\t1.500\r\n"
            "2\t\"Tập huấn\nnghiệp vụ\"\tPhòng 1\tTháng 5\tabc\r\n")
    pasted = read_pasted_tasks(text)
    assert [d.content for d in pasted.drafts] == ["Rà soát thủ tục hành chính",
                                                   "Tập huấn\nnghiệp vụ"]
    assert pasted.drafts[0].budget_million_vnd == 1500.0 and "Kinh phí" in pasted.warnings[0]
    before = window.model.task_count()
    window.table.setCurrentIndex(window.model.index(task_row(window, "1.1"), COL_CONTENT))
    window.ops.answer = False  # the preview is refused: nothing is added
    QGuiApplication.clipboard().setText(text)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.model.task_count() == before
    window.ops.answer = True
    qtbot.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert window.model.task_count() == before + 2
    row = task_row(window, "1.1")
    assert window.model.row_at(row + 1).content == "Rà soát thủ tục hành chính"
    window.undo_stack.undo()
    assert window.model.task_count() == before
