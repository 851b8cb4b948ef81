"""Read a plan appendix (phụ lục) from an untrusted workbook into a ParsedAppendix.

The pipeline: safety checks on the file (size, zip bomb, not a spreadsheet) → python-calamine
values of every sheet → the sheet whose header looks like a task table → first pass over the
rows (rows.py) → joined split rows and sections/groups/tasks (structure.py) → total checks.
Recoverable problems become warnings located by sheet, row and column; an AppendixError with a
Vietnamese message is raised only when nothing sensible can be read.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.appendix import (
    ROW_HEADER,
    ROW_IGNORED,
    ImportWarning,
    ParsedAppendix,
    RowInfo,
)
from cchc_desktop.excel.read.document_safety import sniff_document
from cchc_desktop.excel.read.hints import parse_hints
from cchc_desktop.excel.read.json_out import appendix_to_json
from cchc_desktop.excel.read.rows import BodyScanner
from cchc_desktop.excel.read.safety import DEFAULT_LIMITS, Limits, check_workbook
from cchc_desktop.excel.read.structure import build_structure, check_totals, merge_split_rows
from cchc_desktop.excel.read.workbook import (
    MAX_CELL_CHARS,
    SheetGrid,
    Workbook,
    cell_text,
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
    with _no_cyclic_gc(), open_workbook(path, cut_long_texts=long_texts) as book:
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
    return _read_table(parsed, grid, header, header_map)


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
    return _read_table(parsed, grid, header, header_map)


def read_table(
    grid: SheetGrid,
    file_name: str,
    header: h.HeaderInfo,
    header_map: dict[str, int] | None = None,
    sheet_names: list[str] | None = None,
) -> ParsedAppendix:
    """Read the rows under a found header of a grid (a document's table) into an appendix."""
    parsed = ParsedAppendix(file_name=file_name, sheet=grid.name, sheet_names=sheet_names or [])
    grid.cut += cut_long_cells(grid.rows)
    return _read_table(parsed, grid, header, header_map)


def _read_table(
    parsed: ParsedAppendix,
    grid: SheetGrid,
    header: h.HeaderInfo,
    header_map: dict[str, int] | None,
) -> ParsedAppendix:
    """Read the rows under a found header into sections, groups and tasks."""
    if header_map is not None:
        header = h.with_mapping(
            header, header_map, f"Tệp '{parsed.file_name}', trang '{grid.name}'"
        )
    _read_header_area(parsed, grid, header)
    _report_cut_cells(parsed, grid)
    scanner = BodyScanner(grid, header, parsed)
    with _no_cyclic_gc():
        scan = scanner.run()
        build_structure(merge_split_rows(scan.lines, scanner), parsed, scanner)
    if not parsed.tasks:
        raise AppendixError(
            f"Tệp '{parsed.file_name}', trang '{grid.name}': tìm thấy dòng tiêu đề ở dòng "
            f"{header.row + 1} nhưng không có nhiệm vụ nào bên dưới."
        )
    check_totals(parsed, scan, scanner)
    parsed.warnings.sort(key=lambda warning: (warning.sheet != grid.name, warning.row))
    return parsed


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small objects (no cycles)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # move the new objects to the oldest generation at once (freeze, then unfreeze)
            # rather than let the first young collection walk them all (~10 ms per 10,000 rows)
            gc.freeze()
            gc.unfreeze()
            gc.enable()


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


def _read_header_area(parsed: ParsedAppendix, grid: SheetGrid, header: h.HeaderInfo) -> None:
    """Fill the header mapping, the rows above the table and the plan hints."""
    parsed.header_map = dict(header.columns)
    parsed.header_row = header.row + 1
    title_lines: list[str] = []
    for index in range(header.first_body):
        texts = [cell_text(value) for value in grid.rows[index]]
        in_header = header.row <= index < header.row + header.height
        parsed.rows.append(RowInfo(index + 1, ROW_HEADER if in_header else ROW_IGNORED, texts))
        if index < header.row and any(texts):
            title_lines.append(" ".join(text for text in texts if text))
    parsed.hints = parse_hints(title_lines)
    _report_spans(parsed, grid, header)
    _report_extra_columns(parsed, grid, header)


def _report_cut_cells(parsed: ParsedAppendix, grid: SheetGrid) -> None:
    """Warn about each text cut to the length an Excel cell holds."""
    most = f"{MAX_CELL_CHARS:,}".replace(",", ".")
    for row, col, length in grid.cut:
        letter = h.column_letter(col)
        parsed.warnings.append(
            ImportWarning(
                grid.name,
                row + 1,
                f"Ô {letter}{row + 1} dài {f'{length:,}'.replace(',', '.')} ký tự, quá giới hạn "
                f"{most} ký tự của một ô Excel; chỉ giữ {most} ký tự đầu, hãy kiểm tra lại ô này.",
                letter,
            )
        )


def _report_spans(parsed: ParsedAppendix, grid: SheetGrid, header: h.HeaderInfo) -> None:
    """Say which columns under a merged header cell are joined to its field."""
    for key, cols in header.spans.items():
        first = h.column_letter(header.columns[key])
        letters = ", ".join(h.column_letter(col) for col in cols)
        label = header.labels[header.columns[key]]
        parsed.warnings.append(
            ImportWarning(
                grid.name,
                header.row + 1,
                f"Tiêu đề '{label}' được gộp ô từ cột {first} sang cột {letters}; chữ ở cột "
                f"{letters} được nối vào {h.FIELD_LABELS[key]} của từng dòng. Nếu cột này có "
                "nghĩa khác, hãy gán lại cột khi xem trước.",
                h.column_letter(cols[0]),
            )
        )


def _report_extra_columns(parsed: ParsedAppendix, grid: SheetGrid, header: h.HeaderInfo) -> None:
    """Warn about header columns that are not read as such (their text goes to the notes)."""
    duplicates = {col: key for col, _label, key in header.duplicates}
    extra = sorted([*header.unknown, *((col, label) for col, label, _key in header.duplicates)])
    for col, label in extra:
        parsed.unknown_columns.append(label)
        letter = h.column_letter(col)
        if col in duplicates:
            key = duplicates[col]
            first = h.column_letter(header.columns[key])
            meaning = f"trùng nghĩa với cột {first} ({h.FIELD_LABELS[key]})"
        else:
            meaning = "không nhận ra nghĩa"
        parsed.warnings.append(
            ImportWarning(
                grid.name,
                header.row + 1,
                f"Cột {letter} ('{label}') {meaning}; nội dung của cột được giữ trong Ghi chú "
                "của từng nhiệm vụ.",
                letter,
            )
        )
