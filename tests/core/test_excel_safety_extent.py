"""A sheet whose grid python-calamine would allocate is refused before parsing (extent.py).

One value cell far from the table (XFD1048576 in a 2 KB file) makes python-calamine allocate
rows × columns cells and abort the process; every way to place such a cell is refused with a
Vietnamese message naming the cell, and the check agrees with where python-calamine puts cells.
"""

from __future__ import annotations

import base64
import io
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read import extent as ex
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.excel.read.safety import Limits, check_sheet_extents
from tests.core.test_excel_reader_formats import (
    ODS_HEAD,
    ODS_MANIFEST,
    ODS_TAIL,
    ROWS,
    XLS_B64,
    write_xlsx,
)
from tests.core.test_hostile_corpus import xlsx, zip_parts

X = 't="inlineStr"><is><t>x</t></is></c>'
FAR = "quá xa bảng nhiệm vụ"


def book(tmp_path: Path, tail: str, name: str = "xa.xlsx") -> Path:
    """Write the corpus table with extra sheet XML after its rows."""
    path = tmp_path / name
    path.write_bytes(xlsx(tail=tail))
    return path


def refused(path: Path, *fragments: str, limits: Limits | None = None) -> str:
    """Read expecting a quick refusal whose message names the file and the fragments."""
    started = time.perf_counter()
    with pytest.raises(AppendixError) as caught:
        read_appendix(path, limits=limits or Limits())
    assert time.perf_counter() - started < 2
    message = str(caught.value)
    for fragment in (path.name, *fragments):
        assert fragment in message, message
    return message


@pytest.mark.parametrize("ref", ["XFD1048576", "Z1000000", "J1048576", "A1000000", "GZ25000"])
def test_one_far_cell_is_refused_naming_it(tmp_path: Path, ref: str) -> None:
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    path = book(tmp_path, f'<row r="{row}"><c r="{ref}" {X}</row>')
    message = refused(path, "trang 'Phụ lục'", f"vị trí {ref}", FAR, "xóa các ô thừa")
    assert "chi tiết" not in message


def test_a_long_but_sane_sheet_is_read(tmp_path: Path) -> None:
    path = book(tmp_path, f'<row r="150000"><c r="E150000" {X}</row>')
    assert len(read_appendix(path).tasks) == 2


def test_far_cells_without_a_value_do_not_count(tmp_path: Path) -> None:
    tail = '<row r="1048576"><c r="XFD1048576" s="1"/><c r="XFE1048576"></c></row>'
    assert len(read_appendix(book(tmp_path, tail)).tasks) == 2


# Every way python-calamine accepts to place a cell at Z1000000 (or further).
TRICKS = {
    "no_r_on_cell": f'<row r="1000000"><c {X}</row>',
    "row_after_a_far_empty_row": f'<row r="999999"/><row><c r="Z1000000" {X}</row>',
    "row_without_r_after_far_row": f'<row r="999999"><c s="1"/></row><row><c {X}</row>',
    "duplicate_r_last_wins": f'<row r="9"><c r="A9" r="Z1000000" {X}</row>',
    "r_after_other_attribute": f'<row r="9"><c s="0" r="Z1000000" {X}</row>',
    "single_quotes": f"<row r='9'><c r='Z1000000' {X}</row>",
    "spaces_around_equals": f'<row r="9"><c r = "Z1000000" {X}</row>',
    "lower_case_column": f'<row r="9"><c r="z1000000" {X}</row>',
    "gt_inside_an_attribute": f'<row r="9"><c foo="a>b" r="Z1000000" {X}</row>',
    "prefixed_tags": (
        '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="9">'
        '<x:c r="Z1000000" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row>'
    ),
    "cells_without_r_to_the_right": '<row r="3000">' + "<c><v>1</v></c>" * 2000 + "</row>",
    "tab_before_r": f'<row r="9"><c\tr="Z1000000" {X}</row>',
}


BROKEN_XML = {"duplicate_r_last_wins"}  # expat refuses what python-calamine accepts


@pytest.mark.parametrize("name", TRICKS)
def test_every_way_to_place_a_far_cell_is_refused(tmp_path: Path, name: str) -> None:
    refused(book(tmp_path, TRICKS[name]), "XML bị hỏng" if name in BROKEN_XML else FAR)


@pytest.mark.parametrize("name", sorted(set(TRICKS) - BROKEN_XML))
def test_the_count_is_never_below_python_calamine(name: str) -> None:
    """Shrunk to a few hundred rows, each trick is counted at least where calamine puts it."""
    small = TRICKS[name].replace("1000000", "300").replace("999999", "299")
    data = xlsx(tail=small.replace('r="3000"', 'r="30"'))
    sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
    grid = sheet.to_python(skip_empty_area=False)
    extent = ex.Extent("Phụ lục", max_rows=99_998, max_cells=10**12)  # count, no shortcut
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        ex.scan_sheet_xml(lambda: archive.open(info), extent)
    assert extent.rows >= len(grid)
    assert extent.cols >= max(len(row) for row in grid)


def test_the_count_of_a_plain_sheet_is_exact() -> None:
    data = xlsx(tail=f'<row r="40"><c r="AB40" {X}<c r="AC40" s="1"/><c r="AD40"></c></row>')
    extent = ex.Extent("Phụ lục", max_rows=99_998, max_cells=10**12)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        ex.scan_sheet_xml(lambda: archive.open(info), extent)
    grid = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert (extent.rows, extent.cols) == (len(grid), len(grid[0])) == (40, 28)


def test_limits_apply_to_an_ordinary_table(tmp_path: Path) -> None:
    rows = [["TT", "Nội dung", "Chủ trì", "Thời gian"]]
    rows += [[str(i), f"Nhiệm vụ {i}", "Văn phòng", "Quý I"] for i in range(1, 40)]
    path = write_xlsx(tmp_path / "dai.xlsx", rows)  # type: ignore[arg-type]
    assert len(read_appendix(path, limits=Limits(max_sheet_rows=40)).tasks) == 39
    refused(path, "vị trí A40", limits=Limits(max_sheet_rows=39))
    refused(path, "vị trí A40", limits=Limits(max_sheet_cells=150))


def test_the_short_form_check_costs_little(tmp_path: Path) -> None:
    rows = [["TT", "Nội dung", "Chủ trì", "Thời gian"]]
    rows += [[str(i), f"Nhiệm vụ số {i} của kế hoạch", "Văn phòng", "Quý I"] for i in range(5000)]
    path = write_xlsx(tmp_path / "nhanh.xlsx", rows)  # type: ignore[arg-type]
    started = time.perf_counter()
    for _ in range(5):
        check_sheet_extents(path, "xlsx")
    assert (time.perf_counter() - started) / 5 < 0.1


def _ods(tmp_path: Path, body: str) -> Path:
    """Write an OpenDocument file whose one table holds the table rows and then body."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
            for v in row
        )
        + "</table:table-row>"
        for row in ROWS
    )
    path = tmp_path / "bang.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        table = f'<table:table table:name="KH">{cells}{body}</table:table>'
        archive.writestr("content.xml", ODS_HEAD + table + ODS_TAIL)
    return path


VALUE = '<table:table-cell office:value-type="string"><text:p>x</text:p></table:table-cell>'


@pytest.mark.parametrize(
    "body",
    [
        f'<table:table-row table:number-rows-repeated="1000000">{VALUE}</table:table-row>',
        '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/>'
        f"</table:table-row><table:table-row>{VALUE}</table:table-row>",
        '<table:table-row table:number-rows-repeated="500"><table:table-cell '
        'table:number-columns-repeated="16000" office:value-type="float" office:value="1"/>'
        "</table:table-row>",
    ],
    ids=["value_row_repeated", "empty_rows_then_value", "value_cell_repeated"],
)
def test_ods_repeats_are_bounded(tmp_path: Path, body: str) -> None:
    refused(_ods(tmp_path, body), "trang 'KH'", FAR)


def test_ods_trailing_empty_repeats_are_normal(tmp_path: Path) -> None:
    body = (
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell '
        'table:number-columns-repeated="1024"/></table:table-row>'
    )
    assert len(read_appendix(_ods(tmp_path, body)).tasks) == 2


def _xls(tmp_path: Path, offset: int, fmt: str, *values: int) -> Path:
    """Write the sample .xls with one record field patched (its Workbook stream starts at 512)."""
    data = bytearray(zlib.decompress(base64.b64decode(XLS_B64)))
    struct.pack_into(fmt, data, 512 + offset, *values)
    path = tmp_path / "cu.xls"
    path.write_bytes(bytes(data))
    return path


def test_xls_far_cell_is_refused(tmp_path: Path) -> None:
    path = _xls(tmp_path, 2306, "<HH", 65535, 255)  # the last RK cell moved to IV65536
    refused(path, "trang 'Phu luc'", "vị trí IV65536", FAR)


def test_xls_dimensions_claiming_a_huge_area_is_refused(tmp_path: Path) -> None:
    # python-calamine reserves memory for the DIMENSIONS area before reading any cell
    path = _xls(tmp_path, 1542, "<IIHH", 0, 1_000_000, 0, 16_000)
    refused(path, "trang 'Phu luc'", "vị trí WQJ1000000", FAR)


def test_xls_sample_still_reads(tmp_path: Path) -> None:
    path = _xls(tmp_path, 1542, "<I", 0)  # an unchanged field
    assert len(read_appendix(path).tasks) == 2


def _record(kind: int, data: bytes) -> bytes:
    """Encode one BIFF12 record (7-bit variable-length type and size)."""
    out = bytearray()
    for value, most in ((kind, 2), (len(data), 4)):
        for _ in range(most):
            byte, value = value & 0x7F, value >> 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                break
    return bytes(out) + data


def _wide(text: str) -> bytes:
    """Encode an XLWideString."""
    return struct.pack("<I", len(text)) + text.encode("utf-16-le")


def test_xlsb_far_cell_is_refused_naming_the_sheet(tmp_path: Path) -> None:
    sheet = _record(0, struct.pack("<I", 5) + bytes(8)) + _record(7, struct.pack("<II", 16383, 0))
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="worksheet" Target="worksheets/sheet1.bin"/></Relationships>'
    )
    path = tmp_path / "nhi-phan.xlsb"
    path.write_bytes(
        zip_parts(
            {
                "xl/workbook.bin": _record(0x9C, bytes(8) + _wide("rId1") + _wide("Phụ lục")),
                "xl/_rels/workbook.bin.rels": rels.encode(),
                "xl/worksheets/sheet1.bin": sheet,
            }
        )
    )
    with pytest.raises(AppendixError, match="trang 'Phụ lục': .* vị trí XFD6"):
        check_sheet_extents(path, "xlsx", Limits(max_sheet_cells=50_000))


def test_entity_declarations_in_an_unusual_sheet_are_refused(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>'
    data = xlsx(
        sheet_doctype=doctype, tail='<row r="9"><c t="inlineStr"><is><t>&a;</t></is></c></row>'
    )
    path = tmp_path / "thuc-the.xlsx"
    path.write_bytes(data)
    refused(path, "thực thể XML", "không đọc vì an toàn")


def test_broken_xml_in_an_unusual_sheet_is_refused(tmp_path: Path) -> None:
    refused(book(tmp_path, '<row r="9"><c><v>1</v></row>'), "XML bị hỏng")


def test_a_sheet_of_countless_empty_cells_is_refused(tmp_path: Path) -> None:
    limits = Limits(max_sheet_cells=300)
    refused(book(tmp_path, '<row r="9">' + "<c/>" * 400 + "</row>"), "hơn 300 ô", limits=limits)
    body = "<table:table-row>" + "<table:table-cell/>" * 400 + "</table:table-row>"
    refused(_ods(tmp_path, body), "hơn 300 ô", limits=limits)
