"""The body of a Word document as blocks: paragraphs' text and tables as value grids.

Tables become the same grids a sheet gives (rows of texts, 0-based merged ranges): a cell
spanning columns (w:gridSpan) covers them, a cell merged down (w:vMerge) covers the rows under
it, so the table reader fills a lead unit down exactly as for a workbook. The paragraphs of a
cell are joined with new lines; automatic numbering and bullets are written out ("1.", "a)",
"- ") because Word keeps them outside the text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, W_TBL, W_TR, W_TC, W_SDT = W + "p", W + "tbl", W + "tr", W + "tc", W + "sdt"
W_T, W_TAB, W_BR, W_CR, W_VAL = W + "t", W + "tab", W + "br", W + "cr", W + "val"
_TEXT_TAGS = (W_T, W_TAB, W_BR, W_CR)
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


@dataclass
class TableBlock:
    """One table of the document: its rows of cell texts and its merged ranges."""

    index: int
    rows: list[list[str]]
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)


Block = str | TableBlock  # a paragraph's text, or a table


class Numbering:
    """Word's automatic numbering (numbering.xml): the label each numbered paragraph shows."""

    def __init__(self, root: Any | None) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if root is None:
            return
        abstract = {}
        for node in root.iterchildren(W + "abstractNum"):
            levels = {}
            for lvl in node.iterchildren(W + "lvl"):
                fmt = _val(lvl.find(W + "numFmt")) or "decimal"
                text = _val(lvl.find(W + "lvlText")) or ""
                start = int(_val(lvl.find(W + "start")) or "1")
                levels[int(lvl.get(W + "ilvl", "0"))] = (fmt, text, start)
            abstract[node.get(W + "abstractNumId")] = levels
        for num in root.iterchildren(W + "num"):
            self.levels[num.get(W + "numId", "")] = abstract.get(
                _val(num.find(W + "abstractNumId")), {}
            )

    def label(self, paragraph: Any) -> str:
        """Return the number or bullet Word shows before a paragraph ("" when none)."""
        ppr = paragraph.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is None:
            return ""
        num_id = _val(numpr.find(W + "numId")) or ""
        level = int(_val(numpr.find(W + "ilvl")) or "0")
        levels = self.levels.get(num_id)
        if not levels or level not in levels or level > 8:
            return ""
        fmt, text, _start = levels[level]
        if fmt == "bullet" or fmt == "none":
            return "-" if fmt == "bullet" else ""
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[level] = counts[level] + 1 if counts[level] else levels[level][2]
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        for shown in range(level + 1):
            start = levels.get(shown, ("decimal", "", 1))
            value = counts[shown] or start[2]
            text = text.replace(f"%{shown + 1}", _format(start[0], value))
        return text


def _val(node: Any | None) -> str | None:
    """Return the w:val of a node, or None."""
    return None if node is None else node.get(W_VAL)


def _format(fmt: str, value: int) -> str:
    """Write a counter in a numbering format (decimal, letters, Roman numerals)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out = ""
        for amount, numeral in _ROMAN:
            while value >= amount:
                out, value = out + numeral, value - amount
        return out.upper() if fmt == "upperRoman" else out
    return str(value)


def paragraph_text(paragraph: Any, numbering: Numbering) -> str:
    """Return a paragraph's text with its automatic number or bullet written out."""
    parts = []
    for node in paragraph.iter(_TEXT_TAGS):
        tag = node.tag
        if tag == W_T:
            parts.append(node.text or "")
        else:
            parts.append(" " if tag == W_TAB else "\n")
    text = "".join(parts)
    label = numbering.label(paragraph)
    if not label:
        return text
    return f"{label} {text}" if text.strip() else label  # a TT cell numbered by Word


def _cell_text(cell: Any, numbering: Numbering) -> str:
    """Return a cell's paragraphs joined by new lines."""
    texts = [paragraph_text(p, numbering) for p in cell.iter(W_P)]
    return "\n".join(text.strip() for text in texts if text.strip())


def table_block(table: Any, index: int, numbering: Numbering) -> TableBlock:
    """Lay a w:tbl out as a grid: spans across columns and merges down become ranges."""
    block = TableBlock(index, [])
    down: dict[int, list[int]] = {}  # column -> [first row, last row, width] of a vMerge
    for r, tr in enumerate(_children(table, W_TR)):
        row: list[str] = []
        trpr = tr.find(W + "trPr")
        before = trpr.find(W + "gridBefore") if trpr is not None else None
        col = int(_val(before) or "0")
        row.extend([""] * col)
        for tc in _children(tr, W_TC):
            tcpr = tc.find(W + "tcPr")
            span_node = tcpr.find(W + "gridSpan") if tcpr is not None else None
            span = max(1, min(int(_val(span_node) or "1"), 64))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            text = _cell_text(tc, numbering)
            if vmerge is not None and _val(vmerge) in (None, "continue") and col in down:
                down[col][1] = r
                text = ""
            else:
                _close(block, down, col)
                if vmerge is not None:
                    down[col] = [r, r, span]
            row.append(text)
            row.extend([""] * (span - 1))
            if span > 1:
                block.merged.append(((r, col), (r, col + span - 1)))
            col += span
        block.rows.append(row)
    for col in list(down):
        _close(block, down, col)
    return block


def _close(block: TableBlock, down: dict[int, list[int]], col: int) -> None:
    """Record the vertical merge open in a column, if it covers more than one row."""
    found = down.pop(col, None)
    if found is not None and found[1] > found[0]:
        block.merged.append(((found[0], col), (found[1], col + found[2] - 1)))


def _children(node: Any, *tags: str) -> Iterator[Any]:
    """Yield the children with these tags, looking through content controls (w:sdt)."""
    for child in node.iterchildren(*tags, W_SDT):
        if child.tag == W_SDT:
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, *tags)
        else:
            yield child


def body_blocks(body: Any, numbering: Numbering) -> list[Block]:
    """Return the body's paragraphs (text) and tables (grids) in document order."""
    blocks: list[Block] = []
    tables = 0
    for node in _children(body, W_P, W_TBL):
        if node.tag == W_TBL:
            tables += 1
            blocks.append(table_block(node, tables, numbering))
        else:
            blocks.append(paragraph_text(node, numbering).strip())
    return blocks
