"""Words for the values the audit trail logs as codes and ids.

The trail stores what the database holds: "not_started", "khac", section id 6, task id 47, a
renumbering as {"tasks": {"47": "1"}}. The officer reads the status label, the unit kind's
name, the section or group by its printed code and title, the task by its TT and content, and a
renumbering as "VI: 3 → 1; …". The names are looked up once per query, for the ids the
entries mention (a section or group deleted since is found in its own deletion entry).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.models import (
    INSPECTION_STATUSES,
    KINDS,
    REMEDY_STATUSES,
    ROLES,
    SCOPES,
)
from cchc_desktop.inspections.targets import COMPARATORS, SOURCES, UNITS
from cchc_desktop.plans.models import AREAS, UNIT_KINDS
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import STATUS_LABELS
from cchc_desktop.schedule.periods import parse_period_code

TASK_ROLES = {"lead": "Chủ trì", "partner": "Phối hợp"}
# Coded values by field, the same for every record kind…
_CODES: dict[str, Mapping[str, str]] = {
    "area": AREAS, "area_key": AREAS, "source": SOURCES, "comparator": COMPARATORS,
    "scope": SCOPES}
# …and by record kind and field.
_CODES_OF: dict[tuple[str, str], Mapping[str, str]] = {
    ("task", "status"): STATUS_LABELS, ("inspection", "status"): INSPECTION_STATUSES,
    ("remediation", "status"): REMEDY_STATUSES, ("unit", "kind"): UNIT_KINDS,
    ("inspection", "kind"): KINDS, ("inspection_plan", "kind"): KINDS,
    ("inspection_team", "role"): ROLES, ("task", "role"): TASK_ROLES,
    ("target", "unit"): UNITS}
_RENUMBERED = {"tasks": "task", "groups": "group", "sections": "section"}
_CHUNK = 500


@dataclass(frozen=True)
class Names:
    """Printed names of the sections, groups, tasks and units an entry may mention."""

    sections: Mapping[int, str] = field(default_factory=dict)  # "VI. CẢI CÁCH TÀI CHÍNH CÔNG"
    section_codes: Mapping[int, str] = field(default_factory=dict)  # "VI"
    groups: Mapping[int, str] = field(default_factory=dict)  # "1. Tổ chức các cuộc họp"
    group_places: Mapping[int, str] = field(default_factory=dict)  # "I/1"
    group_numbers: Mapping[int, str] = field(default_factory=dict)  # "1"
    tasks: Mapping[int, str] = field(default_factory=dict)  # "I/1.2 Tổ chức họp…"
    task_places: Mapping[int, str] = field(default_factory=dict)  # "I/1.2" (or "I")
    task_sections: Mapping[int, str] = field(default_factory=dict)  # "I"
    units: Mapping[int, str] = field(default_factory=dict)
    plans: Mapping[int, str] = field(default_factory=dict)

    def subject(self, entity: str, entity_id: int | None) -> str:
        """Return what an entry is about: a task's TT, a section's code, else the id."""
        if entity_id is None:
            return ""
        found = {"task": self.task_places, "section": self.section_codes,
                 "group": self.group_places, "unit": self.units,
                 "plan": self.plans}.get(entity, {})
        return found.get(entity_id) or str(entity_id)

    def title(self, entity: str, entity_id: int | None) -> str:
        """Return an entry's record in words ("I/1.2 Tổ chức họp…"), else "#id"."""
        if entity_id is None:
            return ""
        found = {"task": self.tasks, "section": self.sections, "group": self.groups,
                 "unit": self.units, "plan": self.plans}.get(entity, {})
        return found.get(entity_id) or f"số {entity_id}"

    def value(self, entity: str, key: str, value: Any) -> str | None:
        """Return a logged value in words, or None to show it as it is."""
        if value is None or isinstance(value, bool):
            return None
        if key in ("period", "period_code") and isinstance(value, str):
            try:
                return parse_period_code(value).title
            except (ValidationError, ValueError):
                return None
        ids: dict[str, Mapping[Any, str]] = {
            "section_id": self.sections, "group_id": self.groups,
            "reporting_unit_id": self.units}
        names: Mapping[Any, str] | None = (ids.get(key) or _CODES_OF.get((entity, key))
                                           or _CODES.get(key))
        if names is None:
            return None
        if isinstance(value, int | str) and value in names:
            return names[value]
        if key.endswith("_id") and isinstance(value, int):
            return f"(đã xóa, mã {value})"
        return None

    def renumbering(self, before: Any, after: Any) -> str | None:
        """Return a renumbering ({"tasks": {id: number}}) as "VI: 3 → 1; …", or None."""
        old = before if isinstance(before, dict) else {}
        new = after if isinstance(after, dict) else {}
        if not (old or new) or not set(old) | set(new) <= set(_RENUMBERED):
            return None
        parts = []
        for kind in [*old, *(k for k in new if k not in old)]:
            olds, news = old.get(kind) or {}, new.get(kind) or {}
            for key in [*olds, *(k for k in news if k not in olds)]:
                place = self._place(_RENUMBERED[kind], int(key))
                if key in olds:
                    was = olds[key] or "(trống)"
                    now = news.get(key, self._now(kind, int(key)))
                    moved = f"{was} → {now}" if now != olds[key] else f"{was} (đã trả lại)"
                else:
                    moved = f"trả về {news[key]}"
                parts.append(f"{place}: {moved}" if place else moved)
        return "; ".join(parts)

    def _place(self, entity: str, item: int) -> str:
        """Return where a renumbered row sits: a task's section code, "Nhóm" and a group's
        section code, "Lĩnh vực" for a section."""
        if entity == "task":
            return self.task_sections.get(item, "")
        if entity == "group":
            return " ".join(p for p in ("Nhóm", self.group_places.get(item, "")
                                        .rsplit("/", 1)[0]) if p)
        return "Lĩnh vực"

    def _now(self, kind: str, item: int) -> str:
        """Return the number a renumbered row has now (its TT, group number or code)."""
        if kind == "tasks":
            return self.task_places.get(item, "?").rsplit("/", 1)[-1]
        if kind == "groups":
            return self.group_numbers.get(item, "?")
        return self.section_codes.get(item, "?")


def _ids(values: Iterable[Any]) -> set[int]:
    """Return the integer ids among logged values (ints or digit strings)."""
    found = set()
    for value in values:
        if isinstance(value, int) and not isinstance(value, bool):
            found.add(value)
        elif isinstance(value, str) and value.isdigit():
            found.add(int(value))
    return found


def _rows(register: Register, sql: str, ids: set[int]) -> list[tuple[Any, ...]]:
    """Run a query whose "IN (…)" holds the ids, in chunks."""
    ordered = sorted(ids)
    rows: list[tuple[Any, ...]] = []
    for start in range(0, len(ordered), _CHUNK):
        chunk = ordered[start:start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows += register.db.execute(sql.format(marks), chunk).fetchall()
    return rows


def _clip(text: str, width: int = 60) -> str:
    """Shorten a task's content for a label."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _mentioned(entries: Iterable[tuple[str, int | None, Any, Any]]) -> dict[str, set[int]]:
    """Return the ids of sections, groups, tasks and units the entries mention."""
    wanted: dict[str, set[int]] = {"section": set(), "group": set(), "task": set(),
                                   "unit": set(), "plan": set()}
    for entity, entity_id, before, after in entries:
        if entity in wanted and entity_id is not None:
            wanted[entity].add(entity_id)
        for side in (before, after):
            if not isinstance(side, dict):
                continue
            wanted["section"] |= _ids([side.get("section_id")])
            wanted["group"] |= _ids([side.get("group_id")])
            wanted["unit"] |= _ids([side.get("reporting_unit_id")])
            for kind, entity_kind in _RENUMBERED.items():
                if isinstance(side.get(kind), dict):
                    wanted[entity_kind] |= _ids(side[kind])
    return wanted


def _deleted(register: Register, entity: str, ids: set[int]) -> dict[int, dict[str, Any]]:
    """Return the fields last logged (added, edited, deleted) of records deleted since."""
    found: dict[int, dict[str, Any]] = {}
    if not ids:
        return found
    rows = _rows(register, "SELECT entity_id, before, after FROM audit_log WHERE action IN "
                 "('add', 'edit', 'delete', 'rename', 'restore') "
                 f"AND entity = '{entity}' AND entity_id IN ({{}}) ORDER BY id", ids)
    for item, *sides in rows:
        for raw in sides:
            try:
                fields = json.loads(raw or "null")
            except ValueError:
                continue
            if isinstance(fields, dict):
                found.setdefault(int(item), {}).update(fields)
    return found


def _sections(register: Register, ids: set[int]) -> tuple[dict[int, str], dict[int, str]]:
    """Return section titles ("VI. …") and codes ("VI") by id."""
    rows = {int(i): (str(c or ""), str(t or "")) for i, c, t in _rows(
        register, "SELECT id, code, title FROM sections WHERE id IN ({})", ids)}
    for item, fields in _deleted(register, "section", ids - set(rows)).items():
        rows[item] = (str(fields.get("code") or ""), f"{fields.get('title') or ''} (đã xóa)")
    titles = {i: f"{c}. {t}" if c else t for i, (c, t) in rows.items()}
    return titles, {i: c for i, (c, _) in rows.items()}


def load_names(register: Register,
               entries: Iterable[tuple[str, int | None, Any, Any]]) -> Names:
    """Return the names of what the entries (entity, id, before, after) mention."""
    wanted = _mentioned(entries)
    tasks = _rows(register, "SELECT id, number, content, section_id, group_id FROM tasks "
                  "WHERE id IN ({})", wanted["task"])
    gone = _deleted(register, "task", wanted["task"] - {int(r[0]) for r in tasks})
    tasks += [(i, f.get("number") or "", f"{f.get('content') or ''} (đã xóa)",
               f.get("section_id"), f.get("group_id")) for i, f in gone.items()]
    groups = _rows(register, "SELECT id, number, title, section_id FROM task_groups "
                   "WHERE id IN ({})", wanted["group"] | {int(r[4]) for r in tasks if r[4]})
    deleted_groups = _deleted(register, "group", wanted["group"] - {int(r[0]) for r in groups})
    groups += [(i, f.get("number") or "", f"{f.get('title') or ''} (đã xóa)", f.get("section_id"))
               for i, f in deleted_groups.items()]
    section_ids = wanted["section"] | {int(r[3]) for r in [*tasks, *groups] if r[3]}
    sections, codes = _sections(register, section_ids)
    group_places = {int(i): "/".join(p for p in (codes.get(s or 0, ""), str(n or "")) if p)
                    for i, n, _, s in groups}
    task_sections = {int(i): codes.get(s or 0, "") for i, _, _, s, _ in tasks}
    task_places = {int(i): "/".join(p for p in (codes.get(s or 0, ""), str(n or "")) if p)
                   for i, n, _, s, _ in tasks}
    units = dict(_rows(register, "SELECT id, name FROM units WHERE id IN ({})", wanted["unit"]))
    plans = {int(i): str(n or t) for i, n, t in _rows(
        register, "SELECT id, number, title FROM plans WHERE id IN ({})", wanted["plan"])}
    return Names(
        sections=sections, section_codes=codes,
        groups={int(i): f"{n}. {t}" if n else str(t) for i, n, t, _ in groups},
        group_places=group_places, group_numbers={int(i): str(n or "") for i, n, _, _ in groups},
        tasks={int(i): f"{task_places[int(i)]} {_clip(str(c))}".strip()
               for i, _, c, _, _ in tasks},
        task_places=task_places, task_sections=task_sections,
        units={int(i): str(n) for i, n in units.items()}, plans=plans)
