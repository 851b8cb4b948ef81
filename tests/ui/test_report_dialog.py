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


def test_print_puts_each_page_in_its_orientation(dialog: ReportDialog, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "in.pdf"
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer) == dialog.page_count()
    assert out.read_bytes().startswith(b"%PDF")
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "99", str(out)], check=True,
                              capture_output=True, text=True).stdout
        assert re.search(r"Pages:\s+(\d+)", info)[1] == str(dialog.page_count())  # type: ignore[index]
        sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
        assert float(sizes[0][0]) < float(sizes[0][1]), "page 1 portrait"
        assert float(sizes[-1][0]) > float(sizes[-1][1]), "appendix landscape"
        assert {round(float(v)) for v in sizes[0]} == {595, 842}, "A4, not Letter"


def test_closing_removes_the_temporary_files(dialog: ReportDialog) -> None:
    folder = dialog.folder
    assert any(folder.iterdir())
    dialog.reject()
    assert not folder.exists()
