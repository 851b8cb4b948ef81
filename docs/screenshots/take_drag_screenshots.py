"""Take the screenshots of dragging two task rows into another group, with a real mouse drag
(xdotool) under Xvfb:

    Xvfb :93 -screen 0 1920x1080x24 &
    DISPLAY=:93 .venv/bin/python docs/screenshots/take_drag_screenshots.py docs/screenshots 1366

Writes keo-tha-<width>.png (the drag in progress: the drop line under the group heading and the
"2 nhiệm vụ" label under the mouse) and keo-tha-xong-<width>.png (the result, renumbered).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPoint, QSettings, QTimer  # noqa: E402

from cchc_desktop.plans import structure  # noqa: E402
from cchc_desktop.register.connection import open_register  # noqa: E402
from cchc_desktop.start.demo import create_demo  # noqa: E402
from ui.shell.app import make_application  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
WIDTH = int(sys.argv[2]) if len(sys.argv) > 2 else 1366
HEIGHT = {1366: 768, 1920: 1080}.get(WIDTH, 768)
app = make_application()
TMP = Path(tempfile.mkdtemp())
register = open_register(TMP / "so-dang-ky-mau.sqlite")
create_demo(register)
structure.set_keep_numbers(register, 1, False)  # TT renumbered as the officer drops
structure.renumber(register, 1)
window = MainWindow(register, QSettings(str(TMP / "ui.ini"), QSettings.Format.IniFormat),
                    today=date(2021, 6, 20))
window.move(0, 0)
window.resize(WIDTH, HEIGHT)
window.show()


def on_screen(key: int) -> tuple[int, int]:
    """Return the screen point in the middle of a row."""
    table = window.table
    row = window.model.row_of(key)
    y = table.rowViewportPosition(row) + table.rowHeight(row) // 2
    point = table.viewport().mapToGlobal(QPoint(150, y))
    return point.x(), point.y()


def grab(name: str) -> None:
    app.primaryScreen().grabWindow(0, 0, 0, WIDTH, HEIGHT).save(str(OUT / f"{name}-{WIDTH}.png"))


def steps() -> list[tuple[int, list[str] | str]]:
    """Select tasks 1.2 and 2.1, then drag them onto group 3's heading with the mouse."""
    keys = window.model.row_keys()
    tasks = [k for k in keys if k > 0]
    window.table.select_keys([tasks[1], tasks[2]])
    (fx, fy), (tx, ty) = on_screen(tasks[1]), on_screen([k for k in keys if k < 0][3])
    moves: list[tuple[int, list[str] | str]] = [(400, ["mousemove", str(fx), str(fy)]),
                                                (300, ["mousedown", "1"])]
    moves += [(80, ["mousemove", str(fx), str(fy + (ty - fy) * s // 10)]) for s in range(11)]
    return [*moves, (400, ["mousemove", str(tx + 6), str(ty)]), (500, "keo-tha"),
            (300, ["mouseup", "1"]), (1200, "keo-tha-xong"), (100, "quit")]


def run(todo: list[tuple[int, list[str] | str]]) -> None:
    """Do the next step after its delay (timers run inside the drag's own event loop too)."""
    if not todo:
        return
    delay, step = todo[0]

    def do() -> None:
        if step == "quit":
            app.quit()
            return
        if isinstance(step, str):
            grab(step)
        else:
            subprocess.run(["xdotool", *step], check=True)
        run(todo[1:])
    QTimer.singleShot(delay, do)


QTimer.singleShot(2000, lambda: run(steps()))
app.exec()
