"""One-stop figures by Excel: a return template per period, and reading the filled files back.

The template lists the units (code, name) with a column per count and the period in its second
row. A returned file is checked like any received workbook (size, zip bomb, not a spreadsheet)
and read whole before anything is written: one bad count or unknown unit refuses the file with
every problem listed by row; otherwise every unit's figures are saved in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.excel.read.safety import check_workbook_file
from cchc_desktop.excel.read.workbook import cell_text, open_workbook
from cchc_desktop.inspections.one_stop import (
    COUNT_LABELS,
    UnitFigures,
    figures_for_period,
    parse_figures,
    save_figures,
)
from cchc_desktop.plans import repository
from cchc_desktop.plans.units import UnitIndex
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code

SHEET = "So lieu mot cua"
TITLE = "SỐ LIỆU GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH THEO CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG"
HEADER_ROW = 4
MAX_ERRORS = 20
_PERIOD_RE = re.compile(r"mã kỳ:\s*([0-9]{4}(?:-[A-Z0-9]+)?)", re.IGNORECASE)


@dataclass
class ReturnImport:
    """What reading a returned file saved: each unit's figures (with warnings)."""

    file_name: str
    saved: list[UnitFigures] = field(default_factory=list)
    skipped_blank: int = 0


def write_return_template(register: Register, period_code: str, path: Path) -> Path:
    """Write the one-stop return template of a period (figures already held are filled in)."""
    period = parse_period_code(period_code)
    held = {f.unit_id: f for f in figures_for_period(register, period.code)}
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = TITLE
    sheet["A2"] = f"Kỳ báo cáo: {period.title} (mã kỳ: {period.code})"
    sheet["A3"] = ("Nhập số nguyên không âm; để trống là 0. Không sửa cột Mã. Tổng đã giải quyết "
                   "+ đang giải quyết phải bằng tồn kỳ trước + mới tiếp nhận.")
    sheet["A1"].font = Font(bold=True, size=13)
    headers = ["Mã", "Đơn vị", *COUNT_LABELS.values(), "Ghi chú"]
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
    for row, unit in enumerate(repository.list_units(register.db), start=HEADER_ROW + 1):
        sheet.cell(row, 1, unit.id)
        sheet.cell(row, 2, unit.name)
        if unit.id in held:
            counts = asdict(held[unit.id].figures)
            for column, key in enumerate(COUNT_LABELS, start=3):
                sheet.cell(row, column, counts[key])
            sheet.cell(row, len(headers), held[unit.id].note)
    _format(sheet, len(headers))
    book.save(path)
    return Path(path)


def _format(ws: Any, columns: int) -> None:
    """Set widths, freeze the header and allow only whole numbers ≥ 0 in the count cells."""
    ws.column_dimensions["A"].width = 6
    ws.column_dimensions["B"].width = 34
    for column in range(3, columns + 1):
        ws.column_dimensions[get_column_letter(column)].width = 14
    ws.row_dimensions[HEADER_ROW].height = 60
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                          allow_blank=True, showErrorMessage=True,
                          error="Nhập số nguyên không âm.", errorTitle="Số liệu không hợp lệ")
    last = get_column_letter(columns - 1)
    rule.add(f"C{HEADER_ROW + 1}:{last}2000")
    ws.add_data_validation(rule)


def _check_period(rows: list[list[object]], code: str, file_name: str) -> None:
    """Refuse a file made for another period than the one chosen."""
    found = _PERIOD_RE.search(cell_text(rows[1][0]) if len(rows) > 1 and rows[1] else "")
    if found is None:
        raise ValidationError(f"Tệp '{file_name}' không phải mẫu số liệu một cửa của phần mềm "
                              "(không thấy dòng “Kỳ báo cáo … (mã kỳ: …)”).")
    if parse_period_code(found[1]).code != code:
        raise ValidationError(f"Tệp '{file_name}' là số liệu kỳ {found[1]}, không phải kỳ "
                              f"{code} đang chọn.")


def _unit_of(index: UnitIndex, ids: set[int], code: object, name: str) -> int | None:
    """Return the unit of a row: by its code when known, else by its name."""
    text = cell_text(code)
    if text.isdigit() and int(text) in ids:
        return int(text)
    return index.find(name) if name else None


def _read_rows(register: Register, rows: list[list[object]],
               result: ReturnImport) -> list[tuple[int, dict[str, object], str]]:
    """Check every data row; return (unit, counts, note) or raise listing every problem."""
    index = UnitIndex(register.db)
    ids = {u.id for u in repository.list_units(register.db)}
    errors: list[str] = []
    entries = []
    for number, row in enumerate(rows[HEADER_ROW:], start=HEADER_ROW + 1):
        cells = list(row) + [None] * (len(COUNT_LABELS) + 3 - len(row))
        name = cell_text(cells[1])
        counts = dict(zip(COUNT_LABELS, cells[2:2 + len(COUNT_LABELS)], strict=True))
        if all(cell_text(v) == "" for v in counts.values()):
            result.skipped_blank += 1 if name else 0
            continue
        unit_id = _unit_of(index, ids, cells[0], name)
        if unit_id is None:
            errors.append(f"Dòng {number}: không tìm thấy đơn vị “{name}” trong danh mục.")
            continue
        try:
            parse_figures(counts)
        except ValidationError as error:
            errors.append(f"Dòng {number} ({name}): {error}")
            continue
        entries.append((unit_id, counts, cell_text(cells[len(COUNT_LABELS) + 2])))
    if errors:
        more = f"\n… và {len(errors) - MAX_ERRORS} lỗi khác." if len(errors) > MAX_ERRORS else ""
        raise ValidationError(f"Tệp '{result.file_name}' có số liệu không hợp lệ; chưa ghi gì "
                              "vào sổ:\n" + "\n".join(errors[:MAX_ERRORS]) + more)
    return entries


def read_return(register: Register, period_code: str, path: Path,
                officer: str = "") -> ReturnImport:
    """Read a filled return template and save every unit's figures in one transaction."""
    path = Path(path)
    code = parse_period_code(period_code).code
    check_workbook_file(path)
    with open_workbook(path) as book:
        if not book.sheet_names:
            raise ValidationError(f"Tệp '{path.name}' không có trang tính nào.")
        rows = book.grid(book.sheet_names[0]).rows
    _check_period(rows, code, path.name)
    result = ReturnImport(path.name)
    entries = _read_rows(register, rows, result)
    try:
        with register.transaction():
            for unit_id, counts, note in entries:
                result.saved.append(save_figures(register, unit_id, code, counts, note,
                                                 officer))
    except CchcError:
        result.saved.clear()
        raise
    return result
