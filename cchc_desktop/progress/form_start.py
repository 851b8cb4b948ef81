"""Where the progress form (Ghi tiến độ) starts, and a save the window can undo.

The form starts from the entry the table shows for the task in the period: its own entry, one of
a period with the same cut-off, or — for a one-off task — the latest earlier entry carried
forward (states.pick_entry, the same rule as every figure). Saving without changes therefore
keeps the state the officer saw. A save writes the entry and its evidence files in one
transaction and returns what the period held before, so undo puts exactly that back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from cchc_desktop.plans import repository
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.progress.evidence import evidence_files, save_evidence_files
from cchc_desktop.progress.states import (
    Entry,
    judge,
    pick_entry,
    split_reason,
    task_entries,
)
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_STATUSES
from cchc_desktop.schedule.periods import ReportingPeriod, make_period, parse_period_code
from cchc_desktop.schedule.phrases import KIND_RECURRING, parse_timeframe


@dataclass(frozen=True)
class FormStart:
    """What the progress form shows first, and which period's entry it comes from."""

    status: str
    percent: int | None
    result_text: str
    reason: str
    proposal: str
    completed_on: date | None
    evidence_number: str
    evidence_title: str
    evidence_date: date | None
    files: list[str]
    source_code: str
    source_title: str
    own: bool  # the period's own entry (False: carried forward from source_title)
    carried: bool = False  # from an earlier period (False: its own or one with its cut-off)
    unit_id: int | None = None

    def entry(self) -> ProgressInput:
        """Return the entry as a save would write it unchanged."""
        return ProgressInput(
            self.status, self.percent, self.result_text, self.evidence_number,
            self.evidence_date.isoformat() if self.evidence_date else None, self.evidence_title,
            self.files[0] if self.files else "",
            self.completed_on.isoformat() if self.completed_on else None,
            reporting_unit_id=self.unit_id, reason=self.reason, proposal=self.proposal)


def _pick(register: Register, task_id: int, period: ReportingPeriod,
          today: date) -> tuple[Entry | None, str]:
    """Return the entry the table shows for the task and the status it shows for a done entry
    ("Hoàn thành trễ hạn" when completed after the due date; other entries keep their own)."""
    task = repository.get_task(register.db, task_id)
    plan = repository.get_plan(register.db, task.plan_id)
    recurring = parse_timeframe(task.timeframe, plan.year).kind == KIND_RECURRING
    entry, _ = pick_entry(task_entries(register, task_id, period), period, recurring)
    if entry is None:
        return None, ""
    shown = judge(task.timeframe, task.due_override, plan.year, period, entry, today).status
    return entry, shown if {shown, entry.status} <= DONE_STATUSES else entry.status


def form_start(register: Register, task_id: int, period_code: str,
               today: date) -> FormStart | None:
    """Return the entry the table shows for the task in the period (None: no entry speaks
    for it, the form starts empty)."""
    period = parse_period_code(period_code)
    entry, status = _pick(register, task_id, period, today)
    if entry is None:
        return None
    source = make_period(entry.year, entry.kind)
    text, reason = split_reason(entry.text, entry.reason)
    return FormStart(status, entry.percent, text, reason, entry.proposal,
                     entry.completed_on, entry.evidence_number, entry.evidence_title,
                     entry.evidence_date, evidence_files(register, task_id, source.code),
                     source.code, source.title, source.code == period.code,
                     source.end < period.end, entry.unit_id)


def default_completion_day(period_code: str, today: date) -> date:
    """Return the day "Đã hoàn thành ngày" offers first: today, or the period's cut-off when
    the period ended earlier (a 2021 plan is not completed in 2026)."""
    return min(today, parse_period_code(period_code).end)


@dataclass(frozen=True)
class PeriodEntry:
    """A task's entry in one period as it was (row None: there was none), for undo."""

    task_id: int
    period_code: str
    row: dict[str, Any] | None
    files: list[str] = field(default_factory=list)


def _period_id(register: Register, period: ReportingPeriod) -> int | None:
    """Return the id of a period in the register, if it is there."""
    found = register.db.execute("SELECT id FROM periods WHERE year = ? AND kind = ?",
                                [period.year, period.kind]).fetchone()
    return int(found[0]) if found else None


def save_progress(register: Register, task_id: int, period_code: str, entry: ProgressInput,
                  files: list[str], today: date, officer: str = "") -> PeriodEntry:
    """Write the entry and its evidence files in one transaction; return what was there."""
    before = evidence_files(register, task_id, period_code)
    with register.transaction():
        previous = record_progress(register, task_id, period_code, entry, today, officer)
        save_evidence_files(register, task_id, period_code, files)
    return PeriodEntry(task_id, period_code, previous, before if previous else [])


def restore_progress(register: Register, was: PeriodEntry) -> PeriodEntry:
    """Put back a task's entry of a period as it was (one transaction, audited); return what
    it replaced, so the step can be redone."""
    period = parse_period_code(was.period_code)
    now_files = evidence_files(register, was.task_id, was.period_code)
    with register.transaction() as db:
        period_id = _period_id(register, period)
        rows = list(db.query("SELECT * FROM progress WHERE task_id = ? AND period_id = ?",
                             [was.task_id, period_id]))
        current = rows[0] if rows else None
        if current is not None:
            db.execute("DELETE FROM evidence_files WHERE progress_id = ?", [current["id"]])
            db.execute("DELETE FROM progress WHERE id = ?", [current["id"]])
        if was.row is not None:
            db.table("progress").insert(was.row)
            for position, path in enumerate(was.files):
                db.execute("INSERT INTO evidence_files (progress_id, position, path) "
                           "VALUES (?, ?, ?)", [was.row["id"], position, path])
        audit.record(db, "progress", "task", was.task_id,
                     before={**(current or {}), "period": period.code, "files": now_files},
                     after={**(was.row or {}), "period": period.code, "files": was.files})
    return PeriodEntry(was.task_id, was.period_code, current, now_files)
