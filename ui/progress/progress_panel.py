"""Record a task's progress for a period, and read its history (Tiến độ nhiệm vụ)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.plans import records
from cchc_desktop.progress.entries import (
    ProgressInput,
    cutoff_warning,
    record_progress,
    task_history,
)
from cchc_desktop.progress.evidence import evidence_files, save_evidence_files
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_STATUSES, STATUS_LABELS
from ui.progress.evidence_list import EvidenceList

HISTORY_HEADERS = ("Kỳ", "Trạng thái", "%", "Kết quả", "Ngày hoàn thành", "Kiểm chứng",
                   "Người ghi")


class ProgressDialog(QDialog):
    """A form for one task's progress in a period, with the task's history below."""

    def __init__(self, register: Register, task_id: int, period_code: str,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.task_id = task_id
        self.period_code = period_code
        self.today = today or date.today()
        task = records.task(register, task_id)
        self.setWindowTitle(f"Tiến độ nhiệm vụ {task.number} — kỳ {period_code}")
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{task.number}</b> {task.content}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        layout.addLayout(self._build_form())
        layout.addWidget(QLabel("<b>Lịch sử theo kỳ</b>"))
        self.history = QTableWidget(0, len(HISTORY_HEADERS))
        self.history.setHorizontalHeaderLabels(list(HISTORY_HEADERS))
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.history, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Lưu")
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.refresh_history()
        self._prefill()

    def _prefill(self) -> None:
        """Show the entry already recorded for this period, if any."""
        entry = next((e for e in task_history(self.register, self.task_id)
                      if e.period_code == self.period_code), None)
        if entry is None:
            return
        self.status.setCurrentIndex(max(0, self.status.findText(entry.status_label)))
        self.percent.setValue(entry.percent or 0)
        self.result_edit.setPlainText(entry.result_text)
        self.reason.setText(entry.reason)
        self.proposal.setText(entry.proposal)
        if entry.completed_on:
            self.has_completed.setChecked(True)
            self.completed.setDate(QDate.fromString(entry.completed_on[:10], "yyyy-MM-dd"))
        self.evidence_number.setText(entry.evidence_number)
        self.evidence_title.setText(entry.evidence_title)
        self.evidence.set_files(evidence_files(self.register, self.task_id, self.period_code)
                                or ([entry.evidence_file] if entry.evidence_file else []))

    def _build_form(self) -> QFormLayout:
        """Create the input fields."""
        form = QFormLayout()
        self.status = QComboBox()
        for code, label in STATUS_LABELS.items():
            self.status.addItem(label, code)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.result_edit = QPlainTextEdit()
        self.result_edit.setMaximumHeight(80)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("Lý do chậm, khó khăn, vướng mắc (nếu có)")
        self.proposal = QLineEdit()
        self.proposal.setPlaceholderText("Đề xuất, kiến nghị của đơn vị (nếu có)")
        self.has_completed = QCheckBox("Đã hoàn thành ngày")
        self.completed = _date_edit(self.today)
        self.completed.setEnabled(False)
        self.has_completed.toggled.connect(self.completed.setEnabled)
        self.cutoff_note = QLabel("")
        self.cutoff_note.setWordWrap(True)
        self.cutoff_note.setStyleSheet("color: #9a3412;")
        self.cutoff_note.setVisible(False)
        self.has_completed.toggled.connect(self._check_cutoff)
        self.completed.dateChanged.connect(self._check_cutoff)
        done_row = QHBoxLayout()
        done_row.addWidget(self.has_completed)
        done_row.addWidget(self.completed)
        done_row.addStretch(1)
        self.evidence_number = QLineEdit()
        self.evidence_number.setPlaceholderText("Số, ký hiệu văn bản (vd: 12/BC-UBND)")
        self.evidence_title = QLineEdit()
        self.evidence = EvidenceList(self.register)
        for label, widget in (("Trạng thái", self.status), ("Tỷ lệ", self.percent),
                              ("Kết quả", self.result_edit), ("Lý do chậm", self.reason),
                              ("Đề xuất, kiến nghị", self.proposal)):
            form.addRow(label, widget)
        form.addRow("Hoàn thành", done_row)
        form.addRow("", self.cutoff_note)
        form.addRow("Văn bản kiểm chứng", self.evidence_number)
        form.addRow("Trích yếu văn bản", self.evidence_title)
        form.addRow("Tệp kiểm chứng", self.evidence)
        return form

    def _status_changed(self) -> None:
        """Done means 100 % and a completion date."""
        if self.status.currentData() in DONE_STATUSES:
            self.percent.setValue(100)
            self.has_completed.setChecked(True)

    def _check_cutoff(self) -> None:
        """Say at once when the completion date is after the period's cut-off."""
        day = self.completed.date().toString("yyyy-MM-dd") if self.has_completed.isChecked() \
            else None
        text = cutoff_warning(self.period_code, day)
        self.cutoff_note.setText(text)
        self.cutoff_note.setVisible(bool(text))

    def entry(self) -> ProgressInput:
        """Return what the form holds."""
        completed = self.completed.date().toString("yyyy-MM-dd") if (
            self.has_completed.isChecked()) else None
        return ProgressInput(
            status=str(self.status.currentData()), percent=self.percent.value(),
            result_text=self.result_edit.toPlainText().strip(), completed_on=completed,
            evidence_number=self.evidence_number.text().strip(),
            evidence_title=self.evidence_title.text().strip(),
            evidence_file=next(iter(self.evidence.files()), ""), reason=self.reason.text().strip(),
            proposal=self.proposal.text().strip())

    def save(self) -> bool:
        """Record the entry (one transaction); show the error and keep the form if refused."""
        try:
            officer = records.agency(self.register).officer_name
            record_progress(self.register, self.task_id, self.period_code, self.entry(),
                            self.today, officer)
            save_evidence_files(self.register, self.task_id, self.period_code,
                                self.evidence.files())
        except CchcError as error:
            QMessageBox.warning(self, "Chưa lưu", str(error))
            return False
        self.refresh_history()
        self.accept()
        return True

    def refresh_history(self) -> None:
        """Show the task's entries, newest first."""
        entries = task_history(self.register, self.task_id)
        self.history.setRowCount(len(entries))
        for row, item in enumerate(entries):
            values = (item.period_title, item.status_label,
                      "" if item.percent is None else str(item.percent), item.result_text,
                      _dmy(item.completed_on), item.evidence, item.recorded_by)
            for column, text in enumerate(values):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.history.setItem(row, column, cell)


def _dmy(iso: str | None) -> str:
    """Show an ISO date as dd/mm/yyyy."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso and len(iso) >= 10 else ""


def _date_edit(day: date) -> QDateEdit:
    """Return a calendar date field showing dd/MM/yyyy."""
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return edit
