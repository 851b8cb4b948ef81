"""Document: Kế hoạch kiểm tra công tác cải cách hành chính, with its đề cương attached.

The layout follows the Đắk Hà 2022 model: I. Mục đích, yêu cầu; II. Nội dung kiểm tra;
III. Hình thức kiểm tra (định kỳ with its schedule, đột xuất, tự kiểm tra); IV. Thời gian và
thời điểm kiểm tra; V. Thành phần Đoàn kiểm tra; VI. Kinh phí; VII. Tổ chức thực hiện; then the
signature, and the đề cương on a new page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_desktop.inspections import inspection_plans as inspections
from cchc_desktop.inspections.models import (
    KIND_SCHEDULED,
    KIND_SELF,
    KIND_UNANNOUNCED,
    LEVEL_PART,
    LEVEL_SECTION,
    ROLES,
    SCOPE_AGENCIES,
    SCOPE_ALL,
    SCOPE_COMMUNES,
    STATUS_CANCELLED,
    OutlineLine,
)
from cchc_desktop.inspections.outline import (
    lines_for_scope,
    plan_outline,
    scope_of_unit_kind,
    subtitle_for_scope,
)
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.common import iso_day
from cchc_desktop.reports.inspection_common import (
    InspectionContext,
    archive_line,
    bullets,
    date_range,
    load_inspection_context,
    member_text,
    registration,
    with_hint,
)
from cchc_desktop.reports.model import (
    HEADING,
    KE_HOACH,
    ROW_ITEM,
    Appendix,
    Column,
    Document,
    Para,
    Row,
    TableBlock,
)
from cchc_desktop.reports.parts import clean, short_date, upper
from cchc_desktop.reports.save import save_document

DOC_TYPE = "Kế hoạch"
SCHEDULE_COLUMNS = (
    Column("TT", 8, "center"),
    Column("Cơ quan, đơn vị, địa phương được kiểm tra", 62),
    Column("Thời gian dự kiến", 30, "center"),
)
UNANNOUNCED_TEXT = (
    "Tiến hành kiểm tra đột xuất (không thông báo trước) tại các cơ quan, đơn vị, địa phương "
    "về việc thực hiện các quy định về văn hóa công sở, kỷ luật, kỷ cương hành chính, đạo đức "
    "công vụ; việc niêm yết công khai các quy định thủ tục hành chính; việc tiếp nhận và giải "
    "quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên thông và một số nội dung khác "
    "theo yêu cầu.")


@dataclass
class Block:
    """A heading with its paragraphs; a table (rows) may follow the paragraphs."""

    heading: str
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    after: list[str] = field(default_factory=list)


@dataclass
class OutlineAttachment:
    """One đề cương attached to the plan, for one kind of unit (numbered on its own pages)."""

    title: list[str]
    note: str
    lines: list[OutlineLine]


def _bases(ctx: InspectionContext) -> list[str]:
    """Return the "Căn cứ …;" paragraphs, the last one ending with a full stop."""
    items = [clean(b).rstrip(" ;.") for b in ctx.plan.bases if clean(b).rstrip(" ;.")]
    items = [b if b.lower().startswith(("căn cứ", "thực hiện")) else f"Căn cứ {b}" for b in items]
    return [f"{b};" for b in items[:-1]] + [f"{b}." for b in items[-1:]]


def _purpose_blocks(ctx: InspectionContext) -> list[Block]:
    """Return I. Mục đích, yêu cầu."""
    return [Block("I. MỤC ĐÍCH, YÊU CẦU"), Block("1. Mục đích", bullets=ctx.plan.purposes),
            Block("2. Yêu cầu", bullets=ctx.plan.requirements)]


def _content_block(outline: list[OutlineLine]) -> Block:
    """Return II. Nội dung kiểm tra: chỉ đạo, điều hành and the six areas, then other sections.

    Each area is named as its section of the đề cương names it (its usual title if the đề
    cương has none), in the order of Nghị quyết 76/NQ-CP.
    """
    sections = [line for line in outline if line.level == LEVEL_SECTION]
    titles = [next((clean(s.text) for s in sections if s.area == area), title)
              for area, title in AREAS.items()]
    titles += [clean(s.text) for s in sections if s.area not in AREAS]
    lines = [f"{i}. {t.rstrip('.')}." for i, t in enumerate(titles, start=1)]
    return Block("II. NỘI DUNG KIỂM TRA", paragraphs=[*lines, "(Có Đề cương chi tiết kèm theo)"])


def _form_blocks(register: Register, ctx: InspectionContext) -> list[Block]:
    """Return III. Hình thức kiểm tra: định kỳ (schedule table), đột xuất, tự kiểm tra."""
    units = [i for i in inspections.inspections_of(register, ctx.plan.id)
             if i.status != STATUS_CANCELLED]
    scheduled = [i for i in units if i.kind == KIND_SCHEDULED]
    surprise = [i.unit_name for i in units if i.kind == KIND_UNANNOUNCED]
    own = [i.unit_name for i in units if i.kind == KIND_SELF]
    rows = [Row(ROW_ITEM, [str(n), i.unit_name, date_range(i.planned_from, i.planned_to)
                           or "Thông báo sau"]) for n, i in enumerate(scheduled, start=1)]
    blocks = [Block("III. HÌNH THỨC KIỂM TRA"), Block(
        "1. Kiểm tra định kỳ",
        [f"{ctx.issuer} thành lập Đoàn kiểm tra để kiểm tra công tác cải cách hành chính năm "
         f"{ctx.plan.year} tại các cơ quan, đơn vị, địa phương sau đây:" if rows else
         "Danh sách cơ quan, đơn vị, địa phương được kiểm tra định kỳ sẽ có thông báo sau."],
        rows=rows)]
    after = [f"Dự kiến kiểm tra đột xuất tại: {', '.join(surprise)}."] if surprise else []
    blocks.append(Block("2. Kiểm tra đột xuất", [UNANNOUNCED_TEXT], after=after))
    blocks.append(Block("3. Tự kiểm tra", [_self_text(ctx, own)]))
    return blocks


def _self_text(ctx: InspectionContext, units: list[str]) -> str:
    """Return the paragraph on self-inspection (2 lần/năm, report due dates)."""
    who = (f"Các cơ quan, đơn vị, địa phương sau đây: {', '.join(units)}" if units else
           "Các cơ quan, đơn vị, địa phương không thuộc đối tượng được kiểm tra định kỳ")
    return (f"{who} tiến hành tự kiểm tra công tác cải cách hành chính tại cơ quan, địa phương "
            "mình theo định kỳ 2 lần/năm (6 tháng đầu năm và 6 tháng cuối năm) và báo cáo kết "
            f"quả tự kiểm tra về {ctx.issuer}{_self_dues(ctx)}.")


def _self_dues(ctx: InspectionContext) -> str:
    """Return " trước ngày 30/06/2026 và trước ngày 30/11/2026" ('' if no dates)."""
    dues = [short_date(iso_day(d)) for d in (ctx.plan.self_due_h1, ctx.plan.self_due_h2)]
    dues = [f"trước ngày {d}" for d in dues if d]
    return f" {' và '.join(dues)}" if dues else ""


def _time_block(register: Register, ctx: InspectionContext) -> list[Block]:
    """Return IV. Thời gian và thời điểm kiểm tra."""
    scheduled = inspections.inspections_of(register, ctx.plan.id, KIND_SCHEDULED)
    dated = any(i.planned_from for i in scheduled)
    lines = [
        "1.1. Kiểm tra định kỳ: " + ("theo thời gian dự kiến tại mục III.1 (lịch cụ thể sẽ có "
                                     "thông báo sau)." if dated else "thời gian cụ thể sẽ có "
                                     "thông báo sau."),
        f"1.2. Kiểm tra đột xuất: thực hiện thường xuyên trong năm {ctx.plan.year} (thời gian "
        "cụ thể do Trưởng đoàn quyết định).",
        f"1.3. Tự kiểm tra: 6 tháng đầu năm và 6 tháng cuối năm {ctx.plan.year}.",
    ]
    start = short_date(iso_day(ctx.plan.scope_from))
    scope = (f"Tính từ ngày {start} đến thời điểm kiểm tra." if start else
             f"Từ đầu năm {ctx.plan.year} đến thời điểm kiểm tra.")
    return [Block("IV. THỜI GIAN VÀ THỜI ĐIỂM KIỂM TRA"), Block("1. Thời gian kiểm tra", lines),
            Block("2. Thời điểm kiểm tra", [scope])]


def _team_block(register: Register, ctx: InspectionContext) -> Block:
    """Return V. Thành phần Đoàn kiểm tra (by role, members listed under "Thành viên")."""
    team = inspections.team(register, ctx.plan.id)
    if not team:
        return Block("V. THÀNH PHẦN ĐOÀN KIỂM TRA",
                     [f"Thành phần Đoàn kiểm tra do {ctx.issuer} quyết định."])
    lines: list[str] = []
    groups = [(role, [member_text(m) for m in team if m.role == role]) for role in ROLES]
    for number, (role, people) in enumerate([g for g in groups if g[1]], start=1):
        if len(people) == 1:
            lines.append(f"{number}. {ROLES[role]}: {people[0]}.")
        else:
            lines.append(f"{number}. {ROLES[role]}:")
            lines += [f"- {p};" for p in people[:-1]] + [f"- {people[-1]}."]
    return Block("V. THÀNH PHẦN ĐOÀN KIỂM TRA", lines)


def _closing_blocks(ctx: InspectionContext) -> list[Block]:
    """Return VI. Kinh phí and VII. Tổ chức thực hiện."""
    funding = clean(ctx.plan.funding) or "Kinh phí thực hiện từ nguồn kinh phí cải cách hành chính."
    steps = [f"{n}. {clean(t)}" for n, t in enumerate(ctx.plan.implementation, start=1)]
    return [Block("VI. KINH PHÍ THỰC HIỆN", [funding]), Block("VII. TỔ CHỨC THỰC HIỆN", steps)]


def unit_scopes(register: Register, plan_id: int) -> list[str]:
    """Return the kinds of unit the plan inspects (agencies, communes), in that order."""
    kinds = {u.id: u.kind for u in repository.list_units(register.db)}
    found = {scope_of_unit_kind(kinds.get(i.unit_id, ""))
             for i in inspections.inspections_of(register, plan_id)
             if i.status != STATUS_CANCELLED}
    return [scope for scope in (SCOPE_AGENCIES, SCOPE_COMMUNES) if scope in found]


def _attachments(register: Register, ctx: InspectionContext,
                 outline: list[OutlineLine]) -> list[OutlineAttachment]:
    """Return one đề cương per kind of unit inspected (one for all before units are chosen)."""
    title = ["Đề cương kiểm tra", f"Công tác cải cách hành chính năm {ctx.plan.year}"]
    note = f"(Kèm theo {ctx.plan_reference()})"
    return [OutlineAttachment([*title, subtitle_for_scope(scope)], note,
                              lines_for_scope(outline, scope))
            for scope in unit_scopes(register, ctx.plan.id) or [SCOPE_ALL]]


def collect_inspection_plan(register: Register, plan_id: int,
                            today: date | None = None) -> Document:
    """Collect the Kế hoạch kiểm tra of an inspection plan, its đề cương(s) attached."""
    ctx = load_inspection_context(register, plan_id)
    plan = ctx.plan
    outline = plan_outline(register, plan_id)
    blocks = [*_purpose_blocks(ctx), _content_block(outline), *_form_blocks(register, ctx),
              *_time_block(register, ctx), _team_block(register, ctx), *_closing_blocks(ctx)]
    recipients = list(plan.recipients)
    if not any(clean(r).lower().startswith("lưu") for r in recipients):
        recipients.append(archive_line(ctx))
    signature, source = ctx.signature()
    return Document(
        kind=KE_HOACH, issuer=ctx.issuing_body,
        registration=registration(plan.number, plan.issued_on, plan.year),
        summary=clean(plan.title), signature=signature, signer_source=source,
        bases=_bases(ctx),
        intro=[Para(f"{ctx.issuer} xây dựng Kế hoạch kiểm tra công tác cải cách hành chính năm "
                    f"{plan.year} như sau:")],
        body=[item for block in blocks for item in block_paragraphs(block)],
        closing=[Para(f"Trên đây là Kế hoạch kiểm tra công tác cải cách hành chính năm "
                      f"{plan.year} của {ctx.issuer}./.")],
        recipients=recipients,
        appendices=[outline_appendix(attachment)
                    for attachment in _attachments(register, ctx, outline)],
        title=f"Kế hoạch kiểm tra CCHC năm {plan.year}",
    )


def block_paragraphs(block: Block) -> list[Para | TableBlock]:
    """Return a heading with its paragraphs, bullets and table as model blocks."""
    items: list[Para | TableBlock] = [Para(block.heading, HEADING)]
    items += [Para(text) for text in block.paragraphs]
    items += bullets(block.bullets)
    if block.rows:
        items.append(TableBlock(SCHEDULE_COLUMNS, block.rows))
    items += [Para(text) for text in block.after]
    return items


def outline_appendix(outline: OutlineAttachment) -> Appendix:
    """Return a đề cương as portrait pages numbered on their own: title, note, its lines."""
    title = outline.title
    items: list[Para | TableBlock] = []
    for line in outline.lines:
        if line.level == LEVEL_PART:
            items.append(Para(f"{line.number}. {upper(line.text)}".lstrip(". "), HEADING))
        elif line.level == LEVEL_SECTION:
            items.append(Para(f"{line.number}. {clean(line.text)}".lstrip(". "), HEADING))
        elif clean(line.number):
            items.append(with_hint(line.text, line.hint, f"{clean(line.number)}. "))
        else:
            items.append(with_hint(line.text, line.hint))
    return Appendix(upper(title[0]), title[1], outline.note, items, landscape=False,
                    subtitle=title[2])


def render_inspection_plan(data: Document, path: Path, draft: bool = False) -> Path:
    """Save the Kế hoạch kiểm tra as .pdf or .docx (by the extension); return its path."""
    return save_document(data, path, draft)


def print_inspection_plan(register: Register, plan_id: int, path: Path,
                          today: date | None = None, draft: bool = False) -> Path:
    """Collect and save the Kế hoạch kiểm tra of a plan to path."""
    return render_inspection_plan(collect_inspection_plan(register, plan_id, today), Path(path),
                                  draft)
