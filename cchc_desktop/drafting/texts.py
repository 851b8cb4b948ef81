"""The officer's own words for each section of a báo cáo, kept in the register per plan and period.

A row in `narratives` (plan, period, section key) holds the text the officer wrote; an empty
text means "print nothing here"; no row means "print the draft". Every change is audited and
returns what was there before, so the editor can undo it.
"""

from __future__ import annotations

from datetime import datetime

from cchc_desktop.drafting.model import LEGACY
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code

_SELECT = "SELECT area, body FROM narratives WHERE plan_id = ? AND period_code = ?"


def stored_texts(register: Register, plan_id: int, period_code: str) -> dict[str, str]:
    """Return the officer's text of each section written for a period (by section key)."""
    code = parse_period_code(period_code).code
    found = {row[0]: row[1] for row in register.db.execute(_SELECT, [plan_id, code])}
    for old, new in LEGACY.items():
        if old in found and new not in found:
            found[new] = found.pop(old)
    return found


def save_text(register: Register, plan_id: int, period_code: str, key: str,
              text: str | None) -> str | None:
    """Keep the officer's text of a section (None: back to the draft); return the previous one."""
    code = parse_period_code(period_code).code
    keys = [key, *(old for old, new in LEGACY.items() if new == key)]
    with register.transaction() as db:
        before = stored_texts(register, plan_id, code).get(key)
        for name in keys:
            db.execute("DELETE FROM narratives WHERE plan_id = ? AND period_code = ? AND "
                       "area = ?", [plan_id, code, name])
        if text is not None:
            db.table("narratives").insert(
                {"plan_id": plan_id, "period_code": code, "area": key, "body": text.strip(),
                 "updated_at": datetime.now().isoformat(timespec="seconds")})
        audit.record(db, "report_text", "plan", plan_id,
                     before={"period": code, "section": key, "text": before},
                     after={"period": code, "section": key, "text": text})
    return before
