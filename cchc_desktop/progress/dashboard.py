"""What the officer sees at a glance: due-soon and overdue alerts, counts by area, unit, status."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from cchc_desktop.progress.figures import (
    Figures,
    Filters,
    chosen_ids,
    count_figures,
    cutoff_for,
)
from cchc_desktop.progress.states import (
    NO_REPORT,
    SHOWN_LABELS,
    UNFINISHED,
    AreaStat,
    TaskState,
    area_stats,
    task_states,
)
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import ALERT_DAYS
from cchc_desktop.schedule.periods import (
    PeriodError,
    ReportingPeriod,
    parse_period_code,
    period_for_date,
    periods_of_year,
)
from cchc_desktop.text.numbers import format_count

SETTING_STARTUP_SUMMARY = "startup_summary"


@dataclass
class Alerts:
    """Tasks overdue and tasks due within 1, 3 and 7 days, for one day."""

    today: date  # the cut-off day: today, or the last day of a period that has ended
    period: ReportingPeriod
    overdue: list[TaskState] = field(default_factory=list)
    due_soon: dict[int, list[TaskState]] = field(default_factory=dict)
    closed: bool = False  # the period has ended: nothing is "due soon" any more

    @property
    def empty(self) -> bool:
        """Tell whether there is nothing to warn about."""
        return not self.overdue and not any(self.due_soon.values())

    def summary(self) -> str:
        """Return a one-paragraph Vietnamese summary for the start-up message."""
        parts = [f"{format_count(len(self.overdue))} nhiệm vụ quá hạn"]
        if self.closed:
            return (f"Kỳ {self.period.title} (đã kết thúc ngày {self.today:%d/%m/%Y}): "
                    f"{parts[0]}.")
        for days in ALERT_DAYS:
            count = format_count(len(self.due_soon.get(days, [])))
            parts.append(f"{count} nhiệm vụ đến hạn trong {days} ngày")
        return f"Kỳ {self.period.title}, ngày {self.today:%d/%m/%Y}: " + "; ".join(parts) + "."


def default_period_code(plan_year: int | None, today: date) -> str:
    """Return the period to show: today's, or the plan year's annual report for a past plan."""
    if plan_year and plan_year < today.year:
        return str(plan_year)
    try:
        return period_for_date(today).code
    except PeriodError:
        return str(today.year)


def period_choices(plan_year: int | None, today: date) -> list[tuple[str, str]]:
    """Return (code, title) of the periods worth offering: the plan's year and this year."""
    years = sorted({y for y in (plan_year, today.year) if y})
    return [(p.code, p.title) for year in years for p in periods_of_year(year)]


def plan_period_code(register: Register, plan_id: int, today: date) -> str:
    """Return the default period of a plan (default_period_code of its year)."""
    row = register.db.execute("SELECT year FROM plans WHERE id = ?", [plan_id]).fetchone()
    return default_period_code(row[0] if row else None, today)


def alerts_for(register: Register, plan_id: int, today: date,
               period: ReportingPeriod | None = None, filters: Filters | None = None) -> Alerts:
    """Return what is overdue and what falls due within 7, 3 and 1 days of the period's
    cut-off day (today, or the last day of a past period)."""
    if period is None:
        period = parse_period_code(plan_period_code(register, plan_id, today))
    cutoff = cutoff_for(period.code, today)
    alerts = Alerts(cutoff, period, due_soon={days: [] for days in ALERT_DAYS},
                    closed=cutoff < today)
    states = task_states(register, plan_id, period.code, cutoff)
    if filters is not None and filters.active():
        by_id = {s.task.id: s for s in states}
        chosen = chosen_ids(register, plan_id, by_id, filters)
        states = states if chosen is None else [by_id[t] for t in chosen]
    for state in states:
        if state.overdue:
            alerts.overdue.append(state)
        elif not alerts.closed and state.due is not None and state.status in UNFINISHED:
            left = (state.due - today).days
            window = next((d for d in sorted(ALERT_DAYS) if 0 <= left <= d), None)
            if window is not None:
                alerts.due_soon[window].append(state)
    return alerts


@dataclass
class UnitStat:
    """Counts of the tasks a unit leads, by status, in a period."""

    unit_id: int
    name: str
    tasks: int = 0
    done: int = 0
    overdue: int = 0
    no_report: int = 0


@dataclass
class Dashboard:
    """Counts for the dashboard: by area, by lead unit, by status."""

    period: str
    areas: list[AreaStat]
    units: list[UnitStat]
    statuses: dict[str, int]
    overdue: int
    figures: Figures


def _lead_units(register: Register, plan_id: int) -> dict[int, list[tuple[int, str]]]:
    """Return, per task, the units that lead it."""
    sql = ("SELECT tu.task_id, u.id, u.name FROM task_units tu JOIN units u ON u.id = tu.unit_id "
           "JOIN tasks t ON t.id = tu.task_id WHERE t.plan_id = ? AND tu.role = 'lead'")
    found: dict[int, list[tuple[int, str]]] = {}
    for task_id, unit_id, name in register.db.execute(sql, [plan_id]):
        found.setdefault(task_id, []).append((unit_id, name))
    return found


def unit_stats(register: Register, plan_id: int, states: list[TaskState]) -> list[UnitStat]:
    """Count each lead unit's tasks, done and overdue (most tasks first)."""
    leads = _lead_units(register, plan_id)
    units: dict[int, UnitStat] = {}
    for state in states:
        for unit_id, name in leads.get(state.task.id, []):
            stat = units.setdefault(unit_id, UnitStat(unit_id, name))
            stat.tasks += 1
            stat.done += state.done
            stat.overdue += state.overdue
            stat.no_report += state.status == NO_REPORT  # as the area table and every figure
    return sorted(units.values(), key=lambda u: (-u.tasks, u.name))


def dashboard_for(register: Register, plan_id: int, period_code: str, today: date,
                  filters: Filters | None = None) -> Dashboard:
    """Compute the dashboard of a plan for a period, over the tasks passing the filters (the
    register window's), as of the period's cut-off day."""
    filters = filters or Filters()
    states = task_states(register, plan_id, period_code, cutoff_for(period_code, today))
    by_id = {s.task.id: s for s in states}
    chosen = chosen_ids(register, plan_id, by_id, filters)
    figures = count_figures(by_id, chosen, len(by_id))
    if chosen is not None:
        states = [by_id[t] for t in chosen]
    statuses = Counter(s.status_label for s in states)
    ordered = {label: statuses.get(label, 0) for label in SHOWN_LABELS.values()}
    return Dashboard(period_code, area_stats(states), unit_stats(register, plan_id, states),
                     ordered, sum(s.overdue for s in states), figures)


def startup_summary_enabled(register: Register) -> bool:
    """Tell whether the officer wants the due/overdue summary at start-up (default yes)."""
    row = register.db.execute("SELECT value FROM settings WHERE key = ?",
                              [SETTING_STARTUP_SUMMARY]).fetchone()
    return row is None or row[0] != "0"


def set_startup_summary(register: Register, enabled: bool) -> None:
    """Turn the start-up summary on or off (kept in the register)."""
    with register.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [SETTING_STARTUP_SUMMARY, "1" if enabled else "0"])
