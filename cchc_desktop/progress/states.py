"""What each task's state is in a reporting period, and per-area counts for reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AREAS, Task
from cchc_desktop.register.db import Register
from cchc_desktop.schedule.lateness import (
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_STARTED,
    due_for_period,
    effective_status,
)
from cchc_desktop.schedule.lexicon import CONTINUOUS, PER_PLAN
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code
from cchc_desktop.schedule.phrases import KIND_RECURRING, parse_timeframe


@dataclass
class TaskState:
    """A task as a period report sees it: due date, effective status, latest entry."""

    task: Task
    section_code: str
    section_title: str
    area: str | None
    due: date | None
    status: str
    status_label: str
    overdue: bool
    late: bool
    days_late: int = 0
    percent: int | None = None
    result_text: str = ""
    completed_on: date | None = None
    reason: str = ""
    evidence: str = ""
    recurring: bool = False
    entry_period: str = ""


@dataclass
class AreaStat:
    """Counts for one area (lĩnh vực) in a period report."""

    area: str | None
    title: str
    tasks: int = 0
    done: int = 0
    done_late: int = 0
    in_progress: int = 0
    not_started: int = 0
    overdue: int = 0
    other: int = 0
    numbers: list[str] = field(default_factory=list)

    @property
    def percent_done(self) -> float:
        """Share of tasks done (on time or late), in percent."""
        return 100.0 * (self.done + self.done_late) / self.tasks if self.tasks else 0.0


_NO_DEADLINE = {CONTINUOUS, PER_PLAN}
_ENTRIES_SQL = """
SELECT p.task_id, p.status, p.percent, p.result_text, p.completed_on, p.evidence_number,
       p.evidence_title, pe.year, pe.kind, pe."end", pe.start
FROM progress p JOIN periods pe ON pe.id = p.period_id JOIN tasks t ON t.id = p.task_id
WHERE t.plan_id = ? AND pe."end" <= ?
ORDER BY pe."end", pe.start
"""


def _date(value: str | None) -> date | None:
    """Parse a stored ISO date."""
    return datetime.strptime(value[:10], "%Y-%m-%d").date() if value else None


def _entries(register: Register, plan_id: int, period: ReportingPeriod) -> dict[int, list[Any]]:
    """Return, per task, its entries in periods ending by this period's end (oldest first)."""
    found: dict[int, list[Any]] = {}
    for row in register.db.execute(_ENTRIES_SQL, [plan_id, period.end.isoformat()]):
        found.setdefault(row[0], []).append(row)
    return found


def _pick(entries: list[Any], period: ReportingPeriod, recurring: bool) -> Any | None:
    """Pick the entry that speaks for the period: its own, or (one-off) the latest before."""
    own = [e for e in entries if (e[7], e[8]) == (period.year, period.kind)]
    if own:
        return own[-1]
    return None if recurring or not entries else entries[-1]


def _state(task: Task, section: Any, plan_year: int | None, period: ReportingPeriod,
           entry: Any | None, today: date) -> TaskState:
    """Compute one task's state in the period."""
    schedule = parse_timeframe(task.timeframe, plan_year)
    recurring = schedule.kind == KIND_RECURRING
    due = due_for_period(schedule, period, _date(task.due_override))
    if recurring and schedule.recurrence in _NO_DEADLINE and not task.due_override:
        due = None  # "Thường xuyên", "Theo kế hoạch": ongoing work is never overdue by itself
    status = entry[1] if entry else NOT_STARTED
    completed = _date(entry[4]) if entry else None
    effective = effective_status(status, due, completed, today)
    text = entry[3] if entry else ""
    reason = text.split("Lý do: ", 1)[1] if "Lý do: " in text else ""
    evidence = " ".join(x for x in (entry[5], entry[6]) if x) if entry else ""
    return TaskState(
        task=task, section_code=section.code if section else "",
        section_title=section.title if section else "", area=section.area if section else None,
        due=effective.due, status=effective.status, status_label=effective.label,
        overdue=effective.overdue, late=effective.status == DONE_LATE or effective.overdue,
        days_late=effective.days_late, percent=entry[2] if entry else None,
        result_text=text, completed_on=completed, reason=reason, evidence=evidence,
        recurring=recurring, entry_period=f"{entry[7]}-{entry[8]}" if entry else "",
    )


def task_states(
    register: Register, plan_id: int, period_code: str, today: date
) -> list[TaskState]:
    """Return every task of the plan with its state in the period, in appendix order."""
    period = parse_period_code(period_code)
    plan = repository.get_plan(register.db, plan_id)
    sections = {s.id: s for s in repository.list_sections(register.db, plan_id)}
    entries = _entries(register, plan_id, period)
    states = []
    for task in repository.list_tasks(register.db, plan_id):
        recurring = parse_timeframe(task.timeframe, plan.year).kind == KIND_RECURRING
        entry = _pick(entries.get(task.id, []), period, recurring)
        section = sections.get(task.section_id) if task.section_id else None
        states.append(_state(task, section, plan.year, period, entry, today))
    return states


def area_stats(states: list[TaskState]) -> list[AreaStat]:
    """Count tasks per area (in the order areas first appear), with a total row last."""
    stats: dict[str | None, AreaStat] = {}
    total = AreaStat(None, "Tổng cộng")
    for state in states:
        key = state.area or state.section_title or None
        title = AREAS.get(state.area or "", state.section_title or "Nhiệm vụ khác")
        stat = stats.setdefault(key, AreaStat(state.area, title))
        for target in (stat, total):
            _count(target, state)
    return [*stats.values(), total]


def _count(stat: AreaStat, state: TaskState) -> None:
    """Add one task to an area's counts."""
    stat.tasks += 1
    if state.overdue:
        stat.overdue += 1
        stat.numbers.append(state.task.number)
    bucket = {DONE: "done", DONE_LATE: "done_late", IN_PROGRESS: "in_progress",
              NOT_STARTED: "not_started"}.get(state.status, "other")
    setattr(stat, bucket, getattr(stat, bucket) + 1)


def get_narratives(register: Register, plan_id: int, period_code: str) -> dict[str, str]:
    """Return the officer's narrative paragraphs for a period, by area key."""
    sql = "SELECT area, body FROM narratives WHERE plan_id = ? AND period_code = ?"
    return {r[0]: r[1] for r in register.db.execute(sql, [plan_id, period_code])}


def save_narrative(register: Register, plan_id: int, period_code: str, area: str,
                   body: str) -> str:
    """Save the narrative of an area for a period; return the previous text (for undo)."""
    from cchc_desktop.register import audit

    parse_period_code(period_code)
    with register.transaction() as db:
        before = get_narratives(register, plan_id, period_code).get(area, "")
        db.table("narratives").upsert(
            {"plan_id": plan_id, "period_code": period_code, "area": area, "body": body.strip()},
            pk=("plan_id", "period_code", "area"))
        audit.record(db, "narrative", "plan", plan_id, before=before, after=body)
    return before
