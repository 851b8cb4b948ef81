"""The shape of a plan: sections (lĩnh vực) and groups (nhóm) created, renamed, moved and
deleted, and the TT column renumbered from that shape.

Each function is one transaction with its audit record, and returns what undo needs (the
previous values, or a snapshot that restore_* puts back with the same ids). Numbering follows
the printed appendices: sections I, II, III…; inside a section, groups and loose tasks 1, 2, 3…
in order; tasks of group 2 are 2.1, 2.2… An imported plan keeps the numbers as printed in its
original (real appendices number irregularly) unless the officer turns renumbering on.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import next_numbers, services
from cchc_desktop.plans.models import TaskDraft
from cchc_desktop.plans.next_numbers import roman
from cchc_desktop.plans.sequence import resequence
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register

_KEEP = "keep_numbers_plan_{}"
NAMES = {"section": "Lĩnh vực", "group": "Nhóm"}
POSITION_STEP = 10  # as services.POSITION_STEP


def _title(title: str, what: str) -> str:
    """Return a trimmed title, refusing an empty one."""
    if not " ".join(title.split()):
        raise ValidationError(f"Tên {what} không được để trống.")
    return " ".join(title.split())


def _row(db: Database, table: str, row_id: int, what: str) -> dict[str, Any]:
    """Return a row of a table, or refuse with a Vietnamese message."""
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))  # noqa: S608
    if not rows:
        raise ValidationError(f"{what} không còn trong sổ.")
    return rows[0]


def _end(db: Database, sql: str, params: list[Any]) -> int:
    """Return a position after the largest one a query finds."""
    found = db.execute(sql, params).fetchone()[0]
    return int(found or 0) + POSITION_STEP


# Sections -------------------------------------------------------------------------------------


def add_section(register: Register, plan_id: int, title: str, code: str = "",
                area: str | None = None) -> int:
    """Add a section at the end of the plan; return its id."""
    with register.transaction() as db:
        code = code.strip() or next_numbers.section_code(db, plan_id)
        values = {"plan_id": plan_id, "title": _title(title, "lĩnh vực"), "code": code,
                  "area": area, "position": _end(db, "SELECT max(position) FROM sections "
                                                     "WHERE plan_id = ?", [plan_id])}
        section_id = int(db.table("sections").insert(values).last_pk or 0)
        audit.record(db, "add", "section", section_id, after=values)
    return section_id


def rename(register: Register, kind: str, row_id: int, title: str,
           number: str) -> tuple[str, str]:
    """Rename a section (kind "section") or a group ("group"): title and printed number;
    return the previous (title, number)."""
    table, column, what = _kind(kind)
    with register.transaction() as db:
        before = _row(db, table, row_id, what.capitalize())
        after = {"title": _title(title, what), column: number.strip()}
        db.table(table).update(row_id, after)
        audit.record(db, "rename", kind, row_id, before={k: before[k] for k in after},
                     after=after)
    return before["title"], before[column]


def _kind(kind: str) -> tuple[str, str, str]:
    """Return (table, number column, Vietnamese name) of a heading kind."""
    if kind == "section":
        return "sections", "code", "lĩnh vực"
    return "task_groups", "number", "nhóm"


def _neighbour_sql(kind: str, offset: int) -> tuple[str, str]:
    """Return the query finding the heading to swap with, and the table."""
    table, _, _ = _kind(kind)
    op, order = ("<", "DESC") if offset < 0 else (">", "ASC")
    scope = "" if kind == "section" else "AND section_id IS ? "
    return (f"SELECT id, position FROM {table} WHERE plan_id = ? AND (position, id) {op} "  # noqa: S608
            f"(?, ?) {scope}ORDER BY position {order}, id {order} LIMIT 1"), table


def move_possible(register: Register, kind: str, row_id: int, offset: int) -> bool:
    """Tell whether a section or group can move up (-1) or down (+1)."""
    sql, table = _neighbour_sql(kind, offset)
    row = _row(register.db, table, row_id, NAMES[kind])
    params = [row["plan_id"], row["position"], row["id"]] + (
        [] if kind == "section" else [row["section_id"]])
    return register.db.execute(sql, params).fetchone() is not None


def move(register: Register, kind: str, row_id: int, offset: int) -> bool:
    """Swap a section with the one above (-1) or below (+1), or a group with the group above
    or below in its section; False at an edge."""
    sql, table = _neighbour_sql(kind, offset)
    with register.transaction() as db:
        row = _row(db, table, row_id, NAMES[kind])
        params = [row["plan_id"], row["position"], row["id"]] + (
            [] if kind == "section" else [row["section_id"]])
        other = db.execute(sql, params).fetchone()
        if other is None:
            return False
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [other[1], row_id])  # noqa: S608
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [row["position"], other[0]])  # noqa: S608
        audit.record(db, "move", kind, row_id, before=row["position"], after=other[1])
        resequence(register, row["plan_id"])  # lists read tasks by position: keep it printed
    return True


# Groups ---------------------------------------------------------------------------------------


def add_group(register: Register, plan_id: int, section_id: int | None, title: str,
              number: str = "") -> int:
    """Add a group at the end of a section (or of the tasks outside sections); return its id."""
    with register.transaction() as db:
        position = max(
            _end(db, "SELECT max(position) FROM task_groups WHERE plan_id = ? "
                     "AND section_id IS ?", [plan_id, section_id]),
            _end(db, "SELECT max(position) FROM tasks WHERE plan_id = ? AND section_id IS ? "
                     "AND group_id IS NULL", [plan_id, section_id]))
        number = number.strip() or next_numbers.group_number(db, plan_id, section_id)
        values = {"plan_id": plan_id, "section_id": section_id, "number": number,
                  "title": _title(title, "nhóm"), "position": position}
        group_id = int(db.table("task_groups").insert(values).last_pk or 0)
        audit.record(db, "add", "group", group_id, after=values)
    return group_id


def add_task(register: Register, plan_id: int, draft: TaskDraft, section_id: int | None,
             group_id: int | None, after_task_id: int | None) -> int:
    """Add a task (services.add_task) whose empty TT gets the number after its previous
    sibling (next_numbers), so a plan keeping its printed numbers shows one; return its id."""
    with register.transaction() as db:
        if not draft.number.strip():
            draft = replace(draft, number=next_numbers.task_number(
                db, plan_id, section_id, group_id, after_task_id))
        after = after_task_id
        if after is None and group_id is not None:  # after the group's last task
            last = db.execute("SELECT id FROM tasks WHERE group_id = ? ORDER BY position DESC "
                              "LIMIT 1", [group_id]).fetchone()
            after = last[0] if last is not None else None
        task_id = services.add_task(register, plan_id, draft, section_id, group_id, after)
        if after is None:  # at the end of its section, not of the plan: lists read tasks
            resequence(register, plan_id)  # by position, keep them in printed order
        return task_id


# Deleting ---------------------------------------------------------------------------------------


def delete(register: Register, kind: str, row_id: int, with_tasks: bool) -> dict[str, Any]:
    """Delete a section (with its groups) or a group: with its tasks, or moving the tasks out
    (a group's tasks stay in its section; a section's tasks become loose tasks where the
    section was, see _move_out). Return the snapshot restore() puts back ("moved": the tasks
    moved out, in order)."""
    table, _, what = _kind(kind)
    with register.transaction() as db:
        row = _row(db, table, row_id, what.capitalize())
        column = "section_id" if kind == "section" else "group_id"
        groups = list(db.query("SELECT * FROM task_groups WHERE section_id = ?", [row_id])) if (
            kind == "section") else []
        tasks = list(db.query(f"SELECT * FROM tasks WHERE {column} = ?", [row_id]))  # noqa: S608
        ids = [t["id"] for t in tasks]
        marks = ",".join("?" * len(ids))
        snapshot = {"kind": kind, "row": row, "groups": groups, "tasks": tasks,
                    "with_tasks": with_tasks, "links": [], "progress": [], "moved": []}
        if with_tasks and ids:
            snapshot["links"] = list(db.query(
                f"SELECT * FROM task_units WHERE task_id IN ({marks})", ids))  # noqa: S608
            snapshot["progress"] = list(db.query(
                f"SELECT * FROM progress WHERE task_id IN ({marks})", ids))  # noqa: S608
            db.execute(f"DELETE FROM tasks WHERE id IN ({marks})", ids)  # noqa: S608
        elif ids and kind == "section":
            snapshot["moved"] = _move_out(db, row, ids)
        db.execute(f"DELETE FROM {table} WHERE id = ?", [row_id])  # noqa: S608
        if snapshot["moved"]:
            resequence(register, row["plan_id"])  # lists read tasks by position
        audit.record(db, "delete", kind, row_id, before={**row, "tasks": len(ids)})
    return snapshot


def _move_out(db: Database, section: dict[str, Any], ids: list[int]) -> list[int]:
    """Make a deleted section's tasks loose tasks where the section was: at the end of the
    section before it, or (the first section) after the tasks outside any section. Keep
    their appendix order; return their ids in that order."""
    previous = db.execute(
        "SELECT id FROM sections WHERE plan_id = ? AND (position, id) < (?, ?) "
        "ORDER BY position DESC, id DESC LIMIT 1",
        [section["plan_id"], section["position"], section["id"]]).fetchone()
    target = previous[0] if previous is not None else None
    start = max(
        _end(db, "SELECT max(position) FROM task_groups WHERE plan_id = ? AND section_id IS ?",
             [section["plan_id"], target]),
        _end(db, "SELECT max(position) FROM tasks WHERE plan_id = ? AND section_id IS ? "
                 "AND group_id IS NULL", [section["plan_id"], target]))
    marks = ",".join("?" * len(ids))
    ordered = [r[0] for r in db.execute(
        "SELECT t.id FROM tasks t LEFT JOIN task_groups g ON g.id = t.group_id "  # noqa: S608
        f"WHERE t.id IN ({marks}) ORDER BY coalesce(g.position, t.position), "
        "g.id IS NOT NULL, g.id, t.position, t.id", ids)]
    db.conn.executemany("UPDATE tasks SET section_id = ?, group_id = NULL, position = ? "
                        "WHERE id = ?", [(target, start + POSITION_STEP * i, task_id)
                                         for i, task_id in enumerate(ordered)])
    return ordered


def restore(register: Register, snapshot: dict[str, Any]) -> None:
    """Put back a section or group deleted by delete(), with the same ids and tasks."""
    kind = snapshot["kind"]
    table, _, _ = _kind(kind)
    with register.transaction() as db:
        db.table(table).insert(snapshot["row"])
        if snapshot["groups"]:
            db.table("task_groups").insert_all(snapshot["groups"])
        if snapshot["with_tasks"]:
            if snapshot["tasks"]:
                db.table("tasks").insert_all(snapshot["tasks"])
            if snapshot["links"]:
                db.table("task_units").insert_all(snapshot["links"])
            if snapshot["progress"]:
                db.table("progress").insert_all(snapshot["progress"])
        else:
            for task in snapshot["tasks"]:
                db.table("tasks").update(task["id"], {"section_id": task["section_id"],
                                                      "group_id": task["group_id"],
                                                      "position": task["position"]})
        if snapshot.get("moved"):
            resequence(register, snapshot["row"]["plan_id"])
        audit.record(db, "restore", kind, snapshot["row"]["id"], after=snapshot["row"])


# Numbering --------------------------------------------------------------------------------------


def keeps_numbers(register: Register, plan_id: int) -> bool:
    """Tell whether a plan keeps the TT numbers as printed (no renumbering): the officer's
    choice, else yes for an imported plan (its numbers are the printed document's) and no for
    a plan made in the app."""
    row = register.db.execute("SELECT value FROM settings WHERE key = ?",
                              [_KEEP.format(plan_id)]).fetchone()
    if row is not None:
        return bool(row[0] == "1")
    imported = register.db.execute(
        "SELECT 1 FROM plans WHERE id = ? AND (source_file != '' OR EXISTS (SELECT 1 FROM "
        "tasks WHERE plan_id = ? AND source_row IS NOT NULL))", [plan_id, plan_id]).fetchone()
    return imported is not None


def set_keep_numbers(register: Register, plan_id: int, keep: bool) -> bool:
    """Keep the printed numbers (True) or renumber on every change; return the old choice."""
    before = keeps_numbers(register, plan_id)
    with register.transaction() as db:
        db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                   [_KEEP.format(plan_id), "1" if keep else "0"])
        audit.record(db, "keep_numbers", "plan", plan_id, before=before, after=keep)
    return before


def numbering(register: Register, plan_id: int) -> dict[str, dict[int, str]]:
    """Return the numbers the plan's shape gives: {"sections"|"groups"|"tasks": {id: TT}}."""
    from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, appendix_rows

    found: dict[str, dict[int, str]] = {"sections": {}, "groups": {}, "tasks": {}}
    sections = block = inner = 0
    group_number = ""
    for row in appendix_rows(register, plan_id):
        if row.kind == KIND_SECTION:
            sections, block, group_number = sections + 1, 0, ""
            found["sections"][row.id] = roman(sections)
        elif row.kind == KIND_GROUP:
            block, inner = block + 1, 0
            group_number = str(block)
            found["groups"][row.id] = group_number
        elif row.group_id is not None and group_number:
            inner += 1
            found["tasks"][row.id] = f"{group_number}.{inner}"
        else:
            block += 1
            found["tasks"][row.id] = str(block)
    return found


_TABLES = {"sections": ("sections", "code"), "groups": ("task_groups", "number"),
           "tasks": ("tasks", "number")}


def renumber(register: Register, plan_id: int) -> dict[str, dict[int, str]]:
    """Write the numbers the shape gives (unless the plan keeps its printed numbers); return
    the previous numbers of the rows that changed (restore_numbers puts them back)."""
    if keeps_numbers(register, plan_id):
        return {}
    wanted = numbering(register, plan_id)
    before: dict[str, dict[int, str]] = {}
    with register.transaction() as db:
        for kind, numbers in wanted.items():
            table, column = _TABLES[kind]
            current = dict(db.execute(f"SELECT id, {column} FROM {table} "  # noqa: S608
                                      "WHERE plan_id = ?", [plan_id]).fetchall())
            changed = {i: n for i, n in numbers.items() if current.get(i) != n}
            if changed:
                before[kind] = {i: current[i] for i in changed}
                db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?",  # noqa: S608
                               [(n, i) for i, n in changed.items()])
        if before:
            audit.record(db, "renumber", "plan", plan_id, before=before, after=None)
    return before


def restore_numbers(register: Register, plan_id: int,
                    before: dict[str, dict[int, str]]) -> None:
    """Put back numbers saved by renumber()."""
    if not before:
        return
    with register.transaction() as db:
        for kind, numbers in before.items():
            table, column = _TABLES[kind]
            db.conn.executemany(f"UPDATE {table} SET {column} = ? WHERE id = ?",  # noqa: S608
                           [(n, int(i)) for i, n in numbers.items()])
        audit.record(db, "renumber", "plan", plan_id, before=None, after=before)
