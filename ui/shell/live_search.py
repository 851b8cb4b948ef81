"""Search as you type on a big plan, in two steps: the rows in view first, then every row.

On a plan of many thousands of tasks a keystroke's whole search (every match, its headings,
the counts) takes longer than an officer should wait to see the table answer. So the top of
the view is searched first (AppendixView.first_rows: the FTS5 query over the first tasks of
the plan) and shown at once, and the whole view follows on the next turn of the event loop,
unless another keystroke came first. Small plans, sorted views and other filters go straight
to the whole view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ui.shell.window import RegisterWindow

BIG_PLAN = 5_000  # rows from which the first screen is worth showing on its own
SCREENS = 2  # rows searched first: this many screens' worth, so scrolling a little is ready


class LiveSearch(QObject):
    """The two steps of search as you type, driven by the window's filter changes."""

    def __init__(self, window: RegisterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.big_plan = BIG_PLAN
        self._keep: int | None = None  # the row current before the first step
        self._first = self._timer(self._show_first)
        self._rest = self._timer(self._show_all)

    def _timer(self, slot: Callable[[], None]) -> QTimer:
        """Return a zero-delay single-shot timer calling slot."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    @property
    def pending(self) -> bool:
        """Tell whether the view still has to catch up with the typed text."""
        return self._first.isActive() or self._rest.isActive()

    def typed(self) -> None:
        """The search text changed: answer it once pending keystrokes are in (typing faster
        than a search runs skips the searches nobody would see)."""
        if not self._rest.isActive():
            self._keep = self.window.table.current_key()
        self._rest.stop()
        self._first.start()

    def stop(self) -> None:
        """Forget pending steps (the view is being refreshed whole)."""
        self._first.stop()
        self._rest.stop()

    def _show_first(self) -> None:
        """Show the rows in view of the typed search, or the whole view when that is as quick."""
        window = self.window
        keys = None
        if len(window.view.outline.keys) >= self.big_plan:
            keys = window.view.first_rows(SCREENS * window.table.rows_in_view())
        if keys is None:
            window.refresh_view(select=self._keep)
            return
        window.show_first_rows(keys, self._keep)
        window.table.viewport().repaint()  # seen now, before the whole view is computed
        self._rest.start()

    def _show_all(self) -> None:
        """Show every row and the counts of the typed search."""
        self.window.refresh_view(select=self._keep)
