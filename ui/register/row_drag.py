"""Drag and drop of task rows in the appendix table (the view's half; the window moves them).

Pressing on a task row and moving the mouse drags the selected task rows (heading rows stay:
they move with Alt+↑/↓). The drag carries this view's own mime type, so only this table takes
the drop. Over a task row the drop goes before it (upper half) or after it (lower half), in its
group or section; over a group or section heading it goes to the start of that group or of the
section's tasks outside groups, just under the heading. A line shows where the tasks will land.
While the table is sorted by a column its order is not the appendix's, so no drag starts and
the status bar says why; a filtered or searched table drags fine: the drop lands next to the
row it is dropped on, and the hidden tasks keep their places.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QApplication, QTableView

if TYPE_CHECKING:
    from ui.register.task_table_model import TaskTableModel

MIME_TYPE = "application/x-cchc-desktop-task-rows"
SORTED_REFUSAL = ("Bảng đang sắp xếp theo một cột, không theo thứ tự phụ lục nên không kéo thả "
                  "được: bấm tiêu đề cột TT để về thứ tự phụ lục rồi kéo lại.")
_EDGE = 24  # px from the top or bottom edge where a drag scrolls the table
Target = tuple[int, bool, int]  # row key dropped on, after it (tasks only), line y in the view


class RowDrag(QTableView):
    """Drag the selected task rows and drop them on a row, drawing where they will land."""

    task_model: TaskTableModel
    tasks_dropped = Signal(list, int, bool)  # task ids, row key dropped on, after that row
    drag_refused = Signal(str)  # why no drag started (for the status bar)

    def _setup_drag(self) -> None:
        """Take drops on the viewport; scroll near the edges while dragging."""
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self._press: QPoint | None = None
        self._dragged = False
        self._target: Target | None = None
        self._drag_pos = QPoint()
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(50)
        self._scroll_timer.timeout.connect(self._scroll_while_dragging)
        self.last_drag: list[int] | None = None  # the task ids of the latest drag started

    # Starting a drag --------------------------------------------------------------------------

    def drag_refusal(self) -> str:
        """Return why rows cannot be dragged now ("" when they can)."""
        return SORTED_REFUSAL if self.horizontalHeader().sortIndicatorSection() >= 0 else ""

    def drag_mime(self) -> QMimeData | None:
        """Return the drag's data: the selected task rows (None when only headings are)."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        ids = [k for k in (self.task_model.key_at(r) for r in rows) if k > 0]
        if not ids:
            return None
        mime = QMimeData()
        mime.setData(MIME_TYPE, QByteArray(json.dumps({"view": id(self), "ids": ids}).encode()))
        mime.setText(f"{len(ids)} nhiệm vụ")
        return mime

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._dragged = False  # the drag loop may have taken the last release
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        plain = not event.modifiers() & (Qt.KeyboardModifier.ShiftModifier
                                         | Qt.KeyboardModifier.ControlModifier)
        on_task = index.isValid() and self.task_model.key_at(index.row()) > 0
        self._press = event.position().toPoint() if (
            event.button() == Qt.MouseButton.LeftButton and plain and on_task
            and self.selectionModel().isSelected(index)) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        press = self._press
        if press is None or not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)  # selecting rows by dragging over them
            return
        # A press on selected task rows: the rows stay selected until the drag starts.
        distance = (event.position().toPoint() - press).manhattanLength()
        if distance >= QApplication.startDragDistance():
            self._press = None
            self._dragged = True
            self.start_drag()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._press = None
        if self._dragged:  # the release ending a drag: not a click on the row under it
            self._dragged = False
            return
        super().mouseReleaseEvent(event)

    def start_drag(self) -> None:
        """Drag the selected task rows, or say in the status bar why they cannot move."""
        refusal = self.drag_refusal()
        mime = self.drag_mime()
        if refusal or mime is None:
            if refusal:
                self.drag_refused.emit(refusal)
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.setPixmap(self._badge(mime.text()))
        self.last_drag = self.dragged_ids(mime)
        drag.exec(Qt.DropAction.MoveAction)
        self._clear_target()

    def _badge(self, text: str) -> QPixmap:
        """Return the small label under the mouse while dragging ("2 nhiệm vụ")."""
        metrics = self.fontMetrics()
        pixmap = QPixmap(metrics.horizontalAdvance(text) + 16, metrics.height() + 8)
        pixmap.fill(self.palette().highlight().color())
        painter = QPainter(pixmap)
        painter.setPen(self.palette().highlightedText().color())
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return pixmap

    # Dropping ---------------------------------------------------------------------------------

    def dragged_ids(self, mime: QMimeData) -> list[int] | None:
        """Return the task ids a drag from this very table carries (None for any other)."""
        if not mime.hasFormat(MIME_TYPE):
            return None
        try:
            data: Any = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
            ids = [int(i) for i in data["ids"]]
        except (ValueError, KeyError, TypeError):
            return None
        return ids if data.get("view") == id(self) and ids else None

    def drop_target(self, pos: QPoint) -> Target | None:
        """Return where a drop at a point of the viewport lands."""
        count = self.task_model.rowCount()
        if count == 0:
            return None
        row = self.rowAt(pos.y())
        below = row < 0 and pos.y() >= 0
        row = count - 1 if below else row
        if row < 0:
            return None
        key = self.task_model.key_at(row)
        top, height = self.rowViewportPosition(row), self.rowHeight(row)
        if key < 0:
            return key, False, top + height - 1
        after = below or pos.y() >= top + height // 2
        return key, after, top + height - 1 if after else top

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if self.dragged_ids(event.mimeData()) is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802
        self._drag_pos = event.position().toPoint()
        target = self.drop_target(self._drag_pos)
        if self.dragged_ids(event.mimeData()) is None or target is None:
            self._clear_target()
            event.ignore()
            return
        self._show_target(target)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        near_edge = (self._drag_pos.y() < _EDGE
                     or self._drag_pos.y() > self.viewport().height() - _EDGE)
        if near_edge and not self._scroll_timer.isActive():
            self._scroll_timer.start()

    def dragLeaveEvent(self, event: Any) -> None:  # noqa: N802
        self._clear_target()
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        ids = self.dragged_ids(event.mimeData())
        target = self.drop_target(event.position().toPoint())
        self._clear_target()
        if ids is None or target is None:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.tasks_dropped.emit(ids, target[0], target[1])

    # The drop line ----------------------------------------------------------------------------

    def drop_line(self) -> int | None:
        """Return the y (in the viewport) of the line showing where a drop lands, if shown."""
        return self._target[2] if self._target is not None else None

    def _show_target(self, target: Target) -> None:
        if target != self._target:
            self._target = target
            self.viewport().update()

    def _clear_target(self) -> None:
        self._scroll_timer.stop()
        if self._target is not None:
            self._target = None
            self.viewport().update()

    def _scroll_while_dragging(self) -> None:
        """Scroll a step towards the edge the dragged rows are held at (stop away from it)."""
        bar = self.verticalScrollBar()
        y = self._drag_pos.y()
        if y < _EDGE:
            bar.setValue(bar.value() - bar.singleStep())
        elif y > self.viewport().height() - _EDGE:
            bar.setValue(bar.value() + bar.singleStep())
        else:
            self._scroll_timer.stop()
            return
        target = self.drop_target(self._drag_pos)
        if target is not None:
            self._show_target(target)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        y = self.drop_line()
        if y is None:
            return
        painter = QPainter(self.viewport())
        color = QColor("#1565c0")
        painter.setPen(QPen(color, 3))
        width = self.viewport().width()
        painter.drawLine(0, y, width, y)
        painter.setBrush(color)
        painter.drawEllipse(QPoint(4, y), 4, 4)
        painter.end()
