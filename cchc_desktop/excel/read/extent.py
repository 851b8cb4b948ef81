"""Bound the used area of every sheet before python-calamine allocates it.

python-calamine builds a dense grid from A1 to the farthest cell that holds a value, so one cell
at XFD1048576 in a 2 KB file asks for 17 billion cells and the process aborts with no message.
The sheet parts are streamed here first (64 KB chunks, never the whole part in memory) and a
sheet whose grid would be absurd is refused with a Vietnamese message naming the far cell.

Office Open XML sheets: nearly every writer (Excel, LibreOffice, openpyxl) writes each cell as
<c r="B12" s="3" t="s">; when every cell tag of a part starts that way with a column A–Z and a
row under 100,000, the grid is bounded without counting (a few regex searches, ~3 ms per MB of
XML with the decompression). Otherwise cells are counted exactly: a regex pass when every tag is
still a plain <c r="…">, else expat following python-calamine's rules (a cell without r sits
right of the previous one, a row without r follows the previous row). The same pass tells
whether any cell may hold a text longer than Excel allows, so the reader can skip that check.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import IO
from xml.parsers import expat

MAX_SHEET_ROWS = 200_000
MAX_SHEET_CELLS = 5_000_000
_SHORT_ROWS = 99_999  # a short-form tag (<c r="Z99999">) reaches at most this row…
_SHORT_COLS = 26  # …and column Z
_CHUNK = 1 << 16  # 64 KB: the regex passes run while the chunk is in cache
_SMALL_PART = 8 << 20  # workbook.xml and its relationships are a few KB
_SHEET_FOLDERS = ("worksheets", "chartsheets", "dialogsheets")

# A cell tag that does not start <c r="X12345" (column A–Z, row of 1–5 digits)…
_NOT_SHORT = re.compile(rb'<c(?! r="[A-Z][0-9]{1,5}")(?![^\s/>])')
# …or <c r="XFD1048576" (any plain reference first).
_NOT_PLAIN = re.compile(rb'<c(?! r="[A-Z]{1,3}[0-9]{1,7}")(?![^\s/>])')
# Anything else that may place a cell: a prefixed tag (<x:c>), an r attribute after another
# attribute (python-calamine takes the last of two). Each is searched for only when its rarest
# byte is in the chunk at all (a memchr), the r after a double quote always.
_UNUSUAL = (
    (b":", re.compile(rb":c[\s/>]")),
    (b"'", re.compile(rb"'\s+r\s*=")),
    (b'"', re.compile(rb'"\s+r\s*=')),
)
# A text longer than a cell holds (32,767 characters) spans at least 32,768 bytes of XML, so
# it leaves a whole aligned 16 KB window without the start of a cell (or shared string).
_GAP_WINDOW = 16_384
_CELL_MARK = b'<c r="'
# A plain cell tag that may hold a value (neither <c …/> nor <c …></c>).
_PLAIN_VALUED = re.compile(rb'<c r="([A-Z]{1,3})([0-9]{1,7})"[^>]*(?<!/)>(?!</c>)')
_REF = re.compile(r"^([A-Za-z]*)([0-9]+)$")


class SheetTooBig(Exception):
    """A sheet whose grid python-calamine would allocate is absurdly large."""

    def __init__(self, extent: Extent) -> None:
        super().__init__(extent.sheet)
        self.extent = extent


class UnreadablePart(Exception):
    """A sheet part that cannot be bounded (broken XML, or XML entity declarations)."""

    def __init__(self, sheet: str, entities: bool = False) -> None:
        super().__init__(sheet)
        self.sheet = sheet
        self.entities = entities


@dataclass
class Extent:
    """The grid of one sheet from A1 to its farthest value cell (0-based rows and columns)."""

    sheet: str
    max_rows: int = MAX_SHEET_ROWS
    max_cells: int = MAX_SHEET_CELLS
    bottom: tuple[int, int] = (-1, -1)  # the cell with the largest row
    right: tuple[int, int] = (-1, -1)  # the cell with the largest column
    declared: tuple[int, int] | None = None  # a size the file declares (.xls DIMENSIONS)
    crowded: bool = False  # more cell tags than max_cells, wherever they sit

    @property
    def rows(self) -> int:
        """Return the number of grid rows."""
        return self.bottom[0] + 1

    @property
    def cols(self) -> int:
        """Return the number of grid columns."""
        return self.right[1] + 1

    @property
    def short_is_safe(self) -> bool:
        """Return True when any sheet of short-form cells (up to Z99999) is within limits."""
        return self.max_rows >= _SHORT_ROWS and self.max_cells >= _SHORT_ROWS * _SHORT_COLS

    def add(self, row: int, col: int) -> None:
        """Take one value cell into account; raise SheetTooBig as soon as the grid is absurd."""
        grew = False
        if row > self.bottom[0]:
            self.bottom, grew = (row, col), True
        if col > self.right[1]:
            self.right, grew = (row, col), True
        if grew:
            self.check()

    def check(self) -> None:
        """Raise SheetTooBig when the grid is over the limits."""
        if self.rows > self.max_rows or self.rows * self.cols > self.max_cells:
            raise SheetTooBig(self)

    def far_cell(self) -> tuple[int, int]:
        """Return the cell that stretches the grid most (the one an officer should delete)."""
        if self.declared is not None:
            return self.declared
        by_rows = (self.bottom[0] + 1) * (self.bottom[1] + 1)
        by_cols = (self.right[0] + 1) * (self.right[1] + 1)
        if self.rows > self.max_rows or by_rows >= by_cols:
            return self.bottom
        return self.right


def column_index(letters: str) -> int:
    """Return the 0-based index of column letters (A → 0, XFD → 16383), any case."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def cell_name(row: int, col: int) -> str:
    """Return the spreadsheet name of a 0-based cell (0, 0 → A1)."""
    letters = ""
    index = col + 1
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    """Yield the part in chunks that never end inside a tag."""
    carry = b""
    while True:
        data = stream.read(_CHUNK)
        if not data:
            if carry:
                yield carry
            return
        buffer = carry + data
        start = buffer.rfind(b"<")
        if start >= 0 and buffer.find(b">", start) < 0:
            buffer, carry = buffer[:start], buffer[start:]
        else:
            carry = b""
        yield buffer


def sheet_parts(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """Return every member python-calamine may read as a sheet (xl/worksheets/… and the like)."""
    found = []
    for info in archive.infolist():
        parts = info.filename.replace("\\", "/").lower().split("/")
        folder = len(parts) >= 3 and parts[0] == "xl" and parts[1] in _SHEET_FOLDERS
        if folder and not info.is_dir():
            found.append(info)
    return found


def member(archive: zipfile.ZipFile, name: str) -> zipfile.ZipInfo | None:
    """Return a member by name ignoring case, as python-calamine looks parts up."""
    for info in archive.infolist():
        if info.filename.replace("\\", "/").lower() == name:
            return info
    return None


def scan_xlsx(archive: zipfile.ZipFile, max_rows: int, max_cells: int) -> bool:
    """Bound every XML sheet part; return True when a text may exceed what a cell holds."""
    names = _sheet_names(archive)
    long_texts = False
    for info in sheet_parts(archive):
        path = info.filename.replace("\\", "/").lower()
        extent = Extent(names.get(path, path.rsplit("/", 1)[-1]), max_rows, max_cells)
        long_texts |= scan_sheet_xml(partial(archive.open, info), extent)
    strings = member(archive, "xl/sharedstrings.xml")
    if strings is not None and not long_texts:
        gaps = _Gaps(b"<si>")
        with archive.open(strings) as stream:
            for chunk in _chunks(stream):
                gaps.feed(chunk)
        long_texts = gaps.found
    return long_texts


def scan_sheet_xml(open_part: Callable[[], IO[bytes]], extent: Extent) -> bool:
    """Bound one sheet part; return True when one of its cells may hold an oversized text."""
    mode = "short" if extent.short_is_safe else "plain"
    gaps = _Gaps(_CELL_MARK)
    with open_part() as stream:
        for chunk in _chunks(stream):
            gaps.feed(chunk)
            if any(byte in chunk and pattern.search(chunk) for byte, pattern in _UNUSUAL):
                mode = "other"
                break
            if mode == "short" and not _NOT_SHORT.search(chunk):
                continue
            if _NOT_PLAIN.search(chunk):
                mode = "other"
                break
            mode = "plain"
    if mode != "short":
        with open_part() as stream:
            if mode == "plain":
                for chunk in _chunks(stream):
                    _add_plain_cells(chunk, extent)
            else:
                _SheetWalk(extent).run(stream)
    return gaps.found or mode == "other"


class _Gaps:
    """Notice a stretch of a part two windows long without a marker (a possibly huge text)."""

    def __init__(self, marker: bytes) -> None:
        self.marker = marker
        self.tail = b""
        self.found = False

    def feed(self, chunk: bytes) -> None:
        """Look at the next chunk; windows are aligned on the whole part."""
        if self.found:
            return
        data = self.tail + chunk
        end = len(data) // _GAP_WINDOW * _GAP_WINDOW
        for start in range(0, end, _GAP_WINDOW):
            if data.find(self.marker, start, start + _GAP_WINDOW) < 0:
                self.found = True
                return
        self.tail = data[end:]


def _add_plain_cells(chunk: bytes, extent: Extent) -> None:
    """Count the plain cell tags of one chunk (every tag has the plain form)."""
    refs = _PLAIN_VALUED.findall(chunk)
    if not refs:
        return
    bottom = max(refs, key=lambda ref: int(ref[1]))
    right = max(refs, key=lambda ref: (len(ref[0]), ref[0]))
    for col, row in (bottom, right):
        extent.add(int(row) - 1, column_index(col.decode()))


def _ref_position(ref: str) -> tuple[int, int | None] | None:
    """Read a cell or row reference the way python-calamine does (None when it would fail)."""
    match = _REF.match(ref)
    if match is None or int(match.group(2)) == 0:
        return None
    letters = match.group(1)
    return int(match.group(2)) - 1, column_index(letters) if letters else None


def parser_for(sheet: str) -> expat.XMLParserType:
    """Return an expat parser that refuses XML entity declarations."""
    parser = expat.ParserCreate()

    def refuse(*_args: object) -> None:
        """Stop at an entity declaration (python-calamine refuses them too)."""
        raise UnreadablePart(sheet, entities=True)

    parser.EntityDeclHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def feed(parser: expat.XMLParserType, stream: IO[bytes], sheet: str) -> None:
    """Parse a part in chunks; broken XML becomes UnreadablePart."""
    try:
        while data := stream.read(_CHUNK):
            parser.Parse(data, False)
        parser.Parse(b"", True)
    except expat.ExpatError:
        raise UnreadablePart(sheet) from None


class _SheetWalk:
    """Follow python-calamine's cell positions through a sheet part with expat."""

    def __init__(self, extent: Extent) -> None:
        self.extent = extent
        self.row = 0
        self.col = 0
        self.cell: tuple[int, int] | None = None  # an open <c> not yet known to hold a value
        self.in_cell = False
        self.tags = 0

    def run(self, stream: IO[bytes]) -> None:
        """Walk the whole part."""
        parser = parser_for(self.extent.sheet)
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        feed(parser, stream, self.extent.sheet)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Handle a start tag."""
        if self.in_cell:
            if self.cell is not None:  # an element inside <c>: the cell may hold a value
                self.extent.add(*self.cell)
                self.cell = None
            return
        local = name.rpartition(":")[2]
        if local == "row" and "r" in attrs:
            position = _ref_position(attrs["r"])
            if position is not None:
                self.row = position[0]
        elif local == "c":
            self._cell(attrs.get("r"))

    def _cell(self, ref: str | None) -> None:
        """Place a cell at its reference, or right of the previous one."""
        self.tags += 1
        if self.tags > self.extent.max_cells:
            self.extent.crowded = True
            raise SheetTooBig(self.extent)
        position = _ref_position(ref) if ref is not None else None
        if position is not None and position[1] is not None:
            self.cell = (position[0], position[1])
            self.col = position[1] + 1
        else:
            self.cell = (self.row, self.col)
            self.col += 1
        self.in_cell = True

    def end(self, name: str) -> None:
        """Handle an end tag."""
        local = name.rpartition(":")[2]
        if local == "c":
            self.in_cell, self.cell = False, None
        elif local == "row" and not self.in_cell:
            self.row += 1
            self.col = 0


def _sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each XML sheet part (lower-case path) to its sheet name."""
    sheets = elements(archive, member(archive, "xl/workbook.xml"), "sheet")
    pairs = [(a.get("r:id", a.get("relationships:id", "")), a.get("name", "")) for a in sheets]
    return resolve_names(archive, "xl/_rels/workbook.xml.rels", pairs)


def resolve_names(
    archive: zipfile.ZipFile, rels: str, sheets: list[tuple[str, str]]
) -> dict[str, str]:
    """Map sheet parts (lower-case paths) to names, resolving targets as python-calamine does."""
    relations = elements(archive, member(archive, rels), "Relationship")
    targets = {attrs.get("Id", ""): attrs.get("Target", "") for attrs in relations}
    names: dict[str, str] = {}
    for relation, name in sheets:
        target = targets.get(relation, "")
        if target.startswith("/xl/"):
            target = target[1:]
        elif not target.startswith("xl/"):
            target = "xl/" + target
        names.setdefault(target.lower(), name)
    return names


def elements(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo | None, local: str
) -> list[dict[str, str]]:
    """Return the attributes of every element with a local name in a small part."""
    if info is None or info.file_size > _SMALL_PART:
        return []
    found: list[dict[str, str]] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        """Collect one element."""
        if name.rpartition(":")[2] == local:
            found.append(attrs)

    parser = parser_for(info.filename)
    parser.StartElementHandler = start
    try:
        with archive.open(info) as stream:
            feed(parser, stream, info.filename)
    except (UnreadablePart, OSError, zipfile.BadZipFile, EOFError):
        pass  # names only improve messages; python-calamine reports a broken workbook part
    return found
