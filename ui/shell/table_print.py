"""Print the register table as shown ("In bảng"): columns sized by their content, A4 landscape.

Every column gets the share of the width its text needs (a short TT or Hạn, a long Nội dung),
never less than its heading's longest word, so headings do not wrap letter by letter and the
table takes as few pages as the text allows. A section or group heading spans the columns
after its TT. An empty table is not printed.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

# Characters of 9-point text across an A4 landscape line, with the cells' padding.
_LINE_CHARS = 165
# A column whose texts are all this short (TT, dates, percentages) is never wrapped.
_SHORT = 14
# A long column wants the mean length of its longer texts, within these bounds (characters).
_MIN_CHARS = 8
_MAX_CHARS = 80
EMPTY_TABLE = ("Bảng đang xem không có nhiệm vụ nào để in. Hãy bỏ lọc hoặc tìm kiếm, "
               "hoặc thêm nhiệm vụ trước khi in.")


@dataclass(frozen=True)
class ShownTable:
    """The table as the window shows it: title, headers, rows and which rows are headings."""

    title: str
    headers: list[str]
    rows: list[list[str]]
    headings: list[int]
    tasks: int  # task rows (not headings)


def _longest_line(text: str) -> int:
    """Return the length of a cell's longest line."""
    return max((len(line) for line in text.split("\n")), default=0)


def _wants(header: str, cells: list[str]) -> tuple[float, float]:
    """Return the characters a column must have (its longest word, a short column's longest
    text: TT, Hạn, Tiến độ never wrap) and the characters it wants (the mean of the longer
    half of its texts, capped)."""
    words = [len(w) for text in [header, *cells] for w in text.split()]
    floor = min(max(words, default=0), _SHORT) + 2
    lengths = sorted((_longest_line(c) for c in cells), reverse=True)
    if not lengths or lengths[0] <= _SHORT:
        need = max(floor, (lengths[0] if lengths else 0) + 3)
        return need, need
    top = lengths[: max(1, len(lengths) // 2)]
    return floor, max(floor, _MIN_CHARS, min(sum(top) / len(top), _MAX_CHARS))


def column_shares(headers: list[str], rows: list[list[str]],
                  headings: list[int]) -> list[int]:
    """Return each column's share of the width in percent (summing to 100): every column its
    floor, the rest of the line shared in proportion to what each wants beyond it."""
    skip = set(headings)
    body = [row for index, row in enumerate(rows) if index not in skip]
    wants = [_wants(h, [row[c] for row in body if c < len(row)]) for c, h in enumerate(headers)]
    floors = sum(f for f, _ in wants)
    extra = sum(w - f for f, w in wants)
    scale = min(1.0, max(_LINE_CHARS - floors, 0) / extra) if extra else 0.0
    widths = [f + (w - f) * scale for f, w in wants]
    total = sum(widths) or 1.0
    shares = [max(1, round(100 * w / total)) for w in widths]
    shares[shares.index(max(shares))] += 100 - sum(shares)
    return shares


def _cells(tag: str, line: list[str], shares: list[int] | None = None) -> str:
    """Return a table row's cells (with their widths in the header row)."""
    parts = []
    for column, text in enumerate(line):
        width = f' width="{shares[column]}%"' if shares else ""
        parts.append(f"<{tag}{width}>{escape(text).replace(chr(10), '<br>')}</{tag}>")
    return "".join(parts)


def _heading(line: list[str]) -> str:
    """Return a section or group heading: its TT, then its title across the other columns."""
    style = ' style="font-weight:bold;background:#eef3f9"'
    if len(line) > 2 and not any(line[2:]):
        return (f"<td{style}>{escape(line[0])}</td>"
                f"<td{style} colspan={len(line) - 1}>{escape(line[1])}</td>")
    return "".join(f"<td{style}>{escape(c)}</td>" for c in line)


def table_html(table: ShownTable) -> str:
    """Return the table as an HTML page to print."""
    shares = column_shares(table.headers, table.rows, table.headings)
    bold = set(table.headings)
    body = "".join(f"<tr>{_heading(r) if i in bold else _cells('td', r, shares)}</tr>"
                   for i, r in enumerate(table.rows))
    return (f"<h3>{escape(table.title)}</h3><table border=1 cellspacing=0 cellpadding=3 "
            f"width=100%><thead><tr>{_cells('th', table.headers, shares)}</tr></thead>"
            f"{body}</table>")


def print_document(table: ShownTable) -> QTextDocument:
    """Return the table laid out for printing."""
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(9)
    document.setDefaultFont(font)
    document.setHtml(table_html(table))
    return document


def print_table(table: ShownTable, printer: QPrinter) -> None:
    """Print the table on A4 landscape."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape,
                                      printer.pageLayout().margins()))
    print_document(table).print_(printer)
