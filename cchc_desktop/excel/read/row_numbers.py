"""Read the row number (TT) of an appendix row: 1, 1.2, II, A, a) or a title typed with it."""

from __future__ import annotations

import re

NUM_NONE, NUM_ARABIC, NUM_ROMAN, NUM_LETTER, NUM_OTHER = range(5)

_ARABIC_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?$")
_ROMAN_RE = re.compile(r"^([IVXLC]{1,7})\s*[.):]?$")
_LETTER_RE = re.compile(r"^([a-zđ])\s*[.)]?$")
_PART_LETTERS = "ABDEFGH"
_BULLETS = {"-", "+", "*", "•", "–"}
_PREFIX_RE = re.compile(r"^([IVXLC]{1,7}|\d{1,3}(?:\.\d{1,3})*)\s*[.):/-]\s*(\S.*)$", re.S)
_CONTENT_NUMBER_RE = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*|[IVX]{1,5})[.)]\s+(\S.*)$", re.S)

Numbered = tuple[str, int, int, str]  # number, kind, level, the text after the number


def parse_number(text: str) -> tuple[str, int, int]:
    """Read a TT cell: ("1.2", NUM_ARABIC, 2), ("II", NUM_ROMAN, 0), ("", NUM_NONE, 0)…"""
    if not text or text in _BULLETS:
        return "", NUM_NONE, 0
    match = _ARABIC_RE.match(text)
    if match:
        number = match.group(1)
        return number, NUM_ARABIC, number.count(".") + 1
    match = _ROMAN_RE.match(text)
    if match:
        return match.group(1), NUM_ROMAN, 0
    if len(text) <= 2 and text[0] in _PART_LETTERS and text[1:] in ("", ".", ")"):
        return text[0], NUM_ROMAN, 0  # "A", "B." parts open a section like Roman numerals
    match = _LETTER_RE.match(text)
    if match:
        return match.group(1), NUM_LETTER, 9
    return text, NUM_OTHER, 0


def split_title(text: str) -> Numbered:
    """Take apart a title typed (or merged) into the TT cell: "I. CẢI CÁCH THỂ CHẾ"."""
    match = _PREFIX_RE.match(text)
    if match:
        number, num_kind, level = parse_number(match.group(1))
        if num_kind in (NUM_ARABIC, NUM_ROMAN):
            return number, num_kind, level, match.group(2).strip()
    return "", NUM_NONE, 0, text


def number_in_content(content: str) -> Numbered | None:
    """Take apart "1.2. Rà soát …" when the table has no TT column (None without a number)."""
    match = _CONTENT_NUMBER_RE.match(content)
    if match is None:
        return None
    return (*parse_number(match.group(1)), match.group(2))
