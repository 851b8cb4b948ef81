"""Where lines break, measured once with the document font for both renderers.

The PDF draws these lines and the Word copy writes them with explicit breaks, so both formats
break an agency name between the words of the name, never inside a place ("ỦY BAN NHÂN DÂN /
TỈNH ĐẮK LẮK", not "… TỈNH ĐẮK / LẮK"), and a trích yếu into even lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from cchc_desktop.reports.base import FONT, FONT_BOLD, register_fonts
from cchc_desktop.reports.model import Document
from cchc_desktop.reports.wording import (
    NATIONAL_TITLE,
    PLACE_LEVELS,
    clean,
    date_line,
    number_line,
    upper,
)
from cchc_desktop.text.folding import fold

HEADER_GAP = 12.0
NAME_SIZE = 13.0


def width_of(text: str, bold: bool, size: float) -> float:
    """Return the width in points of text in the document font."""
    register_fonts()
    return float(stringWidth(text, FONT_BOLD if bold else FONT, size))


def _units(text: str) -> list[str]:
    """Return the words of a name, the place after a level word kept as one unit."""
    words = clean(text).split()
    folded = [fold(w) for w in words]
    for index in range(1, len(words)):
        for level in PLACE_LEVELS:
            size = len(level.split())
            if folded[index:index + size] == fold(level).split():
                return [*words[:index], " ".join(words[index:])]
    return words


def name_lines(text: str, bold: bool, width: float, size: float = NAME_SIZE) -> list[str]:
    """Split an agency name into lines that fit width, never inside its place name."""
    lines: list[str] = []
    for unit in _units(text):
        if lines and width_of(f"{lines[-1]} {unit}", bold, size) <= width:
            lines[-1] = f"{lines[-1]} {unit}"
        elif width_of(unit, bold, size) <= width:
            lines.append(unit)
        else:
            font = FONT_BOLD if bold else FONT
            lines += [line for line in simpleSplit(unit, font, size, width) if line]
    return lines


def header_widths(content: float, names: list[str]) -> tuple[float, float]:
    """Return the left column's width and the national title's size (13, or 12 to fit)."""
    for size in (13.0, 12.0):
        left = content - width_of(NATIONAL_TITLE, True, size) - HEADER_GAP
        if all(width_of(n, True, NAME_SIZE) <= left for n in names):
            return left, size
    return content - width_of(NATIONAL_TITLE, True, 12.0) - HEADER_GAP, 12.0


def balanced_lines(text: str, bold: bool, size: float, width: float) -> list[str]:
    """Split text into as few lines as fit width, of lengths as even as possible."""
    register_fonts()
    font = FONT_BOLD if bold else FONT
    lines = simpleSplit(clean(text), font, size, width) or [""]
    if len(lines) < 2:
        return list(lines)
    low, high = width / len(lines), width
    while high - low > 2:
        middle = (low + high) / 2
        if len(simpleSplit(clean(text), font, size, middle)) > len(lines):
            low = middle
        else:
            high = middle
    return list(simpleSplit(clean(text), font, size, high))


@dataclass(frozen=True)
class Header:
    """The two header columns as lines: agencies, number (and a công văn's "V/v"), date."""

    parent: list[str]
    agency: list[str]
    number: str
    summary: list[str]
    date: str
    left_width: float
    national_size: float


def header_of(doc: Document, content: float) -> Header:
    """Return the header lines of a document for a text width of content points."""
    parent, agency = upper(doc.issuer.parent), upper(doc.issuer.name)
    left, size = header_widths(content, [n for n in (parent, agency) if n])
    summary: list[str] = []
    if not doc.kind.name and clean(doc.summary):
        text = clean(doc.summary)
        summary = balanced_lines(f"V/v {text[:1].lower()}{text[1:]}", False, 12.0, left)
    dated = doc.registration.own_number
    return Header(
        parent=name_lines(parent, False, left) if parent else [],
        agency=name_lines(agency, True, left) if agency else [],
        number=number_line(doc), summary=summary,
        date=date_line(doc.issuer.place, doc.registration) if dated else "",
        left_width=left, national_size=size,
    )
