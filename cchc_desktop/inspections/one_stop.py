"""One-stop figures (số liệu một cửa) per unit and reporting period, with computed rates.

Received = carried over (tồn kỳ trước) + new (mới tiếp nhận: trực tuyến, trực tiếp, bưu chính);
resolved = trước hạn + đúng hạn + trễ hạn; pending = trong hạn + quá hạn. Figures that do not
add up are kept but flagged with the numbers; negative or non-integer counts are refused.
On-time rate = (trước hạn + đúng hạn) / resolved; online rate = trực tuyến / mới tiếp nhận.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.rows import from_row
from cchc_desktop.plans import repository
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.text.numbers import format_percent

COUNT_LABELS: dict[str, str] = {
    "carried_over": "Số hồ sơ tồn kỳ trước chuyển sang",
    "received_new": "Số hồ sơ mới tiếp nhận trong kỳ",
    "online": "Số hồ sơ tiếp nhận trực tuyến",
    "in_person": "Số hồ sơ tiếp nhận trực tiếp",
    "by_post": "Số hồ sơ tiếp nhận qua dịch vụ bưu chính",
    "early": "Số hồ sơ giải quyết trước hạn",
    "on_time": "Số hồ sơ giải quyết đúng hạn",
    "late": "Số hồ sơ giải quyết trễ hạn",
    "pending_on_time": "Số hồ sơ đang giải quyết trong hạn",
    "pending_overdue": "Số hồ sơ đang giải quyết quá hạn",
    "apologies": "Số văn bản xin lỗi",
}
MAX_COUNT = 10_000_000
_THOUSANDS = re.compile(r"^\d{1,3}(?:[.\s]\d{3})+$")


@dataclass
class OneStopFigures:
    """The dossier counts of one unit (or a total) in one reporting period."""

    carried_over: int = 0
    received_new: int = 0
    online: int = 0
    in_person: int = 0
    by_post: int = 0
    early: int = 0
    on_time: int = 0
    late: int = 0
    pending_on_time: int = 0
    pending_overdue: int = 0
    apologies: int = 0

    @property
    def received(self) -> int:
        """Return all dossiers to handle: carried over plus new."""
        return self.carried_over + self.received_new

    @property
    def resolved(self) -> int:
        """Return the dossiers resolved (trước hạn + đúng hạn + trễ hạn)."""
        return self.early + self.on_time + self.late

    @property
    def pending(self) -> int:
        """Return the dossiers still being handled (trong hạn + quá hạn)."""
        return self.pending_on_time + self.pending_overdue

    @property
    def on_time_rate(self) -> float | None:
        """Return (trước hạn + đúng hạn) / resolved in percent, None when nothing resolved."""
        return percent(self.early + self.on_time, self.resolved)

    @property
    def online_rate(self) -> float | None:
        """Return online / new dossiers in percent, None when nothing new."""
        return percent(self.online, self.received_new)

    @property
    def late_rate(self) -> float | None:
        """Return late / resolved in percent, None when nothing resolved."""
        return percent(self.late, self.resolved)

    def add(self, other: OneStopFigures) -> OneStopFigures:
        """Return the sum of two sets of figures."""
        return OneStopFigures(**{f.name: getattr(self, f.name) + getattr(other, f.name)
                                 for f in fields(self)})


@dataclass
class UnitFigures:
    """A unit's figures in a period with the warnings they raise."""

    unit_id: int
    unit_name: str
    period_code: str
    figures: OneStopFigures
    note: str = ""
    warnings: list[str] = field(default_factory=list)


def percent(part: int, whole: int) -> float | None:
    """Return part / whole in percent rounded to 2 decimals (None when whole is 0)."""
    return None if whole == 0 else round(100.0 * part / whole, 2)


def format_rate(value: float | None) -> str:
    """Format a percentage the Vietnamese way ("96,5%"; "—" when unknown)."""
    if value is None:
        return "—"
    return format_percent(value)


def parse_count(value: object, label: str) -> int:
    """Read a dossier count typed or imported; refuse negatives, fractions and text."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0
    if isinstance(value, bool):
        raise ValidationError(f"{label}: “{value}” không phải là số.")
    if isinstance(value, str):
        text = value.strip()
        if _THOUSANDS.match(text):
            text = re.sub(r"[.\s]", "", text)
        try:
            number = float(text.replace(",", "."))
        except ValueError as error:
            raise ValidationError(f"{label}: “{value}” không phải là số.") from error
    elif isinstance(value, int | float):
        number = float(value)
    else:
        raise ValidationError(f"{label}: “{value}” không phải là số.")
    return _whole(number, value, label)


def _shown(value: object) -> str:
    """Return a typed value as the officer typed it (3.0 read from Excel shows as 3)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _whole(number: float, value: object, label: str) -> int:
    """Return a number as a count, refusing negatives, fractions and absurd sizes."""
    value = _shown(value)
    if number != number or number in (float("inf"), float("-inf")):
        raise ValidationError(f"{label}: “{value}” không phải là số.")
    if number < 0:
        raise ValidationError(f"{label} không được âm (đã nhập {value}).")
    if not number.is_integer():
        raise ValidationError(f"{label} phải là số nguyên (đã nhập “{value}”).")
    if number > MAX_COUNT:
        raise ValidationError(f"{label} quá lớn (đã nhập {value}).")
    return int(number)


def parse_figures(values: Mapping[str, object]) -> OneStopFigures:
    """Build figures from typed values (missing counts are 0), refusing bad counts."""
    unknown = set(values) - set(COUNT_LABELS)
    if unknown:
        raise ValidationError(f"Chỉ tiêu số liệu không hợp lệ: {', '.join(sorted(unknown))}.")
    return OneStopFigures(**{key: parse_count(values.get(key), label)
                             for key, label in COUNT_LABELS.items()})


def check_figures(figures: OneStopFigures) -> list[str]:
    """Return the ways the figures do not add up, each with the numbers (empty when they do)."""
    f = figures
    warnings = []
    if f.resolved + f.pending != f.received:
        warnings.append(
            f"Đã giải quyết ({f.resolved}) + đang giải quyết ({f.pending}) = "
            f"{f.resolved + f.pending}, khác tổng tiếp nhận = tồn kỳ trước ({f.carried_over}) + "
            f"mới tiếp nhận ({f.received_new}) = {f.received} "
            f"(chênh lệch {abs(f.resolved + f.pending - f.received)}).")
    channels = f.online + f.in_person + f.by_post
    if channels != f.received_new:
        warnings.append(
            f"Trực tuyến ({f.online}) + trực tiếp ({f.in_person}) + bưu chính ({f.by_post}) = "
            f"{channels}, khác số mới tiếp nhận ({f.received_new}) "
            f"(chênh lệch {abs(channels - f.received_new)}).")
    overdue = f.late + f.pending_overdue
    if f.apologies < overdue:
        warnings.append(
            f"Có {overdue} hồ sơ trễ hạn, quá hạn (trễ hạn {f.late}, quá hạn "
            f"{f.pending_overdue}) nhưng chỉ {f.apologies} văn bản xin lỗi.")
    return warnings


def _code(period_code: str) -> str:
    """Return the normal form of a period code ("2026-Q1", "2026"), refusing a bad one."""
    return parse_period_code(period_code).code


def save_figures(register: Register, unit_id: int, period_code: str,
                 values: Mapping[str, object], note: str = "",
                 officer: str = "") -> UnitFigures:
    """Write a unit's figures for a period (one transaction); return them with warnings."""
    figures = parse_figures(values)
    code = _code(period_code)
    with register.transaction() as db:
        unit = repository.get_unit(db, unit_id)
        before = list(db.query("SELECT * FROM one_stop_figures WHERE unit_id = ? AND "
                               "period_code = ?", [unit_id, code]))
        row = {"unit_id": unit_id, "period_code": code, **asdict(figures), "note": note.strip(),
               "recorded_by": officer,
               "recorded_at": datetime.now().isoformat(timespec="seconds")}
        db.table("one_stop_figures").upsert(row, pk=("unit_id", "period_code"))
        audit.record(db, "one_stop", "unit", unit_id, before=before[0] if before else None,
                     after=row)
    return UnitFigures(unit_id, unit.name, code, figures, note.strip(), check_figures(figures))


def delete_figures(register: Register, unit_id: int, period_code: str) -> None:
    """Remove a unit's figures for a period."""
    code = _code(period_code)
    with register.transaction() as db:
        before = list(db.query("SELECT * FROM one_stop_figures WHERE unit_id = ? AND "
                               "period_code = ?", [unit_id, code]))
        if not before:
            raise ValidationError("Đơn vị chưa có số liệu một cửa trong kỳ này.")
        db.execute("DELETE FROM one_stop_figures WHERE unit_id = ? AND period_code = ?",
                   [unit_id, code])
        audit.record(db, "delete_one_stop", "unit", unit_id, before=before[0])


def figures_for_period(register: Register, period_code: str) -> list[UnitFigures]:
    """Return every unit's figures for a period (by unit name) with their warnings."""
    code = _code(period_code)
    sql = ("SELECT f.*, u.name AS unit_name FROM one_stop_figures f JOIN units u "
           "ON u.id = f.unit_id WHERE f.period_code = ? ORDER BY u.name")
    result = []
    for row in register.db.query(sql, [code]):
        figures = from_row(OneStopFigures, row)
        result.append(UnitFigures(row["unit_id"], row["unit_name"], code, figures, row["note"],
                                  check_figures(figures)))
    return result


def get_figures(register: Register, unit_id: int, period_code: str) -> UnitFigures | None:
    """Return one unit's figures for a period, or None if none are recorded."""
    found = [f for f in figures_for_period(register, period_code) if f.unit_id == unit_id]
    return found[0] if found else None


def period_total(register: Register, period_code: str) -> OneStopFigures | None:
    """Return the sum of every unit's figures for a period (None when none are recorded)."""
    units = figures_for_period(register, period_code)
    if not units:
        return None
    total = OneStopFigures()
    for unit in units:
        total = total.add(unit.figures)
    return total
