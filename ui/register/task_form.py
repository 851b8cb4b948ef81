"""The task form: the appendix columns of one task, in the appendix's order and words.

Enter saves (Shift+Enter starts a new line in the long fields), Esc cancels. Content is
required, the budget is a number ≥ 0 written with a decimal comma, the timeframe is free text
(the form shows how it is understood), and unit fields complete names from the units directory.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans.models import TaskDraft
from cchc_desktop.schedule.phrases import parse_timeframe
from ui.widgets.buttons import save_cancel_buttons
from ui.widgets.editors import SubmitTextEdit, budget_edit, unit_edit
from ui.widgets.formatting import format_budget, format_date, parse_budget, parse_date


class TaskForm(QDialog):
    """Add or edit a task; draft() returns what was typed once the form is accepted."""

    def __init__(self, unit_names: list[str], draft: TaskDraft | None = None,
                 plan_year: int | None = None, title: str = "Nhiệm vụ",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(640)
        self.plan_year = plan_year
        self.number = QLineEdit()
        self.number.setMaximumWidth(120)
        self.content = self._long_text(4)
        self.result_edit = self._long_text(3)
        self.lead = unit_edit(unit_names)
        self.partner = unit_edit(unit_names)
        self.timeframe = QLineEdit()
        self.timeframe.setPlaceholderText("Ví dụ: Quý I/2026; Trước ngày 30/6/2026; Thường xuyên")
        self.schedule_hint = QLabel()
        self.schedule_hint.setObjectName("scheduleHint")
        self.budget = budget_edit()
        self.budget.setMaximumWidth(180)
        self.notes = QLineEdit()
        self.due = QLineEdit()
        self.due.setObjectName("dueOverride")
        self.due.setMaximumWidth(180)
        self.due.setPlaceholderText("ngày/tháng/năm")
        self.due.setToolTip("Hạn do cán bộ đặt, thay cho hạn hiểu từ Thời gian thực hiện; "
                            "để trống: theo Thời gian thực hiện.")
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self._lay_out()
        self.timeframe.textChanged.connect(self._show_schedule)
        if draft is not None:
            self.fill(draft)
        self._show_schedule(self.timeframe.text())
        self.content.setFocus()

    def _long_text(self, lines: int) -> SubmitTextEdit:
        """Return a multi-line field where Enter saves the form."""
        edit = SubmitTextEdit()
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 12)
        edit.submitted.connect(self.accept)
        edit.cancelled.connect(self.reject)
        return edit

    def _lay_out(self) -> None:
        """Place the fields in the appendix's order with its column names."""
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("TT:", self.number)
        form.addRow("&Nội dung (*):", self.content)
        form.addRow("&Sản phẩm/Kết quả:", self.result_edit)
        form.addRow("Cơ quan &chủ trì:", self.lead)
        form.addRow("Cơ quan &phối hợp:", self.partner)
        form.addRow("&Thời gian thực hiện:", self.timeframe)
        form.addRow("", self.schedule_hint)
        form.addRow("&Hạn riêng (thay Thời gian):", self.due)
        form.addRow("&Kinh phí (triệu đồng):", self.budget)
        form.addRow("&Ghi chú:", self.notes)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def fill(self, draft: TaskDraft) -> None:
        """Show a task's values."""
        self.number.setText(draft.number)
        self.content.setPlainText(draft.content)
        self.result_edit.setPlainText(draft.result)
        self.lead.setText(draft.lead_text)
        self.partner.setText(draft.partner_text)
        self.timeframe.setText(draft.timeframe)
        self.budget.setText(format_budget(draft.budget_million_vnd).replace(".", ""))
        self.notes.setText(draft.notes)

    def set_due(self, iso: str | None) -> None:
        """Show the task's own due date (ISO), if it has one."""
        self.due.setText(format_date(date.fromisoformat(iso[:10])) if iso else "")

    def due_override(self) -> str | None:
        """Return the typed own due date as ISO (None: follow the timeframe), or raise."""
        return parse_date(self.due.text())

    def _show_schedule(self, text: str) -> None:
        """Tell how the timeframe is understood (its due date, or that it has none)."""
        if not text.strip():
            self.schedule_hint.setText("")
            return
        described = parse_timeframe(text, self.plan_year).describe()
        self.schedule_hint.setText(f"<i>→ {described}</i>")

    def draft(self) -> TaskDraft:
        """Return the typed values, or raise ValidationError naming what is wrong."""
        content = self.content.toPlainText().strip()
        if not content:
            raise ValidationError("Nội dung nhiệm vụ không được để trống.")
        return TaskDraft(
            content=content,
            number=self.number.text().strip(),
            result=self.result_edit.toPlainText().strip(),
            lead_text=self.lead.text().strip(),
            partner_text=self.partner.text().strip(),
            timeframe=self.timeframe.text().strip(),
            budget_million_vnd=parse_budget(self.budget.text()),
            notes=self.notes.text().strip(),
        )

    def accept(self) -> None:
        """Close only when the values are acceptable; otherwise say why and stay."""
        try:
            self.draft()
            self.due_override()
        except ValidationError as error:
            self.error.setText(str(error))
            field = self.budget if "Kinh phí" in str(error) else (
                self.due if "Hạn" in str(error) else self.content)
            field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.error.setText("")
        super().accept()
