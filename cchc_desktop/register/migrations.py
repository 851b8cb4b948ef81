"""The register's one named migration set (sqlite-utils Migrations) and its runner helpers.

Every feature package owns its tables and registers its migrations on `migrations` (see
cchc_desktop/__init__.py); this module imports no feature. Never edit a
migration that has been released: add a new one. A register that has applied a migration this
set does not know was written by a newer version of the app and is refused.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "cchc"
migrations = Migrations(MIGRATION_SET)

def run_script(db: Database, script: str) -> None:
    """Run each statement of a script on the migration's connection (inside its transaction)."""
    for statement in _split_statements(script):
        db.execute(statement)


def _split_statements(script: str) -> list[str]:
    """Split a script at semicolons that end a statement (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        stripped = line.strip()
        in_trigger = "CREATE TRIGGER" in buffer and not buffer.rstrip().endswith("END;")
        if stripped.endswith(";") and not in_trigger:
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def known_names() -> list[str]:
    """Return the names of every migration this version of the app knows, in order."""
    return [m.name for m in migrations._migrations]


def put_in_release_order() -> None:
    """Order the set by name: names start with their release number ("0004_exchange").

    Feature packages register their migrations when they are imported, in whatever order
    imports happen; the set must apply them in release order, as registers in the field did.
    """
    migrations._migrations.sort(key=lambda m: m.name)
