"""Traces a conversion leaves in a table: PDF page numbers and initials, notes, pasted paragraphs.

- A PDF converted to Excel keeps its page numbers, in a row of their own or glued to the last
  cell of a page ("Sở Tư pháp - 4 -"), and the drafter's initials typed under the last line of
  a page ("LM"): they are dropped with a warning, and the row after them may continue the row
  before (a page break).
- Free text under the table ("Ghi chú: Các cơ quan…", "Lưu ý: …") ends the table.
- A Word table pasted into Excel puts each paragraph of a cell on its own row and merges the
  other cells down: cells merged down are copied into each row they cover (and marked so that
  joining the rows again does not repeat them), and rows under a TT cell merged down are marked
  as further paragraphs of the row at its top.
"""

from __future__ import annotations

import re

from cchc_desktop.excel.read.workbook import SheetGrid
from cchc_desktop.text.folding import fold

# a page number left inside a cell by a PDF conversion: "Sở Tư pháp - 4 -", "…\n- 5 -"
_PAGE_IN_CELL_RE = re.compile(r"(?:^|\s)[-–]\s?\d{1,4}\s?[-–](?=\s|$)")
# the drafter's initials typed under the last line of a page ("LM", "NVH")
_INITIALS_RE = re.compile(r"^[A-ZĐ]{2,4}$")
_ROMAN_ONLY_RE = re.compile(r"^[IVXLC]+$")
# free text under the table: "Ghi chú: …", "Lưu ý: …", "* Chú thích: …"
_NOTE_RE = re.compile(r"^\W{0,3}(?:ghi chu|luu y|chu y|chu thich)\s*[:.-]")

NOTE_MESSAGE = (
    'Dòng ghi chú dưới bảng ("Ghi chú", "Lưu ý"…) không phải nhiệm vụ nên không được nhập; '
    "bảng nhiệm vụ được coi là kết thúc ở dòng trên."
)


def is_initials(label: str) -> bool:
    """Return True for a lone "LM" (initials), not a Roman numeral such as "II"."""
    return bool(_INITIALS_RE.match(label)) and not _ROMAN_ONLY_RE.match(label)


def initials_message(label: str) -> str:
    """Explain why a row holding only initials was skipped."""
    return (
        f"Dòng chỉ có '{label}' (chữ viết tắt tên người soạn thảo cuối trang, dấu vết chuyển "
        "từ PDF); đã bỏ qua, dòng sau được đọc như tiếp nối trang trước."
    )


def is_note(label: str) -> bool:
    """Return True for free text under the table ("Ghi chú: …", "Lưu ý: …")."""
    return bool(_NOTE_RE.match(fold(label[:24])))


class PageNumbers:
    """Find page numbers in cells, remembering the answer for each distinct text."""

    def __init__(self) -> None:
        self.seen: dict[str, bool] = {}

    def drop(self, fields: list[str], skip: int) -> list[tuple[int, str]]:
        """Remove page numbers from the fields but fields[skip]; return (index, number) each."""
        dropped = []
        for index, text in enumerate(fields):
            if index == skip or "-" not in text:
                continue
            found = self.seen.get(text)
            if found is None:
                found = self.seen[text] = _PAGE_IN_CELL_RE.search(text) is not None
            if found:
                number = _PAGE_IN_CELL_RE.search(text)
                fields[index] = _PAGE_IN_CELL_RE.sub(" ", text).strip()
                dropped.append((index, number.group().strip() if number else ""))
        return dropped


def page_number_message(letter: str, row: int, token: str) -> str:
    """Explain a page number removed from a cell."""
    return (
        f"Ô {letter}{row}: đã bỏ số trang '{token}' lẫn vào ô (dấu vết chuyển từ PDF); "
        "hãy kiểm tra."
    )


def fill_merged_down(
    grid: SheetGrid, first_body: int, bits: dict[int, int], number_col: int
) -> tuple[dict[int, int], dict[int, int], set[int]]:
    """Copy cells merged down into every row they cover.

    bits maps a column to its field bit. Returns the merge tops (row → field bits), the rows
    that received a copy (row → field bits) and the rows under a TT cell merged down.
    """
    rows = grid.rows
    tops: dict[int, int] = {}
    filled: dict[int, int] = {}
    block: set[int] = set()
    for (r0, c0), (r1, _c1) in grid.merged:
        if r1 <= r0 or r0 < first_body:
            continue
        if c0 == number_col:
            block.update(range(r0 + 1, min(r1 + 1, len(rows))))
        if c0 not in bits:
            continue
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
        tops[r0] = tops.get(r0, 0) | bits[c0]
        for r in range(r0 + 1, min(r1 + 1, len(rows))):
            if c0 < len(rows[r]) and rows[r][c0] in ("", None):
                rows[r][c0] = value
                filled[r] = filled.get(r, 0) | bits[c0]
    return tops, filled, block
