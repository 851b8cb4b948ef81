"""Write many progress entries of one period in one transaction (returns, bulk edits).

The same rules as progress.record_progress (validate_input, ensure_period, an audit entry per
task with the previous values), but one transaction for all: every entry is written, or none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.exchange.returns_model import CurrentEntry, Reported
from cchc_desktop.progress.entries import ProgressInput, ensure_period, validate_input
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code
from cchc_desktop.text.folding import collapse_spaces

CHUNK = 500
_EVIDENCE_NUMBER_RE = re.compile(r"^\s*(?:số\s*:?\s*)?(\d+[\w.]*/[\wĐđ.]+(?:-[\wĐđ.]+)*)[\s,;:–-]*",
                                 re.IGNORECASE)


def entry_for(new: Reported | None, old: CurrentEntry | None,
              unit_id: int | None) -> ProgressInput:
    """Turn a unit's report into a progress entry (keeping evidence details it did not change)."""
    assert new is not None
    entry = ProgressInput(new.status, new.percent, new.result_text, completed_on=new.completed_on,
                          reporting_unit_id=unit_id, reason=new.reason, proposal=new.proposal)
    if old is not None and collapse_spaces(new.evidence) == collapse_spaces(
            old.reported.evidence):
        entry.evidence_number, entry.evidence_title = old.evidence_number, old.evidence_title
        entry.evidence_date, entry.evidence_file = old.evidence_date, old.evidence_file
        return entry
    match = _EVIDENCE_NUMBER_RE.match(new.evidence)
    if match and match.end() < len(new.evidence):
        entry.evidence_number = match.group(1)
        entry.evidence_title = new.evidence[match.end():].strip()
    else:
        entry.evidence_title = new.evidence.strip()
    return entry


def _previous(db: Database, task_ids: list[int], period_id: int) -> dict[int, dict[str, Any]]:
    """Return the existing entries of these tasks in the period, by task."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(task_ids), CHUNK):
        chunk = task_ids[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        cursor = db.execute(f"SELECT * FROM progress WHERE period_id = ? AND task_id IN ({marks})",
                            [period_id, *chunk])
        columns = [c[0] for c in cursor.description]
        for row in cursor.fetchall():
            record = dict(zip(columns, row, strict=True))
            found[record["task_id"]] = record
    return found


def _check_tasks(db: Database, task_ids: list[int]) -> None:
    """Refuse entries for tasks that are no longer in the register."""
    known: set[int] = set()
    for start in range(0, len(task_ids), CHUNK):
        chunk = task_ids[start:start + CHUNK]
        marks = ",".join("?" * len(chunk))
        known |= {r[0] for r in db.execute(f"SELECT id FROM tasks WHERE id IN ({marks})", chunk)}
    missing = [t for t in task_ids if t not in known]
    if missing:
        raise NotFoundError(f"{len(missing)} nhiệm vụ không còn trong sổ (mã {missing[0]}); "
                            "không có gì được ghi. Hãy đọc lại các tệp.")


def write_entries(db: Database, period: ReportingPeriod,
                  entries: Sequence[tuple[int, ProgressInput]], today: date,
                  officer: str = "") -> int:
    """Write entries inside the caller's transaction; return how many were written."""
    checked: list[tuple[int, ProgressInput]] = []
    for task_id, entry in entries:
        try:
            checked.append((task_id, validate_input(entry, today)))
        except ValidationError as error:
            raise ValidationError(f"Nhiệm vụ mã {task_id}: {error} Không có gì được ghi.") from None
    if not checked:
        return 0
    task_ids = [task_id for task_id, _ in checked]
    _check_tasks(db, task_ids)
    period_id = ensure_period(db, period)
    previous = _previous(db, task_ids, period_id)
    now = datetime.now().isoformat(timespec="seconds")
    rows = []
    for task_id, entry in checked:
        values = dict(entry.__dict__)
        values.update(task_id=task_id, period_id=period_id, recorded_by=officer, recorded_at=now)
        rows.append(values)
    db.table("progress").upsert_all(rows, pk=("task_id", "period_id"), batch_size=CHUNK)
    for values in rows:
        audit.record(db, "progress", "task", values["task_id"],
                     before=previous.get(values["task_id"]),
                     after={**values, "period": period.code})
    return len(rows)


def record_progress_many(register: Register, period_code: str,
                         entries: Sequence[tuple[int, ProgressInput]], today: date,
                         officer: str = "") -> int:
    """Write many tasks' progress for a period in one transaction; return how many."""
    period = parse_period_code(period_code)
    with register.transaction() as db:
        return write_entries(db, period, entries, today, officer)
