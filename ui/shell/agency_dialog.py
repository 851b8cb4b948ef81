"""Agency settings: tên cơ quan, cơ quan chủ quản, địa danh, ký hiệu viết tắt, cán bộ theo dõi."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans.models import Agency
from cchc_desktop.plans.services import validate_agency
from ui.widgets.buttons import save_cancel_buttons

FIELDS = (
    ("name", "&Tên cơ quan (*):", "Ví dụ: UBND xã Tân Phú; Sở Nội vụ tỉnh Đắk Nông"),
    ("parent_name", "Cơ quan &chủ quản:", "Ví dụ: UBND tỉnh Đắk Nông (dòng trên cùng bên trái)"),
    ("place", "Địa &danh (*):", "Ví dụ: Tân Phú — trong dòng “…, ngày … tháng … năm …”"),
    ("abbreviation", "&Ký hiệu viết tắt:", "Ví dụ: UBND, SNV — trong số ký hiệu văn bản"),
    ("officer_name", "Cán bộ &theo dõi CCHC:", "Tên của bạn (ghi vào nhật ký thay đổi)"),
)


class AgencyDialog(QDialog):
    """Edit the agency settings; agency() returns the checked values once accepted."""

    def __init__(self, agency: Agency, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Thông tin cơ quan")
        self.setMinimumWidth(560)
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for name, label, hint in FIELDS:
            edit = QLineEdit(getattr(agency, name))
            edit.setPlaceholderText(hint)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def agency(self) -> Agency:
        """Return the typed settings, checked, or raise ValidationError."""
        values = {f.name: self.edits[f.name].text() for f in fields(Agency) if f.name in self.edits}
        return validate_agency(Agency(**values))

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
