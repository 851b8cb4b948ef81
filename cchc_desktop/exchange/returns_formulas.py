"""Formula cells of a returned .xlsx that carry no computed value.

calamine reads a formula cell's cached value; a file saved by a program that does not compute
formulas (a script, some web editors) has none, and the cell would read as empty. Such cells
are found here from the sheet's XML so the officer is told, instead of the value vanishing.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

from lxml import etree

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_PACKAGE_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_REF = re.compile(r"^([A-Z]{1,3})(\d+)$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _column(letters: str) -> int:
    """Return the 0-based index of a column letter (A -> 0)."""
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _sheet_part(archive: zipfile.ZipFile, sheet_name: str) -> str | None:
    """Return the zip member of a sheet by its name."""
    book = etree.fromstring(archive.read("xl/workbook.xml"), _PARSER)
    rel_id = next((s.get(_REL) for s in book.iter(f"{_MAIN}sheet")
                   if s.get("name") == sheet_name), None)
    rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), _PARSER)
    target = next((r.get("Target") for r in rels.iter(_PACKAGE_REL) if r.get("Id") == rel_id),
                  None)
    if not target:
        return None
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(
        posixpath.join("xl", target))


def uncomputed_formulas(path: Path, sheet_name: str) -> set[tuple[int, int]]:
    """Return (1-based row, 0-based column) of formula cells without a value (xlsx only)."""
    found: set[tuple[int, int]] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return found
            with archive.open(part) as stream:
                for _event, cell in etree.iterparse(stream, tag=f"{_MAIN}c",
                                                    resolve_entities=False, no_network=True):
                    formula = cell.find(f"{_MAIN}f")
                    value = cell.find(f"{_MAIN}v")
                    match = _REF.match(cell.get("r") or "")
                    if formula is not None and (value is None or not (value.text or "")) and match:
                        found.add((int(match.group(2)), _column(match.group(1))))
                    cell.clear()
    except (KeyError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return found  # not an .xlsx the usual way: calamine's reading stands
    return found
