"""Trợ giúp → Hướng dẫn sử dụng: the Vietnamese user guide with its screenshots, offline."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QImageReader, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.paths import guide_path


class HelpDialog(QDialog):
    """Show docs/huong-dan-su-dung.md rendered from Markdown, images included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng CCHC Desktop")
        fit_to_screen(self, 900, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        if path.exists():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(f"Không tìm thấy tệp hướng dẫn: {path}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self._folder = path.parent

    def fit_images(self) -> None:
        """Shrink the pictures wider than the text area to its width (never enlarge them)."""
        width = self.browser.viewport().width() - 2 * int(self.browser.document().documentMargin())
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                fragments += 1
                form = fragment.charFormat()
                if not form.isImageFormat():
                    continue
                image = form.toImageFormat()
                size = QImageReader(str(self._folder / image.name())).size()
                if not size.isValid():
                    continue
                shown = min(width, size.width())
                image.setWidth(shown)
                image.setHeight(size.height() * shown / size.width())
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)
            block = block.next()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Fit the pictures to the new width."""
        super().resizeEvent(event)
        self.fit_images()


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Give a dialog its size, but never more than 90 % of the screen it opens on."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None:
        width = min(width, int(area.width() * 0.9))
        height = min(height, int(area.height() * 0.9))
    dialog.resize(width, height)


# What the mouse does besides the menus' keys (listed after them in Phím tắt).
MOUSE_ROWS = [
    ("Chuyển các nhiệm vụ đang chọn sang chỗ khác, nhóm hoặc lĩnh vực khác",
     "Kéo thả dòng bằng chuột"),
]


class ShortcutsDialog(QDialog):
    """Trợ giúp → Phím tắt: every command with its keys, in a list that scrolls."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Phím tắt")
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Lệnh", "Phím"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        fit_to_screen(self, 620, 760)
