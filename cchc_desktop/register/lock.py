"""One writer per register: a lock file beside it saying which process on which PC holds it.

``acquire(path)`` creates ``<register>.lock`` atomically (O_CREAT | O_EXCL, which Windows and
POSIX both honour) holding JSON: pid, host, OS user, time and a random token. If the file is
already there the register is open elsewhere and RegisterInUse tells who, so the window can
offer "open read-only" or "cancel". A lock left by a crash is taken over silently when its pid
is dead on this host, or when this host has restarted since (a power cut: the pid may since
belong to another program); a lock from another PC (a shared folder) cannot be checked.

The lock is advice for people, not what keeps the file sound: SQLite's own locking (WAL with a
busy timeout, see db.py) keeps two writers from corrupting the register even if both run.
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
from cchc_desktop.register.db import os_user

LOCK_SUFFIX = ".lock"
BOOT_TOLERANCE_SECONDS = 120
# An empty or garbled lock younger than this may be one being written right now.
UNREADABLE_GRACE_SECONDS = 30


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

    def __init__(self, register_path: Path, owner: LockOwner | None) -> None:
        self.register_path = register_path
        self.owner = owner
        who = owner.describe() if owner else "không rõ ở đâu"
        super().__init__(
            f"Sổ '{register_path.name}' đang được mở ở nơi khác ({who}). Có thể mở ở chế độ "
            "chỉ đọc để xem, hoặc hủy và đóng cửa sổ kia trước."
        )


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

    def pid_alive(pid: int) -> bool:
        """Return True when a process with this id runs on this computer."""
        if pid <= 0:
            return False
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return bool(kernel32.GetLastError() == 5)  # access denied: it exists
        try:
            code = ctypes.c_ulong()
            kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

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

    def pid_alive(pid: int) -> bool:
        """Return True when a process with this id runs on this computer."""
        if pid <= 0:
            return False
        try:
            os.kill(pid, 0)  # signal 0: existence check only (never used on Windows)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        except OSError:
            return False
        return True


def read_owner(register_path: str | Path) -> LockOwner | None:
    """Return who holds the register's lock, or None if there is no readable lock."""
    try:
        data = json.loads(lock_path(register_path).read_text(encoding="utf-8"))
        return LockOwner(int(data["pid"]), str(data["host"]), str(data.get("user", "")),
                         str(data.get("since", "")), str(data.get("token", "")),
                         int(data.get("boot", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_stale(owner: LockOwner) -> bool:
    """Return True when the holder was a process on this computer that no longer runs."""
    if owner.host != this_host():
        return False
    boot = boot_time()
    if owner.boot and boot and abs(owner.boot - boot) > BOOT_TOLERANCE_SECONDS:
        return True  # written before this computer last started
    return not pid_alive(owner.pid)


class InstanceLock:
    """A held lock; release() (or leaving a with-block) removes the file if it is still ours."""

    def __init__(self, register_path: Path, owner: LockOwner) -> None:
        self.register_path = register_path
        self.path = lock_path(register_path)
        self.owner = owner

    def held(self) -> bool:
        """Return True while the lock file still carries this lock's token."""
        current = read_owner(self.register_path)
        return current is not None and current.token == self.owner.token

    def release(self) -> None:
        """Remove the lock file if it still belongs to this lock."""
        if self.held():
            with contextlib.suppress(OSError):
                self.path.unlink()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _try_create(register_path: Path) -> InstanceLock | None:
    """Create the lock file if none exists; return the lock, or None if it exists."""
    owner = LockOwner(os.getpid(), this_host(), os_user(),
                      datetime.now().isoformat(timespec="seconds"), secrets.token_hex(8),
                      boot_time())
    try:
        fd = os.open(lock_path(register_path), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        return None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(owner), handle, ensure_ascii=False)
        handle.flush()
        os.fsync(handle.fileno())
    return InstanceLock(register_path, owner)


def _may_take_over(register_path: Path, owner: LockOwner | None) -> bool:
    """Return True for a lock left by a dead process here, by this process, or unreadable."""
    if owner is None:
        try:
            age = time.time() - lock_path(register_path).stat().st_mtime
        except OSError:
            return True  # vanished meanwhile
        return age > UNREADABLE_GRACE_SECONDS
    mine = owner.host == this_host() and owner.pid == os.getpid()
    return mine or is_stale(owner)


def acquire(register_path: str | Path, *, take_over: bool = False) -> InstanceLock:
    """Lock a register for this process or raise RegisterInUse naming the holder."""
    path = Path(register_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    owner: LockOwner | None = None
    for _attempt in range(3):
        lock = _try_create(path)
        if lock is not None:
            return lock
        owner = read_owner(path)
        if not (take_over or _may_take_over(path, owner)):
            break
        try:
            lock_path(path).unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise RegisterError(
                f"Không gỡ được khóa cũ '{lock_path(path).name}': {error}."
            ) from error
    raise RegisterInUse(path, owner)
