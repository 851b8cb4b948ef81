"""The tolerant appendix reader on the shared real samples and on synthetic workbooks."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from cchc_desktop.errors import AppendixError
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
from cchc_desktop.excel.read.reader import appendix_to_json, read_appendix

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
SAMPLE_NAMES = sorted(path.stem for path in SAMPLES.glob("*.xlsx"))
HEADER = ["TT", "Nội dung, nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian thực hiện", "Kinh phí (Triệu đồng)"]  # fmt: skip
TITLE = [
    ["PHỤ LỤC"],
    ["NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA UBND XÃ HÒA AN"],
    ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND xã Hòa An)"],
    [],
]


def write_book(
    path: Path,
    sheets: dict[str, list[list[Any]]],
    merges: dict[str, list[str]] | None = None,
) -> Path:
    """Write a workbook with openpyxl: sheet name → rows, plus merged ranges per sheet."""
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for ref in (merges or {}).get(name, []):
            sheet.merge_cells(ref)
    book.save(path)
    return path


def read_rows(tmp_path: Path, rows: list[list[Any]], **kwargs: Any) -> ParsedAppendix:
    """Write one sheet of rows and read it back."""
    return read_appendix(write_book(tmp_path / "phu-luc.xlsx", {"Phụ lục": rows}), **kwargs)


def normalise(value: Any) -> Any:
    """Collapse white space runs; an empty string counts as null (the DESIGN.md rule)."""
    if isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip()
        return value or None
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    return value


def only_expected_fields(got: Any, expected: Any) -> Any:
    """Keep, in what was read, only the fields the expected JSON fixes."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return {key: only_expected_fields(got.get(key), value) for key, value in expected.items()}
    if isinstance(expected, list) and isinstance(got, list):
        return [only_expected_fields(g, e) for g, e in zip(got, expected, strict=False)] + got[
            len(expected) :
        ]
    return got


def task_tuples(parsed: ParsedAppendix) -> list[tuple[str, str | None, str | None, str]]:
    """Return (number, section, group, content) of every task."""
    return [(t.number, t.section, t.group, t.content) for t in parsed.tasks]


def kinds(parsed: ParsedAppendix) -> dict[int, str]:
    """Return the kind of every sheet row by its row number."""
    return {info.row: info.kind for info in parsed.rows}


# --- the shared real samples ---------------------------------------------------------------


def test_samples_are_present() -> None:
    assert len(SAMPLE_NAMES) >= 2


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_produces_exactly_its_expected_json(name: str) -> None:
    expected = json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    got = appendix_to_json(read_appendix(SAMPLES / f"{name}.xlsx"))
    assert len(got["tasks"]) == len(expected["tasks"])
    for index, (task, wanted) in enumerate(zip(got["tasks"], expected["tasks"], strict=True)):
        assert normalise(only_expected_fields(task, wanted)) == normalise(wanted), index
    assert normalise(only_expected_fields(got, expected)) == normalise(expected)


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_json_is_serialisable_and_complete(name: str) -> None:
    got = appendix_to_json(read_appendix(SAMPLES / f"{name}.xlsx"))
    json.dumps(got, ensure_ascii=False)
    for task in got["tasks"]:
        assert task["schedule"] in {"deadline", "range", "recurring", "condition", "unknown"}
        assert task["due"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", task["due"])
    assert all({"sheet", "row", "message"} <= set(w) for w in got["warnings"])


def test_dak_nong_rows_header_and_hints() -> None:
    parsed = read_appendix(SAMPLES / "phu-luc-ke-hoach-cchc-2021-thanh-tra-dak-nong.xlsx")
    assert parsed.sheet == "Phụ lục" and parsed.sheet_names == ["Phụ lục"]
    assert parsed.header_row == 5
    assert parsed.header_map == {"number": 0, "content": 1, "result": 2, "lead_units": 3,
                                 "partner_units": 4, "timeframe": 5, "budget": 6}  # fmt: skip
    hints = parsed.hints
    assert (hints.number, hints.issued_on, hints.year) == ("1034/KH-TTr", "2020-12-31", 2021)
    assert hints.issuer == "Thanh tra tỉnh Đắk Nông"
    assert hints.title.startswith("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021")
    kind = kinds(parsed)
    assert [kind[r] for r in (1, 4, 5, 6, 7, 8)] == [
        ROW_IGNORED, ROW_IGNORED, ROW_HEADER, ROW_SECTION, ROW_GROUP, ROW_TASK
    ]  # fmt: skip
    assert kind[15] == ROW_HEADER  # header repeated at a page break
    assert (kind[56], kind[57]) == (ROW_TASK, ROW_CONTINUATION)  # details on the next row
    assert (kind[86], kind[87]) == (ROW_TOTAL, ROW_TOTAL)
    assert sorted(kind) == list(range(1, 88))
    assert parsed.warnings == []


def test_dong_nai_picks_the_task_sheet_not_the_allocation_table() -> None:
    path = SAMPLES / "phu-luc-ke-hoach-cchc-2022-so-noi-vu-dong-nai.xlsx"
    parsed = read_appendix(path)
    assert parsed.sheet == "Phụ lục"
    assert parsed.sheet_names == ["Phụ lục", "Phụ lục II"]
    split = next(t for t in parsed.tasks if t.content.startswith("Hoàn thiện, ban hành đề án"))
    assert split.content.endswith(
        "trực thuộc Sở theo quy định, hướng dẫn của cơ quan có thẩm quyền."
    )
    with pytest.raises(AppendixError, match="trang 'Phụ lục II': không tìm thấy bảng"):
        read_appendix(path, sheet="Phụ lục II")


def test_unknown_sheet_name_lists_the_sheets() -> None:
    path = SAMPLES / "phu-luc-ke-hoach-cchc-2022-so-noi-vu-dong-nai.xlsx"
    with pytest.raises(AppendixError) as caught:
        read_appendix(path, sheet="Trang 3")
    message = str(caught.value)
    assert "không có trang 'Trang 3'" in message
    assert "'Phụ lục', 'Phụ lục II'" in message
    assert read_appendix(path, sheet="phu luc").sheet == "Phụ lục"  # case and marks ignored


# --- headers ------------------------------------------------------------------------------


def test_headers_in_another_order_and_wording(tmp_path: Path) -> None:
    rows = [
        ["THỜI GIAN HOÀN THÀNH", "S TT", "Đơn vị phối hợp thực hiện", "NHIEM VU CU THE",
         "Kết quả/ Sản phẩm", "Cơ quan/Đơn vị chủ trì (thực hiện)", "Ghi chú",
         "kinh phí\n(triệu đồng)"],
        ["Quý I/2026", "1", "Các phòng", "Rà soát thủ tục hành chính", "Báo cáo",
         "Văn phòng", "Ưu tiên", 12],
    ]  # fmt: skip
    parsed = read_rows(tmp_path, rows)
    assert parsed.header_map == {"timeframe": 0, "number": 1, "partner_units": 2, "content": 3,
                                 "result": 4, "lead_units": 5, "notes": 6, "budget": 7}  # fmt: skip
    (task,) = parsed.tasks
    assert (task.number, task.content, task.result) == (
        "1",
        "Rà soát thủ tục hành chính",
        "Báo cáo",
    )
    assert (task.lead_units, task.partner_units, task.timeframe) == (
        "Văn phòng", "Các phòng", "Quý I/2026"
    )  # fmt: skip
    assert (task.notes, task.budget_million_vnd) == ("Ưu tiên", 12.0)
    assert appendix_to_json(parsed)["tasks"][0]["notes"] == "Ưu tiên"


def test_two_row_header_with_merged_cells_and_column_numbers(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        ["STT", "Nội dung", "Cơ quan thực hiện", None, "Thời gian thực hiện", "Kinh phí"],
        [None, None, "Chủ trì", "Phối hợp", None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["1", "Ban hành kế hoạch CCHC", "Văn phòng", "Các phòng", "Quý I", 5],
    ]
    merges = ["A5:A6", "B5:B6", "C5:D5", "E5:E6", "F5:F6"]
    path = write_book(tmp_path / "two.xlsx", {"KH": rows}, {"KH": merges})
    parsed = read_appendix(path)
    assert parsed.header_row == 5
    assert parsed.header_map == {"number": 0, "content": 1, "lead_units": 2, "partner_units": 3,
                                 "timeframe": 4, "budget": 5}  # fmt: skip
    assert [(t.number, t.lead_units, t.partner_units) for t in parsed.tasks] == [
        ("1", "Văn phòng", "Các phòng")
    ]
    assert kinds(parsed)[6] == ROW_HEADER and kinds(parsed)[7] == ROW_IGNORED
    assert parsed.hints.year == 2026 and parsed.hints.issued_on == "2026-01-05"


def test_five_column_table_with_plain_column_numbers(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
        [1, 2, 3, 4, 5],
        ["I", "Cải cách thể chế", None, None, None],
        [1, "Rà soát văn bản", "Phòng Tư pháp", None, "Thường xuyên"],
        [2, "Kiểm tra văn bản", "Phòng Tư pháp", "Văn phòng", "Quý II"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert task_tuples(parsed) == [
        ("1", "I", None, "Rà soát văn bản"),
        ("2", "I", None, "Kiểm tra văn bản"),
    ]
    assert [t.result for t in parsed.tasks] == ["", ""]
    assert parsed.total_budget == 0


def test_unknown_column_is_reported_and_its_text_kept(tmp_path: Path) -> None:
    rows = [
        [*HEADER, "Mức độ ưu tiên"],
        ["1", "Số hóa hồ sơ", "Hồ sơ số", "Văn phòng", "", "Quý IV", "", "Cao"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert parsed.unknown_columns == ["Mức độ ưu tiên"]
    (warning,) = parsed.warnings
    assert (warning.sheet, warning.row, warning.column) == ("Phụ lục", 1, "H")
    assert "Mức độ ưu tiên" in warning.message
    assert parsed.tasks[0].notes == "Mức độ ưu tiên: Cao"


# --- layout: title rows, merged cells, several sheets ---------------------------------------


def test_title_rows_merged_section_and_unit_merged_down(tmp_path: Path) -> None:
    rows = [
        *TITLE,
        HEADER,
        ["I. CẢI CÁCH THỂ CHẾ"],
        ["1", "Xây dựng văn bản", None, "Văn phòng", None, None, None],
        ["1.1", "Rà soát quy định", "Báo cáo", None, "Các phòng", "Quý I", None],
        ["1.2", "Đề xuất sửa đổi", "Tờ trình", None, "Các phòng", "Quý II", None],
        ["2", "Tuyên truyền pháp luật", "Tin bài", "Phòng Văn hóa", None, "Thường xuyên", 3],
    ]
    merges = ["A1:G1", "A2:G2", "A3:G3", "A6:G6", "D7:D9"]
    path = write_book(tmp_path / "merged.xlsx", {"Sheet1": rows}, {"Sheet1": merges})
    parsed = read_appendix(path)
    assert [(s.code, s.title) for s in parsed.sections] == [("I", "CẢI CÁCH THỂ CHẾ")]
    assert [(g.number, g.title) for g in parsed.groups] == [("1", "Xây dựng văn bản")]
    assert [(t.number, t.group, t.lead_units) for t in parsed.tasks] == [
        ("1.1", "1", "Văn phòng"), ("1.2", "1", "Văn phòng"), ("2", "1", "Phòng Văn hóa")
    ]  # fmt: skip
    assert parsed.hints.title == "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA UBND XÃ HÒA AN"
    assert parsed.hints.number == "12/KH-UBND"


def test_several_sheets_pick_the_task_table_and_warn_about_another(tmp_path: Path) -> None:
    allocation = [
        ["STT", "Lĩnh vực", "Số TTHC", "Phân bổ theo tỷ lệ 80%", "Ghi chú"],
        ["1", "Lĩnh vực thuộc phòng CCVC", "5", "5*80% = 4", ""],
    ]
    tasks = [*TITLE, HEADER, ["1", "Rà soát TTHC", "Báo cáo", "Văn phòng", "", "Quý I", ""]]
    small = [["STT", "Nội dung", "Chủ trì"], ["1", "Nhiệm vụ phụ", "Văn phòng"]]
    path = write_book(
        tmp_path / "many.xlsx", {"Phân bổ": allocation, "Nhiệm vụ": tasks, "Khác": small}
    )
    parsed = read_appendix(path)
    assert parsed.sheet == "Nhiệm vụ"
    assert parsed.sheet_names == ["Phân bổ", "Nhiệm vụ", "Khác"]
    assert [w.sheet for w in parsed.warnings] == ["Khác"]
    assert "--sheet" in parsed.warnings[0].message
    assert read_appendix(path, sheet="Khác").tasks[0].content == "Nhiệm vụ phụ"


# --- row kinds ----------------------------------------------------------------------------


def test_group_heading_with_details_on_the_next_row_is_the_task(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["I", "CẢI CÁCH TỔ CHỨC BỘ MÁY"],
        ["1", "Thực hiện quy định về tổ chức bộ máy"],
        ["1.1", "Rà soát chức năng", "Báo cáo", "Văn phòng", "", "Quý I", ""],
        ["2", "Sử dụng biên chế được giao"],
        ["", "", "Báo cáo kết quả", "Văn phòng", "", "Thường xuyên", ""],
        ["3", "Quản lý phân cấp"],
        ["", "Thực hiện phân cấp", "Báo cáo", "Văn phòng", "", "Quý III", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [(g.number, g.title) for g in parsed.groups] == [
        ("1", "Thực hiện quy định về tổ chức bộ máy"), ("3", "Quản lý phân cấp")
    ]  # fmt: skip
    assert task_tuples(parsed) == [
        ("1.1", "I", "1", "Rà soát chức năng"),
        ("2", "I", "1", "Sử dụng biên chế được giao"),
        ("", "I", "3", "Thực hiện phân cấp"),
    ]
    heading_task = parsed.tasks[1]
    assert (heading_task.result, heading_task.timeframe) == ("Báo cáo kết quả", "Thường xuyên")
    assert kinds(parsed)[6] == ROW_CONTINUATION


def test_groups_by_restarted_numbering_and_title_only_tasks(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Tuyển dụng, đào tạo công chức"],
        ["1", "Tuyển dụng công chức", "Kết quả", "Văn phòng", "", "Quý II", ""],
        ["2", "Đào tạo công chức", "Kết quả", "Văn phòng", "", "Quý III", ""],
        ["3", "Nhiệm vụ chỉ có tên"],
        ["4", "Nhiệm vụ cuối", "Kết quả", "Văn phòng", "", "Quý IV", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [(g.section, g.number) for g in parsed.groups] == [(None, "1")]
    assert [(t.number, t.group) for t in parsed.tasks] == [
        ("1", "1"), ("2", "1"), ("3", "1"), ("4", "1")
    ]  # fmt: skip


def test_blank_rows_total_words_and_signature_block(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ A", "", "Văn phòng", "", "Quý I", "1.500"],
        [],
        ["2", "Nhiệm vụ B", "", "Văn phòng", "", "Quý II", "1,5"],
        ["3", "Nhiệm vụ C", "", "Văn phòng", "", "Quý III", 3],
        ["4", "Nhiệm vụ D", "", "Văn phòng", "", "Quý IV", "90"],
        ["", "TỔNG CỘNG:", "", "", "", "", "1.594,5"],
        ["(Bằng chữ: Một nghìn năm trăm chín mươi tư triệu năm trăm nghìn đồng)"],
        [],
        ["", "", "", "", "KT. CHỦ TỊCH"],
        ["", "", "", "", "PHÓ CHỦ TỊCH"],
        ["", "Nơi nhận:"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert [t.budget_million_vnd for t in parsed.tasks] == [1500.0, 1.5, 3.0, 90.0]
    assert parsed.total_budget == pytest.approx(1594.5)
    assert parsed.declared_total == pytest.approx(1594.5)
    assert parsed.amount_in_words is not None and "Một nghìn" in parsed.amount_in_words
    assert parsed.warnings == []
    assert kinds(parsed)[3] == ROW_IGNORED and kinds(parsed)[10] == ROW_IGNORED


def test_total_mismatch_and_words_mismatch_are_warnings(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ A", "", "Văn phòng", "", "Quý I", 3],
        ["2", "Nhiệm vụ B", "", "Văn phòng", "", "Quý II", 90],
        ["", "Tổng cộng", "", "", "", "", 95],
        ["(Bảng chữ: Chín mươi ba triệu đồng)"],
    ]
    parsed = read_rows(tmp_path, rows)
    assert parsed.declared_total == 95 and parsed.total_budget == 93
    assert parsed.amount_in_words == "(Bảng chữ: Chín mươi ba triệu đồng)"
    total_warning, words_warning = parsed.warnings
    assert (total_warning.sheet, total_warning.row, total_warning.column) == ("Phụ lục", 4, "G")
    assert "95" in total_warning.message and "93" in total_warning.message
    assert words_warning.row == 5 and "không khớp" in words_warning.message
    data = appendix_to_json(parsed)
    assert data["declared_total_million_vnd"] == 95 and data["total_budget_million_vnd"] == 93
    assert data["warnings"][0] == {"sheet": "Phụ lục", "row": 4, "column": "G",
                                   "message": total_warning.message}  # fmt: skip


def test_unreadable_budget_is_a_located_warning_and_kept_in_notes(tmp_path: Path) -> None:
    rows = [HEADER, ["1", "Nhiệm vụ A", "", "Văn phòng", "", "Quý I", "abc"]]
    parsed = read_rows(tmp_path, rows)
    (warning,) = parsed.warnings
    assert (warning.sheet, warning.row, warning.column) == ("Phụ lục", 2, "G")
    assert warning.message.startswith("Cột G (Kinh phí): 'abc' không phải là số")
    assert parsed.tasks[0].budget_million_vnd is None
    assert parsed.tasks[0].notes == "Kinh phí: abc"


def test_rows_below_the_total_are_not_tasks(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["1", "Nhiệm vụ A", "", "Văn phòng", "", "Quý I", 3],
        ["", "Tổng cộng", "", "", "", "", 3],
        ["2", "Dòng lạc dưới bảng", "", "Văn phòng", "", "", ""],
    ]
    parsed = read_rows(tmp_path, rows)
    assert len(parsed.tasks) == 1
    assert [w.row for w in parsed.warnings] == [4]
