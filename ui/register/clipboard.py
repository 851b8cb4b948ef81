"""Ctrl+C on the appendix table: the selected rows with the column headers, exactly as shown
(visible columns in their on-screen order), as tab-separated text and as an HTML table, so
they paste as a table into Excel or Word."""

from __future__ import annotations

import atexit

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QGuiApplication

from cchc_desktop.text.tables import to_html, to_tsv
from ui.register.table_view import AppendixTable

MARK = "application/x-cchc-rows"
_release_registered: list[bool] = []


def shown_columns(table: AppendixTable) -> list[int]:
    """Return the visible columns in the order they appear on screen."""
    header = table.horizontalHeader()
    columns = [header.logicalIndex(v) for v in range(header.count())]
    return [c for c in columns if not table.isColumnHidden(c)]


def rows_as_shown(table: AppendixTable, rows: list[int]) -> tuple[list[str], list[list[str]]]:
    """Return the headers and the texts of table rows, column by column as shown."""
    model = table.model()
    columns = shown_columns(table)
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in columns]
    texts = [[str(model.index(r, c).data() or "") for c in columns] for r in rows]
    return headers, texts


def selected_rows(table: AppendixTable) -> list[int]:
    """Return the selected rows in table order (the current row when nothing is selected)."""
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().row()]
    return rows


def copy_rows(table: AppendixTable) -> int:
    """Put the selected rows (with headers) on the clipboard; return how many were copied."""
    rows = selected_rows(table)
    if not rows:
        return 0
    headers, texts = rows_as_shown(table, rows)
    data = QMimeData()
    data.setText(to_tsv(headers, texts))
    data.setHtml(to_html(headers, texts))
    data.setData(MARK, QByteArray(b"1"))
    QGuiApplication.clipboard().setMimeData(data)
    if not _release_registered:
        atexit.register(release_clipboard)
        _release_registered.append(True)
    return len(rows)


def release_clipboard() -> None:
    """Before Python ends, put the copied rows back on the clipboard as text made by Qt itself:
    data made in Python would be deleted by Qt after Python is gone (a crash on exit). The
    tab-separated text still pastes as a table into Excel."""
    if QGuiApplication.instance() is None:
        return
    clipboard = QGuiApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat(MARK):
        clipboard.setText(data.text())
