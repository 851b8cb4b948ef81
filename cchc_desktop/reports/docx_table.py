"""Ruled Word tables written as WordprocessingML in one pass (fast for a 1,000-task appendix).

The same rows as the PDF's tables.py: a header row repeated on every page (w:tblHeader),
rows never cut across pages (w:cantSplit), section and group rows spanning the columns after
"TT" and kept with the next row (w:keepNext), a total row and an "in words" row. Building the
XML text and parsing it once costs less than python-docx's cell-by-cell API.
"""

from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.oxml.xmlchemy import BaseOxmlElement

from cchc_desktop.reports.model import (
    ROW_BOLD,
    ROW_GROUP,
    ROW_NOTE,
    ROW_SECTION,
    ROW_TOTAL,
    Column,
    Row,
)
from cchc_desktop.reports.wording import clean

TWIPS_PER_POINT = 20
CELL_SIZE = 11
_JC = {"left": "left", "center": "center", "right": "right"}


def _run(text: str, bold: bool, italic: bool, size: float) -> str:
    """Return the runs of a text (line breaks as w:br) in the cell font."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += f'<w:sz w:val="{int(size * 2)}"/><w:szCs w:val="{int(size * 2)}"/>'
    pieces = [f'<w:t xml:space="preserve">{escape(part)}</w:t>'
              for part in clean(text).split("\n")]
    return f"<w:r><w:rPr>{props}</w:rPr>{'<w:br/>'.join(pieces)}</w:r>"


def _cell(width: int, text: str, *, align: str = "left", bold: bool = False,
          italic: bool = False, span: int = 1, keep: bool = False,
          size: float = CELL_SIZE) -> str:
    """Return one w:tc of a given width (twips), spanning columns if asked."""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    keep_next = "<w:keepNext/>" if keep else ""
    run = _run(text, bold, italic, size) if clean(text) else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}</w:tcPr>'
            f'<w:p><w:pPr>{keep_next}<w:spacing w:before="0" w:after="0"/>'
            f'<w:jc w:val="{_JC.get(align, "left")}"/></w:pPr>{run}</w:p></w:tc>')


def _row_cells(row: Row, columns: Sequence[Column], widths: list[int]) -> str:
    """Return the cells of one row in the styles its kind calls for."""
    cells = list(row.cells) + [""] * (len(columns) - len(row.cells))
    if row.kind in (ROW_SECTION, ROW_GROUP):
        keep = True
        return (_cell(widths[0], cells[0], align="center", bold=True, keep=keep)
                + _cell(sum(widths[1:]), cells[1], bold=True, italic=row.kind == ROW_GROUP,
                        span=len(columns) - 1, keep=keep))
    if row.kind == ROW_TOTAL:
        return (_cell(widths[0], "") + _cell(sum(widths[1:-1]), cells[0], align="center",
                                             bold=True, span=len(columns) - 2)
                + _cell(widths[-1], cells[1], align="center", bold=True))
    if row.kind == ROW_NOTE:
        return _cell(sum(widths), cells[0], align="center", bold=True, italic=True,
                     span=len(columns), size=CELL_SIZE + 1)
    bold = row.kind == ROW_BOLD
    return "".join(_cell(w, text, align=col.align if not bold or col.align != "left" else
                         "left", bold=bold)
                   for w, text, col in zip(widths, cells, columns, strict=False))


def _borders() -> str:
    """Return single 0.5 pt borders around and inside the table."""
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    inner = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                    for s in sides)
    return f"<w:tblBorders>{inner}</w:tblBorders>"


def column_twips(columns: Sequence[Column], width_pt: float) -> list[int]:
    """Scale the columns' relative widths to a text width, in twips."""
    total = sum(col.width for col in columns)
    return [round(width_pt * TWIPS_PER_POINT * col.width / total) for col in columns]


def table_xml(columns: Sequence[Column], rows: Sequence[Row], width_pt: float) -> str:
    """Return the w:tbl of a ruled table with a repeated header row."""
    widths = column_twips(columns, width_pt)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    header = "".join(_cell(w, col.header, align="center", bold=True)
                     for w, col in zip(widths, columns, strict=True))
    parts = [
        f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblW w:w=\"{sum(widths)}\" w:type=\"dxa\"/>"
        f'<w:jc w:val="center"/>{_borders()}<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr>",
        f"<w:tblGrid>{grid}</w:tblGrid>",
        f'<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{header}</w:tr>',
    ]
    parts += [f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{_row_cells(row, columns, widths)}</w:tr>"
              for row in rows]
    parts.append("</w:tbl>")
    return "".join(parts)


def table_element(columns: Sequence[Column], rows: Sequence[Row],
                  width_pt: float) -> BaseOxmlElement:
    """Return the table as an element ready to append to the document body."""
    element: BaseOxmlElement = parse_xml(table_xml(columns, rows, width_pt))
    return element
