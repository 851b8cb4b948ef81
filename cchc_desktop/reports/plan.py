"""Document 1, Kế hoạch: bases, body sections, signature and the appendix task table."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_desktop.plans import repository
from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, appendix_rows
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.common import (
    PlanContext,
    iso_day,
    load_context,
    main_lead,
    section_title,
)
from cchc_desktop.reports.model import (
    HEADING,
    KE_HOACH,
    ROW_BOLD,
    ROW_GROUP,
    ROW_ITEM,
    ROW_NOTE,
    ROW_SECTION,
    ROW_TOTAL,
    Appendix,
    Column,
    Document,
    Para,
    Registration,
    Row,
    TableBlock,
)
from cchc_desktop.reports.save import save_document
from cchc_desktop.reports.wording import BLANK, archive_line, clean, number_symbol
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
NOTES_COLUMN = Column("Ghi chú", 24)  # only when a task has a note


@dataclass
class BodySection:
    """A numbered part of the body ("I. NỘI DUNG NHIỆM VỤ") and its paragraphs."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)

    def blocks(self) -> list[Para]:
        """Return the heading and paragraphs as model paragraphs."""
        return [Para(self.heading, HEADING), *(Para(text) for text in self.paragraphs)]


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
                                   item.partner, item.timeframe, budget, item.notes]))
    if not any(row.cells[-1] for row in rows if row.kind == ROW_ITEM):
        rows = [Row(r.kind, r.cells[:-1]) if r.kind == ROW_ITEM else r for r in rows]
    return rows, total, leads


def _total_rows(total: float | None, notes: bool) -> list[Row]:
    """Return the "Tổng cộng" row (under Kinh phí, left of a Ghi chú column) and its words."""
    if not total:
        return []
    words = Row(ROW_NOTE, [f"(Bằng chữ: {million_vnd_in_words(total)})"])
    if notes:
        return [Row(ROW_BOLD, ["", "Tổng cộng", "", "", "", "", format_number(total), ""]), words]
    return [Row(ROW_TOTAL, ["Tổng cộng", format_number(total)]), words]


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
              f"{ctx.term} giao cho {ctx.plan_issuer.name}.").replace("  ", " ")
    if not total:
        return BodySection("II. KINH PHÍ THỰC HIỆN", [source])
    words = million_vnd_in_words(total)
    line = (f"Tổng kinh phí thực hiện các nhiệm vụ tại Phụ lục là {format_number(total)} "
            f"triệu đồng (Bằng chữ: {words}).")
    return BodySection("II. KINH PHÍ THỰC HIỆN", [line, source])


def _organisation(ctx: PlanContext, lead: str) -> BodySection:
    """Return the usual "Tổ chức thực hiện" paragraphs, naming the main lead unit."""
    office = lead or "Bộ phận theo dõi công tác cải cách hành chính"
    head = ctx.head_title or "lãnh đạo cơ quan"
    return BodySection("III. TỔ CHỨC THỰC HIỆN", [
        "1. Các đơn vị được giao chủ trì nhiệm vụ tại Phụ lục chủ động triển khai thực hiện, "
        "bảo đảm tiến độ, chất lượng và sản phẩm; báo cáo kết quả định kỳ quý I, 6 tháng, "
        "quý III (9 tháng) và năm theo quy định.",
        f"2. Giao {office} chủ trì theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch; tổng "
        f"hợp, tham mưu {head} báo cáo cấp trên theo quy định.",
        "3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về "
        f"{office} để tổng hợp, báo cáo {head} xem xét, quyết định.",
    ])


def _registration(ctx: PlanContext, today: date,
                  given: Registration | None = None) -> Registration:
    """Return the plan's number and date as registered (blank when not), none under a QĐ."""
    year = ctx.plan.year or today.year
    if ctx.by_decision:
        return Registration(year=year, own_number=False)
    number = clean(ctx.plan.number) or (given.number if given else "")
    day = iso_day(ctx.plan.issued_on) or (given.day if given else None)
    return Registration(number, day, year)


def _appendix_note(doc: Document, ctx: PlanContext) -> str:
    """Return "(Kèm theo Quyết định số … ngày … của …)" citing the plan as what it is."""
    if clean(ctx.plan.number):
        return f"(Kèm theo {ctx.reference})"
    return (f"(Kèm theo Kế hoạch số{BLANK}/{number_symbol(doc)} ngày{BLANK}tháng{BLANK}năm "
            f"{doc.registration.year} của {doc.issuer.name})")


def _recipients(ctx: PlanContext) -> list[str]:
    """Return the plan's recipients, ending with "Lưu: VT, …"."""
    chosen = [clean(r) for r in ctx.plan.recipients if clean(r)]
    if not any(r.lower().lstrip("- ").startswith("lưu") for r in chosen):
        chosen.append(archive_line(ctx.plan_issuer.drafting_unit))
    return chosen


def collect_plan(register: Register, plan_id: int, today: date | None = None,
                 registration: Registration | None = None) -> Document:
    """Collect the Kế hoạch of a plan from the register (its appendix in landscape).

    Số and ngày are the plan's own when it has them (blank otherwise); registration fills
    them for a plan registered since. A plan issued by a Quyết định has neither.
    """
    ctx = load_context(register, plan_id)
    rows, total, leads = _appendix_rows(register, plan_id)
    tasks = sum(1 for row in rows if row.kind == ROW_ITEM)
    notes = any(len(row.cells) > len(PLAN_COLUMNS) for row in rows if row.kind == ROW_ITEM)
    columns = (*PLAN_COLUMNS, NOTES_COLUMN) if notes else PLAN_COLUMNS
    rows += _total_rows(total, notes)
    issuer = ctx.plan_issuer
    signature, source = ctx.plan_signature()
    sections = [_task_sections(register, ctx, tasks), _budget_section(ctx, total),
                _organisation(ctx, main_lead(leads))]
    doc = Document(
        kind=KE_HOACH, issuer=issuer,
        registration=_registration(ctx, today or date.today(), registration),
        summary=ctx.summary, signature=signature, signer_source=source, bases=_bases(ctx),
        intro=[Para(f"{issuer.name} ban hành Kế hoạch cải cách hành chính {ctx.term} như "
                    "sau:")],
        body=[block for section in sections for block in section.blocks()],
        closing=[Para(f"Trên đây là Kế hoạch cải cách hành chính {ctx.term} của "
                      f"{issuer.name}./.")],
        recipients=_recipients(ctx), with_recipients=not ctx.by_decision,
        attached_to=f"(Kèm theo {ctx.reference})" if ctx.by_decision else "",
        title=f"Kế hoạch {clean(ctx.plan.number)}".strip(),
    )
    doc.appendices.append(Appendix(
        "Phụ lục", f"Nhiệm vụ cải cách hành chính {ctx.term} của {issuer.name}",
        _appendix_note(doc, ctx), [TableBlock(columns, rows)]))
    return doc


def render_plan(data: Document, path: Path, draft: bool = False) -> Path:
    """Save the Kế hoạch as .pdf or .docx (by the extension); return its path."""
    return save_document(data, path, draft)
