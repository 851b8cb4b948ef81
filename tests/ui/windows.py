"""Opening the register window in a test: a register, settings in a temp folder, a day."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from cchc_desktop.register.connection import Register
from ui.shell.main_window import MainWindow


@contextmanager
def opened_window(qtbot: Any, register: Register, tmp_path: Path,
                  today: date) -> Iterator[MainWindow]:
    """Show the register window as of `today`, once the tasks' states are in; let its work
    finish afterwards."""
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(register, settings, today=today)
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.states_period != "", timeout=15000)
    yield window
    window.ops.wait()


@contextmanager
def demo_day_window(qtbot: Any, register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    """Show the register window as test_main_window.make_window does (its day, states in);
    afterwards let its work finish and collect the closed widgets here, on the GUI thread."""
    from tests.ui.test_main_window import make_window

    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = make_window(qtbot, register, settings)
    yield window
    window.ops.wait()
    gc.collect()
