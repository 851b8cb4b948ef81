"""The report preview's page navigation and zoom (◀ Trang trước, page number, Trang sau ▶,
−, +, Vừa chiều rộng, Cả trang), as a part of the report dialog."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox

ZOOM_STEP = 1.25


class PageNavigation:
    """Page and zoom controls over a QPdfView showing a QPdfDocument (mixed into a dialog)."""

    view: QPdfView
    document: QPdfDocument
    previous_button: QPushButton
    next_button: QPushButton
    page_box: QSpinBox
    page_total: QLabel

    def page_count(self) -> int:
        """Return the number of pages of the preview (0 before the first one is ready)."""
        ready = self.document.status() == QPdfDocument.Status.Ready
        return int(self.document.pageCount()) if ready else 0

    def _page_toolbar(self) -> QHBoxLayout:
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
