"""Tables built from task states: statistics per area, late tasks, progress, overdue tasks."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, appendix_rows
from cchc_desktop.progress.entries import AreaStat, TaskState
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.model import (
    ROW_BOLD,
    ROW_GROUP,
    ROW_ITEM,
    ROW_SECTION,
    Column,
    Row,
    TableBlock,
)
from cchc_desktop.reports.parts import clean, short_date
from cchc_desktop.schedule.lateness import DONE_LATE
from cchc_desktop.text.money_words import capitalize_first, format_number

NO_REASON = "Chưa báo cáo lý do"
OTHER_TASKS = "Nhiệm vụ khác"
STATS_COLUMNS = (
    Column("TT", 8, "center"),
    Column("Lĩnh vực", 47),
    Column("Số nhiệm vụ", 15, "center"),
    Column("Hoàn thành", 15, "center"),
    Column("Hoàn thành trễ hạn", 16, "center"),
    Column("Đang thực hiện", 15, "center"),
    Column("Chưa thực hiện", 15, "center"),
    Column("Quá hạn", 14, "center"),
    Column("Tỷ lệ hoàn thành (%)", 17, "center"),
)
LATE_COLUMNS = (
    Column("TT", 9, "center"),
    Column("Nhiệm vụ", 52),
    Column("Đơn vị chủ trì", 24, "center"),
    Column("Hạn", 21, "center"),
    Column("Tình trạng", 27, "center"),
    Column("Lý do", 32),
)
PROGRESS_COLUMNS = (
    Column("TT", 10, "center"),
    Column("Nội dung nhiệm vụ", 62),
    Column("Cơ quan chủ trì", 26, "center"),
    Column("Thời hạn", 24, "center"),
    Column("Tình trạng", 26, "center"),
    Column("Tỷ lệ (%)", 13, "center"),
    Column("Kết quả thực hiện, sản phẩm", 55),
    Column("Ghi chú", 34),
)
OVERDUE_COLUMNS = (
    Column("TT", 9, "center"),
    Column("Nhiệm vụ", 57),
    Column("Đơn vị chủ trì", 24, "center"),
    Column("Hạn hoàn thành", 21, "center"),
    Column("Số ngày quá hạn", 17, "center"),
    Column("Tình trạng, lý do", 37),
)


def _percent(value: float) -> str:
    """Format a percentage with one decimal ("5,7")."""
    return format_number(round(value, 1), 1)


def area_title(stat: AreaStat) -> str:
    """Return an area's title in sentence case ("CẢI CÁCH THỂ CHẾ" → "Cải cách thể chế")."""
    title = clean(stat.title) or OTHER_TASKS
    return capitalize_first(title.lower()) if title.isupper() else title


def stats_table(stats: list[AreaStat]) -> TableBlock:
    """Return the per-area statistics table with its total row."""
    rows = []
    for index, stat in enumerate(stats, start=1):
        total = index == len(stats)
        rows.append(Row(ROW_BOLD if total else ROW_ITEM, [
            "" if total else str(index), area_title(stat), str(stat.tasks), str(stat.done),
            str(stat.done_late), str(stat.in_progress), str(stat.not_started),
            str(stat.overdue), _percent(stat.percent_done),
        ]))
    return TableBlock(STATS_COLUMNS, rows)


def status_text(state: TaskState) -> str:
    """Describe a task's state ("Đang thực hiện, quá hạn 5 ngày")."""
    if state.overdue:
        return f"{state.status_label}, quá hạn {state.days_late} ngày"
    if state.status == DONE_LATE and state.completed_on:
        return f"{state.status_label} (ngày {short_date(state.completed_on)})"
    return state.status_label


def result_text(state: TaskState) -> str:
    """Return the reported result without the reason line, plus the evidence document."""
    text = clean(state.result_text.split("Lý do: ", 1)[0])
    evidence = clean(state.evidence)
    if evidence:
        text = f"{text}\nVăn bản: {evidence}" if text else f"Văn bản: {evidence}"
    return text


def _due_text(state: TaskState) -> str:
    """Return the due date, or the timeframe as written when there is no date."""
    return short_date(state.due) if state.due else clean(state.task.timeframe)


def _by_section(states: Iterable[TaskState],
                cells: Callable[[TaskState], list[str]]) -> list[Row]:
    """Return a section row before each new section, then one row per state."""
    rows: list[Row] = []
    current: tuple[str, str] | None = None
    for index, state in enumerate(states, start=1):
        key = (state.section_code, state.section_title)
        if key != current and any(key):
            rows.append(Row(ROW_SECTION, list(key)))
        current = key
        number = clean(state.task.number) or str(index)
        base = [number, clean(state.task.content), clean(state.task.lead_text)]
        rows.append(Row(ROW_ITEM, base + cells(state)))
    return rows


def late_rows(states: list[TaskState]) -> list[Row]:
    """Return rows for the tasks that are overdue or were done late, by section."""
    return _by_section(
        (s for s in states if s.late),
        lambda s: [_due_text(s), status_text(s), s.reason or NO_REASON],
    )


def late_table(rows: list[Row]) -> TableBlock:
    """Return the table of late tasks with reasons."""
    return TableBlock(LATE_COLUMNS, rows)


def overdue_rows(states: list[TaskState]) -> list[Row]:
    """Return rows for the overdue tasks, by section."""
    return _by_section(
        (s for s in states if s.overdue),
        lambda s: [_due_text(s), str(s.days_late),
                   f"{s.status_label}. Lý do: {s.reason}" if s.reason
                   else f"{s.status_label}; chưa báo cáo lý do."],
    )


def overdue_table(rows: list[Row]) -> TableBlock:
    """Return the table of overdue tasks."""
    return TableBlock(OVERDUE_COLUMNS, rows)


def progress_rows(register: Register, plan_id: int, states: list[TaskState]) -> list[Row]:
    """Return the appendix rows (sections, groups, tasks) with each task's progress."""
    by_task = {state.task.id: state for state in states}
    rows: list[Row] = []
    for item in appendix_rows(register, plan_id):
        if item.kind in (KIND_SECTION, KIND_GROUP):
            kind = ROW_SECTION if item.kind == KIND_SECTION else ROW_GROUP
            rows.append(Row(kind, [item.number, item.content]))
            continue
        state = by_task.get(item.id)
        if state is None:
            continue
        percent = "" if state.percent is None else str(state.percent)
        rows.append(Row(ROW_ITEM, [
            item.number, item.content, item.lead, _due_text(state), status_text(state),
            percent, result_text(state), state.reason,
        ]))
    return rows


def progress_table(rows: list[Row]) -> TableBlock:
    """Return the progress appendix table."""
    return TableBlock(PROGRESS_COLUMNS, rows)
