"""The inspections window driven through real widgets: plan, finding, remediation closed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register
from ui.inspections.forms import FormDialog
from ui.inspections.window import InspectionWindow

TODAY = date.today()


def _ok(qtbot, dialog: FormDialog | None) -> None:
    assert dialog is not None
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _type(widget, text: str) -> None:
    """Type text into a field (QTest cannot send non-ASCII key clicks)."""
    widget.setFocus()
    if hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _pick(box, label: str) -> None:
    index = box.findText(label)
    assert index >= 0, label
    box.setCurrentIndex(index)


def _window(qtbot, register: Register) -> InspectionWindow:
    with register.transaction() as db:
        repository.save_agency(db, Agency(name="Ủy ban nhân dân huyện Đắk Hà", place="Đắk Hà",
                                          abbreviation="UBND", signer_name="Nguyễn Văn A",
                                          signer_title="Chủ tịch", signer_authority="TM.",
                                          collective="Ủy ban nhân dân"))
    for name in ("UBND xã Đắk Long", "Phòng Nội vụ", "Phòng Tư pháp"):
        add_unit(register, Unit(id=0, name=name))
    window = InspectionWindow(register)
    qtbot.addWidget(window)
    window.show()
    return window


def test_plan_an_inspection_record_a_finding_close_its_remediation(
        qtbot, register: Register, tmp_path: Path) -> None:
    window = _window(qtbot, register)
    assert window.plan_box.count() == 0
    dialog = window.new_plan()
    qtbot.keyClicks(dialog.number, "12/KH-UBND")
    _ok(qtbot, dialog)
    assert window.plan_box.count() == 1
    assert window.plan_box.currentText().startswith(f"Năm {TODAY.year} — 12/KH-UBND")

    dialog = window.add_unit()
    _pick(dialog.unit, "UBND xã Đắk Long")
    _pick(dialog.kind, "Kiểm tra định kỳ")
    qtbot.keyClicks(dialog.planned_from, "15/06/2026")
    _ok(qtbot, dialog)
    assert window.units_model.rowCount() == 1
    assert window.units_model.text(0, 2) == "15/06/2026"
    detail = window.detail
    assert detail.isEnabled() and "UBND xã Đắk Long" in detail.header.text()

    detail.add_finding()
    _type(detail.dialog.text_edit, "Chưa niêm yết đầy đủ TTHC tại bộ phận một cửa")
    _ok(qtbot, detail.dialog)
    assert detail.findings_model.text(0, 1) == "Chưa niêm yết đầy đủ TTHC tại bộ phận một cửa"

    detail.add_remedy()
    _ok(qtbot, detail.dialog)
    assert detail.dialog.isVisible()
    assert detail.dialog.error_label.text() == "Nội dung khắc phục không được để trống."
    _type(detail.dialog.content, "Niêm yết đầy đủ TTHC")
    _type(detail.dialog.owner, "Công chức Văn phòng - Thống kê")
    qtbot.keyClicks(detail.dialog.deadline, f"{TODAY + timedelta(days=30):%d/%m/%Y}")
    _pick(detail.dialog.finding, "Chưa niêm yết đầy đủ TTHC tại bộ phận một cửa")
    _ok(qtbot, detail.dialog)
    assert not detail.dialog.isVisible()
    assert detail.remedy_model.text(0, 3) == "Chưa khắc phục"
    assert window.follow_tab.model.rowCount() == 1

    detail.remedy_view.selectRow(0)
    detail.close_remedy()
    _type(detail.dialog.result_edit, "Đã niêm yết 125 TTHC")
    _ok(qtbot, detail.dialog)
    assert detail.remedy_model.text(0, 3) == "Đã khắc phục"
    assert detail.remedy_model.text(0, 4) == f"{TODAY:%d/%m/%Y}"
    assert window.follow_tab.model.rowCount() == 0
    assert window.open_remediation_count() == 0

    assert window.print_plan_to(tmp_path / "kh.pdf") and (tmp_path / "kh.pdf").stat().st_size
    assert "chưa ghi ngày kiểm tra thực tế" in detail.conclusion_refused()
    assert not detail.print_conclusion_to(tmp_path / "tb.pdf")
    assert "chưa ghi ngày kiểm tra thực tế" in detail.property("last_error")
    assert not (tmp_path / "tb.pdf").exists()
    qtbot.keyClicks(detail.actual_on, f"{TODAY:%d/%m/%Y}")
    _pick(detail.status, "Đã kiểm tra")
    detail.save_conclusion()
    assert detail.conclusion_refused() == ""
    assert detail.print_conclusion_to(tmp_path / "tb.pdf")
    assert (tmp_path / "tb.pdf").is_file()

    documents = window.documents()
    assert documents is not None
    qtbot.addWidget(documents)
    qtbot.waitUntil(lambda: documents.page_count() > 0, timeout=20000)
    assert [documents.kind_box.itemText(i) for i in range(documents.kind_box.count())] == [
        "Kế hoạch kiểm tra", "Thông báo kết luận — UBND xã Đắk Long"]
    assert documents.period_box.isHidden() and documents.missing_panel.isHidden()
    with qtbot.waitSignal(documents.preview_ready, timeout=20000):
        documents.kind_box.setCurrentIndex(1)
    with qtbot.waitSignal(documents.saved, timeout=20000):
        documents.save_word(str(tmp_path / "thong-bao"))
    assert (tmp_path / "thong-bao.docx").stat().st_size > 0
    documents.reject()


def test_a_plan_without_signer_is_refused_but_saves_as_a_word_draft(
        qtbot, register: Register, tmp_path: Path) -> None:
    from docx import Document as open_docx

    window = _window(qtbot, register)
    with register.transaction() as db:
        repository.save_agency(db, Agency(name="Ủy ban nhân dân huyện Đắk Hà", place="Đắk Hà",
                                          abbreviation="UBND"))
    dialog = window.new_plan()
    _ok(qtbot, dialog)
    assert not window.print_plan_to(tmp_path / "kh.docx")
    assert "Chưa có họ tên người ký." in window.property("last_error")
    assert not (tmp_path / "kh.docx").exists()
    assert window.print_plan_to(tmp_path / "kh.docx", draft=True)
    document = open_docx(str(tmp_path / "kh.docx"))
    headers = " ".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert "DỰ THẢO" in headers
    assert "ĐỀ CƯƠNG KIỂM TRA" in "\n".join(p.text for p in document.paragraphs)


def test_de_cuong_lines_say_which_units_they_are_asked_of(qtbot, register: Register) -> None:
    window = _window(qtbot, register)
    _ok(qtbot, window.new_plan())
    tab = window.outline_tab
    tab.refresh()
    rows = tab.model.rows()
    poor = next(i for i, line in enumerate(rows) if "hộ nghèo" in line.text)
    assert tab.model.text(poor, 4) == "Ủy ban nhân dân xã, phường"
    assert tab.model.text(poor - 1, 4) == ""
    tab.view.selectRow(poor - 1)
    tab.edit()
    dialog = tab.dialog
    _pick(dialog.scope, "Cơ quan, đơn vị (sở, phòng, ban)")
    _ok(qtbot, dialog)
    assert tab.model.rows()[poor - 1].scope == "co_quan"
    assert tab.model.text(poor - 1, 4) == "Cơ quan, đơn vị (sở, phòng, ban)"
