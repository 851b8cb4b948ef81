"""Snapshots of the register (bản sao lưu) in a folder beside it: take, rotate, list, restore.

A snapshot is copied with SQLite's online backup API from a separate read connection, so it
holds only committed data and is consistent even while the window (or another instance) writes.
It is written under a temporary name, synced, switched to a plain rollback-journal file (no -wal
beside it) and renamed only when complete: a crash never leaves a half snapshot that looks
valid. File names carry the local time and the reason, e.g.
``so-dang-ky-cchc-sao-luu/2026-01-05_14-30-12_truoc-nhap.sqlite``.

Rotation keeps the newest KEEP_LAST start-up and manual snapshots plus the newest one of every
calendar month; snapshots taken before an import, a consolidation, a restore or a deletion are
never rotated away: they stay until the officer deletes them (delete_snapshot).
Restoring is cchc_desktop.register.restore (atomic against other writers).
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cchc_desktop.errors import RegisterError
from cchc_desktop.register.checks import RegisterDamaged
from cchc_desktop.register.connection import Register
from cchc_desktop.register.failures import ensure_free_space
from cchc_desktop.register.migrations import MIGRATION_SET, known_names

FOLDER_SUFFIX = "-sao-luu"
KEEP_LAST = 20
STALE_TEMP_SECONDS = 3600

REASON_STARTUP = "khoi-dong"
REASON_IMPORT = "truoc-nhap"
REASON_CONSOLIDATE = "truoc-tong-hop"
REASON_RESTORE = "truoc-khoi-phuc"
REASON_MANUAL = "thu-cong"
ROTATED_REASONS = frozenset({REASON_STARTUP, REASON_MANUAL})
REASON_LABELS = {
    REASON_STARTUP: "Khi mở phần mềm",
    REASON_IMPORT: "Trước khi nhập phụ lục",
    REASON_CONSOLIDATE: "Trước khi tổng hợp báo cáo đơn vị",
    REASON_RESTORE: "Trước khi khôi phục",
    REASON_MANUAL: "Sao lưu thủ công",
}

_STAMP = "%Y-%m-%d_%H-%M-%S"
_NAME_RE = re.compile(
    r"^(\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2})(?:_(\d+))?_([a-z0-9][a-z0-9-]{0,39})\.sqlite$"
)
_REASON_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


@dataclass(frozen=True)
class Snapshot:
    """One snapshot file: when and why it was taken and what it holds (None: unreadable)."""

    path: Path
    taken_at: datetime
    reason: str
    sequence: int
    size_bytes: int
    task_count: int | None = None
    plan_count: int | None = None

    @property
    def label(self) -> str:
        """Return the reason as the officer reads it."""
        return REASON_LABELS.get(self.reason, self.reason)

    @property
    def readable(self) -> bool:
        """Return True when the snapshot could be opened and counted."""
        return self.task_count is not None


def backup_folder(register_path: str | Path) -> Path:
    """Return the folder that holds a register's snapshots (beside the register)."""
    path = Path(register_path)
    return path.parent / f"{path.stem}{FOLDER_SUFFIX}"


def _read_uri(path: Path) -> str:
    """Return the URI that opens a file read-only."""
    return path.resolve().as_uri() + "?mode=ro"


def _target_name(folder: Path, stamp: str, reason: str) -> Path:
    """Return a new snapshot file name; a second one in the same second gets a sequence."""
    taken = {path.name.split(".")[0] for path in folder.glob(f"{stamp}_*")}
    if not taken:
        return folder / f"{stamp}_{reason}.sqlite"
    sequence = len(taken) + 1
    while any(name.startswith(f"{stamp}_{sequence}_") for name in taken):
        sequence += 1
    return folder / f"{stamp}_{sequence}_{reason}.sqlite"


def snapshot(
    register: Register, reason: str, *, now: datetime | None = None, rotate_after: bool = True
) -> Path:
    """Copy the register's committed state into a new snapshot file; return its path."""
    if not _REASON_RE.match(reason):
        raise ValueError(f"reason must be a short lowercase slug, not {reason!r}")
    if str(register.path) == ":memory:":
        raise RegisterError("Sổ đang ở trong bộ nhớ nên không có bản sao lưu.")
    folder = backup_folder(register.path)
    stamp = (now or datetime.now()).strftime(_STAMP)
    ensure_free_space(register.path.parent, _register_bytes(register.path),
                      "sao lưu sổ trước khi làm tiếp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _target_name(folder, stamp, reason)
        _copy_to(register, target)
    except RegisterDamaged:
        raise
    except (OSError, sqlite3.Error) as error:
        raise RegisterError(
            f"Không tạo được bản sao lưu của sổ '{register.path.name}' trong thư mục "
            f"'{folder}': {error}. Hãy kiểm tra ổ đĩa còn chỗ trống và quyền ghi."
        ) from error
    if rotate_after:
        rotate(folder)
    return target


def _register_bytes(path: Path) -> int:
    """Return the bytes a copy of the register may take (the file and its -wal)."""
    total = 0
    for suffix in ("", "-wal"):
        try:
            total += path.with_name(path.name + suffix).stat().st_size
        except OSError:
            continue
    return total


def _copy_to(register: Register, target: Path) -> None:
    """Back up the open register file into target."""
    copy_file(register.path, target, writable_source=not register.read_only)


def copy_file(source_path: Path, target: Path, writable_source: bool = False) -> None:
    """Copy a register's committed state into target (online backup API, temp file, rename).

    The copy is a plain rollback-journal file (no -wal beside it), fsynced before the rename,
    so a crash never leaves a half-written copy under the target's name.
    """
    temp = target.with_name(target.name + ".tmp")
    mode = "?mode=rw" if writable_source else "?mode=ro"
    source = sqlite3.connect(Path(source_path).resolve().as_uri() + mode, uri=True)
    try:
        source.execute("PRAGMA busy_timeout = 5000")
        copy = sqlite3.connect(temp)
        try:
            copy.execute("PRAGMA synchronous = OFF")  # one fsync below, before the rename
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            problems = [row[0] for row in copy.execute("PRAGMA quick_check(1)")]
        finally:
            copy.close()
        if problems != ["ok"]:  # never keep a copy of a damaged register
            raise RegisterDamaged(Path(source_path), f"kiểm tra tệp báo lỗi: {problems[0]}")
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(temp, target)


def _parse_name(path: Path) -> tuple[datetime, int, str] | None:
    """Return (time, sequence, reason) from a snapshot file name, or None if not ours."""
    match = _NAME_RE.match(path.name)
    if not match:
        return None
    try:
        taken_at = datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None
    return taken_at, int(match.group(2) or 1), match.group(3)


def _snapshot_files(folder: Path) -> list[tuple[datetime, int, str, Path]]:
    """Return the snapshot files of a folder, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        parsed = _parse_name(path)
        if parsed is not None and path.is_file():
            found.append((*parsed, path))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return found


def kept_paths(files: list[tuple[datetime, int, str, Path]], keep_last: int) -> set[Path]:
    """Choose what rotation keeps: the newest keep_last plus the newest of each month."""
    kept = {item[3] for item in files[:keep_last]}
    months: set[tuple[int, int]] = set()
    for taken_at, _sequence, _reason, path in files:  # newest first
        month = (taken_at.year, taken_at.month)
        if month not in months:
            months.add(month)
            kept.add(path)
    return kept


def rotate(folder: Path, keep_last: int = KEEP_LAST) -> list[Path]:
    """Delete start-up and manual snapshots rotation does not keep (and stale temp files);
    return those deleted. Snapshots taken before a risky change are never rotated."""
    files = [item for item in _snapshot_files(folder) if item[2] in ROTATED_REASONS]
    kept = kept_paths(files, keep_last)
    deleted = []
    for *_rest, path in files:
        if path not in kept:
            try:
                path.unlink()
                deleted.append(path)
            except OSError:
                continue  # open elsewhere (Windows): try again next time
    for temp in folder.glob("*.sqlite.tmp"):
        try:
            if time.time() - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                temp.unlink()
        except OSError:
            continue
    return deleted


def clean_temp_files(register_path: str | Path) -> list[Path]:
    """Delete every half-written snapshot (*.sqlite.tmp) a killed copy left; call it while
    holding the register's lock (no other copy of this register can be running)."""
    removed = []
    for temp in backup_folder(register_path).glob("*.sqlite.tmp"):
        try:
            temp.unlink()
        except OSError:
            continue
        removed.append(temp)
    return removed


def delete_snapshot(register_path: str | Path, snapshot_path: str | Path) -> None:
    """Delete one snapshot of the register (the officer's choice in Tệp → Khôi phục)."""
    path = Path(snapshot_path)
    if path.parent.resolve() != backup_folder(register_path).resolve() or _parse_name(
            path) is None:
        raise RegisterError(f"'{path.name}' không phải bản sao lưu của sổ này.")
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as error:
        raise RegisterError(
            f"Không xóa được bản sao lưu '{path.name}': {error}. Có thể tệp đang mở trong "
            "chương trình khác.") from error


def _counts(path: Path) -> tuple[int | None, int | None]:
    """Return (tasks, plans) held by a snapshot, or (None, None) if it cannot be read."""
    try:
        conn = sqlite3.connect(_read_uri(path), uri=True)
        try:
            tasks = conn.execute("SELECT count(*) FROM tasks").fetchone()[0]
            plans = conn.execute("SELECT count(*) FROM plans").fetchone()[0]
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return None, None
    return int(tasks), int(plans)


def list_snapshots(register_path: str | Path) -> list[Snapshot]:
    """List a register's snapshots, newest first, with task and plan counts (read-only)."""
    result = []
    for taken_at, sequence, reason, path in _snapshot_files(backup_folder(register_path)):
        tasks, plans = _counts(path)
        result.append(
            Snapshot(path, taken_at, reason, sequence, path.stat().st_size, tasks, plans)
        )
    return result


def check_snapshot(path: Path) -> None:
    """Refuse a snapshot that is damaged, not a register, or from a newer app version."""
    name = path.name
    try:
        conn = sqlite3.connect(_read_uri(path), uri=True)
        try:
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
            names = [row[0] for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])]
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as error:
        raise RegisterError(
            f"Bản sao lưu '{name}' không đọc được hoặc không phải sổ đăng ký CCHC ({error}). "
            "Sổ hiện tại không thay đổi."
        ) from error
    if check != "ok" or not names:
        raise RegisterError(f"Bản sao lưu '{name}' bị hỏng. Sổ hiện tại không thay đổi.")
    if any(item not in known_names() for item in names):
        raise RegisterError(
            f"Bản sao lưu '{name}' do phiên bản CCHC Desktop mới hơn tạo; hãy cập nhật phần "
            "mềm. Sổ hiện tại không thay đổi."
        )


def newest_good_snapshot(register_path: str | Path) -> Snapshot | None:
    """Return the newest snapshot that passes check_snapshot, or None."""
    for candidate in list_snapshots(register_path):
        if not candidate.readable:
            continue
        try:
            check_snapshot(candidate.path)
        except RegisterError:
            continue
        return candidate
    return None


def offer_snapshot(error: RegisterDamaged) -> RegisterDamaged:
    """Return the damage error with the newest good snapshot named in its message."""
    good = newest_good_snapshot(error.path)
    if good is None:
        advice = (f" Không có bản sao lưu tốt trong thư mục '{backup_folder(error.path)}'; hãy "
                  "dùng một bản sao của sổ (Lưu bản sao) hoặc nhờ người hỗ trợ kỹ thuật.")
    else:
        advice = (f" Bản sao lưu tốt gần nhất: '{good.path.name}' (lúc "
                  f"{good.taken_at:%H:%M ngày %d/%m/%Y}, {good.task_count} nhiệm vụ); có thể "
                  "dùng bản đó thay cho sổ hỏng (sổ hỏng được giữ lại bên cạnh).")
    offered = RegisterDamaged(error.path, error.reason, advice)
    offered.snapshot = good
    return offered


def replace_damaged(register_path: str | Path, good: Path) -> Path:
    """Put a good snapshot in place of a damaged register (the caller holds its lock); the
    damaged file (and its -wal, -shm) is kept beside it; return the kept file's path."""
    path = Path(register_path)
    check_snapshot(good)
    kept = path.with_name(f"{path.stem}.hong-{datetime.now():%Y%m%d-%H%M%S}{path.suffix}")
    try:
        for suffix in ("", "-wal", "-shm"):
            part = path.with_name(path.name + suffix)
            if part.exists():
                os.replace(part, kept.with_name(kept.name + suffix))
        copy_file(good, path)
    except (OSError, sqlite3.Error) as error:
        raise RegisterError(
            f"Không chép được bản sao lưu '{good.name}' vào '{path}': {error}. Hãy kiểm tra ổ "
            "đĩa còn chỗ trống và quyền ghi.") from error
    return kept
