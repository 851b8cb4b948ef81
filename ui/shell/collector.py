"""Garbage collection on the GUI thread only, driven by its event loop.

Python's automatic collector runs in whichever thread happens to allocate when a generation's
threshold is crossed: a worker computing states could then collect a closed dialog that sits
in a reference cycle, and Qt would run its C++ destructor on the worker thread (a segmentation
fault a few dialogs later). The app therefore turns automatic collection off and collects from
a QTimer on the GUI thread, with the same generation thresholds Python would use; workers
never collect. `collect_all()` runs a full collection and hands freed memory back to the system
(after a large background job, e.g. the states of 100,000 tasks).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

INTERVAL_MS = 200


class GuiCollector(QObject):
    """Collects garbage on the GUI thread when Python's thresholds say it is due."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName("guiCollector")
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        self.collections = 0

    def tick(self) -> int:
        """Collect the generation that is due (like Python's own rule); return it or -1."""
        if QThread.currentThread() is not self.thread():
            return -1  # never from a worker
        limit0, limit1, limit2 = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 < limit0:
            return -1
        generation = 2 if count1 >= limit1 and count2 >= limit2 else (1 if count1 >= limit1
                                                                       else 0)
        gc.collect(generation)
        self.collections += 1
        return generation

    def collect_all(self) -> None:
        """Run a full collection now and return freed memory to the system (glibc)."""
        if QThread.currentThread() is not self.thread():
            return
        gc.collect()
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def install(app: QCoreApplication) -> GuiCollector:
    """Turn automatic collection off and collect from the GUI thread's event loop (once)."""
    existing = app.findChild(GuiCollector, "guiCollector")
    collector = existing if isinstance(existing, GuiCollector) else GuiCollector(app)
    gc.disable()
    if not collector.timer.isActive():
        collector.timer.start()
    return collector


def collect_all() -> None:
    """Run a full collection on the GUI thread if the app's collector is installed."""
    app = QCoreApplication.instance()
    collector = app.findChild(GuiCollector, "guiCollector") if app is not None else None
    if isinstance(collector, GuiCollector):
        collector.collect_all()
