"""Plan facts printed above an appendix table.

A typical title block is::

    PHỤ LỤC
    NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA THANH TRA TỈNH ĐẮK NÔNG
    (Kèm theo Kế hoạch số: 1034/KH-TTr, ngày 31 tháng 12 năm 2020 của Thanh tra tỉnh Đắk Nông)
"""

from __future__ import annotations

import datetime as dt
import re

from cchc_desktop.excel.read.appendix import PlanHints
from cchc_desktop.text.folding import collapse_spaces, fold

_NUMBER_RE = re.compile(r"\bsố\s*:?\s*((?:\d+[\w.]*)?\s*/\s*[\wĐđ]+(?:\s*[-–]\s*[\wĐđ]+)*)", re.I)
_DATE_WORDS_RE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_DATE_SLASH_RE = re.compile(r"ngay\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_ISSUER_RE = re.compile(r"\bcủa\s+(.+?)[\s)]*$", re.I)
_YEAR_RE = re.compile(r"\bnam\s+(\d{4})\b")
_LETTERHEAD_RE = re.compile(r"cong hoa xa hoi|doc lap - tu do|^so:|, ngay \S+ thang")
_ANY_YEAR_RE = re.compile(r"\b(20\d{2})\b")


def parse_hints(lines: list[str]) -> PlanHints:
    """Read title, number, date, issuer and year from the text lines above the table."""
    hints = PlanHints()
    title_lines: list[str] = []
    attach = ""
    for line in lines:
        folded = fold(line)
        if "kem theo" in folded[:20]:
            attach = collapse_spaces(line)
            break
        if folded.startswith("phu luc") and len(folded) <= 20:
            title_lines = []  # the title is what follows "PHỤ LỤC"
        elif folded and not _LETTERHEAD_RE.search(folded):
            title_lines.append(collapse_spaces(line))
    hints.title = " ".join(title_lines[:3])
    if attach:
        _read_attachment_line(attach, hints)
    hints.year = _plan_year(hints.title, attach, hints.issued_on)
    return hints


def _read_attachment_line(line: str, hints: PlanHints) -> None:
    """Read number, issue date and issuer from "(Kèm theo Kế hoạch số … của …)"."""
    number = _NUMBER_RE.search(line)
    if number:
        hints.number = re.sub(r"\s+", "", number.group(1))
    folded = fold(line)
    date_match = _DATE_WORDS_RE.search(folded) or _DATE_SLASH_RE.search(folded)
    if date_match:
        day, month, year = (int(part) for part in date_match.groups())
        try:
            hints.issued_on = dt.date(year, month, day).isoformat()
        except ValueError:
            hints.issued_on = None
    issuer = _ISSUER_RE.search(line)
    if issuer:
        hints.issuer = issuer.group(1).strip()


def _plan_year(title: str, attach: str, issued_on: str | None) -> int | None:
    """Return the plan's year: "NĂM 2021" in the title, else the year in the date line."""
    match = _YEAR_RE.search(fold(title)) or _ANY_YEAR_RE.search(title)
    if match:
        return int(match.group(1))
    if issued_on:
        return int(issued_on[:4])
    match = _YEAR_RE.search(fold(attach))
    return int(match.group(1)) if match else None
