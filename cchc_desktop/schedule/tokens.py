"""Dates inside one folded part of a "Thời gian" phrase: days, months, quarters, halves, years.

scan_times() reads a part strictly: besides the time expressions it accepts only connectors
("-", "đến", "và", ","), time fillers ("trước", "chậm nhất", "trong", "hoàn thành"…) and stray
unit words ("Tháng Quý IV/2022"). Any other word makes the part unreadable (None), so a phrase
such as "Sau khi có kết quả … năm 2020" is never read as a deadline by accident.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

_A = re.ASCII
_Y4 = r"(?:19|20|21)[0-9]{2}"
_SUFFIX = (
    rf"(?:\s*/\s*(?P<y1>{_Y4}|[0-9]{{2}})(?![0-9])"
    rf"|\s*[-.]\s*(?P<y2>{_Y4})(?![0-9])"
    rf"|\s*,?\s+(?:nam\s+)?(?P<y3>{_Y4})(?![0-9]))?"
)
_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}
_QUARTER_WORD = r"(?P<q>iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)"
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "date",
        re.compile(
            r"\b(?:ngay\s+)?(?P<d>[0-9]{1,2})\s+thang\s+(?P<m>[0-9]{1,2})"
            rf"(?:\s*,?\s*nam\s+(?P<y1>{_Y4}))?(?![0-9])",
            _A,
        ),
    ),
    (
        "date",
        re.compile(
            r"\b(?:ngay\s+)?(?P<d>[0-9]{1,2})\s*/\s*(?P<m>[0-9]{1,2})"
            rf"(?:\s*/\s*(?P<y1>{_Y4}|[0-9]{{2}}))?(?![0-9/])",
            _A,
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b(?:ngay\s+)?(?P<d>[0-9]{{1,2}})(?P<sep>[.-])(?P<m>[0-9]{{1,2}})(?P=sep)"
            rf"(?P<y1>{_Y4})(?![0-9])",
            _A,
        ),
    ),
    (
        "half",
        re.compile(
            r"\b(?:(?P<n>[69])\s+thang\s+(?P<w>dau|cuoi)|nua\s+(?P<w2>dau|cuoi))"
            rf"(?:\s+nam)?(?:\s+(?P<y1>{_Y4}))?(?![0-9])",
            _A,
        ),
    ),
    ("month", re.compile(rf"\bthang\s+(?P<m>[0-9]{{1,2}})(?![0-9]){_SUFFIX}", _A)),
    ("month", re.compile(rf"\b(?P<m>[0-9]{{1,2}})\s*/\s*(?P<y1>{_Y4})(?![0-9])", _A)),
    ("quarter", re.compile(rf"\b(?:quy|qui)\s+{_QUARTER_WORD}\b{_SUFFIX}", _A)),
    ("quarter", re.compile(rf"\bq\.?\s?(?P<q>[1-4])\b{_SUFFIX}", _A)),
    (
        "this_year",
        re.compile(
            r"\b(?:nam\s+(?P<rel>nay|sau|toi|tiep theo)|(?:trong|ca|cuoi|het)\s+nam(?!\s*[0-9]))\b",
            _A,
        ),
    ),
    ("year", re.compile(rf"\b(?:nam\s+)?(?P<y1>{_Y4})(?![0-9])", _A)),
)

_FILLER_RE = re.compile(
    r"\b(?:bat dau|hoan thanh|thuc hien|du kien|trien khai|to chuc|ban hanh|bao cao|cham nhat"
    r"|muon nhat|khong qua|khong muon hon|han chot|ket thuc|giai doan|thoi gian|thoi han"
    r"|truoc|trong|vao|tu|den|toi|het|cuoi|ngay|thang|quy|qui|nam|han|la|va|hoac|xong)\b",
    _A,
)
_PUNCT_RE = re.compile(r"[\s,.:;/&+-]+")
_LIST_RE = re.compile(r",|;|&|\+|\b(?:va|hoac)\b", _A)
_RANGE_RE = re.compile(r"-|\b(?:den|toi)\b", _A)
_FROM_RE = re.compile(r"\b(?:tu|bat dau)\b", _A)
_BEFORE_RE = re.compile(r"\btruoc\b", _A)
# "Quý I - II/2022", "Tháng 4 - 10": repeat the unit so both ends are read the same way.
_BARE_END_RE = re.compile(
    r"\b(quy|qui|thang)\s+([0-9]{1,2}|iv|iii|ii|i)\s*(-|den|toi|va|,)\s*(?=(?:[0-9]{1,2}|iv|iii|ii|i)\b)",
    _A,
)
_MAX_EXPANSIONS = 12


class _Unreadable(Exception):
    """Raised inside the scanner when a part is not a pure time expression."""


@dataclass(frozen=True)
class Token:
    """One time expression: a day, or a span of months, with its year if written."""

    first_month: int
    last_month: int
    day: int | None = None
    year: int | None = None
    year_offset: int | None = None
    year_only: bool = False
    from_marker: bool = False
    before_marker: bool = False


@dataclass(frozen=True)
class TimeScan:
    """What scan_times() read in a part: deadlines, or a range with its start."""

    deadlines: tuple[date, ...] = ()
    start: date | None = None
    ranged: bool = False
    year_only: bool = False
    scope_year: int | None = None
    needs_year: bool = False
    year_from_plan: bool = False
    found: bool = False


def _year_of(match: re.Match[str]) -> int | None:
    """Return the year a match wrote (two digits mean 20xx), or None."""
    for name in ("y1", "y2", "y3"):
        value = match.groupdict().get(name)
        if value:
            return 2000 + int(value) if len(value) == 2 else int(value)
    return None


def _token(kind: str, match: re.Match[str]) -> Token:
    """Turn one regex match into a Token; raise _Unreadable for impossible months."""
    year = _year_of(match)
    if kind == "quarter":
        quarter = _QUARTERS.get(match["q"]) or int(match["q"])
        return Token(3 * quarter - 2, 3 * quarter, year=year)
    if kind == "half":
        months = int(match["n"] or 6)
        first_half = (match["w"] or match["w2"]) == "dau"
        return Token(*((1, months) if first_half else (13 - months, 12)), year=year)
    if kind == "this_year":
        offset = 0 if match["rel"] in (None, "nay") else 1
        return Token(1, 12, year_offset=offset, year_only=True)
    if kind == "year":
        return Token(1, 12, year=year, year_only=True)
    month = int(match["m"])
    if not 1 <= month <= 12:
        raise _Unreadable
    day = int(match["d"]) if kind == "date" else None
    return Token(month, month, day=day, year=year)


def _check_gap(gap: str) -> None:
    """Raise _Unreadable unless the text between two time expressions is only filler."""
    if _PUNCT_RE.sub("", _FILLER_RE.sub(" ", gap)):
        raise _Unreadable


def _next_match(
    text: str, position: int, cache: list[re.Match[str] | None]
) -> tuple[str, re.Match[str]] | None:
    """Return the leftmost time expression at or after position (earlier patterns win ties)."""
    best: tuple[str, re.Match[str]] | None = None
    for index, (kind, pattern) in enumerate(_PATTERNS):
        match = cache[index]
        if match is not None and match.start() < position:
            match = cache[index] = pattern.search(text, position)
        if match is not None and (best is None or match.start() < best[1].start()):
            best = (kind, match)
    return best


def _tokenize(text: str) -> tuple[list[Token], list[str]]:
    """Split a part into tokens and the gaps around them (len(gaps) == len(tokens) + 1)."""
    tokens: list[Token] = []
    gaps: list[str] = []
    position = 0
    cache = [pattern.search(text) for _, pattern in _PATTERNS]
    while (best := _next_match(text, position, cache)) is not None:
        kind, match = best
        gap = text[position : match.start()]
        _check_gap(gap)
        gaps.append(gap)
        marked = replace(
            _token(kind, match),
            from_marker=bool(_FROM_RE.search(gap)),
            before_marker=bool(_BEFORE_RE.search(gap)),
        )
        tokens.append(marked)
        position = max(match.end(), position + 1)
    _check_gap(text[position:])
    gaps.append(text[position:])
    return tokens, gaps


def _group(tokens: list[Token], gaps: list[str]) -> list[list[Token]]:
    """Group tokens joined by a range connector ("-", "đến"); lists ("và", ",") split groups."""
    groups: list[list[Token]] = []
    for index, token in enumerate(tokens):
        gap = gaps[index]
        joined = index > 0 and not _LIST_RE.search(gap) and bool(_RANGE_RE.search(gap))
        if joined:
            groups[-1].append(token)
        else:
            groups.append([token])
    return groups


def _key(token: Token) -> tuple[int, int]:
    """Return (month, day) of a token's start, for ordering tokens within one year."""
    return token.first_month, token.day or 1


def _borrow_year(tokens: list[Token], index: int) -> int | None:
    """Return a year for a token without one, taken from its neighbours in the part."""
    token = tokens[index]
    for later in tokens[index + 1 :]:
        if later.year is not None:
            return later.year - 1 if _key(token) > _key(later) else later.year
    for earlier in reversed(tokens[:index]):
        if earlier.year is not None:
            return earlier.year + 1 if _key(token) < _key(earlier) else earlier.year
    return None


def _fill_years(
    tokens: list[Token], scope: int | None, plan_year: int | None
) -> tuple[list[Token], bool]:
    """Give every token a year (neighbour, scope, then plan year); report if the plan's was used."""
    filled: list[Token] = []
    from_plan = False
    for index, token in enumerate(tokens):
        year = token.year
        if year is None and token.year_offset is not None:
            year = None if plan_year is None else plan_year + token.year_offset
            from_plan = from_plan or year is not None
        if year is None:
            year = _borrow_year(tokens, index)
        if year is None:
            year = scope
        if year is None and plan_year is not None:
            year, from_plan = plan_year, True
        filled.append(replace(token, year=year))
    return filled, from_plan


def _start(token: Token) -> date:
    """Return the first day a token covers."""
    assert token.year is not None
    return date(token.year, token.first_month, token.day or 1)


def _end(token: Token) -> date:
    """Return the last day a token covers (the day itself for a date)."""
    assert token.year is not None
    if token.day is not None:
        return date(token.year, token.last_month, token.day)
    last_day = calendar.monthrange(token.year, token.last_month)[1]
    return date(token.year, token.last_month, last_day)


def _dates(groups: list[list[Token]]) -> tuple[list[date], list[date], bool]:
    """Return (deadlines, range starts, every group is a range) for groups with years."""
    deadlines: list[date] = []
    starts: list[date] = []
    for group in groups:
        first, last = group[0], group[-1]
        if len(group) > 1:
            if _start(first) > _end(last):
                raise _Unreadable
            starts.append(_start(first))
            deadlines.append(_end(last))
        elif first.from_marker:
            starts.append(_start(first))
        elif first.before_marker and first.day is None:
            deadlines.append(_start(first) - timedelta(days=1))
        else:
            deadlines.append(_end(first))
    return deadlines, starts, _all_ranges(groups)


def _scope(tokens: list[Token], plan_year: int | None) -> int | None:
    """Return the year named by a bare year token ("năm 2022", "năm sau"), if any."""
    for token in tokens:
        if token.year is not None:
            return token.year
        if token.year_offset is not None and plan_year is not None:
            return plan_year + token.year_offset
    return None


def _read(text: str, plan_year: int | None) -> TimeScan:
    """Read a part; raise _Unreadable (or ValueError for impossible dates) when it is not time."""
    for _ in range(_MAX_EXPANSIONS):
        expanded = _BARE_END_RE.sub(r"\1 \2 \3 \1 ", text)
        if expanded == text:
            break
        text = expanded
    tokens, gaps = _tokenize(text)
    if not tokens:
        return TimeScan()
    groups = _group(tokens, gaps)
    years_only = [t for t in tokens if t.year_only]
    scope = _scope(years_only, plan_year)
    if len(years_only) < len(tokens):
        groups = [[t for t in g if not t.year_only] for g in groups]
        groups = [g for g in groups if g]
    flat, from_plan = _fill_years([t for g in groups for t in g], scope, plan_year)
    if any(t.year is None for t in flat):
        return TimeScan(ranged=_all_ranges(groups), needs_year=True, found=True)
    iterator = iter(flat)
    groups = [[next(iterator) for _ in g] for g in groups]
    deadlines, starts, ranged = _dates(groups)
    return TimeScan(
        deadlines=tuple(sorted(set(deadlines))),
        start=min(starts) if starts else None,
        ranged=ranged,
        year_only=len(years_only) == len(tokens),
        scope_year=scope,
        year_from_plan=from_plan,
        found=True,
    )


def _all_ranges(groups: list[list[Token]]) -> bool:
    """Tell whether every group is a range (two ends, or an open "từ …")."""
    return all(len(group) > 1 or group[0].from_marker for group in groups)


def scan_times(text: str, plan_year: int | None) -> TimeScan | None:
    """Read the time expressions of a folded part; None when other words are present."""
    try:
        return _read(text, plan_year)
    except (_Unreadable, ValueError, OverflowError):
        return None
