"""What each task's state is in a reporting period, and per-area counts for reports.

A period's data is what was recorded up to its cut-off (the end of its data window):
- a task with no entry speaking for the period is "Chưa có báo cáo" (NO_REPORT), never
  "Chưa thực hiện" — nobody said it was not started;
- an entry speaks for the period when it is the period's own or another period's with the same
  cut-off (Quý III and 9 tháng both end 14/9); a one-off task otherwise carries its latest
  earlier entry forward, a recurring task ("Hằng quý", "Thường xuyên") does not;
- a completion dated after the cut-off is not done in that period (Quý I data to 14/3: a task
  done 02/4 is still in progress in Quý I); the state keeps the date in `after_cutoff`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AREAS, Task
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import (
    DONE,
    DONE_LATE,
    DONE_STATUSES,
    IN_PROGRESS,
    NOT_STARTED,
    OPEN_STATUSES,
    STATUS_LABELS,
    due_for_period,
    effective_status,
)
from cchc_desktop.schedule.lexicon import CONTINUOUS, PER_PLAN
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code
from cchc_desktop.schedule.phrases import KIND_RECURRING, parse_timeframe

NO_REPORT = "no_report"
NO_REPORT_LABEL = "Chưa có báo cáo"
# Every state a task can be shown in: the six statuses an entry records, and "no report".
SHOWN_LABELS: dict[str, str] = {**STATUS_LABELS, NO_REPORT: NO_REPORT_LABEL}
# Still to do: not started, in progress, or nobody reported (due-soon and overdue apply).
UNFINISHED = frozenset({*OPEN_STATUSES, NO_REPORT})
REASON_MARK = "Lý do: "


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
    proposal: str = ""
    reported: bool = False
    after_cutoff: date | None = None
    evidence_number: str = ""
    evidence_date: date | None = None
    reporting_unit_id: int | None = None

    @property
    def done(self) -> bool:
        """Tell whether the task counts as done in the period (on time or late)."""
        return self.status in DONE_STATUSES


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
    no_report: int = 0
    overdue: int = 0
    other: int = 0
    numbers: list[str] = field(default_factory=list)

    @property
    def percent_done(self) -> float:
        """Share of tasks done (on time or late), in percent."""
        return 100.0 * (self.done + self.done_late) / self.tasks if self.tasks else 0.0


_NO_DEADLINE = {CONTINUOUS, PER_PLAN}
_ENTRIES_SELECT = """
SELECT p.task_id, p.status, p.percent, p.result_text, p.completed_on, p.evidence_number,
       p.evidence_title, pe.year, pe.kind, pe."end", pe.start, p.reason, p.proposal,
       p.evidence_date, p.reporting_unit_id
FROM progress p JOIN periods pe ON pe.id = p.period_id JOIN tasks t ON t.id = p.task_id
"""
_ENTRIES_SQL = _ENTRIES_SELECT + 'WHERE t.plan_id = ? AND pe."end" <= ? ORDER BY pe."end", pe.start'
_TASK_ENTRIES_SQL = _ENTRIES_SELECT + (
    'WHERE p.task_id = ? AND pe."end" <= ? ORDER BY pe."end", pe.start')


@dataclass(frozen=True)
class Entry:
    """One stored progress entry with its period."""

    status: str
    percent: int | None
    text: str
    completed_on: date | None
    evidence_number: str
    evidence_title: str
    year: int
    kind: str
    end: str
    reason: str
    proposal: str
    evidence_date: date | None
    unit_id: int | None

    @classmethod
    def of(cls, row: Any) -> Entry:
        """Build an entry from a row of _ENTRIES_SQL."""
        return cls(row[1], row[2], row[3] or "", _date(row[4]), row[5] or "", row[6] or "",
                   row[7], row[8], row[9], row[11] or "", row[12] or "", _date(row[13]), row[14])


def _date(value: str | None) -> date | None:
    """Parse a stored ISO date (None when empty or not a date)."""
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date() if value else None
    except ValueError:
        return None


def split_reason(text: str, reason: str = "") -> tuple[str, str]:
    """Return (result, reason): the reason column, or an old "Lý do: " line of the result."""
    head, mark, tail = (text or "").partition(REASON_MARK)
    if not mark:
        return (text or "").strip(), reason.strip()
    return head.strip(), reason.strip() or tail.strip()


def entries_by_task(register: Register, plan_id: int,
                    period: ReportingPeriod) -> dict[int, list[Entry]]:
    """Return, per task, its entries in periods ending by this period's end (oldest first)."""
    found: dict[int, list[Entry]] = {}
    for row in register.db.execute(_ENTRIES_SQL, [plan_id, period.end.isoformat()]):
        found.setdefault(row[0], []).append(Entry.of(row))
    return found


def task_entries(register: Register, task_id: int, period: ReportingPeriod) -> list[Entry]:
    """Return one task's entries in periods ending by this period's end (oldest first)."""
    rows = register.db.execute(_TASK_ENTRIES_SQL, [task_id, period.end.isoformat()])
    return [Entry.of(row) for row in rows]


def pick_entry(entries: list[Entry], period: ReportingPeriod,
               recurring: bool) -> tuple[Entry | None, bool]:
    """Pick the entry that speaks for the period and tell whether it is the period's own.

    Its own, else one of a period with the same cut-off; a one-off task then falls back on
    its latest earlier entry.
    """
    own = [e for e in entries if (e.year, e.kind) == (period.year, period.kind)]
    if own:
        return own[-1], True
    same_cutoff = [e for e in entries if e.end == period.end.isoformat()]
    if same_cutoff:
        return same_cutoff[-1], True
    return (None if recurring or not entries else entries[-1]), False


@dataclass(frozen=True, slots=True)
class Judged:
    """What a task's timeframe, own due date and entry make of it in a period."""

    status: str  # a SHOWN_LABELS key
    due: date | None
    overdue: bool
    late: bool
    days_late: int
    percent: int | None
    completed_on: date | None
    after_cutoff: date | None
    recurring: bool

    @property
    def label(self) -> str:
        """Return the state's Vietnamese label ("Chưa có báo cáo")."""
        return SHOWN_LABELS[self.status]

    @property
    def done(self) -> bool:
        """Tell whether the task counts as done in the period (on time or late)."""
        return self.status in DONE_STATUSES


def judge(timeframe: str, due_override: str | None, plan_year: int | None,
          period: ReportingPeriod, entry: Entry | None, today: date) -> Judged:
    """Judge one task in the period: its due date, shown status and lateness."""
    schedule = parse_timeframe(timeframe, plan_year)
    recurring = schedule.kind == KIND_RECURRING
    due = due_for_period(schedule, period, _date(due_override))
    if recurring and schedule.recurrence in _NO_DEADLINE and not due_override:
        due = None  # "Thường xuyên", "Theo kế hoạch": ongoing work is never overdue by itself
    status, completed, percent, after = _as_of_cutoff(entry, period)
    effective = effective_status(status or NOT_STARTED, due, completed, today)
    shown = effective.status if status else NO_REPORT
    return Judged(shown, effective.due, effective.overdue,
                  effective.status == DONE_LATE or effective.overdue, effective.days_late,
                  percent, completed, after, recurring)


def _state(task: Task, section: Any, plan_year: int | None, period: ReportingPeriod,
           picked: tuple[Entry | None, bool], today: date) -> TaskState:
    """Compute one task's state in the period."""
    entry, own = picked
    judged = judge(task.timeframe, task.due_override, plan_year, period, entry, today)
    text, reason = split_reason(entry.text, entry.reason) if entry else ("", "")
    return TaskState(
        task=task, section_code=section.code if section else "",
        section_title=section.title if section else "", area=section.area if section else None,
        due=judged.due, status=judged.status, status_label=judged.label,
        overdue=judged.overdue, late=judged.late, days_late=judged.days_late,
        percent=judged.percent, result_text=text, completed_on=judged.completed_on,
        reason=reason,
        evidence=" ".join(x for x in (entry.evidence_number, entry.evidence_title) if x)
        if entry else "",
        recurring=judged.recurring, entry_period=f"{entry.year}-{entry.kind}" if entry else "",
        proposal=entry.proposal if entry else "", reported=entry is not None and own,
        after_cutoff=judged.after_cutoff, evidence_number=entry.evidence_number if entry else "",
        evidence_date=entry.evidence_date if entry else None,
        reporting_unit_id=entry.unit_id if entry else None,
    )


def _as_of_cutoff(entry: Entry | None, period: ReportingPeriod
                  ) -> tuple[str | None, date | None, int | None, date | None]:
    """Return status, completion, percent and a completion after the cut-off, as of the cut-off.

    A task completed after the period's cut-off was still being done at the cut-off.
    """
    if entry is None:
        return None, None, None, None
    completed = entry.completed_on
    if entry.status in DONE_STATUSES and completed is not None and completed > period.end:
        percent = entry.percent if entry.percent is not None and entry.percent < 100 else None
        return IN_PROGRESS, None, percent, completed
    return entry.status, completed, entry.percent, None


def task_states(
    register: Register, plan_id: int, period_code: str, today: date
) -> list[TaskState]:
    """Return every task of the plan with its state in the period, in appendix order."""
    period = parse_period_code(period_code)
    plan = repository.get_plan(register.db, plan_id)
    sections = {s.id: s for s in repository.list_sections(register.db, plan_id)}
    entries = entries_by_task(register, plan_id, period)
    states = []
    for task in repository.list_tasks(register.db, plan_id):
        recurring = parse_timeframe(task.timeframe, plan.year).kind == KIND_RECURRING
        picked = pick_entry(entries.get(task.id, []), period, recurring)
        section = sections.get(task.section_id) if task.section_id else None
        states.append(_state(task, section, plan.year, period, picked, today))
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
              NOT_STARTED: "not_started", NO_REPORT: "no_report"}.get(state.status, "other")
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
            {"plan_id": plan_id, "period_code": period_code, "area": area, "body": body.strip(),
             "updated_at": datetime.now().isoformat(timespec="seconds")},
            pk=("plan_id", "period_code", "area"))
        audit.record(db, "narrative", "plan", plan_id, before=before, after=body)
    return before
