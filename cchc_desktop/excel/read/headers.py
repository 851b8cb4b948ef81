"""Find the task table's header row(s) in a sheet and map columns by meaning.

Headers are matched on folded text (no case, marks or extra spaces), so "Nội dung, nhiệm vụ",
"NHIỆM VỤ CỤ THỂ" and "Nội dung" all mean the content column. A two-row header ("Cơ quan thực
hiện" over "Chủ trì | Phối hợp") is read as the column's two texts joined; a column-number row
("(1) (2) (3)" or "1 2 3") right under the header is skipped. A header cell merged across
columns ("Nội dung" over B:C) covers them all: the texts of the covered columns are joined.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.workbook import CellValue, MergedRange, SheetGrid, cell_text
from cchc_desktop.text.folding import fold

NUMBER = "number"
CONTENT = "content"
RESULT = "result"
LEAD = "lead_units"
PARTNER = "partner_units"
TIMEFRAME = "timeframe"
BUDGET = "budget"
NOTES = "notes"

# How each column is named in messages ("cột G (Kinh phí)").
FIELD_LABELS = {
    NUMBER: "TT",
    CONTENT: "Nội dung",
    RESULT: "Sản phẩm",
    LEAD: "Chủ trì",
    PARTNER: "Phối hợp",
    TIMEFRAME: "Thời gian",
    BUDGET: "Kinh phí",
    NOTES: "Ghi chú",
}

HEADER_SCAN_ROWS = 500
_PUNCT_RE = re.compile(r"[^\w]+")
_NUMBER_LABELS = {"tt", "stt", "s tt", "so tt", "thu tu", "so thu tu", "t t", "s t t", "so"}
_TIME_WORDS = ("thoi gian", "thoi han", "tien do", "han hoan thanh", "moc hoan thanh")
_BUDGET_WORDS = ("kinh phi", "trieu dong", "du toan", "ngan sach")
_RESULT_WORDS = ("san pham", "ket qua", "dau ra")
_CONTENT_WORDS = ("noi dung", "nhiem vu", "cong viec", "giai phap", "hoat dong", "ten de an")
_LEAD_STARTS = ("co quan", "don vi", "bo phan", "trach nhiem", "phan cong")
_COLUMN_NUMBER_RE = re.compile(r"^\(?[0-9]{1,2}\)?\.?$")


@dataclass
class HeaderInfo:
    """Where the header is and what each column means (row indexes are 0-based)."""

    row: int
    height: int
    columns: dict[str, int]
    labels: list[str]
    unknown: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str, str]] = field(default_factory=list)
    first_body: int = 0
    top_texts: dict[int, str] = field(default_factory=dict)  # normalised first header row
    signature: list[tuple[int, str]] = field(default_factory=list)
    content_signature: str = ""
    # text field -> the further columns its header cell is merged across (their texts are joined)
    spans: dict[str, list[int]] = field(default_factory=dict)

    def set_signature(self) -> None:
        """Remember the mapped header texts, to recognise the header repeated lower down."""
        top = self.top_texts
        self.signature = [(col, top[col]) for col in self.columns.values() if col in top]
        self.content_signature = top.get(self.columns[CONTENT], "")

    @property
    def score(self) -> int:
        """Rank header candidates: more recognised columns is better."""
        return len(self.columns)


def column_letter(index: int) -> str:
    """Return the spreadsheet letter of a 0-based column index (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def classify_label(text: str) -> str | None:
    """Return the column key a header text means, or None when it is not recognised."""
    folded = _PUNCT_RE.sub(" ", fold(text)).strip()
    if not folded:
        return None
    if folded in _NUMBER_LABELS:
        return NUMBER
    if "ghi chu" in folded:
        return NOTES
    if folded.startswith("nguon"):
        return None  # "Nguồn kinh phí" names where money comes from, not an amount
    if any(word in folded for word in _BUDGET_WORDS):
        return BUDGET
    if any(word in folded for word in _TIME_WORDS):
        return TIMEFRAME
    if "phoi hop" in folded:
        return PARTNER
    if "chu tri" in folded or folded.startswith(_LEAD_STARTS):
        return LEAD
    return _result_or_content(folded)


def _result_or_content(folded: str) -> str | None:
    """Pick result or content by whichever word comes first in the header text."""
    best: tuple[int, str] | None = None
    for key, words in ((RESULT, _RESULT_WORDS), (CONTENT, _CONTENT_WORDS)):
        for word in words:
            at = folded.find(word)
            if at >= 0 and (best is None or at < best[0]):
                best = (at, key)
    if best is not None:
        return best[1]
    if folded.startswith("ten "):
        return CONTENT
    return None


def with_mapping(info: HeaderInfo, mapping: dict[str, int], where: str) -> HeaderInfo:
    """Return the header with column meanings chosen by the officer instead of detected."""
    width = len(info.labels)
    unknown_keys = set(mapping) - set(FIELD_LABELS)
    if unknown_keys or CONTENT not in mapping:
        raise AppendixError(
            f"{where}: cách gán cột không hợp lệ (cần cột Nội dung; không biết: "
            f"{', '.join(sorted(unknown_keys)) or 'không'})."
        )
    for key, col in mapping.items():
        if not 0 <= col < width:
            raise AppendixError(
                f"{where}: cột {column_letter(col) if col >= 0 else col} gán cho "
                f"{FIELD_LABELS[key]} nằm ngoài bảng."
            )
    used = set(mapping.values())
    unknown = [(col, label) for col, label in enumerate(info.labels) if label and col not in used]
    spans = {
        key: cols
        for key, cols in info.spans.items()
        if mapping.get(key) == info.columns.get(key) and not used.intersection(cols)
    }
    mapped = replace(info, columns=dict(mapping), unknown=unknown, duplicates=[], spans=spans)
    mapped.set_signature()
    return mapped


def _map_labels(labels: list[str]) -> HeaderInfo:
    """Map header texts to column keys; the first column of a meaning wins."""
    info = HeaderInfo(row=0, height=1, columns={}, labels=labels)
    for col, label in enumerate(labels):
        if not label:
            continue
        key = classify_label(label)
        if key is None:
            info.unknown.append((col, label))
        elif key in info.columns:
            info.duplicates.append((col, label, key))
        else:
            info.columns[key] = col
    return info


def header_columns(texts: list[str]) -> dict[str, int]:
    """Return the column meanings of a row read as a header ({} when it is not one)."""
    info = _map_labels(texts)
    return info.columns if _qualifies(info, 3) else {}


def _qualifies(info: HeaderInfo, minimum: int) -> bool:
    """Return True when the mapped columns look like a task table."""
    return CONTENT in info.columns and info.score >= minimum


def _row_texts(row: list[CellValue]) -> list[str]:
    """Return the texts of one row."""
    return [cell_text(value) for value in row]


def _fill_across(texts: list[str], row: int, merged: list[MergedRange]) -> list[str]:
    """Copy a horizontally merged header text into every column it spans."""
    filled = list(texts)
    for (r0, c0), (r1, c1) in merged:
        if r0 <= row <= r1 and c0 < len(filled) and filled[c0]:
            for col in range(c0 + 1, min(c1 + 1, len(filled))):
                if not filled[col]:
                    filled[col] = filled[c0]
    return filled


def _looks_like_header_row(row: list[CellValue]) -> bool:
    """Quickly reject rows that cannot be a header (too few short texts)."""
    count = 0
    for value in row:
        if type(value) is str and 0 < len(value) <= 150:
            count += 1
    return count >= 2


def find_header(grid: SheetGrid) -> HeaderInfo | None:
    """Return the task table header of a sheet, or None when there is none."""
    rows = grid.rows
    for index in range(min(len(rows), HEADER_SCAN_ROWS)):
        if not _looks_like_header_row(rows[index]):
            continue
        top = _row_texts(rows[index])
        info = _map_labels(top)
        if not _qualifies(info, 2):
            continue
        info = _two_row_header(grid, index, top, info)
        if not _qualifies(info, 3):
            continue
        info.row = index
        _merged_spans(info, grid.merged)
        info.first_body = _skip_column_numbers(rows, index + info.height)
        info.top_texts = {col: _norm(text) for col, text in enumerate(top) if text}
        info.set_signature()
        return info
    return None


def _two_row_header(grid: SheetGrid, index: int, top: list[str], info: HeaderInfo) -> HeaderInfo:
    """Join the row under the header when it names sub-columns (Chủ trì | Phối hợp)."""
    if index + 1 >= len(grid.rows):
        return info
    below = _row_texts(grid.rows[index + 1])
    if not any(below) or any(len(text) > 60 for text in below):
        return info
    filled = _fill_across(top, index, grid.merged)
    width = max(len(filled), len(below))
    filled += [""] * (width - len(filled))
    below += [""] * (width - len(below))
    joined = [
        b if not a else a if not b or a == b else f"{a} {b}"
        for a, b in zip(filled, below, strict=True)
    ]
    combined = _map_labels(joined)
    gained = set(combined.columns) > set(info.columns)
    kept = set(combined.columns) >= set(info.columns)
    if gained or (kept and _is_sub_header(below, grid.rows[index + 1], info)):
        combined.height = 2
        return combined
    return info


def _merged_spans(info: HeaderInfo, merged: list[MergedRange]) -> None:
    """Let a header cell merged across columns (Nội dung over B:C) cover all of them."""
    # a covered column with no header text of its own joins the field: its texts are joined
    # to a text field's, or kept in the notes as a duplicate column (TT, Kinh phí)
    owners = {col: key for key, col in info.columns.items()}
    bottom = info.row + info.height - 1
    duplicated = {col: key for col, _label, key in info.duplicates}
    for (r0, c0), (_r1, c1) in merged:
        key = owners.get(c0)
        if key is None or c1 <= c0 or not info.row <= r0 <= bottom:
            continue
        label = info.labels[c0]
        covered = [
            col
            for col in range(c0 + 1, min(c1 + 1, len(info.labels)))
            if col not in owners
            and (not info.labels[col] or (duplicated.get(col) == key and info.labels[col] == label))
        ]
        if not covered:
            continue
        info.duplicates = [item for item in info.duplicates if item[0] not in covered]
        if key in (NUMBER, BUDGET):
            info.duplicates += [(col, label, key) for col in covered]
        else:
            info.spans[key] = covered


def _is_sub_header(below: list[str], row: list[CellValue], info: HeaderInfo) -> bool:
    """Return True for a row naming sub-columns only ("Tổng số | Ngân sách tỉnh")."""
    number_col = info.columns.get(NUMBER)
    if below[info.columns[CONTENT]] or (number_col is not None and below[number_col]):
        return False
    return not is_column_number_row(row)


def is_column_number_row(row: list[CellValue]) -> bool:
    """Return True for a row such as "(1) (2) (3)" or "1 2 3" printed under a header."""
    count = 0
    for value in row:
        if value == "" or value is None:
            continue
        if isinstance(value, bool):
            return False
        if isinstance(value, int | float):
            if not (0 < value < 100 and float(value).is_integer()):
                return False
        elif not (type(value) is str and _COLUMN_NUMBER_RE.match(value.strip())):
            return False
        count += 1
    return count >= 3


def _skip_column_numbers(rows: list[list[CellValue]], index: int) -> int:
    """Return the first body row index, past a column-number row if there is one."""
    if index < len(rows) and is_column_number_row(rows[index]):
        return index + 1
    return index


def _norm(text: str) -> str:
    """Normalise a header text for comparing a repeated header."""
    return " ".join(fold(text).split())


def is_repeated_header(row: list[CellValue], header: HeaderInfo) -> bool:
    """Return True when a body row repeats the header (a PDF page break)."""
    content_col = header.columns[CONTENT]
    if not _same_header_text(row, content_col, header.content_signature):
        return False
    matched = sum(1 for col, expected in header.signature if _same_header_text(row, col, expected))
    return matched >= min(3, len(header.signature))


def _same_header_text(row: list[CellValue], col: int, expected: str) -> bool:
    """Return True when the cell holds the given (normalised) header text."""
    if col >= len(row):
        return False
    value = row[col]
    if type(value) is not str or not value or len(value) > len(expected) + 20:
        return False
    return _norm(value) == expected
