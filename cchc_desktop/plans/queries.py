"""Read-side queries for views: the appendix as ordered rows, pages of rows, counts, search."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from cchc_desktop.register.connection import Register
from cchc_desktop.text.collation import sort_ids, vi_sort_key
from cchc_desktop.text.folding import search_fold

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


# Views of many rows: pages of tasks, search as you type, filters, sorting --------------------

_ROW_SQL = (
    "SELECT id, number, content, result, lead_text, partner_text, timeframe, "
    "budget_million_vnd, section_id, group_id, notes, due_override FROM tasks WHERE id IN ({})"
)
_PAGE = 500
SORT_COLUMNS = {
    "number": "position", "content": "content", "result": "result", "lead": "lead_text",
    "partner": "partner_text", "timeframe": "timeframe", "budget": "budget_million_vnd",
    "notes": "notes",
}


def task_rows(register: Register, ids: Sequence[int]) -> dict[int, AppendixRow]:
    """Return the rows of the given tasks by id (one page of a table; missing ids left out)."""
    found: dict[int, AppendixRow] = {}
    for start in range(0, len(ids), _PAGE):
        chunk = list(ids[start : start + _PAGE])
        sql = _ROW_SQL.format(",".join("?" * len(chunk)))
        for r in register.db.execute(sql, chunk):
            found[r[0]] = _task_row(r)
    return found


def typing_query(text: str) -> str:
    """Return the FTS5 query for search as you type ('' when there is nothing to search yet).

    Like fts_query, except that a last word of one letter waits for the next keystroke
    (it would match nearly every task) and a finished one-letter word must match exactly.
    """
    tokens = [t for t in search_fold(text).replace('"', " ").split() if t]
    finished = text[-1:].isspace()
    if tokens and not finished and len(tokens[-1]) < 2:
        tokens.pop()
        finished = True
    last = len(tokens) - 1
    return " ".join(
        f'"{t}"' if len(t) < 2 and (i < last or finished) else f'"{t}"*'
        for i, t in enumerate(tokens)
    )


def matching_ids(register: Register, query: str) -> set[int]:
    """Return the ids of tasks (any plan) matching an FTS5 query from typing_query."""
    sql = "SELECT group_concat(rowid) FROM tasks_fts WHERE tasks_fts MATCH ?"
    joined = register.db.execute(sql, [query]).fetchone()[0]
    return set(map(int, joined.split(","))) if joined else set()


def matching_ids_between(register: Register, query: str, low: int, high: int) -> set[int]:
    """Return the ids from `low` to `high` (task ids) of tasks matching an FTS5 query: FTS5
    seeks to the range, so the top of a big plan is searched without reading every match."""
    sql = ("SELECT group_concat(rowid) FROM tasks_fts WHERE tasks_fts MATCH ? "
           "AND rowid BETWEEN ? AND ?")
    joined = register.db.execute(sql, [query, low, high]).fetchone()[0]
    return set(map(int, joined.split(","))) if joined else set()


def plan_units(register: Register, plan_id: int) -> list[tuple[int, str]]:
    """Return (id, name) of the units named by the plan's tasks, in Vietnamese order."""
    sql = ("SELECT DISTINCT u.id, u.name FROM task_units tu JOIN tasks t ON t.id = tu.task_id "
           "JOIN units u ON u.id = tu.unit_id WHERE t.plan_id = ?")
    rows = {r[0]: r[1] for r in register.db.execute(sql, [plan_id])}
    return [(unit_id, rows[unit_id]) for unit_id in sort_ids(rows.items())]


def unit_task_ids(register: Register, plan_id: int, unit_id: int, role: str | None) -> set[int]:
    """Return the plan's tasks a unit leads or partners (role None: either)."""
    sql = ("SELECT tu.task_id FROM task_units tu JOIN tasks t ON t.id = tu.task_id "
           "WHERE tu.unit_id = ? AND t.plan_id = ?")
    params: list[Any] = [unit_id, plan_id]
    if role:
        sql += " AND tu.role = ?"
        params.append(role)
    return {r[0] for r in register.db.execute(sql, params)}


def sorted_task_ids(register: Register, plan_id: int, column: str,
                    descending: bool = False) -> list[int]:
    """Return the plan's task ids sorted by a column (Vietnamese order for text)."""
    name = SORT_COLUMNS[column]
    sql = f"SELECT id, {name} FROM tasks WHERE plan_id = ? ORDER BY position, id"
    rows = register.db.execute(sql, [plan_id]).fetchall()
    if name in ("position", "budget_million_vnd"):
        filled = [r for r in rows if r[1] is not None]
        filled.sort(key=lambda r: r[1], reverse=descending)
        return [r[0] for r in filled] + [r[0] for r in rows if r[1] is None]
    return sort_ids(rows, descending)


def unit_names(register: Register) -> list[str]:
    """Return every unit name, short name and alias (for autocomplete), in Vietnamese order."""
    names: set[str] = set()
    for name, short, aliases in register.db.execute(
            "SELECT name, short_name, aliases FROM units"):
        names.update(n for n in [name, short, *json.loads(aliases or "[]")] if n)
    return sorted(names, key=vi_sort_key)
