"""Open the register: one SQLite file through sqlite-utils, checked before it is touched.

Durability: WAL lets the window read while a write commits and never leaves the main file
half-written; synchronous=FULL syncs the WAL at every commit, so an edit the officer saw saved
survives a power cut (NORMAL could lose the last commits). Foreign keys are always on.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import methodcaller
from pathlib import Path

from platformdirs import user_data_dir
from sqlite_utils import Database

from cchc_desktop.errors import RegisterError
from cchc_desktop.register.checks import (
    NetworkRegister,
    RegisterDamaged,
    check_contents,
    check_header,
    check_wal,
    network_kind,
    read_uri,
)
from cchc_desktop.register.failures import as_register_error, environmental
from cchc_desktop.register.migrations import MIGRATION_SET, known_names, migrations

APP_NAME = "CCHC Desktop"
BUSY_TIMEOUT_MS = 5000


class ReadOnlyRegister(RegisterError):
    """The register file may only be read: it opens for viewing."""


def default_register_path() -> Path:
    """Return the register used when no --db is given (in the platform user data dir)."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "so-dang-ky-cchc.sqlite"


def os_user() -> str:
    """Return the operating-system user name, or '' if it cannot be known."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


@dataclass
class Register:
    """An open register file: the sqlite-utils Database and where it lives."""

    db: Database
    path: Path
    read_only: bool = False
    on_close: list[Callable[[], None]] = field(default_factory=list)  # e.g. release the lock

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """Run the block as one transaction (nested blocks become savepoints).

        The outer transaction starts with BEGIN IMMEDIATE: it takes the write lock first, so a
        second window or process waits (busy_timeout) instead of failing with "database is
        locked" when its read turns into a write.
        """
        if self.read_only:
            raise RegisterError(f"Sổ '{self.path.name}' đang mở ở chế độ chỉ đọc; không thể sửa.")
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic() as db:
                yield db
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise as_register_error(error, self.path) from error
        try:
            yield self.db
            conn.execute("COMMIT")
        except BaseException as error:
            if conn.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError) and environmental(error):
                raise as_register_error(error, self.path) from error  # disk full, read-only…
            raise

    def checkpoint(self, *, start_generation: bool = True) -> bool:
        """Copy the WAL into the register file (without waiting for readers); True when the
        file alone is now current. A new WAL then starts with a new generation (page 1 first),
        by which a -wal copied beside another version of the file is recognised."""
        if self.read_only or str(self.path) == ":memory:" or self.db.conn.in_transaction:
            return False
        conn = self.db.conn
        try:
            conn.execute("PRAGMA busy_timeout = 0")
            busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy and start_generation:
                next_generation(conn)
        except sqlite3.Error:
            return False
        finally:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return not busy

    def close(self) -> None:
        """Checkpoint the WAL into the file, close the connection, then run the on_close
        hooks once (e.g. release the lock)."""
        try:
            with contextlib.suppress(sqlite3.ProgrammingError):
                self.checkpoint(start_generation=False)
            self.db.close()
        finally:
            hooks, self.on_close = self.on_close, []
            for hook in hooks:
                hook()


def _check_file(path: Path, read_only: bool, check: bool) -> None:
    """Refuse a file that is not SQLite, is damaged or cannot be written, before SQLite opens
    it (check=False skips the header and quick_check: a worker reopening a checked file)."""
    if path.is_dir():
        raise RegisterError(f"'{path}' là một thư mục, không phải tệp sổ đăng ký.")
    if not path.exists():
        where = network_kind(path.parent) if check and not read_only else None
        if where:
            raise NetworkRegister(path, where)
        return
    if check or path.stat().st_size == 0:
        check_header(path)
        check_wal(path)
    where = network_kind(path) if check and not read_only else None
    if where:
        raise NetworkRegister(path, where)
    if not read_only and not os.access(path, os.W_OK):
        raise ReadOnlyRegister(
            f"Tệp '{path.name}' chỉ cho phép đọc (read-only). Hãy chép tệp sang thư mục khác "
            "hoặc bỏ thuộc tính chỉ đọc rồi mở lại. Tệp không bị thay đổi."
        )


def _applied_names(path: Path) -> list[str]:
    """Read the applied migration names without writing anything to the file."""
    if not path.exists() or path.stat().st_size == 0:
        return []
    uri = read_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            rows = conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [MIGRATION_SET],
            ).fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return _check_empty_schema(path)
        raise RegisterError(f"Không đọc được tệp '{path.name}': {error}.") from error
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a flipped schema text
        raise RegisterDamaged(path, f"SQLite báo: {error}") from error
    return [row[0] for row in rows]


def _check_empty_schema(path: Path) -> list[str]:
    """Accept a SQLite file with no tables; refuse one that holds someone else's tables."""
    conn = sqlite3.connect(read_uri(path), uri=True)
    try:
        count = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
    finally:
        conn.close()
    if count:
        raise RegisterError(
            f"Tệp '{path.name}' là cơ sở dữ liệu SQLite nhưng không phải sổ đăng ký CCHC. "
            "Tệp không bị thay đổi."
        )
    return []


def _check_version(path: Path) -> list[str]:
    """Refuse a register written by a newer app (a migration this app does not know)."""
    applied = _applied_names(path)
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise RegisterError(
            f"Sổ '{path.name}' được tạo bởi phiên bản CCHC Desktop mới hơn (lược đồ "
            f"{unknown[-1]}). Hãy cập nhật phần mềm; tệp không bị thay đổi."
        )
    return applied


def pending_migrations(path: Path) -> bool:
    """Return True when the register at path lacks migrations this app would apply."""
    return len(_check_version(path)) < len(known_names())


# Decode a TEXT value; bytes that are not UTF-8 become the replacement mark (U+FFFD). A C-level
# callable: it runs for every text cell read (a million for 100,000 tasks).
_text = methodcaller("decode", "utf-8", "replace")


def _configure(db: Database, read_only: bool) -> None:
    """Set the pragmas every connection uses."""
    db.conn.text_factory = _text
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    if not read_only:
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")


def open_register(path: str | Path, read_only: bool = False, check: bool = True) -> Register:
    """Open (creating and migrating if needed) the register at path, after checking it
    (header, quick_check, schema) unless check is False (a worker reopening a checked file)."""
    path = Path(path)
    _check_file(path, read_only, check)
    applied = _check_version(path)
    if check and path.exists():
        check_contents(path, applied)
    if read_only:
        if not path.exists():
            raise RegisterError(f"Không tìm thấy sổ '{path}'.")
        conn = sqlite3.connect(read_uri(path), uri=True)
        register = Register(Database(conn), path, read_only=True)
        _configure(register.db, read_only=True)
        return register
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        db = Database(path)
        _configure(db, read_only=False)
        if len(applied) < len(known_names()):
            migrations.apply(db)
        with contextlib.suppress(sqlite3.OperationalError):  # busy: counting can wait
            next_generation(db.conn)  # page 1 in the WAL: what its generation is checked by
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise RegisterError(f"Không mở được sổ '{path.name}': {error}.") from error
    return Register(db, path)


def next_generation(conn: sqlite3.Connection) -> None:
    """Count one more generation of the register (PRAGMA user_version, in page 1)."""
    current = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.execute(f"PRAGMA user_version = {(current + 1) % 2**31}")


def open_memory_register() -> Register:
    """Return a fresh in-memory register (for tests and dry runs)."""
    db = Database(memory=True)
    _configure(db, read_only=True)
    migrations.apply(db)
    return Register(db, Path(":memory:"))
