"""Checks on an untrusted workbook before any parser touches it.

Appendices arrive by email, so a file is refused when it is too big, when it is a zip archive
whose declared uncompressed size or compression ratio is absurd (a zip bomb), or when it is not
a spreadsheet at all (a CSV or web page renamed .xlsx, an encrypted or empty file). The zip
directory is read first; the reader (python-calamine) refuses a member that inflates past its
declared size, so the declared sizes are a trustworthy bound. Then every sheet is bounded
(extent.py, extent_formats.py): a far-away cell would make python-calamine allocate a grid of
billions of cells.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import extent as ex
from cchc_desktop.excel.read.extent_formats import scan_ods, scan_xls, scan_xlsb

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024
MAX_MEMBER_RATIO = 150
RATIO_CHECK_FROM_BYTES = 4 * 1024 * 1024
MAX_ZIP_MEMBERS = 5000

KIND_XLSX = "xlsx"  # also .xlsm and .xlsb: an Office Open XML zip
KIND_ODS = "ods"
KIND_XLS = "xls"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".xltx", ".xltm"}
_ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")


@dataclass(frozen=True)
class Limits:
    """Size limits applied to an untrusted workbook (tests lower them)."""

    max_file_bytes: int = MAX_FILE_BYTES
    max_uncompressed_bytes: int = MAX_UNCOMPRESSED_BYTES
    max_member_ratio: int = MAX_MEMBER_RATIO
    ratio_check_from_bytes: int = RATIO_CHECK_FROM_BYTES
    max_zip_members: int = MAX_ZIP_MEMBERS
    max_sheet_rows: int = ex.MAX_SHEET_ROWS
    max_sheet_cells: int = ex.MAX_SHEET_CELLS


DEFAULT_LIMITS = Limits()


def _mb(size: int) -> str:
    """Format a byte count as megabytes for a message."""
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def check_workbook_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> str:
    """Refuse an unsafe or non-spreadsheet file; return its kind (xlsx, ods or xls)."""
    return check_workbook(path, limits)[0]


def check_workbook(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[str, bool]:
    """Refuse an unsafe file; return its kind and whether a text may be longer than a cell."""
    name = path.name
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise AppendixError(f"'{path}' không phải là một tệp.")
        with path.open("rb") as handle:
            head = handle.read(8)
    except FileNotFoundError:
        raise AppendixError(f"Không tìm thấy tệp '{path}'.") from None
    except OSError as exc:
        raise AppendixError(f"Không mở được tệp '{name}': {exc.strerror or exc}.") from None
    if size == 0:
        raise AppendixError(f"Tệp '{name}' rỗng (0 byte), không có bảng tính nào để đọc.")
    if size > limits.max_file_bytes:
        raise AppendixError(
            f"Tệp '{name}' quá lớn ({_mb(size)}); chỉ nhận tệp đến "
            f"{_mb(limits.max_file_bytes)}. Phụ lục kế hoạch thường chỉ vài trăm KB."
        )
    if head.startswith(_ZIP_MAGIC):
        kind = _check_zip(path, limits)
    elif head.startswith(_OLE_MAGIC):
        kind = _check_ole(path)
    else:
        raise AppendixError(_not_spreadsheet_message(path))
    return kind, check_sheet_extents(path, kind, limits)


def check_sheet_extents(path: Path, kind: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Refuse a sheet whose grid would be absurd; return True when a text may be oversized."""
    rows, cells = limits.max_sheet_rows, limits.max_sheet_cells
    try:
        if kind == KIND_XLS:
            scan_xls(path, rows, cells)
            return True
        with zipfile.ZipFile(path) as archive:
            long_texts = True  # only XML sheets and shared strings are checked for them
            if ex.member(archive, "xl/_rels/workbook.xml.rels") is not None:
                long_texts = ex.scan_xlsx(archive, rows, cells)
            if ex.member(archive, "xl/workbook.bin") is not None:
                scan_xlsb(archive, rows, cells)
                long_texts = True
            if ex.member(archive, "content.xml") is not None:
                scan_ods(archive, rows, cells)
                long_texts = True
            return long_texts
    except ex.SheetTooBig as too_big:
        raise AppendixError(_too_big_message(path.name, too_big.extent)) from None
    except ex.UnreadablePart as part:
        raise AppendixError(_unreadable_part_message(path.name, part)) from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, struct.error, IndexError):
        raise AppendixError(
            f"Tệp '{path.name}' bị hỏng (dữ liệu nén hoặc cấu trúc tệp không khớp) nên không "
            "đọc được. Hãy mở bằng Excel rồi lưu lại."
        ) from None


def _number(value: int) -> str:
    """Format a count the Vietnamese way (5.000.000)."""
    return f"{value:,}".replace(",", ".")


def _too_big_message(name: str, extent: ex.Extent) -> str:
    """Explain which far-away cell makes a sheet too big to read."""
    where = f"Tệp '{name}', trang '{extent.sheet}'"
    if extent.crowded:
        return (
            f"{where}: bảng tính có hơn {_number(extent.max_cells)} ô, quá lớn so với một phụ "
            "lục; hãy xóa các ô thừa rồi lưu lại."
        )
    row, col = extent.far_cell()
    return (
        f"{where}: bảng tính khai báo ô ở vị trí {ex.cell_name(row, col)}, quá xa bảng nhiệm "
        "vụ; hãy xóa các ô thừa (các dòng, cột trống ở cuối trang) rồi lưu lại."
    )


def _unreadable_part_message(name: str, part: ex.UnreadablePart) -> str:
    """Explain a sheet part that could not be checked."""
    where = f"Tệp '{name}'" + (f", trang '{part.sheet}'" if part.sheet else "")
    if part.entities:
        return (
            f"{where} chứa khai báo thực thể XML (<!ENTITY>), dấu hiệu tệp bị sửa có chủ ý; "
            "không đọc vì an toàn. Hãy xin đơn vị gửi lại tệp gốc."
        )
    return f"{where} có nội dung XML bị hỏng nên không đọc được. Hãy mở bằng Excel rồi lưu lại."


def _check_zip(path: Path, limits: Limits) -> str:
    """Inspect a zip directory: refuse bombs, tell an .ods from an Office Open XML book."""
    name = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            check_zip_members(name, infos, limits)
            names = {info.filename: info for info in infos}
            small = "mimetype" in names and names["mimetype"].file_size < 200
            mimetype = archive.read("mimetype") if small else b""
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise AppendixError(
            f"Tệp '{name}' bị hỏng (không giải nén được) nên không đọc được. "
            "Hãy mở bằng Excel rồi lưu lại."
        ) from None
    if mimetype.strip() == _ODS_MIME:
        return KIND_ODS
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return KIND_XLSX
    raise AppendixError(
        f"Tệp '{name}' là một tệp nén nhưng không phải bảng tính Excel (.xlsx, .xlsm) "
        "hay LibreOffice (.ods)."
    )


def check_zip_members(name: str, infos: list[zipfile.ZipInfo], limits: Limits,
                      program: str = "Excel", suffix: str = ".xlsx") -> None:
    """Refuse a zip (workbook or Word file) whose members are too many, too big in total,
    absurdly compressed, encrypted or compressed in a way zipfile cannot read."""
    bomb = (
        f"Tệp '{name}' bị từ chối vì an toàn: nội dung giải nén lớn bất thường "
        '(có thể là "bom zip"). Hãy xin đơn vị gửi lại tệp gốc.'
    )
    if len(infos) > limits.max_zip_members:
        raise AppendixError(bomb)
    total = 0
    for info in infos:
        total += info.file_size
        if total > limits.max_uncompressed_bytes:
            raise AppendixError(bomb)
        if info.file_size >= limits.ratio_check_from_bytes:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_member_ratio:
                raise AppendixError(bomb)
        if info.flag_bits & 0x1:
            raise AppendixError(
                f"Tệp '{name}' được đặt mật khẩu; hãy mở bằng {program}, bỏ mật khẩu rồi lưu lại."
            )
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise AppendixError(
                f"Tệp '{name}' dùng kiểu nén không đọc được (phần '{info.filename}', kiểu "
                f"{info.compress_type}). Hãy mở tệp bằng {program} rồi Lưu thành (Save As) "
                f"{suffix} và nhập lại."
            )


def has_xml_declarations(path: Path) -> bool:
    """Return True when an XML part of a zip workbook declares a DOCTYPE or entities."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist()[:MAX_ZIP_MEMBERS]:
                if info.filename.lower().endswith((".xml", ".rels")) and not info.is_dir():
                    with archive.open(info) as stream:
                        head = stream.read(4096)
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        return True
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError):
        pass
    return False


def _check_ole(path: Path) -> str:
    """Tell a legacy .xls from an encrypted (password-protected) Office file."""
    with path.open("rb") as handle:
        data = handle.read(64 * 1024)
    if _ENCRYPTED_STREAM in data:
        raise AppendixError(
            f"Tệp '{path.name}' được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu "
            "(Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại dạng .xlsx."
        )
    return KIND_XLS


def _not_spreadsheet_message(path: Path) -> str:
    """Explain in Vietnamese what a non-spreadsheet file probably is."""
    name = path.name
    with path.open("rb") as handle:
        sample = handle.read(4096)
    lowered = sample.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    renamed = " được đổi đuôi" if path.suffix.lower() in _SPREADSHEET_SUFFIXES else ""
    if lowered.startswith((b"<html", b"<!doctype html", b"<table", b"<?xml")):
        what = f"là một trang web/XML{renamed}"
    elif lowered.startswith(b"%pdf"):
        what = f"là một tệp PDF{renamed}"
    elif _looks_like_text(sample):
        what = f"là tệp văn bản (CSV?){renamed}"
    else:
        return (
            f"Tệp '{name}' không phải bảng tính Excel hoặc đã bị hỏng. Hãy mở tệp gốc bằng "
            "Excel và lưu lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel)."
        )
    return (
        f"Tệp '{name}' {what}, không phải bảng tính Excel. Hãy mở tệp gốc bằng Excel và lưu "
        "lại dạng .xlsx (Tệp → Lưu thành → Sổ làm việc Excel)."
    )


def _looks_like_text(sample: bytes) -> bool:
    """Return True when the bytes decode as text without control characters."""
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = sample.decode("cp1258")
        except UnicodeDecodeError:
            return False
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)
