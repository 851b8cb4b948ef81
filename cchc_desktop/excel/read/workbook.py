"""Open a checked workbook with python-calamine and hand out its sheets as value grids.

python-calamine (Rust) reads .xlsx/.xlsm/.xlsb, legacy .xls and .ods; it never runs macros,
does not expand XML entities, and refuses a zip member that inflates past its declared size.
Measured on a 10,000-task appendix it reads in ~0.07 s where openpyxl read-only needs ~1.1 s
(bench/import_bench.py prints both), so it is the one reader for every format. A text longer than
Excel allows in a cell (32,767 characters) is cut here and the cut is reported, so no oversized
text reaches the register. Library errors become plain Vietnamese (a Rust panic included).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import python_calamine as calamine

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.ods_merged import read_ods_merges
from cchc_desktop.excel.read.safety import has_xml_declarations

CellValue = Any  # str | int | float | bool | date | datetime | time | timedelta
MergedRange = tuple[tuple[int, int], tuple[int, int]]  # 0-based inclusive (row, col) corners
MAX_CELL_CHARS = 32_767  # the most Excel keeps in one cell


@dataclass
class SheetGrid:
    """One sheet as rows of raw cell values (row 0 is sheet row 1) and its merged ranges."""

    name: str
    rows: list[list[CellValue]]
    merged: list[MergedRange] = field(default_factory=list)
    hidden: bool = False
    cut: list[tuple[int, int, int]] = field(default_factory=list)  # (row, col, length) cut


def cut_long_cells(rows: list[list[CellValue]]) -> list[tuple[int, int, int]]:
    """Cut texts longer than an Excel cell holds; return (row, col, original length) of each."""
    cut = []
    for r, row in enumerate(rows):
        for value in row:
            if type(value) is str and len(value) > MAX_CELL_CHARS:
                break
        else:
            continue
        for c, value in enumerate(row):
            if type(value) is str and len(value) > MAX_CELL_CHARS:
                cut.append((r, c, len(value)))
                row[c] = value[:MAX_CELL_CHARS]
    return cut


def cell_text(value: CellValue) -> str:
    """Return a cell value as the text an officer sees (numbers without a trailing .0)."""
    if type(value) is str:
        return value.strip()
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "Đúng" if value else "Sai"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


class Workbook:
    """An open calamine workbook whose errors become Vietnamese AppendixErrors."""

    def __init__(
        self, book: calamine.CalamineWorkbook, path: Path, cut_long_texts: bool = True
    ) -> None:
        self._book = book
        self.file_name = path.name
        self.path = path
        self.cut_long_texts = cut_long_texts
        self.ods_merges: dict[str, list[MergedRange]] | None = None
        self.sheet_names: list[str] = list(book.sheet_names)
        self._hidden = {
            meta.name
            for meta in book.sheets_metadata
            if meta.visible != calamine.SheetVisibleEnum.Visible
        }

    def grid(self, name: str) -> SheetGrid:
        """Read one sheet's values and merged ranges."""
        try:
            with quiet_stderr():
                sheet = self._book.get_sheet_by_name(name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges or self._ods_merged().get(name, [])
        except BaseException as exc:  # a hostile file must never show a traceback
            raise AppendixError(_damaged(self.path, _library_failure(exc), name)) from None
        cut = cut_long_cells(rows) if self.cut_long_texts else []
        return SheetGrid(name, rows, list(merged), name in self._hidden, cut)


    def _ods_merged(self) -> dict[str, list[MergedRange]]:
        """Return the merged ranges of an .ods file (python-calamine gives none for it)."""
        if self.ods_merges is None:
            is_ods = self.path.suffix.lower() in (".ods", ".fods") or _is_ods(self.path)
            self.ods_merges = read_ods_merges(self.path) if is_ods else {}
        return self.ods_merges


def _is_ods(path: Path) -> bool:
    """Return True for an OpenDocument spreadsheet whatever its name."""
    with path.open("rb") as handle:
        return b"opendocument.spreadsheet" in handle.read(100)


@contextmanager
def open_workbook(path: Path, cut_long_texts: bool = True) -> Iterator[Workbook]:
    """Open a workbook already passed through safety.check_workbook_file."""
    name = path.name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise AppendixError(f"Không mở được tệp '{name}': {exc.strerror or exc}.") from None
    with handle:
        try:
            with quiet_stderr():
                book = calamine.CalamineWorkbook.from_filelike(handle)
        except calamine.PasswordError:
            raise AppendixError(
                f"Tệp '{name}' được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại."
            ) from None
        except BaseException as exc:  # a hostile file must never show a traceback
            raise AppendixError(_damaged(path, _library_failure(exc))) from None
        try:
            yield Workbook(book, path, cut_long_texts)
        finally:
            book.close()


@contextmanager
def quiet_stderr() -> Iterator[None]:
    """Send file descriptor 2 to the null device meanwhile: a Rust panic inside calamine
    prints its message there before it becomes PanicException (and the Vietnamese message)."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _library_failure(exc: BaseException) -> BaseException:
    """Return an error raised while parsing; re-raise an interrupt or exit."""
    if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
        return exc  # pyo3 turns a Rust panic into PanicException (a BaseException)
    raise exc


def _damaged(path: Path, exc: BaseException, sheet: str | None = None) -> str:
    """Build the message for a workbook the parser could not read (the cause in Vietnamese)."""
    where = f"Tệp '{path.name}'" + (f", trang '{sheet}'" if sheet else "")
    text = str(exc)
    if "entity" in text or has_xml_declarations(path):
        return (
            f"{where} chứa khai báo thực thể XML (DOCTYPE/ENTITY), dấu hiệu tệp bị sửa có chủ "
            "ý; không đọc vì an toàn. Hãy xin đơn vị gửi lại tệp gốc."
        )
    if isinstance(exc, calamine.WorksheetNotFound) and sheet:
        cause = "tệp khai báo trang này nhưng thiếu phần dữ liệu của trang"
    elif "declared uncompressed size" in text or isinstance(exc, calamine.ZipError):
        cause = "dữ liệu nén không khớp với kích thước khai báo"
    elif isinstance(exc, calamine.XmlError):
        cause = "nội dung XML của trang sai cấu trúc"
    else:
        cause = ""
    return (
        f"{where} bị hỏng hoặc không đúng định dạng bảng tính nên không đọc được"
        f"{f' ({cause})' if cause else ''}. Hãy mở bằng Excel rồi lưu lại dạng .xlsx."
    )
