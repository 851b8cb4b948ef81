"""Document 1, Kế hoạch: bases, body sections, signature and the appendix task table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from cchc_desktop.plans import repository
from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, appendix_rows
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import LANDSCAPE, STYLES, DocumentInfo, build_pdf, content_width
from cchc_desktop.reports.common import (
    PlanContext,
    closing,
    front_matter,
    iso_day,
    letterhead,
    load_context,
    main_lead,
    section_title,
    sign_off,
    strip_doc_type,
)
from cchc_desktop.reports.parts import (
    BLANK_NUMBER,
    Letterhead,
    SignOff,
    appendix_heading,
    clean,
    number_line,
    para,
    short_date,
)
from cchc_desktop.reports.tables import (
    ROW_GROUP,
    ROW_ITEM,
    ROW_NOTE,
    ROW_SECTION,
    ROW_TOTAL,
    Column,
    Row,
    build_table,
)
from cchc_desktop.text.money_words import format_number, million_vnd_in_words

DOC_TYPE = "Kế hoạch"
PLAN_COLUMNS = (
    Column("TT", 10, "center"),
    Column("Nội dung nhiệm vụ", 62),
    Column("Sản phẩm", 45),
    Column("Cơ quan chủ trì", 27, "center"),
    Column("Cơ quan phối hợp", 29, "center"),
    Column("Thời gian thực hiện", 29, "center"),
    Column("Kinh phí (triệu đồng)", 19, "center"),
)


@dataclass
class BodySection:
    """A numbered part of the body ("I. NỘI DUNG NHIỆM VỤ") and its paragraphs."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class PlanDocument:
    """Everything the Kế hoạch prints, as plain text (collected, then rendered)."""

    letterhead: Letterhead
    summary: str
    bases: list[str]
    intro: str
    sections: list[BodySection]
    closing: str
    sign: SignOff
    appendix_title: str
    appendix_note: str
    rows: list[Row]
    total_million_vnd: float | None
    info: DocumentInfo


def _bases(ctx: PlanContext) -> list[str]:
    """Return the "Căn cứ …;" paragraphs, the last one ending with a full stop."""
    items = [clean(b).rstrip(" ;.") for b in ctx.plan.bases if clean(b).rstrip(" ;.")]
    items = [b if b.lower().startswith("căn cứ") else f"Căn cứ {b}" for b in items]
    return [f"{b};" for b in items[:-1]] + [f"{b}." for b in items[-1:]]


def _appendix_rows(register: Register, plan_id: int) -> tuple[list[Row], float | None, list[str]]:
    """Return the table rows, the budget total (None if no budget) and the lead units."""
    rows: list[Row] = []
    total: float | None = None
    leads: list[str] = []
    for item in appendix_rows(register, plan_id):
        if item.kind in (KIND_SECTION, KIND_GROUP):
            kind = ROW_SECTION if item.kind == KIND_SECTION else ROW_GROUP
            rows.append(Row(kind, [item.number, item.content]))
            continue
        budget = "" if item.budget is None else format_number(item.budget)
        if item.budget is not None:
            total = (total or 0.0) + item.budget
        leads.append(item.lead)
        rows.append(Row(ROW_ITEM, [item.number, item.content, item.result, item.lead,
                                   item.partner, item.timeframe, budget]))
    return rows, total, leads


def _task_sections(register: Register, ctx: PlanContext, total_tasks: int) -> BodySection:
    """Describe the tasks per area (section) of the appendix."""
    db = register.db
    counts = Counter(t.section_id for t in repository.list_tasks(db, ctx.plan.id))
    sections = repository.list_sections(db, ctx.plan.id)
    lines = [
        f"Kế hoạch gồm {total_tasks} nhiệm vụ thuộc {len(sections)} lĩnh vực, giao cụ thể "
        "cơ quan chủ trì, cơ quan phối hợp, sản phẩm và thời gian thực hiện tại Phụ lục "
        "kèm theo:"
    ] if sections else [f"Kế hoạch gồm {total_tasks} nhiệm vụ, chi tiết tại Phụ lục kèm theo."]
    for index, section in enumerate(sections, start=1):
        lines.append(f"{index}. {section_title(section)}: {counts[section.id]} nhiệm vụ.")
    return BodySection("I. NỘI DUNG NHIỆM VỤ", lines)


def _budget_section(ctx: PlanContext, total: float | None) -> BodySection:
    """State the total budget in figures and words, or where the money comes from."""
    source = (f"Kinh phí thực hiện Kế hoạch được bố trí trong dự toán ngân sách nhà nước "
              f"{ctx.year_phrase} giao cho {ctx.issuer}.").replace("  ", " ")
    if not total:
        return BodySection("II. KINH PHÍ THỰC HIỆN", [source])
    words = million_vnd_in_words(total)
    line = (f"Tổng kinh phí thực hiện các nhiệm vụ tại Phụ lục là {format_number(total)} "
            f"triệu đồng (Bằng chữ: {words}).")
    return BodySection("II. KINH PHÍ THỰC HIỆN", [line, source])


def _organisation(ctx: PlanContext, lead: str) -> BodySection:
    """Return the usual "Tổ chức thực hiện" paragraphs, naming the main lead unit."""
    office = lead or "Bộ phận theo dõi công tác cải cách hành chính"
    head = ctx.head_title
    return BodySection("III. TỔ CHỨC THỰC HIỆN", [
        "1. Các đơn vị được giao chủ trì nhiệm vụ tại Phụ lục chủ động triển khai thực hiện, "
        "bảo đảm tiến độ, chất lượng và sản phẩm; báo cáo kết quả định kỳ quý I, 6 tháng, "
        "quý III (9 tháng) và năm theo quy định.",
        f"2. Giao {office} chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng "
        f"hợp, tham mưu {head} báo cáo cấp trên theo quy định.",
        "3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về "
        f"{office} để tổng hợp, báo cáo {head} xem xét, quyết định.",
    ])


def _appendix_note(ctx: PlanContext) -> str:
    """Return "(Kèm theo Kế hoạch số … ngày … của …)"."""
    number = clean(ctx.plan.number) or f"{BLANK_NUMBER}/KH-{ctx.abbreviation}"
    issued = iso_day(ctx.plan.issued_on)
    day = f" ngày {short_date(issued)}" if issued else ""
    return f"(Kèm theo Kế hoạch số {number}{day} của {ctx.issuer})"


def collect_plan(register: Register, plan_id: int, today: date | None = None) -> PlanDocument:
    """Collect the Kế hoạch of a plan from the register."""
    ctx = load_context(register, plan_id)
    day = iso_day(ctx.plan.issued_on) or today or date.today()
    rows, total, leads = _appendix_rows(register, plan_id)
    tasks = sum(1 for row in rows if row.kind == ROW_ITEM)
    if total:
        rows.append(Row(ROW_TOTAL, ["Tổng cộng", format_number(total)]))
        rows.append(Row(ROW_NOTE, [f"(Bằng chữ: {million_vnd_in_words(total)})"]))
    summary = strip_doc_type(ctx.plan.title, DOC_TYPE)
    return PlanDocument(
        letterhead=letterhead(ctx, number_line(ctx.plan.number, "KH", ctx.abbreviation), day),
        summary=summary,
        bases=_bases(ctx),
        intro=f"{ctx.issuer} ban hành Kế hoạch cải cách hành chính {ctx.year_phrase} "
              "như sau:".replace("  ", " "),
        sections=[_task_sections(register, ctx, tasks), _budget_section(ctx, total),
                  _organisation(ctx, main_lead(leads))],
        closing=f"Trên đây là Kế hoạch cải cách hành chính {ctx.year_phrase} của "
                f"{ctx.issuer}./.".replace("  ", " "),
        sign=sign_off(ctx),
        appendix_title=f"Nhiệm vụ cải cách hành chính {ctx.year_phrase} của {ctx.issuer}",
        appendix_note=_appendix_note(ctx),
        rows=rows,
        total_million_vnd=total,
        info=DocumentInfo(f"Kế hoạch {clean(ctx.plan.number)}".strip(), ctx.issuer, summary),
    )


def plan_story(data: PlanDocument) -> list[Flowable]:
    """Return the flowables of the Kế hoạch."""
    story: list[Flowable] = front_matter(data.letterhead, DOC_TYPE, data.summary)
    story += [para(text, STYLES.body) for text in data.bases]
    story.append(para(data.intro, STYLES.body))
    for section in data.sections:
        story.append(para(section.heading, STYLES.heading))
        story += [para(text, STYLES.body) for text in section.paragraphs]
    story.append(closing([para(data.closing, STYLES.body)], data.sign))
    story += appendix_heading("Phụ lục", data.appendix_title, data.appendix_note)
    story.append(build_table(PLAN_COLUMNS, data.rows, content_width(LANDSCAPE)))
    return story


def render_plan(data: PlanDocument, path: Path) -> Path:
    """Render the Kế hoạch to a PDF file; return its path."""
    return build_pdf(path, lambda: plan_story(data), data.info)
