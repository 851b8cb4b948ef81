"""The appendix table model: thin, set_rows(), named columns, formatting in data().

The model holds only the row keys of the current view (cchc_desktop.outline: task ids and
negative heading keys). Task columns are read a page at a time through a loader when a row is
first painted, and a bounded cache is kept, so a 100,000-task plan never loads all its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import compress
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cchc_desktop.plans.queries import KIND_SECTION, KIND_TASK, AppendixRow
from ui.widgets.formatting import format_budget, format_date

(COL_NUMBER, COL_CONTENT, COL_RESULT, COL_LEAD, COL_PARTNER, COL_TIMEFRAME, COL_BUDGET,
 COL_STATUS, COL_DUE, COL_PROGRESS, COL_NOTES) = range(11)
HEADERS = ("TT", "Nội dung", "Sản phẩm/Kết quả", "Chủ trì", "Phối hợp", "Thời gian",
           "Kinh phí (tr.đ)", "Trạng thái", "Hạn", "Tiến độ", "Ghi chú")
# Editable columns -> the TaskDraft field they edit.
FIELDS = {COL_NUMBER: "number", COL_CONTENT: "content", COL_RESULT: "result",
          COL_LEAD: "lead_text", COL_PARTNER: "partner_text", COL_TIMEFRAME: "timeframe",
          COL_BUDGET: "budget_million_vnd", COL_NOTES: "notes"}
TEXT_COLUMNS = (COL_CONTENT, COL_RESULT, COL_LEAD, COL_PARTNER, COL_TIMEFRAME)
STATE_COLUMNS = (COL_STATUS, COL_DUE, COL_PROGRESS)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE = 200
CACHE_LIMIT = 20 * PAGE
_PENDING = "…"

_SECTION_BRUSH = QBrush(QColor("#dde7f3"))
_GROUP_BRUSH = QBrush(QColor("#eef3f9"))
_OVERDUE_BRUSH = QBrush(QColor("#fbe3e1"))
_OVERDUE_TEXT = QBrush(QColor("#9b1c14"))
_DONE_TEXT = QBrush(QColor("#1e6b2f"))
ModelIndex = QModelIndex | QPersistentModelIndex
# Roles as plain ints: data() runs for every role of every painted cell, so it compares ints.
_DISPLAY, _EDIT, _TOOLTIP = (Qt.ItemDataRole.DisplayRole.value, Qt.ItemDataRole.EditRole.value,
                             Qt.ItemDataRole.ToolTipRole.value)
_FONT, _ALIGN = Qt.ItemDataRole.FontRole.value, Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND, _FOREGROUND = (Qt.ItemDataRole.BackgroundRole.value,
                            Qt.ItemDataRole.ForegroundRole.value)
_TEXT_ROLES = frozenset({_DISPLAY, _TOOLTIP})
_STYLE_ROLES = frozenset({_FONT, _BACKGROUND, _FOREGROUND})
_KEY = KEY_ROLE.value if isinstance(KEY_ROLE, Qt.ItemDataRole) else int(KEY_ROLE)
_TOP = Qt.AlignmentFlag.AlignTop
_ALIGNMENTS = [
    {COL_NUMBER: Qt.AlignmentFlag.AlignHCenter, COL_BUDGET: Qt.AlignmentFlag.AlignRight,
     COL_PROGRESS: Qt.AlignmentFlag.AlignRight}.get(column, Qt.AlignmentFlag.AlignLeft) | _TOP
    for column in range(len(HEADERS))
]
_READ_ONLY = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | (
    Qt.ItemFlag.ItemNeverHasChildren)
_EDITABLE = _READ_ONLY | Qt.ItemFlag.ItemIsEditable
Loader = Callable[[Sequence[int]], dict[int, AppendixRow]]
Editor = Callable[[int, str, Any], bool]


def _iso(value: str) -> date | None:
    """Read a stored ISO date (None if it is not one)."""
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class TaskStatus:
    """A task's state in the chosen period, as the table shows it."""

    status: str
    label: str
    due: date | None = None
    overdue: bool = False
    percent: int | None = None
    done: bool = False


class TaskTableModel(QAbstractTableModel):
    """Rows of the appendix (section, group, task) with the appendix and progress columns."""

    def __init__(self, loader: Loader | None = None) -> None:
        super().__init__()
        self._keys: list[int] = []
        self._headings: dict[int, AppendixRow] = {}
        self._cache: dict[int, AppendixRow] = {}
        self._loader: Loader = loader or (lambda ids: {})
        self._states: dict[int, TaskStatus] | None = None
        self._heading_rows: list[int] | None = []
        self.editor: Editor | None = None  # set by the window: turns an edit into a command
        self.heading_numbers_editable = False  # a plan keeping its printed numbers
        self._bold = QFont()
        self._bold.setBold(True)

    # Feeding the model --------------------------------------------------------------------

    def set_loader(self, loader: Loader) -> None:
        """Read task columns through another loader (another register)."""
        self._loader = loader
        self._cache.clear()

    def set_rows(self, keys: list[int], headings: dict[int, AppendixRow],
                 heading_rows: list[int] | None = None) -> None:
        """Replace every row: row keys in order, the headings they refer to, and (if known)
        which rows are headings."""
        self.beginResetModel()
        self._keys = keys
        self._headings = headings
        self._heading_rows = heading_rows
        if len(self._cache) > CACHE_LIMIT:
            self._cache.clear()
        self.endResetModel()

    def set_states(self, states: dict[int, TaskStatus] | None) -> None:
        """Show the tasks' states in a period (None: not computed yet)."""
        self._states = states
        if self._keys:
            self.dataChanged.emit(self.index(0, COL_STATUS),
                                  self.index(len(self._keys) - 1, COL_PROGRESS))

    def forget_all(self) -> None:
        """Re-read every task when next shown (numbers or structure changed)."""
        self._cache.clear()

    def forget(self, task_ids: Sequence[int]) -> None:
        """Re-read these tasks when next shown (they were edited)."""
        for task_id in task_ids:
            self._cache.pop(task_id, None)
        rows = [self.row_of(t) for t in task_ids]
        for row in (r for r in rows if r >= 0):
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    # Reading rows ---------------------------------------------------------------------------

    def row_keys(self) -> list[int]:
        """Return the row keys shown, in order."""
        return self._keys

    def key_at(self, row: int) -> int:
        """Return the row key at a table row."""
        return self._keys[row]

    def row_of(self, key: int) -> int:
        """Return the table row of a key, or -1 if it is not shown."""
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def row_at(self, row: int) -> AppendixRow:
        """Return the appendix row at a table row (reading its page if needed)."""
        key = self._keys[row]
        if key < 0:
            return self._headings[key]
        found = self._cache.get(key)
        if found is None:
            self._load_page(row)
            found = self._cache.get(key) or AppendixRow(KIND_TASK, key, "", "")
        return found

    def _load_page(self, row: int) -> None:
        """Read the page of task rows around a row."""
        start = row - row % PAGE
        wanted = [k for k in self._keys[start : start + PAGE] if k > 0 and k not in self._cache]
        if len(self._cache) + len(wanted) > CACHE_LIMIT:
            self._cache.clear()
        self._cache.update(self._loader(wanted))

    def loaded_count(self) -> int:
        """Return how many task rows are held in memory (for tests and the benchmark)."""
        return len(self._cache)

    def heading_rows(self) -> list[int]:
        """Return the rows that hold headings."""
        if self._heading_rows is None:
            keys = self._keys
            self._heading_rows = list(compress(range(len(keys)), map((0).__gt__, keys)))
        return self._heading_rows

    def task_count(self) -> int:
        """Return how many task rows are shown."""
        return len(self._keys) - len(self.heading_rows())

    def state_of(self, task_id: int) -> TaskStatus | None:
        """Return a task's state in the period, if computed."""
        return self._states.get(task_id) if self._states is not None else None

    # Qt interface ---------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return HEADERS[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        column, key = index.column(), self._keys[index.row()]
        if key > 0:
            return _EDITABLE if column in FIELDS or column == COL_DUE else _READ_ONLY
        if column == COL_CONTENT or (column == COL_NUMBER and self.heading_numbers_editable):
            return _EDITABLE  # a heading's title, and its TT where the plan keeps its numbers
        return _READ_ONLY

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if role in _TEXT_ROLES:
            return self._text(self.row_at(index.row()), index.column())
        if role == _ALIGN:
            return _ALIGNMENTS[index.column()]
        if role in _STYLE_ROLES:
            return self._style(index.row(), index.column(), role)
        if role == _EDIT:
            return self._edit_text(self.row_at(index.row()), index.column())
        if role == _KEY:
            return self._keys[index.row()]
        return None

    def setData(self, index: ModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = index.column()
        if role != Qt.ItemDataRole.EditRole or self.editor is None or (
                column not in FIELDS and column != COL_DUE):
            return False
        key = self._keys[index.row()]
        if key < 0:  # a heading: its title or TT (the window renames it)
            return column in (COL_NUMBER, COL_CONTENT) and bool(self.flags(index) & (
                Qt.ItemFlag.ItemIsEditable)) and self.editor(key, FIELDS[column], value)
        return self.editor(key, FIELDS.get(column, "due_override"), value)

    # Formatting -----------------------------------------------------------------------------

    def _text(self, row: AppendixRow, column: int) -> str:
        """Return the text of one cell."""
        if column == COL_NUMBER:
            return row.number
        if column == COL_CONTENT:
            return row.content
        if row.kind != KIND_TASK:
            return ""
        if column == COL_DUE and row.due_override:
            return f"{format_date(_iso(row.due_override))} (hạn riêng)"
        if column in STATE_COLUMNS:
            return self._state_text(row.id, column)
        values = {COL_RESULT: row.result, COL_LEAD: row.lead, COL_PARTNER: row.partner,
                  COL_TIMEFRAME: row.timeframe, COL_BUDGET: format_budget(row.budget),
                  COL_NOTES: row.notes}
        return values.get(column, "")

    def _edit_text(self, row: AppendixRow, column: int) -> str:
        """Return the text an editor starts from (budget with a decimal comma, no grouping)."""
        if column == COL_BUDGET:
            return format_budget(row.budget).replace(".", "")
        if column == COL_DUE:
            return self._text(row, column).removesuffix(" (hạn riêng)").replace(_PENDING, "")
        return self._text(row, column)

    def _state_text(self, task_id: int, column: int) -> str:
        """Return the status, due date or percent of a task ('…' while being computed)."""
        if self._states is None:
            return _PENDING
        state = self._states.get(task_id)
        if state is None:
            return ""
        if column == COL_STATUS:
            return f"{state.label} (quá hạn)" if state.overdue else state.label
        if column == COL_DUE:
            return format_date(state.due)
        return f"{state.percent}%" if state.percent is not None else ""

    def _style(self, row: int, column: int, role: int) -> Any:
        """Return the font and colours of a cell."""
        key = self._keys[row]
        if key < 0:
            if role == _FONT:
                return self._bold
            if role == _BACKGROUND:
                kind = self._headings[key].kind
                return _SECTION_BRUSH if kind == KIND_SECTION else _GROUP_BRUSH
            return None
        if column not in STATE_COLUMNS or role == _FONT:
            return None
        state = self.state_of(key)
        if state is not None and state.overdue:
            return _OVERDUE_BRUSH if role == _BACKGROUND else _OVERDUE_TEXT
        if state is not None and state.done and role == _FOREGROUND:
            return _DONE_TEXT
        return None
