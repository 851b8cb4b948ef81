"""Rows <-> dataclasses and shared checks for the inspection, one-stop and target modules."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import date, datetime
from typing import Any, TypeVar

from sqlite_utils import Database

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.text.folding import collapse_spaces

T = TypeVar("T")

JSON_LIST_FIELDS = {"bases", "purposes", "requirements", "implementation", "recipients"}
POSITION_STEP = 10


def to_row(record: Any, drop: tuple[str, ...] = ("id",)) -> dict[str, Any]:
    """Turn a dataclass into a row dict, JSON-encoding list fields and dropping some keys."""
    row = asdict(record)
    for key in drop:
        row.pop(key, None)
    for key in JSON_LIST_FIELDS & row.keys():
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def from_row(cls: type[T], row: dict[str, Any]) -> T:
    """Build a dataclass from a row dict, ignoring extra columns, decoding list fields."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    data = {key: value for key, value in row.items() if key in names}
    for key in JSON_LIST_FIELDS & data.keys():
        data[key] = json.loads(data[key] or "[]")
    return cls(**data)


def fetch_one(db: Database, sql: str, params: list[Any], what: str) -> dict[str, Any]:
    """Return the first row of a query or raise NotFoundError naming what was looked for."""
    rows = list(db.query(sql, params))
    if not rows:
        raise NotFoundError(f"Không tìm thấy {what}.")
    return rows[0]


def insert(db: Database, table: str, row: dict[str, Any]) -> int:
    """Insert a row and return its id."""
    return int(db.table(table).insert(row).last_pk or 0)


def next_position(db: Database, table: str, column: str, owner_id: int) -> int:
    """Return a position after the last row of an owner (plan, inspection) in a table."""
    sql = f"SELECT max(position) AS m FROM {table} WHERE {column} = ?"
    row = next(iter(db.query(sql, [owner_id])))
    return int(row["m"] or 0) + POSITION_STEP


def parse_date(value: str | date | None, what: str) -> date | None:
    """Read an ISO date (or a date) typed by the officer; refuse anything else in Vietnamese."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = value.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text[:10] if pattern == "%Y-%m-%d" else text,
                                     pattern).date()
        except ValueError:
            continue
    raise ValidationError(f"{what} “{value}” không phải ngày hợp lệ (ngày/tháng/năm, ví dụ "
                          "15/06/2026).")


def iso_date(value: str | date | None, what: str) -> str | None:
    """Return a typed date as ISO text (None when empty), refusing an invalid one."""
    day = parse_date(value, what)
    return day.isoformat() if day else None


def required_text(value: str, message: str) -> str:
    """Return the text with spaces collapsed, or raise ValidationError(message) if empty."""
    text = collapse_spaces(value or "")
    if not text:
        raise ValidationError(message)
    return text


def clean_lines(values: list[str]) -> list[str]:
    """Return the non-empty lines of a list, each with spaces collapsed."""
    return [collapse_spaces(v) for v in values if collapse_spaces(v)]


def vn_date(value: str | date | None) -> str:
    """Format a date as dd/mm/yyyy ('' when missing)."""
    day = parse_date(value, "Ngày") if not isinstance(value, date) else value
    return f"{day:%d/%m/%Y}" if day else ""
