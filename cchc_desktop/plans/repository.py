"""Rows <-> dataclasses. No business rules here: services decide, this maps."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from functools import cache
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import NotFoundError
from cchc_desktop.plans.models import Agency, Group, Period, Plan, Progress, Section, Task, Unit

_JSON_LIST_FIELDS = {"bases", "recipients", "aliases"}


def _to_row(record: Any, skip_id: bool = True) -> dict[str, Any]:
    """Turn a dataclass into a row dict, JSON-encoding list fields."""
    row = asdict(record)
    if skip_id:
        row.pop("id", None)
    for key in _JSON_LIST_FIELDS & row.keys():
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


@cache
def _field_names(cls: Any) -> frozenset[str]:
    """Return the field names of a dataclass (read once per class)."""
    return frozenset(f.name for f in fields(cls))


def _from_row(cls: Any, row: dict[str, Any]) -> Any:
    """Build a dataclass from a row dict, ignoring extra columns, decoding list fields."""
    names = _field_names(cls)
    data = {key: value for key, value in row.items() if key in names}
    for key in _JSON_LIST_FIELDS & data.keys():
        data[key] = json.loads(data[key] or "[]")
    if "confirmed" in data:
        data["confirmed"] = bool(data["confirmed"])
    return cls(**data)


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert a row and return its id."""
    return int(db.table(table).insert(row).last_pk or 0)


def _get(db: Database, table: str, row_id: int, what: str) -> dict[str, Any]:
    """Fetch one row by id or raise NotFoundError naming what was looked for."""
    rows = list(db.query(f"SELECT * FROM {table} WHERE id = ?", [row_id]))
    if not rows:
        raise NotFoundError(f"Không tìm thấy {what} có mã {row_id}.")
    return rows[0]


# Agency -------------------------------------------------------------------------------------


def get_agency(db: Database) -> Agency:
    """Return the agency settings (one row)."""
    row = next(iter(db.query("SELECT * FROM agency WHERE id = 1")))
    agency: Agency = _from_row(Agency, row)
    return agency


def save_agency(db: Database, agency: Agency) -> None:
    """Write the agency settings."""
    db.table("agency").update(1, asdict(agency))


# Units --------------------------------------------------------------------------------------


def list_units(db: Database) -> list[Unit]:
    """Return every unit in the directory."""
    return [_from_row(Unit, r) for r in db.query("SELECT * FROM units ORDER BY name")]


def get_unit(db: Database, unit_id: int) -> Unit:
    """Return one unit."""
    unit: Unit = _from_row(Unit, _get(db, "units", unit_id, "đơn vị"))
    return unit


def insert_unit(db: Database, unit: Unit, folded: str) -> int:
    """Insert a unit and return its id."""
    row = _to_row(unit)
    row["folded"] = folded
    row["confirmed"] = int(unit.confirmed)
    return _insert(db, "units", row)


def update_unit(db: Database, unit: Unit, folded: str) -> None:
    """Write a unit's fields."""
    row = _to_row(unit)
    row["folded"] = folded
    row["confirmed"] = int(unit.confirmed)
    db.table("units").update(unit.id, row)


# Plans --------------------------------------------------------------------------------------


def list_plans(db: Database) -> list[Plan]:
    """Return every plan, most recently opened first."""
    sql = "SELECT * FROM plans ORDER BY opened_at DESC, id DESC"
    return [_from_row(Plan, r) for r in db.query(sql)]


def get_plan(db: Database, plan_id: int) -> Plan:
    """Return one plan."""
    plan: Plan = _from_row(Plan, _get(db, "plans", plan_id, "kế hoạch"))
    return plan


def insert_plan(db: Database, plan: Plan) -> int:
    """Insert a plan and return its id."""
    return _insert(db, "plans", _to_row(plan))


def plan_values(plan: Plan) -> dict[str, Any]:
    """Return the column values of a plan (without its id)."""
    return _to_row(plan)


def update_plan(db: Database, plan: Plan) -> None:
    """Write a plan's fields."""
    db.table("plans").update(plan.id, _to_row(plan))


# Sections, groups, tasks ----------------------------------------------------------------------


def list_sections(db: Database, plan_id: int) -> list[Section]:
    """Return a plan's sections in order."""
    sql = "SELECT * FROM sections WHERE plan_id = ? ORDER BY position, id"
    return [_from_row(Section, r) for r in db.query(sql, [plan_id])]


def list_groups(db: Database, plan_id: int) -> list[Group]:
    """Return a plan's groups in order."""
    sql = "SELECT * FROM task_groups WHERE plan_id = ? ORDER BY position, id"
    return [_from_row(Group, r) for r in db.query(sql, [plan_id])]


def insert_section(db: Database, section: Section) -> int:
    """Insert a section and return its id."""
    return _insert(db, "sections", _to_row(section))


def insert_group(db: Database, group: Group) -> int:
    """Insert a group and return its id."""
    return _insert(db, "task_groups", _to_row(group))


def get_task(db: Database, task_id: int) -> Task:
    """Return one task."""
    task: Task = _from_row(Task, _get(db, "tasks", task_id, "nhiệm vụ"))
    return task


def list_tasks(db: Database, plan_id: int) -> list[Task]:
    """Return a plan's tasks in appendix order."""
    names = [f.name for f in fields(Task)]  # not the search text: only what a Task holds
    sql = f"SELECT {', '.join(names)} FROM tasks WHERE plan_id = ? ORDER BY position, id"  # noqa: S608
    rows = db.execute(sql, [plan_id])  # tuples, not dicts: 100,000 tasks in half the time
    return [Task(*row) for row in rows]


def task_values(task: Task, search_text: str) -> dict[str, Any]:
    """Return the column values of a task for insert or update."""
    row = _to_row(task)
    row["search_text"] = search_text
    return row


def get_period(db: Database, period_id: int) -> Period:
    """Return one reporting period."""
    period: Period = _from_row(Period, _get(db, "periods", period_id, "kỳ báo cáo"))
    return period


def list_periods(db: Database) -> list[Period]:
    """Return every reporting period, oldest first."""
    sql = "SELECT * FROM periods ORDER BY year, start"
    return [_from_row(Period, r) for r in db.query(sql)]


def progress_for_task(db: Database, task_id: int) -> list[Progress]:
    """Return a task's progress entries, oldest period first."""
    sql = (
        "SELECT p.* FROM progress p JOIN periods pe ON pe.id = p.period_id "
        "WHERE p.task_id = ? ORDER BY pe.year, pe.start"
    )
    return [_from_row(Progress, r) for r in db.query(sql, [task_id])]
