"""Which units receive a return template: the units a plan's tasks name, and which are ticked.

A confirmed, single unit is ticked by default; a name that stands for many ("Các đơn vị có
liên quan", "Công chức, người lao động") or a unit not yet confirmed is not, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import fold, sort_key

# Names that stand for a group of people or units, not one unit that can fill a template.
COLLECTIVE_STARTS = ("cac ", "toan the", "tat ca")
COLLECTIVE_WORDS = ("co lien quan", "cong chuc", "vien chuc", "nguoi lao dong", "thanh vien",
                    "can bo,")


def is_collective(name: str) -> bool:
    """Tell whether a name stands for many ("Các đơn vị có liên quan", "Công chức, người lao
    động") rather than one unit that could fill a template."""
    folded = fold(name)
    return folded.startswith(COLLECTIVE_STARTS) or any(w in folded for w in COLLECTIVE_WORDS)


@dataclass(frozen=True)
class PlanUnit:
    """A unit linked to a plan's tasks, with how many it leads and partners."""

    id: int
    name: str
    lead: int
    partner: int
    confirmed: bool = True

    @property
    def tasks(self) -> int:
        """Return how many tasks the unit has (lead or partner)."""
        return self.lead + self.partner

    @property
    def chosen_by_default(self) -> bool:
        """Tell whether to tick the unit when making templates: a confirmed, single unit."""
        return self.confirmed and not is_collective(self.name)

    @property
    def why_not_chosen(self) -> str:
        """Say why the unit is not ticked by default ('' when it is)."""
        if is_collective(self.name):
            return "nhóm đơn vị, cá nhân — không phải một đơn vị gửi báo cáo"
        return "" if self.confirmed else "đơn vị chưa được xác nhận trong danh mục"


def plan_units(register: Register, plan_id: int) -> list[PlanUnit]:
    """Return the units that lead or partner tasks of the plan, in Vietnamese order."""
    sql = (
        "SELECT u.id, u.name, sum(tu.role = 'lead'), sum(tu.role = 'partner'), u.confirmed "
        "FROM task_units tu "
        "JOIN tasks t ON t.id = tu.task_id JOIN units u ON u.id = tu.unit_id "
        "WHERE t.plan_id = ? GROUP BY u.id"
    )
    units = [PlanUnit(r[0], r[1], r[2], r[3], bool(r[4]))
             for r in register.db.execute(sql, [plan_id])]
    return sorted(units, key=lambda unit: sort_key(unit.name))
