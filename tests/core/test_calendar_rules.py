"""The reporting calendar: 581/BNV-CCHC windows, due dates, cut-offs, codes, settings."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_desktop.errors import CchcError
from cchc_desktop.schedule.periods import (
    PERIOD_KINDS,
    PERIOD_LABELS,
    CalendarSettings,
    DayMonth,
    PeriodError,
    ReportingPeriod,
    make_period,
    next_period,
    parse_period_code,
    period_for_date,
    periods_containing,
    periods_of_year,
    previous_period,
)


@pytest.mark.parametrize(
    ("code", "kind", "label", "start", "end", "due"),
    [
        ("2026-Q1", "Q1", "Quý I", date(2025, 12, 15), date(2026, 3, 14), date(2026, 3, 20)),
        ("2026-H1", "H1", "6 tháng", date(2025, 12, 15), date(2026, 6, 14), date(2026, 6, 20)),
        ("2026-Q3", "Q3", "Quý III", date(2026, 6, 15), date(2026, 9, 14), date(2026, 9, 20)),
        ("2026-9M", "9M", "9 tháng", date(2025, 12, 15), date(2026, 9, 14), date(2026, 9, 20)),
        ("2026", "Y", "Năm", date(2025, 12, 15), date(2026, 12, 14), date(2026, 12, 20)),
    ],
)
def test_default_windows_follow_581(
    code: str, kind: str, label: str, start: date, end: date, due: date
) -> None:
    period = parse_period_code(code)
    assert period == ReportingPeriod(
        2026, kind, start, end, due, label, due - timedelta(days=8), due - timedelta(days=4)
    )
    assert period.code == code


def test_quarter_one_cutoffs_match_the_design_example() -> None:
    period = parse_period_code("2026-Q1")
    assert (period.units_cutoff, period.office_cutoff) == (date(2026, 3, 12), date(2026, 3, 16))


def test_titles() -> None:
    assert parse_period_code("2026-Q1").title == "Quý I năm 2026"
    assert parse_period_code("2026-H1").title == "6 tháng năm 2026"
    assert parse_period_code("2026").title == "Năm 2026"


def test_labels_cover_every_kind() -> None:
    assert [PERIOD_LABELS[k] for k in PERIOD_KINDS] == [
        "Quý I",
        "6 tháng",
        "Quý III",
        "9 tháng",
        "Năm",
    ]


@pytest.mark.parametrize("code", [" 2026-q1 ", "2026 - H1", "2026-9m", "2026-y", "2026-Y"])
def test_codes_are_forgiving_about_case_and_spaces(code: str) -> None:
    assert parse_period_code(code).year == 2026


@pytest.mark.parametrize(
    "code", ["", "2026-Q2", "2026-Q4", "26-Q1", "2026Q1", "Quý I/2026", "2026-H2", "abc", "1899"]
)
def test_bad_codes_raise_vietnamese_value_errors(code: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_period_code(code)
    assert isinstance(caught.value, CchcError)
    assert "không hợp lệ" in str(caught.value) or "nằm ngoài" in str(caught.value)


def test_bad_code_message_names_the_code_and_the_forms() -> None:
    with pytest.raises(
        PeriodError, match="“2026-Q2”.*2026-Q1, 2026-H1, 2026-Q3, 2026-9M hoặc 2026"
    ):
        parse_period_code("2026-Q2")


def test_periods_of_year_in_order() -> None:
    assert [p.code for p in periods_of_year(2026)] == [
        "2026-Q1",
        "2026-H1",
        "2026-Q3",
        "2026-9M",
        "2026",
    ]


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(2025, 12, 14), "2025"),
        (date(2025, 12, 15), "2026-Q1"),
        (date(2026, 1, 1), "2026-Q1"),
        (date(2026, 3, 14), "2026-Q1"),
        (date(2026, 3, 15), "2026-H1"),
        (date(2026, 6, 14), "2026-H1"),
        (date(2026, 6, 15), "2026-Q3"),
        (date(2026, 9, 14), "2026-Q3"),
        (date(2026, 9, 15), "2026"),
        (date(2026, 12, 14), "2026"),
        (date(2026, 12, 15), "2027-Q1"),
        (date(2026, 12, 31), "2027-Q1"),
    ],
)
def test_period_for_date_at_window_boundaries(day: date, code: str) -> None:
    assert period_for_date(day).code == code


def test_leap_day_is_in_quarter_one_2024() -> None:
    q1 = parse_period_code("2024-Q1")
    assert q1.contains(date(2024, 2, 29))
    assert period_for_date(date(2024, 2, 29)) == q1
    assert (q1.start, q1.end, q1.due) == (date(2023, 12, 15), date(2024, 3, 14), date(2024, 3, 20))


def test_periods_containing_lists_overlaps_first_closing_first() -> None:
    codes = [p.code for p in periods_containing(date(2026, 2, 1))]
    assert codes == ["2026-Q1", "2026-H1", "2026-9M", "2026"]


def test_without_nine_months() -> None:
    settings = CalendarSettings(kinds=("Q1", "H1", "Q3", "Y"))
    assert [p.kind for p in periods_of_year(2026, settings)] == ["Q1", "H1", "Q3", "Y"]
    assert next_period(parse_period_code("2026-Q3", settings), settings).code == "2026"
    assert next_period(parse_period_code("2026-9M", settings), settings).code == "2026"


def test_next_and_previous_walk_the_year() -> None:
    period = parse_period_code("2025")
    seen = []
    for _ in range(6):
        period = next_period(period)
        seen.append(period.code)
    assert seen == ["2026-Q1", "2026-H1", "2026-Q3", "2026-9M", "2026", "2027-Q1"]
    assert previous_period(parse_period_code("2026-Q1")).code == "2025"
    assert previous_period(parse_period_code("2026-Q3")).code == "2026-H1"


def test_every_day_of_a_leap_year_has_exactly_one_period() -> None:
    day = date(2024, 1, 1)
    while day.year == 2024:
        period = period_for_date(day)
        assert period.contains(day)
        day += timedelta(days=1)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(2998, 12, 31)))
def test_period_for_date_contains_the_day(day: date) -> None:
    period = period_for_date(day)
    assert period.contains(day)
    assert all(period.end <= other.end for other in periods_containing(day))


def test_custom_windows_due_day_and_cutoffs() -> None:
    settings = CalendarSettings(
        windows={
            "Q1": (DayMonth(1, 1), DayMonth(31, 3)),
            "H1": (DayMonth(1, 1), DayMonth(30, 6)),
            "Q3": (DayMonth(1, 7), DayMonth(30, 9)),
            "9M": (DayMonth(1, 1), DayMonth(30, 9)),
            "Y": (DayMonth(1, 1), DayMonth(31, 12)),
        },
        due_day=25,
        due_dates={"Y": DayMonth(10, 1, 1)},
        units_cutoff={"Q1": DayMonth(10, 3), "Y": -20},
        office_cutoff=None,
    )
    q1 = parse_period_code("2026-Q1", settings)
    assert (q1.start, q1.end, q1.due) == (date(2026, 1, 1), date(2026, 3, 31), date(2026, 3, 25))
    assert (q1.units_cutoff, q1.office_cutoff) == (date(2026, 3, 10), None)
    year = parse_period_code("2026", settings)
    assert year.due == date(2027, 1, 10)
    assert year.units_cutoff == date(2026, 12, 21)
    assert parse_period_code("2026-H1", settings).units_cutoff is None


def test_day_31_clamps_to_the_month_and_leap_february() -> None:
    settings = CalendarSettings(
        windows={**CalendarSettings().windows, "Q1": (DayMonth(1, 12, -1), DayMonth(29, 2))},
        due_day=31,
    )
    assert parse_period_code("2023-Q1", settings).end == date(2023, 2, 28)
    assert parse_period_code("2024-Q1", settings).end == date(2024, 2, 29)
    assert parse_period_code("2026-H1", settings).due == date(2026, 6, 30)


@pytest.mark.parametrize(
    "changes",
    [
        {"due_day": 0},
        {"due_day": 32},
        {"kinds": ("Q2",)},
        {"windows": {"Q1": (DayMonth(15, 13, -1), DayMonth(14, 3))}, "kinds": ("Q1",)},
        {"windows": {"Q1": (DayMonth(15, 3), DayMonth(14, 3))}, "kinds": ("Q1",)},
        {"windows": {"Q1": (DayMonth(15, 12, -1), DayMonth(14, 3))}},
        {"due_dates": {"Y": DayMonth(0, 1)}},
    ],
)
def test_bad_settings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(PeriodError):
        CalendarSettings(**changes)  # type: ignore[arg-type]


def test_make_period_refuses_unknown_kinds_and_years() -> None:
    with pytest.raises(PeriodError):
        make_period(2026, "Q2")
    with pytest.raises(PeriodError, match="nằm ngoài"):
        make_period(1800, "Q1")


def test_period_for_date_outside_custom_windows() -> None:
    settings = CalendarSettings(windows={"Q3": (DayMonth(15, 6), DayMonth(14, 9))}, kinds=("Q3",))
    assert period_for_date(date(2026, 7, 1), settings).code == "2026-Q3"
    with pytest.raises(PeriodError, match="không thuộc kỳ báo cáo nào"):
        period_for_date(date(2026, 1, 1), settings)


def test_periods_are_frozen() -> None:
    period = parse_period_code("2026-Q1")
    with pytest.raises(dataclasses.FrozenInstanceError):
        period.year = 2027  # type: ignore[misc]
