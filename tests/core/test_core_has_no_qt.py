"""The core never imports Qt: importing every cchc_desktop module leaves PySide6 out."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import cchc_desktop
for info in pkgutil.walk_packages(cchc_desktop.__path__, "cchc_desktop."):
    importlib.import_module(info.name)
qt = ("PySide6", "shiboken6", "PyQt5", "PyQt6")
bad = sorted(m for m in sys.modules if m.split(".")[0] in qt)
print(len([m for m in sys.modules if m.startswith("cchc_desktop")]))
sys.exit(1 if bad else 0)
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.strip()) >= 10
