"""The demo register: the Thanh tra Đắk Nông 2021 plan, its units and some progress."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedGroup, ParsedSection, ParsedTask
from cchc_desktop.paths import resource_path
from cchc_desktop.plans import repository
from cchc_desktop.plans.importer import import_appendix
from cchc_desktop.plans.models import Agency, Plan, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import Register

DEMO_FILE = "ke-hoach-cchc-2021-thanh-tra-dak-nong.json"


def load_demo_data() -> dict[str, Any]:
    """Return the shipped demo data (agency, plan, units, appendix rows, progress)."""
    with resource_path("demo", DEMO_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def parsed_from_rows(rows: list[dict[str, Any]], file_name: str) -> ParsedAppendix:
    """Build a ParsedAppendix from ordered section/group/task rows."""
    parsed = ParsedAppendix(file_name=file_name, sheet="")
    for line, row in enumerate(rows, start=1):
        kind = row["kind"]
        if kind == "section":
            parsed.sections.append(ParsedSection(row["code"], row["title"], line))
        elif kind == "group":
            parsed.groups.append(ParsedGroup(row["section"], row["number"], row["title"], line))
        else:
            fields = {k: v for k, v in row.items() if k != "kind"}
            parsed.tasks.append(ParsedTask(**{k: v or "" for k, v in fields.items()
                                              if k != "budget_million_vnd"},
                                           budget_million_vnd=row.get("budget_million_vnd"),
                                           source_row=line))
    return parsed


def create_demo(register: Register, keep_agency: bool = False) -> int:
    """Fill a register with the demo plan (units first, so names match); return the plan id."""
    data = load_demo_data()
    if not keep_agency:
        with register.transaction() as db:
            repository.save_agency(db, Agency(**data["agency"]))
    existing = {u.name for u in repository.list_units(register.db)}
    for unit in data["units"]:
        if unit["name"] not in existing:
            add_unit(register, Unit(id=0, **unit))
    parsed = parsed_from_rows(data["rows"], DEMO_FILE)
    parsed.declared_total = data["declared_total_million_vnd"]
    parsed.amount_in_words = data["amount_in_words"]
    plan = Plan(id=0, **data["plan"])
    plan_id = import_appendix(register, parsed, plan)
    _add_progress(register, plan_id, data)
    from cchc_desktop.inspections.demo import add_inspection_demo

    add_inspection_demo(register)
    return plan_id


def _add_progress(register: Register, plan_id: int, data: dict[str, Any]) -> None:
    """Record the demo's progress entries (as the officer would have in 2021)."""
    sections = {s.id: s.code for s in repository.list_sections(register.db, plan_id)}
    tasks = {(sections.get(t.section_id or 0), t.number): t.id
             for t in repository.list_tasks(register.db, plan_id)}
    year = data["plan"]["year"]
    for item in data["progress"]:
        fields = {k: v for k, v in item.items() if k not in ("number", "section", "period")}
        task_id = tasks[(item["section"], item["number"])]
        record_progress(register, task_id, f"{year}-{item['period']}", ProgressInput(**fields),
                        today=date(year, 12, 31), officer=data["agency"]["officer_name"])
