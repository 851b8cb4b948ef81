"""One inspected unit: checklist answers, findings, remediation items and the conclusion."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections.models import (
    ANSWERS,
    FINDING,
    INSPECTION_STATUSES,
    KINDS,
    LEVEL_ITEM,
    REMEDY_IN_PROGRESS,
    REMEDY_STATUSES,
    Answer,
    Finding,
    Inspection,
    Remediation,
    RemediationDraft,
)
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.inspection_conclusion import conclusion_refusal, print_conclusion
from ui.inspections.dialogs import CloseRemediationDialog, FindingDialog, RemediationDialog
from ui.inspections.forms import FormDialog, attempt, combo, date_field, show_date, show_error
from ui.inspections.models import HEADING_BRUSH, OK_BRUSH, WARN_BRUSH, Col, RecordTableModel
from ui.inspections.saving import ask_path, save_or_offer_draft
from ui.inspections.tables import button_row, fixed_width, selected_row, table

CHECK_COLUMNS = [
    Col[res.ChecklistRow]("TT", lambda r: r.line.number, center=True),
    Col[res.ChecklistRow]("Nội dung kiểm tra", lambda r: r.line.text),
    Col[res.ChecklistRow]("Kết quả", lambda r: ANSWERS[r.answer] if r.answer else "",
                          center=True),
    Col[res.ChecklistRow]("Ghi chú", lambda r: r.note),
]
FINDING_COLUMNS = [
    Col[Finding]("Loại", lambda f: "Tồn tại, hạn chế" if f.kind == FINDING else "Kiến nghị"),
    Col[Finding]("Nội dung", lambda f: f.text),
]
REMEDY_COLUMNS = [
    Col[Remediation]("Nội dung khắc phục", lambda r: r.content),
    Col[Remediation]("Người thực hiện", lambda r: r.owner),
    Col[Remediation]("Thời hạn", lambda r: show_date(r.deadline), center=True),
    Col[Remediation]("Trạng thái", lambda r: REMEDY_STATUSES[r.status], center=True),
    Col[Remediation]("Hoàn thành", lambda r: show_date(r.closed_on), center=True),
]


class InspectionDetail(QWidget):
    """The results of inspecting one unit; emits changed after every write."""

    changed = Signal()

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today
        self.inspection: Inspection | None = None
        self.dialog: FormDialog | None = None
        self.header = QLabel()
        self.tabs = QTabWidget()
        self._build_checklist()
        self._build_findings()
        self._build_remedies()
        self._build_conclusion()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs)
        self.setEnabled(False)

    # Building --------------------------------------------------------------------------------

    def _build_checklist(self) -> None:
        """Create the đề cương tab: the checklist and the answer editor under it."""
        self.checklist_model = RecordTableModel[res.ChecklistRow](
            CHECK_COLUMNS, tint=lambda r: HEADING_BRUSH if r.line.level != LEVEL_ITEM else None,
            bold=lambda r: r.line.level != LEVEL_ITEM)
        self.checklist_view = table(self.checklist_model, "checklistTable", 1, wrap=True)
        fixed_width(self.checklist_view, 3, 240)
        self.answer = combo(ANSWERS)
        self.note = QLineEdit()
        self.note.setPlaceholderText("Tình hình thực tế, số liệu, văn bản kiểm chứng…")
        save = QPushButton("Lưu kết quả")
        save.clicked.connect(self.save_answer)
        self.checklist_view.selectionModel().selectionChanged.connect(self._answer_chosen)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.checklist_view)
        editor = QHBoxLayout()
        editor.addWidget(QLabel("Kết quả:"))
        editor.addWidget(self.answer)
        editor.addWidget(self.note, 1)
        editor.addWidget(save)
        layout.addLayout(editor)
        self.tabs.addTab(page, "Đề cương")

    def _build_findings(self) -> None:
        """Create the tab of findings and recommendations."""
        self.findings_model = RecordTableModel[Finding](FINDING_COLUMNS)
        self.findings_view = table(self.findings_model, "findingsTable", 1, wrap=True)
        add, edit, delete = (QPushButton(t) for t in ("Thêm…", "Sửa…", "Xóa"))
        add.clicked.connect(self.add_finding)
        edit.clicked.connect(self.edit_finding)
        delete.clicked.connect(self.delete_finding)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.findings_view)
        layout.addLayout(button_row(add, edit, delete))
        self.tabs.addTab(page, "Tồn tại, kiến nghị")

    def _build_remedies(self) -> None:
        """Create the remediation tab: items with owner, deadline and status."""
        self.remedy_model = RecordTableModel[Remediation](REMEDY_COLUMNS, tint=lambda r: (
            OK_BRUSH if r.status == "closed" else WARN_BRUSH if r.deadline
            and r.deadline < self.today().isoformat() else None))
        self.remedy_view = table(self.remedy_model, "remedyTable", 0, wrap=True)
        fixed_width(self.remedy_view, 1, 200)
        buttons = [QPushButton(t) for t in ("Thêm…", "Sửa…", "Đang khắc phục",
                                            "Đã khắc phục…", "Xóa")]
        for button, slot in zip(buttons, (self.add_remedy, self.edit_remedy,
                                          self.mark_in_progress, self.close_remedy,
                                          self.delete_remedy), strict=True):
            button.clicked.connect(slot)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.remedy_view)
        layout.addLayout(button_row(*buttons))
        self.tabs.addTab(page, "Khắc phục")

    def _build_conclusion(self) -> None:
        """Create the conclusion tab: visit date, status, assessment, notice number and date."""
        self.actual_on, self.conclusion_on, self.report_due = (date_field() for _ in range(3))
        self.status = combo(INSPECTION_STATUSES)
        self.summary = QPlainTextEdit()
        self.conclusion_number = QLineEdit()
        save = QPushButton("Lưu kết luận")
        save.clicked.connect(self.save_conclusion)
        printer = QPushButton("In thông báo kết luận…")
        printer.clicked.connect(self._ask_print)
        page = QWidget()
        form = QFormLayout(page)
        for label, widget in [("Ngày kiểm tra thực tế", self.actual_on),
                              ("Trạng thái", self.status), ("Đánh giá chung", self.summary),
                              ("Số thông báo kết luận", self.conclusion_number),
                              ("Ngày thông báo", self.conclusion_on),
                              ("Hạn báo cáo khắc phục", self.report_due)]:
            form.addRow(label, widget)
        form.addRow(button_row(save, printer))
        self.tabs.addTab(page, "Kết luận")

    # Showing ---------------------------------------------------------------------------------

    def show_inspection(self, inspection_id: int | None) -> None:
        """Show the results of one inspection (None clears the panel)."""
        self.inspection = ins.get_inspection(self.register, inspection_id) if (
            inspection_id is not None) else None
        self.setEnabled(self.inspection is not None)
        item = self.inspection
        if item is None:
            self.header.setText("Chọn một đơn vị để ghi kết quả kiểm tra.")
            for model in (self.checklist_model, self.findings_model, self.remedy_model):
                model.set_rows([])
            return
        self.header.setText(f"<b>{item.unit_name}</b> — {KINDS[item.kind]} — "
                            f"{INSPECTION_STATUSES[item.status]}")
        self.refresh()
        self.actual_on.setText(show_date(item.actual_on))
        self.status.setCurrentIndex(self.status.findData(item.status))
        self.summary.setPlainText(item.summary)
        self.conclusion_number.setText(item.conclusion_number)
        self.conclusion_on.setText(show_date(item.conclusion_on))
        self.report_due.setText(show_date(item.report_due))

    def refresh(self) -> None:
        """Reload the checklist, findings and remediation of the shown inspection."""
        if self.inspection is None:
            return
        key = self.inspection.id
        self.checklist_model.set_rows(res.checklist(self.register, key))
        self.findings_model.set_rows(res.findings(self.register, key))
        self.remedy_model.set_rows(res.remediations(self.register, key))

    def _after_write(self) -> None:
        """Refresh and tell the window something changed."""
        self.refresh()
        self.changed.emit()

    # Checklist -------------------------------------------------------------------------------

    def _answer_chosen(self) -> None:
        """Load the selected item's answer and note into the editor."""
        row = selected_row(self.checklist_view)
        if row is None:
            return
        entry = self.checklist_model.row_at(row)
        self.answer.setCurrentIndex(self.answer.findData(entry.answer))
        self.note.setText(entry.note)

    def save_answer(self) -> None:
        """Write the answer and note of the selected checklist item."""
        row = selected_row(self.checklist_view)
        if self.inspection is None or row is None:
            return
        entry = self.checklist_model.row_at(row)
        key = self.inspection.id
        answer = Answer(entry.line.id, self.answer.currentData(), self.note.text())
        if attempt(self, lambda: res.save_answers(self.register, key, [answer])):
            self._after_write()
            self.checklist_view.selectRow(row)

    # Findings --------------------------------------------------------------------------------

    def _open(self, dialog: FormDialog, submit: Callable[[], object]) -> FormDialog:
        """Open a dialog whose OK runs submit and then refreshes the panel."""
        def run() -> None:
            submit()
            self._after_write()

        dialog.submit = run
        self.dialog = dialog
        dialog.open()
        return dialog

    def _items(self) -> list:  # type: ignore[type-arg]
        """Return the checklist items of the plan (for linking findings)."""
        return [r.line for r in self.checklist_model.rows() if r.line.level == LEVEL_ITEM]

    def add_finding(self) -> None:
        """Ask for a new finding or recommendation."""
        if self.inspection is None:
            return
        key = self.inspection.id
        dialog = FindingDialog(self._items(), parent=self)
        self._open(dialog, lambda: res.add_finding(
            self.register, key, dialog.text_edit.toPlainText(), dialog.kind.currentData(),
            dialog.line.currentData()))

    def edit_finding(self) -> None:
        """Edit the selected finding or recommendation."""
        row = selected_row(self.findings_view)
        if row is None:
            return
        finding = self.findings_model.row_at(row)
        dialog = FindingDialog(self._items(), finding, parent=self)
        self._open(dialog, lambda: res.update_finding(
            self.register, finding.id, dialog.text_edit.toPlainText(),
            dialog.line.currentData()))

    def delete_finding(self) -> None:
        """Delete the selected finding or recommendation."""
        row = selected_row(self.findings_view)
        if row is not None:
            finding = self.findings_model.row_at(row)
            if attempt(self, lambda: res.delete_finding(self.register, finding.id)):
                self._after_write()

    # Remediation -----------------------------------------------------------------------------

    def add_remedy(self) -> None:
        """Ask for a new remediation item."""
        if self.inspection is None:
            return
        key = self.inspection.id
        dialog = RemediationDialog(self.findings_model.rows(), parent=self)
        self._open(dialog, lambda: res.add_remediation(self.register, key, dialog.value()))

    def _selected_remedy(self) -> Remediation | None:
        """Return the selected remediation item."""
        row = selected_row(self.remedy_view)
        return None if row is None else self.remedy_model.row_at(row)

    def edit_remedy(self) -> None:
        """Edit the selected remediation item."""
        item = self._selected_remedy()
        if item is None:
            return
        draft = RemediationDraft(item.content, item.owner, item.deadline, item.finding_id)
        dialog = RemediationDialog(self.findings_model.rows(), draft, parent=self)
        self._open(dialog, lambda: res.update_remediation(self.register, item.id,
                                                          dialog.value()))

    def mark_in_progress(self) -> None:
        """Mark the selected remediation item Đang khắc phục."""
        item = self._selected_remedy()
        if item is not None and attempt(self, lambda: res.set_remediation_status(
                self.register, item.id, REMEDY_IN_PROGRESS, self.today())):
            self._after_write()

    def close_remedy(self) -> None:
        """Ask for the day and result, then mark the selected item Đã khắc phục."""
        item = self._selected_remedy()
        if item is None:
            return
        dialog = CloseRemediationDialog(item.content, self.today(), parent=self)
        self._open(dialog, lambda: res.close_remediation(
            self.register, item.id, self.today(), dialog.closed_on.text(),
            dialog.result_edit.toPlainText()))

    def delete_remedy(self) -> None:
        """Delete the selected remediation item."""
        item = self._selected_remedy()
        if item is not None and attempt(self, lambda: res.delete_remediation(self.register,
                                                                             item.id)):
            self._after_write()

    # Conclusion ------------------------------------------------------------------------------

    def save_conclusion(self) -> None:
        """Write the visit date, status, assessment and notice details."""
        if self.inspection is None:
            return
        item = replace(self.inspection, actual_on=self.actual_on.text() or None,
                       status=self.status.currentData(), summary=self.summary.toPlainText(),
                       conclusion_number=self.conclusion_number.text(),
                       conclusion_on=self.conclusion_on.text() or None,
                       report_due=self.report_due.text() or None)
        if attempt(self, lambda: ins.update_inspection(self.register, item)):
            self.show_inspection(item.id)
            self.changed.emit()

    def print_conclusion_to(self, path: Path, draft: bool = False) -> bool:
        """Save the shown unit's Thông báo kết luận kiểm tra to path (.pdf or .docx)."""
        if self.inspection is None:
            return False
        key = self.inspection.id
        return attempt(self, lambda: print_conclusion(self.register, key, path, self.today(),
                                                      draft))

    def conclusion_refused(self) -> str:
        """Return why the shown unit's notice cannot be printed yet ('' when it can)."""
        if self.inspection is None:
            return ""
        try:
            return conclusion_refusal(self.register, self.inspection.id)
        except CchcError as error:
            return str(error)

    def _ask_print(self) -> None:
        """Ask where to save the Thông báo kết luận kiểm tra, then print it (or say why not)."""
        if self.inspection is None:
            return
        reason = self.conclusion_refused()
        if reason:
            self.setProperty("last_error", reason)
            show_error(self, ReportError(reason), "Chưa in được thông báo kết luận")
            return
        key = self.inspection.id
        path = ask_path(self, "Lưu thông báo kết luận",
                        self.register.path.parent / f"thong-bao-ket-luan-{key}.pdf")
        if path is not None:
            save_or_offer_draft(self, path, lambda target, draft: print_conclusion(
                self.register, key, target, self.today(), draft))
