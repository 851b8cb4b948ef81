"""Units directory: delete (refused with the tasks while they use it), split into two, and
undo that shows at once in the list."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register
from ui.register.units_dialog import UnitsDialog
from ui.shell.main_window import MainWindow


@pytest.fixture
def dialog(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[UnitsDialog]:
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_register, settings, today=date(2021, 10, 1))
    window.ops.quiet = True
    qtbot.addWidget(window)
    dialog = UnitsDialog(window, window.undo_stack, window)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    window.ops.wait()
    gc.collect()


def _names(dialog: UnitsDialog) -> list[str]:
    return [dialog.model.row_at(r).unit.name for r in range(dialog.model.rowCount())]


def _ids(register: Register) -> dict[str, int]:
    return {u.name: u.id for u in repository.list_units(register.db)}


def test_delete_is_refused_with_the_tasks_while_tasks_use_the_unit(dialog: UnitsDialog) -> None:
    register = dialog.register
    dialog.select([_ids(register)["Văn phòng"]])
    dialog.delete_selected()
    assert "Văn phòng" in _names(dialog)
    message = dialog.views.ops.errors[-1]  # type: ignore[attr-defined]
    assert "Không xóa được đơn vị “Văn phòng”" in message and "nhiệm vụ đang ghi" in message
    assert "\n– " in message  # the tasks are listed


def test_delete_an_unused_unit_then_undo_shows_it_again(dialog: UnitsDialog) -> None:
    register = dialog.register
    unit_id = add_unit(register, Unit(id=0, name="Phòng Dân tộc"))
    dialog.refresh()
    dialog.select([unit_id])
    dialog.delete_selected()
    assert "Phòng Dân tộc" not in _names(dialog)
    dialog.stack.undo()
    assert "Phòng Dân tộc" in _names(dialog)  # the list follows undo without being asked
    assert _ids(register)["Phòng Dân tộc"] == unit_id


def test_split_a_unit_into_two_then_undo(dialog: UnitsDialog) -> None:
    register = dialog.register
    ids = _ids(register)
    old = ids["Văn phòng"]
    tasks = dialog.model.row_at(dialog.model.row_of(old)).tasks
    assert tasks > 0
    dialog.select([old])
    dialog.ask_split = lambda unit: ("Văn phòng Thanh tra", "Bộ phận Một cửa")
    dialog.split_selected()
    counts = {dialog.model.row_at(r).unit.name: dialog.model.row_at(r).tasks
              for r in range(dialog.model.rowCount())}
    assert counts["Văn phòng Thanh tra"] == tasks and counts["Bộ phận Một cửa"] == tasks
    assert "Văn phòng" not in counts
    dialog.stack.undo()
    names = _names(dialog)
    assert "Văn phòng" in names and "Bộ phận Một cửa" not in names
    dialog.stack.redo()
    assert "Bộ phận Một cửa" in _names(dialog)
