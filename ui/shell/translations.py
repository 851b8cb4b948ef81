"""Vietnamese for Qt's own strings (buttons, message-box details, edit menus, file dialogs).

Qt ships no Vietnamese translation (no qtbase_vi.qm), so standard buttons would read "Cancel",
"Show Details..." in an otherwise Vietnamese program. This translator answers for the strings
the app's dialogs show; anything else falls through to Qt's English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

VIETNAMESE: dict[str, str] = {
    "OK": "Đồng ý",
    "&OK": "Đồng &ý",
    "Cancel": "Hủy",
    "&Cancel": "&Hủy",
    "Close": "Đóng",
    "&Close": "Đó&ng",
    "Save": "Lưu",
    "&Save": "&Lưu",
    "Save All": "Lưu tất cả",
    "Open": "Mở",
    "&Open": "&Mở",
    "Apply": "Áp dụng",
    "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định",
    "Help": "Trợ giúp",
    "Discard": "Bỏ",
    "Don't Save": "Không lưu",
    "Close without Saving": "Đóng không lưu",
    "&Yes": "&Có",
    "Yes": "Có",
    "&No": "&Không",
    "No": "Không",
    "Yes to &All": "Có với &tất cả",
    "N&o to All": "K&hông với tất cả",
    "Abort": "Dừng",
    "Retry": "Thử lại",
    "Ignore": "Bỏ qua",
    "Show Details...": "Chi tiết...",
    "Hide Details...": "Ẩn chi tiết...",
    "&Undo": "&Hoàn tác",
    "&Redo": "&Làm lại",
    "Cu&t": "&Cắt",
    "&Copy": "&Sao chép",
    "&Paste": "&Dán",
    "Delete": "Xóa",
    "Select All": "Chọn tất cả",
    "&Back": "&Quay lại",
    "&Next": "&Tiếp",
    "&Finish": "&Hoàn tất",
    "< &Back": "< &Quay lại",
    "&Next >": "&Tiếp >",
    "Look in:": "Tìm trong:",
    "File name:": "Tên tệp:",
    "File &name:": "&Tên tệp:",
    "Files of type:": "Loại tệp:",
    "Directory:": "Thư mục:",
    "&Choose": "&Chọn",
    "New Folder": "Thư mục mới",
    "Detail View": "Xem chi tiết",
    "List View": "Xem danh sách",
    "Back": "Quay lại",
    "Forward": "Tiến",
    "Parent Directory": "Thư mục cha",
    "Create New Folder": "Tạo thư mục mới",
    "Name": "Tên",
    "Size": "Kích thước",
    "Type": "Loại",
    "Date Modified": "Ngày sửa",
    "&Look in:": "&Xem trong:",
    "Files of &type:": "&Kiểu tệp:",
    "&File name:": "&Tên tệp:",
    "Save As": "Lưu thành",
    "Find Directory": "Chọn thư mục",
    "&Rename": "Đổi &tên",
    "&Delete": "&Xóa",
    "Show &hidden files": "Hiện tệp &ẩn",
    "&New Folder": "Thư mục &mới",
    "Recent Places": "Nơi dùng gần đây",
    "My Computer": "Máy tính",
    "Computer": "Máy tính",
    "Folder": "Thư mục",
    "File Folder": "Thư mục",
    "File": "Tệp",
    "%1 File": "Tệp %1",
    "Drive": "Ổ đĩa",
    "All Files (*)": "Mọi tệp (*)",
    "Directories": "Thư mục",
    "%1 already exists.\nDo you want to replace it?": "%1 đã có.\nGhi đè lên tệp này?",
    "%1\nFile not found.\nPlease verify the correct file name was given.":
        "%1\nKhông tìm thấy tệp.\nHãy kiểm tra lại tên tệp.",
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.":
        "%1\nKhông tìm thấy thư mục.\nHãy kiểm tra lại tên thư mục.",
    "Are you sure you want to delete '%1'?": "Xóa '%1'?",
    "'%1' is write protected.\nDo you want to delete it anyway?":
        "'%1' đang được bảo vệ chống ghi.\nVẫn xóa?",
    "Could not delete directory.": "Không xóa được thư mục.",
    "Invalid filename": "Tên tệp không hợp lệ",
    # Key names in menus and the shortcut list (QShortcut): arrows instead of English words.
    "Up": "↑",
    "Down": "↓",
    "Left": "←",
    "Right": "→",
    "Print": "In",
    "&Print": "&In",
    "Printer": "Máy in",
    "Copies": "Số bản",
    "Properties": "Thuộc tính",
}


class VietnameseTranslator(QTranslator):
    """Answer Qt's standard strings in Vietnamese."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # noqa: ARG002 - Qt's signature
        """Return the Vietnamese for a Qt string, or None (a null string) to keep Qt's own.

        Returning "" would translate every other Qt string to an empty one (page size names
        included, which breaks printing).
        """
        return VIETNAMESE.get(source)

    def isEmpty(self) -> bool:  # noqa: N802
        return False


_installed: list[VietnameseTranslator] = []


def install_vietnamese() -> None:
    """Install the translator once on the running application."""
    if _installed:
        return
    translator = VietnameseTranslator()
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
