"""Consolidate returned templates: preview old → new per task, resolve conflicts, apply.

build_preview() reads every file (returns.py) and compares each reported task with what the
register holds for the period. A row that says what the register says is no change. A task
gets a conflict when units report it differently, or when the register's entry for the period
was recorded after the template was written (a newer value); each conflict offers the units'
versions and "keep the register", and defaults to the lead unit (units) or the register
(newer). apply_preview() writes every chosen entry, the return log and the audit trail in one
transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from cchc_desktop.exchange.consolidate_write import entry_for, write_entries
from cchc_desktop.exchange.returns import ReturnContext, ReturnFile, collect_paths, read_return
from cchc_desktop.exchange.returns_model import (
    WARNING,
    CurrentEntry,
    Problem,
    Reported,
    current_entries,
)
from cchc_desktop.plans.models import ROLE_LEAD
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code

CONFLICT_UNITS = "units"
CONFLICT_NEWER = "newer"
KEEP_LABEL = "Giữ nguyên trong sổ"


@dataclass
class Option:
    """One choice for a task: a unit's report, or keeping the register (reported None)."""

    label: str
    reported: Reported | None
    unit_id: int | None = None
    files: list[str] = field(default_factory=list)


@dataclass
class TaskChange:
    """A task whose returned values differ from the register: old → new, with choices."""

    task_id: int
    number: str
    content: str
    old: CurrentEntry | None
    options: list[Option]
    conflicts: list[str] = field(default_factory=list)
    choice: int = 0

    @property
    def chosen(self) -> Option:
        """Return the option that will be applied."""
        return self.options[self.choice]

    @property
    def new(self) -> Reported | None:
        """Return the values that will be written (None: the register is kept)."""
        return self.chosen.reported

    def conflict_text(self) -> str:
        """Describe the conflicts in Vietnamese for the preview ("" when none)."""
        texts = {CONFLICT_UNITS: "các đơn vị báo cáo khác nhau",
                 CONFLICT_NEWER: "sổ đã có số liệu mới hơn biểu mẫu"}
        return "; ".join(texts[c] for c in self.conflicts)


@dataclass
class ReturnsPreview:
    """Everything read from the returned files, ready to show and to apply."""

    plan_id: int
    period_code: str
    today: date
    files: list[ReturnFile]
    changes: list[TaskChange]
    unchanged: int = 0

    @property
    def accepted(self) -> list[ReturnFile]:
        """Return the files that can be applied (not rejected)."""
        return [f for f in self.files if not f.rejected]

    @property
    def problems(self) -> list[Problem]:
        """Return every problem of every file, in file order."""
        return [p for f in self.files for p in f.problems]

    @property
    def conflicts(self) -> list[TaskChange]:
        """Return the changes that need a choice."""
        return [c for c in self.changes if c.conflicts]

    def choose(self, task_id: int, index: int) -> None:
        """Pick an option for a task's change."""
        change = next(c for c in self.changes if c.task_id == task_id)
        if not 0 <= index < len(change.options):
            raise IndexError(index)
        change.choice = index


@dataclass
class ApplyResult:
    """What apply_preview wrote."""

    applied: int
    kept: int
    files: int


def _lead_units(register: Register, plan_id: int) -> set[tuple[int, int]]:
    """Return (task id, unit id) pairs where the unit leads the task."""
    sql = ("SELECT tu.task_id, tu.unit_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id "
           "WHERE t.plan_id = ? AND tu.role = ?")
    return {(r[0], r[1]) for r in register.db.execute(sql, [plan_id, ROLE_LEAD])}


def _candidates(files: list[ReturnFile], current: dict[int, CurrentEntry]
                ) -> tuple[dict[int, list[tuple[ReturnFile, Reported]]], int]:
    """Group the reports that differ from the register by task; count unchanged rows."""
    found: dict[int, list[tuple[ReturnFile, Reported]]] = {}
    unchanged = 0
    for item in files:
        for row in item.rows:
            old = current.get(row.task_id)
            if old is not None and row.reported.same_as(old.reported):
                unchanged += 1
            else:
                found.setdefault(row.task_id, []).append((item, row.reported))
    return found, unchanged


def _options(reports: list[tuple[ReturnFile, Reported]]) -> list[Option]:
    """Merge identical reports into one option each, labelled by their units."""
    options: list[Option] = []
    for item, reported in reports:
        same = next((o for o in options if o.reported and o.reported.same_as(reported)), None)
        if same is None:
            options.append(Option(item.unit_name, reported, item.unit_id, [item.file_name]))
        else:
            if item.unit_name not in same.label.split(", "):
                same.label += f", {item.unit_name}"
            same.files.append(item.file_name)
    labels = [o.label for o in options]
    for option in options:
        if labels.count(option.label) > 1:  # one unit sent two files that disagree
            option.label += f" ({', '.join(option.files)})"
    return options


def _change(task_id: int, reports: list[tuple[ReturnFile, Reported]],
            old: CurrentEntry | None, leads: set[tuple[int, int]],
            text: tuple[str, str]) -> TaskChange:
    """Build one task's change with its conflicts and default choice."""
    options = _options(reports)
    change = TaskChange(task_id, text[0], text[1], old, options)
    if len(options) > 1:
        change.conflicts.append(CONFLICT_UNITS)
        lead = next((i for i, o in enumerate(options) if (task_id, o.unit_id) in leads), 0)
        change.choice = lead
    if old is not None and old.own_period and any(
            old.recorded_at > item.created_at for item, _ in reports):
        change.conflicts.append(CONFLICT_NEWER)
    if change.conflicts:
        options.append(Option(KEEP_LABEL, None))
        if CONFLICT_NEWER in change.conflicts:
            change.choice = len(options) - 1
    return change


def build_preview(register: Register, plan_id: int, period_code: str,
                  paths: Iterable[Path | str], today: date | None = None) -> ReturnsPreview:
    """Read returned files (files or folders) and compare them with the register."""
    today = today or date.today()
    code = parse_period_code(period_code).code
    ctx = ReturnContext.load(register, plan_id, code, today)
    files = [read_return(path, ctx) for path in collect_paths(paths)]
    for name, when in already_received(register, files).items():
        item = next(f for f in files if f.file_name == name)
        item.problems.append(Problem(name, f"Tệp này đã được nhận lúc {when.replace('T', ' ')}; "
                                     "chỉ các giá trị khác với sổ mới được ghi.", severity=WARNING))
    current = current_entries(register, plan_id, code, today)
    candidates, unchanged = _candidates([f for f in files if not f.rejected], current)
    leads = _lead_units(register, plan_id)
    order = {task_id: i for i, task_id in enumerate(ctx.tasks.by_id)}
    changes = [_change(task_id, reports, current.get(task_id), leads, ctx.tasks.by_id[task_id])
               for task_id, reports in sorted(candidates.items(), key=lambda kv: order[kv[0]])]
    return ReturnsPreview(plan_id, code, today, files, changes, unchanged)


def apply_preview(register: Register, preview: ReturnsPreview, officer: str = "") -> ApplyResult:
    """Write the chosen values, log each accepted file and audit, all in one transaction."""
    entries = [(c.task_id, entry_for(c.new, c.old, c.chosen.unit_id))
               for c in preview.changes if c.new is not None]
    period = parse_period_code(preview.period_code)
    received_at = datetime.now().isoformat(timespec="seconds")
    with register.transaction() as db:
        write_entries(db, period, entries, preview.today, officer)
        for item in preview.accepted:
            applied = sum(1 for c in preview.changes
                          if c.new is not None and item.file_name in c.chosen.files)
            db.table("return_log").insert({
                "plan_id": preview.plan_id, "period_code": period.code, "unit_id": item.unit_id,
                "unit_name": item.unit_name, "file_name": item.file_name,
                "fingerprint": item.fingerprint, "template_created_at": item.created_at,
                "rows_read": len(item.rows), "changes_applied": applied,
                "received_at": received_at, "officer": officer})
        audit.record(db, "returns", "plan", preview.plan_id, after={
            "period": period.code, "files": [f.file_name for f in preview.accepted],
            "applied": len(entries)})
    kept = sum(1 for c in preview.changes if c.new is None)
    return ApplyResult(len(entries), kept, len(preview.accepted))


def already_received(register: Register, files: Sequence[ReturnFile]) -> dict[str, str]:
    """Return, per file name, when the same file (same bytes) was received before."""
    found: dict[str, str] = {}
    for item in files:
        row = register.db.execute("SELECT received_at FROM return_log WHERE fingerprint = ? "
                                  "ORDER BY id DESC LIMIT 1", [item.fingerprint]).fetchone()
        if row and item.fingerprint:
            found[item.file_name] = str(row[0])
    return found
