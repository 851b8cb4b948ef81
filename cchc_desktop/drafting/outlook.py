"""Drafts of the opening, part IV (phương hướng kỳ tới) and part V (đề xuất, kiến nghị)."""

from __future__ import annotations

import calendar
from datetime import date

from cchc_desktop.drafting.facts import PeriodFacts
from cchc_desktop.drafting.model import INTRO, NEXT, PROPOSALS, SectionDraft
from cchc_desktop.drafting.wording import bare, bullet, cite_plan, close_list, day, task_name
from cchc_desktop.progress.states import NO_REPORT, TaskState
from cchc_desktop.schedule.periods import YEAR, ReportingPeriod
from cchc_desktop.text.folding import collapse_spaces

PHRASES = {"Q1": "quý I", "H1": "6 tháng đầu năm", "Q3": "quý III", "9M": "9 tháng đầu năm"}


def period_phrase(period: ReportingPeriod) -> str:
    """Return how a report names its period ("quý I năm 2026", "6 tháng đầu năm 2026")."""
    if period.kind == YEAR:
        return f"năm {period.year}"
    phrase = PHRASES.get(period.kind, period.label.lower())
    joiner = " " if phrase.endswith("năm") else " năm "
    return f"{phrase}{joiner}{period.year}"


def _iso(text: str | None) -> date | None:
    """Return the date of an ISO text, or None."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def intro(facts: PeriodFacts) -> SectionDraft:
    """Open by citing the superior body's plan (căn cứ) and the agency's own plan."""
    plan = facts.plan
    own = cite_plan(plan.number, _iso(plan.issued_on), plan.title, facts.issuer)
    bases = [bare(b).removeprefix("Căn cứ ").strip() for b in plan.bases if b.strip()]
    cited = f"{bases[0]} và {own}" if bases else own
    period = facts.period
    text = (f"Thực hiện {cited}, {facts.issuer} báo cáo kết quả thực hiện công tác cải cách "
            f"hành chính {period_phrase(period)} (số liệu từ ngày {day(period.start)} đến ngày "
            f"{day(period.end)}) như sau:")
    draft = SectionDraft(INTRO, "Mở đầu", [text], sources=[own, *bases])
    if plan.year and plan.year != period.year:
        draft.notes.append(f"Kế hoạch là của năm {plan.year} nhưng kỳ báo cáo là "
                           f"{period.title.lower()}: hãy kiểm tra lại kỳ báo cáo.")
    return draft


def horizon(following: ReportingPeriod) -> date:
    """Return the last day the next period's work covers: the end of its last month (30/6)."""
    end = following.end
    return date(end.year, end.month, calendar.monthrange(end.year, end.month)[1])


def _due_next(state: TaskState, period: ReportingPeriod, following: ReportingPeriod) -> bool:
    """Tell whether an unfinished one-off task falls due after this period, by the next one."""
    return (not state.done and not state.recurring and state.due is not None
            and period.end < state.due <= horizon(following))


def _lead(state: TaskState) -> str:
    """Return "chủ trì: Văn phòng; " for a task with a lead unit."""
    return f"chủ trì: {bare(state.task.lead_text)}; " if state.task.lead_text.strip() else ""


def next_steps(facts: PeriodFacts) -> SectionDraft:
    """List what falls due in the next period, what is overdue, and the ongoing work."""
    draft = SectionDraft(NEXT, "Phương hướng, nhiệm vụ trọng tâm kỳ tới")
    following = facts.following
    coming = [s for s in facts.states if _due_next(s, facts.period, following)]
    overdue = [s for s in facts.states if s.overdue]
    ongoing = [s for s in facts.states if s.recurring and not s.done]
    missing = [s for s in facts.states if s.status == NO_REPORT]
    if overdue:
        numbers = ", ".join(f"{s.section_code}/{s.task.number}".lstrip("/") for s in overdue)
        draft.paragraphs.append(f"Tập trung chỉ đạo hoàn thành {len(overdue)} nhiệm vụ chậm "
                                f"tiến độ ({numbers}).")
    if coming:
        draft.paragraphs.append(f"Triển khai các nhiệm vụ đến hạn trong "
                                f"{period_phrase(following)}:")
        draft.paragraphs += close_list([bullet(f"{task_name(s)} ({_lead(s)}hạn {day(s.due)})")
                                        for s in coming])
    if ongoing:
        draft.paragraphs.append(f"Tiếp tục thực hiện {len(ongoing)} nhiệm vụ thường xuyên, định "
                                "kỳ theo Kế hoạch.")
    if missing:
        draft.paragraphs.append(f"Đôn đốc các đơn vị báo cáo kết quả {len(missing)} nhiệm vụ "
                                "chưa có báo cáo.")
    draft.sources = [f"{s.section_code}/{s.task.number}: hạn {day(s.due)}" for s in coming]
    if not coming:
        draft.notes.append(f"Không có nhiệm vụ nào của Kế hoạch đến hạn trong "
                           f"{period_phrase(following)}"
                           + (" (kỳ tới thuộc năm sau: hãy nêu nhiệm vụ trọng tâm của Kế "
                              "hoạch năm sau)." if following.year != facts.period.year else "."))
    return draft


def proposals(facts: PeriodFacts) -> SectionDraft:
    """Gather the units' proposals (đề xuất, kiến nghị) in their own words."""
    draft = SectionDraft(PROPOSALS, "Đề xuất, kiến nghị")
    grouped: dict[str, list[str]] = {}
    for state in facts.states:
        if state.proposal.strip():
            who = bare(state.task.lead_text) or "đơn vị"
            grouped.setdefault(collapse_spaces(state.proposal).rstrip(" .;"), []).append(who)
    draft.paragraphs = close_list([bullet(f"{text} ({', '.join(dict.fromkeys(units))} đề xuất)")
                                   for text, units in grouped.items()])
    draft.sources = list(grouped)
    if not grouped:
        draft.notes.append("Các đơn vị chưa có đề xuất, kiến nghị nào trong kỳ. Mục này không "
                           "in khi để trống.")
    return draft
