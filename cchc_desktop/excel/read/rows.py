"""First pass over the table body: one Line per row that may hold a task, row kinds, totals.

Blank rows, repeated headers (PDF page breaks), column-number rows, the "Tổng cộng" row, the
"(Bằng chữ: …)" row and the signature block under the table are recognised here; every other
row becomes a Line with its number and cell texts for the structure pass (structure.py).
"""

from __future__ import annotations

import operator
import re
from dataclasses import dataclass, field
from math import isfinite

from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read import leftovers as lo
from cchc_desktop.excel.read.amounts import budget_unit, parse_budget
from cchc_desktop.excel.read.appendix import (
    ROW_HEADER,
    ROW_IGNORED,
    ROW_TOTAL,
    ImportWarning,
    ParsedAppendix,
    RowInfo,
)
from cchc_desktop.excel.read.lines import (
    DETAIL_FIELDS,
    F_CONTENT,
    F_LEAD,
    F_NOTES,
    F_PARTNER,
    F_RESULT,
    F_TIME,
    FILL_DOWN_KEYS,
    TEXT_KEYS,
    Line,
)
from cchc_desktop.excel.read.row_numbers import (
    NUM_ARABIC,
    NUM_LETTER,
    NUM_NONE,
    NUM_OTHER,
    NUM_ROMAN,
    heading_in_content,
    number_in_content,
    parse_number,
    split_title,
)
from cchc_desktop.excel.read.workbook import CellValue, SheetGrid, cell_text
from cchc_desktop.text.folding import fold

_PAGE_RE = re.compile(r"^(?:trang\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?$|^[-–]\s?\d{1,4}\s?[-–]$")
_TOTAL_RE = re.compile(
    r"^tong cong\b|^(tong so|tong|cong)((?: (?:kinh phi|chung|trieu dong|dong|[ivxlc0-9]+))*)$"
)
_NUMBER_IN_TEXT_RE = re.compile(r"\d[\d.,]*")
_WORDS_RE = re.compile(r"^\W*(?:so tien\s+)?(?:viet\s+)?b[a-z]{1,4}\s*chu\b")
_FOOTER_RE = re.compile(
    r"^(?:noi nhan|(?:kt|tm|tl|tuq|q)\.\s|nguoi lap|nguoi ky)"
    r"|^(?:pho )?(?:giam doc|chu tich|chanh thanh tra|chanh van phong|truong phong)$"
)
_PUNCT_RE = re.compile(r"[^\w]+")
_PLAIN_NUMBERS = (NUM_ARABIC, NUM_ROMAN)


@dataclass
class BodyScan:
    """What the first pass found besides the Lines."""

    lines: list[Line] = field(default_factory=list)
    total_row: int = 0
    total_column: str | None = None


class BodyScanner:
    """Walk the rows under the header of one sheet, filling rows, totals and warnings."""

    def __init__(self, grid: SheetGrid, header: h.HeaderInfo, parsed: ParsedAppendix) -> None:
        self.grid = grid
        self.header = header
        self.parsed = parsed
        columns = header.columns
        self.cols = [columns.get(key, -1) for key in TEXT_KEYS]
        self.num_col = columns.get(h.NUMBER, -1)
        self.budget_col = columns.get(h.BUDGET, -1)
        label = header.labels[self.budget_col] if self.budget_col >= 0 else ""
        self.budget_mul, self.budget_div = budget_unit(label)
        self.extra_cols = sorted(
            [*header.unknown, *((col, label) for col, label, _key in header.duplicates)]
        )
        self.content_col = self.cols[F_CONTENT]
        labelled = [col + 1 for col, label in enumerate(header.labels) if label]
        spanned = [col + 1 for cols in header.spans.values() for col in cols]
        self.width = max([*labelled, *spanned, *(col + 1 for col in columns.values())])
        self.spans = [(TEXT_KEYS.index(key), cols) for key, cols in header.spans.items()]
        # a missing column reads the empty text appended after the row's last cell
        self.field_getter = operator.itemgetter(*(col if col >= 0 else -1 for col in self.cols))
        self.shared_tops: dict[int, int] = {}
        self.filled_rows: dict[int, int] = {}
        self.block_rows: set[int] = set()
        self.page_numbers = lo.PageNumbers()
        self.scan = BodyScan()
        self.state = "open"  # then "total" (below Tổng cộng) or "closed" (signature block)
        self.after_header = False
        self._numbers: dict[str, tuple[str, int, int]] = {}

    def warn(self, row: int, message: str, col: int | None = None) -> None:
        """Record a warning located by sheet, row and column."""
        letter = h.column_letter(col) if col is not None and col >= 0 else None
        self.parsed.warnings.append(ImportWarning(self.grid.name, row, message, letter))

    def run(self) -> BodyScan:
        """Classify every row from the first body row to the end of the sheet."""
        self._fill_merged_down()
        rows = self.grid.rows
        index = self.header.first_body
        while index < len(rows):
            index = self._row(index, rows[index])
        return self.scan

    def _row(self, index: int, row: list[CellValue]) -> int:
        """Classify one row; return the index of the next row to look at."""
        if len(row) > self.width:  # cells right of the table (or a stray far-away cell)
            row = row[: self.width]
        texts = [v.strip() if type(v) is str else cell_text(v) for v in row]
        if len(texts) < self.width:
            texts += [""] * (self.width - len(texts))
        info = RowInfo(index + 1, ROW_IGNORED, texts)
        self.parsed.rows.append(info)
        number_text = texts[self.num_col] if self.num_col >= 0 else ""
        number = self._numbers.get(number_text)
        if number is None:
            number = self._numbers[number_text] = parse_number(number_text)
        fast = number[1] in _PLAIN_NUMBERS and len(texts[self.content_col]) > 4
        if fast and self.state == "open":
            self._add_line(info, row, texts, number)
            return index + 1
        if not any(texts):
            return index + 1
        if self.state != "open":
            self._after_table(info, texts)
        elif h.is_repeated_header(row, self.header) or self._header_like(info, texts, number):
            info.kind = ROW_HEADER
            if self.state != "open":
                return index + 1
            self.after_header = True
            return self._skip_header_tail(index + 1)
        else:
            kind = self._special_row(info, row, texts)
            if kind in ("total", "closed"):
                self.state = kind
            elif kind == "":
                self._add_line(info, row, texts, number)
        return index + 1

    def _header_like(self, info: RowInfo, texts: list[str], number: tuple[str, int, int]) -> bool:
        """Recognise a header reworded at a page break, or the header of another table."""
        if number[1] != NUM_OTHER or len(number[0]) > 12:
            return False
        columns = h.header_columns(texts)
        if not columns:
            return False
        if any(self.header.columns.get(key) != col for key, col in columns.items()):
            self.warn(
                info.row,
                "Một bảng khác bắt đầu từ dòng này (tiêu đề cột khác bảng nhiệm vụ); bảng đó "
                "không được nhập.",
            )
            self.state = "closed"
        return True

    def _skip_header_tail(self, index: int) -> int:
        """Mark the second header row and a column-number row after a repeated header."""
        rows = self.grid.rows
        for _ in range(self.header.height):
            if index >= len(rows):
                break
            row = rows[index]
            texts = [cell_text(v) for v in row]
            second = self.header.height == 2 and self._looks_like_sub_header(texts)
            if not (second or h.is_column_number_row(row)):
                break
            self.parsed.rows.append(RowInfo(index + 1, ROW_HEADER, texts))
            index += 1
        return index

    def _looks_like_sub_header(self, texts: list[str]) -> bool:
        """Return True for the lower row of a repeated two-row header."""
        if not any(texts) or any(len(text) > 60 for text in texts):
            return False
        labels = self.header.labels
        found = sum(
            1 for col, text in enumerate(texts[: len(labels)]) if text and text in labels[col]
        )
        return found >= 2

    def _special_row(self, info: RowInfo, row: list[CellValue], texts: list[str]) -> str:
        """Recognise column-number, total, amount-in-words and footer rows."""
        if h.is_column_number_row(row):
            return "ignored"
        label = next(text for text in texts if text)
        if len(label) <= 60 and label[0] in "TtCc":
            folded = _PUNCT_RE.sub(" ", fold(label)).strip()
            if _TOTAL_RE.match(folded):
                info.kind = ROW_TOTAL
                if folded.startswith("tong"):
                    self._declared_total(info, row, texts)
                    return "total"
                return "subtotal"
        if self._amount_in_words(info, label):
            return "words"
        lone = len(label) <= 12 and sum(1 for text in texts if text) == 1
        if lone and not self._has_number(texts) and _PAGE_RE.match(fold(label)):
            self.after_header = True  # a page number left by a PDF conversion ("Trang 2", "- 4 -")
            return "ignored"
        if lone and lo.is_initials(label):
            self.after_header = True
            self.warn(info.row, lo.initials_message(label))
            return "ignored"
        if lo.is_note(label):
            self.warn(info.row, lo.NOTE_MESSAGE)
            return "closed"
        if len(label) <= 60 and not self._has_number(texts) and _FOOTER_RE.match(fold(label)):
            return "closed"
        return ""

    def _has_number(self, texts: list[str]) -> bool:
        """Return True when the TT cell holds a row number."""
        col = self.num_col
        return 0 <= col < len(texts) and parse_number(texts[col])[1] != NUM_NONE

    def _amount_in_words(self, info: RowInfo, label: str) -> bool:
        """Recognise "(Bằng chữ: …)" (typos such as "Bảng chữ" included)."""
        if len(label) > 400 or "ch" not in label.lower():
            return False
        if not _WORDS_RE.match(fold(label)):
            return False
        info.kind = ROW_TOTAL
        if self.parsed.amount_in_words is None:
            self.parsed.amount_in_words = label
            self.scan.total_row = self.scan.total_row or info.row
        return True

    def _declared_total(self, info: RowInfo, row: list[CellValue], texts: list[str]) -> None:
        """Read the declared total from the budget cell (or the row's last number)."""
        candidates = [self.budget_col] if 0 <= self.budget_col < len(row) else []
        candidates += [col for col in range(len(row) - 1, -1, -1) if col not in candidates]
        for col in candidates:
            if not texts[col] or (col == self.num_col and col != self.budget_col):
                continue
            amount, understood = parse_budget(row[col])
            if understood and amount is not None:
                self.parsed.declared_total = self.to_million(amount)
                self.scan.total_row = info.row
                self.scan.total_column = h.column_letter(col)
                return
        label = next(text for text in texts if text)  # "Tổng cộng: 93 triệu đồng"
        numbers = _NUMBER_IN_TEXT_RE.findall(label)
        amount = parse_budget(numbers[-1].rstrip(".,"))[0] if numbers else None
        if amount is not None:
            self.parsed.declared_total = self.to_million(amount)
            self.scan.total_row = info.row

    def _after_table(self, info: RowInfo, texts: list[str]) -> None:
        """Below the total or the signature block: keep only the amount in words."""
        label = next(text for text in texts if text)
        if self.state == "total" and self._amount_in_words(info, label):
            return
        if lo.is_note(label):
            self.warn(info.row, lo.NOTE_MESSAGE)
            return
        content_col = self.cols[F_CONTENT]
        if self._has_number(texts) and 0 <= content_col < len(texts) and texts[content_col]:
            self.warn(
                info.row,
                "Dòng này nằm dưới dòng Tổng cộng / phần ký tên nên không được nhập; "
                "nếu đây là nhiệm vụ, hãy chuyển nó lên trong bảng.",
            )

    def _add_line(
        self, info: RowInfo, row: list[CellValue], texts: list[str], number: tuple[str, int, int]
    ) -> None:
        """Build the Line of a row that may be a section, group or task."""
        texts.append("")  # missing columns point at this extra empty text
        fields = list(self.field_getter(texts))
        texts.pop()
        if self.spans:
            _join_spans(fields, texts, self.spans)
        line = Line(info, number[0], number[1], number[2], fields)
        if number[1] == NUM_OTHER and not fields[F_CONTENT]:
            line.number, line.num_kind, line.level, fields[F_CONTENT] = split_title(number[0])
        elif self.num_col < 0 and (found := number_in_content(fields[F_CONTENT])):
            line.number, line.num_kind, line.level, fields[F_CONTENT] = found
        if self.shared_tops or self.block_rows:
            line.shared = self.shared_tops.get(info.row - 1, 0)
            line.filled = self.filled_rows.get(info.row - 1, 0)
            line.block = info.row - 1 in self.block_rows
        if line.num_kind == NUM_NONE and fields[F_CONTENT] and not line.block:
            self._heading_in_content(line)
        if "-" in "\x00".join(fields):
            self._drop_page_numbers(line)
        if 0 <= self.budget_col < len(row):
            value = row[self.budget_col]
            if (type(value) is float and isfinite(value)) or type(value) is int:
                line.budget = value * self.budget_mul / self.budget_div
            elif texts[self.budget_col]:
                self._budget(line, value, texts[self.budget_col])
        if self.extra_cols:
            self._keep_extra_columns(line, texts)
        line.after_header = self.after_header
        self.after_header = False
        self.scan.lines.append(line)

    def _heading_in_content(self, line: Line) -> None:
        """Read "I. CẢI CÁCH THỂ CHẾ" typed in the content cell of a row with nothing else."""
        fields = line.fields
        if any(fields[i] and not line.filled >> i & 1 for i in DETAIL_FIELDS):
            return
        found = heading_in_content(fields[F_CONTENT])
        if found is not None:
            line.number, line.num_kind, line.level, fields[F_CONTENT] = found

    def _drop_page_numbers(self, line: Line) -> None:
        """Remove a page number ("- 4 -") a PDF conversion left inside a cell, with a warning."""
        for index, token in self.page_numbers.drop(line.fields, F_CONTENT):
            col = self.cols[index]
            self.warn(line.row, lo.page_number_message(h.column_letter(col), line.row, token), col)

    def to_million(self, amount: float | None) -> float | None:
        """Convert an amount in the budget column's unit to millions of đồng."""
        if amount is None or self.budget_mul == self.budget_div:
            return amount
        return amount * self.budget_mul / self.budget_div

    def _budget(self, line: Line, value: CellValue, text: str) -> None:
        """Read a budget cell; keep unreadable text in the notes with a warning."""
        amount, understood = parse_budget(value)
        if understood:
            line.budget = self.to_million(amount)
            return
        self.warn(
            line.row,
            f"Cột {h.column_letter(self.budget_col)} (Kinh phí): '{text}' không phải là số; "
            "kinh phí để trống, chữ được giữ trong Ghi chú.",
            self.budget_col,
        )
        _append_note(line, f"Kinh phí: {text}")

    def _keep_extra_columns(self, line: Line, texts: list[str]) -> None:
        """Keep the text of unrecognised columns in the notes (never drop it silently)."""
        for col, label in self.extra_cols:
            if col < len(texts) and texts[col]:
                _append_note(line, f"{label}: {texts[col]}")

    def _fill_merged_down(self) -> None:
        """Copy a cell merged down over several rows (e.g. one lead unit) into each row."""
        bits = {
            self.header.columns[key]: 1 << TEXT_KEYS.index(key)
            for key in FILL_DOWN_KEYS
            if key in self.header.columns
        }
        found = lo.fill_merged_down(self.grid, self.header.first_body, bits, self.num_col)
        self.shared_tops, self.filled_rows, self.block_rows = found


def _join_spans(fields: list[str], texts: list[str], spans: list[tuple[int, list[int]]]) -> None:
    """Join the texts of the columns under a merged header cell (units with a comma)."""
    for index, cols in spans:
        separator = ", " if index in (F_LEAD, F_PARTNER) else " "
        parts = [fields[index], *(texts[col] for col in cols)]
        fields[index] = separator.join(part for part in parts if part)


def _append_note(line: Line, note: str) -> None:
    """Add a note to a line's Ghi chú text."""
    notes = line.fields[F_NOTES]
    line.fields[F_NOTES] = f"{notes}; {note}" if notes else note


# re-exported for structure.py and the classifier tests
__all__ = [
    "DETAIL_FIELDS", "F_CONTENT", "F_LEAD", "F_NOTES", "F_PARTNER", "F_RESULT", "F_TIME", "Line",
    "NUM_ARABIC", "NUM_LETTER", "NUM_NONE", "NUM_OTHER", "NUM_ROMAN", "parse_number",
]  # fmt: skip
