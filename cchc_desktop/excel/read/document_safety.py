"""Checks on an untrusted Word (.docx) or PDF plan before any parser touches it.

The same limits as for workbooks (safety.Limits): file size first, then for a .docx the zip
directory (member count, total and per-member inflated size, ratio, encryption flag) and the
prolog of every XML part read with defusedxml, which refuses a DTD or entity declaration (the
parts python-docx will parse with lxml). A Word file protected by a password is an OLE file
holding an "EncryptedPackage" stream; a PDF is refused when encrypted or over the page bound.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.safety import DEFAULT_LIMITS, Limits, check_zip_members

KIND_DOCX = "docx"
KIND_PDF = "pdf"
MAX_PDF_PAGES = 300  # an appendix is a few dozen pages; a plan with its appendix < 100
MAX_PDF_OBJECTS_PER_PAGE = 200_000  # characters, lines and rectangles on one page

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def sniff_document(path: Path) -> str | None:
    """Return "docx" or "pdf" when the file is a Word document or a PDF, else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return None
    if b"%PDF-" in head:
        return KIND_PDF
    suffix = path.suffix.lower()
    if head.startswith(_ZIP_MAGIC) and suffix in (".docx", ".docm", ".dotx"):
        return KIND_DOCX
    if head.startswith(_OLE_MAGIC) and suffix in (".docx", ".doc"):
        return KIND_DOCX  # an encrypted .docx (or an old .doc): refused with its reason
    return None


def check_size(path: Path, limits: Limits) -> int:
    """Refuse a missing, empty or oversized file; return its size."""
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AppendixError(f"'{path}' không phải là một tệp.")
    except FileNotFoundError:
        raise AppendixError(f"Không tìm thấy tệp '{path}'.") from None
    except OSError as exc:
        raise AppendixError(f"Không mở được tệp '{path.name}': {exc.strerror or exc}.") from None
    if size == 0:
        raise AppendixError(f"Tệp '{path.name}' rỗng (0 byte), không có gì để đọc.")
    if size > limits.max_file_bytes:
        most = limits.max_file_bytes // (1024 * 1024)
        raise AppendixError(
            f"Tệp '{path.name}' quá lớn ({size / (1024 * 1024):.1f} MB); chỉ nhận tệp đến "
            f"{most} MB.".replace(".", ",", 1)
        )
    return size


def check_docx(path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse an unsafe, encrypted, damaged or non-Word .docx before python-docx opens it."""
    check_size(path, limits)
    name = path.name
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    if head.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in head or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in head:
            raise AppendixError(
                f"Tệp '{name}' được đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu (Tệp → Thông "
                "tin → Bảo vệ tài liệu) rồi lưu lại."
            )
        raise AppendixError(
            f"Tệp '{name}' là tài liệu Word cũ (.doc); hãy mở bằng Word và lưu lại dạng .docx."
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_zip_members(name, infos, limits, program="Word", suffix=".docx")
            if "word/document.xml" not in {info.filename for info in infos}:
                raise AppendixError(
                    f"Tệp '{name}' là tệp nén nhưng không phải tài liệu Word (.docx)."
                )
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    _check_prolog(archive, info, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError):
        raise AppendixError(_damaged_docx(name)) from None


def _damaged_docx(name: str) -> str:
    """Return the message for a Word file that cannot be read."""
    return (
        f"Tệp '{name}' bị hỏng hoặc không đúng định dạng Word nên không đọc được. Hãy mở bằng "
        "Word rồi lưu lại dạng .docx."
    )


def _check_prolog(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Parse an XML part with defusedxml up to its root element (a DTD can only come before)."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import iterparse

    try:
        with archive.open(info) as stream:
            for _event, _element in iterparse(stream, events=("start",), forbid_dtd=True):
                return
    except DefusedXmlException:
        raise AppendixError(
            f"Tệp '{name}' chứa khai báo thực thể XML (DOCTYPE/ENTITY), dấu hiệu tệp bị sửa có "
            "chủ ý; không đọc vì an toàn. Hãy xin đơn vị gửi lại tệp gốc."
        ) from None
    except Exception:  # broken XML: python-docx refuses it with the damaged-file message
        return
