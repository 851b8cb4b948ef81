"""The evidence files of a progress entry: attach several, open one with the system's program
for its kind (Word, PDF, pictures), take one off the list."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.progress.entries import attach_evidence
from cchc_desktop.progress.evidence import evidence_path
from cchc_desktop.register.connection import Register
from ui.widgets import file_dialogs


class EvidenceList(QWidget):
    """A list of evidence files (names relative to the register) with its buttons."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.list = QListWidget()
        self.list.setObjectName("evidenceFiles")
        self.list.setMaximumHeight(self.list.fontMetrics().lineSpacing() * 4 + 12)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_current())
        self.opened: list[str] = []  # what was handed to the system (tests read it)
        buttons = QVBoxLayout()
        for text, slot in (("Đính kèm tệp…", self.attach), ("Mở tệp", self.open_current),
                           ("Bỏ khỏi danh sách", self.remove_current)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)

    def files(self) -> list[str]:
        """Return the files listed, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def set_files(self, files: list[str]) -> None:
        """Show these files."""
        self.list.clear()
        self.list.addItems(files)

    def add_paths(self, paths: list[str]) -> None:
        """Copy files beside the register and list them."""
        for path in paths:
            try:
                self.list.addItem(attach_evidence(self.register, path))
            except CchcError as error:
                QMessageBox.warning(self, "Không đính kèm được", str(error))

    def attach(self) -> None:
        """Ask for one or more files and attach them."""
        paths, _ = file_dialogs.get_open_file_names(self, "Chọn tệp kiểm chứng")
        self.add_paths(paths)

    def open_current(self) -> bool:
        """Open the chosen file with the system's default program for its kind."""
        item = self.list.currentItem()
        if item is None:
            return False
        path = evidence_path(self.register, item.text())
        if not path.exists():
            QMessageBox.warning(self, "Không mở được tệp", f"Không tìm thấy tệp '{path}'.")
            return False
        self.opened.append(str(path))
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def remove_current(self) -> None:
        """Take the chosen file off the list (the copy beside the register stays)."""
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
