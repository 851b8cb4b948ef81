"""The NĐ 30/2020 parts of a document: header, title, signature, recipients, appendix heading."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.colors import black
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
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
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    STYLES,
)
from cchc_desktop.text.folding import fold, nfc

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGNATURE_SPACE = 72.0
RULE_THICKNESS = 0.6
# Room for a number written by hand after signing (no-break spaces survive paragraphs).
BLANK_NUMBER = "\u00a0" * 8


def clean(text: str | None) -> str:
    """Return text in NFC with surrounding spaces removed ('' for None)."""
    return nfc(text or "").strip()


def markup(text: str | None) -> str:
    """Return NFC text escaped for a ReportLab paragraph, line breaks kept."""
    return escape(clean(text)).replace("\n", "<br/>")


def para(text: str | None, style: ParagraphStyle) -> Paragraph:
    """Return a paragraph of plain (escaped, NFC) text."""
    return Paragraph(markup(text), style)


def upper(text: str | None) -> str:
    """Return NFC upper case text ("Thanh tra tỉnh Đắk Nông" → "THANH TRA TỈNH ĐẮK NÔNG")."""
    return clean(text).upper()


def day_month(day: date) -> tuple[str, str]:
    """Return day and month as NĐ 30 writes them: a zero before days < 10 and months 1, 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month


def date_line(place: str, day: date) -> str:
    """Return the place and date line ("Đắk Nông, ngày 05 tháng 01 năm 2026")."""
    dd, mm_ = day_month(day)
    prefix = f"{clean(place)}, " if clean(place) else ""
    return f"{prefix}ngày {dd} tháng {mm_} năm {day.year}"


def short_date(day: date | None) -> str:
    """Return a date as dd/mm/yyyy ('' for None)."""
    return "" if day is None else f"{day.day:02d}/{day.month:02d}/{day.year}"


def number_line(number: str, doc_code: str, abbreviation: str) -> str:
    """Return "Số: 12/KH-TTr", or "Số:      /BC-TTr" with room for a number written later."""
    if clean(number):
        return f"Số: {clean(number)}"
    suffix = f"-{clean(abbreviation)}" if clean(abbreviation) else ""
    return f"Số:{' ' * 9}/{doc_code}{suffix}"


@dataclass(frozen=True)
class Letterhead:
    """The two header columns: agencies and number at the left, the nation and date right."""

    parent: str
    agency: str
    number_line: str
    place: str
    day: date


@dataclass
class _Line:
    """One centred line of the header."""

    text: str
    font: str
    size: float
    y: float


class LetterheadFlowable(Flowable):  # type: ignore[misc]
    """Draw the NĐ 30 header: cơ quan chủ quản / ban hành, số; quốc hiệu, tiêu ngữ, ngày."""

    gap = 12.0

    def __init__(self, head: Letterhead) -> None:
        """Keep the header data; sizes are decided in wrap()."""
        super().__init__()
        self.head = head
        self.left: list[_Line] = []
        self.right: list[_Line] = []
        self.rules: list[tuple[float, float, float]] = []
        self.left_width = 0.0
        self.right_center = 0.0
        self.date_center = 0.0
        self.height = 0.0

    def _national_size(self, width: float) -> float:
        """Use 13 pt for the national title unless the agency name then needs two lines."""
        names = [upper(self.head.parent), upper(self.head.agency)]
        for size in (13.0, 12.0):
            left = width - stringWidth(NATIONAL_TITLE, FONT_BOLD, size) - self.gap
            if all(stringWidth(n, FONT_BOLD, 13) <= left for n in names):
                return size
        return 12.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay out both columns and return the header's size."""
        size = self._national_size(avail_width)
        self.left_width = avail_width - stringWidth(NATIONAL_TITLE, FONT_BOLD, size) - self.gap
        right_center = self.left_width + (avail_width - self.left_width) / 2
        self.right_center = right_center
        self.left, self.right, self.rules = [], [], []
        y = self._layout_left(0.0)
        right_y = self._layout_right(size, right_center)
        y = min(y, right_y) - 8
        self.left.append(_Line(clean(self.head.number_line), FONT, 13, y - 13))
        self.right.append(_Line(date_line(self.head.place, self.head.day), FONT_ITALIC, 14,
                                y - 13))
        self._clamp_date(avail_width, right_center)
        self.height = -(y - 13) + 5
        for line in self.left + self.right:
            line.y += self.height
        self.rules = [(x0, x1, ry + self.height) for x0, x1, ry in self.rules]
        return avail_width, self.height

    def _wrapped(self, text: str, font: str, size: float) -> list[str]:
        """Split a name into lines that fit the left column."""
        return [line for line in simpleSplit(text, font, size, self.left_width) if line]

    def _layout_left(self, y: float) -> float:
        """Place the agency lines (y grows downwards as negative); return the lowest y."""
        for text in self._wrapped(upper(self.head.parent), FONT, 13):
            y -= 15
            self.left.append(_Line(text, FONT, 13, y))
        agency = self._wrapped(upper(self.head.agency), FONT_BOLD, 13)
        for text in agency:
            y -= 15
            self.left.append(_Line(text, FONT_BOLD, 13, y))
        if agency:
            widest = max(stringWidth(t, FONT_BOLD, 13) for t in agency)
            center = self.left_width / 2
            half = widest * 0.4 / 2
            self.rules.append((center - half, center + half, y - 6))
        return y - 6

    def _layout_right(self, size: float, center: float) -> float:
        """Place quốc hiệu and tiêu ngữ with its rule; return the lowest y."""
        self.right.append(_Line(NATIONAL_TITLE, FONT_BOLD, size, -15))
        self.right.append(_Line(NATIONAL_MOTTO, FONT_BOLD, 14, -31))
        half = stringWidth(NATIONAL_MOTTO, FONT_BOLD, 14) / 2
        self.rules.append((center - half, center + half, -37))
        return -37

    def _clamp_date(self, width: float, center: float) -> None:
        """Keep a long place-and-date line inside the right margin."""
        line = self.right[-1]
        half = stringWidth(line.text, line.font, line.size) / 2
        self.date_center = min(center, width - half)

    def draw(self) -> None:
        """Draw the header lines and rules."""
        canv = self.canv
        for line in self.left:
            canv.setFont(line.font, line.size)
            canv.drawCentredString(self.left_width / 2, line.y, line.text)
        for index, line in enumerate(self.right):
            last = index == len(self.right) - 1
            center = self.date_center if last else self.right_center
            canv.setFont(line.font, line.size)
            canv.drawCentredString(center, line.y, line.text)
        canv.setLineWidth(RULE_THICKNESS)
        for x0, x1, y in self.rules:
            canv.line(x0, y, x1, y)


def balanced_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Split text into as few lines as fit width, of lengths as even as possible."""
    lines = simpleSplit(clean(text), font, size, width) or [""]
    if len(lines) < 2:
        return lines
    low, high = width / len(lines), width
    while high - low > 2:
        middle = (low + high) / 2
        if len(simpleSplit(clean(text), font, size, middle)) > len(lines):
            low = middle
        else:
            high = middle
    return list(simpleSplit(clean(text), font, size, high))


def title_block(doc_type: str, summary: str, width: float) -> list[Flowable]:
    """Return tên loại (upper bold) and trích yếu (bold) with a short rule under it."""
    style = STYLES.summary
    lines = balanced_lines(summary, style.fontName, style.fontSize, width)
    widest = max(stringWidth(line, style.fontName, style.fontSize) for line in lines)
    return [
        para(upper(doc_type), STYLES.doc_type),
        Paragraph("<br/>".join(markup(line) for line in lines), style),
        HRFlowable(width=max(widest / 3, 60), thickness=RULE_THICKNESS, color=black,
                   spaceBefore=5, spaceAfter=14, hAlign="CENTER", lineCap="butt"),
    ]


@dataclass(frozen=True)
class SignOff:
    """Who signs (quyền hạn, chức vụ, họ tên) and who receives the document."""

    authority: str = ""
    title: str = ""
    name: str = ""
    agency: str = ""
    recipients: list[str] = field(default_factory=list)


def signature_lines(authority: str, title: str, agency: str) -> list[str]:
    """Return the upper-case lines above the signature ("KT. CHÁNH THANH TRA", "PHÓ …")."""
    parts = [clean(p) for p in (title or "").splitlines() if clean(p)]
    own = parts[-1] if parts else ""
    principal = parts[0] if len(parts) > 1 else ""
    authority = clean(authority)
    if not authority:
        return [upper(own)] if own else []
    if authority == "Q.":
        return [upper(f"Q. {own}")]
    if not principal:
        if authority == "TM.":
            principal = agency
        elif authority == "KT." and fold(own).startswith("pho "):
            principal = own[4:]
        else:
            principal = "Thủ trưởng cơ quan"
    return [upper(f"{authority} {principal}"), upper(own)]


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """Return the "- …;" lines of Nơi nhận, ending with "- Lưu: VT, …." (added if missing)."""
    items = [clean(r).rstrip(" ;.,") for r in recipients if clean(r).rstrip(" ;.,")]
    items = [item.lstrip("-+• ").strip() for item in items]
    archive = [item for item in items if fold(item).startswith("luu")]
    items = [item for item in items if item not in archive] + (archive[-1:] or ["Lưu: VT"])
    return [f"- {item};" for item in items[:-1]] + [f"- {items[-1]}."]


def sign_off_block(sign: SignOff, width: float) -> Table:
    """Return the two-column block: Nơi nhận at the left, the signature at the right."""
    hanging = ParagraphStyle("recipient_item", parent=STYLES.recipients, leftIndent=7,
                             firstLineIndent=-7)
    left: list[Flowable] = [para("Nơi nhận:", STYLES.recipients_label)]
    left += [para(line, hanging) for line in recipient_lines(sign.recipients)]
    right: list[Flowable] = [
        para(line, STYLES.signer_title)
        for line in signature_lines(sign.authority, sign.title, sign.agency)
    ]
    right += [Spacer(1, SIGNATURE_SPACE), para(sign.name, STYLES.signer_name)]
    table = Table([[left, right]], colWidths=[width * 0.45, width * 0.55])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    table.spaceBefore = 12
    return table


def appendix_heading(label: str, title: str, note: str) -> list[Flowable]:
    """Start landscape appendix pages: "Phụ lục", its title (upper) and "(Kèm theo …)"."""
    items: list[Flowable] = [NextPageTemplate(APPENDIX_TEMPLATE), PageBreak()]
    items += [para(label, STYLES.appendix_label), para(upper(title), STYLES.appendix_title)]
    if clean(note):
        items.append(para(note, STYLES.appendix_note))
    items.append(HRFlowable(width=90, thickness=RULE_THICKNESS, color=black, spaceBefore=4,
                            spaceAfter=10, hAlign="CENTER", lineCap="butt"))
    return items


def keep_room(height: float) -> CondPageBreak:
    """Start a new page unless this much room (points) is left on the current one."""
    return CondPageBreak(height)
