"""Small building blocks of the inspection windows' tables: a record table, widths, selection,
a row of buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
)

from cchc_desktop.inspections import results as res
from cchc_desktop.inspections.models import (
    ANSWERS,
    FINDING,
    REMEDY_STATUSES,
    Finding,
    Remediation,
)
from ui.inspections.forms import show_date
from ui.inspections.models import Col, RecordTableModel

CHECK_COLUMNS = [
    Col[res.ChecklistRow]("TT", lambda r: r.line.number, center=True),
    Col[res.ChecklistRow]("Nội dung kiểm tra", lambda r: r.line.text),
    Col[res.ChecklistRow]("Kết quả", lambda r: ANSWERS[r.answer] if r.answer else "",
                          center=True),
    Col[res.ChecklistRow]("Ghi chú", lambda r: r.note),
]
FINDING_COLUMNS = [
    Col[Finding]("Loại", lambda f: "Tồn tại, hạn chế" if f.kind == FINDING else "Kiến nghị"),
    Col[Finding]("Nội dung", lambda f: f.text),
]
REMEDY_COLUMNS = [
    Col[Remediation]("Nội dung khắc phục", lambda r: r.content),
    Col[Remediation]("Người thực hiện", lambda r: r.owner),
    Col[Remediation]("Thời hạn", lambda r: show_date(r.deadline), center=True),
    Col[Remediation]("Trạng thái", lambda r: REMEDY_STATUSES[r.status], center=True),
    Col[Remediation]("Hoàn thành", lambda r: show_date(r.closed_on), center=True),
]


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
