"""The appendix table model: thin, set_rows(), named columns, formatting in data()."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cchc_desktop.queries import KIND_GROUP, KIND_SECTION, KIND_TASK, AppendixRow

COL_NUMBER, COL_CONTENT, COL_RESULT, COL_LEAD, COL_PARTNER, COL_TIMEFRAME, COL_BUDGET = range(7)
HEADERS = ("TT", "Nội dung", "Sản phẩm/Kết quả", "Chủ trì", "Phối hợp", "Thời gian",
           "Kinh phí (tr.đ)")
_SECTION_BRUSH = QBrush(QColor("#dde7f3"))
_GROUP_BRUSH = QBrush(QColor("#f0f4f9"))
ModelIndex = QModelIndex | QPersistentModelIndex


def format_budget(value: float | None) -> str:
    """Format millions of đồng the Vietnamese way (1.500; 1,5)."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


class TaskTableModel(QAbstractTableModel):
    """Rows of the appendix (section, group, task) with the appendix columns."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AppendixRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[AppendixRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> AppendixRow:
        """Return the appendix row shown at a table row."""
        return self._rows[row]

    def task_count(self) -> int:
        """Return how many task rows the model holds."""
        return sum(1 for r in self._rows if r.kind == KIND_TASK)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def _text(self, row: AppendixRow, column: int) -> str:
        """Return the text of one cell."""
        if column == COL_NUMBER:
            return row.number
        if column == COL_CONTENT:
            return row.content
        if row.kind != KIND_TASK:
            return ""
        values = {COL_RESULT: row.result, COL_LEAD: row.lead, COL_PARTNER: row.partner,
                  COL_TIMEFRAME: row.timeframe, COL_BUDGET: format_budget(row.budget)}
        return values.get(column, "")

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.FontRole and row.kind in (KIND_SECTION, KIND_GROUP):
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return {KIND_SECTION: _SECTION_BRUSH, KIND_GROUP: _GROUP_BRUSH}.get(row.kind)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_NUMBER, COL_BUDGET):
            align = Qt.AlignmentFlag.AlignCenter if index.column() == COL_NUMBER else (
                Qt.AlignmentFlag.AlignRight)
            return align | Qt.AlignmentFlag.AlignVCenter
        return None
