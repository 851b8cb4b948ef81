"""Tables of a PDF page laid out as value grids, with or without ruling lines.

- Ruled: pdfplumber finds the cells from the lines; a cell whose box covers several rows or
  columns becomes a merged range, exactly like a merged cell of a workbook.
- Without lines: the header row gives the columns. Its words are grouped into labels (a gap
  wider than a few spaces separates two labels) and every label's left edge starts a column
  ("Chủ trì" / "Phối hợp" under "Cơ quan thực hiện" start two). Each word below goes to the
  column it starts in; a line whose TT column holds text, or that sits further below the line
  above than lines of one cell do, starts a new row, otherwise it continues the row above.
The lines of one cell are joined with a space (a "- " item keeps its own line; a token cut at
the line end, "45/2016/QĐ-" + "TTg", is joined without one).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import median
from typing import Any

from cchc_desktop.excel.read.docx_blocks import TableBlock
from cchc_desktop.excel.read.headers import header_columns
from cchc_desktop.excel.read.row_numbers import NUM_NONE, NUM_OTHER, parse_number

_WORDS = {"x_tolerance": 1.5, "y_tolerance": 2.5, "keep_blank_chars": False}
_LABEL_GAP = 7.0  # points between two labels of one header line
_SAME_START = 4.0  # two left edges closer than this start the same column
_NEW_LINE_MARKS = ("- ", "+ ", "• ", "* ")


@dataclass
class Line:
    """One text line of a page: its words (x0, x1, text) and position."""

    words: list[tuple[float, float, str]]
    top: float
    bottom: float

    @property
    def x0(self) -> float:
        """Return the left edge of the line."""
        return self.words[0][0]

    @property
    def text(self) -> str:
        """Return the line's words joined by spaces."""
        return " ".join(word[2] for word in self.words)


def page_lines(page: Any) -> list[Line]:
    """Return a page's words grouped into lines, top to bottom."""
    lines: list[Line] = []
    words = sorted(page.extract_words(**_WORDS), key=lambda w: (round(w["top"]), w["x0"]))
    for word in words:
        item = (float(word["x0"]), float(word["x1"]), str(word["text"]))
        if lines and abs(word["top"] - lines[-1].top) <= 2.5:
            lines[-1].words.append(item)
            lines[-1].bottom = max(lines[-1].bottom, float(word["bottom"]))
        else:
            lines.append(Line([item], float(word["top"]), float(word["bottom"])))
    for line in lines:
        line.words.sort()
    return lines


def join_lines(lines: list[str]) -> str:
    """Join the lines of one cell (new line only before a "- " item)."""
    text = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not text:
            text = line
        elif line.startswith(_NEW_LINE_MARKS):
            text += "\n" + line
        elif text[-1] in "-/" and len(text) > 1 and not text[-2].isspace() and line[0].isalnum():
            text += line
        else:
            text += " " + line
    return text


def ruled_table(table: Any) -> TableBlock:
    """Lay out a ruled pdfplumber table as a grid with its merged ranges."""
    texts = table.extract(x_tolerance=1.5)
    block = TableBlock(0, [[join_lines((cell or "").split("\n")) for cell in row] for row in texts])
    xs = sorted({round(box[0], 1) for row in table.rows for box in row.cells if box})
    tops = [row.bbox[1] for row in table.rows]
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            if box is None:
                continue
            c1 = max(c, sum(1 for x in xs if x < box[2] - 1) - 1)
            r1 = max(r, sum(1 for top in tops if top < box[3] - 1) - 1)
            if c1 > c or r1 > r:
                block.merged.append(((r, c), (r1, c1)))
    return block


def _labels(line: Line) -> list[tuple[float, str]]:
    """Group a line's words into labels separated by wide gaps; return (left edge, text)."""
    labels: list[tuple[float, str]] = []
    right = -1e9
    for x0, x1, text in line.words:
        if labels and x0 - right <= _LABEL_GAP:
            labels[-1] = (labels[-1][0], f"{labels[-1][1]} {text}")
        else:
            labels.append((x0, text))
        right = x1
    return labels


@dataclass
class UnruledTable:
    """A table without ruling lines: the left edges of its columns, from its header."""

    starts: list[float]
    signature: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_header(cls, lines: list[Line], index: int) -> UnruledTable | None:
        """Return the table whose header starts at lines[index], or None if it is no header."""
        labels = _labels(lines[index])
        columns = header_columns([text for _x, text in labels])
        if len(labels) < 3 or not columns:
            return None
        starts = [x for x, _text in labels]
        for line in lines[index + 1 : index + 4]:
            if line.top - lines[index].bottom > 40 or line.x0 < starts[1] - _SAME_START:
                break
            starts += [x for x, _text in _labels(line)]
        merged: list[float] = []
        for x in sorted(starts):
            if not merged or x - merged[-1] > _SAME_START:
                merged.append(x)
        return cls(merged, columns)

    def column(self, x0: float) -> int:
        """Return the column a word starting at x0 falls in."""
        found = 0
        for index, start in enumerate(self.starts):
            if x0 >= start - 2:
                found = index
        return found

    def _cells(self, line: Line) -> list[list[str]]:
        """Return a line's words as texts per column."""
        cells: list[list[str]] = [[] for _ in self.starts]
        for x0, _x1, text in line.words:
            cells[self.column(x0)].append(text)
        return cells

    def _is_header(self, lines: list[Line], index: int) -> bool:
        """Return True when lines[index] repeats this table's header."""
        found = UnruledTable.from_header(lines, index)
        return found is not None and found.signature == self.signature

    def crosses(self, line: Line) -> bool:
        """Return True for running text: a word straddles a column's left edge."""
        starts = self.starts[1:]
        return any(x0 < start - 2 < x1 - 4 for x0, x1, _t in line.words for start in starts)

    def lay_out(self, lines: list[Line]) -> tuple[TableBlock, int]:
        """Group the page's lines under the header into rows; return them and the lines used.

        The table ends at running text under it (a paragraph whose words cross the columns).
        """
        gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)]
        step = median(gaps) + 2.5 if gaps else 0.0
        rows: list[list[list[str]]] = []
        header_lines = 0
        used = len(lines)
        for index, line in enumerate(lines):
            cells = self._cells(line)
            numbered = parse_number(" ".join(cells[0]))[1] not in (NUM_NONE, NUM_OTHER)
            if not header_lines and not numbered and rows and self.crosses(line):
                used = index
                break
            if header_lines:  # a line of the header block: joined into the header row
                header_lines -= 1
                for col, words in enumerate(cells):
                    rows[-1][col] += words
                continue
            if self._is_header(lines, index):
                header_lines = self._header_height(lines, index)
                rows.append(cells)
                continue
            new_row = bool(cells[0]) or not rows or index == 0
            new_row = new_row or line.top - lines[index - 1].bottom > step
            if new_row:
                rows.append([[" ".join(words)] if words else [] for words in cells])
            else:
                for col, words in enumerate(cells):
                    if words:
                        rows[-1][col].append(" ".join(words))
        return TableBlock(0, [[join_lines(cell) for cell in row] for row in rows]), used

    def _header_height(self, lines: list[Line], index: int) -> int:
        """Return how many lines under the header's first line still belong to it."""
        count = 0
        for line in lines[index + 1 : index + 4]:
            if line.top - lines[index + count].bottom > 12 or line.x0 < self.starts[1] - 2:
                break
            count += 1
        return count
