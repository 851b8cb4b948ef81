"""Take the README screenshots of the register window under Xvfb.

Run under Xvfb (a screen of at least 1400×880):
    Xvfb :57 -screen 0 1400x900x24 &
    DISPLAY=:57 .venv/bin/python docs/screenshots/take_screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRect, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from cchc_desktop.plans import repository, services  # noqa: E402
from cchc_desktop.plans.models import TaskDraft  # noqa: E402
from cchc_desktop.register.connection import open_register  # noqa: E402
from cchc_desktop.start.demo import create_demo  # noqa: E402
from ui.register.task_form import TaskForm  # noqa: E402
from ui.register.units_dialog import UnitsDialog  # noqa: E402
from ui.shell.app import make_application  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
app = make_application()
TMP = Path(tempfile.mkdtemp())
register = open_register(TMP / "so-dang-ky-mau.sqlite")
plan_id = create_demo(register)
window = MainWindow(register, QSettings(str(TMP / "ui.ini"), QSettings.Format.IniFormat),
                    today=date(2021, 10, 15))
window.resize(1380, 860)
window.move(10, 10)
window.show()


def shot(name: str, widget: QWidget | None = None) -> None:
    """Grab the screen (or a widget's part of it) into a PNG."""
    app.processEvents()
    g = widget.frameGeometry() if widget is not None else QRect(0, 0, 1400, 880)
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(str(OUT / f"{name}.png"))


def search() -> QWidget | None:
    """Search without marks: "dang" finds "đăng", "Đăng" and "dạng"."""
    window.filter_bar.search.setText("dang")
    window.refresh_view()
    window.table.select_key(next(k for k in window.model.row_keys() if k > 0))
    return None


def form() -> QWidget:
    """The task form on task 4.1."""
    window.filter_bar.clear()
    task = next(t for t in repository.list_tasks(register.db, plan_id) if t.number == "4.1")
    dialog = TaskForm(window.unit_names(), services.draft_of(task), 2021,
                      f"Sửa nhiệm vụ {task.number}", window)
    dialog.show()
    dialog.move(330, 160)
    return dialog


def units() -> QWidget:
    """The units directory with units an edit flagged "chưa xác nhận"."""
    services.add_task(register, plan_id, TaskDraft(
        content="Rà soát quy trình nội bộ giải quyết TTHC", lead_text="VP Thanh tra",
        partner_text="Phòng nghiệp vụ 3"))
    dialog = UnitsDialog(window, window.undo_stack, window)
    dialog.show()
    dialog.move(200, 120)
    return dialog


STEPS: list[tuple[str, Callable[[], QWidget | None], bool]] = [
    ("so-dang-ky", lambda: None, False), ("tim-kiem", search, False),
    ("nhiem-vu", form, True), ("don-vi", units, True),
]


def next_step() -> None:
    """Show the next scene, wait for it to paint, grab it."""
    if not STEPS:
        window.close()
        app.quit()
        return
    name, scene, crop = STEPS.pop(0)
    shown = scene()

    def grab() -> None:
        shot(name, shown if crop else None)
        if shown is not None:
            shown.close()
        next_step()

    QTimer.singleShot(400, grab)


def start() -> None:
    """Begin once the tasks' states are shown."""
    if window.view.states is None:
        QTimer.singleShot(100, start)
        return
    next_step()


QTimer.singleShot(200, start)
app.exec()
