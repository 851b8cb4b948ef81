"""One writer per register: a lock file beside it, locked by the OS, saying who holds it.

``acquire(path)`` opens ``<register>.lock`` and takes an OS lock on it (flock on POSIX, a
byte-range lock on Windows). The OS drops that lock when the holder exits or is killed, so a
lock file left by a crash (even an empty one left by a full disk) is simply taken over, and two
processes can never both hold it. The file holds JSON (pid, host, OS user, time, random token)
so a second writer is told who holds the register (RegisterInUse) and can open it read-only or
stop. A lock written by another PC (a shared folder, whose OS locks cannot be trusted) is
respected unless the officer takes it over.

Every writer takes it: the window (ui/shell/app.py, Tệp → Mở, Tệp → Mới) and every command
that writes (`open_for_writing`; the lock is released when the register is closed). Readers
(`open_for_reading`: report, export) open the file read-only and need no lock. If the lock
file cannot be created (a read-only folder or medium) LockUnavailable says so and the register
can still be opened for viewing.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import sys
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from cchc_desktop.errors import RegisterError
from cchc_desktop.register.backup import offer_snapshot, replace_damaged
from cchc_desktop.register.checks import RegisterDamaged
from cchc_desktop.register.connection import Register, open_register, os_user, pending_migrations

LOCK_SUFFIX = ".lock"
BOOT_TOLERANCE_SECONDS = 120
WINDOWS_LOCK_OFFSET = 1 << 30  # the byte Windows locks: far past the JSON, which stays readable


@dataclass(frozen=True)
class LockOwner:
    """Who holds a register: process, computer, OS user, since when (ISO), token, host boot."""

    pid: int
    host: str
    user: str
    since: str
    token: str = ""
    boot: int = 0  # when the holder's computer started (epoch seconds), 0 if unknown

    def describe(self) -> str:
        """Describe the holder in Vietnamese ("máy 'PC-01', người dùng 'lan', từ 08:05 …")."""
        try:
            when = datetime.fromisoformat(self.since).strftime("từ %H:%M ngày %d/%m/%Y")
        except ValueError:
            when = "không rõ từ lúc nào"
        user = f", người dùng '{self.user}'" if self.user else ""
        return f"máy '{self.host}'{user}, {when}"


class RegisterInUse(RegisterError):
    """The register is open in another window or on another computer."""

    def __init__(self, register_path: Path, owner: LockOwner | None,
                 advice: str = "Có thể mở ở chế độ chỉ đọc để xem, hoặc hủy và đóng cửa sổ "
                               "kia trước.") -> None:
        self.register_path = register_path
        self.owner = owner
        super().__init__(f"Sổ '{register_path.name}' đang được mở ở nơi khác ({self.who}). "
                         + advice)

    @property
    def who(self) -> str:
        """Describe the holder (or say it is not known)."""
        return self.owner.describe() if self.owner else "không rõ ở đâu"


class LockUnavailable(RegisterError):
    """The lock file cannot be created (a read-only folder or medium): view only."""


def lock_path(register_path: str | Path) -> Path:
    """Return the lock file of a register (beside it)."""
    path = Path(register_path)
    return path.with_name(path.name + LOCK_SUFFIX)


def this_host() -> str:
    """Return this computer's name."""
    return socket.gethostname() or "?"


if sys.platform == "win32":
    import ctypes

    def boot_time() -> int:
        """Return when this computer started, in seconds since the epoch (0 if unknown)."""
        kernel32 = ctypes.windll.kernel32
        kernel32.GetTickCount64.restype = ctypes.c_ulonglong
        return int(time.time() - kernel32.GetTickCount64() / 1000)

else:

    def boot_time() -> int:
        """Return when this computer started, in seconds since the epoch (0 if unknown)."""
        try:
            with open("/proc/stat", encoding="ascii") as handle:
                for line in handle:
                    if line.startswith("btime "):
                        return int(line.split()[1])
        except (OSError, ValueError):
            pass
        return 0


def _parse_owner(text: str) -> LockOwner | None:
    """Return the holder written in a lock file's text, or None if it is not readable."""
    try:
        data = json.loads(text)
        return LockOwner(int(data["pid"]), str(data["host"]), str(data.get("user", "")),
                         str(data.get("since", "")), str(data.get("token", "")),
                         int(data.get("boot", 0)))
    except (ValueError, KeyError, TypeError):
        return None


def read_owner(register_path: str | Path) -> LockOwner | None:
    """Return who holds the register's lock, or None if there is no readable lock."""
    try:
        return _parse_owner(lock_path(register_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


if sys.platform == "win32":
    import msvcrt

    def _os_lock(fd: int) -> bool:
        """Take the OS lock on an open lock file; False if another process holds it."""
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _os_unlock(fd: int) -> None:
        """Drop the OS lock."""
        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _os_lock(fd: int) -> bool:
        """Take the OS lock on an open lock file; False if another process holds it."""
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _os_unlock(fd: int) -> None:
        """Drop the OS lock."""
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)


class InstanceLock:
    """A held lock; release() (or leaving a with-block) drops it and removes the file."""

    def __init__(self, register_path: Path, owner: LockOwner, fd: int) -> None:
        self.register_path = register_path
        self.path = lock_path(register_path)
        self.owner = owner
        self._fd: int | None = fd

    def held(self) -> bool:
        """Return True while this lock is held and its file carries this lock's token."""
        current = read_owner(self.register_path)
        return self._fd is not None and current is not None and (
            current.token == self.owner.token)

    def release(self) -> None:
        """Remove the lock file if it still belongs to this lock, and drop the OS lock."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        ours = read_owner(self.register_path)
        remove = ours is not None and ours.token == self.owner.token
        if remove and sys.platform != "win32":
            _unlink_quietly(self.path)  # while still locked: nobody takes the old file
        _os_unlock(fd)
        os.close(fd)
        if remove and sys.platform == "win32":
            _unlink_quietly(self.path)  # Windows cannot remove an open file

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _unlink_quietly(path: Path) -> None:
    """Remove a file, ignoring a failure (the next holder takes the file over anyway)."""
    with contextlib.suppress(OSError):
        path.unlink()


def _open_lock_file(register_path: Path) -> int:
    """Open (creating) the lock file; LockUnavailable if the folder cannot be written."""
    try:
        register_path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(lock_path(register_path), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise LockUnavailable(
            f"Không tạo được tệp khóa '{lock_path(register_path).name}' trong thư mục "
            f"'{register_path.parent}' ({error.strerror or error}). Thư mục hoặc ổ đĩa chỉ cho "
            "phép đọc: sổ chỉ mở được để xem. Muốn sửa, hãy chép sổ vào một thư mục trên máy."
        ) from error


def _still_the_file(fd: int, path: Path) -> bool:
    """Return True when the open lock file is still the one at path (not removed meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _read_fd(fd: int) -> LockOwner | None:
    """Return the holder written in an open lock file."""
    os.lseek(fd, 0, os.SEEK_SET)
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
        if len(data) > 65536:
            return None
    return _parse_owner(data.decode("utf-8", errors="replace"))


def _write_owner(register_path: Path, fd: int) -> InstanceLock:
    """Write this process as the holder (if the disk lets us: the OS lock holds either way)."""
    owner = LockOwner(os.getpid(), this_host(), os_user(),
                      datetime.now().isoformat(timespec="seconds"), secrets.token_hex(8),
                      boot_time())
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(asdict(owner), ensure_ascii=False).encode("utf-8"))
        os.fsync(fd)
    except OSError:
        pass  # a full disk: the file stays empty, the OS lock still says who may write
    return InstanceLock(register_path, owner, fd)


def acquire(register_path: str | Path, *, take_over: bool = False,
            advice: str | None = None) -> InstanceLock:
    """Lock a register for this process or raise RegisterInUse naming the holder.

    A lock file nobody holds an OS lock on is left by a process that ended (killed, power cut,
    full disk) and is taken over; one written by another computer is respected unless
    take_over (a shared folder: that computer's OS lock may not reach us).
    """
    path = Path(register_path)
    extra = {} if advice is None else {"advice": advice}
    for _attempt in range(5):
        fd = _open_lock_file(path)
        if not _os_lock(fd):
            os.close(fd)
            raise RegisterInUse(path, read_owner(path), **extra)
        if not _still_the_file(fd, lock_path(path)):
            _os_unlock(fd)
            os.close(fd)  # released and removed while we opened it: try again
            continue
        owner = _read_fd(fd)
        if owner is not None and owner.host != this_host() and not take_over:
            _os_unlock(fd)
            os.close(fd)
            raise RegisterInUse(path, owner, **extra)
        return _write_owner(path, fd)
    raise RegisterInUse(path, read_owner(path), **extra)


COMMAND_ADVICE = ("Lệnh này ghi vào sổ nên đã dừng và không thay đổi gì; hãy đóng cửa sổ hoặc "
                  "lệnh đang mở sổ rồi chạy lại.")


def open_for_writing(register_path: str | Path, advice: str = COMMAND_ADVICE) -> Register:
    """Lock the register, then open it read-write; closing it releases the lock."""
    path = Path(register_path)
    lock = acquire(path, advice=advice)
    try:
        register = checked_open(path)
    except BaseException:
        lock.release()
        raise
    register.on_close.append(lock.release)
    return register


def open_for_reading(register_path: str | Path) -> Register:
    """Open a register to read it (no lock needed); one that must first be created or
    upgraded is opened for writing, under the lock."""
    path = Path(register_path)
    if path.is_file() and path.stat().st_size > 0 and not needs_upgrade(path):
        return checked_open(path, read_only=True)
    return open_for_writing(path)


def checked_open(path: Path, read_only: bool = False) -> Register:
    """Open a register; a damaged one is refused naming the newest good snapshot."""
    try:
        return open_register(path, read_only=read_only)
    except RegisterDamaged as error:
        raise offer_snapshot(error) from error


def recover(register_path: str | Path, good: Path) -> Path:
    """Under the register's lock, put a good snapshot in place of the damaged file; return
    where the damaged file was kept."""
    path = Path(register_path)
    with acquire(path):
        return replace_damaged(path, good)


def needs_upgrade(path: Path) -> bool:
    """Return True when the register lacks migrations this app applies."""
    return pending_migrations(path)
