"""Return templates carry their metadata signed with a secret kept in the register.

Migration 0011_template_secret stores a random secret in the register (never in a file sent
out). Each template gets a random nonce, and the plan, unit, period, creation time and the
tasks as sent are each signed with HMAC-SHA256 over (nonce, field, value): a returned file whose
hidden sheet was edited, or whose fields were mixed from two templates, is refused naming what
was altered. Only the register that wrote a template can check it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from collections.abc import Iterable

from cchc_desktop.register.connection import Register

SIGNED_FIELDS = {  # key in the hidden sheet -> what the officer is told was altered
    "plan": "kế hoạch",
    "unit": "đơn vị",
    "period": "kỳ báo cáo",
    "created": "thời điểm tạo biểu mẫu",
    "tasks": "danh sách nhiệm vụ (mã nhiệm vụ)",
}


def register_secret(register: Register) -> bytes:
    """Return the register's signing secret (empty if the register has none)."""
    row = register.db.execute("SELECT secret FROM template_secret WHERE id = 1").fetchone()
    return bytes.fromhex(row[0]) if row else b""


def new_nonce() -> str:
    """Return a fresh template nonce."""
    return secrets.token_hex(12)


def field_values(plan_id: int, fingerprint: str, unit_id: int | None, period: str,
                 created_at: str, tasks: Iterable[tuple[int, str, str, str]]) -> dict[str, str]:
    """Return the canonical text of each signed field."""
    return {
        "plan": json.dumps([plan_id, fingerprint]),
        "unit": json.dumps(unit_id),
        "period": json.dumps(period),
        "created": json.dumps(created_at),
        "tasks": json.dumps(sorted([int(t[0]), t[1], t[2], t[3]] for t in tasks),
                            ensure_ascii=False),
    }


def sign(secret: bytes, nonce: str, values: dict[str, str]) -> dict[str, str]:
    """Return the signature of each field."""
    return {key: hmac.new(secret, f"{nonce}\x1f{key}\x1f{text}".encode(), hashlib.sha256)
            .hexdigest() for key, text in values.items()}


def altered(secret: bytes, nonce: str, values: dict[str, str],
            signatures: dict[str, str]) -> list[str]:
    """Return what was altered (in Vietnamese), in the order of SIGNED_FIELDS."""
    expected = sign(secret, nonce, values)
    return [label for key, label in SIGNED_FIELDS.items()
            if not hmac.compare_digest(expected[key], signatures.get(key, ""))]
