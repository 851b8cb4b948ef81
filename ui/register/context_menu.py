"""Right-click on the appendix table: the commands for the rows under the mouse (the same
actions as the menus, so their shortcuts show beside them)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.register.table_view import AppendixTable

Entries = Callable[[], Sequence[QAction | None]]  # None: a separator


def build_row_menu(table: AppendixTable, entries: Entries, pos: QPoint) -> QMenu:
    """Select the row under the mouse (unless it is already selected) and return the menu."""
    index = table.indexAt(pos)
    if index.isValid() and index.row() not in {i.row() for i in
                                               table.selectionModel().selectedRows()}:
        table.setCurrentIndex(index)
        table.selectRow(index.row())
    menu = QMenu(table)
    for action in entries():
        if action is None:
            menu.addSeparator()
        else:
            menu.addAction(action)
    return menu


def install_row_menu(table: AppendixTable, entries: Entries) -> None:
    """Open the row menu on a right click (or the menu key) on the table."""
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    table.customContextMenuRequested.connect(
        lambda pos: build_row_menu(table, entries, pos).exec(
            table.viewport().mapToGlobal(pos)))
