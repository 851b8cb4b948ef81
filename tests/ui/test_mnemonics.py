"""Alt+letter reaches one thing only: in the register window, in each of its menus and in every
window or dialog the app opens from a menu (walked by triggering every command)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from cchc_desktop.register.connection import Register
from tests.ui.test_main_window import make_window, task_row
from ui.register.task_table_model import COL_CONTENT
from ui.shell.main_window import MainWindow
from ui.shell.translations import install_vietnamese
from ui.widgets.mnemonics import mnemonic, mnemonic_problems

SKIP = {"quit", "toggle_numbers"}  # toggle_numbers opens no window: it renumbers the plan


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Any) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    install_vietnamese()  # as the program does: Qt's own dialogs speak Vietnamese
    window = make_window(qtbot, demo_register, settings)
    window.ops.answer = False  # a question asked while walking is answered "Không"
    yield window
    window.ops.wait()
    gc.collect()


def test_mnemonic_reads_the_letter_after_a_single_ampersand() -> None:
    assert mnemonic("Đơ&n vị") == "n"
    assert mnemonic("Lưu && đóng") is None
    assert mnemonic("&Tệp") == "t"


def test_the_register_window_alt_letters_open_the_menus(window: MainWindow) -> None:
    assert mnemonic_problems(window) == []
    titles = {mnemonic(a.text()): a.text().replace("&", "")
              for a in window.menuBar().actions()}
    assert titles["t"] == "Tệp"
    assert titles["k"] == "Kế hoạch"
    assert titles["n"] == "Nhiệm vụ"
    assert titles["b"] == "Báo cáo"


class _Walker:
    """Inspects every window that opens while a command runs, then closes it."""

    def __init__(self, main: QWidget) -> None:
        self.main = main
        self.problems: list[str] = []
        self.seen: list[str] = []
        self.running = False

    def inspect(self) -> None:
        """Look at the modal dialog open now (activeModalWidget, not topLevelWidgets: Qt's
        own popups would get Python wrappers that outlive them) and close it."""
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QDialog):
            self._look(widget)
            widget.reject()
        if self.running:
            QTimer.singleShot(0, self.inspect)

    def _look(self, widget: QWidget) -> None:
        self.seen.append(widget.windowTitle())
        self.problems += mnemonic_problems(widget)

    def tools(self, window: MainWindow) -> None:
        """Look at the windows opened beside the register window, and close them."""
        for tool in getattr(window.plans, "tools", []):
            if isinstance(tool, QMainWindow) and tool.isVisible():
                self._look(tool)
                tool.close()


def test_every_window_and_dialog_opened_from_a_menu_has_unique_letters(
        window: MainWindow) -> None:
    walker = _Walker(window)
    gc.disable()  # no collection of the closed windows inside a worker thread
    try:
        _walk(window, walker)
    finally:
        window.ops.wait()
        gc.enable()
    assert walker.problems == [], "\n".join(walker.problems)
    assert {"Danh mục đơn vị", "Thông tin kế hoạch", "Nhật ký thay đổi"} <= set(walker.seen)
    assert len(walker.seen) >= 15, walker.seen


def _walk(window: MainWindow, walker: _Walker) -> None:
    """Trigger every command of the window (but Thoát) with a task selected."""
    for name, action in window.actions_by_name.items():
        if name in SKIP:
            continue
        window.table.setCurrentIndex(window.model.index(task_row(window, "1"), COL_CONTENT))
        walker.running = True
        QTimer.singleShot(0, walker.inspect)
        action.trigger()
        walker.running = False
        walker.tools(window)


def test_nested_forms_have_unique_letters(qtbot: Any, demo_register: Register) -> None:
    from cchc_desktop.plans.models import Unit
    from ui.register.task_form import TaskForm
    from ui.register.units_dialog import UnitForm

    forms: list[QWidget] = [TaskForm(["Văn phòng"], None, 2021),
                            UnitForm(Unit(id=0, name="Văn phòng"), "Sửa đơn vị")]
    for form in forms:
        qtbot.addWidget(form)
        assert mnemonic_problems(form) == []
