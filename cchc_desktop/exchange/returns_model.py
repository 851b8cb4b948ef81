"""What a unit reports for a task, what the register holds now, and located problems.

Shared by the return templates (which pre-fill the register's values) and the re-import of
returned files (which compares a unit's values with the register's).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_desktop.errors import CchcError
from cchc_desktop.progress.entries import task_states
from cchc_desktop.progress.states import split_reason
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE, DONE_LATE, STATUS_LABELS
from cchc_desktop.text.folding import collapse_spaces

ERROR = "error"
WARNING = "warning"


class ReturnFileError(CchcError):
    """A returned file cannot be used at all (damaged, password, another plan…)."""


@dataclass(frozen=True)
class Reported:
    """A task's progress as a unit reports it (or as the register holds it)."""

    status: str
    percent: int | None = None
    result_text: str = ""
    evidence: str = ""
    completed_on: str | None = None  # ISO date
    reason: str = ""
    proposal: str = ""

    def key(self) -> tuple[Any, ...]:
        """Return what two reports must share to say the same thing."""
        done = self.status in (DONE, DONE_LATE)
        status = DONE if done else self.status
        percent = 100 if done and self.percent is None else self.percent
        return (status, percent, collapse_spaces(self.result_text),
                collapse_spaces(self.evidence), self.completed_on or None,
                collapse_spaces(self.reason), collapse_spaces(self.proposal))

    def same_as(self, other: Reported | None) -> bool:
        """Tell whether another report says the same thing."""
        return other is not None and self.key() == other.key()

    def describe(self) -> str:
        """Describe the report in one line for the preview."""
        parts = [STATUS_LABELS.get(self.status, self.status)]
        if self.percent is not None:
            parts.append(f"{self.percent}%")
        if self.completed_on:
            year, month, day = self.completed_on[:10].split("-")
            parts.append(f"xong {day}/{month}/{year}")
        if self.result_text:
            parts.append(collapse_spaces(self.result_text))
        if self.evidence:
            parts.append(f"KC: {collapse_spaces(self.evidence)}")
        if self.reason:
            parts.append(f"Lý do: {collapse_spaces(self.reason)}")
        if self.proposal:
            parts.append(f"Đề xuất: {collapse_spaces(self.proposal)}")
        return "; ".join(parts)


@dataclass(frozen=True)
class CurrentEntry:
    """The register's entry that speaks for a task in a period, with where it came from."""

    reported: Reported
    period: str  # "2021-Q1" (year-kind of the entry; one-off tasks carry entries forward)
    own_period: bool
    recorded_at: str
    reporting_unit_id: int | None
    evidence_number: str = ""
    evidence_title: str = ""
    evidence_date: str | None = None
    evidence_file: str = ""


@dataclass(frozen=True)
class Problem:
    """Something wrong in a returned file, located by file, sheet, row and column."""

    file: str
    message: str
    sheet: str = ""
    row: int = 0
    column: str = ""
    severity: str = ERROR

    def where(self) -> str:
        """Return "Tệp 'x.xlsx', trang 'Báo cáo', dòng 7, cột F (Trạng thái)"."""
        parts = [f"Tệp '{self.file}'"]
        if self.sheet:
            parts.append(f"trang '{self.sheet}'")
        if self.row:
            parts.append(f"dòng {self.row}")
        if self.column:
            parts.append(f"cột {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        if not self.sheet and self.file in self.message:  # the message names the file
            return self.message
        return f"{self.where()}: {self.message}"


def evidence_text(number: str, title: str) -> str:
    """Join an evidence document's number and title as a template shows them."""
    return " ".join(part for part in (number.strip(), title.strip()) if part)


_ENTRY_SQL = """
SELECT p.task_id, pe.year, pe.kind, p.status, p.percent, p.result_text, p.evidence_number,
       p.evidence_title, p.evidence_date, p.evidence_file, p.completed_on, p.recorded_at,
       p.reporting_unit_id, p.reason, p.proposal
FROM progress p JOIN periods pe ON pe.id = p.period_id JOIN tasks t ON t.id = p.task_id
WHERE t.plan_id = ?
"""


def current_entries(register: Register, plan_id: int, period_code: str,
                    today: date) -> dict[int, CurrentEntry]:
    """Return, per task, the register's entry that speaks for the period (if any)."""
    rows = {(r[0], f"{r[1]}-{r[2]}"): r for r in register.db.execute(_ENTRY_SQL, [plan_id])}
    own = _own_period_key(period_code)
    found: dict[int, CurrentEntry] = {}
    for state in task_states(register, plan_id, period_code, today):
        row = rows.get((state.task.id, state.entry_period)) if state.entry_period else None
        if row is None:
            continue
        text, reason = split_reason(row[5] or "", row[13] or "")
        reported = Reported(row[3], row[4], text, evidence_text(row[6] or "", row[7] or ""),
                            row[10], reason, row[14] or "")
        found[state.task.id] = CurrentEntry(
            reported, state.entry_period, state.entry_period == own, row[11] or "", row[12],
            row[6] or "", row[7] or "", row[8], row[9] or "")
    return found


def _own_period_key(period_code: str) -> str:
    """Return the year-kind key of a period code ("2021" → "2021-Y")."""
    return period_code if "-" in period_code else f"{period_code}-Y"


REGISTER_ID_KEY = "exchange.register_id"


def register_id(register: Register) -> str:
    """Return this register's random identity (created once, kept in settings)."""
    sql = "SELECT value FROM settings WHERE key = ?"
    row = register.db.execute(sql, [REGISTER_ID_KEY]).fetchone()
    if row is None and not register.read_only:
        with register.transaction() as db:
            db.execute("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                       [REGISTER_ID_KEY, uuid.uuid4().hex])
        row = register.db.execute(sql, [REGISTER_ID_KEY]).fetchone()
    return str(row[0]) if row else ""


def plan_fingerprint(register: Register, plan_id: int) -> str:
    """Return a fingerprint of a plan in this register (register identity, id, creation)."""
    row = register.db.execute("SELECT id, created_at FROM plans WHERE id = ?",
                              [plan_id]).fetchone()
    if row is None:
        raise ReturnFileError(f"Không tìm thấy kế hoạch có mã {plan_id}.")
    text = f"cchc-plan|{register_id(register)}|{row[0]}|{row[1]}"
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def file_fingerprint(data: bytes) -> str:
    """Return the SHA-256 of a file's bytes (to notice the same file received twice)."""
    return hashlib.sha256(data).hexdigest()
