"""Tệp → Nhập phụ lục từ Excel: preview what was read, reassign columns, then import.

The preview shows the detected sheet, the header mapping (each column reassignable), every sheet
row coloured by kind and the warnings. "Nhập" writes the plan in one transaction on a worker
thread with its own connection; cancelling or an error leaves the register unchanged.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.excel.read import appendix as kinds
from cchc_desktop.excel.read.appendix import ParsedAppendix
from cchc_desktop.excel.read.headers import column_letter
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.plans.importer import add_unit_warnings, import_appendix
from cchc_desktop.register import backup
from cchc_desktop.register.connection import Register, open_register
from ui.widgets import file_dialogs
from ui.widgets.formatting import format_budget, format_count

COLUMN_LABELS = {
    "number": "TT",
    "content": "Nội dung",
    "result": "Sản phẩm/Kết quả",
    "lead_units": "Chủ trì",
    "partner_units": "Phối hợp",
    "timeframe": "Thời gian",
    "budget": "Kinh phí",
    "notes": "Ghi chú",
}
KIND_LABELS = {
    kinds.ROW_SECTION: ("Lĩnh vực", "#cfe0f5"),
    kinds.ROW_GROUP: ("Nhóm", "#e3ecf8"),
    kinds.ROW_TASK: ("Nhiệm vụ", "#ffffff"),
    kinds.ROW_CONTINUATION: ("Nối dòng", "#fff2cc"),
    kinds.ROW_HEADER: ("Tiêu đề bảng", "#e6e6e6"),
    kinds.ROW_TOTAL: ("Tổng cộng", "#d9ead3"),
    kinds.ROW_IGNORED: ("Bỏ qua", "#f3f3f3"),
}
NOT_USED = -1


class _ImportWorker(QObject):
    """Writes the parsed appendix on a worker thread with its own connection."""

    progressed = Signal(int, int)
    finished = Signal(int)
    failed = Signal(str)

    def __init__(self, path: Path, parsed: ParsedAppendix) -> None:
        super().__init__()
        self.path = path
        self.parsed = parsed
        self.cancelled = False

    def run(self) -> None:
        """Import, reporting progress; emit finished(plan_id) or failed(message)."""
        try:
            register = open_register(self.path)
            try:
                backup.snapshot(register, backup.REASON_IMPORT)
                plan_id = import_appendix(register, self.parsed, progress=self._progress)
            finally:
                register.close()
        except CchcError as error:
            self.failed.emit(str(error))
        except Exception as error:  # noqa: BLE001 - shown to the officer, never a traceback
            self.failed.emit(f"Lỗi không mong muốn khi nhập: {error}")
        else:
            self.finished.emit(plan_id)

    def _progress(self, done: int, total: int) -> bool:
        """Report progress; return False once the officer cancelled."""
        self.progressed.emit(done, total)
        return not self.cancelled


class ImportDialog(QDialog):
    """Preview an appendix workbook and import it as a new plan."""

    def __init__(self, register: Register, parent: QWidget | None = None,
                 path: str | Path | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.plan_id: int | None = None
        self.path: Path | None = None
        self.parsed: ParsedAppendix | None = None
        self._thread: QThread | None = None
        self._worker: _ImportWorker | None = None
        self.cancel_requested = False
        self.setWindowTitle("Nhập phụ lục kế hoạch từ Excel")
        self.resize(1100, 720)
        self._build()
        if path is not None:
            self.load(Path(path))

    # Building --------------------------------------------------------------------------------

    def _build(self) -> None:
        """Create the widgets."""
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.file_label = QLabel("Chưa chọn tệp")
        choose = QPushButton("Chọn tệp…")
        choose.clicked.connect(self._choose_file)
        self.sheet_box = QComboBox()
        self.sheet_box.activated.connect(self._sheet_chosen)
        top.addWidget(choose)
        top.addWidget(self.file_label, 1)
        top.addWidget(QLabel("Trang tính:"))
        top.addWidget(self.sheet_box)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._build_mapping())
        self.rows_table = QTableWidget()
        self.rows_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        splitter.addWidget(self.rows_table)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.summary = QLabel()
        layout.addWidget(self.summary)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(120)
        layout.addWidget(self.warnings)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("Nhập", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self._cancel)
        layout.addWidget(self.buttons)

    def _build_mapping(self) -> QWidget:
        """Create the header mapping: one drop-down of sheet columns per appendix column."""
        box = QGroupBox("Cột của phụ lục")
        form = QFormLayout(box)
        self.mapping_boxes: dict[str, QComboBox] = {}
        for key, label in COLUMN_LABELS.items():
            combo = QComboBox()
            combo.activated.connect(self._mapping_changed)
            self.mapping_boxes[key] = combo
            form.addRow(label, combo)
        return box

    # Reading ---------------------------------------------------------------------------------

    def _choose_file(self) -> None:
        """Let the officer pick a workbook."""
        name, _ = file_dialogs.get_open_file_name(
            self, "Chọn tệp phụ lục", str(Path.home()),
            "Phụ lục, kế hoạch (*.xlsx *.xlsm *.xls *.ods *.docx *.pdf);;"
            "Bảng tính (*.xlsx *.xlsm *.xls *.ods);;Word (*.docx);;PDF (*.pdf);;Mọi tệp (*)")
        if name:
            self.load(Path(name))

    def load(self, path: Path, sheet: str | None = None,
             header_map: dict[str, int] | None = None) -> bool:
        """Read a workbook and show the preview; False (with a message) if it cannot be read."""
        try:
            parsed = add_unit_warnings(read_appendix(path, sheet=sheet, header_map=header_map))
        except CchcError as error:
            self.summary.setText(f"<b>Không đọc được:</b> {error}")
            self.import_button.setEnabled(False)
            return False
        self.path, self.parsed = path, parsed
        self.file_label.setText(path.name)
        self._show(parsed)
        return True

    def _sheet_chosen(self) -> None:
        """Re-read the chosen sheet."""
        if self.path is not None:
            self.load(self.path, sheet=self.sheet_box.currentText())

    def _mapping_changed(self) -> None:
        """Re-read the sheet with the columns the officer assigned."""
        if self.path is None or self.parsed is None:
            return
        mapping = {key: int(combo.currentData()) for key, combo in self.mapping_boxes.items()
                   if combo.currentData() is not None and int(combo.currentData()) != NOT_USED}
        self.load(self.path, sheet=self.parsed.sheet, header_map=mapping)

    # Showing ---------------------------------------------------------------------------------

    def _show(self, parsed: ParsedAppendix) -> None:
        """Fill the sheet list, mapping, rows, summary and warnings."""
        self.sheet_box.clear()
        self.sheet_box.addItems(parsed.sheet_names or [parsed.sheet])
        self.sheet_box.setCurrentText(parsed.sheet)
        self._show_mapping(parsed)
        self._show_rows(parsed)
        total = (f"; tổng kinh phí {format_budget(parsed.total_budget)} triệu đồng"
                 if parsed.total_budget else "")
        self.summary.setText(
            f"{_where(parsed.sheet)}: {format_count(len(parsed.sections))} lĩnh vực, "
            f"{format_count(len(parsed.groups))} nhóm, <b>{format_count(len(parsed.tasks))} "
            f"nhiệm vụ</b>{total}.")
        self.warnings.clear()
        for warning in parsed.warnings:
            column = f", cột {warning.column}" if warning.column else ""
            self.warnings.addItem(
                f"{_where(warning.sheet)}, dòng {warning.row}{column}: {warning.message}")
        self.import_button.setEnabled(bool(parsed.tasks))

    def _column_names(self, parsed: ParsedAppendix) -> list[str]:
        """Return a label per sheet column (letter and header text)."""
        width = max((len(r.cells) for r in parsed.rows), default=0)
        header = next((r.cells for r in parsed.rows if r.row == parsed.header_row), [])
        return [f"{column_letter(i)} — {header[i] if i < len(header) else ''}".strip(" —")
                for i in range(width)]

    def _show_mapping(self, parsed: ParsedAppendix) -> None:
        """Show which sheet column feeds each appendix column."""
        names = self._column_names(parsed)
        for key, combo in self.mapping_boxes.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("(không dùng)", NOT_USED)
            for index, name in enumerate(names):
                combo.addItem(name, index)
            current = parsed.header_map.get(key)
            combo.setCurrentIndex(0 if current is None else current + 1)
            combo.blockSignals(False)

    def _show_rows(self, parsed: ParsedAppendix) -> None:
        """Show every sheet row, coloured by its kind."""
        width = max((len(r.cells) for r in parsed.rows), default=0)
        self.rows_table.clear()
        self.rows_table.setRowCount(len(parsed.rows))
        self.rows_table.setColumnCount(width + 1)
        letters = [column_letter(i) for i in range(width)]
        self.rows_table.setHorizontalHeaderLabels(["Loại", *letters])
        self.rows_table.setVerticalHeaderLabels([str(r.row) for r in parsed.rows])
        for line, info in enumerate(parsed.rows):
            label, color = KIND_LABELS.get(info.kind, (info.kind, "#ffffff"))
            brush = QBrush(QColor(color))
            for column, text in enumerate([label, *info.cells]):
                item = QTableWidgetItem(text)
                item.setBackground(brush)
                self.rows_table.setItem(line, column, item)

    # Importing -------------------------------------------------------------------------------

    def start_import(self) -> None:
        """Write the plan on a worker thread, showing progress."""
        if self.parsed is None or self._thread is not None:
            return
        self.import_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, len(self.parsed.tasks)))
        self._thread = QThread(self)
        self._worker = _ImportWorker(self.register.path, self.parsed)
        self._worker.cancelled = self.cancel_requested
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.finished.connect(self._imported)
        self._worker.failed.connect(self._import_failed)
        self._thread.start()

    def _show_progress(self, done: int, _total: int) -> None:
        """Move the progress bar."""
        self.progress.setValue(done)

    def _stop_thread(self) -> None:
        """Wait for the worker thread to end and let Qt free it and its worker."""
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            if self._worker is not None:
                self._worker.deleteLater()
            self._thread.deleteLater()
            self._thread = None

    def _imported(self, plan_id: int) -> None:
        """Close the dialog with the new plan."""
        self._stop_thread()
        self._worker = None
        self.plan_id = plan_id
        self.accept()

    def _import_failed(self, message: str) -> None:
        """Tell the officer nothing was written."""
        cancelled = self._worker is not None and self._worker.cancelled
        self._stop_thread()
        self._worker = None
        self.cancel_requested = False
        self.progress.setVisible(False)
        self.import_button.setEnabled(True)
        self.summary.setText(f"<b>Chưa nhập:</b> {message} Sổ đăng ký không thay đổi.")
        if not cancelled:
            QMessageBox.warning(self, "Chưa nhập", f"{message}\nSổ đăng ký không thay đổi.")

    def _cancel(self) -> None:
        """Cancel a running import (rolled back) or close the dialog."""
        if self._worker is not None and self._thread is not None:
            self.cancel_requested = self._worker.cancelled = True
            return
        self.reject()


def _where(sheet: str) -> str:
    """Name a sheet of a workbook ("Trang 'Phụ lục'") or a table of a document ("Bảng 3")."""
    return sheet if sheet.startswith("Bảng ") else f"Trang '{sheet}'"
