"""Read the appendix table of a whole plan sent as a Word document or a PDF.

A document is turned into blocks (paragraph texts and tables laid out as value grids, see
docx_blocks.py and pdf_blocks.py); the task table is the table whose header looks most like
one (a budget table before it has fewer meaningful columns), joined with the tables that
continue it (the header repeated, or the same width with only blank lines, page numbers or
initials between). The grid then goes through the same reader as a sheet (headers, rows,
structure, warnings), and the text before the table gives the plan's number, date, issuer and
trích yếu (document_hints.py).
"""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.appendix import ImportWarning, ParsedAppendix
from cchc_desktop.excel.read.document_hints import document_hints
from cchc_desktop.excel.read.document_safety import KIND_DOCX
from cchc_desktop.excel.read.docx_blocks import Block, TableBlock
from cchc_desktop.excel.read.leftovers import is_initials
from cchc_desktop.excel.read.safety import Limits
from cchc_desktop.excel.read.table import read_table
from cchc_desktop.excel.read.workbook import SheetGrid
from cchc_desktop.text.folding import fold

_TABLE_HINT = (
    "cần một bảng có dòng tiêu đề với cột Nội dung/Nhiệm vụ và ít nhất hai cột như TT, "
    "Sản phẩm, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian thực hiện, Kinh phí"
)


def read_document(
    path: Path,
    kind: str,
    table: str | None,
    header_map: dict[str, int] | None,
    limits: Limits,
) -> ParsedAppendix:
    """Read the task table of a .docx or .pdf plan (table: "Bảng 2" to choose one)."""
    if kind == KIND_DOCX:
        from cchc_desktop.excel.read.docx_reader import docx_blocks

        blocks = docx_blocks(path, limits)
    else:
        from cchc_desktop.excel.read.pdf_reader import pdf_blocks

        blocks = pdf_blocks(path, limits)
    tables = [block for block in blocks if isinstance(block, TableBlock)]
    names = [f"Bảng {block.index}" for block in tables]
    chosen, header = _choose(path.name, tables, table)
    grid, last = _joined(blocks, chosen, header)
    parsed = read_table(grid, path.name, header, header_map, names)
    position = blocks.index(chosen)
    after = [block for block in blocks[last + 1 :] if isinstance(block, str)]
    _merge_hints(parsed, document_hints(_in_order(blocks[:position]), after))
    _warn_other_tables(parsed, blocks, tables, (position, last))
    return parsed


def _warn_other_tables(
    parsed: ParsedAppendix, blocks: list[Block], tables: list[TableBlock], used: tuple[int, int]
) -> None:
    """Name the other tables that look like task tables (they are not imported)."""
    for other in tables:
        if used[0] <= blocks.index(other) <= used[1]:
            continue
        header = _header_of(other)
        if header is not None and header.score >= 4:
            parsed.warnings.append(ImportWarning(
                f"Bảng {other.index}", 1,
                f"Bảng {other.index} cũng giống bảng nhiệm vụ nhưng không được nhập; chỉ đọc "
                f"{parsed.sheet} (chọn bảng khác bằng --sheet).",
            ))  # fmt: skip


def _in_order(blocks: list[Block]) -> list[str]:
    """Return the texts of paragraphs and tables (cell by cell) in document order."""
    texts: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            texts.append(block)
        else:
            texts += [text for row in block.rows for text in row if text]
    return texts


def _grid(block: TableBlock) -> SheetGrid:
    """Return a table as a sheet grid."""
    return SheetGrid(f"Bảng {block.index}", [list(row) for row in block.rows], list(block.merged))


def _header_of(block: TableBlock) -> h.HeaderInfo | None:
    """Return the task-table header of a table, if it has one."""
    return h.find_header(_grid(block)) if block.rows else None


def _choose(
    name: str, tables: list[TableBlock], wanted: str | None
) -> tuple[TableBlock, h.HeaderInfo]:
    """Pick the table asked for, or the one whose header looks most like a task table."""
    best: tuple[tuple[int, int], TableBlock, h.HeaderInfo] | None = None
    for block in tables:
        if wanted is not None and fold(wanted) != fold(f"Bảng {block.index}"):
            continue
        header = _header_of(block)
        if header is None:
            continue
        rank = (header.score, -block.index)  # the first of the best: a table split by pages
        if best is None or rank > best[0]:
            best = (rank, block, header)
    if best is None:
        if wanted is not None:
            listed = ", ".join(f"'Bảng {b.index}'" for b in tables) or "(không có bảng nào)"
            raise AppendixError(f"Tệp '{name}' không có bảng '{wanted}'. Các bảng: {listed}.")
        if not tables:
            raise AppendixError(f"Tệp '{name}' không có bảng nào ({_TABLE_HINT}).")
        raise AppendixError(
            f"Tệp '{name}': không bảng nào trong {len(tables)} bảng là bảng nhiệm vụ "
            f"({_TABLE_HINT})."
        )
    return best[1], best[2]


def _joined(
    blocks: list[Block], chosen: TableBlock, header: h.HeaderInfo
) -> tuple[SheetGrid, int]:
    """Join the chosen table with the tables that continue it; return the grid, last block."""
    grid = _grid(chosen)
    width = max((len(row) for row in chosen.rows), default=0)
    last = blocks.index(chosen)
    for index in range(last + 1, len(blocks)):
        block = blocks[index]
        if isinstance(block, str):
            if _between_pages(block):
                continue
            break
        other = _header_of(block)
        same = other is not None and other.columns == header.columns
        if not same and max((len(row) for row in block.rows), default=0) != width:
            break
        offset = len(grid.rows)
        grid.rows += [list(row) for row in block.rows]
        grid.merged += [((r0 + offset, c0), (r1 + offset, c1))
                        for (r0, c0), (r1, c1) in block.merged]  # fmt: skip
        last = index
    return grid, last


def _between_pages(text: str) -> bool:
    """Return True for what may sit between two parts of a table split across pages."""
    stripped = text.strip(" -–")
    return not stripped or stripped.isdigit() or is_initials(stripped) or len(text) <= 3


def _merge_hints(parsed: ParsedAppendix, found: object) -> None:
    """Fill the plan facts the table's own title rows did not give from the document text."""
    hints = parsed.hints
    for key in ("title", "number", "issued_on", "issuer", "year"):
        value = getattr(found, key)
        if value and not getattr(hints, key):
            setattr(hints, key, value)
