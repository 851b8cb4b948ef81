"""Thin table models of the inspection, one-stop and target windows: set_rows(), columns."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

T = TypeVar("T")
ModelIndex = QModelIndex | QPersistentModelIndex
WARN_BRUSH = QBrush(QColor("#fde2e1"))
OK_BRUSH = QBrush(QColor("#e3f4e1"))
HEADING_BRUSH = QBrush(QColor("#dde7f3"))


@dataclass(frozen=True)
class Col(Generic[T]):
    """A column: header, the cell text of a row, and optional alignment."""

    header: str
    text: Callable[[T], str]
    center: bool = False
    tip: Callable[[T], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Rows of records shown through named columns; a row may be tinted or bold."""

    def __init__(self, columns: Sequence[Col[T]],
                 tint: Callable[[T], QBrush | None] | None = None,
                 bold: Callable[[T], bool] | None = None) -> None:
        super().__init__()
        self.columns = list(columns)
        self._rows: list[T] = []
        self._tint = tint
        self._bold = bold
        self._font = QFont()
        self._font.setBold(True)

    def set_rows(self, rows: Sequence[T]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T:
        """Return the record shown at a row."""
        return self._rows[row]

    def rows(self) -> list[T]:
        """Return every record, in order."""
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def text(self, row: int, column: int) -> str:
        """Return the text of one cell."""
        return self.columns[column].text(self._rows[row])

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and column.tip is not None:
            return column.tip(record)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(record)
        if role == Qt.ItemDataRole.BackgroundRole and self._tint is not None:
            return self._tint(record)
        if role == Qt.ItemDataRole.FontRole and self._bold is not None and self._bold(record):
            return self._font
        if role == Qt.ItemDataRole.TextAlignmentRole and column.center:
            return Qt.AlignmentFlag.AlignCenter
        return None
