"""Hostile or broken files get a clear Vietnamese AppendixError, never a traceback."""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from cchc_desktop.errors import AppendixError, CchcError
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.excel.read.safety import MAX_FILE_BYTES, Limits

HEADER = ["TT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Thời gian thực hiện"]
TASK = ["1", "Rà soát thủ tục hành chính", "Báo cáo", "Văn phòng", "Quý I"]


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    """Return a real .xlsx holding one sheet of rows."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def refused(path: Path, *fragments: str, **kwargs: object) -> str:
    """Read a file expecting an AppendixError whose message has the fragments and file name."""
    with pytest.raises(AppendixError) as caught:
        read_appendix(path, **kwargs)  # type: ignore[arg-type]
    message = str(caught.value)
    assert isinstance(caught.value, CchcError)
    for fragment in (path.name, *fragments):
        assert fragment in message, message
    assert "Traceback" not in message
    return message


def rewrite_member(source: bytes, name: str, data: bytes) -> bytes:
    """Return a copy of a zip with one member's data replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = data if info.filename == name else zin.read(info)
            zout.writestr(info.filename, body, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_csv_renamed_to_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "phu-luc.xlsx"
    path.write_text("TT,Nội dung,Chủ trì\n1,Rà soát,Văn phòng\n", encoding="utf-8")
    refused(path, "CSV", "không phải bảng tính Excel")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    refused(path, "rỗng")


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "hong.xlsx"
    path.write_bytes(bytes(range(256)) * 40)
    refused(path, "không phải bảng tính Excel hoặc đã bị hỏng")


def test_web_page_and_pdf_renamed(tmp_path: Path) -> None:
    page = tmp_path / "bao-cao.xls"
    page.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    refused(page, "trang web")
    pdf = tmp_path / "ke-hoach.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    refused(pdf, "PDF")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(AppendixError, match="Không tìm thấy tệp"):
        read_appendix(tmp_path / "khong-co.xlsx")
    with pytest.raises(AppendixError, match="không phải là một tệp"):
        read_appendix(tmp_path)


def test_file_over_the_size_limit_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "lon.xlsx"
    with path.open("wb") as handle:  # a sparse file: no disk space used
        handle.truncate(MAX_FILE_BYTES + 1)
    refused(path, "quá lớn", "50,0 MB")
    small = tmp_path / "nho.xlsx"
    small.write_bytes(xlsx_bytes([HEADER, TASK]))
    refused(small, "quá lớn", limits=Limits(max_file_bytes=1000))


def test_zip_bomb_member_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = rewrite_member(
        xlsx_bytes([HEADER, TASK]), "xl/worksheets/sheet1.xml", b" " * (8 * 1024 * 1024)
    )
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb)
    assert path.stat().st_size < 100_000
    started = time.perf_counter()
    refused(path, "bom zip")
    assert time.perf_counter() - started < 1


def test_zip_whose_total_uncompressed_size_is_absurd(tmp_path: Path) -> None:
    path = tmp_path / "to.xlsx"
    path.write_bytes(xlsx_bytes([HEADER, TASK]))
    refused(path, "bom zip", limits=Limits(max_uncompressed_bytes=2000))
    refused(path, "bom zip", limits=Limits(max_zip_members=3))


def test_member_lying_about_its_size_is_refused(tmp_path: Path) -> None:
    data = bytearray(rewrite_member(
        xlsx_bytes([HEADER, TASK]), "xl/worksheets/sheet1.xml",
        xlsx_member(xlsx_bytes([HEADER, TASK]), "xl/worksheets/sheet1.xml") + b" " * 200_000,
    ))  # fmt: skip
    name = b"xl/worksheets/sheet1.xml"
    for signature, size_at, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        at = data.find(signature)
        while at != -1:
            if data[at + name_at : at + name_at + len(name)] == name:
                struct.pack_into("<I", data, at + size_at, 1000)  # declare 1 KB
            at = data.find(signature, at + 4)
    path = tmp_path / "noi-doi.xlsx"
    path.write_bytes(bytes(data))
    refused(path, "bị hỏng")


def xlsx_member(data: bytes, name: str) -> bytes:
    """Return one member of a zip."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_xml_entity_bomb_is_not_expanded(tmp_path: Path) -> None:
    source = xlsx_bytes([HEADER, TASK])
    member = "xl/worksheets/sheet1.xml"  # openpyxl writes the texts inline
    strings = xlsx_member(source, member)
    if strings.startswith(b"<?xml"):
        strings = strings.split(b"?>", 1)[1]
    doctype = (
        b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">'
        b'<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    )
    # lxml (installed with python-docx) writes "Báo cáo" as "B&#225;o c&#225;o"
    poisoned = strings.replace("Báo cáo".encode(), b"&c;&x;").replace(
        b"B&#225;o c&#225;o", b"&c;&x;")
    assert poisoned != strings
    path = tmp_path / "entity.xlsx"
    path.write_bytes(rewrite_member(source, member, doctype + poisoned))
    message = refused(path, "thực thể XML", "không đọc vì an toàn")
    assert "root:" not in message


def test_encrypted_office_file(tmp_path: Path) -> None:
    ole = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    stream_name = "EncryptionInfo".encode("utf-16-le")
    ole[1024 : 1024 + len(stream_name)] = stream_name
    path = tmp_path / "mat-khau.xlsx"
    path.write_bytes(bytes(ole))
    refused(path, "mật khẩu")


def test_zip_that_is_not_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "tai-lieu.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    refused(path, "không phải bảng tính Excel")


def test_truncated_xlsx(tmp_path: Path) -> None:
    data = xlsx_bytes([HEADER, TASK])
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    refused(path, "bị hỏng")


def test_no_table_found_lists_the_sheets(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Công văn"
    book.active.append(["Kính gửi: các phòng, ban"])
    book.create_sheet("Số liệu").append(["STT", "Lĩnh vực", "Số TTHC", "Ghi chú"])
    path = tmp_path / "cong-van.xlsx"
    book.save(path)
    refused(path, "không trang nào có bảng nhiệm vụ", "'Công văn', 'Số liệu'")


def test_wrong_headers(tmp_path: Path) -> None:
    path = tmp_path / "sai.xlsx"
    path.write_bytes(xlsx_bytes([["A", "B", "C", "D"], ["1", "x", "y", "z"]]))
    refused(path, "không trang nào có bảng nhiệm vụ")


def test_header_without_any_task(tmp_path: Path) -> None:
    path = tmp_path / "trong.xlsx"
    path.write_bytes(xlsx_bytes([HEADER, [], ["", "Tổng cộng", "", "", ""]]))
    refused(path, "không có nhiệm vụ nào", "dòng 1")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "khoa.xlsx"
    path.write_bytes(xlsx_bytes([HEADER, TASK]))
    path.chmod(0)
    refused(path, "Không mở được tệp")
