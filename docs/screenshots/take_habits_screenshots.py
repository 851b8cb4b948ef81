"""Take the screenshots of the register window's daily habits at 1366×768 and 1920×1080,
under Xvfb for real fonts:

    Xvfb :96 -screen 0 1920x1080x24 &
    DISPLAY=:96 .venv/bin/python docs/screenshots/take_habits_screenshots.py docs/screenshots

Writes thanh-lenh-{1366,1920}.png (the toolbar and the right-click menu of a row),
don-vi-{1366,1920}.png (the units directory with Tách and Xóa), in-bang-{1366,1920}.png (the
Vietnamese print dialog) and phim-tat-{1366,1920}.png (the shortcut list).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from stage import OUT, TMP, TODAY, register, wait  # noqa: E402

from ui.register.context_menu import build_row_menu  # noqa: E402
from ui.register.units_dialog import UnitsDialog  # noqa: E402
from ui.shell.help_dialog import ShortcutsDialog  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402
from ui.shell.toolbar import row_menu_actions  # noqa: E402
from ui.widgets.print_dialog import PrintDialog  # noqa: E402


def grab_screen(name: str, width: int, height: int) -> None:
    """Save the top-left width×height of the screen (popups included)."""
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, 0, 0, width, height).save(str(OUT / f"{name}-{width}.png"))


def dialog_shot(name: str, dialog: QWidget, width: int) -> None:
    """Show a dialog, let it paint, save it."""
    dialog.show()
    wait(500)
    dialog.grab().save(str(OUT / f"{name}-{width}.png"))
    dialog.close()


def take(width: int, height: int) -> None:
    """The window with a row menu open, the units directory, printing, the shortcuts."""
    window = MainWindow(register, QSettings(str(TMP / f"ui-{width}.ini"),
                                            QSettings.Format.IniFormat), today=TODAY)
    window.setGeometry(0, 0, width, height)
    window.show()
    wait(1500)
    table = window.table
    row = next(r for r, k in enumerate(window.model.row_keys()) if k > 0)
    rect = table.visualRect(window.model.index(row + 2, 1))
    menu = build_row_menu(table, lambda: row_menu_actions(window), rect.center())
    menu.popup(table.viewport().mapToGlobal(rect.center()))
    wait(600)
    grab_screen("thanh-lenh", width, height)
    menu.close()
    dialog_shot("don-vi", UnitsDialog(window, window.undo_stack, window), width)
    dialog_shot("in-bang", PrintDialog(QPrinter(), window, "bang-nhiem-vu.pdf"), width)
    rows = [(a.text().replace("&", ""), ", ".join(k.toString() for k in a.shortcuts()))
            for a in window.actions_by_name.values() if a.shortcuts()]
    dialog_shot("phim-tat", ShortcutsDialog(rows, window), width)
    window.close()
    print("saved", width)


take(1366, 768)
take(1920, 1080)
