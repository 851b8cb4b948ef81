"""Document 3, Danh mục nhiệm vụ chậm tiến độ: the tasks past their due date on a given day.

NĐ 30 has no document type "Danh mục", so it is issued as a Báo cáo whose trích yếu is the
list's name; the list is a portrait table grouped by area.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.platypus import Flowable

from cchc_desktop.progress.entries import task_states
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import PORTRAIT, STYLES, DocumentInfo, build_pdf, content_width
from cchc_desktop.reports.common import (
    closing,
    front_matter,
    letterhead,
    load_context,
    main_lead,
    sign_off,
)
from cchc_desktop.reports.parts import Letterhead, SignOff, number_line, para, short_date
from cchc_desktop.reports.progress_tables import overdue_rows, overdue_table
from cchc_desktop.reports.tables import ROW_ITEM, Row
from cchc_desktop.schedule.periods import ReportingPeriod, period_for_date

DOC_TYPE = "Báo cáo"


@dataclass
class OverdueDocument:
    """Everything the overdue list prints (collected, then rendered)."""

    letterhead: Letterhead
    summary: str
    intro: str
    rows: list[Row]
    request: str
    sign: SignOff
    as_of: date
    info: DocumentInfo

    @property
    def count(self) -> int:
        """Return how many tasks are listed."""
        return sum(1 for row in self.rows if row.kind == ROW_ITEM)


def collect_overdue(register: Register, plan_id: int, as_of: date | None = None,
                    period: ReportingPeriod | None = None) -> OverdueDocument:
    """Collect the tasks of a plan that are overdue on a day (today by default)."""
    day = as_of or date.today()
    ctx = load_context(register, plan_id)
    period = period or period_for_date(day)
    states = task_states(register, plan_id, period.code, day)
    rows = overdue_rows(states)
    count = sum(1 for row in rows if row.kind == ROW_ITEM)
    plan_ref = ctx.reference
    if count:
        intro = (f"Tính đến ngày {short_date(day)}, trong tổng số {len(states)} nhiệm vụ của "
                 f"{plan_ref}, có {count} nhiệm vụ đã quá thời hạn nhưng chưa hoàn thành, cụ "
                 "thể như sau:")
    else:
        intro = (f"Tính đến ngày {short_date(day)}, {plan_ref} không có nhiệm vụ nào quá thời "
                 "hạn mà chưa hoàn thành.")
    office = main_lead([s.task.lead_text for s in states]) or "bộ phận theo dõi CCHC"
    request = ("Đề nghị các đơn vị chủ trì khẩn trương hoàn thành các nhiệm vụ nêu trên; báo "
               f"cáo kết quả và nguyên nhân chậm tiến độ về {office} để tổng hợp, báo cáo "
               "lãnh đạo cơ quan./.")
    summary = (f"Danh mục nhiệm vụ cải cách hành chính chậm tiến độ tính đến ngày "
               f"{short_date(day)}")
    return OverdueDocument(
        letterhead=letterhead(ctx, number_line("", "BC", ctx.abbreviation), day),
        summary=summary, intro=intro, rows=rows, request=request if count else "",
        sign=sign_off(ctx), as_of=day,
        info=DocumentInfo(f"Nhiệm vụ chậm tiến độ {short_date(day)}", ctx.issuer, summary),
    )


def overdue_story(data: OverdueDocument) -> list[Flowable]:
    """Return the flowables of the overdue list."""
    story = front_matter(data.letterhead, DOC_TYPE, data.summary)
    story.append(para(data.intro, STYLES.lead_in if data.rows else STYLES.body))
    if data.rows:
        story.append(overdue_table(data.rows, content_width(PORTRAIT)))
    last = [para(data.request, STYLES.body)] if data.request else []
    story.append(closing(last, data.sign))
    return story


def render_overdue(data: OverdueDocument, path: Path) -> Path:
    """Render the overdue list to a PDF file; return its path."""
    return build_pdf(path, lambda: overdue_story(data), data.info)
