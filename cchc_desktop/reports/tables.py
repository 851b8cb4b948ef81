"""Ruled tables of appendices: a header repeated on every page, section rows kept with the next.

A table is described by its columns and rows of plain text; section and group rows span the
columns after "TT" and may not end a page (a NOSPLIT range binds each to the row after it), a
total row and an "in words" row close the table. Cells are paragraphs in the document font.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Paragraph, Table, TableStyle
from reportlab.platypus.paragraph import ParagraphStyle

from cchc_desktop.reports.base import FONT, ROW_SPLIT, STYLES, register_fonts
from cchc_desktop.reports.parts import markup

ROW_SECTION = "section"
ROW_GROUP = "group"
ROW_ITEM = "item"
ROW_TOTAL = "total"
ROW_NOTE = "note"
ROW_BOLD = "bold"
GRID_WIDTH = 0.5
_ALIGN_STYLES = {"left": STYLES.cell, "center": STYLES.cell_center, "right": STYLES.cell_right}


@dataclass(frozen=True)
class Column:
    """A column: its header, its relative width and how its cells are aligned."""

    header: str
    width: float
    align: str = "left"


@dataclass
class Row:
    """A row of text cells: a section, group, item, total ("Tổng cộng", amount) or note."""

    kind: str
    cells: list[str] = field(default_factory=list)


def _cell(text: str, style: ParagraphStyle) -> Paragraph | str:
    """Return a paragraph for text ('' stays a plain empty cell)."""
    return Paragraph(markup(text), style) if text else ""


def _row_cells(row: Row, columns: Sequence[Column]) -> list[Paragraph | str]:
    """Return the cells of one row in the styles its kind calls for."""
    count = len(columns)
    cells = list(row.cells) + [""] * (count - len(row.cells))
    if row.kind in (ROW_SECTION, ROW_GROUP):
        title = STYLES.cell_bold if row.kind == ROW_SECTION else STYLES.cell_bold_italic
        return [_cell(cells[0], STYLES.cell_bold_center), _cell(cells[1], title)] + [""] * (
            count - 2
        )
    if row.kind == ROW_TOTAL:
        return ["", _cell(cells[0], STYLES.cell_bold_center)] + [""] * (count - 3) + [
            _cell(cells[1], STYLES.cell_bold_center)
        ]
    if row.kind == ROW_NOTE:
        return [_cell(cells[0], STYLES.cell_note)] + [""] * (count - 1)
    if row.kind == ROW_BOLD:
        return [_cell(text, STYLES.cell_bold if col.align == "left" else
                      STYLES.cell_bold_center) for text, col in zip(cells, columns, strict=False)]
    return [_cell(text, _ALIGN_STYLES[col.align]) for text, col in zip(cells, columns,
                                                                        strict=False)]


def _row_commands(index: int, kind: str, last: int) -> list[tuple[Any, ...]]:
    """Return the spans and no-split ranges a row of this kind needs."""
    commands: list[tuple[Any, ...]] = []
    if kind in (ROW_SECTION, ROW_GROUP):
        commands.append(("SPAN", (1, index), (-1, index)))
        if index < last:
            commands.append(("NOSPLIT", (0, index), (-1, index + 1)))
    elif kind == ROW_TOTAL:
        commands.append(("SPAN", (1, index), (-2, index)))
    elif kind == ROW_NOTE:
        commands.append(("SPAN", (0, index), (-1, index)))
        commands.append(("NOSPLIT", (0, index - 1), (-1, index)))
    return commands


def base_style() -> list[tuple[Any, ...]]:
    """Return the grid, padding and font commands every appendix table uses."""
    return [
        ("GRID", (0, 0), (-1, -1), GRID_WIDTH, black),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
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
    data: list[list[Paragraph | str]] = [
        [Paragraph(markup(col.header), STYLES.cell_bold_center) for col in columns]
    ]
    kinds: list[str] = []
    for row in rows:
        data.append(_row_cells(row, columns))
        kinds.append(row.kind)
    commands = base_style()
    last = len(data) - 1
    for index, kind in enumerate(kinds, start=1):
        commands += _row_commands(index, kind, last)
    table = Table(data, colWidths=column_widths(columns, width), repeatRows=1,
                  splitInRow=int(ROW_SPLIT.get()))
    table.setStyle(TableStyle(commands))
    table.spaceBefore = 2
    table.spaceAfter = 8
    return table
