"""Styled, streamed sheets for every workbook the app writes (openpyxl write-only mode).

A sheet is a SheetSpec (columns, header row, print set-up, protection) fed with an iterator of
Row values; each row names its kind and the spec gives each kind its cell styles (rule 7: the
export produces rows, this module consumes them). Cells are built directly with a style id
computed once per style, so a styled 10,000-task export costs about what a bare write-only pass
over the same values costs (bench/export_bench.py prints the ratio).

Text never evaluates: every string becomes a string cell, and one that starts with = + - @ or a
tab/CR/LF also gets the quote prefix, so Excel keeps it text even after the cell is edited.
Characters XML cannot hold are dropped and text is cut at Excel's 32,767-character limit.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from cchc_desktop.errors import CchcError

FONT_NAME = "Times New Roman"
RISKY_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_RISKY = frozenset(RISKY_STARTS)
# An empty styled cell typed "f" is written as <c r=".." s=".."/> with no t="n" (openpyxl
# writes nothing for an empty value, formula or not): a third fewer attributes to serialise.
_EMPTY = "f"
MAX_CELL_TEXT = 32767
DATE_FORMAT = "dd/mm/yyyy"
FOOTER = "Trang &P/&N"
PAPER_A4 = 9
# Row heights are estimated (LibreOffice does not fit rows of a generated file): a column of
# width w holds about w / (CHAR_UNITS × size / 12) characters of Times New Roman per line.
CHAR_UNITS = 0.92
BOLD_WIDEN = 1.08
UPPER_WIDEN = 1.3  # capitals are wider than the average letter
LINE_FACTOR = 1.32  # line height in points per point of font size
ROW_PADDING_PT = 3.0
# Margins in inches: NĐ 30/2020 asks 20–25 mm top/bottom, 30–35 mm left, 15–20 mm right on a
# portrait page; a landscape appendix page keeps 20 mm left so a 12 pt table prints unshrunk.
MARGINS = {"left": 1.18, "right": 0.59, "top": 0.79, "bottom": 0.79, "header": 0.3, "footer": 0.3}
LANDSCAPE_MARGINS = {**MARGINS, "left": 0.79}


class ExportError(CchcError):
    """A workbook cannot be written (folder missing, file open in Excel…)."""


@dataclass(frozen=True)
class CellStyle:
    """How one cell looks: font, alignment, border, number format, fill and lock."""

    size: float = 12
    bold: bool = False
    italic: bool = False
    align: str = "left"
    valign: str = "top"
    wrap: bool = True
    border: bool = True
    number_format: str = "General"
    fill: str | None = None
    locked: bool = True
    color: str | None = None


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header text, width (in characters) and visibility."""

    title: str
    width: float
    hidden: bool = False


@dataclass(slots=True)
class Row:
    """One row to write: its kind (section, task…), values and an optional height in points."""

    kind: str
    values: Sequence[Any]
    height: float | None = None


@dataclass
class SheetSpec:
    """What a sheet is: columns, where the header is, row styles, printing and protection.

    styles maps a row kind to one style for every cell or one style per column; rows of a
    kind in merged_kinds put their first value across every column (title lines, "Bằng chữ").
    """

    title: str
    columns: Sequence[Column]
    styles: Mapping[str, CellStyle | Sequence[CellStyle]]
    header_row: int = 0
    freeze_column: int = 0
    merged_kinds: frozenset[str] = frozenset()
    landscape: bool = True
    protect: bool = False
    autofilter: bool = False
    print_setup: bool = True
    hidden: str = ""  # "", "hidden" or "veryHidden"


class _Cell:
    """A ready-made cell for the write-only writer: value, type and style id set once."""

    __slots__ = ("parent", "row", "column", "_value", "data_type", "style_id")
    has_style = True
    hyperlink = None
    _comment = None

    def __init__(self, parent: Any, value: Any, data_type: str, style_id: int) -> None:
        self.parent = parent
        self.row = 0
        self.column = 0
        self._value = value
        self.data_type = data_type
        self.style_id = style_id

    @property
    def coordinate(self) -> str:
        """Return the cell's A1 reference."""
        return f"{get_column_letter(self.column)}{self.row}"


def clean_text(text: str) -> str:
    """Drop characters a workbook cannot hold and cut at Excel's cell limit."""
    if ILLEGAL_CHARACTERS_RE.search(text):
        text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text[:MAX_CELL_TEXT]


def is_risky(text: str) -> bool:
    """Tell whether text would be read as a formula if typed (= + - @, tab, CR, LF first)."""
    return text.startswith(RISKY_STARTS)


def _openpyxl_style(style: CellStyle) -> dict[str, Any]:
    """Return the openpyxl style objects of a CellStyle."""
    thin = Side(style="thin") if style.border else Side()
    return {
        "font": Font(name=FONT_NAME, size=style.size, bold=style.bold, italic=style.italic,
                     color=style.color),
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "alignment": Alignment(horizontal=style.align, vertical=style.valign,
                               wrap_text=style.wrap),
        "number_format": style.number_format,
        "protection": Protection(locked=style.locked),
        "fill": PatternFill("solid", fgColor=style.fill) if style.fill else PatternFill(),
    }


class SheetWriter:
    """Write rows of a SheetSpec into a new write-only sheet of a workbook."""

    def __init__(self, book: Workbook, spec: SheetSpec) -> None:
        self.spec = spec
        self.ws = book.create_sheet(_sheet_title(spec.title))
        self.ws._values_to_row = _prebuilt_cells  # rows arrive as ready _Cell lists
        self.row_count = 0
        self._ids: dict[tuple[CellStyle, bool], int] = {}
        self._kind_styles: dict[str, list[CellStyle]] = {}
        self._caps: dict[str, tuple[list[float], float]] = {}
        self._ids_by_kind: dict[str, list[tuple[int, int, CellStyle]]] = {}
        self._merged: list[str] = []
        self._setup_top()

    def _setup_top(self) -> None:
        """Set what openpyxl writes before the first row: columns, panes, fit to page."""
        spec = self.spec
        for index, column in enumerate(spec.columns, start=1):
            dim = self.ws.column_dimensions[get_column_letter(index)]
            dim.width = column.width
            dim.hidden = column.hidden
        if spec.header_row:
            cell = f"{get_column_letter(spec.freeze_column + 1)}{spec.header_row + 1}"
            self.ws.freeze_panes = cell
        if spec.print_setup:
            self.ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        if spec.hidden:
            self.ws.sheet_state = spec.hidden

    def style_id(self, style: CellStyle, quote: bool = False) -> int:
        """Return the workbook's style id of a CellStyle (registered once)."""
        key = (style, quote)
        found = self._ids.get(key)
        if found is None:
            scratch = WriteOnlyCell(self.ws)
            for name, value in _openpyxl_style(style).items():
                setattr(scratch, name, value)
            scratch.quotePrefix = quote
            found = self._ids[key] = int(scratch.style_id)
        return found

    def cell(self, value: Any, style: CellStyle) -> _Cell:
        """Build a cell; text is always a string cell, never a formula."""
        if value is None or value == "":
            return _Cell(self.ws, None, "n", self.style_id(style))
        if isinstance(value, str):
            text = clean_text(value)
            return _Cell(self.ws, text, "s", self.style_id(style, is_risky(text)))
        if isinstance(value, bool):
            return _Cell(self.ws, value, "b", self.style_id(style))
        if isinstance(value, dt.date):
            return _Cell(self.ws, value, "d", self.style_id(style))
        if isinstance(value, int | float):
            if isinstance(value, float) and not math.isfinite(value):
                return _Cell(self.ws, None, "n", self.style_id(style))
            return _Cell(self.ws, value, "n", self.style_id(style))
        return self.cell(str(value), style)

    def styles_of(self, kind: str) -> list[CellStyle]:
        """Return the per-column styles of a row kind."""
        found = self._kind_styles.get(kind)
        if found is None:
            given = self.spec.styles[kind]
            width = len(self.spec.columns)
            found = [given] * width if isinstance(given, CellStyle) else list(given)
            self._kind_styles[kind] = found
        return found

    def _line_caps(self, kind: str, merged: bool) -> tuple[list[float], float]:
        """Return characters per line of each column (0: not wrapped) and the line height."""
        found = self._caps.get(kind)
        if found is None:
            styles = self.styles_of(kind)
            columns = self.spec.columns
            widths = [sum(c.width for c in columns)] if merged else [c.width for c in columns]
            caps = []
            for width, style, column in zip(widths, styles, columns, strict=False):
                scale = CHAR_UNITS * style.size / 12 * (BOLD_WIDEN if style.bold else 1)
                usable = style.wrap and not (column.hidden and not merged)
                caps.append(max(width - 1, 1) / scale if usable else 0.0)
            found = self._caps[kind] = (caps, max(s.size for s in styles) * LINE_FACTOR)
        return found

    def row_height(self, kind: str, values: Sequence[Any], merged: bool = False) -> float:
        """Estimate the height (points) a row needs to show its wrapped text."""
        caps, line_pt = self._line_caps(kind, merged)
        lines = 1
        for cap, value in zip(caps, values, strict=False):
            if not cap or type(value) is not str:
                continue
            if len(value) * UPPER_WIDEN > cap or "\n" in value:
                if value.isupper():
                    cap /= UPPER_WIDEN
                count = sum(math.ceil(len(part) / cap) or 1 for part in value.split("\n"))
                lines = max(lines, count)
        return round(lines * line_pt + ROW_PADDING_PT, 1)

    def _kind_ids(self, kind: str) -> list[tuple[int, int, CellStyle]]:
        """Return, per column of a row kind: style id, quoted style id, style."""
        found = self._ids_by_kind.get(kind)
        if found is None:
            found = [(self.style_id(style), self.style_id(style, True), style)
                     for style in self.styles_of(kind)]
            self._ids_by_kind[kind] = found
        return found

    def _row_cells(self, values: Sequence[Any], ids: list[tuple[int, int, CellStyle]]
                   ) -> list[_Cell]:
        """Build a row's cells (the fast path for text, numbers and blanks)."""
        ws, out, count = self.ws, [], len(values)
        for index, (plain, quoted, style) in enumerate(ids):
            value = values[index] if index < count else None
            kind = type(value)
            if kind is str and value:
                if len(value) > MAX_CELL_TEXT or ILLEGAL_CHARACTERS_RE.search(value):
                    value = clean_text(value)
                out.append(_Cell(ws, value, "s", quoted if value[:1] in _RISKY else plain))
            elif value is None or value == "":
                out.append(_Cell(ws, None, _EMPTY, plain))
            elif kind is int or (kind is float and math.isfinite(value)):
                out.append(_Cell(ws, value, "n", plain))
            else:
                out.append(self.cell(value, style))
        return out

    def write(self, rows: Iterable[Row]) -> int:
        """Write rows in order; return how many rows the sheet has."""
        append, width = self.ws.append, len(self.spec.columns)
        merged_kinds, dims = self.spec.merged_kinds, self.ws.row_dimensions
        last = get_column_letter(width)
        for row in rows:
            self.row_count += 1
            merged = row.kind in merged_kinds
            height = row.height or self.row_height(row.kind, row.values, merged)
            # A plain dict is what the row writer reads (a RowDimension costs ~5x more).
            dims[self.row_count] = {"ht": f"{height:g}", "customHeight": "1"}
            values = row.values[:1] if merged else row.values
            append(self._row_cells(values, self._kind_ids(row.kind)))
            if merged:
                self._merged.append(f"A{self.row_count}:{last}{self.row_count}")
        return self.row_count

    def finish(self) -> None:
        """Set what openpyxl writes after the rows: merges, printing, filter, protection."""
        for ref in self._merged:
            self.ws.merged_cells.add(ref)
        spec, last = self.spec, get_column_letter(len(self.spec.columns))
        if spec.print_setup:
            _print_setup(self.ws, spec)
        if spec.autofilter and spec.header_row and self.row_count > spec.header_row:
            self.ws.auto_filter.ref = f"A{spec.header_row}:{last}{self.row_count}"
        if spec.protect:
            _protect(self.ws)


def _prebuilt_cells(cells: Sequence[_Cell], row_idx: int) -> Iterator[_Cell]:
    """Place ready cells in their row (replaces WriteOnlyWorksheet._values_to_row)."""
    for column, item in enumerate(cells, start=1):
        item.row = row_idx
        item.column = column
        yield item


def _print_setup(ws: Any, spec: SheetSpec) -> None:
    """A4, landscape or portrait, fit to one page wide, header repeated, page numbers."""
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.orientation = "landscape" if spec.landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    for name, value in (LANDSCAPE_MARGINS if spec.landscape else MARGINS).items():
        setattr(ws.page_margins, name, value)
    if spec.header_row:
        ws.print_title_rows = f"{spec.header_row}:{spec.header_row}"
    footer = ws.oddFooter.center
    footer.text = FOOTER
    footer.font = f"{FONT_NAME},Regular"
    footer.size = 11


def _protect(ws: Any) -> None:
    """Protect the sheet without a password; unlocked cells stay editable.

    Filtering, sorting and resizing rows or columns stay allowed; inserting or deleting rows
    and columns does not. No password: the protection guards against slips, not people.
    """
    protection = ws.protection
    protection.sheet = True
    protection.autoFilter = False
    protection.sort = False
    protection.formatRows = False
    protection.formatColumns = False
    protection.selectLockedCells = False
    protection.selectUnlockedCells = False


def _sheet_title(title: str) -> str:
    """Return a sheet name Excel accepts (no []:*?/\\, at most 31 characters)."""
    cleaned = "".join("-" if ch in "[]:*?/\\" else ch for ch in title).strip("' ")
    return (cleaned or "Sheet")[:31]

__all__ = ["CellStyle", "Column", "ExportError", "Row", "SheetSpec", "SheetWriter", "clean_text",
           "is_risky"]
