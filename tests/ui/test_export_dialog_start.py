"""Xuất Excel starts in the folder last used and every field has its own Alt+letter."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from cchc_desktop.register.connection import Register
from ui.exchange.exchange_dialog import ExportDialog, TemplatesDialog
from ui.widgets import file_dialogs
from ui.widgets.mnemonics import mnemonic_problems, window_mnemonics


def test_export_starts_in_the_last_folder_with_alt_letters(qtbot: Any, demo_register: Register,
                                                         tmp_path: Path) -> None:
    file_dialogs.use_settings(QSettings(str(tmp_path / "cai-dat.ini"),
                                        QSettings.Format.IniFormat))
    folder = tmp_path / "bao-cao"
    folder.mkdir()
    file_dialogs.remember(folder / "bang.pdf")
    dialog = ExportDialog(demo_register, 1, today=date(2021, 6, 15))
    qtbot.addWidget(dialog)
    assert Path(dialog.path_edit.text()) == folder / "phu-luc-ke-hoach.xlsx"
    templates = TemplatesDialog(demo_register, 1, today=date(2021, 6, 15))
    qtbot.addWidget(templates)
    assert Path(templates.folder_edit.text()) == folder / "bieu-mau-cchc"
    assert mnemonic_problems(dialog) == []
    letters = window_mnemonics(dialog)
    assert {"t", "c", "p", "k", "x", "n"} <= set(letters), letters
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.keyRelease(target, Qt.Key.Key_Alt)
    assert dialog.scope_box.hasFocus()
