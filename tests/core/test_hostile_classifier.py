"""Property tests of the reader's pure row classifiers: the TT cell and the column-number row."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.excel.read.headers import is_column_number_row
from cchc_desktop.excel.read.rows import (
    NUM_ARABIC,
    NUM_LETTER,
    NUM_NONE,
    NUM_OTHER,
    NUM_ROMAN,
    parse_number,
)

_ROMAN = [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(value: int) -> str:
    """Write 1–39 in Roman numerals."""
    text = ""
    for amount, letters in _ROMAN:
        while value >= amount:
            text, value = text + letters, value - amount
    return text


_dotted = st.lists(st.integers(1, 999), min_size=1, max_size=5).map(
    lambda parts: ".".join(map(str, parts)))
_blank = st.sampled_from(["", None])
_small = st.one_of(st.integers(1, 99), st.integers(1, 99).map(float),
                   st.integers(1, 99).map(lambda n: f"({n})"), st.integers(1, 99).map(str))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_tt_cell_gets_a_kind_and_never_raises(text: str) -> None:
    number, kind, depth = parse_number(text)
    assert kind in (NUM_NONE, NUM_ARABIC, NUM_ROMAN, NUM_LETTER, NUM_OTHER)
    assert isinstance(number, str) and 0 <= depth <= 9
    if kind == NUM_OTHER:
        assert number == text
    if kind == NUM_NONE:
        assert number == ""


@given(_dotted, st.booleans())
def test_dotted_numbers_are_arabic_with_their_depth(number: str, trailing_dot: bool) -> None:
    text = number + ("." if trailing_dot else "")
    assert parse_number(text) == (number, NUM_ARABIC, number.count(".") + 1)
    assert parse_number(number) == parse_number(text)  # idempotent on what it returns


@given(st.integers(1, 39), st.sampled_from(["", ".", ")", ":", " .", " )"]))
def test_roman_numerals_open_sections(value: int, suffix: str) -> None:
    assert parse_number(roman(value) + suffix) == (roman(value), NUM_ROMAN, 0)


@given(st.sampled_from("abcdđeghiklmnopqrstuvxy"), st.sampled_from(["", ".", ")"]))
def test_lowercase_letters_are_lettered_items(letter: str, suffix: str) -> None:
    assert parse_number(letter + suffix) == (letter, NUM_LETTER, 9)


@given(st.sampled_from(["-", "+", "*", "•", "–", ""]))
def test_bullets_and_blanks_carry_no_number(text: str) -> None:
    assert parse_number(text) == ("", NUM_NONE, 0)


@given(st.lists(st.one_of(_small, _blank), max_size=12))
def test_column_number_rows_need_three_small_numbers(row: list[Any]) -> None:
    filled = [value for value in row if value not in ("", None)]
    assert is_column_number_row(row) == (len(filled) >= 3)


@given(st.lists(st.one_of(_small, _blank), min_size=3, max_size=10),
       st.integers(0, 9), st.sampled_from(["Nội dung", "TT", "100", 0, -1, 1.5, True, "x)"]))
def test_any_other_cell_breaks_a_column_number_row(
    row: list[Any], where: int, intruder: Any
) -> None:
    row = row[:where] + [intruder] + row[where:]
    assert not is_column_number_row(row)
