"""Checks a register file passes before it is opened: header, size, quick_check, schema.

A damaged register is refused (RegisterDamaged) before anything writes to it, so it is never
imported into or snapshotted; the caller offers the newest good snapshot instead
(backup.offer_snapshot). The checks only read: they use a read-only connection, and on a
read-only folder or medium an immutable one (no -shm can be created there).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path, PurePath

from cchc_desktop.errors import RegisterError

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100
REQUIRED_TABLES = ("plans", "tasks", "audit_log")


class RegisterDamaged(RegisterError):
    """The register file is damaged (empty, cut short, failing quick_check, missing tables)."""

    def __init__(self, path: Path, reason: str, advice: str = "") -> None:
        self.path = path
        self.reason = reason
        self.snapshot: object = None  # the newest good snapshot (backup.Snapshot) once offered
        super().__init__(
            f"Sổ '{path.name}' bị hỏng ({reason}) nên không mở để tránh ghi thêm vào tệp hỏng. "
            f"Tệp không bị thay đổi.{advice}")


def folder_writable(path: Path) -> bool:
    """Return True when files can be created beside path (its -wal, -shm, lock)."""
    return os.access(path.resolve().parent, os.W_OK)


def read_uri(path: Path) -> str:
    """Return the URI that opens a register read-only (immutable on a read-only medium)."""
    uri = path.resolve().as_uri() + "?mode=ro"
    return uri if folder_writable(path) else uri + "&immutable=1"


def check_header(path: Path) -> None:
    """Refuse an empty file, a file that is not SQLite, or one cut short."""
    size = path.stat().st_size
    if size == 0:
        raise RegisterDamaged(path, "tệp rỗng, 0 byte")
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if header[:len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise RegisterError(
            f"Tệp '{path.name}' không phải là sổ đăng ký CCHC (không phải tệp cơ sở dữ liệu "
            "SQLite). Tệp không bị thay đổi.")
    if len(header) < HEADER_SIZE:
        raise RegisterDamaged(path, f"tệp bị cắt cụt, chỉ còn {size} byte")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        raise RegisterDamaged(path, "phần đầu tệp sai")
    pages = int.from_bytes(header[28:32], "big")
    counted = header[24:28] == header[92:96]  # the page count in the header is valid
    if size % page_size or (counted and pages * page_size > size):
        raise RegisterDamaged(path, f"tệp bị cắt cụt ({size:,} byte)".replace(",", "."))


def check_contents(path: Path, applied: list[str]) -> None:
    """Run SQLite's quick_check and look for the register's own tables."""
    try:
        conn = sqlite3.connect(read_uri(path), uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
            tables = {row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:
        raise RegisterDamaged(path, f"SQLite báo: {error}") from error
    if problems != ["ok"]:
        raise RegisterDamaged(path, f"kiểm tra tệp báo lỗi: {problems[0]}")
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if applied and missing:
        raise RegisterDamaged(path, f"thiếu bảng {', '.join(missing)}")


WAL_MAGICS = (0x377F0682, 0x377F0683)
WAL_HEADER, FRAME_HEADER = 32, 24
GENERATION_OFFSET = 60  # user_version in the database header: the register's generation


class ForeignWal(RegisterError):
    """The -wal beside the register belongs to another version of the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"Tệp '{path.name}-wal' bên cạnh sổ '{path.name}' không thuộc về tệp sổ này (có thể "
            "sổ vừa được chép đè bằng một bản cũ hơn trong khi tệp -wal của bản mới vẫn còn). "
            "Sổ chưa được mở để không trộn dữ liệu hai bản. Mở sổ trong cửa sổ CCHC Desktop và "
            "chọn để riêng tệp -wal (tệp được giữ lại, không xóa).")


def generation(page_one: bytes) -> int:
    """Return the register generation stored in a database header (page 1)."""
    return int.from_bytes(page_one[GENERATION_OFFSET:GENERATION_OFFSET + 4], "big")


def wal_generation(wal: Path) -> int | None:
    """Return the generation in the -wal's first frame when that frame is page 1 (the app
    writes it first in every WAL it starts); None when the WAL cannot tell."""
    try:
        with wal.open("rb") as handle:
            header = handle.read(WAL_HEADER)
            frame = handle.read(FRAME_HEADER)
            page = handle.read(HEADER_SIZE)
    except OSError:
        return None
    if len(header) < WAL_HEADER or len(frame) < FRAME_HEADER or len(page) < HEADER_SIZE:
        return None
    if int.from_bytes(header[:4], "big") not in WAL_MAGICS or frame[8:16] != header[16:24]:
        return None  # not a WAL, or a frame left from before the last reset
    if int.from_bytes(frame[:4], "big") != 1:
        return None
    return generation(page)


def check_wal(path: Path) -> None:
    """Refuse a register whose -wal was written for another version of the file."""
    wal = path.with_name(path.name + "-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return
    in_wal = wal_generation(wal)
    if in_wal is None:
        return
    with path.open("rb") as handle:
        in_file = generation(handle.read(HEADER_SIZE))
    if in_wal > in_file + 1:  # the file is older than the WAL written on top of it
        raise ForeignWal(path)


def set_aside_wal(path: Path, stamp: str) -> Path:
    """Move a -wal that does not belong to the register (and its -shm) aside; return where."""
    kept = path.with_name(f"{path.name}-wal.khong-khop-{stamp}")
    try:
        os.replace(path.with_name(path.name + "-wal"), kept)
        shm = path.with_name(path.name + "-shm")
        if shm.exists():
            os.replace(shm, path.with_name(f"{path.name}-shm.khong-khop-{stamp}"))
    except OSError as error:
        raise RegisterError(f"Không để riêng được tệp '{path.name}-wal': {error}.") from error
    return kept


NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "ceph", "glusterfs", "9p",
    "fuse.sshfs", "fuse.davfs2", "davfs", "fuse.glusterfs", "fuse.rclone",
})


class NetworkRegister(RegisterError):
    """The register lives on a shared network folder, where SQLite's WAL does not work."""

    def __init__(self, path: Path, where: str) -> None:
        self.path = path
        super().__init__(
            f"Sổ '{path.name}' đang nằm trên {where} ('{path.parent}'). Sổ đăng ký phải để trên "
            "ổ đĩa của chính máy này: trên thư mục mạng, hai máy cùng ghi có thể làm hỏng sổ. "
            "Hãy chép sổ về máy (CCHC Desktop đề nghị chép giúp) rồi làm việc trên bản đó.")


def _mount_type(path: str, mounts: str) -> str:
    """Return the file system type of the longest mount point that holds path."""
    best, kind = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def _windows_drive_is_remote(path: str) -> bool:
    """Return True when a drive letter is a mapped network drive (Windows only)."""
    if sys.platform != "win32" or len(path) < 2 or path[1] != ":":
        return False
    import ctypes

    return bool(ctypes.windll.kernel32.GetDriveTypeW(path[:2] + "\\") == 4)  # DRIVE_REMOTE


def network_kind(path: PurePath, *, windows: bool | None = None,
                 mounts: str | None = None) -> str | None:
    """Say where a network path lives ("thư mục mạng \\\\máy\\…", "ổ mạng Z:", "ổ mạng nfs"),
    or None for a local disk. UNC paths and mapped drives on Windows; /proc/mounts on Linux."""
    text = str(path)
    on_windows = sys.platform == "win32" if windows is None else windows
    if on_windows:
        if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
            return "thư mục mạng dùng chung"
        if text.upper().startswith("\\\\?\\UNC\\"):
            return "thư mục mạng dùng chung"
        return f"ổ mạng {text[:2]}" if _windows_drive_is_remote(text) else None
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    where = str(path.resolve()) if isinstance(path, Path) and windows is None else text
    kind = _mount_type(where, mounts)
    return f"thư mục mạng ({kind})" if kind in NETWORK_FILESYSTEMS else None
