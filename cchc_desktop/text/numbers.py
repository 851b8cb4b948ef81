"""Numbers as Vietnamese officers write them: 19.393 (dots between thousands), 7,7% and 94,74%
(a decimal comma), 1.500,5 triệu đồng. One format for every window, report and workbook."""

from __future__ import annotations

from cchc_desktop.text.money_words import format_number


def format_count(value: int) -> str:
    """Format a whole number with dots between thousands (100.000)."""
    return f"{value:,}".replace(",", ".")


def format_decimal(value: float, places: int = 2) -> str:
    """Format a number with a decimal comma and up to `places` decimals (7,7; 1.500,25; 3)."""
    return format_number(value, places)


def format_percent(value: float, places: int = 2) -> str:
    """Format a percentage with a decimal comma (7,7%; 94,74%; 100%)."""
    return f"{format_decimal(value, places)}%"


def format_money(value: float | None) -> str:
    """Format millions of đồng (1.500; 2,5; 19.393); empty when unknown."""
    return "" if value is None else format_decimal(value, 3)
