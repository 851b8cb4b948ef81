"""Read the rows under a found header of one grid (a sheet, or a document's table).

The pipeline after the header is found: the header area (title rows → plan hints, merged header
spans, unknown columns), the first pass over the rows (rows.py), joined split rows and sections,
groups and tasks (structure.py), then the total checks. Shared by the workbook reader
(reader.py) and the Word/PDF reader (documents.py).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.appendix import (
    ROW_HEADER,
    ROW_IGNORED,
    ImportWarning,
    ParsedAppendix,
    RowInfo,
)
from cchc_desktop.excel.read.hints import parse_hints
from cchc_desktop.excel.read.rows import BodyScanner
from cchc_desktop.excel.read.structure import build_structure, check_totals, merge_split_rows
from cchc_desktop.excel.read.workbook import MAX_CELL_CHARS, SheetGrid, cell_text, cut_long_cells


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
    return read_parsed_table(parsed, grid, header, header_map)


def read_parsed_table(
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
    with no_cyclic_gc():
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
def no_cyclic_gc() -> Iterator[None]:
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
