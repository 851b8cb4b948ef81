"""The progress sheet of an export: each task's state in a reporting period.

Status, percent, result text, evidence, completion date and lateness come from
progress.task_states (late and overdue are computed from dates, never typed).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import date

from cchc_desktop.excel.write import writer_styles as st
from cchc_desktop.excel.write.writer import Column, Row, SheetSpec
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Group, Plan
from cchc_desktop.progress.entries import TaskState, task_states
from cchc_desktop.progress.figures import count_figures, cutoff_for
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_LATE
from cchc_desktop.schedule.periods import parse_period_code

PROGRESS_COLUMNS = (
    Column("TT", 5),
    Column("Nội dung nhiệm vụ", 28),
    Column("Cơ quan chủ trì", 12),
    Column("Thời hạn", 10.5),
    Column("Trạng thái", 11.5),
    Column("Tỷ lệ (%)", 6.5),
    Column("Kết quả thực hiện", 22),
    Column("Tài liệu kiểm chứng", 15),
    Column("Ngày hoàn thành", 10.5),
    Column("Quá hạn / trễ hạn", 9.5),
)


def title_rows(lines: list[tuple[str, str]]) -> Iterator[Row]:
    """Yield merged title lines (kind, text); a blank line is a small gap."""
    for kind, text in lines:
        yield Row(kind, [text], None if text else 9.0)


def lateness(state: TaskState) -> str:
    """Describe lateness for a cell: "Quá hạn 12 ngày", "Trễ hạn 3 ngày" or ""."""
    if state.overdue:
        return f"Quá hạn {state.days_late} ngày"
    if state.status == DONE_LATE:
        return f"Trễ hạn {state.days_late} ngày" if state.days_late else "Trễ hạn"
    return ""


def _task_row(state: TaskState) -> Row:
    """Return one task's progress row."""
    task = state.task
    return Row("task", [
        task.number, task.content, task.lead_text, state.due, state.status_label,
        state.percent, state.result_text, state.evidence, state.completed_on, lateness(state),
    ])


def summary_line(states: list[TaskState]) -> str:
    """Count tasks by state in one sentence for the foot of the sheet (progress.figures)."""
    return count_figures({s.task.id: s for s in states}, None, len(states)).sentence()


def _body(states: list[TaskState], groups: dict[int, Group]) -> Iterator[Row]:
    """Yield the header, section and group rows, task rows and the summary."""
    yield Row("header", [c.title for c in PROGRESS_COLUMNS])
    section: tuple[str, str] | None = None
    group: int | None = None
    for state in states:
        key = (state.section_code, state.section_title)
        if key != section and any(key):
            section, group = key, None
            yield Row("section", [state.section_code, state.section_title])
        group_id = state.task.group_id
        if group_id != group and group_id in groups:
            group = group_id
            yield Row("section", [groups[group_id].number, groups[group_id].title])
        yield _task_row(state)
    yield Row("blank", [""], 9.0)
    yield Row("summary", [summary_line(states)])


def progress_sheet(
    register: Register, plan: Plan, period_code: str, today: date,
    task_ids: Collection[int] | None = None, extra_titles: tuple[str, ...] = (),
) -> tuple[SheetSpec, Iterator[Row]]:
    """Return the progress sheet of a period: its spec and its rows."""
    period = parse_period_code(period_code)
    today = cutoff_for(period_code, today)
    states = task_states(register, plan.id, period_code, today)
    if task_ids is not None:
        wanted = set(task_ids)
        states = [s for s in states if s.task.id in wanted]
    titles = [
        ("title", "TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
        ("attachment", f"Kỳ báo cáo: {period.title} (số liệu từ {period.start:%d/%m/%Y} "
                       f"đến {period.end:%d/%m/%Y}, tính đến ngày {today:%d/%m/%Y})"),
        *(("attachment", text) for text in extra_titles),
        ("blank", ""),
    ]
    spec = SheetSpec(f"Tiến độ {period.title}", PROGRESS_COLUMNS,
                     st.progress_styles(len(PROGRESS_COLUMNS)), header_row=len(titles) + 1,
                     merged_kinds=st.MERGED_KINDS)

    groups = {g.id: g for g in repository.list_groups(register.db, plan.id)}

    def rows() -> Iterator[Row]:
        """Yield the title rows, then the body."""
        yield from title_rows(titles)
        yield from _body(states, groups)

    return spec, rows()

