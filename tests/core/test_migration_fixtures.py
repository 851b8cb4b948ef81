"""Every released schema version's fixture register opens and upgrades without losing a row."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.plans import services
from cchc_desktop.plans.queries import search_task_ids
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import open_register
from cchc_desktop.register.migrations import known_names

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registers"
RELEASED = sorted(FIXTURES.glob("schema-*.sqlite"))


def read_tables(path: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Return every user table's columns and rows (FTS shadow tables excepted), read-only."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'tasks_fts%' AND name != '_sqlite_migrations'")]
        result = {}
        for name in names:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
            select = ", ".join(f'"{c}"' for c in columns)
            rows = conn.execute(f'SELECT {select} FROM "{name}" ORDER BY rowid').fetchall()
            result[name] = (columns, rows)
        return result
    finally:
        conn.close()


def test_there_is_a_fixture_for_each_known_release() -> None:
    names = [path.stem.removeprefix("schema-") for path in RELEASED]
    assert "0002_task_search" in names and "0003_narratives" in names
    assert all(name in known_names() for name in names)


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_release_upgrades_without_loss(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    before = read_tables(copy)
    assert before["tasks"][1] and before["audit_log"][1] and before["progress"][1]
    register = open_register(copy)
    try:
        applied = [row[0] for row in register.db.execute(
            "SELECT name FROM _sqlite_migrations ORDER BY rowid")]
        assert applied == known_names()
        assert register.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert register.db.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        register.close()
    after = read_tables(copy)
    for table, (columns, rows) in before.items():
        new_columns, new_rows = after[table]
        assert set(columns) <= set(new_columns), table
        keep = [new_columns.index(c) for c in columns]
        assert [tuple(row[i] for i in keep) for row in new_rows] == rows, table


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_upgraded_release_is_usable(fixture: Path, tmp_path: Path) -> None:
    copy = tmp_path / fixture.name
    shutil.copy(fixture, copy)
    register = open_register(copy)
    try:
        plan_id = services.current_plan_id(register)
        assert plan_id is not None
        found = search_task_ids(register, plan_id, "dau bang")
        assert len(found) == 1  # the hand-added task, found by folded search after upgrade
        task_id = found.pop()
        draft = services.draft_of(services.repository.get_task(register.db, task_id))
        draft.notes = "Sửa sau khi nâng cấp"
        services.update_task(register, task_id, draft)
        record_progress(register, task_id, "2021-H1", ProgressInput(status="Hoàn thành"),
                        today=date(2021, 6, 10))
        notes = register.db.execute("SELECT notes FROM tasks WHERE id = ?", [task_id]).fetchone()
        assert notes[0] == "Sửa sau khi nâng cấp"
    finally:
        register.close()
    reopened = open_register(copy)  # a second open finds nothing to migrate
    try:
        count = reopened.db.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert count == len(known_names())
    finally:
        reopened.close()


def test_fixture_files_are_left_untouched() -> None:
    for fixture in RELEASED:
        assert not fixture.with_name(fixture.name + "-wal").exists()
        with fixture.open("rb") as handle:
            assert handle.read(16) == b"SQLite format 3\x00"
