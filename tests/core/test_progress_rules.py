"""Progress rules: computed lateness, overdue, due-soon windows, overrides, leap years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.errors import CchcError
from cchc_desktop.schedule.lateness import (
    ALERT_DAYS,
    DEFERRED,
    DONE,
    DONE_LATE,
    IN_PROGRESS,
    NOT_DONE,
    NOT_STARTED,
    STATUS_LABELS,
    STATUSES,
    EffectiveStatus,
    StatusError,
    alert_window,
    days_until_due,
    due_for_period,
    due_soon,
    effective_status,
    is_overdue,
    parse_status,
    resolve_due,
    status_label,
)
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.schedule.phrases import parse_timeframe

Q1_2024 = parse_timeframe("Quý I/2024").due  # 31/03/2024
LEAP_DAY = date(2024, 2, 29)


def test_labels() -> None:
    assert [STATUS_LABELS[s] for s in STATUSES] == [
        "Chưa thực hiện",
        "Đang thực hiện",
        "Hoàn thành",
        "Hoàn thành trễ hạn",
        "Không thực hiện",
        "Chuyển kỳ sau",
    ]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Hoàn thành", DONE),
        ("hoan thanh tre han", DONE_LATE),
        ("  ĐANG THỰC HIỆN ", IN_PROGRESS),
        ("Chuyển kỳ sau", DEFERRED),
        ("not_done", NOT_DONE),
        ("not started", NOT_STARTED),
    ],
)
def test_parse_status_accepts_codes_and_labels(text: str, code: str) -> None:
    assert parse_status(text) == code


def test_unknown_status_is_a_vietnamese_error() -> None:
    with pytest.raises(StatusError, match="Trạng thái “Xong” không hợp lệ") as caught:
        parse_status("Xong")
    assert isinstance(caught.value, CchcError) and isinstance(caught.value, ValueError)


def test_status_label() -> None:
    assert status_label(DONE_LATE) == "Hoàn thành trễ hạn"
    assert status_label("hoàn thành") == "Hoàn thành"


@pytest.mark.parametrize(
    ("typed", "completed_on", "shown", "days_late"),
    [
        (DONE, date(2024, 3, 30), DONE, 0),
        (DONE, date(2024, 3, 31), DONE, 0),
        (DONE, date(2024, 4, 1), DONE_LATE, 1),
        (DONE_LATE, date(2024, 3, 31), DONE, 0),
        (DONE_LATE, date(2024, 4, 10), DONE_LATE, 10),
        (DONE, None, DONE, 0),
        (DONE_LATE, None, DONE_LATE, 0),
    ],
)
def test_late_completion_is_computed(
    typed: str, completed_on: date | None, shown: str, days_late: int
) -> None:
    result = effective_status(typed, Q1_2024, completed_on, today=date(2024, 6, 1))
    assert (result.status, result.overdue, result.days_late) == (shown, False, days_late)


@pytest.mark.parametrize(
    ("today", "overdue", "days_late"),
    [
        (date(2024, 3, 30), False, 0),
        (date(2024, 3, 31), False, 0),
        (date(2024, 4, 1), True, 1),
        (date(2024, 12, 31), True, 275),
    ],
)
def test_open_task_is_overdue_after_the_due_day(today: date, overdue: bool, days_late: int) -> None:
    for status in (NOT_STARTED, IN_PROGRESS):
        result = effective_status(status, Q1_2024, None, today)
        assert (result.status, result.overdue, result.days_late) == (status, overdue, days_late)
        assert is_overdue(status, Q1_2024, today) is overdue


@pytest.mark.parametrize("status", [NOT_DONE, DEFERRED])
def test_closed_statuses_are_never_overdue(status: str) -> None:
    result = effective_status(status, Q1_2024, None, date(2025, 1, 1))
    assert (result.status, result.overdue) == (status, False)
    assert not is_overdue(status, Q1_2024, date(2025, 1, 1))
    assert not due_soon(status, Q1_2024, date(2024, 3, 30))


def test_no_due_date_is_never_late() -> None:
    assert effective_status(DONE, None, date(2030, 1, 1), date(2030, 1, 1)).status == DONE
    assert not effective_status(IN_PROGRESS, None, None, date(2030, 1, 1)).overdue
    assert days_until_due(None, date(2030, 1, 1)) is None
    assert alert_window(IN_PROGRESS, None, date(2030, 1, 1)) is None


def test_override_wins_over_parsed_due() -> None:
    override = date(2024, 4, 15)
    assert resolve_due(Q1_2024, override) == override
    assert resolve_due(Q1_2024) == Q1_2024
    result = effective_status(DONE, Q1_2024, date(2024, 4, 10), date(2024, 5, 1), override)
    assert result == EffectiveStatus(DONE, False, override, overridden=True)
    assert not is_overdue(IN_PROGRESS, Q1_2024, date(2024, 4, 10), due_override=override)
    assert is_overdue(IN_PROGRESS, None, date(2024, 4, 16), due_override=override)
    assert days_until_due(Q1_2024, date(2024, 4, 10), override) == 5


def test_override_can_make_a_task_late() -> None:
    earlier = date(2024, 2, 29)
    result = effective_status(DONE, Q1_2024, date(2024, 3, 1), date(2024, 3, 1), earlier)
    assert (result.status, result.days_late, result.due) == (DONE_LATE, 1, LEAP_DAY)


def test_leap_day_deadline() -> None:
    due = parse_timeframe("Tháng 2/2024").due
    assert due == LEAP_DAY
    assert not is_overdue(IN_PROGRESS, due, LEAP_DAY)
    assert is_overdue(IN_PROGRESS, due, date(2024, 3, 1))
    assert days_until_due(due, date(2024, 2, 28)) == 1
    assert days_until_due(parse_timeframe("Tháng 2/2023").due, date(2023, 2, 27)) == 1
    assert effective_status(DONE, due, date(2024, 3, 1), date(2024, 3, 2)).status == DONE_LATE
    assert effective_status(DONE, due, LEAP_DAY, date(2024, 3, 2)).status == DONE


@pytest.mark.parametrize(
    ("today", "left", "window"),
    [
        (date(2024, 3, 23), 8, None),
        (date(2024, 3, 24), 7, 7),
        (date(2024, 3, 28), 3, 3),
        (date(2024, 3, 29), 2, 3),
        (date(2024, 3, 30), 1, 1),
        (date(2024, 3, 31), 0, 1),
        (date(2024, 4, 1), -1, None),
    ],
)
def test_due_soon_windows(today: date, left: int, window: int | None) -> None:
    assert days_until_due(Q1_2024, today) == left
    assert alert_window(IN_PROGRESS, Q1_2024, today) == window
    for days in ALERT_DAYS:
        assert due_soon(NOT_STARTED, Q1_2024, today, days) is (0 <= left <= days)
    assert not due_soon(DONE, Q1_2024, today)


def test_due_soon_default_is_seven_days_and_rejects_negative() -> None:
    assert due_soon(IN_PROGRESS, Q1_2024, date(2024, 3, 24))
    with pytest.raises(ValueError):
        due_soon(IN_PROGRESS, Q1_2024, date(2024, 3, 24), -1)


def test_describe() -> None:
    assert effective_status(IN_PROGRESS, Q1_2024, None, date(2024, 4, 3)).describe() == (
        "Đang thực hiện (quá hạn 3 ngày)"
    )
    assert effective_status(DONE, Q1_2024, date(2024, 4, 2), date(2024, 5, 1)).describe() == (
        "Hoàn thành trễ hạn (2 ngày)"
    )
    assert effective_status(DONE, Q1_2024, None, date(2024, 5, 1)).label == "Hoàn thành"


def test_due_for_period() -> None:
    q1 = parse_period_code("2024-Q1")
    assert due_for_period(parse_timeframe("Quý I/2024"), q1) == Q1_2024
    assert due_for_period(parse_timeframe("Định kỳ hàng Quý"), q1) == date(2024, 3, 14)
    assert due_for_period(parse_timeframe("Theo tiến độ phê duyệt"), q1) is None
    overridden = parse_timeframe("Hằng quý").with_due_override(LEAP_DAY)
    assert due_for_period(overridden, q1) == LEAP_DAY
    assert due_for_period(parse_timeframe("Quý I/2024"), q1, date(2024, 4, 5)) == date(2024, 4, 5)


@given(
    st.sampled_from(STATUSES),
    st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_rules_agree(status: str, due: date | None, done: date | None, today: date) -> None:
    result = effective_status(status, due, done, today)
    assert result.overdue == is_overdue(status, due, today)
    assert not (result.overdue and result.status in (DONE, DONE_LATE, NOT_DONE, DEFERRED))
    if result.status == DONE_LATE and done is not None and due is not None:
        assert done > due
    if due is not None and due_soon(status, due, today):
        assert not is_overdue(status, due, today)
        assert due - today <= timedelta(days=7)
