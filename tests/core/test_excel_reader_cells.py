"""Cells the reader must not take as they come: oversized texts, header cells merged across
columns, and the Vietnamese messages for files the parser rejects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import workbook as wb
from cchc_desktop.excel.read.reader import read_appendix, read_grid
from cchc_desktop.excel.read.safety import check_workbook
from cchc_desktop.excel.read.workbook import MAX_CELL_CHARS, SheetGrid
from tests.core.test_hostile_corpus import ROWS, xlsx

HEADER = ["TT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Thời gian thực hiện"]


def write(path: Path, rows: list[list[Any]], merges: tuple[str, ...] = ()) -> Path:
    """Write one sheet with openpyxl (merging after filling, as Excel keeps the top-left)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for ref in merges:
        book.active.merge_cells(ref)
    book.save(path)
    return path


def test_a_text_longer_than_a_cell_is_cut_with_a_located_warning() -> None:
    long = "Rà soát " + "x" * 40_000
    grid = SheetGrid("KH", [HEADER, ["1", long, "Báo cáo", "Văn phòng", "Quý I"]])
    parsed = read_grid(grid, "dai.xlsx")
    assert parsed.tasks[0].content == long[:MAX_CELL_CHARS]
    [warning] = parsed.warnings
    assert (warning.sheet, warning.row, warning.column) == ("KH", 2, "B")
    assert "Ô B2 dài 40.008 ký tự" in warning.message and "32.767" in warning.message


def test_a_long_title_above_the_table_is_cut_too() -> None:
    grid = SheetGrid("KH", [["Kế hoạch " * 5000], HEADER, ["1", "Rà soát", "", "VP", "Quý I"]])
    parsed = read_grid(grid)
    assert len(parsed.hints.title) <= MAX_CELL_CHARS
    assert [w.row for w in parsed.warnings] == [1]


def test_cells_of_any_length_up_to_the_limit_are_kept() -> None:
    text = "a" * MAX_CELL_CHARS
    rows: list[list[Any]] = [[text, 1.5, None, text + "b"]]
    assert wb.cut_long_cells(rows) == [(0, 3, MAX_CELL_CHARS + 1)]
    assert rows == [[text, 1.5, None, text]]


def test_content_merged_over_two_columns_joins_their_texts(tmp_path: Path) -> None:
    path = write(tmp_path / "gop.xlsx", ROWS, ("B1:C1",))
    parsed = read_appendix(path)
    assert [t.content for t in parsed.tasks] == [
        "Rà soát thủ tục hành chính Báo cáo",
        "Số hóa hồ sơ một cửa Kho dữ liệu",
    ]
    [warning] = parsed.warnings
    assert (warning.row, warning.column) == (1, "C")
    assert "cột B sang cột C" in warning.message and "Nội dung" in warning.message


def test_a_label_and_its_text_under_one_merged_header(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "", "Chủ trì", "", "Thời gian"],
        ["1", "a)", "Công khai thủ tục", "Văn phòng", "Phòng Nội vụ", "Quý I"],
        ["2", "", "Số hóa hồ sơ", "Văn phòng", "", "Quý II"],
    ]
    path = write(tmp_path / "nhan.xlsx", rows, ("B1:C1", "D1:E1"))
    parsed = read_appendix(path)
    assert [(t.content, t.lead_units) for t in parsed.tasks] == [
        ("a) Công khai thủ tục", "Văn phòng, Phòng Nội vụ"),
        ("Số hóa hồ sơ", "Văn phòng"),
    ]
    assert parsed.header_map == {"number": 0, "content": 1, "lead_units": 3, "timeframe": 5}


def test_a_number_merged_over_two_columns_keeps_the_second_in_notes(tmp_path: Path) -> None:
    rows = [["TT", "", "Nội dung", "Chủ trì"], ["1", "1.1", "Rà soát", "Văn phòng"]]
    parsed = read_appendix(write(tmp_path / "tt.xlsx", rows, ("A1:B1",)))
    assert [(t.number, t.content, t.notes) for t in parsed.tasks] == [("1", "Rà soát", "TT: 1.1")]
    assert "Cột B ('TT') trùng nghĩa với cột A" in parsed.warnings[0].message


def test_sub_headers_under_a_merged_cell_stay_separate_columns(tmp_path: Path) -> None:
    rows = [
        ["TT", "Nội dung", "Cơ quan thực hiện", ""],
        ["", "", "Chủ trì", "Phối hợp"],
        ["1", "Rà soát", "Văn phòng", "Các phòng"],
    ]
    parsed = read_appendix(write(tmp_path / "hai-dong.xlsx", rows, ("C1:D1",)))
    assert [(t.lead_units, t.partner_units) for t in parsed.tasks] == [("Văn phòng", "Các phòng")]
    assert parsed.warnings == []


def test_reassigning_a_covered_column_takes_it_out_of_the_join(tmp_path: Path) -> None:
    path = write(tmp_path / "gop.xlsx", ROWS, ("B1:C1",))
    mapping = {"number": 0, "content": 1, "result": 2, "lead_units": 3, "timeframe": 4}
    parsed = read_appendix(path, header_map=mapping)
    assert [(t.content, t.result) for t in parsed.tasks][0] == (
        "Rà soát thủ tục hành chính",
        "Báo cáo",
    )
    kept = {"number": 0, "content": 1, "lead_units": 3, "timeframe": 4}
    assert read_appendix(path, header_map=kept).tasks[0].content.endswith("Báo cáo")


_RELS = (
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/worksheet" Target="worksheets/khong-co.xml"/></Relationships>'
)
DAMAGED = {
    "malformed_xml": (
        "hong.xlsx",
        xlsx(tail='<row r="9"><c r="A9" t="s"><v>0</v></row>'),
        "sai cấu trúc",
    ),
    "missing_sheet_part": (
        "thieu.xlsx",
        xlsx(members={"xl/_rels/workbook.xml.rels": _RELS}),
        "thiếu phần dữ liệu của trang",
    ),
    "doctype_in_shared_strings": (
        "doctype.xlsx",
        xlsx(sst_doctype='<!DOCTYPE sst [<!ENTITY a "b">]>', replace={"Báo cáo": "&a;"}),
        "thực thể XML",
    ),
    "random_ole": ("gia.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(3000), "bị hỏng"),
}


@pytest.mark.parametrize("name", DAMAGED)
def test_library_errors_become_plain_vietnamese(tmp_path: Path, name: str) -> None:
    file_name, data, fragment = DAMAGED[name]
    path = tmp_path / file_name
    path.write_bytes(data)
    with pytest.raises(AppendixError) as caught:
        read_appendix(path)
    message = str(caught.value)
    assert fragment in message and file_name in message, message
    for raw in ("chi tiết", "Cannot", "error", "Xml", "detect"):
        assert raw not in message, message


def test_a_rust_panic_becomes_an_appendix_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class PanicException(BaseException):  # noqa: N818 - the name pyo3 gives it
        """Stand-in for pyo3_runtime.PanicException."""

    def panic(*_args: object, **_kwargs: object) -> None:
        raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(wb.calamine.CalamineWorkbook, "from_filelike", panic)
    path = write(tmp_path / "hoang.xlsx", ROWS)
    with pytest.raises(AppendixError, match="hoang.xlsx' bị hỏng"):
        read_appendix(path)


def test_an_interrupt_is_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(wb.calamine.CalamineWorkbook, "from_filelike", interrupt)
    with pytest.raises(KeyboardInterrupt):
        read_appendix(write(tmp_path / "dung.xlsx", ROWS))


LONG = "Rà soát " + "x" * 40_000  # openpyxl itself would cut it, so the XML is written here
LONG_FILES = {
    "shared_string": xlsx([list(ROWS[0]), ["1", LONG, "Báo cáo", "Văn phòng", "Quý I"]]),
    "inline_string": xlsx(
        tail=f'<row r="4"><c r="A4" t="inlineStr"><is><t>2</t></is></c><c r="B4" '
        f't="inlineStr"><is><t>{LONG}</t></is></c></row>'
    ),
}


@pytest.mark.parametrize("name", LONG_FILES)
def test_a_long_text_in_a_real_file_is_cut(tmp_path: Path, name: str) -> None:
    path = tmp_path / "dai.xlsx"
    path.write_bytes(LONG_FILES[name])
    assert check_workbook(path) == ("xlsx", True)
    parsed = read_appendix(path)
    assert max(len(t.content) for t in parsed.tasks) == MAX_CELL_CHARS
    assert [(w.column, "40.008 ký tự" in w.message) for w in parsed.warnings] == [("B", True)]


def test_a_long_rich_text_of_short_runs_is_cut(tmp_path: Path) -> None:
    runs = "".join(f"<r><t>{'chữ ' * 30}</t></r>" for _ in range(400))
    tail = f'<row r="5"><c r="B5" t="inlineStr"><is>{runs}</is></c></row>'
    path = tmp_path / "nhieu-doan.xlsx"
    path.write_bytes(xlsx(tail=tail))
    assert check_workbook(path)[1]
    parsed = read_appendix(path)
    assert any(w.row == 5 and w.column == "B" for w in parsed.warnings)


def test_ordinary_files_skip_the_long_text_pass(tmp_path: Path) -> None:
    assert check_workbook(write(tmp_path / "thuong.xlsx", ROWS)) == ("xlsx", False)
