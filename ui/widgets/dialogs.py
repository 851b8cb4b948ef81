"""Run a dialog and let it go: a window opened from a menu is deleted once it is closed, so
each use does not leave a hidden dialog (with its timers and models) behind until the
program ends."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_dialog(dialog: QDialog) -> bool:
    """Show a dialog modally; return True if accepted. It is deleted when control returns to
    the event loop, so what it holds can still be read right after."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
