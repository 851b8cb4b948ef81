"""Read a plan appendix (phụ lục) from an untrusted workbook into a ParsedAppendix.

The pipeline: safety checks on the file (size, zip bomb, not a spreadsheet) → python-calamine
values of every sheet → the sheet whose header looks like a task table → first pass over the
rows (table.py, rows.py) → joined split rows and sections/groups/tasks (structure.py) → total
checks. A Word document or a PDF goes to documents.py instead.
Recoverable problems become warnings located by sheet, row and column; an AppendixError with a
Vietnamese message is raised only when nothing sensible can be read.
"""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.appendix import (
    ImportWarning,
    ParsedAppendix,
)
from cchc_desktop.excel.read.document_safety import sniff_document
from cchc_desktop.excel.read.json_out import appendix_to_json
from cchc_desktop.excel.read.safety import DEFAULT_LIMITS, Limits, check_workbook
from cchc_desktop.excel.read.table import no_cyclic_gc, read_parsed_table, read_table
from cchc_desktop.excel.read.workbook import (
    SheetGrid,
    Workbook,
    cut_long_cells,
    open_workbook,
)
from cchc_desktop.text.folding import fold

__all__ = ["appendix_to_json", "read_appendix", "read_grid", "read_table"]

_TABLE_HINT = (
    "cần một dòng tiêu đề có cột Nội dung/Nhiệm vụ và ít nhất hai cột như TT, Sản phẩm, "
    "Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Kinh phí"
)


def read_appendix(
    path: str | Path,
    sheet: str | None = None,
    *,
    header_map: dict[str, int] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ParsedAppendix:
    """Read the task table of an appendix workbook (.xlsx, .xlsm, .xls, .ods) or plan (.docx, .pdf).

    header_map (column key → 0-based column) replaces the detected column meanings, for the
    preview where the officer reassigns a column.
    """
    path = Path(path)
    document = sniff_document(path)
    if document is not None:  # a whole plan as a Word document or a PDF
        from cchc_desktop.excel.read.documents import read_document

        return read_document(path, document, sheet, header_map, limits)
    _kind, long_texts = check_workbook(path, limits)
    with no_cyclic_gc(), open_workbook(path, cut_long_texts=long_texts) as book:
        grid, header, others = _choose_sheet(book, sheet)
        sheet_names = list(book.sheet_names)
    parsed = ParsedAppendix(file_name=path.name, sheet=grid.name, sheet_names=sheet_names)
    for other_name, other_row in others:
        parsed.warnings.append(
            ImportWarning(
                other_name,
                other_row + 1,
                f"Trang '{other_name}' cũng có bảng nhiệm vụ nhưng không được nhập; chỉ "
                f"đọc trang '{grid.name}' (chọn trang khác bằng --sheet).",
            )
        )
    return read_parsed_table(parsed, grid, header, header_map)


def read_grid(
    grid: SheetGrid, file_name: str = "", header_map: dict[str, int] | None = None
) -> ParsedAppendix:
    """Read the task table of one sheet already in memory (values as python-calamine gives)."""
    header = h.find_header(grid)
    if header is None:
        raise AppendixError(
            f"Tệp '{file_name}', trang '{grid.name}': không tìm thấy bảng nhiệm vụ ({_TABLE_HINT})."
        )
    parsed = ParsedAppendix(file_name=file_name, sheet=grid.name, sheet_names=[grid.name])
    grid.cut += cut_long_cells(grid.rows)
    return read_parsed_table(parsed, grid, header, header_map)


def _choose_sheet(
    book: Workbook, wanted: str | None
) -> tuple[SheetGrid, h.HeaderInfo, list[tuple[str, int]]]:
    """Pick the sheet with a task table (or the one asked for); name the others found."""
    if wanted is not None:
        grid = book.grid(_sheet_name(book, wanted))
        header = h.find_header(grid)
        if header is None:
            raise AppendixError(
                f"Tệp '{book.file_name}', trang '{grid.name}': không tìm thấy bảng nhiệm vụ "
                f"({_TABLE_HINT})."
            )
        return grid, header, []
    found: list[tuple[str, int]] = []
    # only the best grid so far is kept: memory never holds more than two sheets
    best: tuple[tuple[bool, int, int], SheetGrid, h.HeaderInfo] | None = None
    for index, name in enumerate(book.sheet_names):
        grid = book.grid(name)
        header = h.find_header(grid)
        if header is None:
            continue
        found.append((name, header.row))
        rank = (not grid.hidden, header.score, -index)
        if best is None or rank > best[0]:
            best = (rank, grid, header)
    if best is None:
        names = ", ".join(f"'{name}'" for name in book.sheet_names) or "(không có trang nào)"
        raise AppendixError(
            f"Tệp '{book.file_name}': không trang nào có bảng nhiệm vụ ({_TABLE_HINT}). "
            f"Các trang đã xem: {names}."
        )
    _rank, grid, header = best
    return grid, header, [pair for pair in found if pair[0] != grid.name]


def _sheet_name(book: Workbook, wanted: str) -> str:
    """Find a sheet by exact name, else ignoring case, marks and spaces."""
    if wanted in book.sheet_names:
        return wanted
    folded = fold(wanted)
    for name in book.sheet_names:
        if fold(name) == folded:
            return name
    names = ", ".join(f"'{name}'" for name in book.sheet_names)
    raise AppendixError(
        f"Tệp '{book.file_name}' không có trang '{wanted}'. Các trang trong tệp: {names}."
    )
