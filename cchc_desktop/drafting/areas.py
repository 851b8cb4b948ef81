"""Drafts of part I (công tác chỉ đạo, điều hành) and part II (one section per area of NQ 76)."""

from __future__ import annotations

from datetime import date

from cchc_desktop.drafting.facts import PeriodFacts
from cchc_desktop.drafting.model import DIRECTION, OTHER, SectionDraft
from cchc_desktop.drafting.one_stop_words import one_stop_paragraphs
from cchc_desktop.drafting.wording import (
    bare,
    bullet,
    cite_plan,
    close_list,
    day,
    join_names,
    lower_first,
    ratio,
    result_words,
    task_name,
)
from cchc_desktop.inspections.models import KINDS
from cchc_desktop.plans.models import AREAS
from cchc_desktop.progress.states import NO_REPORT, AreaStat, TaskState
from cchc_desktop.schedule.periods import ReportingPeriod
from cchc_desktop.text.folding import fold

AREA_KEYS = [key for key in AREAS if key != DIRECTION]
PROCEDURES = "procedures"
NO_DATA = "Chưa có số liệu: không đơn vị nào báo cáo kết quả nhiệm vụ của mục này trong kỳ."
# Words that sort the direction tasks' results into the usual paragraphs of part I.
TOPICS = (("kiểm tra", "kiem tra"), ("tuyên truyền", "tuyen truyen"),
          ("sáng kiến", "sang kien"))


def _counts(stat: AreaStat) -> str:
    """Say how far an area is done: "hoàn thành 3/7 nhiệm vụ, đạt 42,86%; …"."""
    done = stat.done + stat.done_late
    parts = [f"hoàn thành {ratio(done, stat.tasks)}"]
    if stat.done_late:
        parts.append(f"trong đó {stat.done_late} nhiệm vụ hoàn thành sau thời hạn")
    if stat.in_progress:
        parts.append(f"đang thực hiện {stat.in_progress} nhiệm vụ")
    if stat.not_started:
        parts.append(f"chưa triển khai {stat.not_started} nhiệm vụ")
    if stat.no_report:
        parts.append(f"{stat.no_report} nhiệm vụ chưa có báo cáo kết quả")
    return "; ".join(parts)


def _reported(states: list[TaskState], period: ReportingPeriod) -> list[TaskState]:
    """Return the tasks with something to say in the period: reported in it, or done in its
    window (a Quý III report does not repeat what was done in Quý I)."""
    return [s for s in states if s.status != NO_REPORT and (
        (s.reported and (s.done or s.result_text))
        or (s.done and s.completed_on is not None and period.contains(s.completed_on)))]


def late_line(state: TaskState) -> str:
    """Say what is late about a task and why, in the unit's own words."""
    lead = f"chủ trì: {bare(state.task.lead_text)}; " if state.task.lead_text.strip() else ""
    head = f"{task_name(state)} ({lead}hạn {day(state.due)})"
    if state.done:
        what = f"hoàn thành ngày {day(state.completed_on)}, chậm {state.days_late} ngày"
    elif state.status == NO_REPORT:
        what = f"quá hạn {state.days_late} ngày, đơn vị chưa báo cáo kết quả"
    else:
        what = f"quá hạn {state.days_late} ngày, chưa hoàn thành"
    reason = f" Lý do: {lower_first(bare(state.reason))}." if state.reason.strip() else \
        " Đơn vị chưa nêu lý do."
    return f"- {head}: {what}.{reason}"


def _sources(states: list[TaskState]) -> list[str]:
    """List every task of a section with its state, as the editor shows the data."""
    lines = []
    for s in states:
        said = f" — {bare(s.result_text)}" if s.result_text.strip() else ""
        why = f" — Lý do: {bare(s.reason)}" if s.reason.strip() else ""
        lines.append(f"{s.section_code}/{s.task.number} {bare(s.task.content)[:90]}: "
                     f"{s.status_label}{said}{why}")
    return lines


def _body(states: list[TaskState], stat: AreaStat, opening: str,
          period: ReportingPeriod) -> list[str]:
    """Return an area's paragraphs: counts, results in the units' words, late tasks and why."""
    paragraphs = [f"{opening}{_counts(stat)}."]
    done = _reported(states, period)
    if done:
        paragraphs.append("Kết quả cụ thể:")
        paragraphs += close_list([bullet(f"{task_name(s)}: {result_words(s)}") for s in done])
    late = [s for s in states if s.late]
    if late:
        paragraphs.append(f"Nhiệm vụ chậm tiến độ ({len(late)} nhiệm vụ):")
        paragraphs += [late_line(s) for s in late]
    return paragraphs


def area_section(facts: PeriodFacts, key: str, title: str) -> SectionDraft:
    """Draft one area of part II from its tasks' states (TTHC adds the one-stop figures)."""
    states = [s for s in facts.states if (s.area or OTHER) == key]
    draft = SectionDraft(key, title, sources=_sources(states))
    extra = one_stop_paragraphs(facts.one_stop) if key == PROCEDURES else []
    draft.paragraphs += extra
    if not states:
        if extra:
            return draft
        draft.notes.append("Kế hoạch không có nhiệm vụ thuộc lĩnh vực này; mục này không được "
                           "in trừ khi anh/chị tự viết nội dung.")
        return draft
    stat = next(s for s in facts.stats[:-1] if (s.area or OTHER) == key)
    if not any(s.reported or s.done for s in states):
        draft.notes.append(NO_DATA + " Bản in chỉ nêu số nhiệm vụ và tình trạng.")
    draft.paragraphs = _body(states, stat, f"Kế hoạch có {stat.tasks} nhiệm vụ thuộc lĩnh vực "
                                           "này; đến thời điểm báo cáo đã ",
                             facts.period) + extra
    return draft


def _plan_sentence(facts: PeriodFacts) -> str:
    """Cite the plan the agency issued and how far it is done."""
    plan = facts.plan
    what = cite_plan(plan.number, _iso(plan.issued_on), plan.title, facts.issuer)
    total = facts.total
    done = total.done + total.done_late
    return (f"{facts.issuer} đã ban hành {what}, phân công nhiệm vụ cụ thể cho từng đơn vị với "
            f"{total.tasks} nhiệm vụ. Tính đến ngày {day(facts.as_of)}, đã hoàn thành "
            f"{ratio(done, total.tasks)}.")


def _inspection_sentences(facts: PeriodFacts) -> list[str]:
    """Say which inspection plans were issued and which units were inspected in the window."""
    lines = []
    for plan in facts.inspection_plans:
        if plan.number.strip():
            lines.append(f"Ban hành Kế hoạch kiểm tra cải cách hành chính số {plan.number.strip()}"
                         + (f" ngày {day(_iso(plan.issued_on))}" if _iso(plan.issued_on) else "")
                         + ".")
    by_kind: dict[str, list[str]] = {}
    for item in facts.inspections:
        by_kind.setdefault(item.kind, []).append(item.unit_name)
    for kind, units in by_kind.items():
        lines.append(f"{KINDS.get(kind, 'Kiểm tra')} cải cách hành chính tại {len(units)} đơn "
                     f"vị: {join_names(units)}.")
    return lines


def _iso(text: str | None) -> date | None:
    """Return the date of an ISO text, or None."""
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _topic(state: TaskState) -> int:
    """Return which paragraph of part I a direction task belongs to (kiểm tra, tuyên truyền…)."""
    text = fold(state.task.content)
    return next((i for i, (_, folded) in enumerate(TOPICS) if folded in text), len(TOPICS))


def direction_section(facts: PeriodFacts) -> SectionDraft:
    """Draft part I from the plan, the direction tasks, inspections and documents recorded."""
    states = [s for s in facts.states if s.area == DIRECTION]
    draft = SectionDraft(DIRECTION, "Công tác chỉ đạo, điều hành", sources=_sources(states))
    draft.paragraphs.append(_plan_sentence(facts))
    done = _reported(states, facts.period)
    for index, (label, _) in enumerate(TOPICS):
        found = [s for s in done if _topic(s) == index]
        if index == 0:
            found_lines = _inspection_sentences(facts)
            if found or found_lines:
                draft.paragraphs.append(f"Về công tác {label}:")
                draft.paragraphs += close_list(
                    [bullet(x) for x in found_lines]
                    + [bullet(f"{task_name(s)}: {result_words(s)}") for s in found])
        elif found:
            draft.paragraphs.append(f"Về công tác {label}:")
            draft.paragraphs += close_list([bullet(f"{task_name(s)}: {result_words(s)}")
                                            for s in found])
    others = [s for s in done if _topic(s) == len(TOPICS)]
    if others:
        draft.paragraphs.append("Các nhiệm vụ chỉ đạo, điều hành khác:")
        draft.paragraphs += close_list([bullet(f"{task_name(s)}: {result_words(s)}")
                                        for s in others])
    late = [s for s in states if s.late]
    if late:
        draft.paragraphs.append(f"Nhiệm vụ chậm tiến độ ({len(late)} nhiệm vụ):")
        draft.paragraphs += [late_line(s) for s in late]
    if not done and not facts.inspections:
        draft.notes.append("Chưa có kết quả công tác chỉ đạo, điều hành, kiểm tra, tuyên truyền "
                           "hay sáng kiến nào được ghi nhận trong kỳ; bản in chỉ nêu Kế hoạch "
                           "và tỷ lệ hoàn thành. Hãy bổ sung nếu có.")
    return draft
