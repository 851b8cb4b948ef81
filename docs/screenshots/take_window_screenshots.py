"""Take the screenshots of the register window's figures, periods and structure at the two
screen sizes officers use (1366×768 and 1920×1080), under Xvfb for real fonts:

    Xvfb :94 -screen 0 1920x1080x24 &
    DISPLAY=:94 .venv/bin/python docs/screenshots/take_window_screenshots.py docs/screenshots

Writes so-do-{1366,1920}.png (sections and groups, the Hạn riêng, figures in the status bar
under a filter) and tong-quan-{1366,1920}.png (the overview on the window's period and filter);
tong-quan.png is the 1366 one.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QSettings  # noqa: E402
from stage import OUT, TMP, TODAY, plan_id, register, wait  # noqa: E402

from cchc_desktop.plans import repository, services  # noqa: E402
from ui.progress.dashboard_dialog import DashboardDialog  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

task = next(t for t in repository.list_tasks(register.db, plan_id) if t.number == "1.2")
services.set_due_override(register, task.id, "2021-11-15")



def take(width: int, height: int) -> None:
    """Grab the window (filtered to one lĩnh vực) and the overview at one screen size."""
    window = MainWindow(register, QSettings(str(TMP / f"ui-{width}.ini"),
                                            QSettings.Format.IniFormat), today=TODAY)
    window.setGeometry(0, 0, width, height - 40)
    window.show()
    wait(1500)
    bar = window.filter_bar
    bar.section.setCurrentIndex(1)  # lĩnh vực I: task 1.2 has its own due date
    wait(600)
    window.grab().save(str(OUT / f"so-do-{width}.png"))
    dialog = DashboardDialog(register, plan_id, TODAY, bar.period_code(), window,
                             filters=window.view.filters)
    dialog.resize(min(1100, width - 60), min(720, height - 80))
    dialog.show()
    wait(800)
    dialog.grab().save(str(OUT / f"tong-quan-{width}.png"))
    dialog.close()
    window.close()
    print("saved", width)


take(1366, 768)
take(1920, 1080)
shutil.copy(OUT / "tong-quan-1366.png", OUT / "tong-quan.png")
