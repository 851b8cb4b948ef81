"""The one document model every official document is built on (Nghị định 30/2020/NĐ-CP).

How to build a document (collect -> model -> render):

1. Collect your data, then fill a `Document`:

       doc = Document(
           kind=BAO_CAO,                                  # tên loại and the "BC" of the number
           issuer=issuer_of(agency),                      # reports.issuing: from agency settings
           registration=Registration(year=today.year),    # Số and ngày blank for the văn thư
           summary="Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
           signature=default_signature(agency),           # reports.issuing: default signer
           bases=["Căn cứ …;"],                           # căn cứ paragraphs, as written
           body=[Para("I. KẾT QUẢ", HEADING), Para("Trong kỳ, …"),
                 TableBlock(columns, rows)],              # headed paragraphs and tables
           closing=[Para("Trên đây là báo cáo …/.")],     # kept on the page of the signature
           recipients=["Sở Nội vụ (b/c)", "Lưu: VT, VP"],
           appendices=[Appendix("Phụ lục", "Tiến độ …", "(Kèm theo Báo cáo số …)", [table])],
       )

2. Ask what a signer would find missing: `reports.checks.missing(doc)` returns `Missing`
   items (code, Vietnamese message, the setting that fixes it). Kind-specific gaps ("a period
   without data") go in `doc.problems` when collecting.
3. Save: `reports.save.save_document(doc, path, draft=False)` writes .pdf (ReportLab) or .docx
   (python-docx) by the extension. Without draft a document with something missing is
   refused (MissingInfoError, nothing written); with draft=True it is written and every page
   is marked "DỰ THẢO". The renderers own page size, margins, fonts and every NĐ30 rule
   (header table, rules, page numbers, signature block, nơi nhận, landscape appendices).

Texts are plain NFC strings in sentence case; the renderers upper-case what NĐ30 prints in
capitals (agency names, tên loại, signature lines, appendix titles). Nothing here imports a
renderer, so the model (and reports.wording, which turns it into lines) is safe for any caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

# Paragraph styles of the body (the renderers map each to fonts, sizes and spacing).
BODY = "body"              # justified, first-line indent, 14 pt
LEAD_IN = "lead_in"        # a body paragraph kept with what follows (a table's lead-in)
HEADING = "heading"        # bold, kept with what follows ("I. KẾT QUẢ", "1. Đánh giá chung")
CAPTION = "caption"        # centred bold table caption, kept with its table
LABEL = "label"            # centred bold 14 ("Phụ lục I", "ĐỀ CƯƠNG")
SUBTITLE = "subtitle"      # centred bold 13
NOTE = "note"              # centred italic 13 ("(Kèm theo …)")
PARA_STYLES = (BODY, LEAD_IN, HEADING, CAPTION, LABEL, SUBTITLE, NOTE)

# Table row kinds: section and group rows run across the columns after "TT" and are kept with
# the next row; a total row ("Tổng cộng", amount) and a note row ("(Bằng chữ: …)") close it.
ROW_SECTION = "section"
ROW_GROUP = "group"
ROW_ITEM = "item"
ROW_TOTAL = "total"
ROW_NOTE = "note"
ROW_BOLD = "bold"

# Quyền hạn ký (NĐ 30): the head signs (""), for a collective, for the head, acting, by order,
# by delegation, and the three-line chain for a collective signed by a deputy.
AUTHORITIES = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.", "TM.+KT.")


@dataclass(frozen=True)
class DocKind:
    """The document's tên loại and its code in the number ("Kế hoạch", "KH"); công văn: ""."""

    name: str
    code: str


KE_HOACH = DocKind("Kế hoạch", "KH")
BAO_CAO = DocKind("Báo cáo", "BC")
THONG_BAO = DocKind("Thông báo", "TB")
QUYET_DINH = DocKind("Quyết định", "QĐ")
CONG_VAN = DocKind("", "")


@dataclass(frozen=True)
class Issuer:
    """Who issues: cơ quan ban hành, its cơ quan chủ quản, symbol, địa danh, drafting unit."""

    name: str
    parent: str = ""
    abbreviation: str = ""
    place: str = ""
    drafting_unit: str = ""


@dataclass(frozen=True)
class Registration:
    """Số and ngày: blank for the văn thư unless the document is already registered.

    number is what the văn thư gave ("12", or the whole "12/KH-UBND"); day None leaves
    "ngày      tháng      năm <year>". own_number False prints neither (a document issued
    with a Quyết định has the Quyết định's number, cited under its trích yếu instead).
    """

    number: str = ""
    day: date | None = None
    year: int | None = None
    own_number: bool = True


@dataclass(frozen=True)
class Signature:
    """Who signs: quyền hạn (one of AUTHORITIES), own title, name, the head's title, collective.

    head_title is the title of the head a KT./TL./TUQ./Q. signer signs for ("Chánh Thanh
    tra"); collective is the body a TM. signer signs for ("Ủy ban nhân dân", without place).
    reports.wording.signature_lines turns it into the printed lines.
    """

    authority: str = ""
    title: str = ""
    name: str = ""
    head_title: str = ""
    collective: str = ""


@dataclass(frozen=True)
class Para:
    """A paragraph of plain text in one of PARA_STYLES; hint is appended in italics, "(…)"."""

    text: str
    style: str = BODY
    hint: str = ""


@dataclass(frozen=True)
class Column:
    """A table column: its header, its relative width and how its cells are aligned."""

    header: str
    width: float
    align: str = "left"


@dataclass
class Row:
    """A table row of text cells of one kind (ROW_SECTION, ROW_ITEM, ROW_TOTAL…)."""

    kind: str
    cells: list[str] = field(default_factory=list)


@dataclass
class TableBlock:
    """A ruled table whose header row repeats on every page."""

    columns: Sequence[Column]
    rows: list[Row]


Block = Para | TableBlock


@dataclass
class Appendix:
    """Pages after the signature, numbered on their own: a phụ lục or an attached đề cương."""

    label: str
    title: str
    note: str = ""
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = True
    subtitle: str = ""


@dataclass(frozen=True)
class Missing:
    """Something a signer would check and is missing; setting/field say what fixes it."""

    code: str
    message: str
    setting: str
    field: str = ""


# Where a missing item is fixed (Missing.setting).
SETTING_AGENCY = "agency"       # Thông tin cơ quan và người ký mặc định
SETTING_PLAN = "plan"           # the plan's own details (số, ngày, người ký)
SETTING_PROGRESS = "progress"   # progress of the period
SETTING_INSPECTION = "inspection"


@dataclass
class Document:
    """An official document: header, title, body, signature, nơi nhận and appendices."""

    kind: DocKind
    issuer: Issuer
    registration: Registration
    summary: str
    signature: Signature
    bases: list[str] = field(default_factory=list)
    intro: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    closing: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    attached_to: str = ""
    appendices: list[Appendix] = field(default_factory=list)
    problems: list[Missing] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # said above the preview, never blocking
    title: str = ""
    with_recipients: bool = True
    signer_source: str = SETTING_AGENCY

    @property
    def blocks(self) -> list[Block]:
        """Return the body as rendered: căn cứ, intro, body (closing is kept with the signature)."""
        return [*(Para(text) for text in self.bases), *self.intro, *self.body]
