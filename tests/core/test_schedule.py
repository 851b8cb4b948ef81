"""Schedule details beyond kind and due: start, deadlines, years, descriptions, overrides."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.schedule.lexicon import RECURRENCE_LABELS, split_parts
from cchc_desktop.schedule.phrases import (
    KIND_LABELS,
    MAX_PHRASE_LENGTH,
    SCHEDULE_KINDS,
    Schedule,
    format_date,
    parse_timeframe,
    recurrence_label,
)


def test_stub_constructor_still_works() -> None:
    schedule = Schedule("unknown")
    assert schedule.due is None and schedule.describe() == "Chưa xác định hạn"
    assert Schedule("deadline", date(2022, 3, 31)).due == date(2022, 3, 31)


def test_every_kind_has_a_label() -> None:
    assert set(KIND_LABELS) == set(SCHEDULE_KINDS)


@pytest.mark.parametrize(
    ("text", "plan_year", "expected"),
    [
        ("Quý I/2022", None, "Hạn 31/03/2022"),
        ("Tháng 4 - Tháng 10", 2021, "Từ 01/04/2021 đến 31/10/2021"),
        ("Từ tháng 4/2022", None, "Từ 01/04/2022"),
        ("Tháng 6/2022 và tháng 11/2022", None, "Hạn 30/06/2022, 30/11/2022"),
        ("Định kỳ hàng Quý", 2021, "Hằng quý"),
        ("Hàng năm", None, "Hằng năm"),
        ("Thường xuyên", 2021, "Thường xuyên"),
        ("Thường xuyên trong năm 2022", None, "Thường xuyên (năm 2022)"),
        ("Định kỳ theo kế hoạch", 2021, "Định kỳ theo kế hoạch"),
        ("6 tháng/lần", None, "6 tháng một lần"),
        ("Hằng tháng", None, "Hằng tháng"),
        ("- Quý I (Kế hoạch) - Báo cáo theo định kỳ", 2021, "Hạn 31/03/2021; định kỳ"),
        ("Hằng năm, trước ngày 15/12", 2022, "Hằng năm, hạn 15/12/2022"),
        ("Theo tiến độ phê duyệt", 2022, "Không có hạn cố định"),
        ("Sau khi có hướng dẫn của Trung ương", None, "Không có hạn cố định"),
        ("Quý I", None, "Chưa xác định hạn (thiếu năm)"),
        ("Tháng 4 - Tháng 10", None, "Chưa xác định hạn (thiếu năm)"),
        ("Đầu năm 2022", None, "Chưa xác định hạn"),
        ("", None, "Chưa xác định hạn"),
    ],
)
def test_describe(text: str, plan_year: int | None, expected: str) -> None:
    assert parse_timeframe(text, plan_year).describe() == expected


def test_range_keeps_its_start() -> None:
    schedule = parse_timeframe("Tháng 01 - Tháng 12", 2021)
    assert (schedule.start, schedule.due) == (date(2021, 1, 1), date(2021, 12, 31))


def test_deadline_has_no_start() -> None:
    assert parse_timeframe("Trong quý II/2022").start is None


def test_several_deadlines_are_kept_and_due_is_the_last() -> None:
    schedule = parse_timeframe("Quý III/2022, Quý I/2022")
    assert schedule.deadlines == (date(2022, 3, 31), date(2022, 9, 30))
    assert schedule.due == date(2022, 9, 30)


def test_compound_keeps_deadline_and_recurrence() -> None:
    schedule = parse_timeframe("- Quý I (Kế hoạch) - Báo cáo theo định kỳ", 2021)
    assert (schedule.kind, schedule.due, schedule.recurrence) == (
        "deadline",
        date(2021, 3, 31),
        "periodic",
    )
    assert schedule.year_from_plan


def test_year_from_plan_is_reported() -> None:
    assert parse_timeframe("Quý I", 2021).year_from_plan
    assert not parse_timeframe("Quý I/2021", 2030).year_from_plan


def test_written_year_beats_plan_year() -> None:
    assert parse_timeframe("Tháng 12/2020", 2021).due == date(2020, 12, 31)


def test_year_of_another_expression_beats_plan_year() -> None:
    assert parse_timeframe("Tháng 4 - Tháng 10/2019", 2021).start == date(2019, 4, 1)
    assert parse_timeframe("Tháng 11/2022 - Tháng 2", 2030).due == date(2023, 2, 28)
    assert parse_timeframe("Quý I, năm 2019", 2021).due == date(2019, 3, 31)


def test_missing_year_without_plan_year_is_flagged_not_guessed() -> None:
    schedule = parse_timeframe("Quý I")
    assert (schedule.kind, schedule.due, schedule.needs_year) == ("deadline", None, True)
    assert schedule.to_json() == {"schedule": "deadline", "due": None}


def test_recurring_scope_year() -> None:
    assert parse_timeframe("Thường xuyên trong năm 2022").year == 2022
    assert parse_timeframe("Thường xuyên trong năm", 2021).year == 2021
    assert parse_timeframe("Thường xuyên").year is None


def test_override_wins_and_is_shown() -> None:
    parsed = parse_timeframe("Quý I/2022")
    changed = parsed.with_due_override(date(2022, 4, 15))
    assert changed.effective_due == date(2022, 4, 15) and changed.overridden
    assert changed.due == date(2022, 3, 31)
    assert changed.describe() == "Hạn 15/04/2022 (điều chỉnh)"
    assert changed.to_json() == {"schedule": "deadline", "due": "2022-03-31"}
    assert changed.with_due_override(None) == parsed
    assert parsed.effective_due == date(2022, 3, 31) and not parsed.overridden


def test_override_on_phrases_without_dates() -> None:
    assert (
        parse_timeframe("Theo tiến độ phê duyệt").with_due_override(date(2022, 7, 1)).describe()
        == "Hạn 01/07/2022 (điều chỉnh)"
    )
    assert (
        parse_timeframe("Hằng quý").with_due_override(date(2022, 7, 1)).describe()
        == "Hạn 01/07/2022 (điều chỉnh); hằng quý"
    )
    assert parse_timeframe("lung tung").with_due_override(date(2022, 7, 1)).effective_due == date(
        2022, 7, 1
    )


def test_original_text_is_kept() -> None:
    text = "  Tháng Quý IV/2022 \n"
    assert parse_timeframe(text).text == text


def test_very_long_text_is_not_read() -> None:
    text = "Quý I/2022 " + "x" * MAX_PHRASE_LENGTH
    assert parse_timeframe(text).kind == "unknown"


def test_non_string_is_unknown() -> None:
    assert parse_timeframe(None).kind == "unknown"  # type: ignore[arg-type]


def test_format_date_pads() -> None:
    assert format_date(date(2024, 2, 9)) == "09/02/2024"


def test_recurrence_labels() -> None:
    assert recurrence_label("quarterly") == "Hằng quý"
    assert recurrence_label(None) == ""
    assert all(label[0].isupper() or label[0].isdigit() for label in RECURRENCE_LABELS.values())


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("- Quý I (Kế hoạch) - Báo cáo theo định kỳ", ["quy i", "bao cao theo dinh ky"]),
        ("Tháng 4 - Tháng 10", ["thang 4 - thang 10"]),
        ("Quý I - II/2022", ["quy i - ii/2022"]),
        ("Quý I;\nQuý II", ["quy i", "quy ii"]),
        ("(ghi chú)", []),
    ],
)
def test_split_parts(text: str, parts: list[str]) -> None:
    assert split_parts(text) == parts


@pytest.mark.parametrize(
    ("text", "kind", "due", "recurrence"),
    [
        ("Tháng 01 -\nTháng 12", "range", date(2021, 12, 31), None),
        ("Tháng 4\nđến tháng 10", "range", date(2021, 10, 31), None),
        ("- Quý I (Kế hoạch)\n- Báo cáo theo định kỳ", "deadline", date(2021, 3, 31), "periodic"),
        ("Quý I (Kế\nhoạch) - Báo cáo\ntheo định kỳ", "deadline", date(2021, 3, 31), "periodic"),
        ("Quý I - Báo cáo\nTheo định kỳ", "unknown", None, None),
        ("Thực hiện vào tháng 6/2022 (đối với\nkiểm tra) và tháng 11/2022", "deadline",
         date(2022, 11, 30), None),
        ("Quý I\r\nQuý III", "deadline", date(2021, 9, 30), None),
    ],
)  # fmt: skip
def test_cells_with_line_breaks(
    text: str, kind: str, due: date | None, recurrence: str | None
) -> None:
    schedule = parse_timeframe(text, 2021)
    assert (schedule.kind, schedule.due, schedule.recurrence) == (kind, due, recurrence)
