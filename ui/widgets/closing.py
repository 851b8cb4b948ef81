"""Every window of the program closes from the keyboard: a Đóng button, Esc and Ctrl+W."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QWidget

CLOSE_TEXT = "Đó&ng"


def add_close_keys(window: QWidget) -> list[QShortcut]:
    """Let Ctrl+W (and Esc, which a dialog already has) close the window."""
    keys = ["Ctrl+W"] if isinstance(window, QDialog) else ["Esc", "Ctrl+W"]
    shortcuts = []
    for key in keys:
        shortcut = QShortcut(QKeySequence(key), window)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(window.close)
        shortcuts.append(shortcut)
    return shortcuts


def close_button(window: QWidget) -> QPushButton:
    """Return a Đóng button for the window, with Esc and Ctrl+W closing it as well."""
    button = QPushButton(CLOSE_TEXT)
    button.setObjectName("closeButton")
    button.setToolTip("Đóng cửa sổ (Esc, Ctrl+W)")
    button.clicked.connect(window.close)
    add_close_keys(window)
    return button
