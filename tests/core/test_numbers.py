"""One number format everywhere: dots between thousands, a decimal comma, "%" after."""

from __future__ import annotations

from cchc_desktop.inspections.one_stop import format_rate
from cchc_desktop.inspections.targets import format_value
from cchc_desktop.progress.figures import Figures
from cchc_desktop.text.numbers import format_count, format_decimal, format_money, format_percent


def test_vietnamese_numbers() -> None:
    assert format_count(19393) == "19.393" and format_count(100000) == "100.000"
    assert format_percent(7.7) == "7,7%" and format_percent(94.7368) == "94,74%"
    assert format_percent(100.0) == "100%" and format_percent(5.0, 1) == "5%"
    assert format_money(1500.5) == "1.500,5" and format_money(None) == ""
    assert format_decimal(2.345, 2) == "2,35"  # half up, as people round


def test_every_screen_writes_them_alike() -> None:
    assert format_rate(94.7368) == "94,74%" and format_value(19393.0, "hồ sơ") == "19.393"
    figures = Figures(5000, 100000, {"done": 385, "done_late": 0}, 12, True)
    assert figures.text() == "5.000 nhiệm vụ (trên 100.000) · 385 hoàn thành · 12 quá hạn"
    assert figures.sentence().endswith("quá hạn: 12; tỷ lệ hoàn thành: 7,7%.")
