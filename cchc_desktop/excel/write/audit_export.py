"""The audit trail (nhật ký thay đổi) as an .xlsx workbook: one filterable sheet."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from cchc_desktop.excel.write.writer import CellStyle, Column, Row, SheetSpec
from cchc_desktop.excel.write.writer_book import BookWriter
from cchc_desktop.register.audit_view import AuditEntry

EXCEL_HEADERS = ["Thời điểm", "Cán bộ", "Tài khoản máy", "Thao tác", "Đối tượng", "Mã",
                 "Thay đổi", "Trước (JSON)", "Sau (JSON)"]
_WIDTHS = [19, 22, 16, 18, 20, 12, 80, 40, 40]
EXCEL_SHEET = "Nhật ký thay đổi"




def _excel_spec() -> SheetSpec:
    """Return the sheet layout: a bold header row, then one row per change, filterable."""
    columns = [Column(title, width) for title, width in zip(EXCEL_HEADERS, _WIDTHS,
                                                            strict=True)]
    text = CellStyle(size=11, border=False, wrap=False)
    body = [CellStyle(size=11, border=False, wrap=False, number_format="dd/mm/yyyy hh:mm:ss"),
            text, text, text, text, CellStyle(size=11, border=False, wrap=False, align="right"),
            CellStyle(size=11, border=False, wrap=True), text, text]
    header = CellStyle(size=11, bold=True, border=False, wrap=False, fill="D9E1F2")
    return SheetSpec(EXCEL_SHEET, columns, {"header": header, "entry": body}, header_row=1,
                     autofilter=True, print_setup=False)


def _excel_rows(entries: Iterable[AuditEntry]) -> Iterator[Row]:
    """Yield the header row, then one row per entry."""
    yield Row("header", EXCEL_HEADERS, height=16)
    for entry in entries:
        yield Row("entry", [entry.when or entry.at, entry.officer, entry.os_user,
                            entry.action_label, entry.entity_label, entry.subject,
                            entry.summary(width=500), entry.before_json, entry.after_json])


def export_xlsx(entries: Iterable[AuditEntry], path: str | Path) -> int:
    """Write entries to an .xlsx workbook (one sheet, filterable); return the row count."""
    with BookWriter() as book:
        sheet = book.add_sheet(_excel_spec(), _excel_rows(entries))
        book.save(Path(path))
    return sheet.row_count - 1
