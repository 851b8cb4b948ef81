"""Bound the sheets of .ods, legacy .xls and .xlsb files before python-calamine reads them.

OpenDocument repeats rows and cells by count (table:number-rows-repeated="1000000"), legacy .xls
and .xlsb store each cell as a binary record with its row and column, and .xls declares a
DIMENSIONS record that python-calamine reserves memory for (rows × columns, unchecked). Each is
walked here without building any grid; see extent.py for the limits and the Office Open XML
sheets.
"""

from __future__ import annotations

import struct
import zipfile
from array import array
from collections.abc import Callable, Iterator
from pathlib import Path

from cchc_desktop.excel.read.extent import (
    Extent,
    SheetTooBig,
    feed,
    member,
    parser_for,
    resolve_names,
    sheet_parts,
)

_EXCEL_COLUMNS = 16_384
_ODS_VALUES = (
    "office:value", "office:string-value", "office:date-value", "office:time-value",
    "office:boolean-value", "table:formula",
)  # fmt: skip
_MAX_SECTOR = 0xFFFFFFFA  # larger sector numbers are markers (end of chain, free…)
_BIFF_CELLS = {0x0006, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E}  # formula, sst, number, label…
_BIFF_MULRK, _BIFF_DIMENSIONS, _BIFF_EOF, _BIFF_BOUNDSHEET = 0x00BD, 0x0200, 0x000A, 0x0085
_BIFF_FILEPASS, _BIFF_BOF = 0x002F, 0x0809
_XLSB_ROW, _XLSB_END, _XLSB_SHEET = 0x0000, 0x0092, 0x009C
_XLSB_CELLS = range(0x0002, 0x000C)  # BrtCellRk … BrtFmlaError (BrtCellBlank is no value)
_XLSB_MAX_ROW = 0x10_0000  # python-calamine stops at a larger row
_XLSB_MAX_PART = 64 << 20  # a binary sheet part is read whole; a real appendix is far smaller


def scan_ods(archive: zipfile.ZipFile, max_rows: int, max_cells: int) -> None:
    """Bound every table of an OpenDocument spreadsheet (repeated rows and cells included)."""
    info = member(archive, "content.xml")
    if info is None:
        return
    walk = _OdsWalk(max_rows, max_cells)
    with archive.open(info) as stream:
        parser = parser_for("")
        parser.StartElementHandler = walk.start
        parser.EndElementHandler = walk.end
        feed(parser, stream, "")


class _OdsWalk:
    """Follow python-calamine's OpenDocument rows (number-rows/columns-repeated) with expat."""

    def __init__(self, max_rows: int, max_cells: int) -> None:
        self.limits = (max_rows, max_cells)
        self.extent: Extent | None = None
        self.row = 0
        self.repeat = 1
        self.col = 0
        self.cells = 0

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Handle a start tag."""
        if name == "table:table":
            self.extent = Extent(attrs.get("table:name", "?"), *self.limits)
            self.row = 0
        elif name == "table:table-row":
            self.repeat = _count(attrs.get("table:number-rows-repeated"))
            self.col = 0
        elif name in ("table:table-cell", "table:covered-table-cell"):
            self.cells += 1
            if self.extent is not None and self.cells > self.extent.max_cells:
                self.extent.crowded = True
                raise SheetTooBig(self.extent)
            self.col += min(_count(attrs.get("table:number-columns-repeated")), _EXCEL_COLUMNS)
            valued = attrs.get("office:value-type") == "string" or any(
                key in attrs for key in _ODS_VALUES
            )
            if valued and self.extent is not None:
                self.extent.add(self.row + self.repeat - 1, min(self.col, _EXCEL_COLUMNS) - 1)

    def end(self, name: str) -> None:
        """Handle an end tag."""
        if name == "table:table-row":
            self.row += self.repeat
            self.repeat = 1
        elif name == "table:table":
            self.extent = None


def _count(text: str | None) -> int:
    """Read a repeat count (1 when absent or unreadable)."""
    if text is None or not text.strip().isdigit():
        return 1
    return max(int(text), 1)


def scan_xls(path: Path, max_rows: int, max_cells: int) -> None:
    """Bound every sheet of a legacy .xls (BIFF records in an OLE compound file)."""
    data = path.read_bytes()
    if len(data) < 512 or struct.unpack_from("<HH", data, 0x1E) not in ((9, 6), (12, 6)):
        return  # python-calamine refuses such a header before reading anything
    for stream in _Compound(data).streams(("workbook", "book")):
        for position, name in _bound_sheets(stream):
            _walk_biff_sheet(stream, position, Extent(name, max_rows, max_cells))


class _Compound:
    """Just enough of the OLE compound file format to read streams, bounded and loop-free."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
        self.sectors = len(data) // self.size
        self.fat = self._fat()

    def sector(self, index: int) -> bytes:
        """Return one sector of the file (b"" past its end)."""
        return self.data[(index + 1) * self.size : (index + 2) * self.size]

    def _fat(self) -> array[int]:
        """Read the sector allocation table through the DIFAT (no longer than the file)."""
        fat_count = struct.unpack_from("<I", self.data, 0x2C)[0]
        difat_next, difat_count = struct.unpack_from("<II", self.data, 0x44)
        difat = _u32s(self.data[0x4C:0x200])
        for _ in range(min(difat_count, self.sectors)):
            if difat_next >= _MAX_SECTOR:
                break
            entries = _u32s(self.sector(difat_next)) or [_MAX_SECTOR]
            difat += entries[:-1]
            difat_next = entries[-1]
        fat = array("I")
        for index in difat[:fat_count]:
            if len(fat) > self.sectors:
                break
            if index < _MAX_SECTOR:
                fat.extend(_u32s(self.sector(index)))
        return fat

    def streams(self, names: tuple[str, ...]) -> list[bytes]:
        """Return the streams with these names (any case); small ones live in the mini stream."""
        directory = _chain(struct.unpack_from("<I", self.data, 0x30)[0], self.fat, self.sector)
        entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
        if not entries:
            return []
        root_start, root_size = struct.unpack_from("<II", entries[0], 116)
        mini = _chain(root_start, self.fat, self.sector)[:root_size]
        minifat = array("I", _u32s(_chain(struct.unpack_from("<I", self.data, 0x3C)[0],
                                            self.fat, self.sector)))  # fmt: skip
        found = []
        for entry in entries:
            if entry[:64].decode("utf-16-le", "replace").split("\0", 1)[0].lower() in names:
                start, length = struct.unpack_from("<II", entry, 116)
                if length < 4096:
                    stream = _chain(start, minifat, lambda i: mini[i * 64 : (i + 1) * 64])
                else:
                    stream = _chain(start, self.fat, self.sector)
                found.append(stream[:length])
        return found


def _u32s(data: bytes) -> list[int]:
    """Return the little-endian 32-bit numbers of a byte string."""
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


def _chain(start: int, table: array[int], read: Callable[[int], bytes]) -> bytes:
    """Follow a sector chain (never looping, never longer than its table)."""
    parts = []
    current = start
    for _ in range(len(table)):
        if current >= len(table):
            break
        parts.append(read(current))
        current = table[current]
    return b"".join(parts)


def _records(stream: bytes, position: int) -> Iterator[tuple[int, int, int]]:
    """Yield (type, data offset, length) of the BIFF records from a position."""
    end = len(stream)
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        if position + 4 + length > end:
            return
        yield kind, position + 4, length
        position += 4 + length


def _bound_sheets(stream: bytes) -> list[tuple[int, str]]:
    """Return (stream position, name) of each sheet; [] for an encrypted workbook."""
    sheets: list[tuple[int, str]] = []
    biff8 = True
    for kind, at, length in _records(stream, 0):
        if kind == _BIFF_BOF and length >= 2:
            biff8 = struct.unpack_from("<H", stream, at)[0] not in (0x0500, 0x0400, 0x0300)
        elif kind == _BIFF_FILEPASS:
            return []  # encrypted: python-calamine refuses it before reading any sheet
        elif kind == _BIFF_BOUNDSHEET and length >= 8:
            position = struct.unpack_from("<I", stream, at)[0]
            sheets.append((position, _sheet_name(stream[at + 6 : at + length], biff8)))
        elif kind == _BIFF_EOF:
            break
    return sheets


def _sheet_name(data: bytes, biff8: bool) -> str:
    """Decode a BoundSheet name (ShortXLUnicodeString)."""
    count = data[0]
    if not biff8:
        return data[1 : 1 + count].decode("cp1252", "replace")
    if len(data) > 1 and data[1] & 1:
        return data[2 : 2 + 2 * count].decode("utf-16-le", "replace")
    return data[2 : 2 + count].decode("latin-1")


def _walk_biff_sheet(stream: bytes, position: int, extent: Extent) -> None:
    """Bound one sheet substream: its value cells and its declared DIMENSIONS."""
    for kind, at, length in _records(stream, position):
        if kind in _BIFF_CELLS and length >= 4:
            extent.add(*struct.unpack_from("<HH", stream, at))
        elif kind == _BIFF_MULRK and length >= 6:
            row = struct.unpack_from("<H", stream, at)[0]
            extent.add(row, struct.unpack_from("<H", stream, at + length - 2)[0])
        elif kind == _BIFF_DIMENSIONS:
            _check_dimensions(stream[at : at + length], extent)
        elif kind == _BIFF_EOF:
            return


def _check_dimensions(data: bytes, extent: Extent) -> None:
    """Refuse a DIMENSIONS record whose area python-calamine would reserve memory for."""
    if len(data) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", data)
    else:
        return
    end = (last_row - 1, last_col - 1) if last_row >= 1 and last_col >= 1 else (0, 0)
    rows = (end[0] - first_row + 1) % (1 << 32)  # u32 arithmetic, as python-calamine does
    cols = (end[1] - first_col + 1) % (1 << 32)
    if rows * cols > extent.max_cells:
        extent.declared = end
        raise SheetTooBig(extent)


def scan_xlsb(archive: zipfile.ZipFile, max_rows: int, max_cells: int) -> None:
    """Bound every binary sheet part of an .xlsb workbook."""
    names = _xlsb_names(archive)
    for info in sheet_parts(archive):
        path = info.filename.replace("\\", "/").lower()
        extent = Extent(names.get(path, path.rsplit("/", 1)[-1]), max_rows, max_cells)
        if info.file_size > _XLSB_MAX_PART:
            extent.crowded = True
            raise SheetTooBig(extent)
        row = 0
        for kind, data in _xlsb_records(archive.read(info)):
            if kind == _XLSB_ROW and len(data) >= 4:
                row = struct.unpack_from("<I", data)[0]
                if row > _XLSB_MAX_ROW:
                    break
            elif kind in _XLSB_CELLS and len(data) >= 4:
                extent.add(row, struct.unpack_from("<I", data)[0])
            elif kind == _XLSB_END:
                break


def _xlsb_records(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Yield (type, data) of the records of a BIFF12 part (7-bit variable-length headers)."""
    position, end = 0, len(data)
    while position < end:
        kind, position = _varint(data, position, 2)
        length, position = _varint(data, position, 4)
        if position + length > end:
            return
        yield kind, data[position : position + length]
        position += length


def _varint(data: bytes, position: int, most: int) -> tuple[int, int]:
    """Read a BIFF12 number of at most `most` bytes (7 bits each)."""
    value = 0
    for index in range(most):
        if position >= len(data):
            break
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            break
    return value, position


def _xlsb_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each .xlsb sheet part to its name (BrtBundleSh records of workbook.bin)."""
    info = member(archive, "xl/workbook.bin")
    pairs: list[tuple[str, str]] = []
    if info is None or info.file_size > 8 << 20:
        return {}
    for kind, data in _xlsb_records(archive.read(info)):
        if kind == _XLSB_SHEET and len(data) >= 12:
            relation, at = _wide_string(data, 8)
            name, _ = _wide_string(data, at)
            pairs.append((relation, name))
    return resolve_names(archive, "xl/_rels/workbook.bin.rels", pairs)


def _wide_string(data: bytes, at: int) -> tuple[str, int]:
    """Read an XLWideString (32-bit count of UTF-16 characters); return it and the next offset."""
    if at + 4 > len(data):
        return "", len(data)
    count = struct.unpack_from("<I", data, at)[0]
    if count == 0xFFFFFFFF:
        return "", at + 4
    end = at + 4 + 2 * count
    return data[at + 4 : end].decode("utf-16-le", "replace"), end
