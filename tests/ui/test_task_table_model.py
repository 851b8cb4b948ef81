"""The appendix table model without a window: rows by key, pages read lazily, edits handed on."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt

from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, KIND_TASK, AppendixRow
from ui.register.task_table_model import (
    COL_BUDGET,
    COL_CONTENT,
    COL_DUE,
    COL_LEAD,
    COL_NUMBER,
    COL_STATUS,
    KEY_ROLE,
    PAGE,
    TaskStatus,
    TaskTableModel,
)
from ui.widgets.formatting import format_budget, parse_budget

DISPLAY = Qt.ItemDataRole.DisplayRole


class FakeRegister:
    """Task rows by id, counting what was read."""

    def __init__(self, count: int) -> None:
        self.rows = {i: AppendixRow(KIND_TASK, i, f"1.{i}", f"Nhiệm vụ {i}", lead="Văn phòng",
                                    budget=1500.5 if i == 1 else None)
                     for i in range(1, count + 1)}
        self.read: list[int] = []

    def load(self, ids: Sequence[int]) -> dict[int, AppendixRow]:
        self.read.extend(ids)
        return {i: self.rows[i] for i in ids}


HEADINGS = {-3: AppendixRow(KIND_SECTION, 1, "I", "CÔNG TÁC CHỈ ĐẠO"),
            -4: AppendixRow(KIND_GROUP, 2, "1", "Họp Ban Chỉ đạo")}


def test_rows_show_headings_and_task_columns() -> None:
    source = FakeRegister(3)
    model = TaskTableModel(source.load)
    model.set_rows([-3, -4, 1, 2, 3], HEADINGS)
    assert model.rowCount() == 5
    assert model.task_count() == 3
    assert model.index(0, COL_NUMBER).data(DISPLAY) == "I"
    assert model.index(1, COL_CONTENT).data(DISPLAY) == "Họp Ban Chỉ đạo"
    assert model.index(1, COL_LEAD).data(DISPLAY) == ""
    assert model.index(2, COL_LEAD).data(DISPLAY) == "Văn phòng"
    assert model.index(2, COL_BUDGET).data(DISPLAY) == "1.500,5"
    assert model.index(2, COL_BUDGET).data(Qt.ItemDataRole.EditRole) == "1500,5"
    assert model.index(4, 0).data(KEY_ROLE) == 3
    assert model.index(0, COL_CONTENT).data(Qt.ItemDataRole.FontRole).bold()
    assert model.flags(model.index(0, COL_CONTENT)) & Qt.ItemFlag.ItemIsEditable  # its title
    assert not model.flags(model.index(0, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable  # renumbered
    model.heading_numbers_editable = True  # a plan keeping its printed numbers
    assert model.flags(model.index(0, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable
    model.heading_numbers_editable = False
    assert model.flags(model.index(2, COL_CONTENT)) & Qt.ItemFlag.ItemIsEditable


def test_only_the_page_shown_is_read() -> None:
    source = FakeRegister(100_000)
    model = TaskTableModel(source.load)
    model.set_rows(list(range(1, 100_001)), {})
    assert source.read == []
    assert model.index(50_010, COL_CONTENT).data(DISPLAY) == "Nhiệm vụ 50011"
    assert len(source.read) == PAGE
    assert model.loaded_count() == PAGE
    model.index(50_020, COL_CONTENT).data(DISPLAY)
    assert len(source.read) == PAGE


def test_states_are_pending_then_shown() -> None:
    model = TaskTableModel(FakeRegister(2).load)
    model.set_rows([1, 2], {})
    assert model.index(0, COL_STATUS).data(DISPLAY) == "…"
    model.set_states({1: TaskStatus("not_started", "Chưa thực hiện", date(2026, 3, 31), True),
                      2: TaskStatus("done", "Hoàn thành", None, False, 100, True)})
    assert model.index(0, COL_STATUS).data(DISPLAY) == "Chưa thực hiện (quá hạn)"
    assert model.index(0, COL_DUE).data(DISPLAY) == "31/03/2026"
    assert model.index(0, COL_STATUS).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(1, COL_STATUS).data(DISPLAY) == "Hoàn thành"


def test_edits_are_handed_to_the_editor() -> None:
    model = TaskTableModel(FakeRegister(2).load)
    model.set_rows([-4, 1, 2], HEADINGS)
    seen: list[tuple[int, str, object]] = []
    model.editor = lambda task_id, field, value: seen.append((task_id, field, value)) is None
    assert model.setData(model.index(2, COL_LEAD), "Phòng 1")
    assert not model.setData(model.index(0, COL_LEAD), "x")
    assert seen == [(2, "lead_text", "Phòng 1")]


def test_budgets_use_the_decimal_comma() -> None:
    assert format_budget(1234567.5) == "1.234.567,5"
    assert format_budget(None) == ""
    assert parse_budget("2,5") == 2.5
    assert parse_budget("1.500") == 1500
    assert parse_budget(" ") is None
