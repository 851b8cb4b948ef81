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
from cchc_desktop.register.connection import Register
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


def test_word_copy_of_the_previewed_document(qtbot, dialog: ReportDialog, tmp_path: Path) -> None:
    from docx import Document as open_docx

    assert dialog.missing_panel.isHidden()
    assert dialog.word_button.isEnabled() and dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=20000) as blocker:
        target = dialog.save_word(str(tmp_path / "ke-hoach"))
    assert target == tmp_path / "ke-hoach.docx" and blocker.args == [str(target)]
    text = "\n".join(p.text for p in open_docx(str(target)).paragraphs)
    assert "KẾ HOẠCH" in text and "DỰ THẢO" not in text
    assert "Đã lưu" in dialog.status.text()


@pytest.fixture
def unsigned(qtbot, demo_register: Register) -> ReportDialog:
    """The report dialog on the demo plan with no signer anywhere."""
    from dataclasses import replace

    from cchc_desktop.plans import records, services

    plan_id = current_plan_id(demo_register)
    assert plan_id is not None
    services.save_plan(demo_register, replace(records.plan(demo_register, plan_id),
                                              signer_name="", signer_title="",
                                              signer_authority=""))
    services.save_agency(demo_register, replace(records.agency(demo_register), signer_name="",
                                                signer_title="", signer_authority=""))
    dialog = ReportDialog(demo_register, plan_id, today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=20000)
    return dialog


def test_missing_signer_is_listed_with_a_fix_and_only_a_draft_is_offered(
        qtbot, unsigned: ReportDialog, tmp_path: Path) -> None:
    panel = unsigned.missing_panel
    assert not panel.isHidden()
    messages = [item.message for item in panel.items]
    assert "Chưa có họ tên người ký." in messages and "Chưa có chức vụ người ký." in messages
    assert {b.text() for b in panel.fix_buttons} == {"Thông tin cơ quan và người ký…"}
    assert not unsigned.save_button.isEnabled() and not unsigned.word_button.isEnabled()
    assert not unsigned.print_button.isEnabled()
    assert "bản dự thảo" in unsigned.status.text()
    assert unsigned.save_pdf(str(tmp_path / "x.pdf")) is None and not (tmp_path / "x.pdf").exists()
    draft = unsigned.save_draft(str(tmp_path / "du-thao.pdf"))
    assert draft is not None and all("DỰ THẢO" in page for page in pdf_pages(draft))
    with qtbot.waitSignal(unsigned.saved, timeout=20000):
        word = unsigned.save_draft(str(tmp_path / "du-thao.docx"))
    assert word is not None and word.stat().st_size > 0


def test_the_fix_button_opens_the_agency_dialog_and_the_check_runs_again(
        qtbot, unsigned: ReportDialog) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.shell.agency_dialog import AgencyDialog

    seen: list[str] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AgencyDialog)
        seen.append(dialog.windowTitle())
        dialog.signer.name.setText("Phạm Thị Trà My")
        dialog.signer.title.setText("Chánh Thanh tra")
        dialog.accept()

    QTimer.singleShot(0, fill)
    with qtbot.waitSignal(unsigned.preview_ready, timeout=20000):
        unsigned.missing_panel.fix_buttons[0].click()
    assert seen == ["Thông tin cơ quan và người ký"]
    assert unsigned.missing_panel.isHidden()
    assert unsigned.save_button.isEnabled() and unsigned.print_button.isEnabled()
    text = " ".join(pdf_pages(unsigned.pdf_path))  # type: ignore[arg-type]
    assert "CHÁNH THANH TRA" in text and "Phạm Thị Trà My" in text and "DỰ THẢO" not in text
