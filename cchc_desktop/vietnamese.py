"""Vietnamese text helpers: folding for search and matching, a collation key.

fold() is the one definition of "the same text ignoring case, marks and spacing" used by
search, unit matching and header detection. Unicode does not decompose đ/Đ, so it is mapped
explicitly.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE_RE = re.compile(r"\s+")
_D_MAP = str.maketrans({"đ": "d", "Đ": "D"})
# Combining marks that change the vowel itself (breve, circumflex, horn) are part of the letter
# in Vietnamese; tone marks (grave, hook, tilde, acute, dot below) are a second-level difference.
_LETTER_MARKS = {"\u0306": "\u0306", "\u0302": "\u0302", "\u031b": "\u031b"}
_TONE_ORDER = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"


def nfc(text: str) -> str:
    """Return text in Unicode NFC (the form Vietnamese documents and fonts expect)."""
    return unicodedata.normalize("NFC", text)


def collapse_spaces(text: str) -> str:
    """Collapse runs of white space (including newlines) to one space and strip."""
    return _SPACE_RE.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """Fold text for matching: lowercase, no diacritics, đ→d, single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return collapse_spaces(stripped.lower())


def _split_letter(ch: str) -> tuple[str, int]:
    """Split one precomposed character into (base letter with vowel marks, tone rank)."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[0]
    tone = 0
    vowel_marks = ""
    for mark in decomposed[1:]:
        if mark in _LETTER_MARKS:
            vowel_marks += mark
        elif mark in _TONE_ORDER:
            tone = _TONE_ORDER[mark]
    return unicodedata.normalize("NFC", base + vowel_marks), tone


def _letter_rank(letter: str) -> int:
    """Rank a base letter in the Vietnamese alphabet; other characters sort by code point."""
    index = _ALPHABET.find(letter) if len(letter) == 1 else -1
    if index >= 0:
        return 1000 + index * 2
    if letter == " ":
        return 0
    return 2000 + ord(letter[0])


def sort_key(text: str | None) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Return a key that sorts Vietnamese text in dictionary order (a < ă < â … d < đ).

    Letters decide first, then tones (ngang, huyền, hỏi, ngã, sắc, nặng), then case.
    """
    letters: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for ch in collapse_spaces(nfc(text or "")):
        base, tone = _split_letter(ch)
        letters.append(_letter_rank(base))
        tones.append(tone)
        cases.append(0 if ch.islower() or not ch.isalpha() else 1)
    return tuple(letters), tuple(tones), tuple(cases)
