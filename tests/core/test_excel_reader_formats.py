"""Workbook formats: legacy .xls, .ods, .xlsm (macros never run), a wrong file extension."""

from __future__ import annotations

import base64
import zipfile
import zlib
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from openpyxl import Workbook

from cchc_desktop.excel.read.reader import read_appendix

# A small legacy .xls (BIFF8 in an OLE2 container) written once with xlwt 1.3.0: a title merged
# across A:G, a header row, section I, two tasks whose lead unit is merged over D6:D7, a budget
# typed as text "1.500" and a total row. Stored zlib-compressed and base64-encoded.
XLS_B64 = (
    "eNrtWF1oHFUU/u7szv6kyWabbFpaYRgKrVqLJrGCIO1qgzZL2mXThioi6HYTuqFxN8RGrA9arXkSQfBJ8SXalwrW"
    "+uIPim0piKBSfxBRCGStIvjzoCj40GT9ztk70zTdhwa0WNmzzJlzzj3nfOf+zL0z+9m51fOzb66vYRltRwSL9SRi"
    "S2yGVzJQ0mB7vS5icE/wqrfomqJkghMZc/FexydxmUOZ7xocnIyeIQe+4/UAJpGvVsb8q0g7tIaikRq2kRu8TEsK"
    "67SqLuUl5d3K31DP95XfqZbnlG+j77y5H+ey+c2321V8n7NB21KQvG9rzLdq6UMPPpJV/OTzpuHr4q6p8eLEf7PB"
    "i7bjGDhvO8cqY1PFiXlkOIHH8GfdB/4IntTTfst+de0GtP91qT3exP6CEwWOoP6QLvAZdOI1V1riKJSn/Ynp0gVE"
    "nbU0rFWjKWAQ33s+dpEPYCNMnoYcPvR2M/E+bRrAK14Ocj/Da5DSIE4jr5Lon1o5D8dIVD96eW3lbo+9IyMJSfmN"
    "N86GUUyjggPc1M1evOpVaJpEGce9h/ncmLSZNWJ6FB8TtMSGH3k/hCn8wl4sa5a4zzVpGee9SZ4hZoTinJoOYBxF"
    "IvHwGBqvlP3J8q9c5Lk0zABhxaPEDUkQJH8ZZy3eKY9ufRmYPZhn0yOo0u2QYkYUe7+tehgF/nbJY7KjVvVLtSrx"
    "91knKe137ecqYHh6wc/lbunv7d/K3P0sYYjFnWWPG10rXpY9IS6nPIGd4Hi9TlN7o3MnzZwnaX08xobD+IkgnNu+"
    "m2/r7dX+f2WbSxxvkTpkeoNifIwwQ6O8GnmbnLy6U6cv2ak7dAdrJx/lsIu8WvexNCu7cPy3L3bvL2QfVMsRPZ0b"
    "Z/hGWXao4ymJYHAKwektqwzYrBE3KX9as16n8nrlGfaD902FHivcc1R9ntHWTcxzq9KX2euXyDdQnvl5+B1v5nz2"
    "RsondtYez5z4OjuLDVwPo4yX31FsMVvMSy8KvZsN7sbu93PK11229yectK29bl9UOrGgYwaOh9AHzAAdnYu/mMaZ"
    "JnFG44yNM03jIk3iIhonFTU0iYuEmkMtGmoRam6oRTVvoLnU4qEWo5awvZR4ZxlqVFGT1j+qqG3W321Spav+q6y/"
    "q/7toSZVdoSaVLkm1KTKVKhJlZ3UnnBEkyqf7W6gxpqgxhQ1baNjdkwDTVC7dLwT1CI6bsaJURbMho/gdYcRgpex"
    "vYwvw5PIuOKJb1yxejR7ipoTzqSrtcc119AdSfzAFR7RvkR09ox9yhpP23anC2/J5PL94iK1oUUtalGLWtSia4+M"
    "vlFA31PkTcK1Z17c/q+zwGux9TfJ/5b28Lupqt9Nd/PLQ75yDq9o/ayBa4Jc5gpjgv8Lhe4l+hQO8ntK6ji44vXL"
    "LwOztD9XHJj+5x6hleIvrqTOfxn/b6a2Q74="
)

ODS_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.2"
  manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"
ROWS: list[list[object]] = [
    ["PHỤ LỤC"],
    ["NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
    ["TT", "Nội dung", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"],
    ["I", "Cải cách thủ tục hành chính"],
    ["1", "Công khai thủ tục hành chính", "Danh mục", "Văn phòng", "", "Quý I/2025", 3],
    ["2", "Số hóa hồ sơ", "Hồ sơ số", "Văn phòng", "Các phòng", "Thường xuyên", "1,5"],
]


def write_ods(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write a minimal OpenDocument spreadsheet by hand (a zip of XML)."""
    body = []
    for name, rows in sheets.items():
        body.append(f'<table:table table:name="{escape(name)}">')
        for row in rows:
            body.append("<table:table-row>")
            for value in row:
                body.append(_ods_cell(value))
            body.append("</table:table-row>")
        body.append("</table:table>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                         compress_type=zipfile.ZIP_STORED)  # fmt: skip
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", ODS_HEAD + "".join(body) + ODS_TAIL)
    return path


def _ods_cell(value: object) -> str:
    """Return one table cell of content.xml."""
    if isinstance(value, int | float):
        return f'<table:table-cell office:value-type="float" office:value="{value}"/>'
    if value == "":
        return "<table:table-cell/>"
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def write_xlsx(path: Path, rows: list[list[object]]) -> Path:
    """Write one sheet with openpyxl."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_legacy_xls_with_merged_cells(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.xls"
    path.write_bytes(zlib.decompress(base64.b64decode(XLS_B64)))
    parsed = read_appendix(path)
    assert parsed.sheet == "Phu luc"
    assert [(t.number, t.lead_units, t.budget_million_vnd) for t in parsed.tasks] == [
        ("1", "Phòng Tư pháp", 12.5),
        ("2", "Phòng Tư pháp", 1500.0),
    ]
    assert parsed.declared_total == 1512.5 and parsed.warnings == []
    assert parsed.hints.year == 2024


def test_ods_file(tmp_path: Path) -> None:
    path = write_ods(tmp_path / "phu-luc.ods", {"Ghi chú": [["Không có bảng"]], "KH": ROWS})
    parsed = read_appendix(path)
    assert (parsed.sheet, parsed.sheet_names) == ("KH", ["Ghi chú", "KH"])
    assert [(t.number, t.section, t.budget_million_vnd) for t in parsed.tasks] == [
        ("1", "I", 3.0),
        ("2", "I", 1.5),
    ]


def test_xlsm_is_read_and_its_macros_ignored(tmp_path: Path) -> None:
    plain = write_xlsx(tmp_path / "plain.xlsx", ROWS)
    path = tmp_path / "phu-luc.xlsm"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 not a real macro project")
    parsed = read_appendix(path)
    assert [t.content for t in parsed.tasks] == ["Công khai thủ tục hành chính", "Số hóa hồ sơ"]


@pytest.mark.parametrize("suffix", [".xls", ".ods", ".xlsm", ""])
def test_wrong_extension_is_read_by_content(tmp_path: Path, suffix: str) -> None:
    path = write_xlsx(tmp_path / "real.xlsx", ROWS)
    renamed = path.rename(tmp_path / f"phu-luc{suffix}")
    assert len(read_appendix(renamed).tasks) == 2
