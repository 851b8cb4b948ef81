"""Where the searched words occur in a cell's text, ignoring marks and case ("dang" in "Đăng").

The search index folds text with vietnamese.search_fold; here each character is folded on its
own the same way, so a match found in the folded text maps back to the same positions in the
text shown. A word matches where a word starts (as the full-text search matches prefixes).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


class _FoldTable(dict[int, str]):
    """Fold one character to one character: its bare ASCII letter, or NUL if it has none."""

    def __missing__(self, code: int) -> str:
        ch = chr(code).replace("đ", "d").replace("Đ", "D")
        plain = unicodedata.normalize("NFD", ch).encode("ascii", "ignore").decode("ascii")
        value = plain[:1].lower() or "\0"
        self[code] = value
        return value


_FOLD = _FoldTable()


def fold_chars(text: str) -> str:
    """Fold text character by character (same length as text)."""
    return text.translate(_FOLD)


@lru_cache(maxsize=4096)
def match_ranges(text: str, terms: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Return (start, length) of each place a term starts a word in text, in order."""
    if not text or not terms:
        return ()
    folded = fold_chars(text)
    found: list[tuple[int, int]] = []
    for term in terms:
        start = folded.find(term)
        while start >= 0:
            if start == 0 or not folded[start - 1].isalnum():
                found.append((start, len(term)))
            start = folded.find(term, start + 1)
    return tuple(_merge(sorted(found)))


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping ranges."""
    merged: list[tuple[int, int]] = []
    for start, length in ranges:
        if merged and start <= merged[-1][0] + merged[-1][1]:
            last_start, last_length = merged[-1]
            merged[-1] = (last_start, max(last_length, start + length - last_start))
        else:
            merged.append((start, length))
    return merged
