"""Documents a unit cites as evidence: read "12/BC-TTr ngày 05/3/2021 Báo cáo …", cite them back.

A progress entry keeps the document's number (số, ký hiệu), its date and its summary (trích yếu)
in three columns; the command line and the returns give them as one text, the báo cáo cites them
as real reports do: "Báo cáo số 12/BC-TTr ngày 05/3/2021".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_NUMBER = re.compile(r"^\s*(?:số\s*:?\s*)?(\d+[\w.]*/[\wĐđ.]+(?:-[\wĐđ.]+)*)[\s,;:–-]*",
                     re.IGNORECASE)
_DATE = re.compile(r"^\s*ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})[\s,;:–-]*", re.IGNORECASE)
# Document kinds by the symbol's first letters ("12/BC-TTr" is a Báo cáo).
KINDS = {"BC": "Báo cáo", "KH": "Kế hoạch", "QĐ": "Quyết định", "CV": "Công văn",
         "TB": "Thông báo", "CT": "Chỉ thị", "TTr": "Tờ trình", "HD": "Hướng dẫn",
         "NQ": "Nghị quyết", "BB": "Biên bản", "KL": "Kết luận", "CĐ": "Công điện"}


@dataclass(frozen=True)
class Document:
    """A cited document: number and symbol, date, summary."""

    number: str = ""
    day: date | None = None
    title: str = ""


def parse_document(text: str) -> Document:
    """Split "12/BC-TTr ngày 05/03/2021 Báo cáo kết quả…" into number, date and summary."""
    rest = (text or "").strip()
    number = ""
    match = _NUMBER.match(rest)
    if match:
        number, rest = match.group(1), rest[match.end():]
    day = None
    found = _DATE.match(rest)
    if found:
        try:
            day = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
            rest = rest[found.end():]
        except ValueError:
            day = None
    return Document(number, day, rest.strip())


def short_day(day: date) -> str:
    """Return a date as reports cite it: 05/3/2021 (day with a zero, month without)."""
    return f"{day.day:02d}/{day.month}/{day.year}"


def kind_of(number: str) -> str:
    """Return the kind of document a number's symbol names ("12/BC-TTr" → "Báo cáo"), or ''."""
    symbol = number.partition("/")[2]
    head = symbol.split("-")[0] if symbol else ""
    return KINDS.get(head, "")


def cite(number: str, day: date | None, title: str = "") -> str:
    """Cite a document: "Báo cáo số 12/BC-TTr ngày 05/3/2021" (or its summary when unnumbered)."""
    number = number.strip()
    when = f" ngày {short_day(day)}" if day else ""
    if not number:
        return f"{title.strip()}{when}".strip()
    kind = kind_of(number)
    head = f"{kind} số {number}" if kind else f"văn bản số {number}"
    return f"{head}{when}"
