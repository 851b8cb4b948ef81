"""Agency settings: the issuing body (tên, chủ quản, địa danh, ký hiệu, đơn vị soạn thảo), the
officer, and the default signer in any NĐ 30 form with a live preview of the signature block."""

from __future__ import annotations

from dataclasses import fields, replace

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans.models import Agency
from cchc_desktop.plans.services import validate_agency
from cchc_desktop.reports.issuing import default_signature
from ui.widgets.buttons import save_cancel_buttons
from ui.widgets.signer_form import SignerForm

FIELDS = (
    ("name", "&Tên cơ quan (*):", "Ví dụ: UBND xã Tân Phú; Sở Nội vụ tỉnh Đắk Nông"),
    ("parent_name", "Cơ quan &chủ quản:", "Ví dụ: UBND tỉnh Đắk Nông (dòng trên cùng bên trái)"),
    ("place", "Địa &danh (*):", "Ví dụ: Tân Phú — trong dòng “…, ngày … tháng … năm …”"),
    ("abbreviation", "&Ký hiệu viết tắt:", "Ví dụ: UBND, SNV — trong số ký hiệu văn bản"),
    ("drafting_unit", "Đơn vị &soạn thảo:", "Ví dụ: VP, NV — trong dòng “Lưu: VT, …”"),
    ("officer_name", "Cán &bộ theo dõi CCHC:", "Tên của bạn (ghi vào nhật ký thay đổi)"),
)


def agency_fields(agency: Agency) -> tuple[QFormLayout, dict[str, QLineEdit]]:
    """Return a form with the agency's own fields and its line edits by field name."""
    form = QFormLayout()
    edits: dict[str, QLineEdit] = {}
    for name, label, hint in FIELDS:
        edit = QLineEdit(getattr(agency, name))
        edit.setPlaceholderText(hint)
        edits[name] = edit
        form.addRow(label, edit)
    return form, edits


def with_signer(agency: Agency, signer: SignerForm) -> Agency:
    """Return the agency with the default signer typed in the form."""
    sig = signer.signature()
    return replace(agency, signer_authority=sig.authority, signer_title=sig.title,
                   signer_name=sig.name, head_title=sig.head_title, collective=sig.collective)


class AgencyDialog(QDialog):
    """Edit the agency settings; agency() returns the checked values once accepted."""

    def __init__(self, agency: Agency, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Thông tin cơ quan và người ký")
        self.setMinimumWidth(900)
        self.original = agency
        form, self.edits = agency_fields(agency)
        issuer = QGroupBox("Cơ quan ban hành văn bản")
        issuer.setLayout(form)
        self.signer = SignerForm(default_signature(agency))
        signer = QGroupBox("Người ký mặc định (dùng cho mọi văn bản không ghi người ký riêng)")
        QVBoxLayout(signer).addWidget(self.signer)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        columns = QHBoxLayout()
        columns.addWidget(issuer, 1)
        columns.addWidget(signer, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(save_cancel_buttons(self))

    def agency(self) -> Agency:
        """Return the typed settings, checked, or raise ValidationError."""
        values = {f.name: self.edits[f.name].text() for f in fields(Agency) if f.name in self.edits}
        return validate_agency(with_signer(replace(self.original, **values), self.signer))

    def focus_field(self, name: str) -> None:
        """Put the cursor in a field (an agency field or a signer field such as head_title)."""
        signer_fields = {"signer_name": self.signer.name, "signer_title": self.signer.title,
                         "signer_authority": self.signer.authority,
                         "head_title": self.signer.head_title,
                         "collective": self.signer.collective}
        widget = self.edits.get(name) or signer_fields.get(name)
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        """Close only with acceptable values; otherwise say why and stay."""
        try:
            self.agency()
        except ValidationError as error:
            self.error.setText(str(error))
            for name, label, _ in FIELDS:
                if label.replace("&", "").split(" (")[0].rstrip(":").lower() in str(
                        error).lower():
                    self.edits[name].setFocus()
            return
        super().accept()
