"""The units directory through its dialog: review "chưa xác nhận", merge two units, undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCollator, QLocale, QSettings
from PySide6.QtWidgets import QDialog

from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Agency, TaskDraft, Unit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.collation import vi_sort_key
from ui.register.units_dialog import UnitsDialog
from ui.shell.agency_dialog import AgencyDialog
from ui.shell.main_window import MainWindow


def _window(qtbot: Any, register: Register, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(register, settings, today=date(2021, 10, 1))
    window.ops.quiet = True
    qtbot.addWidget(window)
    return window


def _leads(register: Register) -> dict[str, int]:
    sql = ("SELECT u.name, count(*) FROM task_units tu JOIN units u ON u.id = tu.unit_id "
           "WHERE tu.role = 'lead' GROUP BY u.name")
    return {r[0]: r[1] for r in register.db.execute(sql)}


def test_merge_two_units_then_undo(qtbot: Any, demo_register: Register, tmp_path: Path) -> None:
    window = _window(qtbot, demo_register, tmp_path)
    plan_id = window.plan_id
    assert plan_id is not None
    services.add_task(demo_register, plan_id,
                      TaskDraft(content="Rà soát", lead_text="VP Thanh tra"))
    before = _leads(demo_register)
    dialog = UnitsDialog(window, window.undo_stack, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unconfirmed_only.setChecked(True)
    names = [dialog.model.row_at(r).unit.name for r in range(dialog.model.rowCount())]
    assert "VP Thanh tra" in names
    units = {u.name: u.id for u in repository.list_units(demo_register.db)}
    dialog.unconfirmed_only.setChecked(False)
    dialog.select([units["Văn phòng"], units["VP Thanh tra"]])
    dialog.choose_keep = lambda candidates: units["Văn phòng"]
    dialog.merge_selected()
    after = _leads(demo_register)
    assert "VP Thanh tra" not in after
    assert after["Văn phòng"] == before["Văn phòng"] + 1
    assert "VP Thanh tra" in repository.get_unit(demo_register.db, units["Văn phòng"]).aliases
    assert dialog.selected_ids() == [units["Văn phòng"]]
    window.undo_stack.undo()
    assert _leads(demo_register) == before


def test_confirm_and_rename_units(qtbot: Any, demo_register: Register, tmp_path: Path) -> None:
    window = _window(qtbot, demo_register, tmp_path)
    dialog = UnitsDialog(window, window.undo_stack, window)
    qtbot.addWidget(dialog)
    dialog.unconfirmed_only.setChecked(True)
    pending = [dialog.model.row_at(r).unit.id for r in range(dialog.model.rowCount())]
    assert pending
    dialog.select(pending[:1])
    dialog.confirm_selected()
    assert repository.get_unit(demo_register.db, pending[0]).confirmed
    assert dialog.model.row_of(pending[0]) == -1
    dialog.unconfirmed_only.setChecked(False)
    dialog.select(pending[:1])
    dialog.edit_unit = lambda unit, title: Unit(**{**unit.__dict__, "name": "Tổ công tác CCHC"})
    dialog.edit_selected()
    assert repository.get_unit(demo_register.db, pending[0]).name == "Tổ công tác CCHC"
    qtbot.keyClicks(dialog.search, "to cong tac")
    assert dialog.model.rowCount() == 1
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert not repository.get_unit(demo_register.db, pending[0]).confirmed


def test_agency_dialog_checks_required_fields(qtbot: Any) -> None:
    dialog = AgencyDialog(Agency())
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("UBND xã Tân Phú")
    dialog.accept()
    assert "Địa danh" in dialog.error.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.edits["place"].setText("Tân Phú")
    dialog.edits["abbreviation"].setText("UBND")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.agency().place == "Tân Phú"


def test_fast_key_sorts_like_qt_vietnamese_collator() -> None:
    words = ["b", "ba", "bà", "bả", "bã", "bá", "bạ", "bă", "bâ", "Ba", "An Giang", "Ăn", "Âu",
             "Dak Lak", "Đà Nẵng", "dz", "đa", "ơ", "ô", "o", "Ông", "ồng", "ư", "u", "Ủy ban",
             "UBND", "Văn phòng", "văn phòng", "Phòng 1", "Phòng 2", "xa", "ya", "10", "2"]
    collator = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    from functools import cmp_to_key

    assert sorted(words, key=vi_sort_key) == sorted(words, key=cmp_to_key(collator.compare))
