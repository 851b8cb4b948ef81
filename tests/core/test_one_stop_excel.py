"""One-stop return template: written per period, filled by units, read back whole or refused."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.errors import AppendixError, ValidationError
from cchc_desktop.inspections import one_stop
from cchc_desktop.inspections.one_stop_excel import HEADER_ROW, read_return, write_return_template
from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register

ROW = [10, 130, 80, 45, 5, 40, 80, 5, 12, 3, 8]


@pytest.fixture
def units(register: Register) -> dict[str, int]:
    return {name: add_unit(register, Unit(id=0, name=name))
            for name in ("UBND xã Đắk Long", "UBND xã Đắk Mar", "Phòng Tư pháp")}


def _fill(path: Path, rows: dict[str, list[object]]) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        name = sheet.cell(row, 2).value
        for column, value in enumerate(rows.get(name, []), start=3):
            sheet.cell(row, column, value)
    book.save(path)


def test_template_lists_units_and_reads_back(register: Register, units: dict[str, int],
                                             tmp_path: Path) -> None:
    path = write_return_template(register, "2026-Q1", tmp_path / "mau.xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A2"].value == "Kỳ báo cáo: Quý I năm 2026 (mã kỳ: 2026-Q1)"
    assert sheet.cell(HEADER_ROW, 5).value == "Số hồ sơ tiếp nhận trực tuyến"
    assert [sheet.cell(r, 2).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)] == [
        "Phòng Tư pháp", "UBND xã Đắk Long", "UBND xã Đắk Mar"]
    _fill(path, {"UBND xã Đắk Long": [*ROW, "egov"],
                 "UBND xã Đắk Mar": [0, 60, 20, 30, 0, 10, 40, 6, 2, 0, 1]})
    result = read_return(register, "2026-Q1", path, officer="Phòng Nội vụ")
    assert [(f.unit_name, len(f.warnings)) for f in result.saved] == [
        ("UBND xã Đắk Long", 0), ("UBND xã Đắk Mar", 3)]
    assert result.skipped_blank == 1
    saved = one_stop.get_figures(register, units["UBND xã Đắk Long"], "2026-Q1")
    assert saved is not None and saved.figures.on_time_rate == 96.0 and saved.note == "egov"
    again = write_return_template(register, "2026-Q1", tmp_path / "lai.xlsx")
    assert openpyxl.load_workbook(again).active.cell(HEADER_ROW + 2, 3).value == 10


def test_a_bad_file_is_refused_whole(register: Register, units: dict[str, int],
                                     tmp_path: Path) -> None:
    path = write_return_template(register, "2026-Q1", tmp_path / "mau.xlsx")
    _fill(path, {"UBND xã Đắk Long": ROW, "UBND xã Đắk Mar": [0, 60, 20, -3],
                 "Phòng Tư pháp": [0, 2.5]})
    with pytest.raises(ValidationError) as caught:
        read_return(register, "2026-Q1", path)
    assert str(caught.value) == (
        "Tệp 'mau.xlsx' có số liệu không hợp lệ; chưa ghi gì vào sổ:\n"
        "Dòng 5 (Phòng Tư pháp): Số hồ sơ mới tiếp nhận trong kỳ phải là số nguyên "
        "(đã nhập “2.5”).\n"
        "Dòng 7 (UBND xã Đắk Mar): Số hồ sơ tiếp nhận trực tiếp không được âm (đã nhập -3).")
    assert one_stop.figures_for_period(register, "2026-Q1") == []
    with pytest.raises(ValidationError, match="là số liệu kỳ 2026-Q1, không phải kỳ 2026-H1"):
        read_return(register, "2026-H1", path)


def test_unknown_units_and_foreign_files(register: Register, units: dict[str, int],
                                         tmp_path: Path) -> None:
    path = write_return_template(register, "2026", tmp_path / "mau.xlsx")
    book = openpyxl.load_workbook(path)
    book.active.append([None, "UBND xã Ngọc Réo", *ROW])
    book.save(path)
    with pytest.raises(ValidationError, match="Dòng 8: không tìm thấy đơn vị “UBND xã Ngọc Réo”"):
        read_return(register, "2026", path)
    other = tmp_path / "khac.xlsx"
    openpyxl.Workbook().save(other)
    with pytest.raises(ValidationError, match="không phải mẫu số liệu một cửa"):
        read_return(register, "2026", other)
    text = tmp_path / "so-lieu.xlsx"
    text.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    with pytest.raises(AppendixError):
        read_return(register, "2026", text)
