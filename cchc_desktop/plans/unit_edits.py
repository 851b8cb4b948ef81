"""Units directory edits beyond add/rename/merge: delete a unit nobody uses (refused, with the
list of tasks, while tasks name it) and split one unit into two (every task naming the old
one names both). Each returns what its undo needs; each is one transaction with an audit entry.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from typing import Any

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import guess_kind
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces, fold

SHOWN_TASKS = 10
SHOWN_CHARS = 90


def unit_tasks(register: Register, unit_id: int) -> list[tuple[str, str]]:
    """Return (TT with its section, "I/1.1"; content) of the tasks that name a unit, in plan
    and appendix order."""
    sql = ("SELECT DISTINCT t.id, t.number, t.content, coalesce(s.code, '') AS code, "
           "coalesce(s.position, -1) AS section_position, t.plan_id, t.position FROM tasks t "
           "JOIN task_units tu ON tu.task_id = t.id LEFT JOIN sections s ON s.id = t.section_id "
           "WHERE tu.unit_id = ? ORDER BY t.plan_id, section_position, t.position")
    return [("/".join(p for p in (row["code"].strip(), row["number"].strip()) if p),
             row["content"]) for row in register.db.query(sql, [unit_id])]


def shorten(text: str, limit: int = SHOWN_CHARS) -> str:
    """Return text on one line, cut at a word before `limit` characters with "…" if longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:.–-") + "…"


def unit_used(register: Register, unit_id: int) -> bool:
    """Tell whether a task names a unit."""
    return register.db.execute("SELECT 1 FROM task_units WHERE unit_id = ? LIMIT 1",
                               [unit_id]).fetchone() is not None


def _in_use_message(unit: Unit, tasks: list[tuple[str, str]]) -> str:
    """Say which tasks still name the unit (the first few)."""
    lines = [f"– {number} — {shorten(content)}" if number else f"– {shorten(content)}"
             for number, content in tasks[:SHOWN_TASKS]]
    more = f"\n… và {len(tasks) - SHOWN_TASKS} nhiệm vụ khác" if len(tasks) > SHOWN_TASKS else ""
    return (f"Không xóa được đơn vị “{unit.name}”: {len(tasks)} nhiệm vụ đang ghi đơn vị này:\n"
            + "\n".join(lines) + more + "\nHãy gộp đơn vị vào đơn vị đúng (Gộp…) hoặc sửa các "
            "nhiệm vụ trước.")


def delete_unit(register: Register, unit_id: int) -> dict[str, Any]:
    """Delete a unit no task names; return what restore_unit needs to put it back."""
    tasks = unit_tasks(register, unit_id)
    with register.transaction() as db:
        unit = repository.get_unit(db, unit_id)
        if tasks:
            raise ValidationError(_in_use_message(unit, tasks))
        row = next(iter(db.query("SELECT * FROM units WHERE id = ?", [unit_id])))
        reports = [r["id"] for r in db.query(
            "SELECT id FROM progress WHERE reporting_unit_id = ?", [unit_id])]
        try:
            db.execute("DELETE FROM units WHERE id = ?", [unit_id])
        except sqlite3.IntegrityError as error:
            raise ValidationError(f"Không xóa được đơn vị “{unit.name}”: đơn vị còn có trong "
                                  "kế hoạch kiểm tra hoặc số liệu của đơn vị.") from error
        audit.record(db, "delete", "unit", unit_id, before=unit)
    return {"unit": row, "reports": reports}


def restore_unit(register: Register, snapshot: dict[str, Any]) -> None:
    """Undo delete_unit: the unit comes back with its id, and the reports it made."""
    row = snapshot["unit"]
    with register.transaction() as db:
        db.table("units").insert(row)
        for report_id in snapshot["reports"]:
            db.execute("UPDATE progress SET reporting_unit_id = ? WHERE id = ?",
                       [row["id"], report_id])
        audit.record(db, "restore", "unit", row["id"], after={"name": row["name"]})


def split_unit(register: Register, unit_id: int, first: str, second: str) -> dict[str, Any]:
    """Split a unit in two: it is renamed `first`, a new unit `second` is named by every task
    that named it (same role). Each has only the name typed: the old short name and other
    names belonged to the unit as a whole and go (undo brings them back). Return what
    unsplit_unit needs."""
    first, second = collapse_spaces(first).strip(), collapse_spaces(second).strip()
    if not first or not second:
        raise ValidationError("Hãy nhập tên của cả hai đơn vị sau khi tách.")
    if fold(first) == fold(second):
        raise ValidationError("Hai đơn vị sau khi tách phải có tên khác nhau.")
    with register.transaction() as db:
        before = repository.get_unit(db, unit_id)
        for name, own in ((first, unit_id), (second, 0)):
            clash = list(db.query("SELECT name FROM units WHERE folded = ? AND id != ?",
                                  [fold(name), own]))
            if clash:
                raise ValidationError(f"Đã có đơn vị “{clash[0]['name']}” trong danh mục.")
        repository.update_unit(db, replace(before, name=first, short_name="", aliases=[]),
                               fold(first))
        new_id = repository.insert_unit(db, Unit(id=0, name=second, kind=guess_kind(second),
                                                 short_name="", confirmed=True), fold(second))
        db.execute("INSERT OR IGNORE INTO task_units (task_id, unit_id, role, original_text) "
                   "SELECT task_id, ?, role, original_text FROM task_units WHERE unit_id = ?",
                   [new_id, unit_id])
        audit.record(db, "split", "unit", unit_id, before=before,
                     after={"names": [first, second], "new_id": new_id})
    return {"before": before, "new_id": new_id}


def unsplit_unit(register: Register, snapshot: dict[str, Any]) -> None:
    """Undo split_unit: the new unit and its links go, the old name comes back."""
    before: Unit = snapshot["before"]
    with register.transaction() as db:
        db.execute("DELETE FROM task_units WHERE unit_id = ?", [snapshot["new_id"]])
        db.execute("DELETE FROM units WHERE id = ?", [snapshot["new_id"]])
        repository.update_unit(db, before, fold(before.name))
        audit.record(db, "unsplit", "unit", before.id, after={"name": before.name})
