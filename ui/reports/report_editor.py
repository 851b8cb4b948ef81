"""Báo cáo → Soạn báo cáo kết quả CCHC: each section's draft beside the data it came from.

The officer picks a period, then a section (Mở đầu, I. Chỉ đạo điều hành, II.1 … II.6, III.1–3,
IV, V). The right side shows what the section will print — the officer's own words when they
wrote some, else the draft from the register — with the notes meant for them only ("no data")
and the data the draft came from. "Lưu đoạn văn" keeps their words in the register; "Tạo lại
từ số liệu" drops them so the section follows the data again. Both are QUndoCommands on the
editor's own stack (Hoàn tác / Làm lại), each written at once in one audited transaction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.drafting.outline import PeriodReport, ReportSection, draft_report
from cchc_desktop.drafting.texts import save_text
from cchc_desktop.errors import CchcError
from cchc_desktop.plans.services import current_plan_id
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.choices import period_choices

EDITED_MARK = " ✎"
NOTE_MARK = " ⚠"


class SetSectionText(QUndoCommand):
    """Keep (or drop, with None) the officer's text of one section; undo puts back the old."""

    def __init__(self, editor: ReportEditor, key: str, title: str, text: str | None,
                 before: str | None) -> None:
        label = f"Tạo lại “{title}” từ số liệu" if text is None else f"Sửa “{title}”"
        super().__init__(label)
        self.editor, self.key, self.new_text, self.before = editor, key, text, before
        self.period = editor.period_code()

    def redo(self) -> None:
        self.editor.write(self.period, self.key, self.new_text)

    def undo(self) -> None:
        self.editor.write(self.period, self.key, self.before)


class ReportEditor(QDialog):
    """Write the báo cáo kết quả CCHC of a plan and period, section by section."""

    def __init__(self, register: Register, parent: QWidget | None = None,
                 plan_id: int | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today or date.today()
        self.plan_id = plan_id if plan_id is not None else _plan_of(register, parent)
        self.undo_stack = QUndoStack(self)
        self.report: PeriodReport | None = None
        self._shown_key = ""
        self._shown_text = ""
        self.setWindowTitle("Soạn báo cáo kết quả thực hiện công tác CCHC")
        self.resize(1100, 720)
        self._build()
        self._fill_periods()
        self.reload()

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the period, the section list, the text and the data beside it."""
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.period_box = QComboBox()
        self.period_box.currentIndexChanged.connect(self._period_changed)
        top.addWidget(QLabel("Kỳ báo cáo:"))
        top.addWidget(self.period_box)
        top.addStretch(1)
        self.undo_button = QPushButton("Hoàn tác")
        self.undo_button.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.redo_button = QPushButton("Làm lại")
        self.redo_button.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        for button in (self.undo_button, self.redo_button):
            button.setEnabled(False)
            top.addWidget(button)
        layout.addLayout(top)
        splitter = QSplitter()
        self.sections = QListWidget()
        self.sections.currentRowChanged.connect(self._section_changed)
        splitter.addWidget(self.sections)
        splitter.addWidget(self._text_side())
        splitter.addWidget(self._data_side())
        splitter.setSizes([260, 520, 320])
        layout.addWidget(splitter, 1)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def _text_side(self) -> QWidget:
        """Return the section's heading, notes, text and its buttons."""
        box = QWidget()
        column = QVBoxLayout(box)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.state_label = QLabel()
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #9a3412;")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("Mục này không in khi để trống. Mỗi dòng là một đoạn văn.")
        self.save_button = QPushButton("Lưu đoạn văn")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.clicked.connect(self.save_current)
        self.redraw_button = QPushButton("Tạo lại từ số liệu")
        self.redraw_button.clicked.connect(self.redraw_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.redraw_button)
        buttons.addStretch(1)
        for widget in (self.heading, self.state_label, self.notes, self.text):
            column.addWidget(widget, 1 if widget is self.text else 0)
        column.addLayout(buttons)
        return box

    def _data_side(self) -> QWidget:
        """Return the panel with the data the draft came from, and the draft itself."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(QLabel("<b>Số liệu trong sổ</b>"))
        self.sources = QPlainTextEdit()
        self.sources.setReadOnly(True)
        column.addWidget(self.sources, 1)
        column.addWidget(QLabel("<b>Bản nháp từ số liệu</b>"))
        self.draft_view = QPlainTextEdit()
        self.draft_view.setReadOnly(True)
        column.addWidget(self.draft_view, 1)
        return box

    def _fill_periods(self) -> None:
        """Offer the periods of the plan's year, today's first."""
        choices, chosen = period_choices(self.register, self.plan_id, self.today)
        self.period_box.blockSignals(True)
        for choice in choices:
            self.period_box.addItem(choice.label, choice.code)
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(chosen)))
        self.period_box.blockSignals(False)

    # State -----------------------------------------------------------------------------------

    def period_code(self) -> str:
        """Return the chosen period's code ("2021-H1")."""
        return str(self.period_box.currentData())

    def current(self) -> ReportSection | None:
        """Return the section shown."""
        if self.report is None or not self._shown_key:
            return None
        return self.report.section(self._shown_key)

    def reload(self, keep: str | None = None) -> None:
        """Draft the report again and list its sections (keeping the section shown)."""
        keep = keep or self._shown_key
        self.report = draft_report(self.register, self.plan_id, self.period_code(), self.today)
        self.sections.blockSignals(True)
        self.sections.clear()
        for label, section in _labelled(self.report):
            mark = (EDITED_MARK if section.edited else "") + (NOTE_MARK if section.draft.notes
                                                               else "")
            item = QListWidgetItem(label + mark)
            item.setData(256, section.key)
            item.setToolTip("Đã sửa: in đoạn văn của anh/chị" if section.edited
                            else "In bản nháp từ số liệu")
            self.sections.addItem(item)
        keys = [self.sections.item(i).data(256) for i in range(self.sections.count())]
        self.sections.setCurrentRow(keys.index(keep) if keep in keys else 0)
        self.sections.blockSignals(False)
        self._show(str(self.sections.currentItem().data(256)))

    def _show(self, key: str) -> None:
        """Show one section: its text, notes, state and the data beside it."""
        assert self.report is not None
        self._shown_key = key
        section = self.report.section(key)
        self.heading.setText(f"<b>{self.sections.currentItem().text()}</b>")
        self.state_label.setText("Đang in: đoạn văn anh/chị đã sửa." if section.edited
                                 else "Đang in: bản nháp tạo từ số liệu trong sổ.")
        self.notes.setText("\n".join(section.draft.notes))
        self.notes.setVisible(bool(section.draft.notes))
        self.text.setPlainText(section.text)
        self._shown_text = section.text.strip()
        self.sources.setPlainText("\n".join(section.draft.sources) or "(không có số liệu)")
        self.draft_view.setPlainText(section.draft.text or "(bản nháp trống)")
        self.redraw_button.setEnabled(section.edited)

    # Actions ---------------------------------------------------------------------------------

    def write(self, period: str, key: str, text: str | None) -> None:
        """Write a section's text (a command's step) and show the result."""
        try:
            save_text(self.register, self.plan_id, period, key, text)
        except CchcError as error:
            QMessageBox.warning(self, "Không lưu được", str(error))
            return
        if period != self.period_code():
            self.period_box.setCurrentIndex(self.period_box.findData(period))
        self.reload(keep=key)

    def save_current(self) -> bool:
        """Keep the text shown as the officer's words (nothing to do when unchanged)."""
        section = self.current()
        if section is None:
            return False
        text = self.text.toPlainText().strip()
        if section.edited and text == (section.written or "").strip():
            return False
        if not section.edited and text == section.draft.text.strip():
            return False
        self.undo_stack.push(SetSectionText(self, section.key, section.title, text,
                                            section.written))
        return True

    def redraw_current(self) -> None:
        """Drop the officer's words of the section shown: it follows the data again."""
        section = self.current()
        if section is not None and section.edited:
            self.undo_stack.push(SetSectionText(self, section.key, section.title, None,
                                                section.written))

    def _section_changed(self, row: int) -> None:
        """Keep what was typed, then show the chosen section."""
        if row < 0:
            return
        key = str(self.sections.item(row).data(256))
        if self._dirty() and self.save_current():
            self.reload(keep=key)
            return
        self._show(key)

    def _dirty(self) -> bool:
        """Tell whether the text shown was changed since it was shown."""
        return self.text.toPlainText().strip() != self._shown_text

    def _period_changed(self) -> None:
        """Keep what was typed in the previous period's section, then draft the new period."""
        if self._dirty() and self.report is not None:
            section = self.current()
            text = self.text.toPlainText().strip()
            if section is not None:
                save_text(self.register, self.plan_id, self.report.facts.period.code,
                          section.key, text)
        self.undo_stack.clear()
        self.reload()

    def done(self, result: int) -> None:
        """Keep what was typed before closing."""
        if self._dirty():
            self.save_current()
        super().done(result)


def _labelled(report: PeriodReport) -> list[tuple[str, ReportSection]]:
    """Return each section with the label the list shows ("II.1 Cải cách thể chế")."""
    romans = ("I", "II", "III", "IV", "V")
    found = [("Mở đầu", report.intro)]
    for roman, part in zip(romans, report.parts, strict=False):
        if len(part.sections) == 1:
            found.append((f"{roman}. {part.title}", part.sections[0]))
            continue
        found += [(f"{roman}.{i} {s.title}", s) for i, s in enumerate(part.sections, start=1)]
    return found


def _plan_of(register: Register, parent: QWidget | None) -> int:
    """Return the plan the main window shows, else the register's current plan."""
    plan_id = getattr(parent, "plan_id", None)
    if isinstance(plan_id, int):
        return plan_id
    current = current_plan_id(register)
    if current is None:
        raise CchcError("Sổ chưa có kế hoạch nào; hãy nhập phụ lục kế hoạch trước.")
    return current
