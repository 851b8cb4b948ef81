"""Restore the register from a snapshot, atomically against every other writer.

The snapshot is copied into the live file with SQLite's online backup API, one page per step:
after the first step the copy holds the register's write lock until it commits, so no other
window or process can commit in between. Only then is the "trước khôi phục" snapshot taken
(from a separate read connection, which sees every commit made before the lock): every change
another writer had acknowledged is either in that snapshot or, if it comes after the restore,
in the restored register. If the safety snapshot fails the copy is rolled back.

The audit history survives the restore: the entries of the discarded state that the restored
snapshot does not hold are carried over, and the restore itself is recorded with how many
changes were discarded and where they are kept.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from cchc_desktop.errors import RegisterError
from cchc_desktop.register import audit
from cchc_desktop.register.backup import (
    REASON_RESTORE,
    backup_folder,
    check_snapshot,
    copy_file,
    rotate,
    snapshot,
)
from cchc_desktop.register.connection import Register, open_register

BUSY_STEPS = 200  # 200 x 50 ms: a writer busy for 10 s without a pause refuses the restore
_OK, _BUSY, _LOCKED, _DONE = 0, 5, 6, 101
_AUDIT_COLUMNS = "at, officer, os_user, action, entity, entity_id, before, after"


class _Busy(Exception):
    """Another connection kept the write lock."""


def restore(
    register: Register, snapshot_path: str | Path, *, now: datetime | None = None
) -> Register:
    """Copy a snapshot into the register (backing up its state first); return it reopened."""
    source_path = Path(snapshot_path)
    if register.read_only:
        raise RegisterError(
            f"Sổ '{register.path.name}' đang mở ở chế độ chỉ đọc; không thể khôi phục."
        )
    check_snapshot(source_path)
    taken: list[Path] = []
    staged = _staged_copy(register, source_path)
    try:
        _copy_under_lock(register, staged, source_path.name, lambda: taken.append(
            snapshot(register, REASON_RESTORE, now=now, rotate_after=False)))
    finally:
        staged.unlink(missing_ok=True)
    path = register.path
    hooks, register.on_close = register.on_close, []  # the lock stays held across the reopen
    register.close()
    fresh = open_register(path)
    fresh.on_close.extend(hooks)
    try:
        fresh.db.execute("PRAGMA busy_timeout = 60000")  # another writer may be busy now
        keep_history(fresh, taken[0], source_path)
        fresh.db.execute("PRAGMA busy_timeout = 5000")
    except (sqlite3.Error, RegisterError) as error:
        fresh.close()
        raise RegisterError(
            f"Đã khôi phục sổ '{path.name}' nhưng chưa chép được nhật ký thay đổi từ bản "
            f"'{taken[0].name}' ({error}); nhật ký cũ vẫn còn trong bản đó.") from error
    rotate(backup_folder(path))
    return fresh


def _staged_copy(register: Register, source_path: Path) -> Path:
    """Copy the snapshot beside the register carrying the register's current generation, so
    the restored file keeps counting forward (a -wal is checked by it, checks.check_wal)."""
    staged = backup_folder(register.path) / f"{source_path.stem}.khoi-phuc.sqlite.tmp"
    generation = int(register.db.execute("PRAGMA user_version").fetchone()[0])
    try:
        staged.parent.mkdir(parents=True, exist_ok=True)
        copy_file(source_path, staged)
        conn = sqlite3.connect(staged)
        try:
            conn.execute(f"PRAGMA user_version = {generation}")
            conn.commit()
        finally:
            conn.close()
    except (OSError, sqlite3.Error) as error:
        staged.unlink(missing_ok=True)
        raise RegisterError(
            f"Không chuẩn bị được bản '{source_path.name}' để khôi phục: {error}. Sổ hiện tại "
            "không thay đổi.") from error
    return staged


def _copy_under_lock(register: Register, source_path: Path, shown: str,
                     while_locked: object) -> None:
    """Copy source over the live register; call while_locked() once the write lock is held."""
    assert callable(while_locked)
    state = {"locked": False, "busy": 0}

    def progress(status: int, _remaining: int, _total: int) -> None:
        if state["locked"]:
            return
        if status in (_BUSY, _LOCKED):
            state["busy"] += 1
            if state["busy"] > BUSY_STEPS:
                raise _Busy
            return
        if status != _OK:  # done in one step: committed without a safety snapshot
            raise RegisterError(f"Bản sao lưu '{shown}' quá nhỏ để là một sổ.")
        while_locked()
        state["locked"] = True

    source = sqlite3.connect(source_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        source.backup(register.db.conn, pages=1, progress=progress, sleep=0.05)
    except _Busy as error:
        raise RegisterError(
            f"Sổ '{register.path.name}' đang được một cửa sổ hoặc chương trình khác ghi nên "
            "chưa khôi phục được. Sổ hiện tại không thay đổi; hãy đóng chương trình kia rồi "
            "thử lại.") from error
    except sqlite3.Error as error:
        raise RegisterError(
            f"Không khôi phục được từ '{shown}': {error}. Sổ hiện tại không thay "
            "đổi; hãy đóng các cửa sổ khác đang mở sổ rồi thử lại."
        ) from error
    finally:
        source.close()


def keep_history(register: Register, discarded: Path, restored: Path) -> int:
    """Carry the discarded state's audit entries over and record the restore; return how many
    entries were carried (the changes the restore discarded)."""
    conn = register.db.conn
    conn.execute("ATTACH DATABASE ? AS prior", [str(discarded)])
    try:
        with register.transaction() as db:
            first = db.execute("SELECT coalesce(max(id), 0) + 1 FROM main.audit_log").fetchone()[0]
            db.execute(
                f"INSERT INTO main.audit_log ({_AUDIT_COLUMNS}) SELECT {_AUDIT_COLUMNS} "
                "FROM prior.audit_log AS p WHERE NOT EXISTS (SELECT 1 FROM main.audit_log AS m "
                "WHERE m.id = p.id AND m.at = p.at AND m.action = p.action "
                "AND m.entity = p.entity) ORDER BY p.id")
            carried = db.execute("SELECT count(*) FROM main.audit_log WHERE id >= ?",
                                 [first]).fetchone()[0]
            audit.record(db, "restore", "register", None,
                         before={"backup": discarded.name, "discarded_changes": carried,
                                 "audit_ids": [first, first + carried - 1] if carried else []},
                         after={"snapshot": restored.name})
    finally:
        conn.execute("DETACH DATABASE prior")
    return int(carried)
