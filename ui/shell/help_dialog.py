"""Trợ giúp → Hướng dẫn sử dụng: the Vietnamese user guide with its screenshots, offline."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from cchc_desktop.paths import guide_path


class HelpDialog(QDialog):
    """Show docs/huong-dan-su-dung.md rendered from Markdown, images included."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Hướng dẫn sử dụng CCHC Desktop")
        self.resize(900, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        path = guide_path()
        if path.exists():
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        else:
            self.browser.setPlainText(f"Không tìm thấy tệp hướng dẫn: {path}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
