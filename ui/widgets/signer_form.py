"""The default signer's fields with a live preview of the signature block (every NĐ 30 form).

Quyền hạn ký decides which fields matter: the head's title for KT., TL., TUQ. and Q.; the
collective (tập thể, without the place) for TM.; both for the three-line TM. + KT. chain. The
preview shows the lines exactly as the documents print them (reports.wording), so the officer
sees "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" before saving.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QWidget

from cchc_desktop.plans.models import SIGNER_AUTHORITIES
from cchc_desktop.reports.model import Signature
from cchc_desktop.reports.wording import signature_lines

AUTHORITY_LABELS = {
    "": "Người đứng đầu ký",
    "KT.": "KT. — cấp phó ký thay người đứng đầu",
    "TM.": "TM. — thay mặt tập thể (Ủy ban nhân dân…)",
    "TM.+KT.": "TM. + KT. — cấp phó ký thay mặt tập thể",
    "Q.": "Q. — quyền người đứng đầu",
    "TL.": "TL. — thừa lệnh người đứng đầu",
    "TUQ.": "TUQ. — thừa ủy quyền người đứng đầu",
}
NEEDS_HEAD = ("KT.", "TM.+KT.", "Q.", "TL.", "TUQ.")
NEEDS_COLLECTIVE = ("TM.", "TM.+KT.")
# (signer's own title, head's title, collective) as examples for each form.
EXAMPLES = {
    "": ("Chánh Thanh tra", "", ""),
    "KT.": ("Phó Chánh Thanh tra", "Chánh Thanh tra", ""),
    "TM.": ("Chủ tịch", "", "Ủy ban nhân dân"),
    "TM.+KT.": ("Phó Chủ tịch", "Chủ tịch", "Ủy ban nhân dân"),
    "Q.": ("Giám đốc", "", ""),
    "TL.": ("Chánh Văn phòng", "Giám đốc", ""),
    "TUQ.": ("Giám đốc Sở Nội vụ", "Chủ tịch", ""),
}


class SignerForm(QWidget):
    """Edit a signer (quyền hạn, họ tên, chức vụ, người đứng đầu, tập thể) with its block."""

    changed = Signal()

    def __init__(self, signature: Signature | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        sig = signature or Signature()
        self.authority = QComboBox()
        for code in SIGNER_AUTHORITIES:
            self.authority.addItem(AUTHORITY_LABELS.get(code, code), code)
        self.authority.setCurrentIndex(max(self.authority.findData(sig.authority), 0))
        self.name = QLineEdit(sig.name)
        self.name.setPlaceholderText("Ví dụ: Nguyễn Văn An")
        self.title = QLineEdit(sig.title)
        self.head_title = QLineEdit(sig.head_title)
        self.collective = QLineEdit(sig.collective)
        self.preview = QLabel()
        self.preview.setObjectName("signature_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMinimumHeight(130)
        self.preview.setStyleSheet("background: white; color: black; padding: 8px;"
                                   "font-family: 'Liberation Serif', 'Times New Roman', serif;"
                                   "font-size: 14px;")
        self._lay_out()
        for edit in (self.name, self.title, self.head_title, self.collective):
            edit.textChanged.connect(self._update)
        self.authority.currentIndexChanged.connect(self._update)
        self._update()

    def _lay_out(self) -> None:
        """Place the fields, then the preview."""
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Quyền hạn ký:", self.authority)
        form.addRow("&Họ tên người ký:", self.name)
        form.addRow("Chức &vụ người ký:", self.title)
        form.addRow("Chức vụ người đứng đầ&u:", self.head_title)
        form.addRow("Tậ&p thể (sau TM.):", self.collective)
        form.addRow("Khối chữ ký khi in:", self.preview)
        self.form = form

    def signature(self) -> Signature:
        """Return the signer as typed (parts that the chosen form does not use are kept)."""
        return Signature(str(self.authority.currentData() or ""), self.title.text().strip(),
                         self.name.text().strip(), self.head_title.text().strip(),
                         self.collective.text().strip())

    def lines(self) -> list[str]:
        """Return the block's lines above the name, as printed."""
        return signature_lines(self.signature())

    def _update(self) -> None:
        """Enable the fields the form uses, show its examples and redraw the preview."""
        code = str(self.authority.currentData() or "")
        own, head, collective = EXAMPLES.get(code, ("", "", ""))
        self.head_title.setEnabled(code in NEEDS_HEAD)
        self.collective.setEnabled(code in NEEDS_COLLECTIVE)
        self.title.setPlaceholderText(f"Ví dụ: {own}" if own else "")
        self.head_title.setPlaceholderText(f"Ví dụ: {head}" if head else "(không dùng)")
        self.collective.setPlaceholderText(f"Ví dụ: {collective}, không ghi địa danh"
                                           if collective else "(không dùng)")
        lines = "<br>".join(f"<b>{escape(line)}</b>" for line in self.lines())
        name = escape(self.name.text().strip())
        self.preview.setText(
            f"{lines or '<i>(chưa có chức vụ)</i>'}<br><i style='color:#777'>(ký, đóng dấu)"
            f"</i><br><br><b>{name or '<i>(chưa có họ tên)</i>'}</b>")
        self.changed.emit()
