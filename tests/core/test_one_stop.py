"""One-stop figures: counts refused or flagged, rates computed, totals per period."""

from __future__ import annotations

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections import one_stop
from cchc_desktop.inspections.one_stop import (
    OneStopFigures,
    check_figures,
    format_rate,
    parse_count,
)
from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.audit import recent
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import PeriodError

GOOD = {"carried_over": 10, "received_new": 130, "online": 80, "in_person": 45, "by_post": 5,
        "early": 40, "on_time": 80, "late": 5, "pending_on_time": 12, "pending_overdue": 3,
        "apologies": 8}


def test_rates_from_the_figures() -> None:
    figures = one_stop.parse_figures(GOOD)
    assert (figures.received, figures.resolved, figures.pending) == (140, 125, 15)
    assert figures.on_time_rate == 96.0
    assert figures.online_rate == pytest.approx(61.54)
    assert figures.late_rate == 4.0
    assert check_figures(figures) == []
    empty = OneStopFigures()
    assert empty.on_time_rate is None and empty.online_rate is None
    assert format_rate(96.0) == "96%" and format_rate(61.54) == "61,54%"
    assert format_rate(None) == "—"


@pytest.mark.parametrize(("value", "expected"), [
    (12, 12), ("12", 12), (" 7 ", 7), ("1.250", 1250), ("1 250", 1250), (3.0, 3), ("", 0),
    (None, 0), ("0", 0),
])
def test_counts_accepted(value: object, expected: int) -> None:
    assert parse_count(value, "Số hồ sơ") == expected


@pytest.mark.parametrize(("value", "message"), [
    (-3, "Số hồ sơ trễ hạn không được âm (đã nhập -3)."),
    ("-1", "Số hồ sơ trễ hạn không được âm (đã nhập -1)."),
    (2.5, "Số hồ sơ trễ hạn phải là số nguyên (đã nhập “2.5”)."),
    ("1,5", "Số hồ sơ trễ hạn phải là số nguyên (đã nhập “1,5”)."),
    ("mười", "Số hồ sơ trễ hạn: “mười” không phải là số."),
    (True, "Số hồ sơ trễ hạn: “True” không phải là số."),
    ("nan", "Số hồ sơ trễ hạn: “nan” không phải là số."),
    (float("inf"), "Số hồ sơ trễ hạn: “inf” không phải là số."),
])
def test_counts_refused_with_a_clear_message(value: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_count(value, "Số hồ sơ trễ hạn")
    assert str(caught.value) == message


def test_figures_that_do_not_add_up_are_flagged_with_the_numbers() -> None:
    figures = one_stop.parse_figures({**GOOD, "pending_on_time": 7, "by_post": 0})
    warnings = check_figures(figures)
    assert warnings == [
        "Đã giải quyết (125) + đang giải quyết (10) = 135, khác tổng tiếp nhận = tồn kỳ trước "
        "(10) + mới tiếp nhận (130) = 140 (chênh lệch 5).",
        "Trực tuyến (80) + trực tiếp (45) + bưu chính (0) = 125, khác số mới tiếp nhận (130) "
        "(chênh lệch 5).",
    ]
    few = check_figures(one_stop.parse_figures({**GOOD, "apologies": 2}))
    assert few == ["Có 8 hồ sơ trễ hạn, quá hạn (trễ hạn 5, quá hạn 3) nhưng chỉ 2 văn bản "
                   "xin lỗi."]


def test_save_read_and_total_per_period(register: Register) -> None:
    a = add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    b = add_unit(register, Unit(id=0, name="UBND thị trấn Đắk Hà"))
    saved = one_stop.save_figures(register, a, "2026-q1", GOOD, note=" Số liệu từ egov ")
    assert saved.period_code == "2026-Q1" and saved.warnings == [] and saved.note == (
        "Số liệu từ egov")
    odd = one_stop.save_figures(register, b, "2026-Q1", {"received_new": 10, "in_person": 10,
                                                         "on_time": 9})
    assert len(odd.warnings) == 1 and "(chênh lệch 1)" in odd.warnings[0]
    rows = one_stop.figures_for_period(register, "2026-Q1")
    assert [(r.unit_name, len(r.warnings)) for r in rows] == [
        ("UBND thị trấn Đắk Hà", 1), ("UBND xã Đắk Long", 0)]
    total = one_stop.period_total(register, "2026-Q1")
    assert total is not None and (total.resolved, total.received) == (134, 150)
    assert total.on_time_rate == pytest.approx(100 * 129 / 134, abs=0.01)
    assert one_stop.period_total(register, "2026-H1") is None
    one_stop.save_figures(register, a, "2026-Q1", {**GOOD, "late": 6, "pending_overdue": 2})
    got = one_stop.get_figures(register, a, "2026-Q1")
    assert got is not None and got.figures.late == 6
    assert sum(e["action"] == "one_stop" for e in recent(register.db)) == 3
    one_stop.delete_figures(register, b, "2026-Q1")
    assert one_stop.get_figures(register, b, "2026-Q1") is None
    with pytest.raises(ValidationError, match="chưa có số liệu"):
        one_stop.delete_figures(register, b, "2026-Q1")


def test_bad_input_writes_nothing(register: Register) -> None:
    a = add_unit(register, Unit(id=0, name="UBND xã Hà Môn"))
    with pytest.raises(ValidationError, match="Số hồ sơ giải quyết trễ hạn không được âm"):
        one_stop.save_figures(register, a, "2026-Q1", {**GOOD, "late": -1})
    with pytest.raises(PeriodError):
        one_stop.save_figures(register, a, "Quý 1", GOOD)
    with pytest.raises(ValidationError, match="không hợp lệ: tre_han"):
        one_stop.save_figures(register, a, "2026-Q1", {"tre_han": 1})
    assert one_stop.figures_for_period(register, "2026-Q1") == []
