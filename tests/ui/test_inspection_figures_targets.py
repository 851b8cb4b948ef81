"""One-stop figures and targets windows driven through real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register
from ui.inspections.forms import FormDialog
from ui.inspections.one_stop_window import OneStopWindow
from ui.inspections.targets_window import TargetsWindow

YEAR = date.today().year
Q1 = f"{YEAR}-Q1"
FIGURES = {"carried_over": "10", "received_new": "130", "online": "80", "in_person": "45",
           "by_post": "5", "early": "40", "on_time": "80", "late": "5",
           "pending_on_time": "12", "pending_overdue": "3", "apologies": "8"}


def _ok(qtbot, dialog: FormDialog | None) -> None:
    assert dialog is not None
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)


def _fill(qtbot, dialog, values: dict[str, str]) -> None:
    for key, text in values.items():
        dialog.fields[key].clear()
        qtbot.keyClicks(dialog.fields[key], text)


def test_one_stop_figures_are_refused_or_flagged(qtbot, register: Register) -> None:
    add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    window = OneStopWindow(register)
    qtbot.addWidget(window)
    window.show()
    window.period.setCurrentIndex(window.period.findData(Q1))
    assert window.total_label.text() == "Chưa có số liệu một cửa trong kỳ này."
    dialog = window.add()
    _fill(qtbot, dialog, {**FIGURES, "late": "-5"})
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.error_label.text() == ("Số hồ sơ giải quyết trễ hạn không được âm "
                                         "(đã nhập -5).")
    _fill(qtbot, dialog, {"late": "2,5"})
    _ok(qtbot, dialog)
    assert dialog.error_label.text() == ("Số hồ sơ giải quyết trễ hạn phải là số nguyên "
                                         "(đã nhập “2,5”).")
    _fill(qtbot, dialog, {"late": "5"})
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert window.model.rowCount() == 1
    assert window.model.text(0, 12) == "96%"
    assert window.model.text(0, 14) == "Khớp"
    assert "tỷ lệ đúng hạn 96%" in window.total_label.text()

    window.view.selectRow(0)
    dialog = window.edit()
    _fill(qtbot, dialog, {"pending_on_time": "7"})
    _ok(qtbot, dialog)
    assert window.warnings_label.text() == (
        "Đã giải quyết (125) + đang giải quyết (10) = 135, khác tổng tiếp nhận = tồn kỳ trước "
        "(10) + mới tiếp nhận (130) = 140 (chênh lệch 5).")
    assert window.model.text(0, 14) == "1 chỗ chưa khớp"


def test_targets_listed_with_actual_and_met(qtbot, register: Register) -> None:
    unit = add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    from cchc_desktop.inspections import one_stop

    one_stop.save_figures(register, unit, Q1, {"received_new": 100, "online": 70,
                                               "in_person": 30, "early": 50, "on_time": 47,
                                               "late": 3, "apologies": 3})
    window = TargetsWindow(register)
    qtbot.addWidget(window)
    window.show()
    window.period.setCurrentIndex(window.period.findData(Q1))
    assert window.model.rowCount() == 0
    assert window.load_examples() == 24
    rows = {window.model.text(r, 1): r for r in range(window.model.rowCount())}
    on_time = rows["Tỷ lệ giải quyết hồ sơ đúng hạn"]
    assert [window.model.text(on_time, c) for c in (2, 3, 4)] == ["≥ 96%", "97%", "Đạt"]
    online = rows["Tỷ lệ hồ sơ trực tuyến mức độ 3 và 4 trên tổng số hồ sơ"]
    assert window.model.text(online, 4) == "Đạt"
    typed = rows["Kết quả giải quyết thủ tục hành chính được số hóa"]
    assert window.model.text(typed, 4) == "Chưa có số liệu"
    window.view.selectRow(typed)
    dialog = window.enter_actual()
    qtbot.keyClicks(dialog.value, "150")
    _ok(qtbot, dialog)
    assert dialog.error_label.text() == ("Tỷ lệ thực hiện không thể lớn hơn 100% "
                                         "(đã nhập 150).")
    dialog.value.clear()
    qtbot.keyClicks(dialog.value, "25,5")
    _ok(qtbot, dialog)
    rows = {window.model.text(r, 1): r for r in range(window.model.rowCount())}
    typed = rows["Kết quả giải quyết thủ tục hành chính được số hóa"]
    assert [window.model.text(typed, c) for c in (3, 4)] == ["25,5%", "Không đạt"]

    dialog = window.add()
    dialog.name.setText("Tỷ lệ hồ sơ trễ hạn")
    dialog.comparator.setCurrentIndex(dialog.comparator.findData("<="))
    qtbot.keyClicks(dialog.value, "5")
    _ok(qtbot, dialog)
    assert window.model.rowCount() == 25
    assert "25 chỉ tiêu" in window.summary_label.text()


def test_one_stop_excel_round_trip_from_the_window(qtbot, register: Register,
                                                  tmp_path: Path) -> None:
    import openpyxl

    add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    window = OneStopWindow(register)
    qtbot.addWidget(window)
    window.period.setCurrentIndex(window.period.findData(Q1))
    path = tmp_path / "mau.xlsx"
    assert window.export_template_to(path)
    book = openpyxl.load_workbook(path)
    for column, value in enumerate([0, 10, 5, 5, 0, 2, 7, 1, 0, 0, 0], start=3):
        book.active.cell(5, column, value)
    book.save(path)
    result = window.import_from(path)
    assert result is not None and len(result.saved) == 1
    assert window.model.rowCount() == 1
    assert window.warnings_label.text() == (
        "Đã nhận số liệu của 1 đơn vị từ tệp 'mau.xlsx'.\n"
        "UBND xã Đắk Long: Có 1 hồ sơ trễ hạn, quá hạn (trễ hạn 1, quá hạn 0) nhưng chỉ 0 "
        "văn bản xin lỗi.")
    book.active.cell(5, 4, -1)
    book.save(path)
    assert window.import_from(path) is None
    assert "không được âm" in window.property("last_error")
