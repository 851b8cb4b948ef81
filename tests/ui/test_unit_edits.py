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


def test_refused_delete_lists_tt_with_its_section_and_cuts_only_between_words(
        dialog: UnitsDialog) -> None:
    register = dialog.register
    dialog.select([_ids(register)["Văn phòng"]])
    dialog.delete_selected()
    message = dialog.views.ops.errors[-1]  # type: ignore[attr-defined]
    lines = [line[2:] for line in message.splitlines() if line.startswith("– ")]
    assert lines[0] == ("I/1.1 — Tổ chức họp đánh giá, rút kinh nghiệm về kết quả Chỉ số CCHC "
                        "năm 2020")
    contents = [" ".join(r[0].split()) for r in register.db.execute("SELECT content FROM tasks")]
    cut = 0
    for line in lines:
        number, text = line.split(" — ", 1)
        assert "/" in number  # "I/1.1", not a bare "1" that could be in any section
        if text.endswith("…"):
            cut += 1
            whole = next(c for c in contents if c.startswith(text[:-1]))
            assert not whole[len(text) - 1].isalnum()  # never cut inside a word
        else:
            assert text in contents
    assert cut > 0


def test_split_gives_each_unit_only_its_typed_name(dialog: UnitsDialog) -> None:
    register = dialog.register
    old = _ids(register)["Văn phòng"]
    before = repository.get_unit(register.db, old)
    assert before.short_name and before.aliases
    dialog.select([old])
    dialog.ask_split = lambda unit: ("Văn phòng Thanh tra", "Bộ phận Một cửa")
    dialog.split_selected()
    units = {u.name: u for u in repository.list_units(register.db)}
    for name in ("Văn phòng Thanh tra", "Bộ phận Một cửa"):
        assert (units[name].short_name, units[name].aliases) == ("", [])
    dialog.stack.undo()
    assert repository.get_unit(register.db, old) == before
