"""Operating-system and SQLite failures in plain Vietnamese: what happened to which file and
what the officer can do (a full disk, a read-only medium, no permission, a damaged file, a
register busy elsewhere). Also the free-space check made before an import or a backup."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from cchc_desktop.errors import RegisterError

MB = 1024 * 1024
MARGIN_BYTES = 20 * MB  # room kept free for the WAL, the journal and the rest of the system


def _kind(error: BaseException) -> str:
    """Classify a failure: full, read-only, permission, damaged, busy, io, missing or other."""
    text = str(error).lower()
    number = getattr(error, "errno", None)
    if number in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or "disk is full" in text:
        return "full"
    if number == errno.EROFS or "readonly" in text or "read-only" in text:
        return "read-only"
    if isinstance(error, PermissionError) or number == errno.EACCES:
        return "permission"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return "damaged"
    if "locked" in text or "busy" in text:
        return "busy"
    if number == errno.EIO or "i/o error" in text:
        return "io"
    if isinstance(error, FileNotFoundError) or "unable to open" in text:
        return "missing"
    return "other"


def environmental(error: BaseException) -> bool:
    """Return True for a failure of the disk, the medium or another program (not a bug)."""
    return _kind(error) != "other"


def describe(error: BaseException, file: str | Path) -> str:
    """Return the Vietnamese message for a failure while using file."""
    name = str(file)
    advice = {
        "full": f"Ổ đĩa chứa '{name}' đã đầy. Hãy giải phóng chỗ trống (xóa tệp không cần, dọn "
                "Thùng rác) rồi làm lại; những gì đã lưu trước đó không bị ảnh hưởng.",
        "read-only": f"Không ghi được vào '{name}': tệp hoặc ổ đĩa chỉ cho phép đọc (thẻ nhớ "
                     "khóa ghi, đĩa CD, thư mục chỉ đọc). Hãy chép tệp vào một thư mục trên máy.",
        "permission": f"Không có quyền dùng '{name}'. Hãy chọn thư mục của mình (ví dụ Tài liệu) "
                      "hoặc nhờ quản trị máy cấp quyền.",
        "damaged": f"Tệp '{name}' bị hỏng nên không đọc được. Hãy dùng một bản sao lưu (Tệp → "
                   "Khôi phục từ bản sao lưu).",
        "busy": f"Sổ '{name}' đang được một cửa sổ hoặc chương trình khác ghi. Hãy đợi giây lát "
                "rồi làm lại, hoặc đóng chương trình kia.",
        "io": f"Ổ đĩa báo lỗi đọc/ghi khi dùng '{name}' (thẻ nhớ bị rút, ổ đĩa hỏng?). Hãy kiểm "
              "tra ổ đĩa rồi làm lại.",
        "missing": f"Không mở được '{name}' (không tìm thấy tệp hoặc thư mục).",
    }.get(_kind(error))
    return advice or f"Lỗi hệ thống khi dùng '{name}': {error}."


def as_register_error(error: sqlite3.Error | OSError, file: str | Path) -> RegisterError:
    """Return a RegisterError carrying the Vietnamese description of a failure."""
    failure = RegisterError(describe(error, file))
    failure.kind = _kind(error)  # type: ignore[attr-defined]
    return failure


def describe_unexpected(error: BaseException) -> str | None:
    """Return the Vietnamese message of an OS or SQLite failure that reached the top of the
    window (the file named if known), or None for anything else (a bug)."""
    if not isinstance(error, (sqlite3.Error, OSError)) or not environmental(error):
        return None
    return describe(error, getattr(error, "filename", None) or "sổ đăng ký")


def ensure_free_space(folder: Path, needed: int, what: str) -> None:
    """Refuse to start work that needs `needed` bytes (plus a margin) on a fuller disk."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return  # cannot tell: let the work try, its own errors are described
    if free < needed + MARGIN_BYTES:
        raise RegisterError(
            f"Ổ đĩa chứa '{folder}' chỉ còn {free / MB:.0f} MB trống; cần khoảng "
            f"{(needed + MARGIN_BYTES) / MB:.0f} MB để {what}. Hãy giải phóng chỗ trống rồi "
            "làm lại. Sổ không thay đổi.".replace(".0f", ""))
