"""The appendix tables of the báo cáo: progress per area and per unit, late tasks with the units'
reasons, one-stop figures per unit. (The full task table is progress_tables.progress_table.)"""

from __future__ import annotations

from cchc_desktop.drafting.facts import PeriodFacts
from cchc_desktop.drafting.wording import day, rate
from cchc_desktop.inspections.one_stop import format_rate
from cchc_desktop.progress.states import NO_REPORT, AreaStat, TaskState
from cchc_desktop.reports.model import (
    ROW_BOLD,
    ROW_ITEM,
    ROW_SECTION,
    Column,
    Row,
    TableBlock,
)
from cchc_desktop.reports.progress_tables import area_title

AREA_COLUMNS = (
    Column("TT", 8, "center"), Column("Lĩnh vực", 52), Column("Số nhiệm vụ", 14, "center"),
    Column("Hoàn thành đúng hạn", 16, "center"), Column("Hoàn thành sau hạn", 16, "center"),
    Column("Đang thực hiện", 15, "center"), Column("Chưa triển khai", 15, "center"),
    Column("Chưa có báo cáo", 15, "center"), Column("Quá hạn", 13, "center"),
    Column("Tỷ lệ hoàn thành (%)", 18, "center"),
)
UNIT_COLUMNS = (
    Column("TT", 8, "center"), Column("Đơn vị chủ trì", 70), Column("Số nhiệm vụ", 18, "center"),
    Column("Hoàn thành", 18, "center"), Column("Quá hạn", 18, "center"),
    Column("Chưa có báo cáo", 18, "center"), Column("Tỷ lệ hoàn thành (%)", 20, "center"),
)
LATE_COLUMNS = (
    Column("TT", 9, "center"), Column("Nhiệm vụ", 60), Column("Đơn vị chủ trì", 24, "center"),
    Column("Thời hạn", 18, "center"), Column("Tình trạng", 30, "center"),
    Column("Lý do chậm, khó khăn, vướng mắc (đơn vị báo cáo)", 55),
)
ONE_STOP_COLUMNS = (
    Column("TT", 7, "center"), Column("Đơn vị", 40), Column("Kỳ trước chuyển sang", 13, "center"),
    Column("Mới tiếp nhận", 13, "center"), Column("Trực tuyến", 13, "center"),
    Column("Đã giải quyết", 13, "center"), Column("Trước hạn, đúng hạn", 14, "center"),
    Column("Trễ hạn", 11, "center"), Column("Đang giải quyết", 13, "center"),
    Column("Tỷ lệ đúng hạn", 14, "center"),
)


def area_table(stats: list[AreaStat]) -> TableBlock:
    """Return the progress per area with the total row, "chưa có báo cáo" apart."""
    rows = []
    for index, stat in enumerate(stats, start=1):
        total = index == len(stats)
        done = stat.done + stat.done_late
        rows.append(Row(ROW_BOLD if total else ROW_ITEM, [
            "" if total else str(index), area_title(stat), str(stat.tasks), str(stat.done),
            str(stat.done_late), str(stat.in_progress), str(stat.not_started),
            str(stat.no_report), str(stat.overdue), rate(done, stat.tasks).rstrip("%")]))
    return TableBlock(AREA_COLUMNS, rows)


def unit_table(facts: PeriodFacts) -> TableBlock:
    """Return the progress per lead unit."""
    rows = [Row(ROW_ITEM, [str(i), u.name, str(u.tasks), str(u.done), str(u.overdue),
                           str(u.no_report), rate(u.done, u.tasks).rstrip("%")])
            for i, u in enumerate(facts.units, start=1)]
    return TableBlock(UNIT_COLUMNS, rows)


def _late_state(state: TaskState) -> str:
    """Describe a late task's state for the table."""
    if state.done:
        return f"Hoàn thành ngày {day(state.completed_on)} (chậm {state.days_late} ngày)"
    if state.status == NO_REPORT:
        return f"Chưa có báo cáo; quá hạn {state.days_late} ngày"
    return f"{state.status_label}; quá hạn {state.days_late} ngày"


def late_table(states: list[TaskState]) -> TableBlock | None:
    """Return the late tasks by section with the reasons in the units' words (None: none)."""
    rows: list[Row] = []
    section = None
    for state in (s for s in states if s.late):
        key = (state.section_code, state.section_title)
        if key != section and any(key):
            rows.append(Row(ROW_SECTION, list(key)))
        section = key
        rows.append(Row(ROW_ITEM, [state.task.number, " ".join(state.task.content.split()),
                                   " ".join(state.task.lead_text.split()), day(state.due),
                                   _late_state(state),
                                   state.reason.strip() or "Đơn vị chưa nêu lý do"]))
    return TableBlock(LATE_COLUMNS, rows) if rows else None


def one_stop_table(facts: PeriodFacts) -> TableBlock | None:
    """Return each unit's one-stop figures over the period with a total row (None: none)."""
    if facts.one_stop is None:
        return None
    rows = []
    lines = [(str(i), u.unit_name, u.figures) for i, u in enumerate(facts.one_stop.units, 1)]
    lines.append(("", "Tổng cộng", facts.one_stop.figures))
    for number, name, f in lines:
        rows.append(Row(ROW_BOLD if not number else ROW_ITEM, [
            number, name, str(f.carried_over), str(f.received_new), str(f.online),
            str(f.resolved), str(f.early + f.on_time), str(f.late), str(f.pending),
            format_rate(f.on_time_rate)]))
    return TableBlock(ONE_STOP_COLUMNS, rows)
