"""The TT a new section, group or task gets in a plan that keeps its printed numbers: the number
after its previous sibling (after 4.5 → 4.6, after 3 → 4, after VI → VII), which the officer
can still edit. Nothing else is renumbered. (A plan that renumbers rewrites every TT anyway.)
"""

from __future__ import annotations

import re

from sqlite_utils import Database

_LAST_NUMBER = re.compile(r"(\d+)(\D*)$")
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90),
          ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def roman(value: int) -> str:
    """Write a section number in Roman numerals (1 → I, 14 → XIV)."""
    out = ""
    for letters, amount in _ROMAN:
        while value >= amount:
            out, value = out + letters, value - amount
    return out


def _from_roman(text: str) -> int | None:
    """Return the value of a well-written Roman numeral (None if it is not one)."""
    if not text or any(c not in _ROMAN_VALUES for c in text):
        return None
    values = [_ROMAN_VALUES[c] for c in text]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))
    return total if roman(total) == text else None


def next_after(number: str, roman_numerals: bool = False) -> str:
    """Return the number after a printed one: 4.5 → 4.6, 3 → 4, "2." → "3.", b → c, and with
    roman_numerals VI → VII; "" when the number says nothing to follow."""
    text = number.strip()
    value = _from_roman(text.rstrip(".").upper()) if roman_numerals else None
    if value is not None:
        return roman(value + 1)
    match = _LAST_NUMBER.search(text)
    if match:
        return f"{text[:match.start(1)]}{int(match.group(1)) + 1}{match.group(2)}"
    bare = text.rstrip(".")
    if len(bare) == 1 and "a" <= bare.lower() < "z":
        return chr(ord(bare) + 1) + text[1:]
    return ""


def section_code(db: Database, plan_id: int) -> str:
    """Return the number of a section added at the end of the plan."""
    codes = [r[0] or "" for r in db.execute(
        "SELECT code FROM sections WHERE plan_id = ? ORDER BY position DESC, id DESC",
        [plan_id])]
    if codes and next_after(codes[0], roman_numerals=True):
        return next_after(codes[0], roman_numerals=True)
    return roman(len(codes) + 1)


def _last_block_number(db: Database, plan_id: int, section_id: int | None) -> str | None:
    """Return the TT of the last group or loose task of a section (None if it has none)."""
    row = db.execute(
        "SELECT number FROM (SELECT number, position FROM task_groups WHERE plan_id = ? AND "
        "section_id IS ? UNION ALL SELECT number, position FROM tasks WHERE plan_id = ? AND "
        "section_id IS ? AND group_id IS NULL) ORDER BY position DESC LIMIT 1",
        [plan_id, section_id, plan_id, section_id]).fetchone()
    return None if row is None else str(row[0] or "")


def group_number(db: Database, plan_id: int, section_id: int | None) -> str:
    """Return the number of a group added at the end of a section."""
    last = _last_block_number(db, plan_id, section_id)
    return "1" if last is None else next_after(last)


def task_number(db: Database, plan_id: int, section_id: int | None, group_id: int | None,
                after_task_id: int | None) -> str:
    """Return the TT of a task added after a task, or at the end of its group or section."""
    if after_task_id is not None:
        row = db.execute("SELECT number FROM tasks WHERE id = ?", [after_task_id]).fetchone()
        if row is not None and next_after(row[0] or ""):
            return next_after(row[0] or "")
    if group_id is None:
        last = _last_block_number(db, plan_id, section_id)
        return "1" if last is None else next_after(last)
    row = db.execute("SELECT number FROM tasks WHERE group_id = ? ORDER BY position DESC "
                     "LIMIT 1", [group_id]).fetchone()
    if row is not None:
        return next_after(row[0] or "")
    group = db.execute("SELECT number FROM task_groups WHERE id = ?", [group_id]).fetchone()
    prefix = str(group[0] or "").strip().rstrip(".") if group is not None else ""
    return f"{prefix}.1" if prefix else "1"
