"""The Lưu / Hủy button row every form ends with."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Return "Lưu" (default, Enter) and "Hủy" (Esc) buttons wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText("&Lưu")
    buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
