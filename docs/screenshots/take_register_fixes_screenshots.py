"""Take the screenshots of pasting from Excel, TT numbering and deleting a section, at 1366×768
and 1920×1080, under Xvfb for real fonts:

    Xvfb :97 -screen 0 1920x1080x24 &
    cd docs/screenshots && DISPLAY=:97 ../../.venv/bin/python take_register_fixes_screenshots.py .

Writes dan-excel-{1366,1920}.png (the paste preview naming the new unit), dan-xong-{…}.png (the
pasted rows renumbered, selected), so-tt-{…}.png (the Kế hoạch menu with "Tự đánh số TT"
ticked), xoa-linh-vuc-{…}.png (a deleted section's tasks selected where it was) and
don-vi-dang-dung-{…}.png (a refused unit delete listing "I/1.1 — …").
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402
from stage import OUT, TMP, TODAY, register, wait  # noqa: E402

from cchc_desktop.plans.outline import section_key  # noqa: E402
from ui.register.units_dialog import UnitsDialog  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402
from ui.shell.paste_actions import paste_tasks  # noqa: E402

PASTED = ("STT\tNội dung công việc\tĐơn vị chủ trì\tThời gian hoàn thành\r\n"
          "1\tRà soát định mức chi thường xuyên\tĐơn vị lạ XYZ\tQuý III/2021\r\n"
          "2\tCông khai dự toán ngân sách năm 2022\tVăn phòng\tTháng 12/2021\r\n")


def grab_screen(name: str, width: int, height: int) -> None:
    """Save the top-left width×height of the screen (popups and boxes included)."""
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, 0, 0, width, height).save(str(OUT / f"{name}-{width}.png"))


def on_box(name: str | None, width: int, height: int,
           button: Callable[[QMessageBox], object]) -> None:
    """When a message box opens: save the screen (if named), then press a button."""
    def run() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, run)
            return
        wait(500)
        if name:
            grab_screen(name, width, height)
        button(box).click()  # type: ignore[attr-defined]
    QTimer.singleShot(0, run)


def take(width: int, height: int) -> None:
    """Paste (preview, result), the numbering menu, a deleted section, a refused unit delete."""
    window = MainWindow(register, QSettings(str(TMP / f"ui-{width}.ini"),
                                            QSettings.Format.IniFormat), today=TODAY)
    window.setGeometry(0, 0, width, height)
    window.show()
    wait(1500)
    window.shape.toggle_numbers(True)
    window.table.select_key(43)
    on_box("dan-excel", width, height, lambda b: b.button(QMessageBox.StandardButton.Yes))
    paste_tasks(window, PASTED)
    wait(800)
    grab_screen("dan-xong", width, height)
    menu = next(a.menu() for a in window.menuBar().actions() if "hoạch" in a.text())
    menu.popup(window.mapToGlobal(window.menuBar().actionGeometry(
        next(a for a in window.menuBar().actions() if a.menu() is menu)).bottomLeft()))
    wait(600)
    grab_screen("so-tt", width, height)
    menu.close()
    window.undo_stack.undo()
    window.undo_stack.undo()
    window.table.select_key(section_key(6))
    on_box(None, width, height,
           lambda b: next(x for x in b.buttons() if x.text().startswith("Giữ")))
    window.actions_by_name["delete_heading"].trigger()
    wait(800)
    grab_screen("xoa-linh-vuc", width, height)
    window.undo_stack.undo()
    dialog = UnitsDialog(window, window.undo_stack, window)
    dialog.show()
    wait(500)
    dialog.select([next(r.unit.id for r in map(dialog.model.row_at,
                                                range(dialog.model.rowCount()))
                        if r.unit.name == "Văn phòng")])
    window.ops.quiet = False
    on_box("don-vi-dang-dung", width, height, lambda b: b.buttons()[0])
    dialog.delete_selected()
    dialog.close()
    window.close()
    print("saved", width)


take(1366, 768)
take(1920, 1080)
