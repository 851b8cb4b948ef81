"""The first-run wizard: the agency's details, the default signer, empty register or demo."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.plans.models import Agency
from cchc_desktop.register.db import Register
from cchc_desktop.start.first_run import complete_first_run

_FIELDS = (
    ("name", "Tên cơ quan (*)", "VD: UBND phường Tân Phú / Sở Nội vụ tỉnh Đồng Nai"),
    ("parent_name", "Cơ quan chủ quản", "VD: UBND thành phố Hồ Chí Minh (để trống nếu không có)"),
    ("place", "Địa danh (*)", "VD: Tân Phú — dùng trong dòng “…, ngày … tháng … năm …”"),
    ("abbreviation", "Ký hiệu viết tắt", "VD: UBND, SNV — dùng trong số ký hiệu văn bản"),
    ("officer_name", "Cán bộ theo dõi CCHC", "Tên của bạn (ghi vào nhật ký thay đổi)"),
)


class FirstRunWizard(QWizard):
    """Ask for the agency's details once, then create an empty register or the demo."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.demo_plan_id: int | None = None
        self.setWindowTitle("Thiết lập lần đầu — CCHC Desktop")
        self.setButtonText(QWizard.WizardButton.NextButton, "Tiếp >")
        self.setButtonText(QWizard.WizardButton.BackButton, "< Quay lại")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Hoàn tất")
        self.setButtonText(QWizard.WizardButton.CancelButton, "Để sau")
        self.edits: dict[str, QLineEdit] = {}
        self.addPage(self._agency_page())
        self.addPage(self._start_page())

    def _agency_page(self) -> QWizardPage:
        """The agency and signer page."""
        page = QWizardPage()
        page.setTitle("Thông tin cơ quan")
        page.setSubTitle("Dùng cho tiêu đề, số ký hiệu và chữ ký của các văn bản in ra.")
        form = QFormLayout(page)
        for key, label, hint in _FIELDS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            self.edits[key] = edit
            form.addRow(label, edit)
        self.signer_name, self.signer_title = QLineEdit(), QLineEdit()
        self.signer_title.setPlaceholderText("VD: Chủ tịch, Giám đốc, Chánh Thanh tra")
        form.addRow("Người ký", self.signer_name)
        form.addRow("Chức vụ người ký", self.signer_title)
        self.agency_error = QLabel()
        self.agency_error.setStyleSheet("color: #b00020")
        form.addRow(self.agency_error)
        return page

    def _start_page(self) -> QWizardPage:
        """The empty-or-demo page."""
        page = QWizardPage()
        page.setTitle("Bắt đầu")
        layout = QVBoxLayout(page)
        self.empty_choice = QRadioButton("Sổ trống — tôi sẽ nhập phụ lục kế hoạch của cơ quan")
        self.demo_choice = QRadioButton(
            "Sổ có dữ liệu mẫu — Kế hoạch CCHC năm 2021 của Thanh tra tỉnh Đắk Nông")
        self.empty_choice.setChecked(True)
        layout.addWidget(self.empty_choice)
        layout.addWidget(self.demo_choice)
        note = QLabel("Có thể nhập phụ lục bất cứ lúc nào: Tệp → Nhập phụ lục từ Excel (Ctrl+I).")
        note.setWordWrap(True)
        layout.addWidget(note)
        return page

    def agency(self) -> Agency:
        """Return the agency typed on the first page."""
        return Agency(**{key: edit.text() for key, edit in self.edits.items()})

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() == 0 and not (self.edits["name"].text().strip()
                                          and self.edits["place"].text().strip()):
            self.agency_error.setText("Hãy nhập tên cơ quan và địa danh.")
            return False
        self.agency_error.clear()
        return super().validateCurrentPage()

    def accept(self) -> None:
        """Save everything (one transaction, plus the demo if chosen) and close."""
        try:
            self.demo_plan_id = complete_first_run(
                self.register, self.agency(), self.signer_name.text(), self.signer_title.text(),
                with_demo=self.demo_choice.isChecked())
        except CchcError as error:
            QMessageBox.warning(self, "Chưa lưu", str(error))
            return
        super().accept()
