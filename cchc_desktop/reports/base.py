"""The base renderer: A4 pages, NĐ 30/2020 margins, the bundled Times-metric fonts, styles.

Every document is a story of ReportLab flowables built by its own module (collect, then
render); this module owns what all of them share. Fonts are Liberation Serif (Times New Roman
metrics, OFL) from resources/fonts, embedded as subsets; the document's initial font is set to
it, so ReportLab never adds its unembedded Helvetica. Pages are numbered in the top margin from
the second page; an appendix (after a RestartNumbering mark) is numbered on its own, as NĐ 30
asks. A draft has "DỰ THẢO" in a box in the top margin of every page.
"""

from __future__ import annotations

import os
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import LayoutError

from cchc_desktop.errors import CchcError
from cchc_desktop.paths import resource_path

FONT = "LiberationSerif"
FONT_BOLD = "LiberationSerif-Bold"
FONT_ITALIC = "LiberationSerif-Italic"
FONT_BOLD_ITALIC = "LiberationSerif-BoldItalic"
_FONT_FILES = {
    FONT: "LiberationSerif-Regular.ttf",
    FONT_BOLD: "LiberationSerif-Bold.ttf",
    FONT_ITALIC: "LiberationSerif-Italic.ttf",
    FONT_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

PORTRAIT = A4
LANDSCAPE = landscape(A4)
TOP_MARGIN = 20 * mm
BOTTOM_MARGIN = 20 * mm
LEFT_MARGIN = 30 * mm
RIGHT_MARGIN = 15 * mm
BODY_TEMPLATE = "body"
APPENDIX_TEMPLATE = "appendix"
PAGE_NUMBER_SIZE = 13
FIRST_LINE_INDENT = 1.27 * 10 * mm
BODY_SIZE = 14
BODY_LEADING = 17.5
CELL_SIZE = 11
CELL_LEADING = 13


class ReportError(CchcError):
    """A report cannot be made (unknown document, plan or period; the file cannot be written)."""


# Table rows move whole to the next page; only a row taller than a page may be cut (a retry).
ROW_SPLIT: ContextVar[bool] = ContextVar("row_split", default=False)


@contextmanager
def rows_may_split() -> Iterator[None]:
    """Let tables built inside the block cut a row across pages."""
    token = ROW_SPLIT.set(True)
    try:
        yield
    finally:
        ROW_SPLIT.reset(token)


def content_width(pagesize: tuple[float, float] = PORTRAIT) -> float:
    """Return the width between the left and right margins of a page size."""
    return float(pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN)


_registered = False


def register_fonts() -> None:
    """Register the bundled Liberation Serif family with ReportLab (once per process)."""
    global _registered
    if _registered:
        return
    for name, file_name in _FONT_FILES.items():
        path = resource_path("fonts", file_name)
        if not path.is_file():
            raise ReportError(f"Thiếu phông chữ '{file_name}' trong thư mục resources/fonts.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    _registered = True


def _style(name: str, **values: Any) -> ParagraphStyle:
    """Return a paragraph style in the document font (13 pt regular unless told)."""
    base: dict[str, Any] = {"fontName": FONT, "fontSize": 13, "leading": 16}
    base.update(values)
    return ParagraphStyle(name, **base)


@dataclass(frozen=True)
class Styles:
    """The paragraph styles every document uses."""

    body: ParagraphStyle = _style(
        "body", fontSize=BODY_SIZE, leading=BODY_LEADING, alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_LINE_INDENT, spaceAfter=6,
    )
    lead_in: ParagraphStyle = _style(
        "lead_in", fontSize=BODY_SIZE, leading=BODY_LEADING, alignment=TA_JUSTIFY,
        firstLineIndent=FIRST_LINE_INDENT, spaceAfter=6, keepWithNext=1,
    )
    heading: ParagraphStyle = _style(
        "heading", fontName=FONT_BOLD, fontSize=BODY_SIZE, leading=BODY_LEADING,
        alignment=TA_JUSTIFY, firstLineIndent=FIRST_LINE_INDENT, spaceAfter=6, keepWithNext=1,
    )
    doc_type: ParagraphStyle = _style(
        "doc_type", fontName=FONT_BOLD, fontSize=14, leading=17, alignment=TA_CENTER,
        spaceBefore=18,
    )
    summary: ParagraphStyle = _style(
        "summary", fontName=FONT_BOLD, fontSize=14, leading=17, alignment=TA_CENTER,
    )
    appendix_label: ParagraphStyle = _style(
        "appendix_label", fontName=FONT_BOLD, fontSize=14, leading=17, alignment=TA_CENTER,
    )
    appendix_title: ParagraphStyle = _style(
        "appendix_title", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER,
    )
    appendix_note: ParagraphStyle = _style(
        "appendix_note", fontName=FONT_ITALIC, fontSize=13, leading=16, alignment=TA_CENTER,
    )
    recipients_label: ParagraphStyle = _style(
        "recipients_label", fontName=FONT_BOLD_ITALIC, fontSize=12, leading=14,
    )
    recipients: ParagraphStyle = _style("recipients", fontSize=11, leading=13)
    signer_title: ParagraphStyle = _style(
        "signer_title", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER,
    )
    signer_name: ParagraphStyle = _style(
        "signer_name", fontName=FONT_BOLD, fontSize=14, leading=17, alignment=TA_CENTER,
    )
    cell: ParagraphStyle = _style("cell", fontSize=CELL_SIZE, leading=CELL_LEADING)
    cell_center: ParagraphStyle = _style(
        "cell_center", fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=TA_CENTER,
    )
    cell_right: ParagraphStyle = _style(
        "cell_right", fontSize=CELL_SIZE, leading=CELL_LEADING, alignment=2,
    )
    cell_bold: ParagraphStyle = _style(
        "cell_bold", fontName=FONT_BOLD, fontSize=CELL_SIZE, leading=CELL_LEADING,
    )
    cell_bold_center: ParagraphStyle = _style(
        "cell_bold_center", fontName=FONT_BOLD, fontSize=CELL_SIZE, leading=CELL_LEADING,
        alignment=TA_CENTER,
    )
    cell_bold_italic: ParagraphStyle = _style(
        "cell_bold_italic", fontName=FONT_BOLD_ITALIC, fontSize=CELL_SIZE,
        leading=CELL_LEADING, alignment=TA_LEFT,
    )
    cell_note: ParagraphStyle = _style(
        "cell_note", fontName=FONT_BOLD_ITALIC, fontSize=CELL_SIZE + 1,
        leading=CELL_LEADING + 1, alignment=TA_CENTER,
    )
    caption: ParagraphStyle = _style(
        "caption", fontName=FONT_BOLD, fontSize=13, leading=16, alignment=TA_CENTER,
        spaceBefore=4, spaceAfter=6, keepWithNext=1,
    )


STYLES = Styles()


@dataclass(frozen=True)
class DocumentInfo:
    """What the PDF says about itself (shown by viewers in Document properties)."""

    title: str
    author: str = ""
    subject: str = ""


class RestartNumbering(Flowable):  # type: ignore[misc]
    """An invisible mark: the page it lands on is page 1 of a new part (an appendix)."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Take no room."""
        return 0.0, 0.0

    def draw(self) -> None:
        """Tell the document template that numbering starts again on this page."""
        doc = self.canv._doctemplate  # noqa: SLF001 - ReportLab's link to its template
        doc.numbering_start = self.canv.getPageNumber()


DRAFT_SIZE = 12


class NdDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 document with a portrait body template and a landscape appendix template."""

    def __init__(self, path: str, info: DocumentInfo, draft: bool = False) -> None:
        """Set up pages, margins, metadata and the embedded initial font."""
        register_fonts()
        super().__init__(
            path, pagesize=PORTRAIT, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=info.title,
            author=info.author, subject=info.subject, creator="CCHC Desktop",
            initialFontName=FONT, initialFontSize=13, invariant=1, lang="vi-VN",
        )
        self.numbering_start = 1
        self.draft = draft
        self.addPageTemplates([
            self._template(BODY_TEMPLATE, PORTRAIT),
            self._template(APPENDIX_TEMPLATE, LANDSCAPE),
        ])

    def _template(self, template_id: str, pagesize: tuple[float, float]) -> PageTemplate:
        """Return a page template with one frame inside the NĐ 30 margins."""
        frame = Frame(
            LEFT_MARGIN, BOTTOM_MARGIN, content_width(pagesize),
            pagesize[1] - TOP_MARGIN - BOTTOM_MARGIN,
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id=template_id,
        )
        return PageTemplate(template_id, [frame], onPageEnd=self._finish_page,
                            pagesize=pagesize)

    def _finish_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the page number centred in the top margin (none on a part's first page)."""
        width, height = doc.pageTemplate.pagesize
        number = canv.getPageNumber() - self.numbering_start + 1
        canv.saveState()
        if number >= 2:
            canv.setFont(FONT, PAGE_NUMBER_SIZE)
            canv.drawCentredString(width / 2, height - TOP_MARGIN / 2 - PAGE_NUMBER_SIZE / 3,
                                   str(number))
        if self.draft:
            self._draw_draft_mark(canv, width, height)
        canv.restoreState()

    @staticmethod
    def _draw_draft_mark(canv: Canvas, width: float, height: float) -> None:
        """Draw "DỰ THẢO" in a box at the right of the top margin."""
        text = "DỰ THẢO"
        text_width = pdfmetrics.stringWidth(text, FONT_BOLD, DRAFT_SIZE)
        right = width - RIGHT_MARGIN
        base = height - TOP_MARGIN / 2 - DRAFT_SIZE / 3
        canv.setFont(FONT_BOLD, DRAFT_SIZE)
        canv.drawRightString(right - 4, base, text)
        canv.setLineWidth(0.8)
        canv.rect(right - text_width - 8, base - 4, text_width + 8, DRAFT_SIZE + 6)


# ReportLab keeps fonts and their subsets in module globals: one document is built at a time.
_BUILD_LOCK = threading.Lock()


def _build(path: str, make_story: Callable[[], Sequence[Flowable]], info: DocumentInfo,
           draft: bool) -> None:
    """Build the PDF; if a row is taller than a page, build again letting rows be cut."""
    with _BUILD_LOCK:
        try:
            NdDocTemplate(path, info, draft).build(list(make_story()))
        except LayoutError:
            with rows_may_split():
                NdDocTemplate(path, info, draft).build(list(make_story()))


def build_pdf(path: Path, make_story: Callable[[], Sequence[Flowable]],
              info: DocumentInfo, draft: bool = False) -> Path:
    """Render a story to path atomically (a temp file beside it, then renamed); return path."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"'{path}' là một thư mục; hãy chọn tên tệp PDF.")
    if not path.parent.is_dir():
        raise ReportError(f"Không có thư mục '{path.parent}' để lưu tệp PDF.")
    handle, temp_name = tempfile.mkstemp(suffix=".pdf", prefix=".cchc-", dir=path.parent)
    os.close(handle)
    try:
        os.chmod(temp_name, 0o644)
        _build(temp_name, make_story, info, draft)
        os.replace(temp_name, path)
    except OSError as error:
        raise ReportError(f"Không ghi được tệp '{path.name}': {error.strerror}.") from error
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return path
