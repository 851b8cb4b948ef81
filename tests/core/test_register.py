"""The register file: migrations, pragmas, and refusing files it must not touch."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop.errors import RegisterError
from cchc_desktop.register.connection import open_register
from cchc_desktop.register.migrations import known_names


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_register_is_migrated_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    reg = open_register(tmp_path / "new.sqlite")
    tables = set(reg.db.table_names())
    assert {"agency", "units", "plans", "sections", "task_groups", "tasks", "task_units",
            "periods", "progress", "audit_log"} <= tables
    assert reg.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert reg.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    applied = [r[0] for r in reg.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied == known_names()
    reg.close()


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    open_register(tmp_path / "r.sqlite").close()
    reg = open_register(tmp_path / "r.sqlite")
    count = reg.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    assert count == len(known_names())
    reg.close()


def test_old_register_is_upgraded_without_loss(tmp_path: Path) -> None:
    from sqlite_utils import Database

    from cchc_desktop.register.migrations import migrations

    path = tmp_path / "old.sqlite"
    db = Database(path)
    migrations.apply(db, stop_before="0002_task_search")
    db.execute("INSERT INTO plans (title) VALUES ('Kế hoạch cũ')")
    db.execute("INSERT INTO tasks (plan_id, content) VALUES (1, 'Nhiệm vụ cũ')")
    db.conn.commit()
    db.close()
    reg = open_register(path)
    assert reg.db.execute("SELECT content FROM tasks").fetchone()[0] == "Nhiệm vụ cũ"
    assert "tasks_fts" in reg.db.table_names()
    reg.close()


def test_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "bang-tinh.sqlite"
    path.write_bytes(b"PK\x03\x04 this is really an xlsx" * 10)
    before = _digest(path)
    with pytest.raises(RegisterError, match="không phải là sổ đăng ký CCHC"):
        open_register(path)
    assert _digest(path) == before


def test_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(RegisterError, match="không phải sổ đăng ký CCHC"):
        open_register(path)
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_is_refused_for_writing(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    open_register(path).close()
    path.chmod(0o444)
    with pytest.raises(RegisterError, match="chỉ cho phép đọc"):
        open_register(path)


def test_read_only_file_is_refused_even_for_root(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "ro.sqlite"
    open_register(path).close()
    before = _digest(path)
    monkeypatch.setattr(os, "access", lambda p, mode: mode != os.W_OK)
    with pytest.raises(RegisterError, match="chỉ cho phép đọc"):
        open_register(path)
    assert _digest(path) == before


def test_register_from_newer_app_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    reg = open_register(path)
    reg.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('cchc', '9999_from_the_future', 'x')")
    reg.db.conn.commit()
    reg.close()
    before = _digest(path)
    with pytest.raises(RegisterError, match="phiên bản CCHC Desktop mới hơn"):
        open_register(path)
    assert _digest(path) == before


def test_read_only_mode_refuses_edits(tmp_path: Path) -> None:
    path = tmp_path / "r.sqlite"
    open_register(path).close()
    reg = open_register(path, read_only=True)
    with pytest.raises(RegisterError, match="chỉ đọc"), reg.transaction():
        pass
    reg.close()
