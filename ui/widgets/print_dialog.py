"""A print dialog in Vietnamese: which printer (or a PDF file), how many copies.

Qt's own QPrintDialog speaks English on Linux ("Print to File (PDF)", "Options >>", the paper
names), so the program asks with this small form instead and sets up the QPrinter itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import file_dialogs

PDF_CHOICE = "Lưu thành tệp PDF"


class PrintDialog(QDialog):
    """Choose a printer or a PDF file and the number of copies; accept() sets the printer."""

    def __init__(self, printer: QPrinter, parent: QWidget | None = None,
                 pdf_name: str = "ban-in.pdf") -> None:
        super().__init__(parent)
        self.printer = printer
        self.setWindowTitle("In")
        self.setMinimumWidth(520)
        self.printer_box = QComboBox()
        names = QPrinterInfo.availablePrinterNames()
        default = QPrinterInfo.defaultPrinterName()
        for name in sorted(names, key=lambda n: (n != default, n)):
            self.printer_box.addItem(name, name)
        self.printer_box.addItem(PDF_CHOICE, "")
        self.pdf_path = QLineEdit(file_dialogs.start_path(pdf_name))
        self._agreed: Path | None = None  # a file the officer already agreed to write over
        self.browse = QPushButton("&Chọn…")
        self.browse.clicked.connect(self._browse)
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        self._lay_out()
        self.printer_box.currentIndexChanged.connect(self._printer_chosen)
        self._printer_chosen()

    def _lay_out(self) -> None:
        """Place the fields and the In / Hủy buttons."""
        form = QFormLayout()
        form.addRow("&Máy in:", self.printer_box)
        row = QHBoxLayout()
        row.addWidget(self.pdf_path, 1)
        row.addWidget(self.browse)
        label = QLabel("&Tệp PDF:")
        label.setBuddy(self.pdf_path)
        form.addRow(label, row)
        form.addRow("Số &bản:", self.copies)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&In")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def to_pdf(self) -> bool:
        """Tell whether the pages go to a PDF file."""
        return not self.printer_box.currentData()

    def _printer_chosen(self) -> None:
        """The file name matters only when printing to a PDF file."""
        self.pdf_path.setEnabled(self.to_pdf())
        self.browse.setEnabled(self.to_pdf())

    def _browse(self) -> None:
        """Ask where the PDF goes."""
        path, _ = file_dialogs.get_save_file_name(self, "Lưu bản in thành PDF",
                                                  self.pdf_path.text(), "Tệp PDF (*.pdf)")
        if path:
            self.pdf_path.setText(path)
            self._agreed = Path(path)  # the file dialog asked before writing over it

    def _overwrite(self, path: Path) -> bool:
        """Ask before writing over an existing file (No is the default)."""
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, "Ghi đè tệp?",
                          f"Tệp {path.name} đã có trong thư mục {path.parent}.\nGhi đè?",
                          buttons, self)
        box.button(QMessageBox.StandardButton.Yes).setText("&Ghi đè")
        box.button(QMessageBox.StandardButton.No).setText("&Không")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Yes:
            self.error.setText("Chưa in: hãy đặt tên tệp khác hoặc đồng ý ghi đè.")
            self.pdf_path.setFocus()
            return False
        return True

    def accept(self) -> None:
        """Set up the printer as chosen (a PDF needs a file name)."""
        if self.to_pdf():
            text = self.pdf_path.text().strip()
            if not text:
                self.error.setText("Hãy chọn nơi lưu tệp PDF.")
                return
            path = Path(text if text.lower().endswith(".pdf") else f"{text}.pdf")
            if path.exists() and path != self._agreed and not self._overwrite(path):
                return
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(path))
            file_dialogs.remember(path)
        else:
            self.printer.setOutputFormat(QPrinter.OutputFormat.NativeFormat)
            self.printer.setPrinterName(str(self.printer_box.currentData()))
        self.printer.setCopyCount(self.copies.value())
        super().accept()
