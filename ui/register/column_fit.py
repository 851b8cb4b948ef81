"""Columns that use the window's width: the room left over on the right is shared by the long
text columns (Nội dung, Sản phẩm/Kết quả); narrowing the window gives it back, and when the
columns overflow by a little (1366-px screen), those two give up what is missing so Tiến độ is
not cut — never below a readable width. Widths the officer sets by hand stay his (the share is
added on top of them, or taken from them)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QTableView

from ui.register.task_table_model import COL_CONTENT, COL_RESULT

SHARES = {COL_CONTENT: 0.6, COL_RESULT: 0.4}
NARROWEST = {COL_CONTENT: 240, COL_RESULT: 150}  # what they keep when giving up room


class ColumnFitter(QObject):
    """Watches a table's size and shares its spare width among the long text columns."""

    def __init__(self, table: QTableView, window: QObject | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.added: dict[int, int] = {}
        self._adjusting = False
        table.viewport().installEventFilter(self)
        table.horizontalHeader().sectionResized.connect(self._resized_by_hand)
        if window is not None:  # the widths remembered on closing are the officer's own
            window.installEventFilter(self)

    def _resized_by_hand(self, column: int, _old: int, _new: int) -> None:
        """A width set by the officer becomes the column's own width."""
        if not self._adjusting:
            self.added.pop(column, None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Fit the columns whenever the table's viewport changes size."""
        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            self.fit()
        elif event.type() == QEvent.Type.Close and watched is not self.table.viewport():
            self.take_back()
        return False

    def take_back(self) -> None:
        """Give the columns their own widths again (before they are remembered)."""
        self._adjusting = True
        try:
            for column, extra in self.added.items():
                self.table.setColumnWidth(column, self.table.columnWidth(column) - extra)
        finally:
            self._adjusting = False
        self.added.clear()

    def fit(self) -> None:
        """Share the spare width (or take back what was added when it no longer fits)."""
        table = self.table
        columns = range(table.model().columnCount())
        own = sum(table.columnWidth(c) - self.added.get(c, 0) for c in columns
                  if not table.isColumnHidden(c))
        spare = table.viewport().width() - own - 2
        shown = {c: s for c, s in SHARES.items() if not table.isColumnHidden(c)}
        total = sum(shown.values()) or 1
        room = sum(max(0, table.columnWidth(c) - self.added.get(c, 0) - NARROWEST[c])
                   for c in shown)
        if spare < 0 and -spare > room:
            spare = 0  # far too wide anyway (widths set by hand): the scroll bar it is
        self._adjusting = True
        try:
            for column in SHARES:
                base = table.columnWidth(column) - self.added.get(column, 0)
                extra = max(int(spare * shown.get(column, 0) / total), NARROWEST[column] - base)
                self.added[column] = extra
                table.setColumnWidth(column, base + extra)
        finally:
            self._adjusting = False
