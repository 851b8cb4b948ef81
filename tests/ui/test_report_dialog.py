"""The report dialog: preview with QtPdf, page through, zoom, save and print (offscreen)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout
from PySide6.QtPrintSupport import QPrinter

from cchc_desktop.plans.services import current_plan_id
from cchc_desktop.register.db import Register
from ui.reports.report_dialog import ReportDialog

TODAY = date(2021, 6, 18)


@pytest.fixture
def dialog(qtbot, demo_register: Register) -> ReportDialog:
    plan_id = current_plan_id(demo_register)
    assert plan_id is not None
    dialog = ReportDialog(demo_register, plan_id, today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20000)
    return dialog


def test_plan_preview_has_pages_and_pages_through(qtbot, dialog: ReportDialog) -> None:
    assert dialog.kind() == "plan"
    assert dialog.page_count() >= 2
    assert not dialog.period_box.isEnabled()
    assert dialog.page_total.text() == f"/ {dialog.page_count()}"
    assert not dialog.previous_button.isEnabled()
    dialog.next_button.click()
    assert dialog.current_page() == 1
    assert dialog.page_box.value() == 2
    dialog.go_to_page(99)
    assert dialog.current_page() == dialog.page_count() - 1
    assert not dialog.next_button.isEnabled()
    before = dialog.view.zoomFactor()
    dialog.zoom(1.25)
    assert dialog.view.zoomFactor() == pytest.approx(before * 1.25)


def test_period_report_preview(qtbot, dialog: ReportDialog) -> None:
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000) as blocker:
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("period"))
    assert dialog.period_box.isEnabled()
    assert dialog.period_code() == "2021-H1"
    assert blocker.args[0] >= 3
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("overdue"))
    assert dialog.period_code() is None
    assert "trang" in dialog.status.text()


def test_save_copies_the_previewed_pdf(dialog: ReportDialog, tmp_path: Path) -> None:
    saved = dialog.save_pdf(str(tmp_path / "ke-hoach"))
    assert saved == tmp_path / "ke-hoach.pdf"
    assert dialog.pdf_path is not None
    assert saved.read_bytes() == dialog.pdf_path.read_bytes()


@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils không có")
def test_print_puts_each_page_at_full_size_in_its_orientation_as_text(
        dialog: ReportDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count()
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(out)], check=True,
                          capture_output=True, text=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert pages == dialog.page_count()
    sizes = [(round(float(w)), round(float(h)))
             for w, h in re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)]
    assert sizes[0] == (595, 842), "page 1: A4 portrait"
    assert sizes[-1] == (842, 595), "appendix: A4 landscape, not shrunk onto a portrait sheet"
    assert out.stat().st_size < 200_000 * pages, "text and rules, not page pictures"
    assert dialog.pdf_path is not None
    previewed, printed = pdf_pages(dialog.pdf_path), pdf_pages(out)
    assert [sorted(p.split()) for p in printed] == [sorted(p.split()) for p in previewed], (
        "every word of each page printed as text")
    assert "KẾ HOẠCH" in printed[0] and "Tổng cộng (Bằng chữ:" in printed[-1]


def pdf_pages(path: Path) -> list[str]:
    """Return each page's words as pdftotext reads them."""
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def test_closing_removes_the_temporary_files(dialog: ReportDialog) -> None:
    folder = dialog.folder
    assert any(folder.iterdir())
    dialog.reject()
    assert not folder.exists()
