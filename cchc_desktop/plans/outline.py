"""The shape of a plan's appendix as row keys, for views that show many thousands of tasks.

A view needs the order of rows and which headings sit above each task, not every column of
every task: columns are read a page at a time (queries.task_rows). A row key is a task id
(> 0), or a negative number for a heading: -2·id for a group, -(2·id + 1) for a section.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress, repeat

from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, AppendixRow
from cchc_desktop.register.connection import Register

GroupRows = list[tuple[AppendixRow, int]]  # group heading rows with their positions


def group_key(group_id: int) -> int:
    """Return the row key of a group heading."""
    return -2 * group_id


def section_key(section_id: int) -> int:
    """Return the row key of a section heading."""
    return -(2 * section_id + 1)


def is_heading(key: int) -> bool:
    """Tell whether a row key is a heading (section or group) rather than a task."""
    return key < 0


@dataclass
class Outline:
    """Every row key of a plan in appendix order, with the span of rows under each heading."""

    keys: list[int] = field(default_factory=list)
    headings: dict[int, AppendixRow] = field(default_factory=dict)
    task_at: list[int] = field(default_factory=list)  # task id at each position, 0 at headings
    spans: list[tuple[int, int]] = field(default_factory=list)  # heading position, end of rows
    section_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    parent: list[int] = field(default_factory=list)  # position of the heading above, or -1
    max_id: int = 0
    _index: dict[int, int] | None = None
    _heading_rows: list[int] | None = None

    @property
    def task_ids(self) -> list[int]:
        """Return the task ids in appendix order."""
        return [key for key in self.keys if key > 0]

    def heading_rows(self, keys: list[int], flags: bytearray | None = None) -> list[int]:
        """Return the rows of a view that hold headings (remembered for the full outline);
        `flags` (from view_with_flags, for these keys) finds them without reading each key."""
        if keys is self.keys:
            if self._heading_rows is None:
                self._heading_rows = [p for p, _ in self.spans]
                self._heading_rows.sort()
            return self._heading_rows
        if flags is not None:
            shown = bytes(compress(flags, flags))  # 1 at each task row, 2 at each heading row
            rows, row = [], shown.find(2)
            while row >= 0:
                rows.append(row)
                row = shown.find(2, row + 1)
            return rows
        return list(compress(range(len(keys)), map((0).__gt__, keys)))

    def task_count(self) -> int:
        """Return how many tasks the plan has."""
        return len(self.keys) - len(self.headings)

    def view(self, allowed: set[int] | None = None, section_id: int | None = None) -> list[int]:
        """Return the row keys to show: allowed tasks (all if None) under their headings."""
        return self.view_with_flags(allowed, section_id)[0]

    def view_with_flags(self, allowed: set[int] | None = None, section_id: int | None = None
                        ) -> tuple[list[int], bytearray | None]:
        """Return the row keys to show and, for a large selection, the flag of each position
        (1: task shown, 2: heading shown, 0: left out; None when not computed).

        Runs at C speed for large sets (a byte mask, bytearray.find, itertools.compress):
        headings without a shown task are left out.
        """
        low, high = self.section_spans.get(section_id, (0, len(self.keys))) if (
            section_id is not None) else (0, len(self.keys))
        if allowed is None:
            whole = (low, high) == (0, len(self.keys))
            return (self.keys if whole else self.keys[low:high]), None
        if len(allowed) * 16 < len(self.keys) or min(allowed, default=0) < 0:
            return self._few(allowed, low, high), None
        top = self.max_id
        mask = bytearray(top + 1)  # ids beyond the plan's (stale or foreign) are ignored
        any(map(mask.__setitem__, filter(top.__ge__, allowed), repeat(1)))
        mask[0] = 0
        flags = bytearray(map(mask.__getitem__, self.task_at))
        flags[:low] = bytes(low)
        flags[high:] = bytes(len(flags) - high)
        for position, end in self.spans:
            if flags.find(1, position + 1, end) >= 0:
                flags[position] = 2
        return list(compress(self.keys, flags)), flags

    def view_between(self, allowed: set[int], low: int, high: int) -> list[int]:
        """Return the rows of the allowed tasks at positions low..high-1, under their
        headings: the same rows as view() gives there (sorting a few positions beats a scan)."""
        return self._few(allowed, low, high)

    def _few(self, allowed: set[int], low: int, high: int) -> list[int]:
        """Return the view of a few allowed tasks (sorting their positions beats a scan)."""
        index = self.index
        positions = {index[t] for t in allowed if t in index}
        positions = {p for p in positions if low <= p < high}
        heads = set(map(self.parent.__getitem__, positions))
        heads |= set(map(self.parent.__getitem__, heads))
        heads.discard(-1)
        return [self.keys[p] for p in sorted(positions | heads)]

    @property
    def index(self) -> dict[int, int]:
        """Return task id -> position (built on first use)."""
        if self._index is None:
            self._index = {t: p for p, t in enumerate(self.task_at) if t}
        return self._index


def _heading_rows(register: Register, plan_id: int) -> tuple[list[AppendixRow], GroupRows]:
    """Return the plan's section rows and (group row, position) pairs, each in order."""
    db = register.db
    sections = [
        AppendixRow(KIND_SECTION, r[0], r[1], r[2], section_id=r[0])
        for r in db.execute("SELECT id, code, title FROM sections WHERE plan_id = ? "
                            "ORDER BY position, id", [plan_id])
    ]
    groups = [
        (AppendixRow(KIND_GROUP, r[0], r[1], r[2], section_id=r[3]), r[4])
        for r in db.execute("SELECT id, number, title, section_id, position FROM task_groups "
                            "WHERE plan_id = ? ORDER BY position, id", [plan_id])
    ]
    return sections, groups


def _blocks(register: Register, plan_id: int, groups: GroupRows
            ) -> dict[int | None, list[tuple[int, list[int]]]]:
    """Return, per section id, its (position, [keys]) blocks: loose tasks and whole groups."""
    in_group: dict[int, list[int]] = {row.id: [] for row, _ in groups}
    blocks: dict[int | None, list[tuple[int, list[int]]]] = {}
    sql = ("SELECT id, section_id, group_id, position FROM tasks WHERE plan_id = ? "
           "ORDER BY position, id")
    for task_id, section_id, group_id, position in register.db.execute(sql, [plan_id]):
        members = in_group.get(group_id) if group_id is not None else None
        if members is not None:
            members.append(task_id)
        else:
            blocks.setdefault(section_id, []).append((position, [task_id]))
    for row, position in groups:
        blocks.setdefault(row.section_id, []).append(
            (position, [group_key(row.id), *in_group[row.id]]))
    return blocks


def load_outline(register: Register, plan_id: int) -> Outline:
    """Read a plan's outline: the same order as queries.appendix_rows, keys only."""
    sections, groups = _heading_rows(register, plan_id)
    blocks = _blocks(register, plan_id, groups)
    outline = Outline()
    outline.headings = {group_key(row.id): row for row, _ in groups}
    outline.headings.update({section_key(row.id): row for row in sections})
    section_ids: list[int | None] = [None, *[row.id for row in sections]]
    for section_id in section_ids:
        start = len(outline.keys)
        above = -1
        if section_id is not None:
            _append(outline, [section_key(section_id)], -1)
            above = start
        for _, block in sorted(blocks.get(section_id, []), key=lambda item: item[0]):
            if is_heading(block[0]):
                here = len(outline.keys)
                outline.spans.append((here, here + len(block)))
                _append(outline, block[:1], above)
                _append(outline, block[1:], here)
            else:
                _append(outline, block, above)
        if section_id is not None:
            outline.section_spans[section_id] = (start, len(outline.keys))
            outline.spans.append((start, len(outline.keys)))
    outline.max_id = max(outline.task_at, default=0)
    return outline


def _append(outline: Outline, keys: list[int], parent: int) -> None:
    """Add row keys under the heading at a position (-1: none)."""
    outline.keys.extend(keys)
    outline.task_at.extend(key if key > 0 else 0 for key in keys)
    outline.parent.extend([parent] * len(keys))
