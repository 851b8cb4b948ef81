"""The appendix table: headings spanning the row, rows fitted to their text as they come into
view, sortable and hideable columns whose widths and order are remembered between runs."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QWidget

from ui.register.header_state import restore_header
from ui.register.row_drag import RowDrag
from ui.register.task_table_model import (
    COL_CONTENT,
    COL_DUE,
    COL_LEAD,
    COL_NOTES,
    COL_NUMBER,
    COL_PARTNER,
    COL_RESULT,
    COL_STATUS,
    COL_TIMEFRAME,
    HEADERS,
    TaskTableModel,
)

DEFAULT_WIDTHS = (46, 330, 200, 125, 140, 130, 92, 118, 80, 60, 180)
HIDDEN_AT_FIRST = (COL_NOTES,)  # Ghi chú: shown from the column menu
NOTES_KEY = "table/hasNotesColumn"
MAX_ROW_HEIGHT = 170
MIN_ROW_HEIGHT = 24
_WRAP = Qt.TextFlag.TextWordWrap.value | Qt.AlignmentFlag.AlignLeft.value
STATE_KEY = "appendix/header"


class AppendixTable(RowDrag):
    """A QTableView for TaskTableModel rows (task rows can be dragged: ui.register.row_drag)."""

    sort_requested = Signal(int, bool)  # column (-1: appendix order), descending

    def __init__(self, model: TaskTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskTable")
        self.setModel(model)
        self.task_model = model
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setTabKeyNavigation(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setMinimumSectionSize(24)
        self._fitted: set[int] = set()
        self._heights: dict[int, int] = {}
        self._metrics: dict[bool, QFontMetrics] = {}
        self._keep_in_view: list[QPersistentModelIndex] = []  # the last, then the first
        self._picked: list[QPersistentModelIndex] = []  # the rows selected last by code
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_visible_rows)
        self._build_header()
        self._setup_drag()
        model.modelReset.connect(self._rows_replaced)
        model.dataChanged.connect(self._text_changed)
        self.verticalScrollBar().valueChanged.connect(lambda *_: self._fit_timer.start())

    def _build_header(self) -> None:
        """Make the header sortable, resizable, movable and give it a column menu."""
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        for column, width in enumerate(DEFAULT_WIDTHS):
            self.setColumnWidth(column, width)
        header.sortIndicatorChanged.connect(self._sort_clicked)
        header.sectionResized.connect(lambda *_: self._refit())
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)

    # Sorting ---------------------------------------------------------------------------------

    def _sort_clicked(self, column: int, order: Qt.SortOrder) -> None:
        """Ask for a sort by a clicked column (a cleared indicator means appendix order)."""
        self.sort_requested.emit(column, order == Qt.SortOrder.DescendingOrder)

    def show_sort(self, column: int, descending: bool) -> None:
        """Show the sort indicator without asking for a sort again."""
        header = self.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(column, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    # Columns ---------------------------------------------------------------------------------

    def column_actions(self, parent: QWidget) -> list[QAction]:
        """Return a checkable action per column that shows or hides it."""
        actions = []
        for column, title in enumerate(HEADERS):
            action = QAction(title, parent)
            action.setCheckable(True)
            action.setChecked(not self.isColumnHidden(column))
            action.setEnabled(column != COL_CONTENT)
            action.toggled.connect(lambda shown, c=column: self.show_column(c, shown))
            actions.append(action)
        return actions

    def show_column(self, column: int, shown: bool) -> None:
        """Show or hide a column (the content column always stays)."""
        self.setColumnHidden(column, not shown and column != COL_CONTENT)
        self._refit()

    def _header_menu(self, pos: QPoint) -> None:
        """Offer the column list on a right click on the header."""
        menu = QMenu(self)
        menu.addSection("Hiện cột")
        for action in self.column_actions(menu):
            menu.addAction(action)
        menu.exec(self.horizontalHeader().mapToGlobal(pos))

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths, order and visibility."""
        settings.setValue(STATE_KEY, self.horizontalHeader().saveState())
        settings.setValue(NOTES_KEY, 1)

    def restore_state(self, settings: QSettings) -> None:
        """Restore remembered columns (the sort order always starts as the appendix's)."""
        state = settings.value(STATE_KEY)
        restored = isinstance(state, QByteArray) and not state.isEmpty() and (
            restore_header(self.horizontalHeader(), state))
        if not restored or settings.value(NOTES_KEY) is None:  # a state from before Ghi chú
            for column in HIDDEN_AT_FIRST:
                self.setColumnHidden(column, True)
        self.setColumnHidden(COL_CONTENT, False)
        self.show_sort(-1, False)

    # Row heights and spans ---------------------------------------------------------------------

    def _rows_replaced(self) -> None:
        """Span the headings and fit the rows in view after the rows changed."""
        self.clearSpans()
        model = self.task_model
        span = len(HEADERS) - COL_CONTENT
        for row in model.heading_rows():
            self.setSpan(row, COL_CONTENT, 1, span)
        self._fitted.clear()  # rows moved; the heights their texts need did not
        self._fit_timer.start()

    def _refit(self) -> None:
        """Fit the rows in view again soon (text or widths changed), the current row kept in
        view if it was."""
        current = self.currentIndex()
        if current.isValid() and self.viewport().rect().intersects(self.visualRect(current)):
            pick = [p for p in self._picked if p.isValid()]
            same = bool(pick) and pick[-1].row() == current.row()
            self._keep_in_view = self._keep_in_view or (
                pick if same else [QPersistentModelIndex(current)])
        self._fitted.clear()
        self._heights.clear()
        self._fit_timer.start()

    def _text_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        """Refit the rows in view when text changed, the states' columns included ("Chưa có báo
        cáo (quá hạn)", "15/11/2021 (hạn riêng)" wrap)."""
        self._refit()

    def fit_visible_rows(self) -> None:
        """Give the rows in view the height of their text (capped), leaving the others; the
        row just selected (select_key) stays wholly in view although rows grew."""
        self._fit_pass()
        targets = [self.task_model.index(t.row(), t.column()) for t in self._keep_in_view
                   if t.isValid()]
        self._keep_in_view = []
        for step in range(5 if targets else 0):  # scrolling shows rows not fitted yet:
            if step % 2:                           # fit them, scroll again
                self._fit_pass()
                continue
            for target in targets:
                self.scrollTo(target)

    def _fit_pass(self) -> None:
        """Fit the rows in view (rows scrolled into view by fitting are fitted too)."""
        rows = self.task_model.rowCount()
        for _ in range(3):
            first = max(self.rowAt(0), 0)
            last = self.rowAt(self.viewport().height() - 1)
            last = rows - 1 if last < 0 else last
            pending = [r for r in range(first, min(last + 1, rows)) if r not in self._fitted]
            if not pending:
                return
            for row in pending:
                height = self._row_height(row)
                if self.rowHeight(row) != height:
                    self.setRowHeight(row, height)
                self._fitted.add(row)

    def _row_height(self, row: int) -> int:
        """Return the height a row's wrapped text needs (remembered per row key)."""
        model = self.task_model
        key = model.key_at(row)
        height = self._heights.get(key)
        if height is not None:
            return height
        item = model.row_at(row)
        if key < 0:
            width = sum(self.columnWidth(c) for c in range(COL_CONTENT, len(HEADERS))
                        if not self.isColumnHidden(c))
            needed = self._wrapped(item.content, width, bold=True)
        else:
            texts = {COL_NUMBER: item.number, COL_CONTENT: item.content, COL_RESULT: item.result,
                     COL_LEAD: item.lead, COL_PARTNER: item.partner,
                     COL_TIMEFRAME: item.timeframe, COL_NOTES: item.notes,
                     COL_STATUS: str(model.index(row, COL_STATUS).data() or ""),
                     COL_DUE: str(model.index(row, COL_DUE).data() or "")}
            needed = max(self._wrapped(text, self.columnWidth(column))
                         for column, text in texts.items() if not self.isColumnHidden(column))
        height = min(max(needed + 8, MIN_ROW_HEIGHT), MAX_ROW_HEIGHT)
        self._heights[key] = height
        return height

    def _wrapped(self, text: str, width: int, bold: bool = False) -> int:
        """Return the height of text wrapped to a column width."""
        if not text:
            return 0
        metrics = self._metrics.get(bold)
        if metrics is None:
            font = QFont(self.font())
            font.setBold(bold)
            metrics = self._metrics[bold] = QFontMetrics(font)
        rect = QRect(0, 0, max(width - 8, 8), 1 << 20)
        return metrics.boundingRect(rect, _WRAP, text).height()

    def resizeEvent(self, event: object) -> None:  # noqa: N802
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._fit_timer.start()

    def rows_in_view(self) -> int:
        """Return how many rows the viewport holds at the smallest row height."""
        return max(self.viewport().height() // MIN_ROW_HEIGHT + 1, 20)

    def current_key(self) -> int | None:
        """Return the row key of the current row, if any."""
        index = self.currentIndex()
        return self.task_model.key_at(index.row()) if index.isValid() else None

    def selected_keys(self) -> list[int]:
        """Return the row keys of the selected rows, in table order."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.task_model.key_at(r) for r in rows]

    def scrollTo(self, index: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible
                 ) -> None:
        """Scroll to a cell; a heading row (its text spans every column after TT, wider than
        the window) is scrolled to up or down only, so the table never slides off TT."""
        if index.isValid() and self.task_model.key_at(index.row()) < 0:
            bar = self.horizontalScrollBar()
            left = bar.value()
            super().scrollTo(index, hint)
            bar.setValue(left)
            return
        super().scrollTo(index, hint)

    def select_key(self, key: int | None, column: int = COL_CONTENT) -> bool:
        """Make a row current and selected, scrolled into view; False if it is not shown."""
        row = self.task_model.row_of(key) if key is not None else -1
        if row < 0:
            return False
        index = self.task_model.index(row, column)
        # Not setCurrentIndex/selectRow: they read the keys held down, so after Ctrl+Z (Ctrl
        # still down) they toggled the row off instead of selecting it.
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        if row not in self._fitted:  # its height first: scrolled in view, it stays whole
            self.setRowHeight(row, self._row_height(row))
        self.scrollTo(index)
        self._keep_in_view = self._picked = [QPersistentModelIndex(index)]
        self._fit_timer.start()
        return True

    def select_keys(self, keys: list[int]) -> None:
        """Select several rows (those shown), the first one current; as many of them as fit
        are scrolled into view, the first one always."""
        rows = [r for r in map(self.task_model.row_of, keys) if r >= 0]
        if not rows:
            return
        self.select_key(self.task_model.key_at(rows[0]), max(self.currentIndex().column(), 1))
        selection = QItemSelection()
        last = self.task_model.columnCount() - 1
        for row in rows:
            selection.select(self.task_model.index(row, 0), self.task_model.index(row, last))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        first, end = self.task_model.index(rows[0], 1), self.task_model.index(rows[-1], 1)
        self._keep_in_view = self._picked = [QPersistentModelIndex(end),
                                             QPersistentModelIndex(first)]
        self.scrollTo(end)
        self.scrollTo(first)
