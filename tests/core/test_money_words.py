"""Vietnamese numbers and money in words, against a table of amounts read by hand."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from cchc_desktop.errors import CchcError
from cchc_desktop.text.money_words import (
    AmountError,
    format_number,
    million_vnd_in_words,
    money_in_words,
    number_in_words,
)

MONEY_TABLE = [
    (0, "Không đồng"),
    (1, "Một đồng"),
    (5, "Năm đồng"),
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi tư đồng"),
    (25, "Hai mươi lăm đồng"),
    (55, "Năm mươi lăm đồng"),
    (99, "Chín mươi chín đồng"),
    (100, "Một trăm đồng"),
    (101, "Một trăm linh một đồng"),
    (105, "Một trăm linh năm đồng"),
    (110, "Một trăm mười đồng"),
    (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"),
    (1_000, "Một nghìn đồng"),
    (1_005, "Một nghìn không trăm linh năm đồng"),
    (1_021, "Một nghìn không trăm hai mươi mốt đồng"),
    (1_050, "Một nghìn không trăm năm mươi đồng"),
    (1_100, "Một nghìn một trăm đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (105_000, "Một trăm linh năm nghìn đồng"),
    (250_000, "Hai trăm năm mươi nghìn đồng"),
    (1_000_000, "Một triệu đồng"),
    (1_000_500, "Một triệu năm trăm đồng"),
    (1_000_050, "Một triệu không trăm năm mươi đồng"),
    (1_500_000, "Một triệu năm trăm nghìn đồng"),
    (2_034_000, "Hai triệu không trăm ba mươi tư nghìn đồng"),
    (3_000_000, "Ba triệu đồng"),
    (90_000_000, "Chín mươi triệu đồng"),
    (93_000_000, "Chín mươi ba triệu đồng"),
    (115_500_000, "Một trăm mười lăm triệu năm trăm nghìn đồng"),
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_000_005, "Một tỷ không trăm linh năm đồng"),
    (1_200_000_000, "Một tỷ hai trăm triệu đồng"),
    (2_005_000_000, "Hai tỷ không trăm linh năm triệu đồng"),
    (12_345_678_901, "Mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn "
                     "chín trăm linh một đồng"),
    (1_000_000_000_000, "Một nghìn tỷ đồng"),
    (5_300_000_000_000, "Năm nghìn ba trăm tỷ đồng"),
    (1_000_000_000_000_000_000, "Một tỷ tỷ đồng"),
]


@pytest.mark.parametrize(("amount", "words"), MONEY_TABLE)
def test_money_in_words_table(amount: int, words: str) -> None:
    assert money_in_words(amount) == words


def test_table_is_large_enough() -> None:
    assert len(MONEY_TABLE) >= 30


@pytest.mark.parametrize(
    ("millions", "words"),
    [
        (93.0, "Chín mươi ba triệu đồng"),
        (93, "Chín mươi ba triệu đồng"),
        (1.5, "Một triệu năm trăm nghìn đồng"),
        ("1,5", "Một triệu năm trăm nghìn đồng"),
        (0.25, "Hai trăm năm mươi nghìn đồng"),
        (0.1 + 0.2, "Ba trăm nghìn đồng"),
        (1050, "Một tỷ không trăm năm mươi triệu đồng"),
        (Decimal("3.0000005"), "Ba triệu không trăm linh một đồng"),
        (0, "Không đồng"),
    ],
)
def test_million_vnd_in_words(millions: float | str | Decimal, words: str) -> None:
    assert million_vnd_in_words(millions) == words


def test_plain_numbers_are_lowercase_and_le_is_an_option() -> None:
    assert number_in_words(1_050) == "một nghìn không trăm năm mươi"
    assert number_in_words(105, odd_word="lẻ") == "một trăm lẻ năm"
    assert number_in_words(0) == "không"


@pytest.mark.parametrize("bad", [-1, -0.5, "-3", math.nan, math.inf, "abc", True])
def test_refuses_negative_and_non_numbers(bad: object) -> None:
    with pytest.raises(AmountError) as info:
        money_in_words(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, CchcError)
    assert str(info.value)


def test_number_in_words_refuses_floats_and_unknown_odd_word() -> None:
    with pytest.raises(AmountError):
        number_in_words(1.5)  # type: ignore[arg-type]
    with pytest.raises(AmountError):
        number_in_words(-2)
    with pytest.raises(AmountError):
        number_in_words(105, odd_word="x")


@pytest.mark.parametrize(
    ("value", "text"),
    [(93.0, "93"), (90, "90"), (1.5, "1,5"), (1234.25, "1.234,25"), (0, "0"),
     (1_000_000, "1.000.000"), (-12.5, "-12,5"), (0.0005, "0,001")],
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text
