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
# "Phần I", "PHẦN II", "Phần A" in the TT cell, or before a title in a cell
_PART_WORD_RE = re.compile(r"^ph[ầâa]n\s+([IVXLC]{1,7}|[A-H])\b\s*[.):]?\s*", re.I)
# a heading typed in the content cell with the TT cell empty: "I. CẢI CÁCH THỂ CHẾ",
# "A. CHỈ ĐẠO ĐIỀU HÀNH", "a) Kiểm soát thủ tục hành chính"
_HEADING_RE = re.compile(r"^([IVXLC]{1,7}|[A-HĐ]|[a-zđ])\s*([.):])\s*(\S.*)$", re.S)

Numbered = tuple[str, int, int, str]  # number, kind, level, the text after the number


def parse_number(text: str) -> tuple[str, int, int]:
    """Read a TT cell: ("1.2", NUM_ARABIC, 2), ("II", NUM_ROMAN, 0), ("", NUM_NONE, 0)…"""
    if not text or text in _BULLETS:
        return "", NUM_NONE, 0
    if text[0] in "Pp" and (part := _PART_WORD_RE.match(text)) and part.end() == len(text):
        return part.group(1).upper(), NUM_ROMAN, 0
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
    if text[:1] in "Pp" and (part := _PART_WORD_RE.match(text)) and part.end() < len(text):
        return part.group(1).upper(), NUM_ROMAN, 0, text[part.end() :].strip()
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


def heading_in_content(content: str) -> Numbered | None:
    """Take apart a heading typed in the content cell ("I. CẢI CÁCH THỂ CHẾ", "Phần II: …").

    Only for a row whose TT cell is empty and that holds nothing but this title: a Roman
    numeral or a part letter (A–H) opens a section, a lower-case letter ("a)") a group.
    """
    if content[:1] in "Pp" and (part := _PART_WORD_RE.match(content)):
        rest = content[part.end() :].strip()
        return (part.group(1).upper(), NUM_ROMAN, 0, rest) if rest else None
    match = _HEADING_RE.match(content)
    if match is None:
        return None
    mark, sign, rest = match.groups()
    if mark.islower() or mark == "đ":
        return (mark, NUM_LETTER, 9, rest) if sign == ")" else None
    if sign == ")" and not rest.isupper():
        return None
    return mark, NUM_ROMAN, 0, rest.strip()
