"""Editors shared by the table and the forms: multi-line text where Enter saves, unit names
with autocomplete from the units directory (diacritic-insensitive), budgets."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QPlainTextEdit, QWidget

from cchc_desktop.text.folding import fold
from ui.widgets.formatting import BudgetValidator

FOLDED_ROLE = Qt.ItemDataRole.UserRole + 2
_SEPARATORS = (";", ",", "\n")


class SubmitTextEdit(QPlainTextEdit):
    """Multi-line text: Enter submits (Shift+Enter starts a new line), Esc cancels, Tab moves."""

    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.insertPlainText("\n")
            else:
                self.submitted.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def text(self) -> str:
        """Return the text (the same name as QLineEdit's, for code that handles both)."""
        return self.toPlainText()

    def setText(self, text: str) -> None:  # noqa: N802
        """Replace the text."""
        self.setPlainText(text)


class UnitCompleter(QCompleter):
    """Completes the unit name being typed (after the last ';' or ',') from the directory.

    Matching ignores marks and case ("van phong" offers "Văn phòng") and finds words anywhere
    in a name; choosing a name keeps the names typed before it.
    """

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        model = QStandardItemModel(self)
        for name in names:
            item = QStandardItem(name)
            item.setData(fold(name), FOLDED_ROLE)
            model.appendRow(item)
        self.setModel(model)
        self.setCompletionRole(FOLDED_ROLE)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802
        return [fold(_last_part(path))]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        cut = max(typed.rfind(sep) for sep in _SEPARATORS)
        before = typed[: cut + 1] + " " if cut >= 0 else ""
        return f"{before.lstrip()}{index.data(Qt.ItemDataRole.DisplayRole)}"


def _last_part(text: str) -> str:
    """Return the text after the last separator (the name being typed)."""
    cut = max(text.rfind(sep) for sep in _SEPARATORS)
    return text[cut + 1 :].strip()


def unit_edit(names: list[str], parent: QWidget | None = None) -> QLineEdit:
    """Return a line edit for unit names with autocomplete."""
    edit = QLineEdit(parent)
    edit.setCompleter(UnitCompleter(names, edit))
    edit.setPlaceholderText("Tên đơn vị; nhiều đơn vị cách nhau bằng dấu ;")
    return edit


def budget_edit(parent: QWidget | None = None) -> QLineEdit:
    """Return a line edit for a budget in millions of đồng with a decimal comma."""
    edit = QLineEdit(parent)
    edit.setValidator(BudgetValidator(edit))
    edit.setPlaceholderText("triệu đồng, ví dụ 2,5")
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit

