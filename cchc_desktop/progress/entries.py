"""Progress per task and reporting period: record it, and compute what each task's state is.

One-off tasks carry their latest state forward into later periods; recurring tasks ("Hằng quý",
"Thường xuyên") need an entry in every period. Late and overdue are computed from dates by
cchc_desktop.schedule.lateness, never typed. The unit's reason for lateness and its proposal
are kept in their own columns (migration 0007); a completion dated after the period's cut-off is
accepted but flagged (cutoff_warning), because it does not count as done in that period.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.progress.states import (
    NO_REPORT,
    NO_REPORT_LABEL,
    AreaStat,
    TaskState,
    area_stats,
    get_narratives,
    save_narrative,
    task_states,
)
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_STATUSES, parse_status
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code

__all__ = ["NO_REPORT", "NO_REPORT_LABEL", "AreaStat", "HistoryEntry", "ProgressInput",
           "TaskState", "area_stats", "cutoff_warning", "get_narratives", "record_progress",
           "save_narrative", "task_history", "task_states"]


@dataclass
class ProgressInput:
    """What an officer (or a unit's return) reports for a task in a period."""

    status: str
    percent: int | None = None
    result_text: str = ""
    evidence_number: str = ""
    evidence_date: str | None = None
    evidence_title: str = ""
    evidence_file: str = ""
    completed_on: str | None = None
    reporting_unit_id: int | None = None
    reason: str = ""
    proposal: str = ""


def _iso(value: str | None, what: str) -> date | None:
    """Parse an ISO date typed or imported, or raise a Vietnamese ValidationError."""
    if not value:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError as error:
        message = f"{what} '{value}' không phải ngày hợp lệ (năm-tháng-ngày)."
        raise ValidationError(message) from error


def validate_input(entry: ProgressInput, today: date) -> ProgressInput:
    """Refuse an unknown status, a percent outside 0–100 or a completion date in the future."""
    status = parse_status(entry.status)
    if entry.percent is not None and not 0 <= entry.percent <= 100:
        raise ValidationError(f"Tỷ lệ hoàn thành {entry.percent}% phải từ 0 đến 100.")
    completed = _iso(entry.completed_on, "Ngày hoàn thành")
    if completed and completed > today:
        raise ValidationError(f"Ngày hoàn thành {completed:%d/%m/%Y} ở tương lai.")
    _iso(entry.evidence_date, "Ngày văn bản kiểm chứng")
    percent = 100 if status in DONE_STATUSES and entry.percent is None else entry.percent
    return ProgressInput(**{**entry.__dict__, "status": status, "percent": percent,
                            "reason": entry.reason.strip(), "proposal": entry.proposal.strip()})


def cutoff_warning(period_code: str, completed_on: str | date | None) -> str:
    """Warn when a completion date falls after the period's cut-off ('' when it does not)."""
    period = parse_period_code(period_code)
    day = completed_on if isinstance(completed_on, date) else _iso(completed_on,
                                                                    "Ngày hoàn thành")
    if day is None or day <= period.end:
        return ""
    return (f"Ngày hoàn thành {day:%d/%m/%Y} sau ngày chốt số liệu kỳ {period.title} "
            f"({period.end:%d/%m/%Y}): nhiệm vụ không được tính là hoàn thành trong kỳ này "
            "(báo cáo kỳ này ghi là đang thực hiện).")


def ensure_period(db: Database, period: ReportingPeriod) -> int:
    """Return the id of a reporting period in the register, adding it if needed."""
    rows = db.execute("SELECT id FROM periods WHERE year = ? AND kind = ?",
                      [period.year, period.kind]).fetchall()
    if rows:
        return int(rows[0][0])
    record = {"year": period.year, "kind": period.kind, "label": period.label,
              "start": period.start.isoformat(), "end": period.end.isoformat(),
              "due": period.due.isoformat()}
    return int(db.table("periods").insert(record).last_pk or 0)


def record_progress(
    register: Register, task_id: int, period_code: str, entry: ProgressInput, today: date,
    officer: str = "",
) -> dict[str, Any] | None:
    """Write a task's progress for a period in one transaction; return the previous entry."""
    entry = validate_input(entry, today)
    period = parse_period_code(period_code)
    with register.transaction() as db:
        repository.get_task(db, task_id)
        period_id = ensure_period(db, period)
        old = db.execute("SELECT * FROM progress WHERE task_id = ? AND period_id = ?",
                         [task_id, period_id])
        columns = [c[0] for c in old.description]
        previous = [dict(zip(columns, row, strict=True)) for row in old.fetchall()]
        values = dict(entry.__dict__)
        values.update(task_id=task_id, period_id=period_id, recorded_by=officer,
                      recorded_at=datetime.now().isoformat(timespec="seconds"))
        db.table("progress").upsert(values, pk=("task_id", "period_id"))
        audit.record(db, "progress", "task", task_id, before=previous[0] if previous else None,
                     after={**values, "period": period.code})
    return previous[0] if previous else None


def attach_evidence(register: Register, source: str | Path) -> str:
    """Copy an evidence file into the folder beside the register; return its relative name."""
    source = Path(source)
    if not source.is_file():
        raise ValidationError(f"Không tìm thấy tệp kiểm chứng '{source}'.")
    folder = register.path.parent / f"{register.path.stem}-tai-lieu-kiem-chung"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    counter = 1
    while target.exists():
        target = folder / f"{source.stem} ({counter}){source.suffix}"
        counter += 1
    shutil.copy2(source, target)
    return str(target.relative_to(register.path.parent))


@dataclass
class HistoryEntry:
    """One period's entry in a task's progress history."""

    period_code: str
    period_title: str
    status_label: str
    percent: int | None
    result_text: str
    completed_on: str | None
    evidence: str
    recorded_by: str
    recorded_at: str
    evidence_number: str = ""
    evidence_title: str = ""
    evidence_file: str = ""
    reason: str = ""
    proposal: str = ""


def task_history(register: Register, task_id: int) -> list[HistoryEntry]:
    """Return a task's progress entries, newest period first."""
    from cchc_desktop.progress.states import split_reason
    from cchc_desktop.schedule.lateness import status_label
    from cchc_desktop.schedule.periods import make_period

    sql = ("SELECT pe.year, pe.kind, p.* FROM progress p JOIN periods pe ON pe.id = p.period_id "
           "WHERE p.task_id = ? ORDER BY pe.\"end\" DESC, pe.start DESC")
    entries = []
    for row in register.db.query(sql, [task_id]):
        period = make_period(row["year"], row["kind"])
        evidence = " ".join(x for x in (row["evidence_number"], row["evidence_title"]) if x)
        text, reason = split_reason(row["result_text"], row["reason"])
        entries.append(HistoryEntry(period.code, period.title, status_label(row["status"]),
                                    row["percent"], text, row["completed_on"],
                                    evidence, row["recorded_by"], row["recorded_at"],
                                    row["evidence_number"], row["evidence_title"],
                                    row["evidence_file"], reason, row["proposal"]))
    return entries
