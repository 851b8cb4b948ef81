"""Báo cáo → In báo cáo: choose a document and a period, preview its pages, save or print it.

The PDF is made by the core (cchc_desktop.reports.cli.run_report) in a worker thread with its own
read-only connection, into a temporary folder owned by the dialog; the pages are shown with
QtPdf (wheel PySide6_Pdf). "Lưu PDF…" copies that exact file; "In…" prints its pages through the
system print dialog, each at 100 % in its own orientation (the appendix is landscape), as text
and rules replayed from the PDF (ui/reports/printing.py), not as page pictures.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QPointF, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.register.db import Register
from cchc_desktop.reports.choices import period_choices, suggested_file_name
from cchc_desktop.reports.cli import KIND_OVERDUE, KIND_PERIOD, KIND_PLAN, run_report
from cchc_desktop.reports.page_drawing import PageDrawing, read_drawings
from ui.reports.printing import print_pages
from ui.shell.ops import Ops

DOCUMENTS = [
    (KIND_PLAN, "Kế hoạch"),
    (KIND_PERIOD, "Báo cáo định kỳ"),
    (KIND_OVERDUE, "Danh mục chậm tiến độ"),
]
UP_TO_TODAY = "Đến hôm nay"
ZOOM_STEP = 1.25


class ReportDialog(QDialog):
    """Choose a report, preview its pages in the app, save the PDF or print it."""

    preview_ready = Signal(int)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.plan_id = plan_id
        self.today = today or date.today()
        self.ops = Ops(self)
        self.folder = Path(tempfile.mkdtemp(prefix="cchc-bao-cao-"))
        self.pdf_path: Path | None = None
        self._ticket: int | None = None
        self._renders = 0
        self._printer: QPrinter | None = None
        self.document = QPdfDocument(self)
        self.setWindowTitle("In báo cáo")
        self.resize(980, 760)
        self._build()
        self._fill_periods()
        self.finished.connect(self._clean_up)
        self.render_preview()

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the choices, the toolbar, the page view and the status line."""
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices_row())
        layout.addLayout(self._toolbar())
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        layout.addWidget(self.view, 1)
        self.status = QLabel("")
        layout.addWidget(self.status)

    def _choices_row(self) -> QHBoxLayout:
        """Return the document and period choosers with the save and print buttons."""
        row = QHBoxLayout()
        self.kind_box = QComboBox()
        for kind, label in DOCUMENTS:
            self.kind_box.addItem(label, kind)
        self.period_box = QComboBox()
        self.save_button = QPushButton("Lưu PDF…")
        self.print_button = QPushButton("In…")
        row.addWidget(QLabel("Văn bản:"))
        row.addWidget(self.kind_box)
        row.addWidget(QLabel("Kỳ báo cáo:"))
        row.addWidget(self.period_box, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.period_box.currentIndexChanged.connect(self.render_preview)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_pdf)
        return row

    def _toolbar(self) -> QHBoxLayout:
        """Return page navigation and zoom controls."""
        row = QHBoxLayout()
        self.previous_button = QPushButton("◀ Trang trước")
        self.next_button = QPushButton("Trang sau ▶")
        self.page_box = QSpinBox()
        self.page_box.setMinimum(1)
        self.page_total = QLabel("/ 0")
        zoom_out, zoom_in = QPushButton("−"), QPushButton("+")
        fit_width, fit_page = QPushButton("Vừa chiều rộng"), QPushButton("Cả trang")
        for widget in (self.previous_button, self.page_box, self.page_total, self.next_button,
                       zoom_out, zoom_in, fit_width, fit_page):
            row.addWidget(widget)
        row.addStretch(1)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        zoom_out.clicked.connect(lambda: self.zoom(1 / ZOOM_STEP))
        zoom_in.clicked.connect(lambda: self.zoom(ZOOM_STEP))
        fit_width.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        fit_page.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitInView))
        return row

    def _fill_periods(self) -> None:
        """List the periods of the plan's year, selecting the current one."""
        choices, default = self.ops.call(
            lambda: period_choices(self.register, self.plan_id, self.today)) or ([], "")
        self.period_box.blockSignals(True)
        for choice in choices:
            self.period_box.addItem(choice.label, choice.code)
        self.period_box.addItem(UP_TO_TODAY, None)
        index = self.period_box.findData(default)
        self.period_box.setCurrentIndex(max(index, 0))
        self.period_box.blockSignals(False)
        self.period_box.setEnabled(False)

    # Rendering -------------------------------------------------------------------------------

    def kind(self) -> str:
        """Return the chosen document kind (plan, period, overdue)."""
        return str(self.kind_box.currentData())

    def period_code(self) -> str | None:
        """Return the chosen period code, or None (today / not needed)."""
        code = self.period_box.currentData()
        return str(code) if code and self.kind() != KIND_PLAN else None

    def _kind_changed(self) -> None:
        """Enable the period for periodic documents, choose a sensible one, render again."""
        kind = self.kind()
        self.period_box.blockSignals(True)
        if kind == KIND_OVERDUE:
            self.period_box.setCurrentIndex(self.period_box.findData(None))
        elif kind == KIND_PERIOD and self.period_box.currentData() is None:
            self.period_box.setCurrentIndex(0)
        self.period_box.blockSignals(False)
        self.period_box.setEnabled(kind != KIND_PLAN)
        self.render_preview()

    def render_preview(self) -> None:
        """Make the chosen report in a worker thread; the preview follows when it is ready."""
        if self._ticket is not None:
            self.ops.forget(self._ticket)
        self._renders += 1
        target = self.folder / f"xem-truoc-{self._renders}.pdf"
        kind, code, plan_id, today = self.kind(), self.period_code(), self.plan_id, self.today
        self._set_busy(True)

        def job(register: Register) -> Path:
            """Write the report with the worker's own connection."""
            return run_report(register, kind, target, plan_id, code, today=today)

        self._ticket = self.ops.background(self.register.path, job, self._show,
                                           title="Không tạo được báo cáo", read_only=True)

    def _set_busy(self, busy: bool) -> None:
        """Show that a report is being made and block saving and printing meanwhile."""
        self.status.setText("Đang tạo báo cáo…" if busy else self.status.text())
        self.save_button.setEnabled(not busy)
        self.print_button.setEnabled(not busy)

    def _show(self, path: Path) -> None:
        """Load a finished PDF into the view, replacing the previous one."""
        self._ticket = None
        old = self.pdf_path
        self.document.close()
        self.document.load(str(path))
        self.pdf_path = path
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        pages = self.page_count()
        self.page_box.setMaximum(max(pages, 1))
        self.page_total.setText(f"/ {pages}")
        self._set_busy(False)
        self.status.setText(f"{self.kind_box.currentText()}: {pages} trang.")
        self.go_to_page(0)
        self.preview_ready.emit(pages)

    def page_count(self) -> int:
        """Return the number of pages of the preview (0 before the first one is ready)."""
        ready = self.document.status() == QPdfDocument.Status.Ready
        return int(self.document.pageCount()) if ready else 0

    # Navigation and zoom ---------------------------------------------------------------------

    def current_page(self) -> int:
        """Return the page shown (from 0)."""
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        """Show a page (from 0), clamped to the document."""
        count = self.page_count()
        if count == 0:
            return
        page = min(max(page, 0), count - 1)
        self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._page_changed(page)

    def _page_changed(self, page: int) -> None:
        """Follow the page in the spin box and the previous/next buttons."""
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.page_count() - 1)

    def zoom(self, factor: float) -> None:
        """Zoom in or out by a factor (0.25× to 4×)."""
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, 0.25), 4.0))

    # Save and print --------------------------------------------------------------------------

    def save_pdf(self, target: str | None = None) -> Path | None:
        """Copy the previewed PDF to a file the officer chooses; return where it went."""
        if self.pdf_path is None:
            return None
        if not target:
            name = self.ops.call(lambda: suggested_file_name(
                self.register, self.plan_id, self.kind(), self.period_code(), self.today))
            target, _ = QFileDialog.getSaveFileName(
                self, "Lưu báo cáo PDF", str(Path.home() / (name or "bao-cao.pdf")),
                "Tệp PDF (*.pdf)")
        if not target:
            return None
        path = Path(target) if target.lower().endswith(".pdf") else Path(f"{target}.pdf")
        try:
            shutil.copyfile(self.pdf_path, path)
        except OSError as error:
            self.ops.show_error("Không lưu được tệp", f"Không ghi được '{path}': "
                                f"{error.strerror}.")
            return None
        self.status.setText(f"Đã lưu {path}")
        return path

    def print_pdf(self) -> None:
        """Open the system print dialog, then print the previewed pages (read in a worker)."""
        if self.pdf_path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.kind_box.currentText())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        path = self.pdf_path
        self.status.setText("Đang chuẩn bị in…")
        self._printer = printer
        self.ops.background(self.register.path, lambda _register: read_drawings(path),
                            self._print_drawings, title="Không in được", read_only=True)

    def _print_drawings(self, pages: list[PageDrawing]) -> None:
        """Send the pages read from the PDF to the printer chosen."""
        printer, self._printer = self._printer, None
        if printer is not None and self.print_pages(printer, pages):
            self.status.setText(f"Đã gửi {len(pages)} trang đến máy in.")

    def print_to(self, printer: QPrinter) -> int:
        """Print every previewed page at 100 % in its own orientation; return pages printed."""
        path = self.pdf_path
        if path is None:
            return 0
        pages = self.ops.call(lambda: read_drawings(path), "Không in được")
        return self.print_pages(printer, pages or [])

    def print_pages(self, printer: QPrinter, pages: list[PageDrawing]) -> int:
        """Print pages (as text and rules, not pictures); say so if the printer fails."""
        printed = print_pages(printer, pages)
        if pages and not printed:
            self.ops.show_error("Không in được", "Không mở được máy in đã chọn.")
        return printed

    # Clean up --------------------------------------------------------------------------------

    def _clean_up(self) -> None:
        """Drop pending work, close the document and remove the temporary files."""
        if self._ticket is not None:
            self.ops.forget(self._ticket)
        self.ops.wait()
        self.document.close()
        shutil.rmtree(self.folder, ignore_errors=True)

