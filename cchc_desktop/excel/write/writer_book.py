"""A write-only workbook with Times New Roman as its default font, saved atomically."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils.indexed_list import IndexedList

from cchc_desktop.excel.write.writer import FONT_NAME, ExportError, Row, SheetSpec, SheetWriter


def new_workbook() -> Workbook:
    """Return a write-only workbook whose default font is Times New Roman 12.

    Column widths are counted in the default font's digit width: with Calibri (replaced by a
    wider font where it is not installed, as on Linux) LibreOffice draws every column wider
    than Excel does and cuts text at the page edge.
    """
    book = Workbook(write_only=True)
    default = Font(name=FONT_NAME, size=12)
    book._fonts = IndexedList([default])
    book._named_styles["Normal"].font = Font(name=FONT_NAME, size=12)
    return book


@dataclass
class BookWriter:
    """A write-only workbook with its sheets, saved atomically to a path."""

    book: Workbook = field(default_factory=new_workbook)
    sheets: list[SheetWriter] = field(default_factory=list)

    def add_sheet(self, spec: SheetSpec, rows: Iterable[Row]) -> SheetWriter:
        """Create a sheet, write its rows and finish it."""
        writer = SheetWriter(self.book, spec)
        self.sheets.append(writer)
        writer.write(rows)
        writer.finish()
        return writer

    def save(self, path: Path) -> Path:
        """Save next to the target, then move into place (never a half-written file)."""
        return save_atomically(self.book, path)

    def __enter__(self) -> BookWriter:
        return self

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        """Close the sheets' temp files when writing failed (nothing is saved)."""
        if error is None:
            return
        for sheet in self.sheets:
            with contextlib.suppress(Exception):
                sheet.ws.close()


def check_target(path: Path) -> Path:
    """Refuse a target whose folder does not exist (before anything is written)."""
    path = Path(path)
    if not path.parent.is_dir():
        raise ExportError(f"Thư mục '{path.parent}' không tồn tại; không ghi được tệp "
                          f"'{path.name}'.")
    if path.is_dir():
        raise ExportError(f"'{path}' là một thư mục; hãy chọn tên tệp .xlsx.")
    return path


def save_atomically(book: Workbook, path: Path) -> Path:
    """Save a workbook to a temp file in the target folder and rename it onto path."""
    path = check_target(path)
    folder = path.parent
    handle, temp_name = tempfile.mkstemp(suffix=".xlsx", prefix=".cchc-", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        book.save(temp)
        os.replace(temp, path)
    except PermissionError:
        raise ExportError(
            f"Không ghi được tệp '{path.name}': tệp đang mở trong Excel hoặc thư mục không "
            "cho phép ghi. Hãy đóng tệp rồi thử lại."
        ) from None
    except OSError as error:
        raise ExportError(f"Không ghi được tệp '{path.name}': {error.strerror or error}.") from None
    finally:
        temp.unlink(missing_ok=True)
    return path
