"""Record a task's progress for a period, and read its history (Tiến độ nhiệm vụ)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
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
from cchc_desktop.progress.entries import ProgressInput, cutoff_warning, task_history
from cchc_desktop.progress.form_start import (
    FormStart,
    default_completion_day,
    form_start,
    save_progress,
)
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_STATUSES, STATUS_LABELS
from cchc_desktop.schedule.periods import parse_period_code
from ui.progress.evidence_list import EvidenceList

HISTORY_HEADERS = ("Kỳ", "Trạng thái", "%", "Kết quả", "Ngày hoàn thành", "Kiểm chứng",
                   "Người ghi")


class ProgressDialog(QDialog):
    """A form for one task's progress in a period, with the task's history below.

    It starts from the entry the table shows for the task in the period (carried forward from
    an earlier period when the period has none of its own), so Lưu without changes keeps the
    state. `saved` carries what the period held before (for the window's undo stack)."""

    saved = Signal(object)

    def __init__(self, register: Register, task_id: int, period_code: str,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.task_id = task_id
        self.period_code = period_code
        self.today = today or date.today()
        self.period = parse_period_code(period_code)
        self.start: FormStart | None = form_start(register, task_id, period_code, self.today)
        task = records.task(register, task_id)
        self.setWindowTitle(f"Tiến độ nhiệm vụ {task.number} — {self.period.title}".replace(
            "  ", " "))
        self.resize(820, 620)
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{task.number}</b> {task.content}")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.source_note = QLabel(self._source_text())
        self.source_note.setObjectName("progressSource")
        self.source_note.setWordWrap(True)
        self.source_note.setStyleSheet("color: #1e40af;")
        self.source_note.setVisible(bool(self.source_note.text()))
        layout.addWidget(self.source_note)
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

    def _source_text(self) -> str:
        """Say where the form's first values come from when not from this period's entry."""
        start = self.start
        if start is None or start.own:
            return ""
        if start.carried:
            return (f"Kỳ {self.period.title} chưa có báo cáo riêng của nhiệm vụ này; biểu mẫu "
                    f"đang hiện số liệu từ kỳ trước ({start.source_title}). Bấm Lưu để ghi "
                    f"thành báo cáo của kỳ {self.period.title}.")
        return (f"Biểu mẫu đang hiện số liệu của kỳ {start.source_title} (cùng ngày chốt số "
                f"liệu). Bấm Lưu để ghi thành báo cáo của kỳ {self.period.title}.")

    def _prefill(self) -> None:
        """Show the entry the table shows for this period (its own, or carried forward)."""
        start = self.start
        if start is None:
            return
        self.status.setCurrentIndex(max(0, self.status.findData(start.status)))
        self.percent.setValue(start.percent or 0)
        self.result_edit.setPlainText(start.result_text)
        self.reason.setText(start.reason)
        self.proposal.setText(start.proposal)
        self.has_completed.setChecked(start.completed_on is not None)
        if start.completed_on:
            day = start.completed_on
            self.completed.setDate(QDate(day.year, day.month, day.day))
        self.evidence_number.setText(start.evidence_number)
        self.evidence_title.setText(start.evidence_title)
        self.evidence.set_files(start.files)

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
        done_row = self._build_completion()
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

    def _build_completion(self) -> QHBoxLayout:
        """Create the completion date (ticked to use) and the note on a date after the cut-off."""
        self.has_completed = QCheckBox("Đã hoàn thành ngày")
        self.completed = _date_edit(default_completion_day(self.period_code, self.today))
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
        return done_row

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
        """Return what the form holds (what it started from where the form has no field: the
        document's date while its number is unchanged, the reporting unit, an empty percent)."""
        completed = self.completed.date().toString("yyyy-MM-dd") if (
            self.has_completed.isChecked()) else None
        kept = self.start.entry() if self.start else ProgressInput("")
        number = self.evidence_number.text().strip()
        percent: int | None = self.percent.value()
        if self.start and self.start.percent is None and not percent:
            percent = None
        return ProgressInput(
            status=str(self.status.currentData()), percent=percent,
            result_text=self.result_edit.toPlainText().strip(), completed_on=completed,
            evidence_number=number, evidence_title=self.evidence_title.text().strip(),
            evidence_date=kept.evidence_date if number == kept.evidence_number else None,
            evidence_file=next(iter(self.evidence.files()), ""), reason=self.reason.text().strip(),
            proposal=self.proposal.text().strip(), reporting_unit_id=kept.reporting_unit_id)

    def save(self) -> bool:
        """Record the entry (one transaction); show the error and keep the form if refused."""
        try:
            officer = records.agency(self.register).officer_name
            before = save_progress(self.register, self.task_id, self.period_code, self.entry(),
                                   self.evidence.files(), self.today, officer)
        except CchcError as error:
            QMessageBox.warning(self, "Chưa lưu", str(error))
            return False
        self.saved.emit(before)
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
