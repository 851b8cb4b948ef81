"""Báo cáo → Báo cáo…: choose a document and a period, check it, preview it, save or print it.

The document is collected onto the document model by the core (reports.cli.build_document) in
a worker thread with its own read-only connection; the pre-print check (reports.checks.missing)
lists what a signer would find missing, each with a button that opens the right setting, and
the preview is then a draft marked "DỰ THẢO"; what the figures rest on (entries carried
forward from earlier periods) is said in a note that never blocks. The pages are shown with
QtPdf (page controls: ui/reports/page_navigation.py). "Lưu PDF…" copies the previewed file,
"Lưu Word…" writes the same document as .docx; "In…" prints each page at 100 % in its own
orientation as text and rules (ui/reports/printing.py). With something missing only
"Lưu bản dự thảo…" and "In bản dự thảo…" are offered.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.register.connection import Register
from cchc_desktop.reports.checks import missing
from cchc_desktop.reports.choices import period_choices, suggested_file_name
from cchc_desktop.reports.cli import (
    KIND_OVERDUE,
    KIND_PERIOD,
    KIND_PLAN,
    REPORT_KINDS,
    build_document,
)
from cchc_desktop.reports.model import Missing
from cchc_desktop.reports.page_drawing import PageDrawing, read_drawings
from cchc_desktop.reports.save import save_document
from ui.reports.documents import DocumentChoice, Rendered, ask_save_path
from ui.reports.fixers import default_fixers
from ui.reports.missing_panel import DataNote, MissingPanel
from ui.reports.page_navigation import PageNavigation
from ui.reports.printing import print_pages
from ui.shell.ops import Ops
from ui.widgets.period import start_on_window_period
from ui.widgets.print_dialog import PrintDialog

UP_TO_TODAY = "Đến hôm nay"
Fixer = Callable[[Missing], object]


class ReportDialog(PageNavigation, QDialog):
    """Choose a report, check and preview it, save it as PDF or Word, or print it."""

    preview_ready = Signal(int)
    saved = Signal(str)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None,
                 *, today: date | None = None, fixers: Mapping[str, Fixer] | None = None,
                 documents: Sequence[DocumentChoice] = ()) -> None:
        super().__init__(parent)
        self.register = register
        self.plan_id = plan_id
        self.today = today or date.today()
        self.choices = {choice.key: choice for choice in documents}
        self.ops = Ops(self)
        self.fixers = {**default_fixers(self, self.ops, register, plan_id), **(fixers or {})}
        self.folder = Path(tempfile.mkdtemp(prefix="cchc-bao-cao-"))
        self.pdf_path: Path | None = None
        self.rendered: Rendered | None = None
        self._ticket: int | None = None
        self._renders = 0
        self._printer: QPrinter | None = None
        self.document = QPdfDocument(self)
        self.setWindowTitle("Báo cáo")
        self.resize(1000, 720)
        self._build()
        self._fill_periods()
        self.finished.connect(self._clean_up)
        self.render_preview()

    # Layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        """Lay out the choices, the check, the toolbar, the page view and the status line."""
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices_row())
        self.missing_panel = MissingPanel(self)
        self.missing_panel.fix_requested.connect(self.fix)
        self.missing_panel.save_draft_requested.connect(lambda: self.save_draft())
        self.missing_panel.print_draft_requested.connect(self.print_pdf)
        layout.addWidget(self.missing_panel)
        self.data_note = DataNote(self)
        layout.addWidget(self.data_note)
        layout.addLayout(self._page_toolbar())
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)
        layout.addWidget(self.view, 1)
        self.status = QLabel("")
        layout.addWidget(self.status)

    def _choices_row(self) -> QHBoxLayout:
        """Return the document and period choosers with the preview, save and print buttons."""
        row = QHBoxLayout()
        self.kind_box = QComboBox()
        labels = {c.key: c.label for c in self.choices.values()} or REPORT_KINDS
        for kind, label in labels.items():
            self.kind_box.addItem(label, kind)
        self.period_box = QComboBox()
        self.period_label = QLabel("Kỳ báo cáo:")
        self.preview_button = QPushButton("Xem trước")
        self.save_button = QPushButton("Lưu PDF…")
        self.word_button = QPushButton("Lưu Word…")
        self.print_button = QPushButton("In…")
        for widget in (QLabel("Văn bản:"), self.kind_box, self.period_label):
            row.addWidget(widget)
        row.addWidget(self.period_box, 1)
        for button in (self.preview_button, self.save_button, self.word_button,
                       self.print_button):
            row.addWidget(button)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.period_box.currentIndexChanged.connect(self.render_preview)
        self.preview_button.clicked.connect(self.render_preview)
        self.save_button.clicked.connect(lambda: self.save_pdf())
        self.word_button.clicked.connect(lambda: self.save_word())
        self.print_button.clicked.connect(self.print_pdf)
        return row

    def _fill_periods(self) -> None:
        """List the periods of the plan's year, selecting the current one (none for others)."""
        if self.choices:
            self.period_label.hide()
            self.period_box.hide()
            return
        choices, default = self.ops.call(
            lambda: period_choices(self.register, self.plan_id, self.today)) or ([], "")
        self.period_box.blockSignals(True)
        for choice in choices:
            self.period_box.addItem(choice.label, choice.code)
        self.period_box.addItem(UP_TO_TODAY, None)
        index = self.period_box.findData(default)
        self.period_box.setCurrentIndex(max(index, 0))
        start_on_window_period(self.period_box, self.parentWidget())
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
        """Collect and check the chosen document in a worker thread; the preview follows."""
        if self._ticket is not None:
            self.ops.forget(self._ticket)
        self._renders += 1
        target = self.folder / f"xem-truoc-{self._renders}.pdf"
        kind, code, plan_id, today = self.kind(), self.period_code(), self.plan_id, self.today
        choice = self.choices.get(kind)
        self._set_busy(True)

        def job(register: Register) -> Rendered:
            """Collect, check and write the preview (a draft if something is missing)."""
            doc = choice.build(register) if choice else build_document(
                register, kind, plan_id, code, today=today)
            items = missing(doc)
            return Rendered(doc, save_document(doc, target, draft=bool(items)), items)

        number = self._renders
        self._ticket = self.ops.background(self.register.path, job, self._show,
                                           title="Không tạo được văn bản", read_only=True,
                                           after=lambda: self._ended(number))

    def _ended(self, number: int) -> None:
        """After the latest render ended (made or failed), let the officer act again."""
        if number == self._renders:
            self._set_busy(False)
            if self.status.text() == "Đang tạo văn bản…":
                self.status.setText("Không tạo được văn bản.")

    def _set_busy(self, busy: bool) -> None:
        """Show that a document is being made; allow saving only a complete one."""
        if busy:
            self.status.setText("Đang tạo văn bản…")
        complete = not busy and self.rendered is not None and not self.rendered.missing
        for button in (self.save_button, self.word_button, self.print_button):
            button.setEnabled(complete)
            button.setToolTip("" if complete or busy else "Văn bản còn thiếu thông tin: bổ sung "
                              "hoặc tạo bản dự thảo.")
        self.preview_button.setEnabled(not busy)
        self.missing_panel.setEnabled(not busy)

    def _show(self, rendered: Rendered) -> None:
        """Load a finished PDF into the view, replacing the previous one; list what is missing."""
        self._ticket = None
        old = self.pdf_path
        self.document.close()
        self.document.load(str(rendered.path))
        self.pdf_path, self.rendered = rendered.path, rendered
        if old is not None and old != rendered.path:
            old.unlink(missing_ok=True)
        pages = self.page_count()
        self.page_box.setMaximum(max(pages, 1))
        self.page_total.setText(f"/ {pages}")
        self.missing_panel.show_items(rendered.missing)
        self.data_note.show_notes(rendered.document.notes)
        self._set_busy(False)
        draft = " — bản dự thảo (còn thiếu thông tin)" if rendered.missing else ""
        self.status.setText(f"{self.kind_box.currentText()}: {pages} trang{draft}.")
        self.go_to_page(0)
        self.preview_ready.emit(pages)

    def fix(self, item: Missing) -> None:
        """Open the setting that fixes a missing item, then check and preview again."""
        fixer = self.fixers.get(item.setting)
        if fixer is None:
            self.ops.show_error("Chưa bổ sung được", item.message)
            return
        fixer(item)
        self.render_preview()

    # Save and print --------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, draft: bool) -> Path | None:
        """Ask where to save; return the path with its extension (None when cancelled)."""
        choice = self.choices.get(self.kind())
        name = choice.file_name if choice else self.ops.call(lambda: suggested_file_name(
            self.register, self.plan_id, self.kind(), self.period_code(), self.today)) or ""
        return ask_save_path(self, title, name, suffix, draft)

    def save_pdf(self, target: str | None = None) -> Path | None:
        """Copy the previewed PDF (complete, or a draft when asked) to a file; return it."""
        return self._save(target, ".pdf", draft=False)

    def save_word(self, target: str | None = None) -> Path | None:
        """Write the previewed document as Word (.docx); return where it goes."""
        return self._save(target, ".docx", draft=False)

    def save_draft(self, target: str | None = None) -> Path | None:
        """Save the document marked "DỰ THẢO" as PDF or Word (by the file's extension)."""
        return self._save(target, "", draft=True)

    def _save(self, target: str | None, suffix: str, draft: bool) -> Path | None:
        """Save the previewed document to target (asked if None) as PDF or Word."""
        rendered = self.rendered
        if rendered is None or self.pdf_path is None or (rendered.missing and not draft):
            return None
        path = Path(target) if target else self._ask_path(
            "Lưu bản dự thảo" if draft else "Lưu văn bản", suffix, draft)
        if path is None:
            return None
        if path.suffix.lower() not in (".pdf", ".docx"):
            path = path.with_name(f"{path.name}{suffix or '.pdf'}")
        if path.suffix.lower() == ".pdf" and bool(rendered.missing) == draft:
            return self._copy(self.pdf_path, path)
        doc, marked = rendered.document, draft
        self.ops.background(self.register.path, lambda _r: save_document(doc, path, marked),
                            self._saved, title="Không lưu được tệp", read_only=True)
        return path

    def _copy(self, source: Path, path: Path) -> Path | None:
        """Copy the previewed PDF to path."""
        try:
            shutil.copyfile(source, path)
        except OSError as error:
            self.ops.show_error("Không lưu được tệp", f"Không ghi được '{path}': "
                                f"{error.strerror}.")
            return None
        self._saved(path)
        return path

    def _saved(self, path: Path) -> None:
        """Say where the file went."""
        self.status.setText(f"Đã lưu {path}")
        self.saved.emit(str(path))

    def print_pdf(self) -> None:
        """Ask for a printer (or a PDF file) and print the previewed pages."""
        if self.pdf_path is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.kind_box.currentText())
        if PrintDialog(printer, self, "bao-cao.pdf").exec() != QDialog.DialogCode.Accepted:
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
