"""Drop-down lists as wide as their longest item (a long unit name is not cut)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyle


def fit_popup(box: QComboBox, limit: int = 900) -> int:
    """Let the box's list open as wide as its longest item (up to limit px); return it."""
    view = box.view()
    metrics = view.fontMetrics()
    longest = max((metrics.horizontalAdvance(box.itemText(i)) for i in range(box.count())),
                  default=0)
    scroll = box.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    width = min(limit, longest + scroll + 4 * metrics.averageCharWidth())
    view.setMinimumWidth(max(width, box.width()))
    return width
