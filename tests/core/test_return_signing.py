"""Return templates are signed with the register's secret: an altered unit, plan, period or
task list is refused naming what was altered; a row id changed to a task never sent to the unit
is skipped; a formula cell without a computed value is reported, not dropped silently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.consolidate import build_preview
from cchc_desktop.register.connection import Register
from tests.core.test_returns import PERIOD, TODAY, fill, make_templates, unit_id


def edit_meta(path: Path, change: Any) -> Path:
    """Edit the hidden sheet of a template like a spoofer would (openpyxl, then save)."""
    book = openpyxl.load_workbook(path)
    book.security = None
    change(book[tpl.META_SHEET])
    book.save(path)
    return path


def set_value(key: str, value: object) -> Any:
    """Return an edit that sets one key of the hidden sheet."""
    def change(meta: Any) -> None:
        for row in meta.iter_rows():
            if row[0].value == key:
                row[1].value = value
    return change


def problems_of(register: Register, path: Path) -> list[str]:
    """Preview one returned file and return its messages."""
    preview = build_preview(register, 1, PERIOD, [path], today=TODAY)
    return [str(problem) for problem in preview.problems]


@pytest.mark.parametrize(("key", "value", "named"), [
    ("unit_id", "VP", "đơn vị"),
    ("plan_id", 99, "kế hoạch"),
    ("created_at", "2000-01-01T00:00:00", "thời điểm tạo biểu mẫu"),
])
def test_an_altered_hidden_sheet_is_refused_naming_what(
        demo_register: Register, tmp_path: Path, key: str, value: object, named: str) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    fill(path, {"I|3.2": {"status": "Hoàn thành", "percent": 100}})
    if value == "VP":
        value = unit_id(demo_register, "Văn phòng")
    edit_meta(path, set_value(key, value))
    messages = problems_of(demo_register, path)
    assert len(messages) == 1 and "thông tin biểu mẫu đã bị sửa" in messages[0]
    assert f"({named})" in messages[0] and "Không có gì được ghi" in messages[0]


def test_a_task_added_to_the_signed_list_is_refused(demo_register: Register,
                                                    tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    other = demo_register.db.execute("SELECT max(id) FROM tasks").fetchone()[0]

    def add_task(meta: Any) -> None:
        meta.append([other, "9.9", "Nhiệm vụ không gửi cho đơn vị", "lead"])
    edit_meta(path, add_task)
    [message] = problems_of(demo_register, path)
    assert "(danh sách nhiệm vụ (mã nhiệm vụ))" in message


def test_an_unsigned_template_is_refused(demo_register: Register, tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]

    def strip(meta: Any) -> None:
        for row in meta.iter_rows():
            if str(row[0].value or "").startswith(("sig_", "nonce")):
                row[0].value = row[1].value = None
    edit_meta(path, strip)
    [message] = problems_of(demo_register, path)
    assert "không có chữ ký của sổ này" in message


def test_a_period_copied_from_another_template_is_refused(demo_register: Register,
                                                          tmp_path: Path) -> None:
    path = tpl.write_templates(demo_register, 1, "2021-Q3", tmp_path, [3], today=TODAY)[0].path
    edit_meta(path, set_value("period", PERIOD))  # the Q3 form passed off as the H1 return
    [message] = problems_of(demo_register, path)
    assert "(kỳ báo cáo)" in message


def test_a_row_id_changed_to_a_task_never_sent_is_skipped(demo_register: Register,
                                                          tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    sent = {row[0] for row in demo_register.db.execute(
        "SELECT task_id FROM task_units WHERE unit_id = 3")}
    foreign = demo_register.db.execute(
        f"SELECT min(id) FROM tasks WHERE plan_id = 1 AND id NOT IN "
        f"({','.join(map(str, sent))})").fetchone()[0]

    def spoof(ws: Any, rows: dict[str, int]) -> None:
        ws.cell(rows["I|3.2"], 1, foreign)
    fill(path, {"I|3.2": {"status": "Hoàn thành", "percent": 100},
                "I|3.1": {"status": "Đang thực hiện", "percent": 40}}, edit=spoof)
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    assert foreign not in {change.task_id for change in preview.changes}
    assert any(f"Mã nhiệm vụ “{foreign}” không có trong biểu mẫu đã gửi" in str(p)
               for p in preview.problems)


def test_a_formula_without_a_computed_value_is_reported(demo_register: Register,
                                                        tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    fill(path, {"I|3.2": {"status": "Đang thực hiện", "percent": "=40+30"}})  # no cached value
    messages = problems_of(demo_register, path)
    assert any("có công thức nhưng không có giá trị đã tính" in m and "Tỷ lệ" in m
               for m in messages), messages
