"""Less common table layouts: budget sub-columns, lettered parts, no TT column, stray cells."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.appendix import ROW_HEADER, ROW_IGNORED, ParsedAppendix
from cchc_desktop.excel.read.reader import appendix_to_json, read_appendix


def read_rows(tmp_path: Path, rows: list[list[Any]], **kwargs: Any) -> ParsedAppendix:
    """Write one sheet of rows with openpyxl and read it back."""
    book = Workbook()
    book.active.title = "Phụ lục"
    for row in rows:
        book.active.append(row)
    path = tmp_path / "phu-luc.xlsx"
    book.save(path)
    return read_appendix(path, **kwargs)


def test_budget_split_into_sub_columns_under_a_two_row_header(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Kinh phí (triệu đồng)", None, None],
        [None, None, None, "Tổng số", "Ngân sách tỉnh", "Nguồn khác"],
        ["1", "Số hóa hồ sơ", "Văn phòng", 30, 20, 10],
        ["", "Tổng cộng", "", 30, 20, 10],
    ]
    parsed = read_rows(tmp_path, rows)
    assert parsed.header_row == 1 and {r.row: r.kind for r in parsed.rows}[2] == ROW_HEADER
    assert parsed.header_map["budget"] == 3
    (task,) = parsed.tasks
    assert task.budget_million_vnd == 30
    assert task.notes == "Ngân sách tỉnh: 20; Nguồn khác: 10"
    assert parsed.declared_total == 30
    assert [w.column for w in parsed.warnings] == ["E", "F"]


def test_lettered_parts_open_sections(tmp_path: Path) -> None:
    rows = [
        ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
        ["A", "NHIỆM VỤ TRỌNG TÂM", "", ""],
        ["1", "Rà soát thủ tục", "Văn phòng", "Quý I"],
        ["B", "NHIỆM VỤ THƯỜNG XUYÊN", "", ""],
        ["1", "Tiếp công dân", "Văn phòng", "Thường xuyên"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [(s.code, s.title) for s in parsed.sections] == [
        ("A", "NHIỆM VỤ TRỌNG TÂM"),
        ("B", "NHIỆM VỤ THƯỜNG XUYÊN"),
    ]
    assert [(t.number, t.section) for t in parsed.tasks] == [("1", "A"), ("1", "B")]


def test_table_without_a_number_column_reads_numbers_in_the_content(tmp_path: Path) -> None:
    rows = [
        ["Nội dung công việc", "Cơ quan chủ trì", "Thời hạn hoàn thành"],
        ["I. CẢI CÁCH THỂ CHẾ", "", ""],
        ["1. Rà soát văn bản", "Phòng Tư pháp", "Quý II"],
        ["Kiểm tra văn bản", "Phòng Tư pháp", "Quý III"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [s.code for s in parsed.sections] == ["I"]
    assert [(t.number, t.content) for t in parsed.tasks] == [
        ("1", "Rà soát văn bản"),
        ("", "Kiểm tra văn bản"),
    ]


def test_page_numbers_and_cells_right_of_the_table_are_ignored(tmp_path: Path) -> None:
    far = [""] * 30
    far[29] = "ghi nhớ riêng"
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["1", "Rà soát thủ tục", "Văn phòng", "Quý I", *far],
        ["", "Trang 2", "", ""],
        ["2", "Công khai thủ tục", "Văn phòng", "Quý II"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.content for t in parsed.tasks] == ["Rà soát thủ tục", "Công khai thủ tục"]
    assert parsed.warnings == []
    row_info = {r.row: r for r in parsed.rows}
    assert row_info[3].kind == ROW_IGNORED
    assert len(row_info[2].cells) == 4


def test_dates_in_the_timeframe_column_become_text(tmp_path: Path) -> None:
    import datetime as dt

    rows = [
        ["TT", "Nội dung", "Chủ trì", "Thời gian hoàn thành"],
        ["1", "Báo cáo quý I", "Văn phòng", dt.datetime(2026, 3, 14)],
    ]
    parsed = read_rows(tmp_path, rows)
    assert parsed.tasks[0].timeframe == "14/03/2026"
    assert appendix_to_json(parsed)["tasks"][0]["timeframe"] == "14/03/2026"


def test_officer_reassigns_a_column(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Người theo dõi", "Thời gian"],
        ["1", "Rà soát thủ tục", "Văn phòng", "Chị Lan", "Quý I"],
    ]
    detected = read_rows(tmp_path, rows)
    assert detected.unknown_columns == ["Người theo dõi"]
    mapping = {**detected.header_map, "partner_units": 3}
    parsed = read_rows(tmp_path, rows, header_map=mapping)
    assert parsed.tasks[0].partner_units == "Chị Lan"
    assert parsed.unknown_columns == [] and parsed.warnings == []
    with pytest.raises(AppendixError, match="cần cột Nội dung"):
        read_rows(tmp_path, rows, header_map={"number": 0})
    with pytest.raises(AppendixError, match="nằm ngoài bảng"):
        read_rows(tmp_path, rows, header_map={"content": 9})


def test_budget_column_in_dong_is_converted_to_millions(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Kinh phí (đồng)"],
        ["1", "Tập huấn nghiệp vụ", "Văn phòng", 5_000_000],
        ["2", "In tài liệu", "Văn phòng", "1.500.000"],
        ["", "Tổng cộng", "", 6_500_000],
        ["", "(Bằng chữ: Sáu triệu năm trăm nghìn đồng)", "", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.budget_million_vnd for t in parsed.tasks] == [5.0, 1.5]
    assert parsed.declared_total == 6.5 and parsed.total_budget == 6.5
    assert parsed.warnings == []


def test_title_block_with_letterhead_above_the_appendix(tmp_path: Path) -> None:
    rows = [
        ["UBND XÃ HÒA AN", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["", "", "Độc lập - Tự do - Hạnh phúc"],
        ["PHỤ LỤC II"],
        ["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"],
        ["(Kèm theo Kế hoạch số 07/KH-UBND ngày 10 tháng 01 năm 2026 của UBND xã Hòa An)"],
        ["TT", "Nội dung", "Chủ trì", "Thời gian"],
        ["1", "Rà soát thủ tục", "Văn phòng", "Quý I"],
    ]
    hints = read_rows(tmp_path, rows).hints
    assert hints.title == "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026"
    assert (hints.number, hints.issued_on, hints.issuer, hints.year) == (
        "07/KH-UBND", "2026-01-10", "UBND xã Hòa An", 2026
    )  # fmt: skip


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("TT", "number"), ("S TT", "number"), ("Số thứ tự", "number"),
        ("Nội dung", "content"), ("Nội dung, nhiệm vụ", "content"),
        ("NHIỆM VỤ CỤ THỂ", "content"), ("Tên nhiệm vụ", "content"),
        ("Sản phẩm", "result"), ("Kết quả/ Sản phẩm", "result"), ("Dự kiến kết quả", "result"),
        ("Cơ quan chủ trì", "lead_units"), ("Đơn vị chủ trì (thực hiện)", "lead_units"),
        ("Cơ quan/Đơn vị chủ trì (thực hiện)", "lead_units"), ("Cơ quan thực hiện", "lead_units"),
        ("Cơ quan phối hợp", "partner_units"), ("Đơn vị phối hợp thực hiện", "partner_units"),
        ("Thời gian thực hiện", "timeframe"), ("Thời gian hoàn thành", "timeframe"),
        ("Thời hạn", "timeframe"), ("Kinh phí (Triệu đồng)", "budget"), ("Dự toán", "budget"),
        ("Ghi chú", "notes"), ("Nguồn kinh phí", None), ("Lĩnh vực", None), ("Số TTHC", None),
    ],
)  # fmt: skip
def test_header_wordings(label: str, key: str | None) -> None:
    from cchc_desktop.excel.read.headers import classify_label

    assert classify_label(label) == key
    assert classify_label(label.upper()) == key


def test_total_written_as_one_sentence(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Chủ trì", "Kinh phí"],
        ["1", "Tổng kết công tác năm", "Văn phòng", 93],
        ["Tổng cộng: 93 triệu đồng"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.content for t in parsed.tasks] == ["Tổng kết công tác năm"]
    assert parsed.declared_total == 93 and parsed.warnings == []
