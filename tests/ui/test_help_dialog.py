"""The user guide opens inside the app, with its screenshots."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ui.shell.help_dialog import HelpDialog


def test_guide_opens_with_its_sections_and_images(qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for heading in ("Nhập phụ lục kế hoạch từ Excel", "Ghi tiến độ", "In báo cáo",
                    "Lập kế hoạch kiểm tra", "Khôi phục từ bản sao lưu"):
        assert heading in text
    image = dialog.browser.document().resource(QTextDocument.ResourceType.ImageResource,
                                               "screenshots/so-dang-ky.png")
    assert image is not None and not image.isNull()


def test_menus_offer_the_guide_and_the_excel_exchange(qtbot, demo_register) -> None:
    from ui.shell.main_window import MainWindow

    window = MainWindow(demo_register)
    qtbot.addWidget(window)
    names = {"guide": "Shift+F1", "export_excel": "Ctrl+Shift+E",
             "templates": "Ctrl+Shift+B", "returns": "Ctrl+Shift+U"}
    for name, keys in names.items():
        assert window.actions_by_name[name].shortcut().toString() == keys
