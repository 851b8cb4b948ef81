"""PDF-converted appendices: repeated headers, rows split at page breaks; a classifier property."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from cchc_desktop.excel.read.appendix import (
    ROW_CONTINUATION,
    ROW_GROUP,
    ROW_HEADER,
    ROW_IGNORED,
    ROW_SECTION,
    ROW_TASK,
    ROW_TOTAL,
    ParsedAppendix,
)
from cchc_desktop.excel.read.reader import read_appendix, read_grid
from cchc_desktop.excel.read.workbook import SheetGrid

HEADER = ["TT", "Nội dung, nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian thực hiện", "Kinh phí (Triệu đồng)"]  # fmt: skip
ALL_KINDS = {ROW_SECTION, ROW_GROUP, ROW_TASK, ROW_CONTINUATION, ROW_HEADER, ROW_TOTAL, ROW_IGNORED}


def read_rows(tmp_path: Path, rows: list[list[Any]]) -> ParsedAppendix:
    """Write one sheet of rows with openpyxl and read it back."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Trang 1"
    for row in rows:
        sheet.append(row)
    path = tmp_path / "pdf.xlsx"
    book.save(path)
    return read_appendix(path)


def kinds(parsed: ParsedAppendix) -> dict[int, str]:
    """Return the kind of every sheet row by its row number."""
    return {info.row: info.kind for info in parsed.rows}


def test_repeated_headers_are_skipped_and_split_rows_joined(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"],
        ["1", "Xây dựng Kế hoạch cải cách hành chính năm 2026 của", "- Kế hoạch",
         "Văn phòng", "Các phòng", "Quý I", ""],
        HEADER,
        ["", "Ủy ban nhân dân xã", "- Báo cáo kết quả", "", "", "", ""],
        ["2", "Tổ chức hội nghị triển khai", "Hội nghị", "Văn phòng", "", "Quý I", ""],
        ["", "và quán triệt kế hoạch", "", "", "", "", ""],
    ]  # fmt: skip
    parsed = read_rows(tmp_path, rows)
    first, second = parsed.tasks
    assert first.content == "Xây dựng Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân xã"
    assert first.result == "- Kế hoạch\n- Báo cáo kết quả"
    assert second.content == "Tổ chức hội nghị triển khai và quán triệt kế hoạch"
    kind = kinds(parsed)
    assert (kind[4], kind[5], kind[7]) == (ROW_HEADER, ROW_CONTINUATION, ROW_CONTINUATION)
    (warning,) = parsed.warnings  # a join decided only by the page break is flagged
    assert (warning.sheet, warning.row) == ("Trang 1", 5) and "dòng 3" in warning.message


def test_unnumbered_complete_row_after_a_page_break_is_its_own_task(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Tham mưu ban hành văn bản", "Tờ trình", "Các phòng", "Văn phòng", "Quý I", ""],
        HEADER,
        ["", "Nâng cao chất lượng văn bản", "Lớp tập huấn", "Văn phòng", "Các phòng",
         "Quý II", ""],
    ]  # fmt: skip
    parsed = read_rows(tmp_path, rows)
    assert [(t.number, t.content) for t in parsed.tasks] == [
        ("1", "Tham mưu ban hành văn bản"),
        ("", "Nâng cao chất lượng văn bản"),
    ]
    assert parsed.warnings == []


def test_number_on_the_second_half_moves_up(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ đầu", "Báo cáo", "Văn phòng", "", "Quý I", ""],
        ["", "Triển khai ứng dụng chữ ký số trong", "Văn bản", "Văn phòng", "", "", ""],
        HEADER,
        ["2", "các cơ quan hành chính", "", "", "Các phòng", "Thường xuyên", 5],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [(t.number, t.content) for t in parsed.tasks] == [
        ("1", "Nhiệm vụ đầu"),
        ("2", "Triển khai ứng dụng chữ ký số trong các cơ quan hành chính"),
    ]
    moved = parsed.tasks[1]
    assert (moved.partner_units, moved.timeframe, moved.budget_million_vnd) == (
        "Các phòng", "Thường xuyên", 5.0
    )  # fmt: skip
    assert moved.source_row == 3


def test_repeated_two_row_header_and_column_numbers(tmp_path: Path) -> None:
    top = ["STT", "Nội dung", "Cơ quan thực hiện", None, "Thời gian"]
    bottom = [None, None, "Chủ trì", "Phối hợp", None]
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)"]
    rows = [
        top, bottom, numbers,
        ["1", "Rà soát thủ tục", "Văn phòng", "Các phòng", "Quý I"],
        top, bottom, numbers,
        ["2", "Công khai thủ tục", "Văn phòng", "", "Quý II"],
    ]  # fmt: skip
    parsed = read_rows(tmp_path, rows)
    assert [(t.number, t.lead_units) for t in parsed.tasks] == [
        ("1", "Văn phòng"), ("2", "Văn phòng")
    ]  # fmt: skip
    assert [kinds(parsed)[r] for r in (5, 6, 7)] == [ROW_HEADER, ROW_HEADER, ROW_HEADER]


def test_page_number_rows_are_ignored_with_a_warning(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ đầu", "Báo cáo", "Văn phòng", "", "Quý I", ""],
        ["2"],
        ["2", "Nhiệm vụ sau", "Báo cáo", "Văn phòng", "", "Quý II", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.number for t in parsed.tasks] == ["1", "2"]
    (warning,) = parsed.warnings
    assert warning.row == 3 and warning.column == "B"


# --- property: the classifier recovers any well-formed table, split or not ------------------

_words = st.lists(st.sampled_from(["Rà soát", "Công khai", "Tổ chức", "Kiểm tra", "Số hóa"]),
                  min_size=1, max_size=3)  # fmt: skip
_group = st.tuples(st.booleans(), st.integers(min_value=1, max_value=4))  # numbered?, size
_section = st.lists(_group, min_size=1, max_size=3)
_table = st.lists(_section, min_size=1, max_size=3)
ROMAN = ["I", "II", "III"]


def _build(table: list[list[tuple[bool, int]]], split_every: int) -> tuple[list[Any], list[Any]]:
    """Lay out sections of groups of tasks; split every n-th task at a page break."""
    rows: list[list[Any]] = [list(HEADER)]
    expected: list[tuple[str, str | None, str | None, str]] = []
    count = 0
    for s_index, groups in enumerate(table):
        code = ROMAN[s_index]
        rows.append([code, f"LĨNH VỰC {code}"] + [""] * 5)
        for g_index, (numbered, size) in enumerate(groups, start=1):
            group = str(g_index)
            rows.append([group, f"Nhóm {code}.{group}"] + [""] * 5)
            for t_index in range(1, size + 1):
                count += 1
                number = f"{group}.{t_index}" if numbered else ""
                content = f"Nhiệm vụ {count} của nhóm {group}"
                expected.append((number, code, group, content))
                row = [number, content, "Báo cáo", "Văn phòng", "", "Quý I", count]
                if split_every and count % split_every == 0:
                    row[1] = f"Nhiệm vụ {count}"
                    rows += [row, list(HEADER), ["", f"của nhóm {group}", "", "", "", "", ""]]
                else:
                    rows.append(row)
    return rows, expected


@settings(max_examples=60, deadline=None)
@given(table=_table, split_every=st.integers(min_value=0, max_value=3))
def test_classifier_recovers_sections_groups_and_tasks(
    table: list[list[tuple[bool, int]]], split_every: int
) -> None:
    rows, expected = _build(table, split_every)
    parsed = read_grid(SheetGrid("Trang 1", rows))
    got = [(t.number, t.section, t.group, t.content) for t in parsed.tasks]
    assert got == expected
    assert [s.code for s in parsed.sections] == ROMAN[: len(table)]
    assert len(parsed.groups) == sum(len(groups) for groups in table)
    assert parsed.total_budget == sum(range(1, len(expected) + 1))
    assert [info.row for info in parsed.rows] == list(range(1, len(rows) + 1))
    assert {info.kind for info in parsed.rows} <= ALL_KINDS


def test_heading_title_cut_by_a_page_break(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["4", "Công tác tiếp nhận, xử lý phản ánh, kiến nghị và"],
        HEADER,
        ["", "Xin lỗi cá nhân, tổ chức khi giải quyết TTHC quá hạn"],
        ["4.1", "Công khai địa chỉ tiếp nhận", "Địa chỉ", "Văn phòng", "", "Thường xuyên", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [(g.number, g.title) for g in parsed.groups] == [
        ("4", "Công tác tiếp nhận, xử lý phản ánh, kiến nghị và Xin lỗi cá nhân, tổ chức khi "
         "giải quyết TTHC quá hạn")
    ]  # fmt: skip
    assert [(t.number, t.group) for t in parsed.tasks] == [("4.1", "4")]


def test_header_reworded_at_a_page_break_is_still_a_header(tmp_path: Path) -> None:
    reworded = ["STT", "NỘI DUNG NHIỆM VỤ", "SẢN PHẨM", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN",
                "KINH PHÍ"]  # fmt: skip
    rows = [
        HEADER,
        ["1", "Nhiệm vụ đầu", "Báo cáo", "Văn phòng", "", "Quý I", ""],
        reworded,
        ["2", "Nhiệm vụ sau", "Báo cáo", "Văn phòng", "", "Quý II", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.number for t in parsed.tasks] == ["1", "2"]
    assert kinds(parsed)[3] == ROW_HEADER and parsed.warnings == []


def test_another_table_below_the_tasks_is_not_imported(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ đầu", "Báo cáo", "Văn phòng", "", "Quý I", ""],
        [],
        ["STT", "Ghi chú", "Nội dung kiểm tra", "Thời gian kiểm tra"],
        ["1", "", "Kiểm tra xã A", "Quý II"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.content for t in parsed.tasks] == ["Nhiệm vụ đầu"]
    (warning,) = parsed.warnings
    assert warning.row == 4 and "bảng khác" in warning.message
