"""The NĐ 30/2020 parts of the Word copy: page setup, page numbers, header table, rules.

Units: python-docx lengths (Pt, Mm); widths measured in points with reports.lines so the
lines break where the PDF's do.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from cchc_desktop.reports.base import BOTTOM_MARGIN, LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN
from cchc_desktop.reports.lines import Header, width_of
from cchc_desktop.reports.wording import DRAFT_MARK, NATIONAL_MOTTO, NATIONAL_TITLE

FONT_NAME = "Times New Roman"
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MM_PER_POINT = 25.4 / 72
HEADER_DISTANCE_MM = 10
# WordprocessingML wants children in schema order: what may follow each element we add.
_AFTER_PAGE_NUMBERS = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg",
                       "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid",
                       "w:printerSettings", "w:sectPrChange")
_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                 "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                 "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                 "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                 "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                 "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def points(value: float) -> Pt:
    """Return a python-docx length of value points."""
    return Pt(value)


def set_font(run_props_owner: object, size: float, bold: bool = False,
             italic: bool = False) -> None:
    """Set Times New Roman (every script), size, bold and italic on a run or style font."""
    font = run_props_owner.font  # type: ignore[attr-defined]
    font.name, font.size, font.bold, font.italic = FONT_NAME, Pt(size), bold, italic
    element = run_props_owner.element  # type: ignore[attr-defined]
    props = element.get_or_add_rPr()
    fonts = props.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        props.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(key), FONT_NAME)


def setup_section(section: Section, landscape: bool) -> None:
    """Give a section A4 in its orientation, NĐ 30 margins and a different first page."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (PAGE_HEIGHT_MM, PAGE_WIDTH_MM) if landscape else (PAGE_WIDTH_MM,
                                                                       PAGE_HEIGHT_MM)
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin = Mm(TOP_MARGIN * MM_PER_POINT)
    section.bottom_margin = Mm(BOTTOM_MARGIN * MM_PER_POINT)
    section.left_margin = Mm(LEFT_MARGIN * MM_PER_POINT)
    section.right_margin = Mm(RIGHT_MARGIN * MM_PER_POINT)
    section.header_distance = Mm(HEADER_DISTANCE_MM)
    section.different_first_page_header_footer = True
    props = section._sectPr  # noqa: SLF001
    number_type = props.find(qn("w:pgNumType"))
    if number_type is None:
        number_type = OxmlElement("w:pgNumType")
        props.insert_element_before(number_type, *_AFTER_PAGE_NUMBERS)
    number_type.set(qn("w:start"), "1")


def content_points(section: Section) -> float:
    """Return the text width of a section in points."""
    width = int(section.page_width or 0) - int(section.left_margin or 0) \
        - int(section.right_margin or 0)
    return width / 12700


def _draft_run(paragraph: Paragraph) -> None:
    """Append "DỰ THẢO" in a box (bold 12)."""
    run = paragraph.add_run(DRAFT_MARK)
    set_font(run, 12, bold=True)
    border = OxmlElement("w:bdr")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"),
                       ("w:color", "000000")):
        border.set(qn(key), value)
    run.element.get_or_add_rPr().append(border)


def _page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (the page number) in 13 pt."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = paragraph.add_run("1")
    set_font(run, 13)
    field.append(run.element)
    paragraph._p.append(field)  # noqa: SLF001


def write_page_headers(section: Section, draft: bool) -> None:
    """Number pages from 2 centred in the top margin; box "DỰ THẢO" at the right if draft."""
    width = content_points(section)
    first = section.first_page_header
    first.is_linked_to_previous = False
    if draft:
        mark = first.paragraphs[0]
        mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _draft_run(mark)
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(width / 2), WD_TAB_ALIGNMENT.CENTER)
    paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(width - 1), WD_TAB_ALIGNMENT.RIGHT)
    paragraph.add_run("\t")
    _page_field(paragraph)
    if draft:
        paragraph.add_run("\t")
        _draft_run(paragraph)


def rule(container: DocxDocument | _Cell, width: float, available: float,
         before: float = 0.0, after: float = 0.0) -> Paragraph:
    """Add a centred horizontal rule of width points (an empty paragraph's bottom border)."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    side = max(0.0, (available - width) / 2)
    fmt.left_indent, fmt.right_indent = Pt(side), Pt(side)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(2)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    paragraph._p.get_or_add_pPr().insert_element_before(border, *_AFTER_BORDER)  # noqa: SLF001
    return paragraph


def lines_paragraph(paragraph: Paragraph, lines: list[str], size: float, bold: bool = False,
                    italic: bool = False) -> Paragraph:
    """Write lines centred into a paragraph, with explicit line breaks between them."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    for index, line in enumerate(lines):
        run = paragraph.add_run(line)
        set_font(run, size, bold, italic)
        if index < len(lines) - 1:
            run.add_break()
    return paragraph


def _cell_paragraph(cell: _Cell, first: list[bool]) -> Paragraph:
    """Return the cell's first (empty) paragraph once, then new ones."""
    if first[0]:
        first[0] = False
        paragraph: Paragraph = cell.paragraphs[0]
        return paragraph
    added: Paragraph = cell.add_paragraph()
    return added


def _left_column(cell: _Cell, head: Header) -> None:
    """Write cơ quan chủ quản, cơ quan ban hành with its rule, số and a công văn's V/v."""
    first = [True]
    if head.parent:
        lines_paragraph(_cell_paragraph(cell, first), head.parent, 13)
    if head.agency:
        lines_paragraph(_cell_paragraph(cell, first), head.agency, 13, bold=True)
        widest = max(width_of(t, True, 13) for t in head.agency)
        first[0] = False
        rule(cell, widest * 0.4, head.left_width, after=6)
    if head.number:
        paragraph = lines_paragraph(_cell_paragraph(cell, first), [head.number], 13)
        # Level with the date: the right column has two lines and a rule above it.
        short = max(0, 2 - len(head.parent) - len(head.agency)) * 15
        paragraph.paragraph_format.space_before = Pt(short + (0 if head.agency else 8))
    if head.summary:
        paragraph = lines_paragraph(_cell_paragraph(cell, first), head.summary, 12)
        paragraph.paragraph_format.space_before = Pt(3)


def _right_column(cell: _Cell, head: Header) -> None:
    """Write quốc hiệu, tiêu ngữ with its rule, and the place and date (level with Số)."""
    lines_paragraph(cell.paragraphs[0], [NATIONAL_TITLE], head.national_size, bold=True)
    lines_paragraph(cell.add_paragraph(), [NATIONAL_MOTTO], 14, bold=True)
    right = float(cell.width.pt) if cell.width else 0.0
    rule(cell, width_of(NATIONAL_MOTTO, True, 14), right, after=6)
    if head.date:
        paragraph = lines_paragraph(cell.add_paragraph(), [head.date], 14, italic=True)
        extra = max(0, len(head.parent) + len(head.agency) - 2) * 15
        paragraph.paragraph_format.space_before = Pt(extra)


def plain_table(document: DocxDocument, widths: tuple[float, float]) -> Table:
    """Add a borderless one-row table of fixed column widths (points) and no cell margins."""
    table: Table = document.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    props = table._tbl.tblPr  # noqa: SLF001
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), "0")
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    props.insert_element_before(margins, *_AFTER_CELL_MARGINS)
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = cell.width = Pt(width)
    return table


def header_table(document: DocxDocument, head: Header, content: float) -> None:
    """Add the two-column, borderless NĐ 30 header table."""
    table = plain_table(document, (head.left_width, content - head.left_width))
    left, right = table.rows[0].cells
    _left_column(left, head)
    _right_column(right, head)
