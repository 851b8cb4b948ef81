"""UI tests run like the app: no automatic garbage collection, collections on the GUI thread."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from ui.shell import collector


@pytest.fixture(autouse=True)
def gui_thread_collector(qapp: QApplication) -> Iterator[collector.GuiCollector]:
    """Install the app's collector (automatic GC off); collect what is due after each test."""
    installed = collector.install(qapp)
    yield installed
    installed.tick()


def pytest_sessionfinish() -> None:
    """Give the rest of the session (if any) Python's automatic collector back."""
    gc.enable()
