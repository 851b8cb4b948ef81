"""Write a parsed appendix into the register as a new plan, in one transaction."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from cchc_desktop import audit, repository
from cchc_desktop.db import Register
from cchc_desktop.excel.appendix import ParsedAppendix, ParsedTask
from cchc_desktop.models import ROLE_LEAD, ROLE_PARTNER, Group, Plan, Section
from cchc_desktop.task_text import ImportCancelled, area_of
from cchc_desktop.units import UnitIndex, resolve_names, split_unit_names
from cchc_desktop.vietnamese import fold

# Called with (tasks written, tasks in all); returning False cancels the import.
ProgressCallback = Callable[[int, int], bool]
CHUNK = 500
STEP = 10


@dataclass
class _Layout:
    """Ids of the sections and groups written so far, by their printed codes."""

    sections: dict[str, int]
    groups: dict[tuple[str | None, str], int]


def plan_from_hints(parsed: ParsedAppendix) -> Plan:
    """Return the plan record an import creates, from what the title rows said."""
    hints = parsed.hints
    title = hints.title or f"Kế hoạch nhập từ {Path(parsed.file_name).name}"
    return Plan(
        id=0,
        title=title,
        number=hints.number,
        issued_on=hints.issued_on,
        issuer=hints.issuer,
        year=hints.year,
        source_file=Path(parsed.file_name).name,
    )


def _write_layout(db: Database, plan_id: int, parsed: ParsedAppendix) -> _Layout:
    """Write the sections and groups, positioned by their source rows."""
    layout = _Layout({}, {})
    for section in parsed.sections:
        layout.sections[section.code] = repository.insert_section(db, Section(
            0, plan_id, section.code, section.title, area_of(section.title),
            section.source_row * STEP))
    for group in parsed.groups:
        section_id = layout.sections.get(group.section) if group.section else None
        layout.groups[(group.section, group.number)] = repository.insert_group(db, Group(
            0, plan_id, section_id, group.number, group.title, group.source_row * STEP))
    return layout


def _task_row(task: ParsedTask, task_id: int, plan_id: int, layout: _Layout) -> dict[str, Any]:
    """Return the tasks-table row of one parsed task."""
    parts = [task.number, task.content, task.result, task.lead_units, task.partner_units]
    return {
        "id": task_id,
        "plan_id": plan_id,
        "section_id": layout.sections.get(task.section) if task.section else None,
        "group_id": layout.groups.get((task.section, task.group)) if task.group else None,
        "number": task.number,
        "content": task.content,
        "result": task.result,
        "lead_text": task.lead_units,
        "partner_text": task.partner_units,
        "timeframe": task.timeframe,
        "budget_million_vnd": task.budget_million_vnd,
        "notes": task.notes,
        "position": task.source_row * STEP,
        "source_row": task.source_row,
        "search_text": fold(" ".join([*parts, task.timeframe, task.notes])),
    }


def _link_rows(
    db: Database, index: UnitIndex, task: ParsedTask, task_id: int, cache: dict[str, list[int]]
) -> list[dict[str, Any]]:
    """Return the task_units rows of one task (unit names resolved once per distinct text)."""
    rows = []
    for role, text in ((ROLE_LEAD, task.lead_units), (ROLE_PARTNER, task.partner_units)):
        if not text:
            continue
        if text not in cache:
            cache[text] = resolve_names(db, index, split_unit_names(text))
        for unit_id in cache[text]:
            rows.append({"task_id": task_id, "unit_id": unit_id, "role": role,
                         "original_text": text})
    return rows


def _write_tasks(
    db: Database, plan_id: int, parsed: ParsedAppendix, layout: _Layout,
    progress: ProgressCallback | None,
) -> None:
    """Write tasks and unit links in chunks, reporting progress; raise if cancelled."""
    first_id = int(next(iter(db.query("SELECT coalesce(max(id), 0) + 1 AS n FROM tasks")))["n"])
    index = UnitIndex(db)
    cache: dict[str, list[int]] = {}
    total = len(parsed.tasks)
    for start in range(0, total, CHUNK):
        chunk = parsed.tasks[start : start + CHUNK]
        rows, links = [], []
        for offset, task in enumerate(chunk):
            task_id = first_id + start + offset
            rows.append(_task_row(task, task_id, plan_id, layout))
            links += _link_rows(db, index, task, task_id, cache)
        db.table("tasks").insert_all(rows, batch_size=CHUNK)
        if links:
            db.table("task_units").insert_all(links, batch_size=CHUNK * 4, ignore=True)
        if progress is not None and not progress(start + len(chunk), total):
            raise ImportCancelled("Đã hủy nhập phụ lục; sổ không thay đổi.")


def import_appendix(
    register: Register,
    parsed: ParsedAppendix,
    plan: Plan | None = None,
    progress: ProgressCallback | None = None,
) -> int:
    """Create a plan from a parsed appendix in one transaction; return the plan id."""
    plan = plan or plan_from_hints(parsed)
    with register.transaction() as db:
        plan_id = repository.insert_plan(db, plan)
        layout = _write_layout(db, plan_id, parsed)
        _write_tasks(db, plan_id, parsed, layout, progress)
        summary = {"file": parsed.file_name, "sheet": parsed.sheet, "tasks": len(parsed.tasks),
                   "sections": len(parsed.sections), "groups": len(parsed.groups)}
        audit.record(db, "import", "plan", plan_id, after=summary)
    return plan_id
