"""The plan details dialog: số ký hiệu, ngày ban hành, cơ quan ban hành, trích yếu, căn cứ,
người ký, chức vụ, quyền hạn, nơi nhận — what the printed plan's header and signature need."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans.models import AUTHORITIES, Plan
from ui.widgets.buttons import save_cancel_buttons
from ui.widgets.editors import SubmitTextEdit

_NUMBER_RE = re.compile(r"^\d+[a-zA-Z]?/[^\s/]+(/[^\s/]+)?$")  # 12/KH-UBND, 1034/KH-TTr
_AUTHORITY_LABELS = {"": "(ký trực tiếp)", "TM.": "TM. (thay mặt tập thể)",
                     "KT.": "KT. (ký thay người đứng đầu)", "Q.": "Q. (quyền)",
                     "TL.": "TL. (thừa lệnh)", "TUQ.": "TUQ. (thừa ủy quyền)"}


def parse_day(text: str) -> str | None:
    """Read a date typed as dd/mm/yyyy; return it as ISO ('' gives None)."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.strptime(text, "%d/%m/%Y").date().isoformat()
    except ValueError as error:
        raise ValidationError(f"Ngày ban hành “{text}” không hợp lệ: ghi theo dạng "
                              "ngày/tháng/năm, ví dụ 05/01/2026.") from error


def show_day(iso: str | None) -> str:
    """Show an ISO date as dd/mm/yyyy."""
    return date.fromisoformat(iso).strftime("%d/%m/%Y") if iso else ""


def _lines(edit: QPlainTextEdit) -> list[str]:
    """Return the non-empty lines of a list field (a leading '-' is dropped)."""
    return [line.strip().lstrip("-–• ").strip() for line in edit.toPlainText().splitlines()
            if line.strip().lstrip("-–• ").strip()]


class PlanDialog(QDialog):
    """Create or edit a plan's details; plan() returns the edited record once accepted."""

    def __init__(self, plan: Plan, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(680)
        self.original = plan
        self.number = QLineEdit(plan.number)
        self.number.setPlaceholderText("Ví dụ: 12/KH-UBND")
        self.issued_on = QLineEdit(show_day(plan.issued_on))
        self.issued_on.setPlaceholderText("ngày/tháng/năm, ví dụ 05/01/2026")
        self.issuer = QLineEdit(plan.issuer)
        self.year = QSpinBox()
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText("(chưa ghi)")
        self.year.setValue(plan.year or 0)
        self.title_edit = SubmitTextEdit()
        self.title_edit.setPlainText(plan.title)
        self.title_edit.setFixedHeight(self.title_edit.fontMetrics().lineSpacing() * 2 + 12)
        self.title_edit.submitted.connect(self.accept)
        self.title_edit.cancelled.connect(self.reject)
        self.bases = self._list_field(plan.bases, "Mỗi dòng một căn cứ (Luật…, Nghị định…)")
        self.signer_name = QLineEdit(plan.signer_name)
        self.signer_name.setPlaceholderText("Để trống: người ký mặc định (Thông tin cơ quan)")
        self.signer_title = QLineEdit(plan.signer_title)
        self.signer_title.setPlaceholderText("Ví dụ: Chủ tịch, Giám đốc, Chánh Thanh tra")
        self.authority = QComboBox()
        for code in AUTHORITIES:
            self.authority.addItem(_AUTHORITY_LABELS[code], code)
        self.authority.setCurrentIndex(max(0, AUTHORITIES.index(plan.signer_authority)
                                           if plan.signer_authority in AUTHORITIES else 0))
        self.recipients = self._list_field(plan.recipients, "Mỗi dòng một nơi nhận; dòng cuối "
                                           "thường là “Lưu: VT, …”")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self._lay_out()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        self.title_edit.setFocus()

    @staticmethod
    def _list_field(items: list[str], hint: str) -> QPlainTextEdit:
        """Return a field that holds one item per line."""
        edit = QPlainTextEdit("\n".join(items))
        edit.setPlaceholderText(hint)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        return edit

    def _lay_out(self) -> None:
        """Place the fields in the order of the printed document."""
        form = QFormLayout()
        form.addRow("&Trích yếu (*):", self.title_edit)
        form.addRow("&Số, ký hiệu:", self.number)
        form.addRow("Ngày &ban hành:", self.issued_on)
        form.addRow("&Cơ quan ban hành:", self.issuer)
        form.addRow("Nă&m kế hoạch:", self.year)
        form.addRow("Că&n cứ:", self.bases)
        form.addRow("Người &ký:", self.signer_name)
        form.addRow("C&hức vụ:", self.signer_title)
        form.addRow("&Quyền hạn ký:", self.authority)
        form.addRow("Nơ&i nhận:", self.recipients)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("<small>Enter: lưu (trong ô nhiều dòng: Ctrl+Enter). "
                                "Esc: hủy.</small>"))
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def plan(self) -> Plan:
        """Return the edited plan, or raise ValidationError naming what is wrong."""
        title = " ".join(self.title_edit.toPlainText().split())
        if not title:
            raise ValidationError("Trích yếu (tên kế hoạch) không được để trống.")
        number = self.number.text().strip()
        if number and not _NUMBER_RE.match(number):
            raise ValidationError(f"Số, ký hiệu “{number}” chưa đúng dạng số/ký hiệu, ví dụ "
                                  "12/KH-UBND.")
        return replace(
            self.original, title=title, number=number,
            issued_on=parse_day(self.issued_on.text()), issuer=self.issuer.text().strip(),
            year=self.year.value() or None, bases=_lines(self.bases),
            signer_name=self.signer_name.text().strip(),
            signer_title=self.signer_title.text().strip(),
            signer_authority=str(self.authority.currentData() or ""),
            recipients=_lines(self.recipients),
        )

    def accept(self) -> None:
        """Close only with acceptable values; otherwise say why and stay."""
        try:
            self.plan()
        except ValidationError as error:
            self.error.setText(str(error))
            return
        super().accept()
