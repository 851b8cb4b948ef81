"""Words of "Thời gian" phrases: normalising, splitting compounds, recurrences and conditions.

Everything here works on folded text (cchc_desktop.vietnamese.fold: lowercase, no diacritics,
đ→d), so "Hằng quý", "hàng quý" and "hang quy" are the same phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_desktop.text.folding import collapse_spaces, fold

# Recurrence names (Schedule.recurrence) and their Vietnamese labels.
YEARLY = "yearly"
HALF_YEARLY = "half_yearly"
QUARTERLY = "quarterly"
MONTHLY = "monthly"
WEEKLY = "weekly"
DAILY = "daily"
CONTINUOUS = "continuous"
PER_PLAN = "per_plan"
PERIODIC = "periodic"

RECURRENCE_LABELS: dict[str, str] = {
    YEARLY: "Hằng năm",
    HALF_YEARLY: "6 tháng một lần",
    QUARTERLY: "Hằng quý",
    MONTHLY: "Hằng tháng",
    WEEKLY: "Hằng tuần",
    DAILY: "Hằng ngày",
    CONTINUOUS: "Thường xuyên",
    PER_PLAN: "Định kỳ theo kế hoạch",
    PERIODIC: "Định kỳ",
}

_A = re.ASCII
_EVERY = r"(?:hang|moi|tung)"
_ONCE = r"\s*(?:/|mot|1)\s*lan\b"
_ONCE_PER = r"\b(?:1|mot) lan\s*(?:/|moi|mot|trong)\s*"
_QUY = r"(?:quy|qui)\b(?!\s+(?:dinh|che|trinh|mo|hoach|tac))"

# Most specific first: "Định kỳ hàng quý" is quarterly although "định kỳ" alone is periodic.
_RECURRENCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        PER_PLAN,
        re.compile(r"\bdinh ky theo (?:ke hoach|kh)\b|\btheo (?:ke hoach|kh) dinh ky\b", _A),
    ),
    (
        HALF_YEARLY,
        re.compile(
            rf"\b(?:(?:6|sau) thang{_ONCE}|{_EVERY} (?:6|sau) thang\b|dinh ky (?:6|sau) thang\b"
            rf"|nua nam{_ONCE}|2 lan\s*(?:/|mot|1|trong|moi)\s*nam\b)",
            _A,
        ),
    ),
    (
        QUARTERLY,
        re.compile(
            rf"\b(?:{_EVERY} {_QUY}|theo {_QUY}|dinh ky {_QUY}|(?:quy|qui){_ONCE})"
            rf"|{_ONCE_PER}(?:quy|qui)\b",
            _A,
        ),
    ),
    (
        MONTHLY,
        re.compile(
            rf"\b(?:{_EVERY} thang\b|theo thang\b|dinh ky thang\b|thang{_ONCE})"
            rf"|{_ONCE_PER}thang\b",
            _A,
        ),
    ),
    (WEEKLY, re.compile(rf"\b(?:{_EVERY} tuan\b|theo tuan\b|tuan{_ONCE})", _A)),
    (DAILY, re.compile(rf"\b(?:{_EVERY} ngay\b(?!\s*[0-9])|ngay{_ONCE})", _A)),
    (
        YEARLY,
        re.compile(
            rf"\b(?:{_EVERY} nam\b|theo nam\b|dinh ky nam\b|nam{_ONCE})|{_ONCE_PER}nam\b", _A
        ),
    ),
    (CONTINUOUS, re.compile(r"\b(?:thuong xuyen|lien tuc)\b", _A)),
    (PERIODIC, re.compile(r"\b(?:theo )?dinh ky\b", _A)),
)

# A condition or outside event: "Sau khi có…", "Khi có…", "Theo kế hoạch của…", "Nếu…".
# "theo" followed by a recurrence word ("theo quý", "theo định kỳ") is not a condition.
_CONDITION_RE = re.compile(
    r"\b(?:sau khi|sau (?:moi|tung|cac) (?:dot|lan|cuoc|buoi)|ngay khi|cho den khi|khi|neu"
    r"|tuy thuoc|tuy theo|phu thuoc|can cu"
    r"|theo(?!\s+(?:dinh ky|(?:quy|qui)\b(?!\s+dinh)|thang\b|nam\b|tuan\b)))\b",
    _A,
)

_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "→": "-"})
_PAREN_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_STRAY_RE = re.compile(r"[()\[\]\"“”‘’'`*•]")
_BULLET_RE = re.compile(r"^[-+]\s*")
_PIECE_SPLIT_RE = re.compile(r"[\r\n;\u2028]+")
_WRAP_END_RE = re.compile(r"(?:-|\b(?:tu|den|toi|va))$", _A)
_WRAP_START_RE = re.compile(r"(?:den|toi)\b", _A)
# " - " starts a new part unless what follows is the other end of a range ("Tháng 4 - Tháng 10").
_PART_SPLIT_RE = re.compile(
    r"\s+[-+]\s+(?!(?:tu\s+|den\s+|het\s+|cuoi\s+)*"
    r"(?:thang|quy|qui|q\.?\s?[0-9]|ngay|nam|[0-9]|(?:iv|iii|ii|i)\b))",
    _A,
)


@dataclass(frozen=True)
class Marker:
    """A recurrence or condition word found in a folded part, with its position."""

    name: str
    start: int
    spans: tuple[tuple[int, int], ...]


def _drop_remarks(text: str, keep_parentheses: bool) -> str:
    """Turn remarks in parentheses (or just the brackets) into list separators."""
    if keep_parentheses:
        return re.sub(r"[()\[\]]", " , ", text)
    previous = None
    while previous != text:
        previous, text = text, _PAREN_RE.sub(" , ", text)
    return text


def _lines(text: str) -> list[str]:
    """Split at line breaks and ";", joining wrapped lines (a range's "-", a lowercase start)."""
    lines: list[str] = []
    for piece in _PIECE_SPLIT_RE.split(text):
        line = collapse_spaces(_STRAY_RE.sub(" ", fold(piece).translate(_DASHES)))
        if not line:
            continue
        wrapped = piece.strip()[:1].islower() or _WRAP_START_RE.match(line)
        if lines and (wrapped or _WRAP_END_RE.search(lines[-1])):
            lines[-1] = f"{lines[-1]} {line}"
        else:
            lines.append(line)
    return lines


def split_parts(text: str, keep_parentheses: bool = False) -> list[str]:
    """Split a compound phrase into its folded parts (lines, ";" and "- " bullets)."""
    parts: list[str] = []
    for line in _lines(_drop_remarks(text, keep_parentheses)):
        for part in _PART_SPLIT_RE.split(_BULLET_RE.sub("", line)):
            cleaned = part.strip(" ,.:")
            if cleaned:
                parts.append(cleaned)
    return parts


def find_recurrence(part: str) -> Marker | None:
    """Return the most specific recurrence named in a folded part, if any."""
    found = [(name, pattern.search(part)) for name, pattern in _RECURRENCE_PATTERNS]
    matches = [(name, match) for name, match in found if match is not None]
    if not matches:
        return None
    spans = tuple(sorted(match.span() for _, match in matches))
    return Marker(matches[0][0], spans[0][0], spans)


def find_condition(part: str) -> Marker | None:
    """Return the first condition word ("sau khi", "khi", "theo"…) in a folded part."""
    match = _CONDITION_RE.search(part)
    if match is None:
        return None
    return Marker("condition", match.start(), (match.span(),))


def remove_marker(part: str, marker: Marker) -> str:
    """Return the part without the marker's words (overlapping matches are merged)."""
    kept: list[str] = []
    position = 0
    for start, end in marker.spans:
        kept.append(part[position : max(start, position)])
        position = max(position, end)
    kept.append(part[position:])
    return collapse_spaces(" ".join(kept))
