"""Schema migrations of the exchange feature (registered on the register's one migration set).

template_secret (0011): the random secret return templates are signed with.
template_log: each return template written for a unit (which units were asked to report for a
period). return_log: each returned file received and applied (unit, period, file, fingerprint,
how many changes it brought).
"""

from __future__ import annotations

import secrets

from sqlite_utils import Database

from cchc_desktop.register.migrations import migrations, run_script

__all__ = ["migrations", "run_script"]

_EXCHANGE = """
CREATE TABLE template_log (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
    unit_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    tasks INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX template_log_plan ON template_log(plan_id, period_code);

CREATE TABLE return_log (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
    unit_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    template_created_at TEXT NOT NULL DEFAULT '',
    rows_read INTEGER NOT NULL DEFAULT 0,
    changes_applied INTEGER NOT NULL DEFAULT 0,
    received_at TEXT NOT NULL,
    officer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX return_log_plan ON return_log(plan_id, period_code);
CREATE INDEX return_log_fingerprint ON return_log(fingerprint);
"""


@migrations(name="0004_exchange")
def _exchange(db: Database) -> None:
    run_script(db, _EXCHANGE)


@migrations(name="0011_template_secret")
def _template_secret(db: Database) -> None:
    """The register's secret for signing return templates (exchange/signing.py)."""
    db.execute("CREATE TABLE template_secret (id INTEGER PRIMARY KEY CHECK (id = 1), "
               "secret TEXT NOT NULL)")
    db.execute("INSERT INTO template_secret (id, secret) VALUES (1, ?)",
               [secrets.token_hex(32)])
