"""Small building blocks of the inspection windows' tables: a record table, widths, selection,
a row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
)

from ui.inspections.models import RecordTableModel


def table(model: RecordTableModel, name: str, stretch: int = 0,  # type: ignore[type-arg]
          wrap: bool = False) -> QTableView:
    """Return a row-selecting table: one column stretches, the others fit their contents."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    if wrap:
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def fixed_width(view: QTableView, column: int, width: int) -> None:
    """Give a column a fixed starting width the officer may drag."""
    view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(column, width)


def selected_row(view: QTableView) -> int | None:
    """Return the selected row of a view, if any."""
    rows = view.selectionModel().selectedRows() if view.selectionModel() else []
    return rows[0].row() if rows else None


def button_row(*buttons: QPushButton) -> QHBoxLayout:
    """Return a row of buttons aligned left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row
