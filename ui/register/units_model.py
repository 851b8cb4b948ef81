"""The units directory as a table model: thin, set_rows(), named columns, formatting in data()."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from cchc_desktop.plans.models import UNIT_KINDS, Unit

COL_NAME, COL_SHORT, COL_KIND, COL_ALIASES, COL_TASKS, COL_CONFIRMED = range(6)
HEADERS = ("Tên đơn vị", "Tên viết tắt", "Loại", "Tên khác", "Số nhiệm vụ", "Trạng thái")
UNCONFIRMED = "Chưa xác nhận"
_UNCONFIRMED_BRUSH = QBrush(QColor("#fff4d6"))
ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class UnitRow:
    """A unit with the number of tasks that name it."""

    unit: Unit
    tasks: int = 0


class UnitsModel(QAbstractTableModel):
    """Rows of the units directory."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[UnitRow] = []

    def set_rows(self, rows: list[UnitRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> UnitRow:
        """Return the unit row at a table row."""
        return self._rows[row]

    def row_of(self, unit_id: int) -> int:
        """Return the table row of a unit, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.unit.id == unit_id), -1)

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

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole and not row.unit.confirmed:
            return _UNCONFIRMED_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COL_TASKS:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    @staticmethod
    def _text(row: UnitRow, column: int) -> str:
        """Return the text of one cell."""
        unit = row.unit
        values = {
            COL_NAME: unit.name,
            COL_SHORT: unit.short_name,
            COL_KIND: UNIT_KINDS.get(unit.kind, unit.kind),
            COL_ALIASES: "; ".join(unit.aliases),
            COL_TASKS: str(row.tasks),
            COL_CONFIRMED: "Đã xác nhận" if unit.confirmed else UNCONFIRMED,
        }
        return values[column]
