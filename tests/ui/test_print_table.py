"""In bảng: columns sized by content, no empty table printed, no PDF written over unasked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from cchc_desktop.register.connection import Register
from tests.ui.windows import demo_day_window
from ui.shell import habits
from ui.shell.main_window import MainWindow
from ui.shell.table_print import EMPTY_TABLE
from ui.widgets.print_dialog import PDF_CHOICE, PrintDialog


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with demo_day_window(qtbot, demo_register, tmp_path) as opened:
        yield opened


def _pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_the_table_is_printed_with_columns_sized_by_content(
        qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    assert window.model.task_count() == 53
    out = tmp_path / "bang.pdf"
    assert habits.print_shown(window, _pdf_printer(out))
    title, headers, rows, _ = habits.shown_table(window)
    written = {w for text in [title, *headers, *(c for r in rows for c in r)] for w in text.split()}
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) <= 7  # 9 pages when every column had about the same width
        page = pdf.pages[0]
        words = [w for p in pdf.pages for w in p.extract_words()]
        broken = {w["text"] for w in words if w["text"] not in written and not
                  w["text"].isdigit()}
        assert broken == set()  # no word cut inside ("Văn phòn" / "g")
        x = {w["text"]: w["x0"] for w in reversed(page.extract_words())}
        assert x["Sản"] - x["Nội"] > 0.17 * page.width  # centred headings: half of each
        header_top = next(w["top"] for w in words if w["text"] == "Nội")
        heading_words = {w["text"] for w in words if abs(w["top"] - header_top) < 2}
        assert {"Kinh", "Trạng", "Thời", "Tiến", "Phối", "Chủ"} <= heading_words


def test_an_empty_table_is_not_printed(qtbot: Any, window: MainWindow, tmp_path: Path) -> None:
    window.filter_bar.search.setText("khong co nhiem vu nao nhu the nay")
    qtbot.waitUntil(lambda: not window.searching)
    assert window.model.task_count() == 0
    window.ops.quiet = True
    out = tmp_path / "trong.pdf"
    assert not habits.print_shown(window, _pdf_printer(out))
    assert window.ops.errors[-1] == EMPTY_TABLE
    assert not out.exists()


def _answer(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(0, run)
            return
        seen.append(box.text())
        box.button(button).click()
    QTimer.singleShot(0, run)


def test_printing_to_an_existing_pdf_asks_first(qtbot: Any, tmp_path: Path) -> None:
    kept = tmp_path / "bang-nhiem-vu.pdf"
    kept.write_bytes(b"%PDF-1.4 bang cu 42 KB")
    printer = QPrinter()
    dialog = PrintDialog(printer, None, str(kept))
    qtbot.addWidget(dialog)
    dialog.printer_box.setCurrentIndex(dialog.printer_box.findText(PDF_CHOICE))
    dialog.pdf_path.setText(str(kept))
    seen: list[str] = []
    _answer(QMessageBox.StandardButton.No, seen)
    dialog.accept()
    assert seen == [f"Tệp bang-nhiem-vu.pdf đã có trong thư mục {tmp_path}.\nGhi đè?"]
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "Chưa in" in dialog.error.text()
    assert printer.outputFileName() != str(kept)
    _answer(QMessageBox.StandardButton.Yes, seen)
    dialog.accept()
    assert len(seen) == 2 and dialog.result() == QDialog.DialogCode.Accepted
    assert printer.outputFileName() == str(kept)
    dialog.pdf_path.setText(str(tmp_path / "moi.pdf"))
    dialog.accept()
    assert len(seen) == 2  # a new file is not asked about
