"""Tasks moved between groups and sections: Alt+↑/↓ across a group's edge, drag and drop.

A task sits in a container: a group, or the tasks outside groups (loose tasks) of a section (or
of the part above the first section). A group's tasks are ordered among themselves by
position; a section's loose tasks are ordered together with the section's groups (the order
queries.appendix_rows and outline.load_outline print). A Place names a container and a spot in
it. move_tasks() writes tasks into a Place in ONE transaction with an audit entry per task and
the TT renumbered (unless the plan keeps its printed numbers), and returns the snapshot that
restore() puts back exactly — groups, order and numbers.

step_place() is Alt+↑/↓ as in a Word or Excel outline: a task swaps with its neighbour inside
its container; at the container's edge it goes to the end of the container above (the previous
group, the loose tasks just above the group, the previous section's last group or loose tasks)
or to the start of the one below; only at the very top or bottom of the plan is there nowhere
to go (None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import structure
from cchc_desktop.plans.outline import load_outline
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register

STEP = 10  # as services.POSITION_STEP
TASK, GROUP = 0, 1
Element = tuple[int, int, int]  # (position, TASK|GROUP, id): the order the appendix prints
_GONE = "Chỗ chuyển tới không còn trong kế hoạch (có thể vừa bị xóa)."


@dataclass(frozen=True)
class Place:
    """Where moved tasks go: a group (group_id), or the loose tasks of a section (group_id
    None; section_id None is the part above the first section), and the spot: before or after
    a task, before a group (loose tasks only), at the start, or (nothing given) at the end."""

    section_id: int | None
    group_id: int | None = None
    before_task: int | None = None
    after_task: int | None = None
    before_group: int | None = None
    start: bool = False


def place_by_task(register: Register, task_id: int, after: bool) -> Place:
    """Return the place right before (or after) a task, in its group or section."""
    row = register.db.execute("SELECT section_id, group_id FROM tasks WHERE id = ?",
                              [task_id]).fetchone()
    if row is None:
        raise ValidationError(_GONE)
    if after:
        return Place(row[0], row[1], after_task=task_id)
    return Place(row[0], row[1], before_task=task_id)


# Containers -----------------------------------------------------------------------------------


def _space(db: Database, plan_id: int, section_id: int | None,
           group_id: int | None) -> list[Element]:
    """Return a container's elements in printed order: a group's tasks, or a section's loose
    tasks and groups together (at equal positions loose tasks come first, as printed)."""
    if group_id is not None:
        rows = db.execute("SELECT position, 0, id FROM tasks WHERE plan_id = ? AND group_id = ?",
                          [plan_id, group_id]).fetchall()
    else:
        rows = db.execute(
            "SELECT position, 0, id FROM tasks WHERE plan_id = ? AND section_id IS ? AND "
            "group_id IS NULL UNION ALL SELECT position, 1, id FROM task_groups "
            "WHERE plan_id = ? AND section_id IS ?",
            [plan_id, section_id, plan_id, section_id]).fetchall()
    return sorted((int(p), int(k), int(i)) for p, k, i in rows)


def _find(space: list[Element], kind: int, row_id: int) -> int:
    """Return the index of a task or group in a container, or refuse."""
    for index, (_, found_kind, found_id) in enumerate(space):
        if found_kind == kind and found_id == row_id:
            return index
    raise ValidationError(_GONE)


def _moving(element: Element, moving: set[int]) -> bool:
    """Tell whether an element is one of the tasks being moved."""
    return element[1] == TASK and element[2] in moving


def _index(space: list[Element], place: Place, moving: set[int]) -> int:
    """Return the index in the container where the moved tasks go (moved tasks counted)."""
    if place.before_task is not None:
        index = _find(space, TASK, place.before_task)
    elif place.after_task is not None:
        index = _find(space, TASK, place.after_task) + 1
    elif place.before_group is not None:
        return _find(space, GROUP, place.before_group)
    elif place.start:
        index = 0
    else:
        return len(space)
    while index < len(space) and _moving(space[index], moving):
        index += 1  # "before a moved task" means before the next one that stays
    return index


def _container(db: Database, plan_id: int, place: Place) -> tuple[int | None, int | None]:
    """Check that a place's group or section is in the plan; return (section, group)."""
    if place.group_id is not None:
        row = db.execute("SELECT section_id FROM task_groups WHERE id = ? AND plan_id = ?",
                         [place.group_id, plan_id]).fetchone()
        if row is None:
            raise ValidationError(_GONE)
        return row[0], place.group_id
    if place.section_id is not None and db.execute(
            "SELECT 1 FROM sections WHERE id = ? AND plan_id = ?",
            [place.section_id, plan_id]).fetchone() is None:
        raise ValidationError(_GONE)
    return place.section_id, None


# Positions --------------------------------------------------------------------------------------


def _floor(db: Database, plan_id: int, group_id: int | None, high: int | None,
           count: int) -> int:
    """Return a position to count from when nothing in the container is above the spot: the
    group's own position, else just below the next element, else after every task."""
    if group_id is not None:
        own = int(db.execute("SELECT position FROM task_groups WHERE id = ?",
                             [group_id]).fetchone()[0])
        if high is None or own < high:
            return own
    if high is not None:
        return high - STEP * (count + 1)
    found = db.execute("SELECT max(position) FROM tasks WHERE plan_id = ?", [plan_id]).fetchone()
    return int(found[0] or 0)


def _positions(db: Database, plan_id: int, group_id: int | None, kept: list[Element],
               index: int, count: int) -> tuple[list[int], dict[str, Any]]:
    """Return positions for `count` tasks at kept[index] and what was done to make room:
    {"shift": [from, by]} (every task and group from a position on moved down), or
    {"rewritten": {...}} (the container's old positions, when equal positions leave no room)."""
    high = kept[index][0] if index < len(kept) else None
    low = kept[index - 1][0] if index > 0 else _floor(db, plan_id, group_id, high, count)
    if high is None:
        return [low + STEP * (n + 1) for n in range(count)], {}
    if high - low > count:
        return [low + (high - low) * (n + 1) // (count + 1) for n in range(count)], {}
    if low < high:
        by = (count + 1) * STEP
        for table in ("tasks", "task_groups"):
            db.execute(f"UPDATE {table} SET position = position + ? WHERE plan_id = ? "  # noqa: S608
                       "AND position >= ?", [by, plan_id, high])
        return [high + STEP * n for n in range(count)], {"shift": [high, by]}
    return _rewrite(db, kept, index, count)


def _rewrite(db: Database, kept: list[Element], index: int,
             count: int) -> tuple[list[int], dict[str, Any]]:
    """Number a container's positions afresh around the moved tasks (equal old positions)."""
    base = kept[0][0]
    order = [*kept[:index], *([None] * count), *kept[index:]]
    old: dict[str, dict[int, int]] = {"tasks": {}, "task_groups": {}}
    values = []
    for offset, element in enumerate(order):
        if element is None:
            values.append(base + offset)
            continue
        table = "tasks" if element[1] == TASK else "task_groups"
        if element[0] != base + offset:
            old[table][element[2]] = element[0]
            db.execute(f"UPDATE {table} SET position = ? WHERE id = ?",  # noqa: S608
                       [base + offset, element[2]])
    return values, {"rewritten": old}


# Moving -----------------------------------------------------------------------------------------


def _ordered(register: Register, plan_id: int, task_ids: list[int]) -> list[dict[str, Any]]:
    """Return the tasks to move (section, group, position) in printed order, or refuse."""
    ids = list(dict.fromkeys(task_ids))
    marks = ",".join("?" * len(ids))
    rows = {r[0]: {"id": r[0], "section_id": r[1], "group_id": r[2], "position": r[3]}
            for r in register.db.execute(
                f"SELECT id, section_id, group_id, position FROM tasks WHERE plan_id = ? "  # noqa: S608
                f"AND id IN ({marks})", [plan_id, *ids])}
    if not ids or len(rows) != len(ids):
        raise ValidationError("Nhiệm vụ cần chuyển không còn trong kế hoạch.")
    if len(ids) > 1:
        index = load_outline(register, plan_id).index
        ids.sort(key=lambda t: index.get(t, 0))
    return [rows[t] for t in ids]


def move_tasks(register: Register, plan_id: int, task_ids: list[int],
               place: Place) -> dict[str, Any] | None:
    """Move tasks (kept in their printed order, side by side) to a place, renumbering TT;
    return the snapshot restore() needs, or None when they are already there."""
    with register.transaction() as db:
        tasks = _ordered(register, plan_id, task_ids)
        section_id, group_id = _container(db, plan_id, place)
        moving = {t["id"] for t in tasks}
        space = _space(db, plan_id, section_id, group_id)
        index = _index(space, place, moving)
        kept = [e for e in space if not _moving(e, moving)]
        at = sum(1 for e in space[:index] if not _moving(e, moving))
        final = [e[2] for e in kept[:at]], [e[2] for e in kept[at:]]
        if _already_there(space, final, moving, tasks, (section_id, group_id)):
            return None
        values, room = _positions(db, plan_id, group_id, kept, at, len(tasks))
        for task, position in zip(tasks, values, strict=True):
            after = {"section_id": section_id, "group_id": group_id, "position": position}
            db.table("tasks").update(task["id"], after)
            audit.record(db, "move", "task", task["id"], before=_told(db, _where(task)),
                         after=_told(db, after))
        numbers = structure.renumber(register, plan_id)
    return {"plan_id": plan_id, "tasks": tasks, "numbers": numbers, **room}


def _already_there(space: list[Element], final: tuple[list[int], list[int]], moving: set[int],
                   tasks: list[dict[str, Any]], container: tuple[int | None, int | None]
                   ) -> bool:
    """Tell whether the tasks already sit side by side, in order, at the spot."""
    if any((t["section_id"], t["group_id"]) != container for t in tasks):
        return False
    now = [e[2] for e in space]
    wanted = [*final[0], *[t["id"] for t in tasks], *final[1]]
    return bool(moving) and now == wanted


def _where(task: dict[str, Any]) -> dict[str, Any]:
    """Return where a task was (for the audit)."""
    return {k: task[k] for k in ("section_id", "group_id", "position")}


def _told(db: Database, where: dict[str, Any]) -> dict[str, Any]:
    """Return a place as the audit shows it: the section and group as printed, not ids."""
    section = db.execute("SELECT code, title FROM sections WHERE id = ?",
                         [where["section_id"]]).fetchone()
    group = db.execute("SELECT number, title FROM task_groups WHERE id = ?",
                       [where["group_id"]]).fetchone()
    return {"section_id": f"{section[0]}. {section[1]}".lstrip(". ") if section else "(không)",
            "group_id": f"{group[0]} {group[1]}".strip() if group else "(không thuộc nhóm)",
            "position": where["position"]}


def restore(register: Register, snapshot: dict[str, Any]) -> None:
    """Put moved tasks back where they were, with the positions and TT numbers they had."""
    plan_id = snapshot["plan_id"]
    with register.transaction() as db:
        structure.restore_numbers(register, plan_id, snapshot["numbers"])
        for table, old in snapshot.get("rewritten", {}).items():
            db.conn.executemany(f"UPDATE {table} SET position = ? WHERE id = ?",  # noqa: S608
                                [(p, int(i)) for i, p in old.items()])
        if "shift" in snapshot:
            high, by = snapshot["shift"]
            for table in ("tasks", "task_groups"):
                db.execute(f"UPDATE {table} SET position = position - ? WHERE plan_id = ? "  # noqa: S608
                           "AND position >= ?", [by, plan_id, high + by])
        for task in snapshot["tasks"]:
            now = db.execute("SELECT section_id, group_id, position FROM tasks WHERE id = ?",
                             [task["id"]]).fetchone()
            if now is None:
                raise ValidationError("Nhiệm vụ đã chuyển không còn trong kế hoạch.")
            db.table("tasks").update(task["id"], _where(task))
            before = dict(zip(("section_id", "group_id", "position"), now, strict=True))
            audit.record(db, "move", "task", task["id"], before=_told(db, before),
                         after=_told(db, _where(task)))


# Alt+Up / Alt+Down ------------------------------------------------------------------------------


def step_place(register: Register, plan_id: int, task_ids: list[int],
               offset: int) -> Place | None:
    """Return where Alt+Up (offset -1) or Alt+Down (+1) takes tasks, or None at the very top
    or bottom of the plan. Several tasks move together from the first (up) or last (down)."""
    tasks = _ordered(register, plan_id, task_ids)
    anchor = tasks[0] if offset < 0 else tasks[-1]
    moving = {t["id"] for t in tasks}
    section_id, group_id = anchor["section_id"], anchor["group_id"]
    db = register.db
    space = _space(db, plan_id, section_id, group_id)
    near = _neighbour(space, _find(space, TASK, anchor["id"]), offset, moving)
    if near is not None:
        return _past(section_id, group_id, near, offset)
    if group_id is not None:  # at the group's edge: look beside the group in its section
        section_id = _group_section(db, group_id)
        loose = _space(db, plan_id, section_id, None)
        near = _neighbour(loose, _find(loose, GROUP, group_id), offset, moving)
        if near is not None:
            return _beside_group(section_id, group_id, near, offset)
    return _next_section(register, plan_id, section_id, offset, moving)


def _neighbour(space: list[Element], index: int, offset: int,
               moving: set[int]) -> Element | None:
    """Return the nearest element above (-1) or below (+1) an index that is not moving."""
    index += offset
    while 0 <= index < len(space):
        if not _moving(space[index], moving):
            return space[index]
        index += offset
    return None


def _past(section_id: int | None, group_id: int | None, near: Element, offset: int) -> Place:
    """Return the place past a neighbour in the same container: past a task, or into the end
    (up) or start (down) of a group met among loose tasks."""
    if near[1] == GROUP:
        return Place(section_id, near[2], start=offset > 0)
    if offset < 0:
        return Place(section_id, group_id, before_task=near[2])
    return Place(section_id, group_id, after_task=near[2])


def _beside_group(section_id: int | None, group_id: int, near: Element, offset: int) -> Place:
    """Return the place out of a group's edge: among the loose tasks next to it, or into the
    group next to it (its end going up, its start going down)."""
    if near[1] == GROUP:
        return Place(section_id, near[2], start=offset > 0)
    if offset < 0:
        return Place(section_id, None, before_group=group_id)
    return Place(section_id, None, before_task=near[2])


def _group_section(db: Database, group_id: int) -> int | None:
    """Return the section a group belongs to."""
    row = db.execute("SELECT section_id FROM task_groups WHERE id = ?", [group_id]).fetchone()
    if row is None:
        raise ValidationError(_GONE)
    return None if row[0] is None else int(row[0])


def _next_section(register: Register, plan_id: int, section_id: int | None, offset: int,
                  moving: set[int]) -> Place | None:
    """Return the end of the section above (up) or the start of the section below (down); the
    part above the first section counts only when it holds something."""
    order: list[int | None] = [None, *[r[0] for r in register.db.execute(
        "SELECT id FROM sections WHERE plan_id = ? ORDER BY position, id", [plan_id])]]
    index = order.index(section_id) + offset
    while 0 <= index < len(order):
        other = order[index]
        space = [e for e in _space(register.db, plan_id, other, None) if not _moving(e, moving)]
        if space or other is not None:
            edge = space[-1] if offset < 0 and space else (space[0] if space else None)
            if edge is not None and edge[1] == GROUP:
                return Place(other, edge[2], start=offset > 0)
            return Place(other, None, start=offset > 0)
        index += offset
    return None
