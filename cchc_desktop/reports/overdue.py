"""Document 3, the overdue tasks reissued as a công văn đôn đốc (it asks units to act).

NĐ 30 has no "Danh mục" document: a list that ends with a request to units is a công văn
("V/v đôn đốc …" under its number, "Kính gửi" the lead units), with the list attached as an
appendix. Days overdue count to ONE cut-off (progress.cutoff: the period's data cut-off when
a period is chosen, else the chosen day), the same one the Excel export uses, and the text
says which date it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_desktop.progress.cutoff import Cutoff, cutoff_for, states_at
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.common import PlanContext, load_context, main_lead
from cchc_desktop.reports.model import (
    CONG_VAN,
    NOTE,
    ROW_ITEM,
    SETTING_PROGRESS,
    Appendix,
    Block,
    Document,
    Missing,
    Para,
    Registration,
)
from cchc_desktop.reports.progress_tables import overdue_rows, overdue_table
from cchc_desktop.reports.save import save_document
from cchc_desktop.reports.wording import archive_line, clean, own_citation

MAX_ADDRESSEES = 5


@dataclass
class OverdueDocument:
    """The công văn đôn đốc with its cut-off and how many tasks it lists."""

    document: Document
    cutoff: Cutoff
    count: int

    @property
    def as_of(self) -> date:
        """Return the day overdue days were counted to."""
        return self.cutoff.day


def _addressees(leads: list[str]) -> list[str]:
    """Return "Kính gửi" names: the lead units, or one collective line when many."""
    names = list(dict.fromkeys(clean(lead) for lead in leads if clean(lead)))
    if names and len(names) <= MAX_ADDRESSEES:
        return names
    return ["Các cơ quan, đơn vị chủ trì nhiệm vụ (theo Danh mục kèm theo)"]


def _body(ctx: PlanContext, cutoff: Cutoff, count: int, total: int,
          office: str) -> list[Block]:
    """Return the paragraphs: what is late by the cut-off, then what the units must do."""
    issuer = ctx.report_issuer.name
    if not count:
        return [Para(f"Thực hiện {ctx.reference}, {cutoff.phrase}, không có nhiệm vụ nào quá "
                     "thời hạn mà chưa hoàn thành.")]
    return [
        Para(f"Thực hiện {ctx.reference}, {cutoff.phrase}, trong tổng số {total} nhiệm vụ có "
             f"{count} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành (chi tiết tại Danh mục "
             "kèm theo)."),
        Para(f"Để bảo đảm tiến độ thực hiện Kế hoạch, {issuer} đề nghị các cơ quan, đơn vị:"),
        Para("1. Khẩn trương tập trung hoàn thành các nhiệm vụ được giao chủ trì tại Danh mục "
             "kèm theo; bảo đảm chất lượng, sản phẩm theo Kế hoạch."),
        Para(f"2. Báo cáo kết quả thực hiện, nguyên nhân chậm tiến độ và thời gian dự kiến "
             f"hoàn thành của từng nhiệm vụ về {office} để tổng hợp, báo cáo lãnh đạo."),
    ]


def collect_overdue(register: Register, plan_id: int, as_of: date | None = None,
                    period_code: str | None = None, today: date | None = None,
                    registration: Registration | None = None) -> OverdueDocument:
    """Collect the công văn đôn đốc: tasks overdue at the cut-off (period or chosen day)."""
    today = today or date.today()
    cutoff = cutoff_for(period_code, as_of, today)
    ctx = load_context(register, plan_id)
    states = states_at(register, plan_id, cutoff)
    rows = overdue_rows(states)
    count = sum(1 for row in rows if row.kind == ROW_ITEM)
    overdue = [s for s in states if s.overdue]
    office = main_lead([s.task.lead_text for s in states]) or "bộ phận theo dõi cải cách " \
        "hành chính"
    issuer = ctx.report_issuer
    signature, source = ctx.report_signature()
    problems = [] if count else [Missing(
        "nothing_overdue", f"Không có nhiệm vụ quá hạn {cutoff.phrase}; không cần công văn "
        "đôn đốc.", SETTING_PROGRESS, cutoff.period.code)]
    doc = Document(
        kind=CONG_VAN, issuer=issuer, registration=registration or Registration(year=today.year),
        summary="Đôn đốc thực hiện các nhiệm vụ cải cách hành chính chậm tiến độ",
        signature=signature, signer_source=source,
        addressees=_addressees([s.task.lead_text for s in overdue]),
        body=_body(ctx, cutoff, count, len(states), office),
        closing=[Para("Đề nghị các cơ quan, đơn vị quan tâm, thực hiện./.")],
        recipients=["Như trên", "Lãnh đạo cơ quan", archive_line(issuer.drafting_unit)],
        problems=problems, title=f"Đôn đốc nhiệm vụ chậm tiến độ {cutoff.day.isoformat()}",
    )
    if count:
        doc.appendices.append(Appendix(
            "Danh mục", "Nhiệm vụ cải cách hành chính chậm tiến độ",
            f"(Kèm theo {own_citation(doc)})",
            [Para(f"Số ngày quá hạn {cutoff.phrase}.", NOTE), overdue_table(rows)]))
    return OverdueDocument(doc, cutoff, count)


def render_overdue(data: OverdueDocument, path: Path, draft: bool = False) -> Path:
    """Save the công văn đôn đốc as .pdf or .docx (by the extension); return its path."""
    return save_document(data.document, path, draft)
