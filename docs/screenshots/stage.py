"""The stage every screenshot script sets: the app (run it under Xvfb for real fonts), the demo
register in a temp folder, the output folder (first argument) and a pause for painting.

Importing it does the setting up; the scripts import what they use:
    from stage import OUT, TMP, TODAY, app, register, wait
"""

from __future__ import annotations

import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from cchc_desktop.register.connection import open_register  # noqa: E402
from cchc_desktop.start.demo import create_demo  # noqa: E402
from ui.shell.app import make_application  # noqa: E402

OUT = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
TODAY = date(2021, 10, 15)
app = make_application()
TMP = Path(tempfile.mkdtemp())
register = open_register(TMP / "so-dang-ky-mau.sqlite")
plan_id = create_demo(register)


def wait(ms: int = 400) -> None:
    """Let the event loop paint (and background jobs finish) for a moment."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
