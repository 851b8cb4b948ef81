"""Plan facts in the text of a whole plan document (Word or PDF) around its appendix table.

The document head (letterhead, usually a two-column table) gives the issuing body (the upper
case line above "Số: …"), the number ("Số: 1034/KH-TTr") and the date ("Đắk Nông, ngày 31
tháng 12 năm 2020"); the line after the document type "KẾ HOẠCH" is the trích yếu. The appendix
title block right above the table ("PHỤ LỤC … (Kèm theo Kế hoạch số … ngày … của …)") is read
as for a workbook (hints.parse_hints) and wins where it says something.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from cchc_desktop.excel.read.appendix import PlanHints
from cchc_desktop.excel.read.hints import parse_hints
from cchc_desktop.text.folding import collapse_spaces, fold

_NUMBER_RE = re.compile(r"^số\s*:?\s*(\d*\s*/\s*[\wĐđ]+(?:\s*[-–]\s*[\wĐđ]+)*)", re.I)
_DATE_RE = re.compile(r",\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})")
_YEAR_RE = re.compile(r"\bnam\s+(20\d{2})\b")
_SKIP_RE = re.compile(r"^(?:cong hoa xa hoi|doc lap|so\s*:|-+$)")
_DOC_TYPES = ("ke hoach", "quyet dinh", "chuong trinh", "bao cao")
_BODY_STARTS = ("can cu", "thuc hien", "de ", "nham ", "i.", "i ", "phan i")
_HEAD_LINES = 60


def document_hints(before: list[str], after: list[str]) -> PlanHints:
    """Read number, date, issuer, title and year from the lines around the table."""
    lines = [collapse_spaces(line) for text in before for line in text.split("\n")]
    lines = [line for line in lines if line]
    appendix = parse_hints(_appendix_block(lines))
    head = _read_head(lines[:_HEAD_LINES] or [
        collapse_spaces(line) for text in after[:_HEAD_LINES] for line in text.split("\n")
    ])  # fmt: skip
    hints = PlanHints(
        title=head.title or appendix.title,
        number=appendix.number or head.number,
        issued_on=appendix.issued_on or head.issued_on,
        issuer=appendix.issuer or head.issuer,
    )
    match = _YEAR_RE.search(fold(hints.title))
    hints.year = int(match.group(1)) if match else appendix.year or head.year
    if hints.year is None and hints.issued_on:
        hints.year = int(hints.issued_on[:4])
    return hints


def _appendix_block(lines: list[str]) -> list[str]:
    """Return the lines from the last "PHỤ LỤC" title to the table (none without one)."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 15), -1):
        if fold(lines[index]).startswith("phu luc") and len(lines[index]) <= 30:
            return lines[index:]
    return []


def _read_head(lines: list[str]) -> PlanHints:
    """Read the letterhead and the trích yếu at the top of a plan."""
    hints = PlanHints()
    for index, line in enumerate(lines):
        folded = fold(line)
        number = _NUMBER_RE.match(line)
        if number and not hints.number:
            hints.number = re.sub(r"\s+", "", number.group(1))
            hints.issuer = _issuer(lines[:index])
        date = _DATE_RE.search(folded)
        if date and not hints.issued_on:
            day, month, year = (int(part) for part in date.groups())
            with contextlib.suppress(ValueError):
                hints.issued_on = dt.date(year, month, day).isoformat()
        if folded in _DOC_TYPES and not hints.title:
            hints.title = _title(lines[index + 1 :])
    match = _YEAR_RE.search(fold(hints.title))
    hints.year = int(match.group(1)) if match else None
    return hints


def _issuer(lines: list[str]) -> str:
    """Return the issuing body: the last upper-case letterhead line above "Số:"."""
    for line in reversed(lines):
        if line.isupper() and not _SKIP_RE.match(fold(line)):
            return line
    return ""


def _title(lines: list[str]) -> str:
    """Return the trích yếu: the lines after the document type, up to the body."""
    taken: list[str] = []
    for line in lines[:3]:
        folded = fold(line)
        if folded.startswith(_BODY_STARTS) or set(line) <= set("-_ "):
            break
        taken.append(line)
    return " ".join(taken)
