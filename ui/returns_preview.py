"""The preview of returned reports: one row per changed task, old → new, conflicts, a choice.

A thin table model over ReturnsPreview.changes (set_preview, named columns, formatting in
data()); the Lựa chọn column is edited with a drop-down of the change's options.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cchc_desktop.excel.consolidate import ReturnsPreview, TaskChange

COL_NUMBER, COL_CONTENT, COL_OLD, COL_NEW, COL_UNITS, COL_CONFLICT, COL_CHOICE = range(7)
HEADERS = ("TT", "Nội dung nhiệm vụ", "Trong sổ (trước)", "Đơn vị báo cáo (sau)", "Đơn vị",
           "Xung đột", "Lựa chọn")
CONFLICT_BRUSH = QBrush(QColor("#fde2e1"))
ModelIndex = QModelIndex | QPersistentModelIndex


class ReturnsPreviewModel(QAbstractTableModel):
    """Rows of a ReturnsPreview's changes."""

    def __init__(self) -> None:
        super().__init__()
        self.preview: ReturnsPreview | None = None
        self.changes: list[TaskChange] = []

    def set_preview(self, preview: ReturnsPreview | None) -> None:
        """Show a preview's changes (None: nothing)."""
        self.beginResetModel()
        self.preview = preview
        self.changes = list(preview.changes) if preview else []
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of changed tasks."""
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def change_at(self, row: int) -> TaskChange:
        """Return the change shown on a row."""
        return self.changes[row]

    def _text(self, change: TaskChange, column: int) -> str:
        """Return a cell's text."""
        if column == COL_NUMBER:
            return change.number
        if column == COL_CONTENT:
            return change.content
        if column == COL_OLD:
            return change.old.reported.describe() if change.old else "(chưa có)"
        if column == COL_NEW:
            return change.new.describe() if change.new else "(giữ nguyên như trong sổ)"
        if column == COL_UNITS:
            return "; ".join(o.label for o in change.options if o.reported is not None)
        if column == COL_CONFLICT:
            return change.conflict_text()
        return change.chosen.label

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return text, tooltips, the choice for editing and the conflict colour."""
        if not index.isValid():
            return None
        change = self.changes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(change, index.column())
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_CHOICE:
            return change.choice
        if role == Qt.ItemDataRole.BackgroundRole and change.conflicts:
            return CONFLICT_BRUSH
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let the choice of a change with options be edited."""
        base = super().flags(index)
        if index.isValid() and index.column() == COL_CHOICE and \
                len(self.changes[index.row()].options) > 1:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Pick an option for a change."""
        if not index.isValid() or index.column() != COL_CHOICE or self.preview is None:
            return False
        change = self.changes[index.row()]
        try:
            self.preview.choose(change.task_id, int(value))
        except (IndexError, ValueError):
            return False
        first, last = self.index(index.row(), 0), self.index(index.row(), len(HEADERS) - 1)
        self.dataChanged.emit(first, last)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """Edits the Lựa chọn column with a drop-down of the change's options."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: ModelIndex) -> QWidget:
        """Return a combo box listing the options."""
        model = index.model()
        assert isinstance(model, ReturnsPreviewModel)
        combo = QComboBox(parent)
        for choice in model.change_at(index.row()).options:
            combo.addItem(choice.label)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        """Select the current choice."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:  # noqa: N802
        """Store the picked option."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)
