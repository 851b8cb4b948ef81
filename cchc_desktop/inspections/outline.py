"""The đề cương (inspection outline): the register's editable template and each plan's copy.

An outline is an ordered list of lines: parts ("I. Tình hình triển khai…"), sections ("1. Cải
cách thể chế", each tied to an area) and checklist items. The register keeps one template
(seeded from resources/templates/de-cuong-kiem-tra.json, the Đắk Hà 2022 đề cương); a new
inspection plan copies it, and the plan's copy is then edited on its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.models import (
    LEVEL_ITEM,
    LEVEL_PART,
    LEVEL_SECTION,
    LEVELS,
    SCOPE_AGENCIES,
    SCOPE_ALL,
    SCOPE_COMMUNES,
    SCOPES,
    OutlineLine,
)
from cchc_desktop.inspections.rows import POSITION_STEP, fetch_one, from_row, required_text, to_row
from cchc_desktop.paths import resource_path
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register

TEMPLATE_FILE = "de-cuong-kiem-tra.json"
TEMPLATE_TABLE = "outline_lines"
PLAN_TABLE = "inspection_outline"


@dataclass
class OutlineSection:
    """Checklist items under one heading (a section, or a part with items of its own)."""

    heading: OutlineLine | None
    part: OutlineLine | None
    items: list[OutlineLine] = field(default_factory=list)

    @property
    def area(self) -> str | None:
        """Return the area (lĩnh vực) of the heading, if it has one."""
        return self.heading.area if self.heading else None


def load_template_file() -> dict[str, Any]:
    """Return the shipped đề cương (title, subtitle, lines) as read from its JSON file."""
    with resource_path("templates", TEMPLATE_FILE).open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def default_outline() -> list[OutlineLine]:
    """Return the shipped đề cương as lines (ids 0, positions in steps)."""
    lines = []
    for index, raw in enumerate(load_template_file()["lines"], start=1):
        lines.append(OutlineLine(id=0, level=raw["level"], text=raw["text"],
                                 number=raw.get("number", ""), hint=raw.get("hint", ""),
                                 area=raw.get("area"), position=index * POSITION_STEP,
                                 scope=raw.get("scope", SCOPE_ALL)))
    return lines


def scope_of_unit_kind(kind: str) -> str:
    """Return the đề cương scope of a unit kind: communes (xã, phường) or agencies (the rest)."""
    return SCOPE_COMMUNES if kind == SCOPE_COMMUNES else SCOPE_AGENCIES


def lines_for_scope(lines: list[OutlineLine], scope: str) -> list[OutlineLine]:
    """Return the lines asked of one kind of unit (all lines for SCOPE_ALL)."""
    if scope == SCOPE_ALL:
        return list(lines)
    return [line for line in lines if line.scope in (SCOPE_ALL, scope)]


def subtitle_for_scope(scope: str) -> str:
    """Return the đề cương's subtitle for a kind of unit ("(đối với các cơ quan, đơn vị; …)")."""
    data = load_template_file()
    return str(data.get("subtitles", {}).get(scope) or data["subtitle"])


def _scope(plan_id: int | None) -> tuple[str, str, list[Any]]:
    """Return the table, WHERE clause and parameters of the template or a plan's outline."""
    if plan_id is None:
        return TEMPLATE_TABLE, "1 = 1", []
    return PLAN_TABLE, "plan_id = ?", [plan_id]


def _read(db: Database, plan_id: int | None) -> list[OutlineLine]:
    """Return the lines of the template or of a plan's outline, in order."""
    table, where, params = _scope(plan_id)
    sql = f"SELECT * FROM {table} WHERE {where} ORDER BY position, id"
    return [from_row(OutlineLine, row) for row in db.query(sql, params)]


def outline_template(register: Register) -> list[OutlineLine]:
    """Return the register's đề cương template (seeded with the shipped one by the migration)."""
    return _read(register.db, None)


def plan_outline(register: Register, plan_id: int) -> list[OutlineLine]:
    """Return an inspection plan's own đề cương, in order."""
    return _read(register.db, plan_id)


def write_lines(db: Database, lines: list[OutlineLine], plan_id: int | None) -> None:
    """Insert lines into the template or a plan's outline, keeping their order."""
    table, _, _ = _scope(plan_id)
    columns = set(db.table(table).columns_dict)
    for index, line in enumerate(lines, start=1):
        row = to_row(replace(line, position=index * POSITION_STEP))
        if plan_id is not None:
            row["plan_id"] = plan_id
        db.table(table).insert({k: v for k, v in row.items() if k in columns})


def copy_template(db: Database, plan_id: int) -> None:
    """Give a new plan its own copy of the register's đề cương template."""
    write_lines(db, _read(db, None), plan_id)


def reset_template(register: Register) -> None:
    """Put the shipped đề cương back as the register's template."""
    with register.transaction() as db:
        before = _read(db, None)
        db.execute(f"DELETE FROM {TEMPLATE_TABLE}")
        write_lines(db, default_outline(), None)
        audit.record(db, "reset", "outline_template", None, before=before)


def validate_line(line: OutlineLine) -> OutlineLine:
    """Refuse a line with no text, an unknown level or an unknown area; tidy its text."""
    if line.level not in LEVELS:
        raise ValidationError(f"Cấp dòng đề cương “{line.level}” không hợp lệ.")
    text = required_text(line.text, "Nội dung dòng đề cương không được để trống.")
    if line.area is not None and line.area not in AREAS:
        raise ValidationError(f"Lĩnh vực “{line.area}” không hợp lệ.")
    if line.scope not in SCOPES:
        raise ValidationError(f"Phạm vi áp dụng “{line.scope}” không hợp lệ.")
    area = line.area if line.level == LEVEL_SECTION else None
    return replace(line, text=text, number=line.number.strip(), hint=line.hint.strip(), area=area)


def _get(db: Database, line_id: int, plan_id: int | None) -> OutlineLine:
    """Return one line of the template or a plan's outline."""
    table, where, params = _scope(plan_id)
    row = fetch_one(db, f"SELECT * FROM {table} WHERE id = ? AND {where}",
                    [line_id, *params], f"dòng đề cương có mã {line_id}")
    return from_row(OutlineLine, row)


def _position_after(db: Database, plan_id: int | None, after_id: int | None) -> int:
    """Return a position right after a line (shifting later lines) or at the end."""
    table, where, params = _scope(plan_id)
    if after_id is None:
        row = next(iter(db.query(f"SELECT max(position) AS m FROM {table} WHERE {where}", params)))
        return int(row["m"] or 0) + POSITION_STEP
    after = _get(db, after_id, plan_id)
    db.execute(f"UPDATE {table} SET position = position + ? WHERE {where} AND position > ?",
               [POSITION_STEP, *params, after.position])
    return after.position + 1


def add_line(register: Register, line: OutlineLine, plan_id: int | None = None,
             after_id: int | None = None) -> int:
    """Add a line to the template (plan_id None) or a plan's đề cương; return its id."""
    line = validate_line(line)
    with register.transaction() as db:
        table, _, _ = _scope(plan_id)
        row = to_row(replace(line, position=_position_after(db, plan_id, after_id)))
        if plan_id is not None:
            row["plan_id"] = plan_id
        line_id = int(db.table(table).insert(row).last_pk or 0)
        audit.record(db, "add", table, line_id, after={**row, "id": line_id})
    return line_id


def update_line(register: Register, line: OutlineLine, plan_id: int | None = None) -> OutlineLine:
    """Edit a line's level, number, text, hint or area; return the previous version."""
    line = validate_line(line)
    with register.transaction() as db:
        table, _, _ = _scope(plan_id)
        before = _get(db, line.id, plan_id)
        db.table(table).update(line.id, to_row(replace(line, position=before.position)))
        audit.record(db, "edit", table, line.id, before=before, after=line)
    return before


def delete_line(register: Register, line_id: int, plan_id: int | None = None) -> None:
    """Delete a line; refuse a plan's item that already has results recorded for a unit."""
    with register.transaction() as db:
        table, _, _ = _scope(plan_id)
        before = _get(db, line_id, plan_id)
        if plan_id is not None:
            used = next(iter(db.query(
                "SELECT count(*) AS n FROM inspection_answers WHERE line_id = ? "
                "AND (answer != '' OR note != '')", [line_id])))["n"]
            if used:
                raise ValidationError(
                    f"Nội dung “{before.text[:60]}” đã có kết quả kiểm tra ở {used} đơn vị; "
                    "không thể xóa.")
        db.execute(f"DELETE FROM {table} WHERE id = ?", [line_id])
        audit.record(db, "delete", table, line_id, before=before)


def move_line(register: Register, line_id: int, offset: int, plan_id: int | None = None) -> bool:
    """Swap a line with the one above (offset -1) or below (+1); False at an edge."""
    with register.transaction() as db:
        table, where, params = _scope(plan_id)
        line = _get(db, line_id, plan_id)
        op, order = ("<", "DESC") if offset < 0 else (">", "ASC")
        rows = list(db.query(
            f"SELECT id, position FROM {table} WHERE {where} AND position {op} ? "
            f"ORDER BY position {order} LIMIT 1", [*params, line.position]))
        if not rows:
            return False
        other = rows[0]
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [other["position"], line_id])
        db.execute(f"UPDATE {table} SET position = ? WHERE id = ?", [line.position, other["id"]])
        audit.record(db, "move", table, line_id, before=line.position, after=other["position"])
    return True


def sections_of(lines: list[OutlineLine]) -> list[OutlineSection]:
    """Group checklist items under their heading (the nearest section, or part above them)."""
    groups: list[OutlineSection] = []
    part: OutlineLine | None = None
    for line in lines:
        if line.level == LEVEL_PART:
            part = line
            groups.append(OutlineSection(heading=None, part=part))
        elif line.level == LEVEL_SECTION:
            groups.append(OutlineSection(heading=line, part=part))
        elif line.level == LEVEL_ITEM:
            if not groups:
                groups.append(OutlineSection(heading=None, part=None))
            groups[-1].items.append(line)
    return [g for g in groups if g.items or g.heading]


def item_areas(lines: list[OutlineLine]) -> dict[int, str | None]:
    """Return the area of each checklist item (that of the section it sits in)."""
    return {item.id: group.area for group in sections_of(lines) for item in group.items}
