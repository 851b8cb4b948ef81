"""The pre-print check shown above the preview: what a signer would find missing, each with a
button that opens the setting that fixes it, and the draft (DỰ THẢO) choices."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from cchc_desktop.reports.model import (
    SETTING_AGENCY,
    SETTING_INSPECTION,
    SETTING_PLAN,
    SETTING_PROGRESS,
    Missing,
)

FIX_LABELS = {
    SETTING_AGENCY: "Thông tin cơ quan và người ký…",
    SETTING_PLAN: "Thông tin kế hoạch…",
    SETTING_PROGRESS: "Ghi tiến độ…",
    SETTING_INSPECTION: "Kiểm tra CCHC…",
}


class MissingPanel(QFrame):
    """List the missing items with a fix button each; offer to save or print a draft."""

    fix_requested = Signal(object)
    save_draft_requested = Signal()
    print_draft_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("missing_panel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#missing_panel { background: #fff4e5; border: 1px solid #e0a040; }")
        self.title = QLabel("<b>Văn bản còn thiếu thông tin, chưa thể in để ký:</b>")
        self.rows = QGridLayout()
        self.save_draft_button = QPushButton("Lưu bản dự thảo…")
        self.print_draft_button = QPushButton("In bản dự thảo…")
        self.save_draft_button.setToolTip("Lưu bản có chữ “DỰ THẢO” trên mỗi trang, để trống "
                                          "phần còn thiếu (PDF hoặc Word)")
        self.save_draft_button.clicked.connect(self.save_draft_requested)
        self.print_draft_button.clicked.connect(self.print_draft_requested)
        draft_row = QHBoxLayout()
        draft_row.addWidget(QLabel("Hoặc tạo bản dự thảo (có chữ “DỰ THẢO” trên mỗi trang):"))
        draft_row.addWidget(self.save_draft_button)
        draft_row.addWidget(self.print_draft_button)
        draft_row.addStretch(1)
        layout = QGridLayout(self)
        layout.addWidget(self.title, 0, 0)
        layout.addLayout(self.rows, 1, 0)
        layout.addLayout(draft_row, 2, 0)
        self.items: list[Missing] = []
        self.fix_buttons: list[QPushButton] = []
        self.hide()

    def show_items(self, items: Sequence[Missing]) -> None:
        """Show these items (hide the panel when there are none)."""
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        self.items = list(items)
        self.fix_buttons = []
        for row, item in enumerate(self.items):
            label = QLabel(f"• {item.message}")
            label.setWordWrap(True)  # a long message wraps instead of widening the window
            self.rows.addWidget(label, row, 0)
            button = QPushButton(FIX_LABELS.get(item.setting, "Bổ sung…"))
            button.clicked.connect(lambda _=False, chosen=item: self.fix_requested.emit(chosen))
            self.rows.addWidget(button, row, 1)
            self.fix_buttons.append(button)
        self.rows.setColumnStretch(0, 1)
        self.setVisible(bool(self.items))


class DataNote(QLabel):
    """What the figures rest on (e.g. entries carried forward from earlier periods): said above
    the preview, never blocking the document."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_note")
        self.setWordWrap(True)
        self.setStyleSheet("#data_note { background: #eef4ff; border: 1px solid #9bb5e0; "
                           "padding: 4px; }")
        self.hide()

    def show_notes(self, notes: Sequence[str]) -> None:
        """Show these notes (hide when there are none)."""
        self.setText("\n".join(f"Lưu ý — {note}" for note in notes))
        self.setVisible(bool(notes))
