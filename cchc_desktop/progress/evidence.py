"""Evidence files of a progress entry (tài liệu kiểm chứng): several per task and period,
copied into the folder beside the register and named relative to it, so the register and its
folder move together. progress.evidence_file keeps the first one for older readers."""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.errors import ValidationError
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code


def _entry_id(register: Register, task_id: int, period_code: str) -> int | None:
    """Return the id of a task's progress entry in a period, if there is one."""
    period = parse_period_code(period_code)
    rows = register.db.execute(
        "SELECT p.id FROM progress p JOIN periods pe ON pe.id = p.period_id "
        "WHERE p.task_id = ? AND pe.year = ? AND pe.kind = ?",
        [task_id, period.year, period.kind]).fetchall()
    return int(rows[0][0]) if rows else None


def evidence_files(register: Register, task_id: int, period_code: str) -> list[str]:
    """Return the evidence files of a task's entry in a period, in the officer's order."""
    entry = _entry_id(register, task_id, period_code)
    if entry is None:
        return []
    return [str(r[0]) for r in register.db.execute(
        "SELECT path FROM evidence_files WHERE progress_id = ? ORDER BY position", [entry])]


def save_evidence_files(register: Register, task_id: int, period_code: str,
                        files: list[str]) -> None:
    """Replace the evidence files of a recorded entry (one transaction, audited)."""
    entry = _entry_id(register, task_id, period_code)
    if entry is None:
        raise ValidationError("Hãy ghi tiến độ của kỳ trước khi đính kèm tệp kiểm chứng.")
    before = evidence_files(register, task_id, period_code)
    with register.transaction() as db:
        db.execute("DELETE FROM evidence_files WHERE progress_id = ?", [entry])
        for position, path in enumerate(files):
            db.execute("INSERT INTO evidence_files (progress_id, position, path) VALUES (?, ?, ?)",
                       [entry, position, path])
        db.execute("UPDATE progress SET evidence_file = ? WHERE id = ?",
                   [files[0] if files else "", entry])
        if before != files:
            audit.record(db, "evidence", "task", task_id, before=before, after=files)


def evidence_path(register: Register, name: str) -> Path:
    """Return where an evidence file is on disk (names are relative to the register)."""
    path = Path(name)
    return path if path.is_absolute() else register.path.parent / path
