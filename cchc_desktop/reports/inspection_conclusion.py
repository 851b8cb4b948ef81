"""Document: Thông báo kết luận kiểm tra công tác cải cách hành chính tại một đơn vị.

I. Kết quả kiểm tra (đánh giá chung, then a table of the đề cương items the team assessed);
II. Tồn tại, hạn chế; III. Kiến nghị và yêu cầu khắc phục (a table of remediation items with
owner and deadline); the demand to report back; signature; Nơi nhận. A part prints only
when the team recorded something for it (numbered without gaps); nothing is invented, and the
notice is refused with the reason until the unit has a visit date and recorded results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from cchc_desktop.errors import NotFoundError
from cchc_desktop.inspections import (
    inspection_plans as inspections,
)
from cchc_desktop.inspections import (
    results as inspections_results,
)
from cchc_desktop.inspections.models import (
    ANSWERS,
    FINDING,
    KINDS,
    LEVEL_ITEM,
    LEVEL_PART,
    LEVEL_SECTION,
    RECOMMENDATION,
    ROLE_HEAD,
    STATUS_CANCELLED,
    Inspection,
)
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.common import iso_day
from cchc_desktop.reports.inspection_common import (
    InspectionContext,
    archive_line,
    bullets,
    load_inspection_context,
    member_text,
    numbered,
    registration,
)
from cchc_desktop.reports.model import (
    HEADING,
    ROW_ITEM,
    ROW_SECTION,
    THONG_BAO,
    Block,
    Column,
    Document,
    Para,
    Row,
    TableBlock,
)
from cchc_desktop.reports.parts import clean, short_date
from cchc_desktop.reports.save import save_document

DOC_TYPE = "Thông báo"
RESULT_COLUMNS = (
    Column("TT", 7, "center"),
    Column("Nội dung kiểm tra", 55),
    Column("Kết quả", 14, "center"),
    Column("Ghi chú", 30),
)
REMEDY_COLUMNS = (
    Column("TT", 7, "center"),
    Column("Nội dung khắc phục", 50),
    Column("Người, bộ phận thực hiện", 25, "center"),
    Column("Thời hạn", 18, "center"),
)


@dataclass
class ConclusionDocument:
    """Everything the Thông báo kết luận kiểm tra says (collected, then put on the model)."""

    intro: list[str]
    assessment: list[str]
    results: list[Row]
    findings: list[str]
    recommendations: list[str]
    remedies: list[Row]
    demand: str
    unit_name: str = ""
    notes: list[str] = field(default_factory=list)


def _load(register: Register, inspection_id: int) -> tuple[Inspection, InspectionContext]:
    """Read the inspection and its plan, or raise ReportError."""
    try:
        item = inspections.get_inspection(register, inspection_id)
    except NotFoundError as error:
        raise ReportError(f"Không có đợt kiểm tra số {inspection_id} trong sổ; không tạo được "
                          "thông báo kết luận.") from error
    return item, load_inspection_context(register, item.plan_id)


def _intro(register: Register, item: Inspection, ctx: InspectionContext) -> list[str]:
    """Return the opening paragraphs: under which plan, when, by whom, where."""
    head = [m for m in inspections.team(register, ctx.plan.id) if m.role == ROLE_HEAD]
    team = f"Đoàn kiểm tra do {member_text(head[0])} làm Trưởng đoàn" if head else (
        "Đoàn kiểm tra")
    when = f"ngày {short_date(iso_day(item.actual_on))}, "
    kind = KINDS[item.kind].lower().replace("tự kiểm tra", "kiểm tra kết quả tự kiểm tra")
    return [
        f"Thực hiện {ctx.plan_reference()} về kiểm tra công tác cải cách hành chính năm "
        f"{ctx.plan.year}, {when}{team} đã tiến hành {kind} công tác cải cách hành chính tại "
        f"{item.unit_name}.",
        "Sau khi nghe báo cáo của đơn vị, kiểm tra hồ sơ, tài liệu và thực tế, "
        f"{ctx.issuer} thông báo kết luận kiểm tra như sau:",
    ]


def _result_rows(register: Register, inspection_id: int) -> list[Row]:
    """Return the table rows of the assessed items, under their section headings."""
    rows: list[Row] = []
    heading: Row | None = None
    number = 0
    for entry in inspections_results.checklist(register, inspection_id):
        line = entry.line
        if line.level in (LEVEL_PART, LEVEL_SECTION):
            heading = Row(ROW_SECTION, [clean(line.number), clean(line.text)])
            continue
        if line.level != LEVEL_ITEM or not (entry.answer or clean(entry.note)):
            continue
        if heading is not None:
            rows.append(heading)
            heading = None
        number += 1
        label = ANSWERS[entry.answer] if entry.answer else ""
        rows.append(Row(ROW_ITEM, [str(number), clean(line.text), label, clean(entry.note)]))
    return rows


def _remedy_rows(register: Register, inspection_id: int) -> list[Row]:
    """Return the table rows of the remediation items (content, owner, deadline)."""
    return [Row(ROW_ITEM, [str(n), clean(r.content), clean(r.owner),
                           short_date(iso_day(r.deadline))])
            for n, r in enumerate(inspections_results.remediations(register, inspection_id),
                                  start=1)]


def _demand(register: Register, item: Inspection, ctx: InspectionContext) -> str:
    """Return the closing: remedy and report back (by the due date if set), or take note."""
    if not (inspections_results.findings(register, item.id)
            or inspections_results.remediations(register, item.id)):
        return f"{ctx.issuer} thông báo kết luận kiểm tra để {item.unit_name} biết, thực hiện./."
    due = short_date(iso_day(item.report_due))
    by = f" trước ngày {due}" if due else ""
    return (f"Yêu cầu {item.unit_name} nghiêm túc khắc phục những tồn tại, hạn chế nêu trên và "
            f"báo cáo kết quả khắc phục về {ctx.issuer}{by} để theo dõi, tổng hợp./.")


def _has_results(register: Register, item: Inspection) -> bool:
    """Tell whether the team recorded anything: assessment, answers, findings or remedies."""
    return bool(clean(item.summary)
                or any(e.answer or clean(e.note)
                       for e in inspections_results.checklist(register, item.id))
                or inspections_results.findings(register, item.id)
                or inspections_results.remediations(register, item.id))


def conclusion_refusal(register: Register, inspection_id: int) -> str:
    """Return why the unit's Thông báo kết luận cannot be made yet ('' when it can)."""
    item, _ = _load(register, inspection_id)
    if item.status == STATUS_CANCELLED:
        return f"Đợt kiểm tra tại {item.unit_name} đã hủy; không có thông báo kết luận."
    missing = []
    if not iso_day(item.actual_on):
        missing.append("chưa ghi ngày kiểm tra thực tế")
    if not _has_results(register, item):
        missing.append("chưa ghi kết quả kiểm tra (đánh giá chung, kết quả theo đề cương hoặc "
                       "tồn tại, hạn chế)")
    if not missing:
        return ""
    return (f"Chưa lập được thông báo kết luận kiểm tra tại {item.unit_name}: "
            f"{'; '.join(missing)}. Hãy ghi trong cửa sổ Kiểm tra CCHC, phần Kết luận của "
            "đơn vị.")


def collect_conclusion(register: Register, inspection_id: int,
                       today: date | None = None) -> Document:
    """Collect the Thông báo kết luận kiểm tra of one inspected unit from the register.

    Refused (ReportError with the reason) until the unit has a visit date and results.
    """
    reason = conclusion_refusal(register, inspection_id)
    if reason:
        raise ReportError(reason)
    item, ctx = _load(register, inspection_id)
    findings = inspections_results.findings(register, inspection_id)
    summary = (f"Kết luận kiểm tra công tác cải cách hành chính năm {ctx.plan.year} tại "
               f"{item.unit_name}")
    data = ConclusionDocument(
        intro=_intro(register, item, ctx),
        assessment=[clean(p) for p in item.summary.splitlines() if clean(p)],
        results=_result_rows(register, inspection_id),
        findings=[f.text for f in findings if f.kind == FINDING],
        recommendations=[f.text for f in findings if f.kind == RECOMMENDATION],
        remedies=_remedy_rows(register, inspection_id),
        demand=_demand(register, item, ctx), unit_name=item.unit_name,
    )
    signature, source = ctx.signature()
    year = (today or date.today()).year
    return Document(
        kind=THONG_BAO, issuer=ctx.issuing_body,
        registration=registration(item.conclusion_number, item.conclusion_on, year),
        summary=summary, signature=signature, signer_source=source,
        intro=[Para(text) for text in data.intro], body=_body_story(data),
        closing=[Para(data.demand)],
        recipients=[f"{item.unit_name} (t/h)", "Thành viên Đoàn kiểm tra", archive_line(ctx)],
        title=f"Thông báo kết luận kiểm tra - {item.unit_name}",
    )


ROMAN = ("I", "II", "III", "IV")


def _results_story(data: ConclusionDocument, roman: str) -> list[Block]:
    """Return Kết quả kiểm tra: the assessment and the table of assessed items, as recorded."""
    parts: list[tuple[str, list[Block]]] = []
    if data.assessment:
        parts.append(("Đánh giá chung", [Para(text) for text in data.assessment]))
    if data.results:
        parts.append(("Kết quả kiểm tra theo từng nội dung",
                      [TableBlock(RESULT_COLUMNS, data.results)]))
    story: list[Block] = [Para(f"{roman}. KẾT QUẢ KIỂM TRA", HEADING)]
    for number, (heading, body) in enumerate(parts, start=1):
        story += [Para(f"{number}. {heading}", HEADING), *body]
    return story


def _remedy_story(data: ConclusionDocument, roman: str) -> list[Block]:
    """Return Kiến nghị và yêu cầu khắc phục (recommendations, then the remediation table)."""
    story: list[Block] = [Para(f"{roman}. KIẾN NGHỊ VÀ YÊU CẦU KHẮC PHỤC", HEADING)]
    if data.recommendations:
        story.append(Para("1. Kiến nghị", HEADING))
        story += bullets(data.recommendations)
    if data.remedies:
        number = 2 if data.recommendations else 1
        story.append(Para(f"{number}. Yêu cầu khắc phục", HEADING))
        story.append(Para(f"{data.unit_name} tổ chức khắc phục các nội dung sau:"))
        story.append(TableBlock(REMEDY_COLUMNS, data.remedies))
    return story


def _body_story(data: ConclusionDocument) -> list[Block]:
    """Return the parts that have something recorded, numbered I, II, III without gaps."""
    parts: list[Callable[[str], list[Block]]] = []
    if data.assessment or data.results:
        parts.append(lambda roman: _results_story(data, roman))
    if data.findings:
        parts.append(lambda roman: [Para(f"{roman}. TỒN TẠI, HẠN CHẾ", HEADING),
                                    *numbered(data.findings)])
    if data.recommendations or data.remedies:
        parts.append(lambda roman: _remedy_story(data, roman))
    story: list[Block] = []
    for roman, part in zip(ROMAN, parts, strict=False):
        story += part(roman)
    return story


def render_conclusion(data: Document, path: Path, draft: bool = False) -> Path:
    """Save the Thông báo kết luận kiểm tra as .pdf or .docx; return its path."""
    return save_document(data, path, draft)


def print_conclusion(register: Register, inspection_id: int, path: Path,
                     today: date | None = None, draft: bool = False) -> Path:
    """Collect and save the Thông báo kết luận kiểm tra of an inspected unit to path."""
    return render_conclusion(collect_conclusion(register, inspection_id, today), Path(path),
                             draft)
