"""The hostile-workbook corpus, built in memory by the tests (nothing large is kept in git).

Each Case builds the bytes of one file; test_hostile_workbooks.py reads every one of them in a
capped subprocess. The xlsx parts are written by hand so each attack sits exactly where a real
one would (sharedStrings, sheet XML, the zip directory).
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from openpyxl import Workbook

HEADER = ["TT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Thời gian thực hiện"]
ROWS = [
    HEADER,
    ["1", "Rà soát thủ tục hành chính", "Báo cáo", "Văn phòng", "Quý I"],
    ["2", "Số hóa hồ sơ một cửa", "Kho dữ liệu", "Phòng Nội vụ", "Năm 2026"],
]
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENTITY_BOMB = (
    '<!DOCTYPE sst [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">'
              for i in range(1, 10)).replace("&lol0;", "&lol;")
    + "]>"
)
EXTERNAL = ('<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
            '<!ENTITY % remote SYSTEM "http://10.255.255.1/bom.dtd"> %remote;]>')


@dataclass(frozen=True)
class Case:
    """One hostile file: how to build it and what answers are acceptable."""

    name: str
    file_name: str
    build: Callable[[], bytes]
    allowed: tuple[str, ...] = ("error",)
    fragments: tuple[str, ...] = ()
    xfail: str = ""
    slow: bool = False


def column(index: int) -> str:
    """Return the spreadsheet letters of a 0-based column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx(
    rows: list[list[str]] = ROWS, *, sst_doctype: str = "", sheet_doctype: str = "",
    replace: dict[str, str] | None = None, dimension: str = "", tail: str = "",
    extra_strings: tuple[str, ...] = (), members: dict[str, bytes] | None = None,
    macro: bool = False,
) -> bytes:
    """Build an .xlsx by hand: one sheet of shared strings, with the attack spliced in."""
    strings = [text for row in rows for text in row] + list(extra_strings)
    cells = []
    for r, row in enumerate(rows):
        refs = "".join(f'<c r="{column(c)}{r + 1}" t="s"><v>{strings.index(text)}</v></c>'
                       for c, text in enumerate(row))
        cells.append(f'<row r="{r + 1}">{refs}</row>')
    sst = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    sheet = (f'<?xml version="1.0"?>{sheet_doctype}<worksheet xmlns="{_MAIN}">'
             + (f'<dimension ref="{dimension}"/>' if dimension else "")
             + f"<sheetData>{''.join(cells)}{tail}</sheetData></worksheet>")
    shared = f'<?xml version="1.0"?>{sst_doctype}<sst xmlns="{_MAIN}">{sst}</sst>'
    for old, new in (replace or {}).items():
        sheet, shared = sheet.replace(old, new), shared.replace(old, new)
    kind = "sheet.macroEnabled.main+xml" if macro else "sheet.main+xml"
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.{kind}"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
            "</Types>").encode(),
        "_rels/.rels": (f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/'
                        'officeDocument" Target="xl/workbook.xml"/></Relationships>').encode(),
        "xl/workbook.xml": (
            f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets><sheet name="Phụ lục" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>').encode(),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
            f'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{_REL}/'
            'sharedStrings" Target="sharedStrings.xml"/></Relationships>').encode(),
        "xl/worksheets/sheet1.xml": sheet.encode(),
        "xl/sharedStrings.xml": shared.encode(),
        **(members or {}),
    }
    return zip_parts(parts)


def zip_parts(parts: dict[str, bytes]) -> bytes:
    """Zip named parts (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def patch_zip_headers(data: bytes, name: str, size_at: tuple[int, int] | None,
                      flag: int = 0) -> bytes:
    """Rewrite a member's declared size (local and central headers) or set flag bits."""
    buffer = bytearray(data)
    encoded = name.encode()
    for signature, size_offset, name_offset, flag_offset in (
        (b"PK\x01\x02", 24, 46, 8), (b"PK\x03\x04", 22, 30, 6),
    ):
        at = buffer.find(signature)
        while at != -1:
            if encoded in (b"*", buffer[at + name_offset : at + name_offset + len(encoded)]):
                if size_at is not None:
                    struct.pack_into("<I", buffer, at + size_offset, size_at[0])
                if flag:
                    old = struct.unpack_from("<H", buffer, at + flag_offset)[0]
                    struct.pack_into("<H", buffer, at + flag_offset, old | flag)
            at = buffer.find(signature, at + 4)
    return bytes(buffer)


def zip_bomb() -> bytes:
    """A 64 MB sheet of spaces that zips to about 60 KB."""
    return xlsx(tail=" " * (64 * 1024 * 1024))


def lying_bomb() -> bytes:
    """A 32 MB sheet whose zip headers declare 2 KB."""
    data = xlsx(tail=" " * (32 * 1024 * 1024))
    return patch_zip_headers(data, "xl/worksheets/sheet1.xml", (2048, 0))


def far_cell(ref: str) -> Callable[[], bytes]:
    """Return a builder of a book with one real cell far below the table."""
    row = ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return lambda: xlsx(tail=f'<row r="{row}"><c r="{ref}" t="inlineStr"><is><t>x</t></is>'
                            "</c></row>")


def words(count: int, seed: int) -> str:
    """Return seeded pseudo-random Vietnamese words (they compress like real text)."""
    rng = random.Random(seed)
    text = ("cải cách hành chính thủ tục số hóa hồ sơ một cửa liên thông đơn vị xã phường "
            "kiểm tra báo cáo kết quả công vụ công chức tài chính")
    vocabulary = text.split(" ")
    return " ".join(rng.choice(vocabulary) + str(rng.randint(0, 999)) for _ in range(count))


def huge_shared_string() -> bytes:
    """A task whose content is one 2 MB shared string (Excel allows 32,767 characters)."""
    rows = [list(row) for row in ROWS]
    rows[1][1] = words(200_000, 1)
    return xlsx(rows)


def many_shared_strings() -> bytes:
    """100,000 distinct shared strings nobody uses."""
    rng = random.Random(3)
    return xlsx(extra_strings=tuple(f"chuỗi {i} {rng.random()}" for i in range(100_000)))


def xlsm_with_macros() -> bytes:
    """A macro-enabled book with a vbaProject.bin (values must be read, macros never run)."""
    project = OLE_MAGIC + b"Attribute VB_Name = \"Module1\"\nSub Auto_Open()\nShell \"calc\"\n"
    return xlsx(macro=True, members={"xl/vbaProject.bin": project + bytes(4000)})


def encrypted_ole() -> bytes:
    """An Office file saved with a password (a CFB container holding EncryptionInfo)."""
    data = bytearray(OLE_MAGIC + bytes(8184))
    stream = "EncryptionInfo".encode("utf-16-le")
    data[1024 : 1024 + len(stream)] = stream
    return bytes(data)


def merged_chaos() -> bytes:
    """Header and body merged every which way, overlapping, one merge over the whole sheet."""
    book = Workbook()
    sheet = book.active
    sheet.append(["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"])
    for row in ROWS:
        sheet.append(row)
    for ref in ("A1:E1", "B2:C2", "A3:A4", "B3:E3", "C3:D4", "A1:B5", "D2:E6"):
        sheet.merge_cells(ref)
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.replace(
        "</mergeCells>", '<mergeCell ref="A1:XFD1048576"/><mergeCell ref="E1:A9"/></mergeCells>'
    ).encode()
    return zip_parts(parts)


def _openpyxl(rows: list[list[str]], merges: tuple[str, ...] = ()) -> bytes:
    """Build a plain .xlsx with openpyxl (merging after filling, as Excel keeps top-left)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    for ref in merges:
        book.active.merge_cells(ref)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_LAUGH = {"Báo cáo": "&lol9;"}
_XXE = {"Báo cáo": "&xxe;"}

CASES = [
    Case("zip_bomb", "bom-zip.xlsx", zip_bomb, fragments=("bom zip",)),
    Case("zip_bomb_lying_sizes", "noi-doi-kich-thuoc.xlsx", lying_bomb),
    Case("entity_expansion_shared_strings", "ty-tiec-cuoi.xlsx",
         lambda: xlsx(sst_doctype=ENTITY_BOMB, replace=_LAUGH), ("error", "ok")),
    Case("entity_expansion_sheet", "ty-tiec-cuoi-trang.xlsx",
         lambda: xlsx(sheet_doctype=ENTITY_BOMB.replace("sst", "worksheet"),
                      tail='<row r="9"><c r="B9" t="inlineStr"><is><t>&lol9;</t></is></c></row>'),
         ("error", "ok")),
    Case("external_entity", "thuc-the-ngoai.xlsx",
         lambda: xlsx(sst_doctype=EXTERNAL, replace=_XXE), ("error", "ok")),
    Case("million_rows_claimed_by_dimension", "trieu-dong.xlsx",
         lambda: xlsx(dimension="A1:Z1000000"), ("ok",), ("Số hóa hồ sơ một cửa",)),
    Case("million_rows_one_real_cell_far_right", "o-xa-nhat.xlsx", far_cell("XFD1048576"),
         ("error",), ("XFD1048576",)),
    Case("million_rows_one_real_cell_z1000000", "o-xa.xlsx", far_cell("Z1000000"),
         ("error",), ("Z1000000",)),
    Case("huge_shared_string", "chuoi-khong-lo.xlsx", huge_shared_string, ("error", "ok"),
         ("32.767 ký tự",), slow=True),
    Case("many_shared_strings", "nhieu-chuoi.xlsx", many_shared_strings, ("ok",), slow=True),
    Case("fake_xls", "gia.xls", lambda: OLE_MAGIC + random.Random(7).randbytes(20_000)),
    Case("web_page_saved_as_xls", "trang-web.xls",
         lambda: "<html><body><table><tr><td>TT</td><td>Nội dung</td></tr></table>".encode(),
         fragments=("trang web",)),
    Case("xlsm_with_macros", "co-macro.xlsm", xlsm_with_macros, ("ok",),
         ("Rà soát thủ tục hành chính",)),
    Case("encrypted_office_file", "mat-khau.xlsx", encrypted_ole, fragments=("mật khẩu",)),
    Case("encrypted_zip_entries", "mat-khau-zip.xlsx",
         lambda: patch_zip_headers(xlsx(), "*", None, flag=0x1), fragments=("mật khẩu",)),
    Case("csv_renamed_to_xlsx", "bang.xlsx",
         lambda: "TT,Nội dung,Chủ trì\n1,Rà soát,Văn phòng\n".encode(), fragments=("CSV",)),
    Case("empty_file", "rong.xlsx", lambda: b"", fragments=("rỗng",)),
    Case("empty_workbook", "so-trang.xlsx", lambda: xlsx(rows=[])),
    Case("no_table", "cong-van.xlsx", lambda: _openpyxl([["Kính gửi: các phòng, ban"]]),
         fragments=("không trang nào có bảng nhiệm vụ",)),
    Case("wrong_headers", "sai-tieu-de.xlsx",
         lambda: _openpyxl([["A", "B", "C", "D"], ["1", "x", "y", "z"]])),
    Case("merged_cells_chaos", "o-gop.xlsx", merged_chaos, ("error", "ok")),
    Case("merged_cells_title_and_lead_down", "o-gop-thuong.xlsx",
         lambda: _openpyxl([["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2026"], *ROWS],
                           ("A1:E1", "B3:C3", "D3:D4")),
         ("ok",), ("Rà soát thủ tục hành chính", "Số hóa hồ sơ một cửa")),
    Case("merged_header_over_two_columns", "tieu-de-gop.xlsx",
         lambda: _openpyxl(ROWS, ("B1:C1",)), ("ok",), ("Báo cáo", "Kho dữ liệu")),
    Case("truncated_xlsx", "cut-ngang.xlsx", lambda: xlsx()[: len(xlsx()) // 2]),
    Case("malformed_sheet_xml", "xml-hong.xlsx",
         lambda: xlsx(tail='<row r="9"><c r="A9" t="s"><v>0</v></row>'), ("error", "ok")),
    Case("missing_sheet_part", "thieu-trang.xlsx",
         lambda: xlsx(members={"xl/_rels/workbook.xml.rels": (
             f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
             'Target="worksheets/khong-co.xml"/></Relationships>').encode()})),
]


def test_corpus_files_are_small_and_distinct() -> None:
    built = {case.name: case.build() for case in CASES if not case.slow}
    assert all(len(data) < 2_000_000 for data in built.values())
    assert len({case.file_name for case in CASES}) == len(CASES)
