"""The one way the window runs work: errors shown in Vietnamese, slow work off the GUI thread.

call() runs a quick service call (an edit) on the GUI thread; a CchcError becomes a message
box with its Vietnamese text and the call returns None. background() runs slow work (a copy of
the register, states of 100,000 tasks) in a worker thread with its own connection to the
register (SQLite connections stay in the thread that opened them), then hands the result to
the GUI thread, which refreshes the views. Unexpected errors go to the app's exception hook.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from cchc_desktop.errors import CchcError
from cchc_desktop.register.connection import Register, open_register

T = TypeVar("T")
log = logging.getLogger("cchc_desktop")
Job = Callable[[Register], Any]


class _Relay(QObject):
    """Carries a worker's outcome back to the GUI thread."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Worker(QRunnable):
    """Runs one job with a connection of its own.

    The worker lets go of the job (a closure that may hold a dialog) before it reports: Ops
    keeps the job until the report arrives, so the last reference to anything the job held
    drops on the GUI thread, never here (Qt objects must die in their own thread).
    """

    def __init__(self, ticket: int, path: Path, read_only: bool, job: Job, relay: _Relay) -> None:
        super().__init__()
        self.ticket, self.path, self.read_only, self.job, self.relay = (
            ticket, path, read_only, job, relay)

    def run(self) -> None:
        """Open the register, run the job, close; report the result or the error."""
        job: Job | None = self.job
        self.job = _no_job
        try:
            register = open_register(self.path, read_only=self.read_only, check=False)
            try:
                assert job is not None
                result = job(register)
            finally:
                job = None
                register.close()
        except BaseException as error:  # noqa: BLE001 - every error must reach the GUI thread
            traceback.clear_frames(error.__traceback__)  # frames may hold the job's objects
            self.relay.failed.emit(self.ticket, error)
            return
        self.relay.finished.emit(self.ticket, result)


def _no_job(_register: Register) -> None:
    """Stands in for a job the worker has let go of."""


class Ops(QObject):
    """Runs service calls for a window and shows what went wrong."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)  # first child: deleting Ops waits for its workers
        self.pool.setMaxThreadCount(2)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finished)
        self._relay.failed.connect(self._failed)
        self._pending: dict[int, tuple[Callable[[Any], None], str]] = {}
        self._after: dict[int, Callable[[], None]] = {}
        self._jobs: dict[int, Job] = {}  # released on the GUI thread once the job reported
        self._ticket = 0
        self.errors: list[str] = []  # every message shown (tests read it)
        self.quiet = False  # tests: record messages without opening a box
        self.answer: bool | None = None  # tests: the answer confirm() gives without asking

    @property
    def widget(self) -> QWidget | None:
        """Return the window the messages belong to (the parent: no reference cycle)."""
        parent = self.parent()
        return parent if isinstance(parent, QWidget) else None

    @property
    def busy(self) -> bool:
        """Tell whether background work is still running."""
        return bool(self._pending)

    def show_error(self, title: str, message: str) -> None:
        """Show a Vietnamese error message (never a traceback)."""
        self.errors.append(message)
        if not self.quiet:
            QMessageBox.warning(self.widget, title, message)

    def confirm(self, title: str, question: str) -> bool:
        """Ask a yes/no question (No is the default button)."""
        if self.answer is not None:
            return self.answer
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, title, question, buttons, self.widget)
        box.button(QMessageBox.StandardButton.Yes).setText("Đồng ý")
        box.button(QMessageBox.StandardButton.No).setText("Không")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def call(self, action: Callable[[], T], title: str = "Không thực hiện được") -> T | None:
        """Run a quick action now; on a CchcError show its message and return None."""
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            return action()
        except CchcError as error:
            failure = str(error)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_error(title, failure)
        return None

    def attempt(self, action: Callable[[], object], title: str = "Không thực hiện được") -> bool:
        """Run a quick action now; return True if it succeeded (errors are shown)."""
        return self.call(lambda: (action(), True)[1], title) is True

    def background(self, register_path: Path, job: Job, done: Callable[[Any], None],
                   title: str = "Không thực hiện được", read_only: bool = False,
                   after: Callable[[], None] | None = None) -> int:
        """Run job(register) in a worker thread, then done(result) on the GUI thread;
        after() runs on the GUI thread once the job ended, whether it succeeded or not."""
        self._ticket += 1
        self._pending[self._ticket] = (done, title)
        if after is not None:
            self._after[self._ticket] = after
        self._jobs[self._ticket] = job
        self.busy_changed.emit(True)
        self.pool.start(_Worker(self._ticket, register_path, read_only, job, self._relay))
        return self._ticket

    def forget(self, ticket: int) -> None:
        """Drop the result of a job nobody needs any more (its plan is no longer shown)."""
        self._pending.pop(ticket, None)
        if not self._pending:
            self.busy_changed.emit(False)

    def _finished(self, ticket: int, result: Any) -> None:
        """Hand a result to its callback."""
        entry = self._pending.pop(ticket, None)
        if not self._pending:
            self.busy_changed.emit(False)
        if entry is not None:
            self.call(lambda: entry[0](result), entry[1])
        self._ended(ticket)

    def _ended(self, ticket: int) -> None:
        """Run what waits for a job to end, then let go of the job here on the GUI thread."""
        after = self._after.pop(ticket, None)
        if after is not None:
            after()
        self._jobs.pop(ticket, None)

    def _failed(self, ticket: int, error: BaseException) -> None:
        """Show a worker's error: Vietnamese message, or the exception hook for a bug."""
        entry = self._pending.pop(ticket, None)
        if not self._pending:
            self.busy_changed.emit(False)
        self._ended(ticket)
        if isinstance(error, CchcError):
            if entry is not None:
                self.show_error(entry[1], str(error))
            return
        sys.excepthook(type(error), error, error.__traceback__)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the worker threads (closing the window, tests)."""
        return bool(self.pool.waitForDone(msecs))


def dispose_closed_dialogs(window: QWidget) -> int:
    """Delete (on the GUI thread, from its event loop) the window's dialogs that are closed.

    A dialog run with exec() stays a hidden child of its window after it closes; the menus call
    this after each command so closed dialogs never pile up or wait for the garbage collector.
    """
    closed = [child for child in window.findChildren(QDialog, options=Qt.FindChildOption.
                                                     FindDirectChildrenOnly)
              if not child.isVisible()]
    for dialog in closed:
        dialog.deleteLater()
    return len(closed)
