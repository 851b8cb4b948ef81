"""Print the pages of a document the app made: each at 100 %, in its own orientation, as text.

The core reads what each PDF page draws (cchc_desktop.reports.page_drawing); this module replays
it with QPainter on the printer, in the bundled Liberation Serif, so the printer receives text
and rules (small, sharp) instead of a page-sized picture, and a landscape appendix page is
printed landscape rather than shrunk onto a portrait sheet.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTransform,
)
from PySide6.QtPrintSupport import QPrinter

from cchc_desktop.paths import resource_path
from cchc_desktop.reports.page_drawing import Colour, PageDrawing, Word

FONT_FILES = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
              "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf")
FAMILY = "Liberation Serif"
# Glyphs are drawn at this pixel size and scaled to the word's size (sizes such as 10.5 pt).
BASE_PIXELS = 100
_loaded = False


def load_fonts() -> None:
    """Make the bundled Liberation Serif family known to Qt (once)."""
    global _loaded
    if not _loaded:
        for name in FONT_FILES:
            QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        _loaded = True


def _font(bold: bool, italic: bool) -> QFont:
    """Return the document font in one style, unhinted and unkerned as in the PDF."""
    font = QFont(FAMILY)
    font.setPixelSize(BASE_PIXELS)
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(False)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def _colour(value: Colour) -> QColor:
    """Return a QColor from an RGB triple of 0..1."""
    return QColor.fromRgbF(*value)


def orient(printer: QPrinter, page: PageDrawing) -> None:
    """Give the printer an A4 sheet in the page's orientation, without margins."""
    orientation = (QPageLayout.Orientation.Landscape if page.landscape
                   else QPageLayout.Orientation.Portrait)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                      QMarginsF(0, 0, 0, 0)))


def _draw_word(painter: QPainter, word: Word, page: QTransform, height: float,
               fonts: dict[tuple[bool, bool], QFont]) -> None:
    """Draw one word through its text matrix (PDF y-up turned into Qt's y-down)."""
    a, b, c, d, e, f = word.matrix
    size = word.size / BASE_PIXELS
    placed = QTransform(a, -b, -c, d, e, height - f)
    painter.setTransform(QTransform.fromScale(size, size) * placed * page, False)
    painter.setFont(fonts[(word.bold, word.italic)])
    painter.setPen(_colour(word.colour))
    painter.drawText(QPointF(0, 0), word.text)


def paint_page(painter: QPainter, page: PageDrawing, scale: float) -> None:
    """Draw one page at `scale` device pixels per point (100 %: the printer's dpi / 72)."""
    page_transform = QTransform.fromScale(scale, scale)
    painter.setTransform(page_transform, False)
    for box in page.boxes:
        pen = QPen(_colour(box.colour), box.outline) if box.outline else QPen(QColor(0, 0, 0, 0))
        painter.setPen(pen)
        painter.setBrush(QBrush(_colour(box.fill)) if box.fill else QBrush())
        painter.drawRect(QRectF(box.x, box.y, box.width, box.height))
    for stroke in page.strokes:
        painter.setPen(QPen(_colour(stroke.colour), stroke.width))
        painter.drawLine(QLineF(stroke.x0, stroke.y0, stroke.x1, stroke.y1))
    fonts = {(bold, italic): _font(bold, italic) for bold in (False, True)
             for italic in (False, True)}
    for word in page.words:
        _draw_word(painter, word, page_transform, page.height, fonts)


def print_pages(printer: QPrinter, pages: Sequence[PageDrawing]) -> int:
    """Print every page on the printer at 100 % in its own orientation; return pages printed."""
    if not pages:
        return 0
    load_fonts()
    printer.setFullPage(True)
    painter = QPainter()
    for index, page in enumerate(pages):
        orient(printer, page)
        if index == 0:
            if not painter.begin(printer):
                return 0
        else:
            printer.newPage()
        paint_page(painter, page, printer.resolution() / 72)
    painter.end()
    return len(pages)
