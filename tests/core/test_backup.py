"""Snapshots beside the register: taken with the backup API, rotated, listed, restored."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from cchc_desktop.errors import RegisterError
from cchc_desktop.plans import services
from cchc_desktop.register import backup, restore
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.register.migrations import known_names

T0 = datetime(2026, 3, 14, 9, 30, 5)
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "registers"


def tasks_in(path: Path) -> int:
    """Count tasks in a register file through a plain read-only connection."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM tasks").fetchone()[0])
    finally:
        conn.close()


def task_count(register: Register) -> int:
    """Count tasks through the register's own connection."""
    return int(register.db.execute("SELECT count(*) FROM tasks").fetchone()[0])


def test_snapshot_is_a_complete_plain_file_beside_the_register(demo_register: Register) -> None:
    path = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    assert path.parent == demo_register.path.parent / "so-sao-luu"
    assert path.name == "2026-03-14_09-30-05_khoi-dong.sqlite"
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    finally:
        conn.close()
    assert tasks_in(path) == task_count(demo_register) == 53
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]  # no -wal, no .tmp


def test_snapshot_holds_only_committed_data(demo_register: Register) -> None:
    other = sqlite3.connect(demo_register.path, isolation_level=None)
    other.execute("PRAGMA busy_timeout = 5000")
    other.execute("BEGIN IMMEDIATE")
    other.execute("DELETE FROM tasks")
    try:
        path = backup.snapshot(demo_register, backup.REASON_IMPORT, now=T0)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert tasks_in(path) == 53


def test_snapshots_in_the_same_second_get_distinct_names(register: Register) -> None:
    first = backup.snapshot(register, backup.REASON_STARTUP, now=T0)
    second = backup.snapshot(register, backup.REASON_IMPORT, now=T0)
    third = backup.snapshot(register, backup.REASON_IMPORT, now=T0)
    assert (first.name, second.name, third.name) == (
        "2026-03-14_09-30-05_khoi-dong.sqlite",
        "2026-03-14_09-30-05_2_truoc-nhap.sqlite",
        "2026-03-14_09-30-05_3_truoc-nhap.sqlite",
    )
    listed = backup.list_snapshots(register.path)
    assert [s.path for s in listed] == [third, second, first]


def test_reason_must_be_a_slug(register: Register) -> None:
    with pytest.raises(ValueError):
        backup.snapshot(register, "../../etc")


def test_rotation_keeps_the_last_twenty_and_one_per_month() -> None:
    start = datetime(2024, 1, 1, 8)
    stamps = [start + timedelta(days=3 * i) for i in range(300)]  # about 2.5 years
    files = sorted(
        ((when, 1, "khoi-dong", Path(f"{i}.sqlite")) for i, when in enumerate(stamps)),
        key=lambda item: item[0], reverse=True,
    )
    kept = backup.kept_paths(files, keep_last=20)
    newest = {item[3] for item in files[:20]}
    months = {(when.year, when.month) for when, *_ in files}
    assert newest <= kept
    kept_months = {(w.year, w.month) for w, _s, _r, p in files if p in kept}
    assert kept_months == months
    assert len(kept) <= 20 + len(months)
    for month in months:  # the one kept per month is that month's newest
        in_month = [item for item in files if (item[0].year, item[0].month) == month]
        assert in_month[0][3] in kept


def test_rotation_on_disk_spares_foreign_files(register: Register) -> None:
    folder = backup.backup_folder(register.path)
    for day in range(40):
        backup.snapshot(register, backup.REASON_STARTUP, now=T0 + timedelta(days=day))
    (folder / "ghi-chu-cua-toi.txt").write_text("giữ lại", encoding="utf-8")
    stale = folder / "2026-01-01_00-00-00_khoi-dong.sqlite.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    backup.rotate(folder)
    listed = backup.list_snapshots(register.path)
    # 40 daily snapshots 14/3 → 22/4: the newest 20 (3/4 → 22/4) plus March's newest (31/3)
    assert len(listed) == 21
    assert listed[0].taken_at == T0 + timedelta(days=39)
    assert listed[-1].taken_at == datetime(2026, 3, 31, 9, 30, 5)
    assert (folder / "ghi-chu-cua-toi.txt").exists() and not stale.exists()
    backup.snapshot(register, backup.REASON_STARTUP, now=T0 + timedelta(days=400))
    listed = backup.list_snapshots(register.path)
    assert len(listed) == 21  # 3/4 drops out; 31/3 and April's newest (22/4) stay
    assert {s.taken_at.date().isoformat() for s in listed} >= {"2026-03-31", "2026-04-22"}
    assert "2026-04-03" not in {s.taken_at.date().isoformat() for s in listed}


def test_list_shows_date_reason_counts_and_damaged_files(demo_register: Register) -> None:
    backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    services.delete_plan(demo_register, services.current_plan_id(demo_register) or 0)
    backup.snapshot(demo_register, backup.REASON_IMPORT, now=T0 + timedelta(hours=1))
    folder = backup.backup_folder(demo_register.path)
    (folder / "2026-03-14_11-00-00_thu-cong.sqlite").write_bytes(b"not sqlite at all" * 10)
    listed = backup.list_snapshots(demo_register.path)
    assert [(s.label, s.task_count, s.plan_count) for s in listed] == [
        ("Sao lưu thủ công", None, None),
        ("Trước khi nhập phụ lục", 0, 0),
        ("Khi mở phần mềm", 53, 1),
    ]
    assert not listed[0].readable and listed[2].taken_at == T0
    assert backup.list_snapshots(demo_register.path.with_name("khac.sqlite")) == []


def test_restore_brings_back_the_snapshot_and_keeps_the_current_state(
    demo_register: Register,
) -> None:
    good = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    services.delete_plan(demo_register, services.current_plan_id(demo_register) or 0)
    assert task_count(demo_register) == 0
    fresh = restore.restore(demo_register, good, now=T0 + timedelta(minutes=5))
    try:
        assert task_count(fresh) == 53
        assert fresh.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        last = fresh.db.execute("SELECT action, entity, after FROM audit_log ORDER BY id DESC")
        assert last.fetchone()[:2] == ("restore", "register")
        safety = [s for s in backup.list_snapshots(fresh.path) if s.reason == "truoc-khoi-phuc"]
        assert len(safety) == 1 and safety[0].task_count == 0
        assert safety[0].taken_at == T0 + timedelta(minutes=5)
    finally:
        fresh.close()
    with pytest.raises(sqlite3.ProgrammingError):
        demo_register.db.execute("SELECT 1")  # the old connection was closed


def test_restore_while_another_window_reads_the_register(demo_register: Register) -> None:
    good = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    services.delete_plan(demo_register, services.current_plan_id(demo_register) or 0)
    reader = open_register(demo_register.path, read_only=True)
    try:
        assert task_count(reader) == 0
        fresh = restore.restore(demo_register, good)
        assert task_count(reader) == 53  # WAL: the other window sees the restored register
        fresh.close()
    finally:
        reader.close()


def test_restore_an_older_schema_migrates_it(register: Register, tmp_path: Path) -> None:
    old = sorted(FIXTURES.glob("*.sqlite"))[0]
    copy = tmp_path / "cu.sqlite"
    shutil.copy(old, copy)
    expected = tasks_in(copy)
    fresh = restore.restore(register, copy)
    try:
        applied = [r[0] for r in fresh.db.execute("SELECT name FROM _sqlite_migrations")]
        assert applied == known_names()
        assert task_count(fresh) == expected > 0
    finally:
        fresh.close()


@pytest.mark.parametrize("kind", ["garbage", "foreign", "newer"])
def test_restore_refuses_a_bad_snapshot_and_changes_nothing(
    demo_register: Register, tmp_path: Path, kind: str
) -> None:
    bad = tmp_path / "xau.sqlite"
    if kind == "garbage":
        bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE khac (x)")
        conn.commit()
        conn.close()
    else:
        shutil.copy(backup.snapshot(demo_register, backup.REASON_MANUAL, now=T0), bad)
        conn = sqlite3.connect(bad)
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('cchc', '9999_future', '2030-01-01')")
        conn.commit()
        conn.close()
    before = len(backup.list_snapshots(demo_register.path))
    with pytest.raises(RegisterError) as caught:
        restore.restore(demo_register, bad)
    assert "xau.sqlite" in str(caught.value) and "không thay đổi" in str(caught.value)
    assert task_count(demo_register) == 53
    assert len(backup.list_snapshots(demo_register.path)) == before


def test_restore_refused_on_a_read_only_register(demo_register: Register) -> None:
    good = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    reader = open_register(demo_register.path, read_only=True)
    try:
        with pytest.raises(RegisterError, match="chỉ đọc"):
            restore.restore(reader, good)
        assert backup.snapshot(reader, backup.REASON_MANUAL).exists()  # reading is allowed
    finally:
        reader.close()


def test_snapshot_failure_is_a_vietnamese_register_error(register: Register) -> None:
    backup.backup_folder(register.path).write_text("một tệp chắn chỗ thư mục", encoding="utf-8")
    with pytest.raises(RegisterError, match="Không tạo được bản sao lưu"):
        backup.snapshot(register, backup.REASON_STARTUP)


def test_memory_register_has_no_snapshot() -> None:
    from cchc_desktop.register.connection import open_memory_register

    with pytest.raises(RegisterError):
        backup.snapshot(open_memory_register(), backup.REASON_STARTUP)


def test_restore_keeps_the_audit_of_what_it_discarded(demo_register: Register) -> None:
    good = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    services.delete_plan(demo_register, services.current_plan_id(demo_register) or 0)
    fresh = restore.restore(demo_register, good, now=T0 + timedelta(minutes=5))
    try:
        actions = [row[0] for row in fresh.db.execute("SELECT action FROM audit_log ORDER BY id")]
        assert actions[-2:] == ["delete", "restore"]  # the discarded deletion is still logged
        before = fresh.db.execute("SELECT before FROM audit_log WHERE action = 'restore'")
        recorded = json.loads(before.fetchone()[0])
        assert recorded["discarded_changes"] == 1
        assert recorded["backup"].endswith("_truoc-khoi-phuc.sqlite")
    finally:
        fresh.close()


def test_snapshots_before_risky_changes_outlive_rotation(register: Register) -> None:
    folder = backup.backup_folder(register.path)
    kept = [backup.snapshot(register, reason, now=T0 + timedelta(seconds=n))
            for n, reason in enumerate((backup.REASON_IMPORT, backup.REASON_CONSOLIDATE,
                                        backup.REASON_RESTORE))]
    for day in range(1, 60):
        backup.snapshot(register, backup.REASON_STARTUP, now=T0 + timedelta(days=day))
    backup.rotate(folder)
    assert all(path.exists() for path in kept)
    backup.delete_snapshot(register.path, kept[0])  # until the officer deletes them
    assert not kept[0].exists()
    with pytest.raises(RegisterError, match="không phải bản sao lưu"):
        backup.delete_snapshot(register.path, register.path)


def test_half_written_snapshots_are_cleaned_at_the_next_start(register: Register) -> None:
    folder = backup.backup_folder(register.path)
    folder.mkdir()
    fresh_temp = folder / "2026-03-14_09-30-05_khoi-dong.sqlite.tmp"
    fresh_temp.write_bytes(b"half")  # a copy killed a moment ago: rotation leaves it
    backup.rotate(folder)
    assert fresh_temp.exists()
    assert backup.clean_temp_files(register.path) == [fresh_temp]
    assert not fresh_temp.exists()
