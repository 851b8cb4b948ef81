"""Read-side queries for views: the appendix as ordered rows, counts, search."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc_desktop.db import Register
from cchc_desktop.vietnamese import search_fold

KIND_SECTION = "section"
KIND_GROUP = "group"
KIND_TASK = "task"


@dataclass(slots=True)
class AppendixRow:
    """One row of the appendix as shown: a section, a group or a task with its columns."""

    kind: str
    id: int
    number: str
    content: str
    result: str = ""
    lead: str = ""
    partner: str = ""
    timeframe: str = ""
    budget: float | None = None
    section_id: int | None = None
    group_id: int | None = None
    notes: str = ""
    due_override: str | None = None


_TASK_SQL = (
    "SELECT id, number, content, result, lead_text, partner_text, timeframe, "
    "budget_million_vnd, section_id, group_id, notes, due_override, position "
    "FROM tasks WHERE plan_id = ? ORDER BY position, id"
)


def _task_row(r: tuple[Any, ...]) -> AppendixRow:
    """Build a task row from a tasks query tuple."""
    return AppendixRow(KIND_TASK, r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9],
                       r[10], r[11])


def appendix_rows(register: Register, plan_id: int) -> list[AppendixRow]:
    """Return the plan as the appendix prints it: sections, groups and tasks in order."""
    db = register.db
    sections = db.execute(
        "SELECT id, code, title FROM sections WHERE plan_id = ? ORDER BY position, id", [plan_id]
    ).fetchall()
    groups = db.execute(
        "SELECT id, number, title, section_id, position FROM task_groups "
        "WHERE plan_id = ? ORDER BY position, id", [plan_id]
    ).fetchall()
    in_group: dict[int, list[AppendixRow]] = {g[0]: [] for g in groups}
    items: dict[int | None, list[tuple[int, list[AppendixRow]]]] = {None: []}
    items.update({s[0]: [] for s in sections})
    for r in db.execute(_TASK_SQL, [plan_id]):
        row = _task_row(r)
        if row.group_id in in_group:
            in_group[row.group_id].append(row)
        else:
            items.setdefault(row.section_id, []).append((r[12], [row]))
    for g in groups:
        header = AppendixRow(KIND_GROUP, g[0], g[1], g[2], section_id=g[3])
        items.setdefault(g[3], []).append((g[4], [header, *in_group[g[0]]]))
    out: list[AppendixRow] = []
    for section_id in [None, *[s[0] for s in sections]]:
        if section_id is not None:
            s = next(x for x in sections if x[0] == section_id)
            out.append(AppendixRow(KIND_SECTION, s[0], s[1], s[2], section_id=s[0]))
        for _, block in sorted(items.get(section_id, []), key=lambda item: item[0]):
            out.extend(block)
    return out


def fts_query(text: str) -> str:
    """Turn what the officer typed into a safe FTS5 prefix query over folded text."""
    tokens = [t for t in search_fold(text).replace('"', " ").split() if t]
    return " ".join(f'"{token}"*' for token in tokens)


def search_task_ids(register: Register, plan_id: int, text: str) -> set[int]:
    """Return ids of the plan's tasks matching the typed text (diacritic-insensitive)."""
    query = fts_query(text)
    if not query:
        return set()
    sql = (
        "SELECT t.id FROM tasks_fts f JOIN tasks t ON t.id = f.rowid "
        "WHERE tasks_fts MATCH ? AND t.plan_id = ?"
    )
    return {row[0] for row in register.db.execute(sql, [query, plan_id])}


def plan_counts(register: Register, plan_id: int) -> dict[str, int]:
    """Return counts for the status bar: tasks, sections, groups."""
    db = register.db
    def one(sql: str) -> int:
        return int(db.execute(sql, [plan_id]).fetchone()[0])
    return {
        "tasks": one("SELECT count(*) FROM tasks WHERE plan_id = ?"),
        "sections": one("SELECT count(*) FROM sections WHERE plan_id = ?"),
        "groups": one("SELECT count(*) FROM task_groups WHERE plan_id = ?"),
    }
