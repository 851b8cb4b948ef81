"""A fast Vietnamese collation for sorting many rows (tens of thousands) at C speed.

The order follows the Vietnamese alphabet (a ă â b c d đ e ê … o ô ơ … u ư v x y, with the
Latin f j w z in their Latin places) as QCollator(QLocale.Vietnamese) sorts it: letters decide
first, then tones (ngang, huyền, hỏi, ngã, sắc, nặng), then case. White space sorts before
punctuation, punctuation before digits, digits before letters. Each level is one str.translate
over a table built once, so a key costs a few microseconds whatever the text length;
sort_ids() compares whole keys only where the letters tie.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_MARKS = frozenset({"\u0306", "\u0302", "\u031b"})  # breve, circumflex, horn: letters
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
# Primary weights live in bands; characters outside the tables keep their own code point.
_SPACE, _PUNCT, _DIGIT, _LETTER, _OTHER = 0x20, 0x100, 0x3000, 0xE000, 0xE100
_TABLE_RANGES = ((0x0, 0x250), (0x300, 0x370), (0x1E00, 0x1F00), (0x2000, 0x2070))

SortKey = tuple[str, str, str]


def _split(ch: str) -> tuple[str, str]:
    """Return (base letter with its vowel marks, tone digit) of one character."""
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base = decomposed[:1]
    marks = "".join(m for m in decomposed[1:] if m in _LETTER_MARKS)
    tone = next((_TONES[m] for m in decomposed[1:] if m in _TONES), "0")
    return unicodedata.normalize("NFC", base + marks), tone


def _primary(ch: str) -> str:
    """Return the primary weight of one character as a one-character string."""
    if ch.isspace():
        return chr(_SPACE)
    letter, _ = _split(ch)
    index = _ALPHABET.find(letter) if len(letter) == 1 else -1
    if index >= 0:
        return chr(_LETTER + index)
    if ch.isdigit() and ch.isascii():
        return chr(_DIGIT + ord(ch))
    if not ch.isalnum():
        return chr(_PUNCT + ord(ch))
    return chr(_OTHER + ord(letter[:1] or ch))


def _table(weigh: object) -> dict[int, str]:
    """Build a translate table over the Latin, Vietnamese and punctuation ranges."""
    return {cp: weigh(chr(cp))  # type: ignore[operator]
            for start, end in _TABLE_RANGES for cp in range(start, end)}


_PRIMARY = _table(_primary)
_SECONDARY = _table(lambda ch: _split(ch)[1])
_TERTIARY = _table(lambda ch: "1" if ch.isupper() else "0")


def primary_key(text: str | None) -> str:
    """Return the letters-only level of the key (equal for texts differing in tone or case)."""
    return unicodedata.normalize("NFC", text).translate(_PRIMARY) if text else ""


def vi_sort_key(text: str | None) -> SortKey:
    """Return a key that sorts Vietnamese text in dictionary order (letters, tones, case)."""
    if not text:
        return ("", "", "")
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return (text.translate(_PRIMARY), text.translate(_SECONDARY), text.translate(_TERTIARY))


def _ranks(texts: Iterable[str]) -> dict[str, int]:
    """Return each distinct text's rank in Vietnamese order (tones and case break ties)."""
    distinct = list(set(texts))
    keys = [primary_key(text) for text in distinct]
    order = sorted(range(len(distinct)), key=keys.__getitem__)
    ordered = [distinct[i] for i in order]
    sorted_keys = [keys[i] for i in order]
    tied = [i for i in range(1, len(order)) if sorted_keys[i] == sorted_keys[i - 1]]
    start = 0
    while start < len(tied):
        end = start
        while end + 1 < len(tied) and tied[end + 1] == tied[end] + 1:
            end += 1
        first, last = tied[start] - 1, tied[end] + 1
        ordered[first:last] = sorted(ordered[first:last], key=vi_sort_key)
        start = end + 1
    return dict(zip(ordered, range(len(ordered)), strict=True))


def sort_ids(pairs: Iterable[tuple[int, str | None]], descending: bool = False) -> list[int]:
    """Return the ids of (id, text) pairs in Vietnamese order of their texts (stable)."""
    items = [(row_id, text or "") for row_id, text in pairs]
    ranks = _ranks(text for _, text in items)
    items.sort(key=lambda item: ranks[item[1]], reverse=descending)
    return [row_id for row_id, _ in items]
