"""Drafts of part III (đánh giá chung: ưu điểm; tồn tại, hạn chế; nguyên nhân) from the facts."""

from __future__ import annotations

from cchc_desktop.drafting.facts import PeriodFacts
from cchc_desktop.drafting.model import CAUSES, STRENGTHS, WEAKNESSES, SectionDraft
from cchc_desktop.drafting.wording import bare, bullet, close_list, join_names, rate, ratio
from cchc_desktop.inspections.one_stop import format_rate
from cchc_desktop.progress.states import NO_REPORT
from cchc_desktop.text.folding import collapse_spaces


def _finished_areas(facts: PeriodFacts) -> list[str]:
    """Return the areas whose tasks are all done, in plan order."""
    return [stat.title[:1].lower() + stat.title[1:] for stat in facts.stats[:-1]
            if stat.tasks and stat.done + stat.done_late == stat.tasks]


def strengths(facts: PeriodFacts) -> SectionDraft:
    """Say what went well, only from figures: completion, areas done, on-time dossiers, targets."""
    draft = SectionDraft(STRENGTHS, "Ưu điểm")
    total = facts.total
    done = total.done + total.done_late
    if done:
        line = f"Đã hoàn thành {ratio(done, total.tasks)}"
        if total.done:
            line += f"; trong đó {total.done} nhiệm vụ hoàn thành đúng hạn"
        draft.paragraphs.append(line + ".")
    finished = _finished_areas(facts)
    if finished:
        draft.paragraphs.append(f"Đã hoàn thành toàn bộ nhiệm vụ thuộc các lĩnh vực: "
                                f"{join_names(finished)}.")
    figures = facts.one_stop.figures if facts.one_stop else None
    if figures and figures.resolved and figures.on_time_rate is not None:
        draft.paragraphs.append(
            f"Giải quyết trước hạn, đúng hạn {figures.early + figures.on_time}/{figures.resolved} "
            f"hồ sơ thủ tục hành chính, đạt {format_rate(figures.on_time_rate)}.")
    met = [t for t in facts.targets if t.met]
    known = [t for t in facts.targets if t.met is not None]
    if met:
        draft.paragraphs.append(f"Đạt {len(met)}/{len(known)} chỉ tiêu đã có số liệu: "
                                + join_names([bare(t.target.name).lower() for t in met]) + ".")
    draft.sources = [f"{s.title}: {s.done + s.done_late}/{s.tasks} hoàn thành"
                     for s in facts.stats[:-1]]
    if not draft.paragraphs:
        draft.notes.append("Số liệu kỳ này chưa cho thấy kết quả nổi bật nào (chưa có nhiệm vụ "
                           "hoàn thành, chưa có số liệu một cửa hay chỉ tiêu đạt). Hãy viết "
                           "ưu điểm nếu có; mục này không in khi để trống.")
    return draft


def weaknesses(facts: PeriodFacts) -> SectionDraft:
    """Say what falls short: overdue and late tasks, tasks without report, targets not met."""
    draft = SectionDraft(WEAKNESSES, "Tồn tại, hạn chế")
    total = facts.total
    overdue = [s for s in facts.states if s.overdue]
    if overdue:
        draft.paragraphs.append(f"Còn {len(overdue)} nhiệm vụ quá hạn chưa hoàn thành "
                                f"({rate(len(overdue), total.tasks)} số nhiệm vụ của Kế hoạch).")
    if total.done_late:
        draft.paragraphs.append(f"{total.done_late} nhiệm vụ hoàn thành sau thời hạn.")
    missing = [s for s in facts.states if s.status == NO_REPORT]
    if missing:
        units = [u.name for u in sorted(facts.units, key=lambda u: -u.no_report)
                 if u.no_report][:3]
        draft.paragraphs.append(
            f"{len(missing)}/{total.tasks} nhiệm vụ chưa có báo cáo kết quả của đơn vị chủ trì"
            + (f" (nhiều nhất: {join_names(units)})" if units else "") + ".")
    for target in (t for t in facts.targets if t.met is False):
        draft.paragraphs.append(f"Chỉ tiêu “{bare(target.target.name)}” chưa đạt: kết quả "
                                f"{target.actual_text}, mục tiêu {target.target.goal}.")
    figures = facts.one_stop.figures if facts.one_stop else None
    if figures and (figures.late or figures.pending_overdue):
        late = [f"{figures.late} hồ sơ giải quyết trễ hạn" if figures.late else "",
                f"{figures.pending_overdue} hồ sơ đang giải quyết quá hạn"
                if figures.pending_overdue else ""]
        draft.paragraphs.append(f"Còn {join_names(late)} (thủ tục hành chính).")
    draft.sources = [f"{s.section_code}/{s.task.number}: {s.status_label}"
                     for s in facts.states if s.late or s.status == NO_REPORT][:60]
    if not draft.paragraphs:
        draft.notes.append("Số liệu kỳ này không có nhiệm vụ chậm, chỉ tiêu chưa đạt hay hồ sơ "
                           "trễ hạn. Mục này không in khi để trống.")
    return draft


def causes(facts: PeriodFacts) -> SectionDraft:
    """List the reasons units gave for what is late, in their words, grouped by reason."""
    draft = SectionDraft(CAUSES, "Nguyên nhân")
    grouped: dict[str, list[str]] = {}
    for state in facts.states:
        if state.reason.strip() and (state.late or not state.done):
            key = collapse_spaces(state.reason).rstrip(" .;")
            grouped.setdefault(key, []).append(f"{state.section_code}/{state.task.number}"
                                               if state.section_code else state.task.number)
    if grouped:
        draft.paragraphs.append("Theo báo cáo của các đơn vị, nguyên nhân chủ yếu:")
        draft.paragraphs += close_list([bullet(f"{reason} (nhiệm vụ {', '.join(numbers)})")
                                        for reason, numbers in grouped.items()])
        draft.notes.append("Các lý do trên do đơn vị nêu; hãy phân thành nguyên nhân chủ quan và "
                           "khách quan, bổ sung đánh giá của cơ quan trước khi in.")
    else:
        draft.notes.append("Chưa đơn vị nào nêu lý do chậm, khó khăn, vướng mắc trong kỳ. Mục "
                           "này không in khi để trống.")
    draft.sources = [f"{k}: {', '.join(v)}" for k, v in grouped.items()]
    return draft

