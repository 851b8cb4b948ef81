"""What Qt's own file dialog shows, in Vietnamese: file types, sizes, dates and headings.

Qt's QFileSystemModel names types from the system's MIME database ("PDF document",
"Microsoft Excel Worksheet"), writes sizes as "18.13 KiB" and dates in the system's short
format; no translation reaches these. The dialog is given a proxy model that answers these
columns itself, and column widths that show every heading whole.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QHeaderView, QTreeView

from ui.widgets.formatting import format_decimal

HEADERS = ("Tên", "Kích thước", "Loại", "Ngày sửa")
# Type names by file suffix (lower case); anything else is "Tệp .xyz".
TYPES: dict[str, str] = {
    "pdf": "Tệp PDF",
    "xlsx": "Sổ Excel",
    "xlsm": "Sổ Excel",
    "xls": "Sổ Excel (cũ)",
    "ods": "Bảng tính OpenDocument",
    "csv": "Bảng CSV",
    "tsv": "Bảng TSV",
    "docx": "Văn bản Word",
    "doc": "Văn bản Word (cũ)",
    "odt": "Văn bản OpenDocument",
    "rtf": "Văn bản RTF",
    "txt": "Tệp văn bản",
    "md": "Tệp văn bản",
    "log": "Tệp nhật ký",
    "sqlite": "Sổ đăng ký CCHC",
    "sqlite3": "Sổ đăng ký CCHC",
    "db": "Tệp cơ sở dữ liệu",
    "zip": "Tệp nén ZIP",
    "rar": "Tệp nén RAR",
    "7z": "Tệp nén 7z",
    "jpg": "Ảnh JPEG",
    "jpeg": "Ảnh JPEG",
    "png": "Ảnh PNG",
    "gif": "Ảnh GIF",
    "bmp": "Ảnh BMP",
    "tif": "Ảnh TIFF",
    "tiff": "Ảnh TIFF",
    "pptx": "Bản trình chiếu PowerPoint",
    "ppt": "Bản trình chiếu PowerPoint (cũ)",
    "json": "Tệp dữ liệu JSON",
    "xml": "Tệp dữ liệu XML",
    "html": "Trang web",
    "htm": "Trang web",
    "ini": "Tệp cài đặt",
    "exe": "Chương trình",
    "lnk": "Lối tắt",
}
_UNITS = ("KB", "MB", "GB", "TB")


def type_name(suffix: str, is_dir: bool) -> str:
    """Return the Vietnamese name of a file type (by its suffix) or "Thư mục"."""
    if is_dir:
        return "Thư mục"
    key = suffix.lower()
    return TYPES.get(key, f"Tệp .{key}" if key else "Tệp")


def size_text(size: int) -> str:
    """Return a size in Vietnamese units: "13 byte", "18,1 KB", "2,5 MB" (1 KB = 1024 byte)."""
    if size < 1024:
        return f"{size} byte"
    value = float(size)
    for unit in _UNITS:
        value /= 1024
        if value < 1024 or unit == _UNITS[-1]:
            digits = 0 if value >= 100 else 1
            return f"{format_decimal(value, digits)} {unit}"
    return f"{size} byte"  # pragma: no cover - the loop always returns


def date_text(moment: datetime) -> str:
    """Return a modification time as dd/MM/yyyy HH:mm."""
    return moment.strftime("%d/%m/%Y %H:%M")


class VietnameseFileModel(QIdentityProxyModel):
    """The file system model with its size, type and date columns and headings in Vietnamese."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        column = index.column()
        if role != Qt.ItemDataRole.DisplayRole or column not in (1, 2, 3):
            return super().data(index, role)
        source = self.sourceModel()
        if not isinstance(source, QFileSystemModel):
            return super().data(index, role)
        info = source.fileInfo(self.mapToSource(index))
        if column == 1:
            return "" if info.isDir() else size_text(info.size())
        if column == 2:
            return type_name(info.suffix(), info.isDir())
        modified = info.lastModified().toPython()
        return date_text(modified) if isinstance(modified, datetime) else ""


def fit_columns(dialog: QFileDialog) -> None:
    """Give the detail view's columns room for their headings and Vietnamese texts."""
    view = dialog.findChild(QTreeView, "treeView")
    if view is None:
        return
    header = view.header()
    metrics = header.fontMetrics()
    samples = ("Kích thước", "Bảng tính OpenDocument", "00/00/0000 00:00")
    for column, sample in enumerate(samples, start=1):
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(HEADERS[column]))
        header.resizeSection(column, width + 36)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(metrics.horizontalAdvance("Kích thước") // 2)


def make_vietnamese(dialog: QFileDialog) -> None:
    """Use Qt's own dialog (its texts are ours on every system) with Vietnamese columns."""
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setProxyModel(VietnameseFileModel(dialog))
    fit_columns(dialog)
    dialog.resize(max(dialog.width(), 820), max(dialog.height(), 480))
