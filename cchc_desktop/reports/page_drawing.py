"""What each page of a PDF the app made draws: words, rules and boxes, as plain data.

Printing replays these on the printer (ui/reports/printing.py) so every page goes out at 100 %
in its own orientation as text and vectors, not as a page-sized picture. Only what the app's
own documents draw is read (text in the bundled fonts, lines, rectangles); pdfplumber reads it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

from cchc_desktop.reports.base import ReportError

Colour = tuple[float, float, float]
BLACK: Colour = (0.0, 0.0, 0.0)


@dataclass(frozen=True)
class Word:
    """A run of characters drawn with one font: text, its text matrix and the font's style.

    matrix is PDF's (a, b, c, d, e, f) with y pointing up from the page's bottom edge.
    """

    text: str
    matrix: tuple[float, float, float, float, float, float]
    size: float
    bold: bool = False
    italic: bool = False
    colour: Colour = BLACK


@dataclass(frozen=True)
class Stroke:
    """A straight rule from (x0, y0) to (x1, y1), y measured down from the page's top edge."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float
    colour: Colour = BLACK


@dataclass(frozen=True)
class Box:
    """A rectangle (top-left origin), filled and/or outlined."""

    x: float
    y: float
    width: float
    height: float
    fill: Colour | None = None
    outline: float = 0.0
    colour: Colour = BLACK


@dataclass
class PageDrawing:
    """One page: its size in points and what is drawn on it."""

    width: float
    height: float
    words: list[Word] = field(default_factory=list)
    strokes: list[Stroke] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    @property
    def landscape(self) -> bool:
        """Tell whether the page is wider than tall."""
        return self.width > self.height


def colour_of(value: Any) -> Colour:
    """Return an RGB colour from a PDF grey, RGB or CMYK value (black when unknown)."""
    if isinstance(value, int | float):
        value = (value,)
    if not isinstance(value, Sequence) or not value:
        return BLACK
    parts = [float(v) for v in value if isinstance(v, int | float)]
    if len(parts) == 1:
        return (parts[0], parts[0], parts[0])
    if len(parts) == 3:
        return (parts[0], parts[1], parts[2])
    if len(parts) == 4:
        c, m, y, k = parts
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return BLACK


def _style(fontname: str) -> tuple[bool, bool]:
    """Return (bold, italic) from a PDF font name ("AAAAAA+LiberationSerif-BoldItalic")."""
    name = fontname.partition("+")[2] or fontname
    style = name.rpartition("-")[2].lower() if "-" in name else ""
    return "bold" in style, "italic" in style or "oblique" in style


def _key(char: dict[str, Any]) -> tuple[Any, ...]:
    """Return what characters of one word share: font, size, colour, rotation and baseline."""
    a, b, c, d, _, f = char["matrix"]
    return (char["fontname"], round(char["size"], 2), str(char.get("non_stroking_color")),
            round(a, 4), round(b, 4), round(c, 4), round(d, 4), round(f, 2))


def _words(chars: list[dict[str, Any]]) -> Iterator[Word]:
    """Join touching characters of one font into words (spaces split them)."""
    run: list[dict[str, Any]] = []
    for char in [*chars, None]:
        breaks = (char is None or not char["text"].strip() or not run
                  or _key(char) != _key(run[-1])
                  or abs(float(char["x0"]) - float(run[-1]["x1"])) > 0.05 * char["size"])
        if breaks and run:
            first = run[0]
            bold, italic = _style(first["fontname"])
            yield Word("".join(c["text"] for c in run), tuple(first["matrix"]),
                       float(first["size"]), bold, italic,
                       colour_of(first.get("non_stroking_color")))
            run = []
        if char is not None and char["text"].strip():
            run.append(char)


def _page(page: Any) -> PageDrawing:
    """Read one pdfplumber page."""
    drawing = PageDrawing(float(page.width), float(page.height), list(_words(page.chars)))
    for line in page.lines:
        (x0, y0), (x1, y1) = line["pts"][0], line["pts"][-1]
        drawing.strokes.append(Stroke(float(x0), float(y0), float(x1), float(y1),
                                      float(line.get("linewidth") or 0.5),
                                      colour_of(line.get("stroking_color"))))
    for rect in page.rects:
        fill = colour_of(rect.get("non_stroking_color")) if rect.get("fill") else None
        outline = float(rect.get("linewidth") or 0) if rect.get("stroke") else 0.0
        drawing.boxes.append(Box(float(rect["x0"]), float(rect["top"]),
                                 float(rect["x1"] - rect["x0"]),
                                 float(rect["bottom"] - rect["top"]), fill, outline,
                                 colour_of(rect.get("stroking_color"))))
    return drawing


def read_drawings(path: Path) -> list[PageDrawing]:
    """Return what every page of a PDF draws, or raise ReportError naming the file."""
    try:
        with pdfplumber.open(str(path)) as pdf:
            return [_page(page) for page in pdf.pages]
    except (OSError, ValueError) as error:
        raise ReportError(f"Không đọc được tệp '{Path(path).name}' để in: {error}.") from error
