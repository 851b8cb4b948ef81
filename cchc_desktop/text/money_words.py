"""Vietnamese numbers and money in words ("Chín mươi ba triệu đồng") and number formatting.

Reading rules (the usual administrative ones, as in "Bằng chữ" lines of plans and invoices):

- A number is read in groups of three digits with the scales nghìn, triệu, tỷ; above a
  thousand tỷ the scales repeat on the tỷ count ("năm nghìn ba trăm tỷ").
- Inside a group: "mười" for 1x, "X mươi" for 2x–9x; a unit 1 after "mươi" is "mốt", 4 after
  "mươi" is "tư", 5 after "mười"/"mươi" is "lăm"; a unit after a zero ten is "linh" (or "lẻ").
- Every group after the first is read in full, so a zero hundred is said: 1.050 is "một nghìn
  không trăm năm mươi", 1.005 "một nghìn không trăm linh năm"; all-zero groups are skipped.
- Money is rounded to whole đồng; negative, infinite or missing amounts are refused.

num2words (0.5.14, "vi") gets several of these wrong (see DESIGN.md), hence this module.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from cchc_desktop.errors import ValidationError

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
SCALES = ("", "nghìn", "triệu")
BILLION = 1_000_000_000
MILLION = 1_000_000
CURRENCY = "đồng"


class AmountError(ValidationError, ValueError):
    """An amount that cannot be written in words (negative, not a number)."""


def _tens_and_units(tens: int, units: int, odd_word: str, full: bool) -> list[str]:
    """Read the last two digits of a group (full: the group is read with its hundred)."""
    if tens == 0:
        if units == 0:
            return []
        return [odd_word, DIGITS[units]] if full else [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        words.append("mốt")
    elif units == 4 and tens > 1:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _group_words(value: int, full: bool, odd_word: str) -> list[str]:
    """Read a group of three digits (full: say the hundred even when it is zero)."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [DIGITS[hundreds], "trăm"]
    return words + _tens_and_units(tens, units, odd_word, full or hundreds > 0)


def _below_billion(value: int, leading: bool, odd_word: str) -> list[str]:
    """Read 0 ≤ value < 1 tỷ; leading: nothing was said before it."""
    groups = [value // MILLION, value // 1000 % 1000, value % 1000]
    words: list[str] = []
    for index, group in enumerate(groups):
        if group == 0:
            continue
        full = bool(words) or not leading
        words += _group_words(group, full, odd_word)
        scale = SCALES[2 - index]
        if scale:
            words.append(scale)
    return words


def _words(value: int, leading: bool, odd_word: str) -> list[str]:
    """Read a non-negative integer as a list of words."""
    high, low = divmod(value, BILLION)
    if high == 0:
        return _below_billion(low, leading, odd_word)
    words = [*_words(high, leading, odd_word), "tỷ"]
    return words + _below_billion(low, False, odd_word)


def number_in_words(value: int, odd_word: str = "linh") -> str:
    """Write a non-negative integer in Vietnamese words, lowercase ("một nghìn không trăm")."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise AmountError(f"Số “{value}” không phải số nguyên.")
    if value < 0:
        raise AmountError(f"Không đọc được số âm ({value}).")
    if odd_word not in ("linh", "lẻ"):
        raise AmountError(f"Từ đọc số lẻ phải là “linh” hoặc “lẻ”, không phải “{odd_word}”.")
    if value == 0:
        return DIGITS[0]
    return " ".join(_words(value, True, odd_word))


def capitalize_first(text: str) -> str:
    """Upper-case the first letter only ("chín mươi" → "Chín mươi")."""
    return text[:1].upper() + text[1:]


def _to_decimal(amount: int | float | Decimal | str) -> Decimal:
    """Return the amount as a Decimal, refusing what is not a finite number ≥ 0."""
    if isinstance(amount, bool):
        raise AmountError(f"Số tiền “{amount}” không hợp lệ.")
    try:
        value = Decimal(str(amount).strip().replace(",", "."))
    except InvalidOperation as error:
        raise AmountError(f"Số tiền “{amount}” không phải là số.") from error
    if not value.is_finite():
        raise AmountError(f"Số tiền “{amount}” không phải là số hữu hạn.")
    if value < 0:
        raise AmountError(f"Không viết bằng chữ số tiền âm ({amount}).")
    return value


def money_in_words(amount_vnd: int | float | Decimal | str, odd_word: str = "linh") -> str:
    """Write an amount in đồng in words, capitalised ("Chín mươi ba triệu đồng")."""
    value = _to_decimal(amount_vnd)
    whole = int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return capitalize_first(f"{number_in_words(whole, odd_word)} {CURRENCY}")


def million_vnd_in_words(amount_million: int | float | Decimal | str) -> str:
    """Write a budget in millions of đồng in words (93.0 → "Chín mươi ba triệu đồng")."""
    return money_in_words(_to_decimal(amount_million) * MILLION)


def format_number(value: float | int | Decimal, decimals: int = 3) -> str:
    """Format a number the Vietnamese way: "." between thousands, "," before decimals."""
    if isinstance(value, float) and not math.isfinite(value):
        raise AmountError(f"Số “{value}” không phải là số hữu hạn.")
    quantum = Decimal(1).scaleb(-decimals)
    number = Decimal(str(value)).quantize(quantum, rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    grouped = f"{int(whole):,}".replace(",", ".")
    fraction = fraction.rstrip("0")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"
