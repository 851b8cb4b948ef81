"""Write a table exactly as the officer sees it (the columns shown, the rows left by filters
and search) to an .xlsx: a title line, a bold header row that filters, then the rows."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from cchc_desktop.excel.write.writer import CellStyle, Column, Row, SheetSpec
from cchc_desktop.excel.write.writer_book import BookWriter

# Column widths (in characters) by header; other columns get a middle width.
WIDTHS = {"TT": 6, "Nội dung": 55, "Sản phẩm/Kết quả": 32, "Chủ trì": 20, "Phối hợp": 22,
          "Thời gian": 18, "Kinh phí (tr.đ)": 12, "Trạng thái": 16, "Hạn": 11, "Tiến độ": 9,
          "Ghi chú": 24}


def _spec(title: str, headers: Sequence[str]) -> SheetSpec:
    """Return the sheet layout: title across the columns, a header row, wrapped rows."""
    columns = [Column(h, WIDTHS.get(h, 18)) for h in headers]
    styles = {"title": CellStyle(size=13, bold=True, border=False, wrap=False),
              "header": CellStyle(size=11, bold=True, align="center", fill="D9E1F2"),
              "heading": CellStyle(size=11, bold=True, fill="EEF3F9"),
              "task": CellStyle(size=11)}
    return SheetSpec("Bảng nhiệm vụ", columns, styles, header_row=2,
                     merged_kinds=frozenset({"title"}), autofilter=True)


def _rows(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
          headings: set[int]) -> Iterator[Row]:
    """Yield the title, the header and the rows (headings in bold)."""
    yield Row("title", [title])
    yield Row("header", list(headers))
    for index, row in enumerate(rows):
        yield Row("heading" if index in headings else "task", list(row))


def export_table(path: Path, title: str, headers: Sequence[str], rows: Sequence[Sequence[str]],
                 headings: Sequence[int] = ()) -> Path:
    """Write the table to path (.xlsx added when missing); return the file written."""
    path = path if path.suffix.lower() == ".xlsx" else path.with_name(f"{path.name}.xlsx")
    with BookWriter() as book:
        book.add_sheet(_spec(title, headers), _rows(title, headers, rows, set(headings)))
        book.save(path)
    return path
