"""Merged cells of an .ods workbook (python-calamine does not report them for OpenDocument).

A cell merged down a block ("Phòng Nội vụ" as Chủ trì of three tasks) is written once in
content.xml with table:number-rows-spanned; the rows under it hold covered cells. The part is
streamed with expat (64 KB chunks, no DTD or entity allowed), counting repeated rows and cells
the way python-calamine lays out its grid, so the ranges match the sheet's value grid.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.parsers import expat

MergedRange = tuple[tuple[int, int], tuple[int, int]]

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_T = _TABLE + " "
_CHUNK = 1 << 16
_MAX_REPEAT = 1 << 20  # a repeated empty row or cell beyond the used area is never merged


class _Forbidden(Exception):
    """content.xml declares a DTD or entities: not read (the safety check refuses it too)."""


class _Walker:
    """Follow tables, rows and cells of content.xml, collecting merged ranges per sheet."""

    def __init__(self) -> None:
        self.merged: dict[str, list[MergedRange]] = {}
        self.sheet = ""
        self.depth = 0  # nesting of table:table (sub-tables are not followed)
        self.row = 0
        self.col = 0
        self.row_repeat = 1

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """Handle an opening tag."""
        if name == _T + "table":
            self.depth += 1
            if self.depth == 1:
                self.sheet = attrs.get(_T + "name", "")
                self.merged.setdefault(self.sheet, [])
                self.row = 0
        elif self.depth != 1:
            return
        elif name == _T + "table-row":
            self.col = 0
            self.row_repeat = _count(attrs.get(_T + "number-rows-repeated"))
        elif name in (_T + "table-cell", _T + "covered-table-cell"):
            rows = _count(attrs.get(_T + "number-rows-spanned"))
            cols = _count(attrs.get(_T + "number-columns-spanned"))
            if rows > 1 or cols > 1:
                corner = (self.row + rows - 1, self.col + cols - 1)
                self.merged[self.sheet].append(((self.row, self.col), corner))
            self.col += _count(attrs.get(_T + "number-columns-repeated"))

    def end(self, name: str) -> None:
        """Handle a closing tag."""
        if name == _T + "table":
            self.depth -= 1
        elif name == _T + "table-row" and self.depth == 1:
            self.row += self.row_repeat


def _count(value: str | None) -> int:
    """Read a repeat or span count (1 when absent or unreadable)."""
    if not value or not value.isdigit():
        return 1
    return max(1, min(int(value), _MAX_REPEAT))


def _forbid(*_args: object) -> None:
    """Refuse a DTD or entity declaration."""
    raise _Forbidden


def read_ods_merges(path: Path) -> dict[str, list[MergedRange]]:
    """Return the merged ranges of every sheet of an .ods file ({} when unreadable)."""
    walker = _Walker()
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = walker.start
    parser.EndElementHandler = walker.end
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except (_Forbidden, expat.ExpatError, KeyError, OSError, zipfile.BadZipFile, EOFError):
        return {}
    return walker.merged
