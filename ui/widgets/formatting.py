"""Numbers and dates as Vietnamese officers write them: 1.500,5 (triệu đồng), 31/03/2026."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtGui import QValidator

from cchc_desktop.errors import ValidationError
from cchc_desktop.text.numbers import format_count, format_decimal, format_money, format_percent

__all__ = ["BudgetValidator", "format_budget", "format_count", "format_date", "format_decimal",
           "format_percent", "parse_budget", "parse_date"]

_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")  # 1.500 or 1.500,25
_PLAIN = re.compile(r"^\d+(,\d+)?$")  # 1500 or 2,5
_PARTIAL = re.compile(r"^[\d.]*,?\d*$")


def format_budget(value: float | None) -> str:
    """Format millions of đồng the Vietnamese way (1.500; 2,5; empty when unknown)."""
    return format_money(value)


def parse_budget(text: str) -> float | None:
    """Read a budget typed with a decimal comma ("2,5", "1.500"); '' means no budget."""
    cleaned = text.strip().replace(" ", "")
    if not cleaned:
        return None
    if cleaned.startswith("-"):
        raise ValidationError("Kinh phí phải là số không âm (triệu đồng).")
    if not (_GROUPED.match(cleaned) or _PLAIN.match(cleaned)):
        raise ValidationError(
            f"Kinh phí “{text.strip()}” không hợp lệ: ghi số triệu đồng, dấu phẩy trước phần "
            "thập phân, dấu chấm ngăn hàng nghìn (ví dụ 2,5 hoặc 1.500).")
    return float(cleaned.replace(".", "").replace(",", "."))


def format_date(value: date | None) -> str:
    """Format a date as dd/mm/yyyy (empty when unknown)."""
    return value.strftime("%d/%m/%Y") if value else ""


def parse_date(text: str) -> str | None:
    """Read a date typed as dd/mm/yyyy (or d/m/yyyy, with . or -) as ISO; '' means none."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cleaned)
    try:
        if match is None:
            raise ValueError(cleaned)
        day, month, year = (int(part) for part in match.groups())
        return date(year, month, day).isoformat()
    except ValueError as error:
        raise ValidationError(f"Hạn “{cleaned}” không phải ngày hợp lệ: ghi ngày/tháng/năm, "
                              "ví dụ 31/03/2026 (để trống: theo cột Thời gian).") from error


class BudgetValidator(QValidator):
    """Accept what can still become a budget; mark complete only what parse_budget reads."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:  # noqa: D102
        stripped = text.strip().replace(" ", "")
        if not stripped:
            return QValidator.State.Acceptable, text, pos
        if not _PARTIAL.match(stripped):
            return QValidator.State.Invalid, text, pos
        try:
            parse_budget(stripped)
        except ValidationError:
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Acceptable, text, pos
