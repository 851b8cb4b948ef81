"""Take the screenshots of the "Trạng thái" filter set to "Chưa có báo cáo", under Xvfb for
real fonts, at the size of the screen it runs on (1366×768 and 1920×1080 in the guide):

    Xvfb :94 -screen 0 1366x768x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb .venv/bin/python \
        docs/screenshots/take_filter_screenshots.py docs/screenshots

Writes trang-thai-<width>.png (the filter's list open) and chua-bao-cao-<width>.png (the tasks
nobody reported on in Năm 2021, the status bar counting them).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from stage import OUT, TMP, TODAY, register, wait  # noqa: E402

from ui.shell.main_window import MainWindow  # noqa: E402


def grab_screen(name: str, width: int) -> None:
    """Save the whole screen (popups included)."""
    QGuiApplication.primaryScreen().grabWindow(0).save(str(OUT / f"{name}-{width}.png"))


def take() -> None:
    """The filter's list open, then the window filtered to Chưa có báo cáo."""
    size = QGuiApplication.primaryScreen().geometry()
    window = MainWindow(register, QSettings(str(TMP / "ui.ini"), QSettings.Format.IniFormat),
                        today=TODAY)
    window.setGeometry(0, 0, size.width(), size.height())
    window.show()
    wait(1500)
    box = window.filter_bar.status
    box.setCurrentIndex(box.findData("no_report"))
    wait(600)
    box.showPopup()
    wait(600)
    grab_screen("trang-thai", size.width())
    box.hidePopup()
    wait(400)
    grab_screen("chua-bao-cao", size.width())
    print("saved", size.width(), window.counts_label.text())
    window.close()


take()
