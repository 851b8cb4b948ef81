"""Targets (chỉ tiêu): name, area, comparator and value, the actual per period, met or not.

An actual is typed per period, or computed: from the one-stop figures (on-time rate, online
rate) or from inspections (share of remediation items closed in the year). A typed actual wins
over a computed one (the officer may have a figure from the provincial portal).
targets_for_period() is what the period report and the dashboard call.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.one_stop import format_rate, percent
from cchc_desktop.inspections.period_sums import combined_total, tile
from cchc_desktop.inspections.results import remediation_counts
from cchc_desktop.inspections.rows import fetch_one, from_row, insert, required_text, to_row
from cchc_desktop.paths import resource_path
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.text.numbers import format_decimal

COMPARATORS: dict[str, str] = {">=": "≥", "<=": "≤", "=": "="}
UNITS: dict[str, str] = {"%": "%", "so": "số"}
SOURCE_TYPED = "typed"
SOURCE_ON_TIME = "one_stop_on_time"
SOURCE_ONLINE = "one_stop_online"
SOURCE_REMEDIATION = "remediation_closed"
SOURCES: dict[str, str] = {
    SOURCE_TYPED: "Nhập theo kỳ",
    SOURCE_ON_TIME: "Số liệu một cửa: (trước hạn + đúng hạn) / đã giải quyết",
    SOURCE_ONLINE: "Số liệu một cửa: trực tuyến / mới tiếp nhận",
    SOURCE_REMEDIATION: "Kiểm tra: nội dung khắc phục đã hoàn thành / tổng số",
}
EXAMPLE_FILE = "chi-tieu-mau.json"
_AREA_ORDER = {key: index for index, key in enumerate(AREAS)}
_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


@dataclass
class Target:
    """A target of the plan, e.g. "Tỷ lệ giải quyết hồ sơ đúng hạn" ≥ 96 %."""

    id: int
    name: str
    comparator: str
    value: float
    unit: str = "%"
    area: str | None = None
    source: str = SOURCE_TYPED
    year: int | None = None
    note: str = ""
    position: int = 0

    @property
    def goal(self) -> str:
        """Return the goal as printed ("≥ 96%", "= 100%", "≥ 13")."""
        return f"{COMPARATORS[self.comparator]} {format_value(self.value, self.unit)}"


@dataclass
class TargetStatus:
    """A target in a period: its actual (None when unknown), met or not, and where from."""

    target: Target
    period_code: str
    actual: float | None
    met: bool | None
    origin: str
    detail: str = ""

    @property
    def actual_text(self) -> str:
        """Return the actual as printed ("95,2%", "—" when unknown)."""
        return format_value(self.actual, self.target.unit)

    @property
    def met_text(self) -> str:
        """Return "Đạt", "Không đạt" or "Chưa có số liệu"."""
        return {True: "Đạt", False: "Không đạt", None: "Chưa có số liệu"}[self.met]


def format_value(value: float | None, unit: str) -> str:
    """Format a target value or actual ("96%", "60,7%", "13"; "—" when unknown)."""
    if unit == "%":
        return format_rate(value)
    if value is None:
        return "—"
    return format_decimal(value)


def is_met(actual: float, comparator: str, value: float) -> bool:
    """Tell whether an actual satisfies a target (≥, ≤ or =, to 1e-9)."""
    if comparator == ">=":
        return actual >= value - 1e-9
    if comparator == "<=":
        return actual <= value + 1e-9
    return abs(actual - value) <= 1e-9


def _decimal(text: str) -> str:
    """Return a typed number in Python form ("1.250,5" → "1250.5", "60,7" → "60.7")."""
    text = text.strip().replace(" ", "")
    if _GROUPED.match(text):
        text = text.replace(".", "")
    return text.replace(",", ".")


def parse_value(value: object, what: str) -> float:
    """Read a typed number ("96", "60,7"), refusing text, negatives and NaN."""
    if isinstance(value, bool) or value is None or (isinstance(value, str) and not value.strip()):
        raise ValidationError(f"Hãy nhập {what}.")
    bad = ValidationError(f"{what.capitalize()} “{value}” không phải là số.")
    if not isinstance(value, str | int | float):
        raise bad
    try:
        number = float(_decimal(value)) if isinstance(value, str) else float(value)
    except ValueError as error:
        raise bad from error
    if number != number or abs(number) == float("inf"):
        raise bad
    if number < 0:
        raise ValidationError(f"{what.capitalize()} không được âm (đã nhập {value}).")
    return number


def validate_target(target: Target) -> Target:
    """Refuse a target with no name, an unknown comparator, unit, area or source."""
    name = required_text(target.name, "Tên chỉ tiêu không được để trống.")
    if target.comparator not in COMPARATORS:
        raise ValidationError(f"Phép so sánh “{target.comparator}” không hợp lệ (≥, ≤, =).")
    if target.unit not in UNITS:
        raise ValidationError(f"Đơn vị tính “{target.unit}” không hợp lệ (%, số).")
    if target.area is not None and target.area not in AREAS:
        raise ValidationError(f"Lĩnh vực “{target.area}” không hợp lệ.")
    if target.source not in SOURCES:
        raise ValidationError(f"Nguồn số liệu “{target.source}” không hợp lệ.")
    if target.source != SOURCE_TYPED and target.unit != "%":
        raise ValidationError("Chỉ tiêu tính từ số liệu là tỷ lệ; đơn vị tính phải là %.")
    value = parse_value(target.value, "giá trị chỉ tiêu")
    if target.unit == "%" and value > 100:
        raise ValidationError(f"Chỉ tiêu tỷ lệ không thể lớn hơn 100% (đã nhập {value:g}).")
    if target.year is not None and not 1900 <= target.year <= 2999:
        raise ValidationError(f"Năm {target.year} không hợp lệ.")
    return replace(target, name=name, value=value, note=target.note.strip())


def list_targets(register: Register, year: int | None = None) -> list[Target]:
    """Return the targets (those of every year, and of this year if given), by area."""
    sql = "SELECT * FROM targets WHERE ? IS NULL OR year IS NULL OR year = ?"
    targets = [from_row(Target, row) for row in register.db.query(sql, [year, year])]
    return sorted(targets, key=lambda t: (_AREA_ORDER.get(t.area or "", 99), t.position, t.id))


def add_target(register: Register, target: Target) -> int:
    """Add a target and return its id."""
    target = validate_target(target)
    with register.transaction() as db:
        row = next(iter(db.query("SELECT max(position) AS m FROM targets")))
        target.position = int(row["m"] or 0) + 10
        target_id = insert(db, "targets", to_row(target))
        audit.record(db, "add", "target", target_id, after=target)
    return target_id


def _get(register: Register, target_id: int) -> Target:
    """Return one target or raise NotFoundError."""
    row = fetch_one(register.db, "SELECT * FROM targets WHERE id = ?", [target_id],
                    f"chỉ tiêu có mã {target_id}")
    return from_row(Target, row)


def get_target(register: Register, target_id: int) -> Target:
    """Return one target."""
    return _get(register, target_id)


def update_target(register: Register, target: Target) -> Target:
    """Edit a target's name, area, comparator, value, unit, source or year; return the old one."""
    target = validate_target(target)
    with register.transaction() as db:
        before = _get(register, target.id)
        db.table("targets").update(target.id, to_row(replace(target, position=before.position)))
        audit.record(db, "edit", "target", target.id, before=before, after=target)
    return before


def delete_target(register: Register, target_id: int) -> None:
    """Delete a target with its recorded actuals."""
    with register.transaction() as db:
        before = _get(register, target_id)
        db.execute("DELETE FROM targets WHERE id = ?", [target_id])
        audit.record(db, "delete", "target", target_id, before=before)


def record_actual(register: Register, target_id: int, period_code: str, value: object,
                  note: str = "") -> float | None:
    """Type a target's actual for a period; return the previous typed value."""
    code = parse_period_code(period_code).code
    with register.transaction() as db:
        target = _get(register, target_id)
        number = parse_value(value, "kết quả thực hiện")
        if target.unit == "%" and number > 100:
            raise ValidationError(f"Tỷ lệ thực hiện không thể lớn hơn 100% (đã nhập {value}).")
        before = _typed(register, target_id, code)
        db.table("target_actuals").upsert(
            {"target_id": target_id, "period_code": code, "value": number, "note": note.strip(),
             "recorded_at": datetime.now().isoformat(timespec="seconds")},
            pk=("target_id", "period_code"))
        audit.record(db, "actual", "target", target_id, before=before,
                     after={"period": code, "value": number})
    return before


def clear_actual(register: Register, target_id: int, period_code: str) -> None:
    """Remove a typed actual (a computed target falls back to its figures)."""
    code = parse_period_code(period_code).code
    with register.transaction() as db:
        before = _typed(register, target_id, code)
        db.execute("DELETE FROM target_actuals WHERE target_id = ? AND period_code = ?",
                   [target_id, code])
        audit.record(db, "clear_actual", "target", target_id, before=before)


def _typed(register: Register, target_id: int, code: str) -> float | None:
    """Return the typed actual of a target in a period, if any."""
    rows = list(register.db.query("SELECT value FROM target_actuals WHERE target_id = ? AND "
                                  "period_code = ?", [target_id, code]))
    return float(rows[0]["value"]) if rows else None


def _computed(register: Register, source: str, code: str, year: int) -> tuple[float | None, str]:
    """Return a computed actual for a period and how it was obtained."""
    if source == SOURCE_REMEDIATION:
        items, closed = remediation_counts(register, year)
        return percent(closed, items), f"{closed}/{items} nội dung đã khắc phục"
    combined = combined_total(register, code)
    if combined is None:
        return None, "chưa có số liệu một cửa"
    if not combined.complete:
        return None, f"số liệu một cửa mới đến ngày {combined.covered_to:%d/%m/%Y}"
    total = combined.figures
    if source == SOURCE_ON_TIME:
        return total.on_time_rate, f"{total.early + total.on_time}/{total.resolved} hồ sơ"
    return total.online_rate, f"{total.online}/{total.received_new} hồ sơ"


def _typed_over(register: Register, target: Target, code: str) -> tuple[float | None, str]:
    """Return a typed actual built from the periods typed inside this one, and from which.

    Only when the typed periods cover the whole window: counts are summed over the pieces; a
    rate is the last piece's (it is not additive).
    """
    period = parse_period_code(code)
    rows = register.db.query("SELECT period_code, value FROM target_actuals WHERE target_id = ?",
                             [target.id])
    typed = {parse_period_code(r["period_code"]).code: float(r["value"]) for r in rows}
    pieces = tile(period, [parse_period_code(c) for c in typed])
    if not pieces or pieces[-1].end < period.end:
        return None, ""
    values = [typed[p.code] for p in pieces]
    value = sum(values) if target.unit != "%" else values[-1]
    return value, "theo số liệu " + ", ".join(p.title for p in pieces)


def target_status(register: Register, target: Target, period_code: str) -> TargetStatus:
    """Return a target's actual and whether it is met in a period."""
    period = parse_period_code(period_code)
    typed = _typed(register, target.id, period.code)
    pieced = ""
    if typed is None:
        typed, pieced = _typed_over(register, target, period.code)
    computed, detail = (None, "")
    if target.source != SOURCE_TYPED:
        computed, detail = _computed(register, target.source, period.code, period.year)
    actual = typed if typed is not None else computed
    origin = "Nhập tay" if typed is not None or target.source == SOURCE_TYPED else "Tính từ số liệu"
    if typed is not None and computed is not None:
        detail = f"theo số liệu: {format_value(computed, target.unit)} ({detail})"
    detail = "; ".join(x for x in (pieced, detail) if x)
    met = None if actual is None else is_met(actual, target.comparator, target.value)
    return TargetStatus(target, period.code, actual, met, origin, detail)


def targets_for_period(register: Register, period_code: str) -> list[TargetStatus]:
    """List the targets of a period's year with their actual and met/not met (by area)."""
    period = parse_period_code(period_code)
    return [target_status(register, t, period.code) for t in list_targets(register, period.year)]


def load_example_targets(register: Register) -> int:
    """Add the example targets (Đồng Nai 2022 plan) not already present; return how many."""
    with resource_path("templates", EXAMPLE_FILE).open(encoding="utf-8") as handle:
        examples = json.load(handle)["targets"]
    existing = {t.name for t in list_targets(register)}
    added = 0
    with register.transaction():
        for raw in examples:
            if raw["name"] in existing:
                continue
            add_target(register, Target(id=0, **raw))
            added += 1
    return added
