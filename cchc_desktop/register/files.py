"""Register files as the officer handles them: a new register, a copy saved elsewhere.

save_copy() uses SQLite's online backup API from a connection of its own, so the copy holds
only committed data and is consistent even while the window writes; it is written under a
temporary name, switched to a plain rollback-journal file (no -wal beside it, so the one file
can be e-mailed or put on a USB stick) and renamed only when complete.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cchc_desktop.errors import RegisterError
from cchc_desktop.register.backup import copy_file
from cchc_desktop.register.connection import default_register_path
from cchc_desktop.register.failures import describe, ensure_free_space

SUFFIX = ".sqlite"


def with_suffix(path: str | Path) -> Path:
    """Return the path with the register suffix added if the officer left it out."""
    path = Path(path)
    return path if path.suffix.lower() in (".sqlite", ".db", ".sqlite3") else Path(
        f"{path}{SUFFIX}")


def check_new_register(path: str | Path) -> Path:
    """Refuse a new register over an existing file (it would not be a fresh register)."""
    path = with_suffix(path)
    if path.exists() and path.stat().st_size > 0:
        raise RegisterError(
            f"Tệp '{path.name}' đã có. Để làm việc với tệp này hãy dùng Tệp → Mở; để tạo sổ "
            "mới hãy chọn tên khác. Tệp không bị thay đổi.")
    if path.exists():
        path.unlink()  # an empty file holds nothing; the new register is created in its place
    return path


def save_copy(register_path: str | Path, target: str | Path) -> Path:
    """Copy the register's committed state into target (replacing it); return the path."""
    source_path = Path(register_path).resolve()
    target = with_suffix(target).resolve()
    if target == source_path:
        raise RegisterError("Bản sao phải là một tệp khác với sổ đang mở.")
    if target.is_dir():
        raise RegisterError(f"'{target}' là một thư mục; hãy chọn tên tệp cho bản sao.")
    ensure_free_space(target.parent, source_path.stat().st_size, "lưu bản sao")
    try:
        copy_file(source_path, target)
    except (OSError, sqlite3.Error) as error:
        raise RegisterError(
            f"Không lưu được bản sao vào '{target}': {describe(error, target)}") from error
    return target


def copy_to_this_pc(register_path: str | Path) -> Path:
    """Copy a register from a network folder into this PC's data folder (a new name if one
    is taken); return the copy, which the officer then works in."""
    source = Path(register_path)
    folder = default_register_path().parent
    target = folder / source.name
    number = 2
    while target.exists():
        target = folder / f"{source.stem}-{number}{source.suffix or SUFFIX}"
        number += 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        copy_file(source, target)
    except (OSError, sqlite3.Error) as error:
        raise RegisterError(
            f"Không chép được sổ '{source.name}' về máy ('{folder}'): {error}. Hãy kiểm tra "
            "kết nối mạng và ổ đĩa còn chỗ trống.") from error
    return target
