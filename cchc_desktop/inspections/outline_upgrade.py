"""Bring an older register's đề cương up to the shipped one (migration 0012_outline_scope).

The đề cương shipped before 0012 lacked "Cải cách tổ chức bộ máy" (one of the six areas of
Nghị quyết 76/NQ-CP) and spoke of "xã, thị trấn" in lines asked of every unit. The register's
template and every plan not yet issued (no number) gain the missing section before "Cải cách
chế độ công vụ" and have their commune-only lines marked; an issued plan keeps what was signed.
"""

from __future__ import annotations

from sqlite_utils import Database

from cchc_desktop.inspections.models import LEVEL_SECTION, SCOPE_COMMUNES, OutlineLine
from cchc_desktop.inspections.outline import default_outline
from cchc_desktop.inspections.rows import POSITION_STEP, from_row, to_row
from cchc_desktop.text.folding import fold

ORGANISATION = "organisation"
_RENAMED = {
    "xa, thi tran ban hanh de cu the hoa": ("của cơ quan, đơn vị, xã, thị trấn ban hành",
                                            "của cơ quan, đơn vị, địa phương"),
}
_COMMUNE_WORDS = ("ho ngheo", "ngan sach cap xa")


def _lines(db: Database, table: str, plan_id: int | None) -> list[OutlineLine]:
    """Return the lines of the template (plan_id None) or of one plan, in order."""
    where, params = ("plan_id = ?", [plan_id]) if plan_id is not None else ("1 = 1", [])
    sql = f"SELECT * FROM {table} WHERE {where} ORDER BY position, id"
    return [from_row(OutlineLine, row) for row in db.query(sql, params)]


def _shipped_section(area: str) -> list[OutlineLine]:
    """Return a shipped section's heading with its items."""
    lines = default_outline()
    start = next(i for i, line in enumerate(lines) if line.area == area)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].level != "item"),
               len(lines))
    return lines[start:end]


def _add_organisation(db: Database, table: str, plan_id: int | None,
                      lines: list[OutlineLine]) -> None:
    """Insert "Cải cách tổ chức bộ máy" before the civil-service section (or at the end)."""
    if any(line.area == ORGANISATION for line in lines):
        return
    sections = [line for line in lines if line.level == LEVEL_SECTION]
    before = next((s for s in sections if s.area == "civil_service"), None)
    new = _shipped_section(ORGANISATION)
    where, params = ("plan_id = ?", [plan_id]) if plan_id is not None else ("1 = 1", [])
    if before is None:
        start = max((line.position for line in lines), default=0) + POSITION_STEP
    else:
        start = before.position
        db.execute(f"UPDATE {table} SET position = position + ? WHERE {where} AND position >= ?",
                   [len(new) * POSITION_STEP, *params, start])
        _renumber_after(db, table, sections, before)
        new[0].number = before.number
    for offset, line in enumerate(new):
        row = to_row(line)
        row["position"] = start + offset * POSITION_STEP
        if plan_id is not None:
            row["plan_id"] = plan_id
        db.table(table).insert(row)


def _renumber_after(db: Database, table: str, sections: list[OutlineLine],
                    first: OutlineLine) -> None:
    """Add one to the plain numbers of the sections from `first` on."""
    for section in sections[sections.index(first):]:
        if section.number.isdigit():
            db.execute(f"UPDATE {table} SET number = ? WHERE id = ?",
                       [str(int(section.number) + 1), section.id])


def _mark_and_reword(db: Database, table: str, lines: list[OutlineLine]) -> None:
    """Mark commune-only lines and reword the lines that named "xã, thị trấn" for all units."""
    for line in lines:
        folded = fold(line.text)
        if any(word in folded for word in _COMMUNE_WORDS):
            db.execute(f"UPDATE {table} SET scope = ? WHERE id = ?", [SCOPE_COMMUNES, line.id])
            continue
        for key, (old, new) in _RENAMED.items():
            if key in folded and old in line.text:
                db.execute(f"UPDATE {table} SET text = ? WHERE id = ?",
                           [line.text.replace(old, new), line.id])


def upgrade_outline(db: Database, table: str, plan_id: int | None) -> None:
    """Bring the template (plan_id None) or one plan's đề cương up to the shipped one."""
    _mark_and_reword(db, table, _lines(db, table, plan_id))
    _add_organisation(db, table, plan_id, _lines(db, table, plan_id))


def upgrade_all(db: Database) -> None:
    """Upgrade the template and the đề cương of every plan not yet issued."""
    upgrade_outline(db, "outline_lines", None)
    for row in db.query("SELECT id FROM inspection_plans WHERE trim(number) = ''"):
        upgrade_outline(db, "inspection_outline", int(row["id"]))
