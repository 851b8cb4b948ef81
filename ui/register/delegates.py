"""Painting and inline editing of appendix cells: search matches highlighted, editors per column."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.register.task_table_model import (
    COL_BUDGET,
    COL_CONTENT,
    COL_DUE,
    COL_LEAD,
    COL_NUMBER,
    COL_PARTNER,
    COL_RESULT,
    KEY_ROLE,
    TEXT_COLUMNS,
)
from ui.widgets.editors import SubmitTextEdit, budget_edit, unit_edit
from ui.widgets.highlight import match_ranges

ModelIndex = QModelIndex | QPersistentModelIndex
_MATCH = QColor("#ffd84d")
_SEARCHED = (COL_NUMBER, *TEXT_COLUMNS)


class AppendixDelegate(QStyledItemDelegate):
    """Draws search matches in yellow and gives each editable column a fitting editor."""

    def __init__(self, parent: QWidget, unit_names: Callable[[], list[str]]) -> None:
        super().__init__(parent)
        self.unit_names = unit_names
        self.terms: tuple[str, ...] = ()
        self._format = QTextCharFormat()
        self._format.setBackground(_MATCH)
        self._format.setForeground(QColor("#1a1a1a"))  # readable on a selected (blue) row too

    def set_terms(self, terms: list[str]) -> None:
        """Highlight these folded search words."""
        self.terms = tuple(t for t in terms if t)

    # Painting --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        if self.terms and index.column() in _SEARCHED:
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            ranges = match_ranges(text, self.terms)
            if ranges:
                self._paint_matches(painter, option, index, text, ranges)
                return
        super().paint(painter, option, index)

    def _paint_matches(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex,
                       text: str, ranges: tuple[tuple[int, int], ...]) -> None:
        """Draw the cell as usual but lay its text out with the matches marked."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        rect = rect.adjusted(3, 1, -3, 0)
        layout = QTextLayout(text, opt.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        formats = []
        for start, length in ranges:
            span = QTextLayout.FormatRange()
            span.start, span.length, span.format = start, length, self._format
            formats.append(span)
        layout.setFormats(formats)
        self._lay_out(layout, rect)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        layout.draw(painter, QPointF(rect.topLeft()))
        painter.restore()

    @staticmethod
    def _lay_out(layout: QTextLayout, rect: QRect) -> None:
        """Break the text into lines as wide as the cell."""
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(rect.width())
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()

    # Editing -------------------------------------------------------------------------------

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: ModelIndex) -> QWidget:
        column = index.column()
        heading = int(index.data(KEY_ROLE) or 0) < 0  # a section's or group's one-line title
        if column in (COL_CONTENT, COL_RESULT) and not heading:
            editor = SubmitTextEdit(parent)
            editor.submitted.connect(lambda: self._finish(editor, commit=True))
            editor.cancelled.connect(lambda: self._finish(editor, commit=False))
            return editor
        if column in (COL_LEAD, COL_PARTNER):
            return unit_edit(self.unit_names(), parent)
        if column == COL_BUDGET:
            return budget_edit(parent)
        edit = QLineEdit(parent)
        if column == COL_DUE:
            edit.setPlaceholderText("ngày/tháng/năm; để trống: theo Thời gian")
        return edit

    def _finish(self, editor: QWidget, commit: bool) -> None:
        """Close a multi-line editor, saving its text or not."""
        if commit:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        else:
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        text = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if isinstance(editor, SubmitTextEdit):
            editor.setPlainText(text)
            editor.selectAll()
        elif isinstance(editor, QLineEdit):
            editor.setText(text)
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: ModelIndex) -> None:
        if isinstance(editor, SubmitTextEdit | QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: ModelIndex) -> None:
        rect = QRect(option.rect)
        if isinstance(editor, SubmitTextEdit):
            rect.setHeight(max(rect.height(), 96))
        editor.setGeometry(rect)
