"""Ruled tables of appendices: a header repeated on every page, section rows kept with the next.

A table is described by its columns and rows of plain text; section and group rows run across
the columns after "TT" and may not end a page, a total row and an "in words" row close the
table. Cells are paragraphs in the document font.

Speed: ReportLab's SPAN and NOSPLIT commands make every page break re-scan all remaining cells
(quadratic in the rows of a long appendix). Instead, a wide row is a paragraph laid out at the
width of the columns it covers, drawn over empty cells whose inner rules are left out, and
keep-with-next is a list of flags checked where the table chooses its split row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import ParagraphStyle

from cchc_desktop.reports.base import FONT, ROW_SPLIT, STYLES, register_fonts
from cchc_desktop.reports.model import (
    ROW_BOLD,
    ROW_GROUP,
    ROW_ITEM,
    ROW_NOTE,
    ROW_SECTION,
    ROW_TOTAL,
    Column,
    Row,
)
from cchc_desktop.reports.parts import markup

__all__ = ["ROW_BOLD", "ROW_GROUP", "ROW_ITEM", "ROW_NOTE", "ROW_SECTION", "ROW_TOTAL", "Column",
           "Row", "build_table"]

GRID_WIDTH = 0.5
PADDING = 3.0
_ALIGN_STYLES = {"left": STYLES.cell, "center": STYLES.cell_center, "right": STYLES.cell_right}
_KEEP_WITH_NEXT = {ROW_SECTION, ROW_GROUP}


class WideCell(Flowable):  # type: ignore[misc]
    """A paragraph laid out across several columns, placed in the first of them."""

    def __init__(self, paragraph: Paragraph, width: float) -> None:
        """Keep the paragraph and the width of the columns it covers."""
        super().__init__()
        self.paragraph = paragraph
        self.span_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay the paragraph out at the covered width; occupy the cell's width."""
        _, height = self.paragraph.wrap(self.span_width, avail_height)
        return avail_width, height

    def draw(self) -> None:
        """Draw the paragraph from the cell's left edge."""
        self.paragraph.drawOn(self.canv, 0, 0)


class KeepTable(Table):  # type: ignore[misc]
    """A table that never splits right after a row flagged keep-with-next."""

    keep_flags: list[bool] = []  # noqa: RUF012 - replaced per instance

    def _getFirstPossibleSplitRowPosition(  # noqa: N802 - ReportLab's name
        self, availHeight: float, ignoreSpans: int = 0  # noqa: N803
    ) -> int:
        """Return the last row the table may split before, stepping back over bound rows."""
        split_at: int = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        flags = self.keep_flags
        while 0 < split_at <= len(flags) and flags[split_at - 1]:
            split_at -= 1
        return split_at

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """Split as ReportLab does, handing each part the flags of its rows."""
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if len(parts) == 2:
            first, second = parts
            repeat = int(self.repeatRows) if isinstance(self.repeatRows, int) else 0
            first.keep_flags = self.keep_flags[: first._nrows]
            tail = second._nrows - repeat
            second.keep_flags = self.keep_flags[:repeat] + self.keep_flags[-tail:]
        return parts


def _cell(text: str, style: ParagraphStyle) -> Paragraph | str:
    """Return a paragraph for text ('' stays a plain empty cell)."""
    return Paragraph(markup(text), style) if text else ""


def _wide(text: str, style: ParagraphStyle, width: float) -> WideCell | str:
    """Return a paragraph across columns of the given total width."""
    return WideCell(Paragraph(markup(text), style), width - 2 * PADDING) if text else ""


def _row_cells(row: Row, columns: Sequence[Column], widths: list[float]) -> list[Any]:
    """Return the cells of one row in the styles its kind calls for."""
    count = len(columns)
    cells = list(row.cells) + [""] * (count - len(row.cells))
    blanks = [""] * (count - 2)
    if row.kind in (ROW_SECTION, ROW_GROUP):
        title = STYLES.cell_bold if row.kind == ROW_SECTION else STYLES.cell_bold_italic
        return [_cell(cells[0], STYLES.cell_bold_center),
                _wide(cells[1], title, sum(widths[1:])), *blanks]
    if row.kind == ROW_TOTAL:
        label = _wide(cells[0], STYLES.cell_bold_center, sum(widths[1:-1]))
        return ["", label, *blanks[1:], _cell(cells[1], STYLES.cell_bold_center)]
    if row.kind == ROW_NOTE:
        return [_wide(cells[0], STYLES.cell_note, sum(widths)), "", *blanks]
    if row.kind == ROW_BOLD:
        return [_cell(text, STYLES.cell_bold if col.align == "left" else
                      STYLES.cell_bold_center) for text, col in zip(cells, columns, strict=False)]
    return [_cell(text, _ALIGN_STYLES[col.align]) for text, col in zip(cells, columns,
                                                                        strict=False)]


def _vertical_rules(kinds: list[str]) -> list[tuple[Any, ...]]:
    """Return the inner vertical rules: full for ordinary rows, only around wide cells."""
    commands: list[tuple[Any, ...]] = []
    start = 0
    for index, kind in enumerate([*kinds, ROW_NOTE], start=0):
        if kind in (ROW_ITEM, ROW_BOLD, "header"):
            continue
        if start < index:
            commands.append(("LINEAFTER", (0, start), (-2, index - 1), GRID_WIDTH, black))
        start = index + 1
        if kind in (ROW_SECTION, ROW_GROUP, ROW_TOTAL) and index < len(kinds):
            commands.append(("LINEAFTER", (0, index), (0, index), GRID_WIDTH, black))
        if kind == ROW_TOTAL:
            commands.append(("LINEAFTER", (-2, index), (-2, index), GRID_WIDTH, black))
    return commands


def base_style() -> list[tuple[Any, ...]]:
    """Return the outer box, row rules, padding and font commands of every table."""
    return [
        ("BOX", (0, 0), (-1, -1), GRID_WIDTH, black),
        ("LINEBELOW", (0, 0), (-1, -1), GRID_WIDTH, black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def column_widths(columns: Sequence[Column], width: float) -> list[float]:
    """Scale the columns' relative widths to the available width."""
    total = sum(col.width for col in columns)
    return [width * col.width / total for col in columns]


def build_table(columns: Sequence[Column], rows: Iterable[Row], width: float) -> Table:
    """Return the table: header repeated on each page, section/group rows kept with the next."""
    register_fonts()
    widths = column_widths(columns, width)
    data: list[list[Any]] = [
        [Paragraph(markup(col.header), STYLES.cell_bold_center) for col in columns]
    ]
    kinds = ["header"]
    for row in rows:
        data.append(_row_cells(row, columns, widths))
        kinds.append(row.kind)
    flags = [kind in _KEEP_WITH_NEXT for kind in kinds]
    flags[-1] = False
    if kinds[-1] == ROW_NOTE:
        flags[-2] = True
    table = KeepTable(data, colWidths=widths, repeatRows=1, splitInRow=int(ROW_SPLIT.get()))
    table.keep_flags = flags
    table.setStyle(TableStyle(base_style() + _vertical_rules(kinds)))
    table.spaceBefore = 2
    table.spaceAfter = 8
    return table
