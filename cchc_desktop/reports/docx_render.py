"""Render a Document (reports.model) as a Word copy (.docx) with python-docx, NĐ 30 layout.

A4 sections with NĐ 30 margins (a landscape section per appendix, numbered on its own), Times
New Roman 13–14, the two-column header with its rules, tên loại and trích yếu, body paragraphs
justified with a first-line indent, ruled tables whose header row repeats, the signature block
beside nơi nhận, page numbers centred in the top margin from page 2, "DỰ THẢO" on every page
of a draft. The same lines as the PDF come from reports.lines and reports.wording.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from cchc_desktop.reports.base import FIRST_LINE_INDENT, ReportError
from cchc_desktop.reports.docx_parts import (
    MM_PER_POINT,
    content_points,
    header_table,
    lines_paragraph,
    plain_table,
    rule,
    set_font,
    setup_section,
    write_page_headers,
)
from cchc_desktop.reports.docx_table import table_element
from cchc_desktop.reports.lines import balanced_lines, header_of, width_of
from cchc_desktop.reports.model import (
    CAPTION,
    HEADING,
    LABEL,
    LEAD_IN,
    NOTE,
    SUBTITLE,
    Appendix,
    Block,
    Document,
    TableBlock,
)
from cchc_desktop.reports.wording import clean, recipient_lines, signature_lines, upper

# style: (size, bold, italic, centred, keep with next)
_LOOKS: dict[str, tuple[float, bool, bool, bool, bool]] = {
    HEADING: (14, True, False, False, True), LEAD_IN: (14, False, False, False, True),
    CAPTION: (13, True, False, True, True), LABEL: (14, True, False, True, True),
    SUBTITLE: (13, True, False, True, True), NOTE: (13, False, True, True, True),
}
SIGNATURE_SPACE = 72


def _body_paragraph(container: DocxDocument | _Cell, text: str, style: str,
                    hint: str = "", keep: bool = False) -> Paragraph:
    """Add one body paragraph in the look of its style."""
    size, bold, italic, centred, keep_next = _LOOKS.get(style, (14, False, False, False, False))
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(6)
    fmt.line_spacing_rule = WD_LINE_SPACING.AT_LEAST
    fmt.line_spacing = Pt(17.5 if size == 14 else 16)
    fmt.keep_with_next = keep_next or keep
    if centred:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Mm(FIRST_LINE_INDENT * MM_PER_POINT)
    set_font(paragraph.add_run(clean(text)), size, bold, italic)
    if clean(hint):
        set_font(paragraph.add_run(f" ({clean(hint).rstrip('.')})"), size, bold, True)
    return paragraph


def _blocks(document: DocxDocument, blocks: Sequence[Block], width: float,
            keep_all: bool = False) -> None:
    """Add paragraphs and tables at a text width (points)."""
    body = document.element.body
    after_table = False
    for block in blocks:
        if isinstance(block, TableBlock):
            table = table_element(block.columns, block.rows, width)
            body.insert(len(body) - 1, table) if body[-1].tag == qn("w:sectPr") \
                else body.append(table)
            after_table = True
            continue
        paragraph = _body_paragraph(document, block.text, block.style, block.hint, keep_all)
        if after_table:
            paragraph.paragraph_format.space_before = Pt(8)
        after_table = False


def _title(document: DocxDocument, doc: Document, width: float) -> None:
    """Add tên loại, trích yếu (even lines), the note under it and the short rule."""
    kind = lines_paragraph(document.add_paragraph(), [upper(doc.kind.name)], 14, bold=True)
    kind.paragraph_format.space_before = Pt(18)
    lines = balanced_lines(doc.summary, True, 14, width)
    lines_paragraph(document.add_paragraph(), lines, 14, bold=True)
    if clean(doc.attached_to):
        lines_paragraph(document.add_paragraph(), [clean(doc.attached_to)], 13, italic=True)
    widest = max(width_of(line, True, 14) for line in lines)
    rule(document, max(widest / 3, 60), width, before=3, after=14)


def _addressees(document: DocxDocument, addressees: list[str]) -> None:
    """Add "Kính gửi: …" of a công văn."""
    items = [clean(a) for a in addressees if clean(a)]
    if not items:
        return
    texts = [f"Kính gửi: {items[0]}."] if len(items) == 1 else ["Kính gửi:"] + [
        f"- {a};" if i < len(items) - 1 else f"- {a}." for i, a in enumerate(items)]
    for index, text in enumerate(texts):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.left_indent = Pt(90 if index == 0 else 160)
        paragraph.paragraph_format.space_before = Pt(6 if index == 0 else 0)
        set_font(paragraph.add_run(text), 14)


def _signature(document: DocxDocument, doc: Document, width: float) -> None:
    """Add the two-column block: Nơi nhận at the left, the signature at the right."""
    table = plain_table(document, (width * 0.45, width * 0.55))
    left, right = table.rows[0].cells
    row_props = table.rows[0]._tr.get_or_add_trPr()  # noqa: SLF001
    row_props.append(OxmlElement("w:cantSplit"))
    if doc.with_recipients:
        label = left.paragraphs[0]
        set_font(label.add_run("Nơi nhận:"), 12, bold=True, italic=True)
        for line in recipient_lines(doc.recipients):
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(7)
            paragraph.paragraph_format.first_line_indent = Pt(-7)
            set_font(paragraph.add_run(line), 11)
    titles = signature_lines(doc.signature)
    first = right.paragraphs[0]
    lines_paragraph(first, titles, 13, bold=True)
    name = lines_paragraph(right.add_paragraph(), [clean(doc.signature.name)], 14, bold=True)
    name.paragraph_format.space_before = Pt(SIGNATURE_SPACE)


def _appendix(document: DocxDocument, appendix: Appendix, draft: bool) -> None:
    """Start a new section (landscape for a table appendix) numbered on its own."""
    section = document.add_section(WD_SECTION.NEW_PAGE)
    setup_section(section, appendix.landscape)
    write_page_headers(section, draft)
    width = content_points(section)
    if clean(appendix.label):
        lines_paragraph(document.add_paragraph(), [clean(appendix.label)], 14, bold=True)
    lines_paragraph(document.add_paragraph(), [upper(appendix.title)], 13, bold=True)
    if clean(appendix.subtitle):
        lines_paragraph(document.add_paragraph(), [clean(appendix.subtitle)], 14, bold=True)
    if clean(appendix.note):
        lines_paragraph(document.add_paragraph(), [clean(appendix.note)], 13, italic=True)
    rule(document, 90, width, before=4, after=10)
    _blocks(document, appendix.blocks, width)


def build_docx(doc: Document, draft: bool = False) -> DocxDocument:
    """Return the python-docx document of a Document."""
    document: DocxDocument = docx.Document()
    normal = document.styles["Normal"]
    set_font(normal, 14)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    setup_section(section, landscape=False)
    write_page_headers(section, draft)
    width = content_points(section)
    header_table(document, header_of(doc, width), width)
    if doc.kind.name:
        _title(document, doc, width)
    else:
        _addressees(document, doc.addressees)
    _blocks(document, doc.blocks, width)
    _blocks(document, doc.closing, width, keep_all=True)
    _signature(document, doc, width)
    for appendix in doc.appendices:
        _appendix(document, appendix, draft)
    props = document.core_properties
    props.title = clean(doc.title) or f"{doc.kind.name} {clean(doc.summary)}".strip()
    props.author, props.subject = clean(doc.issuer.name), clean(doc.summary)
    props.language = "vi-VN"
    return document


def render_docx(doc: Document, path: Path, draft: bool = False) -> Path:
    """Write the Word copy atomically (a temp file beside it, then renamed); return path."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"'{path}' là một thư mục; hãy chọn tên tệp Word (.docx).")
    if not path.parent.is_dir():
        raise ReportError(f"Không có thư mục '{path.parent}' để lưu tệp Word.")
    document = build_docx(doc, draft)
    handle, temp_name = tempfile.mkstemp(suffix=".docx", prefix=".cchc-", dir=path.parent)
    os.close(handle)
    try:
        os.chmod(temp_name, 0o644)
        document.save(temp_name)
        os.replace(temp_name, path)
    except OSError as error:
        raise ReportError(f"Không ghi được tệp '{path.name}': {error.strerror}.") from error
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return path
