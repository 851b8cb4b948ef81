"""One period everywhere: the register window publishes the reporting period the officer chose
(a Qt property on itself), and every window or dialog opened from it starts on that period.

The officer can still choose another period in that window; the register window's choice is
only where each one starts.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from cchc_desktop.schedule.periods import parse_period_code

PROPERTY = "periodCode"


def publish_period(window: QWidget, code: str) -> None:
    """Make `code` the period every window opened from `window` starts on."""
    window.setProperty(PROPERTY, code)


def window_period(widget: QWidget | None) -> str | None:
    """Return the period published by the window `widget` belongs to (None: none published)."""
    while widget is not None:
        code = widget.property(PROPERTY)
        if code:
            return str(code)
        widget = widget.parentWidget()
    return None


def start_on_window_period(box: QComboBox, parent: QWidget | None, title: str = "") -> None:
    """Select the published period in a period combo (codes as item data); a period the combo
    lacks is added with `title` (or the code) when given."""
    code = window_period(parent)
    if not code:
        return
    index = box.findData(code)
    if index < 0:
        box.addItem(title or parse_period_code(code).title, code)
        index = box.findData(code)
    box.setCurrentIndex(index)
