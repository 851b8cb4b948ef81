"""The phrase table: every "Thời gian" phrase of the shared plans and samples, and many more."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.schedule.phrases import SCHEDULE_KINDS, parse_timeframe
from cchc_desktop.text.folding import fold

SHARED = Path(__file__).resolve().parents[3] / "shared"

D, R, C, U, REC = "deadline", "range", "condition", "unknown", "recurring"

# (phrase exactly as written, plan year, kind, due or None, recurrence or None)
PHRASES: list[tuple[str, int | None, str, str | None, str | None]] = [
    # ke-hoach-cchc-2021-thanh-tra-dak-nong.txt (plan year 2021), column "Thời gian thực hiện"
    ("- Quý I (Kế hoạch) - Báo cáo theo định kỳ", 2021, D, "2021-03-31", "periodic"),
    ("Khi có văn bản mới cần cụ thể hoá", 2021, C, None, None),
    ("Quý I", 2021, D, "2021-03-31", None),
    ("Quý I/2020", 2021, D, "2020-03-31", None),
    ("Quý IV năm 2021", 2021, D, "2021-12-31", None),
    ("Sau khi có kết quả công bố Chỉ số CCHC năm 2020", 2021, C, None, None),
    ("Theo kế hoạch của Sở Nội vụ", 2021, C, None, None),
    ("Theo kế hoạch của UBND tỉnh", 2021, C, None, None),
    ("Theo kế hoạch của UBND tỉnh, Thanh tra Chính phủ", 2021, C, None, None),
    ("Tháng 01 - Tháng 12", 2021, R, "2021-12-31", None),
    ("Tháng 01/2021", 2021, D, "2021-01-31", None),
    ("Tháng 12/2020", 2021, D, "2020-12-31", None),
    ("Tháng 4 - Tháng 10", 2021, R, "2021-10-31", None),
    ("Tháng 5 - Tháng 10", 2021, R, "2021-10-31", None),
    ("Thường xuyên", 2021, REC, None, "continuous"),
    ("Thường xuyên trong năm", 2021, REC, None, "continuous"),
    ("Định kỳ hàng Quý", 2021, REC, None, "quarterly"),
    ("Định kỳ theo kế hoạch", 2021, REC, None, "per_plan"),
    ("Định kỳ trong năm", 2021, REC, None, "periodic"),
    # ke-hoach-cchc-2022-so-noi-vu-dong-nai.txt (plan year 2022), column "Thời gian hoàn thành"
    ("Chậm nhất quý II/2022", 2022, D, "2022-06-30", None),
    ("Quý III/2022", 2022, D, "2022-09-30", None),
    ("Theo KH đào tạo, bồi dưỡng", 2022, C, None, None),
    ("Theo Kế hoạch của tỉnh", 2022, C, None, None),
    ("Theo hướng dẫn Trung ương", 2022, C, None, None),
    ("Theo thời hạn đã đăng ký với UBND tỉnh", 2022, C, None, None),
    ("Theo tiến độ của tỉnh", 2022, C, None, None),
    ("Theo tiến độ phê duyệt", 2022, C, None, None),
    ("Tháng Quý IV/2022", 2022, D, "2022-12-31", None),
    ("Trong quý II/2022", 2022, D, "2022-06-30", None),
    # ke-hoach-kiem-tra-cchc-2022-dak-ha.txt has no table; its "Thời gian kiểm tra" sentences
    (
        "Thực hiện vào tháng 6/2022 (đối với kiểm tra 6 tháng đầu năm) và tháng 11/2022 (đối với"
        " kiểm tra 6 tháng cuối năm 2022).",
        2022,
        D,
        "2022-11-30",
        None,
    ),
    (
        "Dự kiến tháng 6/2022 và tháng 11/2022 (Thời gian kiểm tra cụ thể sẽ có lịch thông báo"
        " sau).",
        2022,
        D,
        "2022-11-30",
        None,
    ),
    (
        "Thực hiện thường xuyên trong năm 2022 (Thời gian cụ thể do Trưởng đoàn quyết định,"
        " triệu tập đột xuất).",
        2022,
        REC,
        None,
        "continuous",
    ),
    (
        "theo định kỳ 2 lần/năm (6 tháng đầu năm và 6 tháng cuối năm)",
        2022,
        REC,
        None,
        "half_yearly",
    ),
    ("Tính từ ngày 02/01/2022 đến tại thời điểm kiểm tra năm 2022", 2022, U, None, None),
    # The examples and the brief's spellings
    ("Quý I/2022", None, D, "2022-03-31", None),
    ("Năm 2021", None, D, "2021-12-31", None),
    ("Trước ngày 31/12/2017", None, D, "2017-12-31", None),
    ("Quý III/2017", None, D, "2017-09-30", None),
    ("Hàng năm", 2022, REC, None, "yearly"),
    ("Hằng năm", 2022, REC, None, "yearly"),
    ("Sau khi có hướng dẫn của Trung ương", 2022, C, None, None),
    ("Quý I - Quý II", 2022, R, "2022-06-30", None),
    ("QUÝ I - QUÝ II NĂM 2022", None, R, "2022-06-30", None),
    ("Quý I - II/2022", None, R, "2022-06-30", None),
    ("Tháng 4 - 10/2021", None, R, "2021-10-31", None),
    ("Tháng 4-10", 2023, R, "2023-10-31", None),
    ("Tháng 11 - Tháng 2/2023", None, R, "2023-02-28", None),
    ("Tháng 11 - Tháng 2", 2022, U, None, None),
    ("31/12/2021", None, D, "2021-12-31", None),
    ("ngày 15 tháng 3 năm 2022", None, D, "2022-03-15", None),
    ("Ngày 15/3", 2022, D, "2022-03-15", None),
    ("quý 1", 2023, D, "2023-03-31", None),
    ("Quý 2/2022", None, D, "2022-06-30", None),
    ("Q1", 2023, D, "2023-03-31", None),
    ("Q3/2022", None, D, "2022-09-30", None),
    ("Q1-2022", None, D, "2022-03-31", None),
    ("Quý I/22", None, D, "2022-03-31", None),
    ("Quý tư năm 2022", None, D, "2022-12-31", None),
    ("quy I/2022", None, D, "2022-03-31", None),
    ("Quy III/2017", None, D, "2017-09-30", None),
    ("QUÝ IV/2022", None, D, "2022-12-31", None),
    ("quý iv/2022", None, D, "2022-12-31", None),
    ("thang 3", 2022, D, "2022-03-31", None),
    ("Tháng 6 năm 2022", None, D, "2022-06-30", None),
    ("6/2022", None, D, "2022-06-30", None),
    # Leap years
    ("Tháng 2/2024", None, D, "2024-02-29", None),
    ("Tháng 02/2023", None, D, "2023-02-28", None),
    ("29/02/2024", None, D, "2024-02-29", None),
    ("29/02/2023", None, U, None, None),
    ("Quý I/2024", None, D, "2024-03-31", None),
    # Ranges, open ranges, "trước", halves and whole years
    ("Từ ngày 01/3/2022 đến ngày 31/5/2022", None, R, "2022-05-31", None),
    ("1/3/2022 - 31/5/2022", None, R, "2022-05-31", None),
    ("Từ tháng 4/2022", None, R, None, None),
    ("Đến hết tháng 10/2022", None, D, "2022-10-31", None),
    ("Trước quý IV/2022", None, D, "2022-09-30", None),
    ("Trước tháng 6/2022", None, D, "2022-05-31", None),
    ("Hết quý III", 2022, D, "2022-09-30", None),
    ("6 tháng đầu năm 2022", None, D, "2022-06-30", None),
    ("6 tháng cuối năm", 2022, D, "2022-12-31", None),
    ("9 tháng đầu năm", 2022, D, "2022-09-30", None),
    ("Cuối năm", 2022, D, "2022-12-31", None),
    ("Trong năm", 2022, D, "2022-12-31", None),
    ("Quý I năm sau", 2022, D, "2023-03-31", None),
    ("Giai đoạn 2021 - 2025", None, R, "2025-12-31", None),
    ("Năm 2021-2025", None, R, "2025-12-31", None),
    # Lists and compounds: due is the last deadline
    ("Quý I/2022; Quý III/2022", None, D, "2022-09-30", None),
    ("Quý I, II, III/2022", None, D, "2022-09-30", None),
    ("Tháng 6/2022 và tháng 11/2022", None, D, "2022-11-30", None),
    ("- Quý I (Kế hoạch)\n- Quý IV (Báo cáo)", 2022, D, "2022-12-31", None),
    ("Hoàn thành (Quý II/2022)", None, D, "2022-06-30", None),
    ("Thường xuyên, hoàn thành trước 30/6/2022", None, D, "2022-06-30", "continuous"),
    ("Hằng năm, trước ngày 15/12", 2022, REC, "2022-12-15", "yearly"),
    ("Quý I hằng năm", 2022, REC, "2022-03-31", "yearly"),
    ("Quý I/2022, hằng năm", None, D, "2022-03-31", "yearly"),
    ("Sau mỗi đợt kiểm tra", 2022, C, None, None),
    ("Sau từng cuộc kiểm tra", 2022, C, None, None),
    ("Tháng 3/2022 theo hướng dẫn của Bộ", None, D, "2022-03-31", None),
    ("Theo kế hoạch, chậm nhất quý II/2022", None, D, "2022-06-30", None),
    ("Hằng năm (trước ngày 15/12)", 2022, REC, None, "yearly"),
    ("Theo kế hoạch của UBND tỉnh (dự kiến quý II/2022)", 2022, D, "2022-06-30", None),
    ("Sau khi có kết quả (năm 2020)", 2022, C, None, None),
    ("Theo kế hoạch của tỉnh, năm 2022", 2022, C, None, None),
    ("Năm 2022 theo kế hoạch của tỉnh", 2022, D, "2022-12-31", None),
    # Recurrences
    ("1 lần/năm", 2022, REC, None, "yearly"),
    ("Một lần/quý", 2022, REC, None, "quarterly"),
    ("1 lần/tháng", 2022, REC, None, "monthly"),
    ("Hằng quý", 2022, REC, None, "quarterly"),
    ("Theo quý", 2022, REC, None, "quarterly"),
    ("hang thang", 2022, REC, None, "monthly"),
    ("Hằng tháng", 2022, REC, None, "monthly"),
    ("6 tháng/lần", 2022, REC, None, "half_yearly"),
    ("Định kỳ 6 tháng", 2022, REC, None, "half_yearly"),
    ("Hằng tuần", 2022, REC, None, "weekly"),
    ("Hằng ngày", 2022, REC, None, "daily"),
    ("Liên tục", 2022, REC, None, "continuous"),
    ("Báo cáo theo định kỳ", 2022, REC, None, "periodic"),
    # Conditions
    ("Theo quy định", 2022, C, None, None),
    ("Khi có yêu cầu", 2022, C, None, None),
    ("Nếu được bố trí kinh phí", 2022, C, None, None),
    # Not understood: kept as unknown, never guessed
    ("Đầu năm 2022", None, U, None, None),
    ("Giữa quý II/2022", None, U, None, None),
    ("Quý V/2022", None, U, None, None),
    ("Tháng 13/2022", None, U, None, None),
    ("32/12/2022", None, U, None, None),
    ("Số 12/2021", None, U, None, None),
    ("Nghị định 30/2020", None, U, None, None),
    ("Chưa xác định", None, U, None, None),
    ("Quý I/2022 họp sơ kết", None, U, None, None),
    ("", None, U, None, None),
    ("   ", 2022, U, None, None),
    # Recognised, but no year anywhere: the kind stays, the due date is left empty
    ("Quý I", None, D, None, None),
    ("Tháng 4 - Tháng 10", None, R, None, None),
]


def _ids() -> list[str]:
    """Name each table row by its phrase."""
    return [f"{i:03d}-{text[:40]}" for i, (text, *_rest) in enumerate(PHRASES)]


@pytest.mark.parametrize(("text", "plan_year", "kind", "due", "recurrence"), PHRASES, ids=_ids())
def test_phrase_table(
    text: str, plan_year: int | None, kind: str, due: str | None, recurrence: str | None
) -> None:
    schedule = parse_timeframe(text, plan_year)
    assert (schedule.kind, schedule.due, schedule.recurrence) == (
        kind,
        date.fromisoformat(due) if due else None,
        recurrence,
    )
    assert schedule.text == text
    assert schedule.to_json() == {"schedule": kind, "due": due}


@pytest.mark.parametrize(("text", "plan_year", "kind", "due", "recurrence"), PHRASES, ids=_ids())
def test_case_and_diacritics_do_not_matter(
    text: str, plan_year: int | None, kind: str, due: str | None, recurrence: str | None
) -> None:
    for variant in (fold(text), text.upper(), text.lower()):
        schedule = parse_timeframe(variant, plan_year)
        assert (schedule.kind, schedule.due) == (kind, date.fromisoformat(due) if due else None)


def test_table_is_large_enough() -> None:
    assert len({text for text, *_ in PHRASES}) >= 60


def _appendix_timeframes(path: Path) -> set[str]:
    """Collect the "Thời gian…" column of every tab-separated appendix table in a plan text."""
    found: set[str] = set()
    column: int | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line:
            continue
        cells = [re.sub(r"</?b>", "", cell).strip() for cell in line.split("\t")]
        headers = [i for i, cell in enumerate(cells) if cell.startswith("Thời gian")]
        if headers:
            column = headers[0]
        elif cells[0] in ("STT", "TT"):
            column = None
        elif column is not None and len(cells) > column and cells[column]:
            found.add(cells[column])
    return found


def _shared_timeframes() -> set[str]:
    """Every distinct timeframe in ../shared/domain/*.txt and ../shared/samples/*.json."""
    found: set[str] = set()
    for path in sorted((SHARED / "domain").glob("*.txt")):
        found |= _appendix_timeframes(path)
    for path in sorted((SHARED / "samples").glob("*.expected.json")):
        tasks = json.loads(path.read_text(encoding="utf-8"))["tasks"]
        found |= {task["timeframe"] or "" for task in tasks}
    return found


@pytest.mark.skipif(not (SHARED / "domain").is_dir(), reason="../shared is not beside the repo")
def test_table_covers_every_shared_timeframe() -> None:
    shared = _shared_timeframes()
    assert len(shared) >= 29
    assert shared - {text for text, *_ in PHRASES} == set()


# fmt: off
_WORDS = st.sampled_from(
    [
        "quý", "Quý", "quy", "I", "II", "III", "IV", "V", "1", "4", "tư", "Q", "Q1", "tháng",
        "Tháng", "0", "01", "2", "12", "13", "29", "31", "/", "-", "–", ".", ",", ";", "\n",
        "(", ")", "2021", "2024", "22", "năm", "ngày", "và", "từ", "đến", "trước", "chậm nhất",
        "hằng", "hàng", "định kỳ", "thường xuyên", "theo", "sau khi", "khi", "kế hoạch", "6",
        "9", "đầu", "cuối", "lần", "sau", "nay", "trong", "hết", "giai đoạn", "+", " ", "x",
    ]
)
# fmt: on


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.none() | st.integers(-5, 20000))
def test_arbitrary_text_never_raises(text: str, plan_year: int | None) -> None:
    _check_invariants(text, plan_year)


@settings(max_examples=400, deadline=None)
@given(st.lists(_WORDS, max_size=14).map(" ".join), st.none() | st.integers(1899, 2200))
def test_phrase_like_text_never_raises(text: str, plan_year: int | None) -> None:
    _check_invariants(text, plan_year)


def _check_invariants(text: str, plan_year: int | None) -> None:
    """Parse and check what must hold for any schedule."""
    schedule = parse_timeframe(text, plan_year)
    assert schedule.kind in SCHEDULE_KINDS
    assert schedule.text == text
    assert schedule.describe()
    if schedule.due is not None:
        assert schedule.kind in ("deadline", "range")
        assert schedule.due == max(schedule.deadlines)
    if schedule.start is not None:
        assert schedule.kind == "range"
        assert schedule.due is None or schedule.start <= schedule.due
    if schedule.kind == "recurring":
        assert schedule.recurrence is not None
    if schedule.kind in ("condition", "unknown"):
        assert schedule.due is None and schedule.deadlines == ()
