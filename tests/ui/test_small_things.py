"""Small things an officer notices: the title bar, Giới thiệu, the delete messages, where the
selection goes after a delete, file dialogs that remember the folder, Qt's dialogs in
Vietnamese, the Vietnamese print dialog."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMessageBox,
    QWidget,
)

from cchc_desktop import __version__
from cchc_desktop.register.connection import Register
from tests.ui.test_main_window import task_row
from tests.ui.windows import demo_day_window
from ui.register.task_table_model import COL_CONTENT
from ui.shell.main_window import MainWindow
from ui.shell.translations import install_vietnamese
from ui.widgets import file_dialogs
from ui.widgets.print_dialog import PDF_CHOICE, PrintDialog

# Vietnamese words written without marks that may stand alone in a label.
_ASCII_VIETNAMESE = {"xem", "trong", "theo", "trang", "con", "tin", "ngang", "in"}
_ALLOWED = {"pdf", "excel", "cchc", "sqlite", "tmp"}


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with demo_day_window(qtbot, demo_register, tmp_path) as opened:
        yield opened


def english_texts(root: QWidget) -> list[str]:
    """Return the texts a user can see in a window that read as English."""
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        texts.append(widget.toolTip())
    found = []
    for text in texts:
        plain = re.sub(r"\(.*?\)|/\S*|&", "", text)
        if not plain.strip() or any(ord(ch) > 127 and ch.isalpha() for ch in plain):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", plain)}
        if words - _ASCII_VIETNAMESE - _ALLOWED:
            found.append(text)
    return found


def test_the_title_names_the_program_once(window: MainWindow) -> None:
    title = window.windowTitle()
    assert title.count("CCHC Desktop") == 1
    assert title.endswith("CCHC Desktop")  # Qt adds the display name only to other titles
    assert window.register.path.name in title
    assert window.plan is not None and window.plan.number in title


def _on_modal(check: Any, kind: type = QMessageBox) -> None:
    """Run check(widget) on the next modal window of that kind to open (check closes it)."""
    def run() -> None:
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, kind):
            QTimer.singleShot(0, run)
            return
        check(widget)
    QTimer.singleShot(0, run)


def test_about_shows_the_version(window: MainWindow) -> None:
    seen: list[str] = []

    def check(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()
    _on_modal(check)
    window.actions_by_name["about"].trigger()
    assert __version__ in seen[0]
    assert str(window.register.path) in seen[0]


def test_the_delete_plan_message_points_to_a_menu_entry_that_exists(window: MainWindow) -> None:
    asked: list[str] = []
    window.ops.answer = None

    def check(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        box.reject()
    _on_modal(check)
    window.actions_by_name["delete_plan"].trigger()
    menu_path = re.search(r"Tệp → ([^(]+?) \(", asked[0])
    assert menu_path is not None
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text().replace("&", "").rstrip("…") for a in file_menu.actions()]
    assert menu_path.group(1) in entries


def test_deleting_keeps_the_selection_where_the_rows_were(window: MainWindow) -> None:
    window.ops.answer = True
    row = task_row(window, "1.2")
    below = window.model.row_at(row + 1).number
    window.table.setCurrentIndex(window.model.index(row, COL_CONTENT))
    window.actions_by_name["delete_task"].trigger()
    current = window.table.currentIndex()
    assert current.row() == row
    assert window.model.row_at(current.row()).number == below
    assert {i.row() for i in window.table.selectionModel().selectedIndexes()} == {row}


def test_file_dialogs_remember_the_last_folder(qtbot: Any, tmp_path: Path) -> None:
    file_dialogs.use_settings(QSettings(str(tmp_path / "cai-dat.ini"),
                                        QSettings.Format.IniFormat))
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    starts: list[str] = []
    english: list[str] = []
    install_vietnamese()

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        starts.append(dialog.directory().absolutePath())
        english.extend(english_texts(dialog))
        dialog.selectFile(str(folder / "nhat-ky.xlsx"))
        dialog.accept()
    _on_modal(choose, QFileDialog)
    path, _ = file_dialogs.get_save_file_name(None, "Xuất", str(tmp_path / "a.xlsx"),
                                              "Bảng tính Excel (*.xlsx)")
    assert Path(path) == folder / "nhat-ky.xlsx"

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        starts.append(dialog.directory().absolutePath())
        english.extend(english_texts(dialog))
        dialog.reject()
    _on_modal(cancel, QFileDialog)
    file_dialogs.get_open_file_name(None, "Mở", str(tmp_path), "Sổ (*.sqlite)")
    assert starts == [str(tmp_path), str(folder)]
    assert english == []


def test_printing_asks_in_vietnamese_and_writes_a_pdf(qtbot: Any, tmp_path: Path) -> None:
    install_vietnamese()
    printer = QPrinter()
    dialog = PrintDialog(printer, None, str(tmp_path / "ban-in.pdf"))
    qtbot.addWidget(dialog)
    assert english_texts(dialog) == []
    dialog.printer_box.setCurrentIndex(dialog.printer_box.findText(PDF_CHOICE))
    dialog.pdf_path.setText(str(tmp_path / "so-dang-ky"))
    dialog.copies.setValue(2)
    dialog.accept()
    assert printer.outputFileName() == str(tmp_path / "so-dang-ky.pdf")
    assert printer.copyCount() == 2
    from PySide6.QtGui import QPainter

    painter = QPainter(printer)
    painter.drawText(100, 100, "Nhiệm vụ")
    painter.end()
    text = subprocess.run(["pdftotext", str(tmp_path / "so-dang-ky.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Nhiệm vụ" in text


def test_the_shortcut_list_and_the_guide_fit_the_screen(qtbot: Any, window: MainWindow) -> None:
    from PySide6.QtGui import QTextImageFormat

    from ui.shell.help_dialog import MOUSE_ROWS, HelpDialog, ShortcutsDialog

    install_vietnamese()
    shown: list[str] = []

    def look(dialog: QWidget) -> None:
        shown.append(dialog.windowTitle())
        assert isinstance(dialog, ShortcutsDialog)
        area = dialog.screen().availableGeometry()
        assert dialog.height() <= area.height() and dialog.width() <= area.width()
        keys = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
        assert "Alt+↑" in keys and "Ctrl+T" in keys
        assert dialog.table.rowCount() == len(
            [a for a in window.actions_by_name.values() if a.shortcuts()]) + len(MOUSE_ROWS)
        assert "Kéo thả dòng bằng chuột" in keys
        dialog.reject()
    _on_modal(look, ShortcutsDialog)
    window.actions_by_name["shortcuts"].trigger()
    assert shown

    guide = HelpDialog()
    qtbot.addWidget(guide)
    guide.resize(700, 600)
    guide.show()
    qtbot.waitExposed(guide)
    guide.fit_images()
    widths = []
    block = guide.browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            form = fragments.fragment().charFormat()
            if form.isImageFormat():
                widths.append(QTextImageFormat(form.toImageFormat()).width())
            fragments += 1
        block = block.next()
    assert widths and max(widths) <= guide.browser.viewport().width()


def test_a_row_chosen_by_a_command_is_selected_even_with_ctrl_held(window: MainWindow) -> None:
    """Ctrl+Z puts a deleted task back and selects it while Ctrl is still down: the row used
    to be toggled off (selection read the held keys)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    row = task_row(window, "1.2")
    key = window.model.key_at(row)
    QTest.keyPress(window.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        assert QGuiApplication.keyboardModifiers() & Qt.KeyboardModifier.ControlModifier
        assert window.table.select_key(key)
        assert {i.row() for i in window.table.selectionModel().selectedIndexes()} == {row}
        assert window.table.current_key() == key
    finally:
        QTest.keyRelease(window.table, Qt.Key.Key_Control)
