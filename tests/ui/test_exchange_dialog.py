"""The exchange dialogs driven through their widgets: export, templates, returns with a conflict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.register.connection import Register
from ui.exchange.exchange_dialog import ExportDialog, ReturnsDialog, TemplatesDialog
from ui.exchange.returns_preview import COL_CHOICE

TODAY = date(2021, 6, 15)


def test_export_dialog_writes_one_units_tasks(qtbot, demo_register: Register,
                                              tmp_path: Path) -> None:
    dialog = ExportDialog(demo_register, 1, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.ops.quiet = True
    dialog.path_edit.setText(str(tmp_path / "p1.xlsx"))
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findText("Nhiệm vụ của Phòng 1 (2)"))
    with qtbot.waitSignal(dialog.exported, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == tmp_path / "p1.xlsx"
    assert [t.number for t in read_appendix(tmp_path / "p1.xlsx").tasks] == ["3.1", "3.2"]
    assert dialog.status.text().startswith("Đã xuất:")
    dialog.path_edit.setText(str(tmp_path / "khong-co" / "x.xlsx"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialog.ops.errors), timeout=20000)
    assert "không tồn tại" in dialog.ops.errors[-1]


def test_templates_dialog_writes_the_chosen_units(qtbot, demo_register: Register,
                                                  tmp_path: Path) -> None:
    dialog = TemplatesDialog(demo_register, 1, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.ops.quiet = True
    assert dialog.units_list.count() == 10 and dialog.period_code() == "2021-H1"
    dialog.set_all(False)
    for row in range(dialog.units_list.count()):
        item = dialog.units_list.item(row)
        if item.text().startswith(("Văn phòng", "Phòng 2")):
            item.setCheckState(Qt.CheckState.Checked)
    dialog.folder_edit.setText(str(tmp_path / "gui"))
    with qtbot.waitSignal(dialog.written, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    names = sorted(f.path.name for f in blocker.args[0])
    assert names == ["bao-cao-cchc-2021-h1-phong-2.xlsx", "bao-cao-cchc-2021-h1-van-phong.xlsx"]
    assert "Đã tạo 2 biểu mẫu" in dialog.status.text()


def _fill(path: Path, number: str, status: str, percent: int) -> None:
    """Fill one task row of a template as the unit would."""
    book = openpyxl.load_workbook(path)
    ws = book[tpl.DATA_SHEET]
    row = next(r for r in ws.iter_rows(min_row=7) if r[1].value == number and r[0].value)
    row[5].value, row[6].value = status, percent
    book.save(path)


def test_returns_dialog_previews_chooses_and_applies(qtbot, demo_register: Register,
                                                     tmp_path: Path) -> None:
    files = {f.unit_name: f.path for f in tpl.write_templates(
        demo_register, 1, "2021-H1", tmp_path / "nhan", [1, 3], today=TODAY)}
    _fill(files["Văn phòng"], "3.2", "Đang thực hiện", 90)
    _fill(files["Phòng 1"], "3.2", "Đang thực hiện", 80)
    dialog = ReturnsDialog(demo_register, 1, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.ops.quiet = True
    assert "còn thiếu: Phòng 1, Văn phòng" in dialog.summary.text()
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.add_paths([tmp_path / "nhan"])
    assert dialog.files_list.count() == 2 and dialog.model.rowCount() == 1
    change = dialog.model.change_at(0)
    assert change.conflicts and change.chosen.label == "Phòng 1"
    assert "Đã nhận 2/2 đơn vị" in dialog.summary.text()
    index = dialog.model.index(0, COL_CHOICE)
    dialog.table.setCurrentIndex(index)
    dialog.table.edit(index)
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None and editor.count() == 3
    editor.setCurrentIndex(1)
    dialog.table.commitData(editor)
    assert dialog.model.data(index) == "Văn phòng"
    with qtbot.waitSignal(dialog.applied, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == 1
    assert dialog.status.text().startswith("Đã ghi 1 thay đổi từ 2 tệp")
    assert dialog.summary.text() == "Đã nhận 2/2 đơn vị; đã đủ."
    assert not dialog.apply_button.isEnabled()


def test_groups_and_unconfirmed_units_are_not_ticked_by_default(qtbot,
                                                                demo_register: Register) -> None:
    dialog = TemplatesDialog(demo_register, 1, today=TODAY)
    qtbot.addWidget(dialog)
    ticked = {dialog.units_list.item(r).text().split(" — ")[0]: dialog.units_list.item(r)
              for r in range(dialog.units_list.count())}
    unticked = [name for name, item in ticked.items()
                if item.checkState() != Qt.CheckState.Checked]
    assert sorted(unticked) == ["Các phòng nghiệp vụ", "Các đơn vị có liên quan",
                                "Công chức, người lao động", "Thành viên Ban chỉ đạo CCHC"]
    assert "(không chọn sẵn: nhóm đơn vị, cá nhân" in ticked["Các đơn vị có liên quan"].text()
    assert ticked["Văn phòng"].checkState() == Qt.CheckState.Checked
