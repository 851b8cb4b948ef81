"""Which units have returned their report for a period, and which are still missing."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.exchange.returns import ReturnFile
from cchc_desktop.exchange.template_units import plan_units
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.text.folding import sort_key


@dataclass(frozen=True)
class UnitReturn:
    """A unit's latest return for the period (applied, or only read in the preview)."""

    unit_id: int | None
    unit_name: str
    file_name: str
    received_at: str = ""
    changes: int = 0
    pending: bool = False


@dataclass
class ReturnStatus:
    """Units asked to report for a period: who returned, who is still missing."""

    period_code: str
    expected: list[tuple[int, str]] = field(default_factory=list)
    returned: list[UnitReturn] = field(default_factory=list)
    missing: list[tuple[int, str]] = field(default_factory=list)

    def summary(self) -> str:
        """Describe the status in one Vietnamese sentence."""
        done = len({r.unit_id for r in self.returned if r.unit_id is not None})
        text = f"Đã nhận {done}/{len(self.expected)} đơn vị"
        if self.missing:
            names = ", ".join(name for _, name in self.missing)
            return f"{text}; còn thiếu: {names}."
        return f"{text}; đã đủ." if self.expected else f"{text}."


def _expected(register: Register, plan_id: int, period_code: str) -> list[tuple[int, str]]:
    """Return units sent a template for the period, else every unit of the plan."""
    sql = ("SELECT DISTINCT t.unit_id, u.name FROM template_log t JOIN units u ON u.id = t.unit_id "
           "WHERE t.plan_id = ? AND t.period_code = ?")
    sent = [(r[0], r[1]) for r in register.db.execute(sql, [plan_id, period_code])]
    units = sent or [(u.id, u.name) for u in plan_units(register, plan_id)]
    return sorted(units, key=lambda unit: sort_key(unit[1]))


def return_status(register: Register, plan_id: int, period_code: str,
                  pending: list[ReturnFile] | None = None) -> ReturnStatus:
    """Report who returned (applied, or pending in a preview) and who is missing."""
    code = parse_period_code(period_code).code
    status = ReturnStatus(code, _expected(register, plan_id, code))
    sql = ("SELECT unit_id, unit_name, file_name, received_at, changes_applied FROM return_log "
           "WHERE plan_id = ? AND period_code = ? ORDER BY id")
    latest: dict[object, UnitReturn] = {}
    for row in register.db.execute(sql, [plan_id, code]):
        latest[row[0] or row[1]] = UnitReturn(row[0], row[1], row[2], row[3], row[4])
    for item in pending or []:
        if not item.rejected:
            key = item.unit_id or item.unit_name
            latest.setdefault(key, UnitReturn(item.unit_id, item.unit_name, item.file_name,
                                              pending=True))
    status.returned = sorted(latest.values(), key=lambda r: sort_key(r.unit_name))
    got = {r.unit_id for r in status.returned}
    status.missing = [unit for unit in status.expected if unit[0] not in got]
    return status
