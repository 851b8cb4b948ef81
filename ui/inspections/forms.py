"""Form helpers shared by the inspection, one-stop and target windows (no SQL here).

A FormDialog runs its submit callback when OK is pressed and stays open with the Vietnamese
message of a CchcError under the fields, so a refused value is corrected in place. Dialogs are
opened with open() (window-modal, not blocking), which the pytest-qt flows drive directly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.schedule.periods import (
    PeriodError,
    parse_period_code,
    period_for_date,
    periods_of_year,
)

DATE_HINT = "ngày/tháng/năm, ví dụ 15/06/2026"
W = TypeVar("W", bound=QWidget)


def show_date(value: str | None) -> str:
    """Return an ISO date as dd/mm/yyyy for a field ('' when empty)."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{day:%d/%m/%Y}"


def date_field(value: str | None = None) -> QLineEdit:
    """Return a line edit for a date typed as dd/mm/yyyy (the core also reads ISO)."""
    edit = QLineEdit(show_date(value))
    edit.setPlaceholderText(DATE_HINT)
    return edit


def combo(items: dict[str, str] | Sequence[tuple[Any, str]], current: Any = None) -> QComboBox:
    """Return a combo box of (value, label) items with the current value selected."""
    box = QComboBox()
    pairs = list(items.items()) if isinstance(items, dict) else list(items)
    for value, label in pairs:
        box.addItem(label, value)
    index = box.findData(current)
    if index >= 0:
        box.setCurrentIndex(index)
    return box


def period_box(today: date) -> QComboBox:
    """Return a combo of reporting periods (four years back to next year), today's chosen."""
    box = QComboBox()
    box.setObjectName("periodBox")
    for year in range(today.year - 4, today.year + 2):
        for period in periods_of_year(year):
            box.addItem(period.title, period.code)
    try:
        current = period_for_date(today).code
    except PeriodError:
        current = str(today.year)
    box.setCurrentIndex(max(box.findData(current), 0))
    return box


def choose_period(box: QComboBox, code: str) -> None:
    """Select a period in a period combo, adding it first if the combo lacks it."""
    period = parse_period_code(code)
    if box.findData(period.code) < 0:
        box.addItem(period.title, period.code)
    box.setCurrentIndex(box.findData(period.code))


def text_lines(edit: QPlainTextEdit) -> list[str]:
    """Return the non-empty lines of a multi-line field."""
    return [line.strip() for line in edit.toPlainText().splitlines() if line.strip()]


def show_error(parent: QWidget, error: Exception,
               title: str = "Không thực hiện được") -> QMessageBox:
    """Show a Vietnamese error message without blocking; return the box (tests read it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(error), QMessageBox.StandardButton.Ok,
                      parent)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def attempt(parent: QWidget, action: Callable[[], Any]) -> bool:
    """Run a service call; on a CchcError show its message and return False."""
    try:
        action()
    except CchcError as error:
        parent.setProperty("last_error", str(error))
        show_error(parent, error)
        return False
    parent.setProperty("last_error", "")
    return True


class FormDialog(QDialog):
    """A dialog of labelled fields whose OK runs submit(); errors are shown under the form."""

    def __init__(self, title: str, parent: QWidget | None = None, scroll: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if scroll:
            inner = QWidget()
            inner.setLayout(self.form)
            area = QScrollArea()
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(inner)
            layout.addWidget(area)
        else:
            layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.submit: Callable[[], None] | None = None

    def add_row(self, label: str, widget: W) -> W:
        """Add a labelled field and return it."""
        self.form.addRow(label, widget)
        return widget

    def accept(self) -> None:
        """Run submit(); close only if it succeeded, else show its message."""
        if self.submit is not None:
            try:
                self.submit()
            except CchcError as error:
                self.error_label.setText(str(error))
                return
        self.error_label.clear()
        super().accept()
