"""Cells of a returned template: its hidden sheet, its header, and each input value checked."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from cchc_desktop.errors import ValidationError
from cchc_desktop.excel.read.headers import column_letter
from cchc_desktop.excel.read.workbook import cell_text
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.returns_model import ERROR, Problem, Reported, ReturnFileError
from cchc_desktop.plans.units import UnitIndex
from cchc_desktop.progress.entries import ProgressInput, validate_input
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import parse_status
from cchc_desktop.schedule.periods import PeriodError, parse_period_code
from cchc_desktop.text.folding import fold

HEADER_SCAN_ROWS = 40
# Folded header text → column key (a header is recognised by how it starts).
_HEADER_STARTS = (
    ("ma nv", tpl.ID), ("ma nhiem vu", tpl.ID), ("tt", tpl.NUMBER), ("stt", tpl.NUMBER),
    ("noi dung", tpl.CONTENT), ("vai tro", tpl.ROLE), ("thoi han", tpl.TIMEFRAME),
    ("trang thai", tpl.STATUS), ("ty le", tpl.PERCENT), ("ket qua", tpl.RESULT),
    ("tai lieu", tpl.EVIDENCE), ("ngay hoan thanh", tpl.COMPLETED), ("ly do", tpl.REASON),
    ("kho khan", tpl.REASON), ("de xuat", tpl.PROPOSAL), ("kien nghi", tpl.PROPOSAL),
)
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")
_PERCENT_RE = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")
EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass
class Meta:
    """The hidden sheet of a template: plan, unit, period and the tasks as sent."""

    version: int = 0
    plan_id: int | None = None
    nonce: str = ""
    signatures: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""
    plan_label: str = ""
    unit_id: int | None = None
    unit_name: str = ""
    period: str = ""
    created_at: str = ""
    tasks: dict[int, tuple[str, str, str]] = field(default_factory=dict)


def parse_meta(rows: list[list[Any]], file_name: str) -> Meta:
    """Read the key/value rows and the task list of a template's hidden sheet."""
    values: dict[str, Any] = {}
    meta = Meta()
    in_tasks = False
    for row in rows:
        key = cell_text(row[0]) if row else ""
        if in_tasks:
            task_id = as_id(row[0]) if row else None
            if task_id is not None:
                cells = [cell_text(v) for v in (list(row[1:4]) + ["", "", ""])[:3]]
                meta.tasks[task_id] = (cells[0], cells[1], cells[2])
        elif key == tpl.META_TASKS:
            in_tasks = True
        elif key:
            values[key] = row[1] if len(row) > 1 else ""
    if cell_text(values.get("format")) != tpl.FORMAT_NAME:
        raise ReturnFileError(f"Tệp '{file_name}' không phải biểu mẫu báo cáo do CCHC Desktop "
                              "tạo (thông tin biểu mẫu không đọc được).")
    meta.version = as_id(values.get("version")) or 0
    meta.plan_id = as_id(values.get("plan_id"))
    meta.nonce = cell_text(values.get("nonce"))
    meta.signatures = {key[4:]: cell_text(value) for key, value in values.items()
                       if key.startswith("sig_")}
    meta.fingerprint = cell_text(values.get("plan_fingerprint"))
    meta.plan_label = cell_text(values.get("plan_label"))
    meta.unit_id = as_id(values.get("unit_id"))
    meta.unit_name = cell_text(values.get("unit_name"))
    meta.period = cell_text(values.get("period"))
    meta.created_at = cell_text(values.get("created_at"))
    return meta


def period_title(code: str) -> str:
    """Return a period's title for messages ("Quý I năm 2021"), or the code itself."""
    try:
        return parse_period_code(code).title
    except PeriodError:
        return code or "không rõ"


def resolve_unit(register: Register, meta: Meta) -> tuple[int, str]:
    """Return the unit a template was written for (by id, else by name)."""
    row = register.db.execute("SELECT id, name FROM units WHERE id = ?",
                              [meta.unit_id or 0]).fetchone()
    if row is not None and fold(row[1]) == fold(meta.unit_name):
        return int(row[0]), str(row[1])
    found = UnitIndex(register.db).find(meta.unit_name)
    if found is not None:
        name = register.db.execute("SELECT name FROM units WHERE id = ?", [found]).fetchone()[0]
        return found, str(name)
    if row is not None:
        return int(row[0]), str(row[1])
    raise ReturnFileError(f"Biểu mẫu của đơn vị “{meta.unit_name}” nhưng đơn vị này không còn "
                          "trong danh mục; hãy thêm lại đơn vị rồi nhận tệp.")


@dataclass
class Header:
    """Where the report table's header is (0-based row) and each column key's index."""

    row: int
    columns: dict[str, int]


def find_header(rows: list[list[Any]]) -> Header | None:
    """Find the header row: the first with a Trạng thái column and a content or TT column."""
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        columns: dict[str, int] = {}
        for col, value in enumerate(row):
            folded = fold(cell_text(value)) if isinstance(value, str) else ""
            key = next((k for start, k in _HEADER_STARTS if folded.startswith(start)), None)
            if key and key not in columns and (key != tpl.NUMBER or folded in ("tt", "stt")):
                columns[key] = col
        if tpl.STATUS in columns and (tpl.CONTENT in columns or tpl.NUMBER in columns):
            return Header(index, columns)
    return None


@dataclass
class Locator:
    """Names cells of one sheet in messages and reads values by column key."""

    file: str
    sheet: str
    columns: dict[str, int]

    def value(self, row: list[Any], key: str) -> Any:
        """Return the raw value of a column in a row (None when the column is missing)."""
        col = self.columns.get(key)
        return row[col] if col is not None and col < len(row) else None

    def problem(self, row: int, key: str, message: str, severity: str = ERROR) -> Problem:
        """Return a problem located at a row and (if given) a column."""
        column = ""
        if key in self.columns:
            column = f"{column_letter(self.columns[key])} ({tpl.COLUMNS[key].title})"
        return Problem(self.file, message, self.sheet, row, column, severity)


def as_id(value: Any) -> int | None:
    """Read a task id or number cell (5, 5.0, "5"), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, int):
        return value
    text = cell_text(value)
    return int(text) if text.isdigit() else None


def has_inputs(row: list[Any], at: Locator) -> bool:
    """Tell whether any input cell of a row holds something."""
    return any(cell_text(at.value(row, key)) for key in tpl.KEYS[tpl.INPUTS.start:])


def _percent(value: Any) -> int | None:
    """Read a percent cell (60, 60.0, "60%", "60,5"); raise ValueError when it is not one."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        return round(float(value))
    match = _PERCENT_RE.match(str(value))
    if match is None:
        raise ValueError
    return round(float(match.group(1).replace(",", ".")))


def _date(value: Any) -> dt.date | None:
    """Read a date cell (a date, an Excel serial number or text); raise ValueError if not."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2958466:
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = cell_text(value)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


def read_values(row: list[Any], number: int, at: Locator, today: dt.date,
                problems: list[Problem]) -> Reported | None:
    """Check a row's input cells; return the report, or None (blank row or a problem)."""
    if not has_inputs(row, at):
        return None
    before = len(problems)
    status = _status(row, number, at, problems)
    percent = _checked(row, number, at, problems, tpl.PERCENT, _percent,
                       "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
    if percent is not None and not 0 <= percent <= 100:
        problems.append(at.problem(number, tpl.PERCENT, f"Tỷ lệ hoàn thành {percent}% phải từ 0 "
                                   "đến 100."))
    completed = _checked(row, number, at, problems, tpl.COMPLETED, _date,
                         "Ngày hoàn thành không phải ngày hợp lệ (ngày/tháng/năm).")
    if completed is not None and completed > today:
        problems.append(at.problem(number, tpl.COMPLETED, f"Ngày hoàn thành {completed:%d/%m/%Y} "
                                   f"ở tương lai (sau ngày {today:%d/%m/%Y})."))
    if len(problems) > before or status is None:
        return None
    reported = Reported(status, percent, cell_text(at.value(row, tpl.RESULT)),
                        cell_text(at.value(row, tpl.EVIDENCE)),
                        completed.isoformat() if completed else None,
                        cell_text(at.value(row, tpl.REASON)),
                        cell_text(at.value(row, tpl.PROPOSAL)))
    return _validated(reported, number, at, today, problems)


def _status(row: list[Any], number: int, at: Locator, problems: list[Problem]) -> str | None:
    """Read the status cell (a label from the drop-down, or typed)."""
    text = cell_text(at.value(row, tpl.STATUS))
    if not text:
        problems.append(at.problem(number, tpl.STATUS, "Chưa chọn Trạng thái nhưng đã điền các "
                                   "cột khác; dòng bị bỏ qua."))
        return None
    try:
        return parse_status(text)
    except ValidationError as error:
        problems.append(at.problem(number, tpl.STATUS, str(error)))
        return None


def _checked(row: list[Any], number: int, at: Locator, problems: list[Problem], key: str,
             parse: Any, message: str) -> Any:
    """Parse one cell, adding a located problem when it cannot be read."""
    value = at.value(row, key)
    try:
        return parse(value)
    except (ValueError, OverflowError):
        problems.append(at.problem(number, key, f"{message} Ô đang ghi “{cell_text(value)}”."))
        return None


def _validated(reported: Reported, number: int, at: Locator, today: dt.date,
               problems: list[Problem]) -> Reported | None:
    """Apply the register's own rules (percent 0–100, no completion date in the future)."""
    entry = ProgressInput(reported.status, reported.percent, completed_on=reported.completed_on)
    try:
        checked = validate_input(entry, today)
    except ValidationError as error:
        text = str(error)
        key = tpl.PERCENT if "Tỷ lệ" in text else tpl.COMPLETED if "Ngày" in text else tpl.STATUS
        problems.append(at.problem(number, key, text))
        return None
    return Reported(checked.status, checked.percent, reported.result_text, reported.evidence,
                    reported.completed_on, reported.reason, reported.proposal)
