"""The NĐ 30/2020 parts of a PDF: header, title, signature with nơi nhận, appendix heading.

The lines come from reports.lines / reports.wording (shared with the Word renderer); this
module only draws them with ReportLab.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.colors import black
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import ParagraphStyle

from cchc_desktop.reports.base import (
    APPENDIX_TEMPLATE,
    BODY_TEMPLATE,
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    STYLES,
    RestartNumbering,
)
from cchc_desktop.reports.lines import Header, balanced_lines, width_of
from cchc_desktop.reports.model import Appendix
from cchc_desktop.reports.wording import (
    NATIONAL_MOTTO,
    NATIONAL_TITLE,
    clean,
    recipient_lines,
    upper,
)

SIGNATURE_SPACE = 72.0
RULE_THICKNESS = 0.6
# Room for a number written by hand after signing (no-break spaces survive paragraphs).
BLANK_NUMBER = "\u00a0" * 8
LINE = 15.0
_SPACES = re.compile(" {2,}")

__all__ = ["BLANK_NUMBER", "clean", "markup", "para", "short_date", "upper"]


def markup(text: str | None) -> str:
    """Return NFC text escaped for a ReportLab paragraph, line breaks and blanks kept.

    A run of spaces (the blanks left for the văn thư) becomes no-break spaces, which a
    paragraph does not collapse.
    """
    kept = _SPACES.sub(lambda m: "\u00a0" * len(m.group()), clean(text))
    return escape(kept).replace("\n", "<br/>")


def para(text: str | None, style: ParagraphStyle, hint: str = "") -> Paragraph:
    """Return a paragraph of plain (escaped, NFC) text, with an italic "(hint)" after it."""
    body = markup(text)
    if clean(hint):
        body += f" <i>({markup(clean(hint).rstrip('.'))})</i>"
    return Paragraph(body, style)


def short_date(day: date | None) -> str:
    """Return a date as dd/mm/yyyy ('' for None)."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


class LetterheadFlowable(Flowable):  # type: ignore[misc]
    """Draw the NĐ 30 header: cơ quan chủ quản / ban hành, số; quốc hiệu, tiêu ngữ, ngày."""

    def __init__(self, head: Header) -> None:
        """Keep the header lines; positions are decided in wrap()."""
        super().__init__()
        self.head = head
        self.items: list[tuple[str, str, float, float, float]] = []
        self.rules: list[tuple[float, float, float]] = []
        self.height = 0.0

    def _left(self) -> float:
        """Place the left column (y grows downwards as negative); return the lowest y."""
        head, center, y = self.head, self.head.left_width / 2, 0.0
        for text in head.parent:
            y -= LINE
            self.items.append((text, FONT, 13, center, y))
        for text in head.agency:
            y -= LINE
            self.items.append((text, FONT_BOLD, 13, center, y))
        if head.agency:
            half = max(width_of(t, True, 13) for t in head.agency) * 0.2
            self.rules.append((center - half, center + half, y - 6))
        return y - 6

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay out both columns and return the header's size."""
        head = self.head
        self.items, self.rules = [], []
        right = head.left_width + (avail_width - head.left_width) / 2
        y = self._left()
        self.items.append((NATIONAL_TITLE, FONT_BOLD, head.national_size, right, -LINE))
        self.items.append((NATIONAL_MOTTO, FONT_BOLD, 14, right, -31))
        half = width_of(NATIONAL_MOTTO, True, 14) / 2
        self.rules.append((right - half, right + half, -37))
        y = min(y, -37) - 8 - 13
        left_y = y
        if head.number:
            self.items.append((head.number, FONT, 13, head.left_width / 2, left_y))
        for text in head.summary:
            left_y -= 14
            self.items.append((text, FONT, 12, head.left_width / 2, left_y))
        if head.date:
            half = width_of(head.date, False, 14) / 2 + 1
            self.items.append((head.date, FONT_ITALIC, 14, min(right, avail_width - half), y))
        self.height = -min(left_y, y) + 5
        return avail_width, self.height

    def draw(self) -> None:
        """Draw the header lines and rules."""
        canv = self.canv
        for text, font, size, center, y in self.items:
            canv.setFont(font, size)
            canv.drawCentredString(center, y + self.height, text)
        canv.setLineWidth(RULE_THICKNESS)
        for x0, x1, y in self.rules:
            canv.line(x0, y + self.height, x1, y + self.height)


def title_block(doc_type: str, summary: str, width: float, note: str = "") -> list[Flowable]:
    """Return tên loại (upper bold), trích yếu (bold) with a short rule, and an italic note."""
    style = STYLES.summary
    lines = balanced_lines(summary, True, style.fontSize, width)
    widest = max(width_of(line, True, style.fontSize) for line in lines)
    items: list[Flowable] = [
        para(upper(doc_type), STYLES.doc_type),
        Paragraph("<br/>".join(markup(line) for line in lines), style),
    ]
    if clean(note):
        items.append(para(note, STYLES.appendix_note))
    items.append(HRFlowable(width=max(widest / 3, 60), thickness=RULE_THICKNESS, color=black,
                            spaceBefore=5, spaceAfter=14, hAlign="CENTER", lineCap="butt"))
    return items


def addressee_block(addressees: Sequence[str]) -> list[Flowable]:
    """Return "Kính gửi: …" (one line, or "-" lines for several) of a công văn."""
    items = [clean(a) for a in addressees if clean(a)]
    if not items:
        return []
    style = ParagraphStyle("kinh_gui", parent=STYLES.body, firstLineIndent=0, leftIndent=90,
                           spaceBefore=6)
    if len(items) == 1:
        return [Paragraph(f"Kính gửi: {markup(items[0])}.", style)]
    first = ParagraphStyle("kinh_gui_label", parent=style, leftIndent=90)
    lines = [Paragraph("Kính gửi:", first)]
    lines += [Paragraph(markup(f"- {a};" if i < len(items) - 1 else f"- {a}."),
                        ParagraphStyle("kg_item", parent=style, leftIndent=160, spaceBefore=0,
                                       spaceAfter=0))
              for i, a in enumerate(items)]
    return lines


def sign_off_block(signature: list[str], name: str, recipients: Sequence[str] | None,
                   width: float) -> Table:
    """Return the two-column block: Nơi nhận at the left, the signature at the right."""
    hanging = ParagraphStyle("recipient_item", parent=STYLES.recipients, leftIndent=7,
                             firstLineIndent=-7)
    left: list[Flowable] = []
    if recipients is not None:
        left = [para("Nơi nhận:", STYLES.recipients_label)]
        left += [para(line, hanging) for line in recipient_lines(recipients)]
    right: list[Flowable] = [para(line, STYLES.signer_title) for line in signature]
    right += [Spacer(1, SIGNATURE_SPACE), para(name, STYLES.signer_name)]
    table = Table([[left or "", right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    table.spaceBefore = 12
    return table


def appendix_heading(appendix: Appendix) -> list[Flowable]:
    """Start an appendix on a new page numbered on its own: label, title, subtitle, note."""
    template = APPENDIX_TEMPLATE if appendix.landscape else BODY_TEMPLATE
    items: list[Flowable] = [NextPageTemplate(template), PageBreak(), RestartNumbering()]
    if clean(appendix.label):
        items.append(para(appendix.label, STYLES.appendix_label))
    items.append(para(upper(appendix.title), STYLES.appendix_title))
    if clean(appendix.subtitle):
        items.append(para(appendix.subtitle, STYLES.summary))
    if clean(appendix.note):
        items.append(para(appendix.note, STYLES.appendix_note))
    items.append(HRFlowable(width=90, thickness=RULE_THICKNESS, color=black, spaceBefore=4,
                            spaceAfter=10, hAlign="CENTER", lineCap="butt"))
    return items


def keep_room(height: float) -> CondPageBreak:
    """Start a new page unless this much room (points) is left on the current one."""
    return CondPageBreak(height)
