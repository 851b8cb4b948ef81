"""Qt's own buttons speak Vietnamese; every other Qt string is left as Qt has it."""

from __future__ import annotations

from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QMessageBox

from ui.shell.translations import install_vietnamese


def test_standard_buttons_in_vietnamese_and_other_strings_untouched(qtbot) -> None:
    install_vietnamese()
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]
    assert QPageSize(QPageSize.PageSizeId.A4).name() == "A4"
