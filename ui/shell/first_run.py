"""The first-run wizard: the agency's details, the default signer (any NĐ 30 form, with a live
preview of the signature block), then an empty register or the demo."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.plans.models import Agency
from cchc_desktop.register.connection import Register
from cchc_desktop.start.first_run import complete_first_run
from ui.shell.agency_dialog import agency_fields, with_signer
from ui.widgets.signer_form import SignerForm

AGENCY_PAGE, SIGNER_PAGE, START_PAGE = range(3)


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
        self.addPage(self._agency_page())
        self.addPage(self._signer_page())
        self.addPage(self._start_page())

    def _agency_page(self) -> QWizardPage:
        """The issuing body's page."""
        page = QWizardPage()
        page.setTitle("Thông tin cơ quan")
        page.setSubTitle("Dùng cho tiêu đề, số ký hiệu và dòng địa danh, ngày tháng của các văn "
                         "bản in ra.")
        form, self.edits = agency_fields(Agency())
        page.setLayout(form)
        self.agency_error = QLabel()
        self.agency_error.setStyleSheet("color: #b00020")
        form.addRow(self.agency_error)
        return page

    def _signer_page(self) -> QWizardPage:
        """The default signer's page, with the block as it will print."""
        page = QWizardPage()
        page.setTitle("Người ký mặc định")
        page.setSubTitle("Người ký các văn bản không ghi người ký riêng. Chọn quyền hạn ký; khối "
                         "chữ ký bên dưới hiện đúng như khi in. Có thể để trống và bổ sung sau.")
        self.signer = SignerForm()
        QVBoxLayout(page).addWidget(self.signer)
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
        """Return the agency and default signer typed on the first two pages."""
        return with_signer(Agency(**{key: edit.text() for key, edit in self.edits.items()}),
                           self.signer)

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() == AGENCY_PAGE and not (self.edits["name"].text().strip()
                                                    and self.edits["place"].text().strip()):
            self.agency_error.setText("Hãy nhập tên cơ quan và địa danh.")
            return False
        self.agency_error.clear()
        return super().validateCurrentPage()

    def accept(self) -> None:
        """Save everything (one transaction, plus the demo if chosen) and close."""
        agency = self.agency()
        try:
            self.demo_plan_id = complete_first_run(
                self.register, agency, agency.signer_name, agency.signer_title,
                with_demo=self.demo_choice.isChecked())
        except CchcError as error:
            QMessageBox.warning(self, "Chưa lưu", str(error))
            return
        super().accept()
