"""The audit trail: who changed what, when, before → after (written in the same transaction)."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from typing import Any

from sqlite_utils import Database

from cchc_desktop.register.connection import os_user


def _encode(value: Any) -> str | None:
    """Encode a record for the log as JSON (dataclasses as dicts)."""
    if value is None:
        return None
    if is_dataclass(value) and not isinstance(value, type):
        value = asdict(value)
    return json.dumps(value, ensure_ascii=False, default=str)


def record(
    db: Database,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one change to the audit log (call inside the change's transaction)."""
    officer = next(iter(db.query("SELECT officer_name FROM agency WHERE id = 1")), {})
    db.table("audit_log").insert(
        {
            "officer": officer.get("officer_name", ""),
            "os_user": os_user(),
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "before": _encode(before),
            "after": _encode(after),
        }
    )


def recent(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    """Return the latest audit entries, newest first."""
    return list(db.query("SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", [limit]))
