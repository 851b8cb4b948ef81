"""Render a Document (reports.model) to PDF with ReportLab, in the NĐ 30/2020 layout.

The page (A4, margins, fonts, page numbers, DỰ THẢO) is base.py's; header, title, signature
and appendix headings are parts.py's; ruled tables are tables.py's. A heading or lead-in
before a table is not glued to the whole table (that left page 1 empty before a long list):
it only asks for room for itself and the table's first rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether

from cchc_desktop.reports.base import (
    LANDSCAPE,
    PORTRAIT,
    STYLES,
    DocumentInfo,
    build_pdf,
    content_width,
    register_fonts,
)
from cchc_desktop.reports.lines import header_of
from cchc_desktop.reports.model import (
    BODY,
    CAPTION,
    HEADING,
    LABEL,
    LEAD_IN,
    NOTE,
    SUBTITLE,
    Block,
    Document,
    Para,
    TableBlock,
)
from cchc_desktop.reports.parts import (
    LetterheadFlowable,
    addressee_block,
    appendix_heading,
    keep_room,
    para,
    sign_off_block,
    title_block,
)
from cchc_desktop.reports.tables import build_table
from cchc_desktop.reports.wording import clean, signature_lines

_STYLES: dict[str, ParagraphStyle] = {
    BODY: STYLES.body, LEAD_IN: STYLES.lead_in, HEADING: STYLES.heading,
    CAPTION: STYLES.caption, LABEL: STYLES.appendix_label, SUBTITLE: STYLES.appendix_title,
    NOTE: STYLES.appendix_note,
}
# Room asked for before a table that follows a heading (the heading, the table's header and
# its first rows), instead of keeping the heading with the whole table.
ROOM_BEFORE_TABLE = 110.0


def blocks_story(blocks: Sequence[Block], width: float) -> list[Flowable]:
    """Return the flowables of paragraphs and tables laid out at a text width."""
    story: list[Flowable] = []
    for index, block in enumerate(blocks):
        if isinstance(block, TableBlock):
            table = build_table(block.columns, block.rows, width)
            table.spaceBefore, table.spaceAfter = 2, 8
            story.append(table)
            continue
        style = _STYLES.get(block.style, STYLES.body)
        next_is_table = index + 1 < len(blocks) and isinstance(blocks[index + 1], TableBlock)
        if next_is_table and getattr(style, "keepWithNext", False):
            story.append(keep_room(ROOM_BEFORE_TABLE))
            style = ParagraphStyle(f"{style.name}_free", parent=style, keepWithNext=0)
        story.append(para(block.text, style, block.hint))
    return story


def _closing(doc: Document, width: float) -> Flowable:
    """Keep the closing paragraphs with the signature block and nơi nhận."""
    recipients = doc.recipients if doc.with_recipients else None
    block = sign_off_block(signature_lines(doc.signature), clean(doc.signature.name),
                           recipients, width)
    return KeepTogether([*blocks_story(doc.closing, width), block])


def document_story(doc: Document) -> list[Flowable]:
    """Return the flowables of a whole document."""
    register_fonts()
    width = content_width(PORTRAIT)
    story: list[Flowable] = [LetterheadFlowable(header_of(doc, width))]
    if doc.kind.name:
        story += title_block(doc.kind.name, doc.summary, width, doc.attached_to)
    else:
        story += addressee_block(doc.addressees)
    story += blocks_story(doc.blocks, width)
    story.append(_closing(doc, width))
    for appendix in doc.appendices:
        story += appendix_heading(appendix)
        size = LANDSCAPE if appendix.landscape else PORTRAIT
        story += blocks_story(appendix.blocks, content_width(size))
    return story


def info_of(doc: Document) -> DocumentInfo:
    """Return what the PDF says about itself."""
    title = clean(doc.title) or " ".join(p for p in (doc.kind.name, clean(doc.summary)) if p)
    return DocumentInfo(title, clean(doc.issuer.name), clean(doc.summary))


def render_pdf(doc: Document, path: Path, draft: bool = False) -> Path:
    """Write the document as a PDF (marked DỰ THẢO on every page if draft); return path."""
    return build_pdf(Path(path), lambda: document_story(doc), info_of(doc), draft)


__all__ = ["Para", "document_story", "render_pdf"]
