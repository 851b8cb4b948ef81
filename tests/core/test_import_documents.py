"""Plans sent as Word documents and PDFs: the same register as the workbook, refusals, the CLI."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.excel.read.safety import Limits
from cchc_desktop.plans import repository
from cchc_desktop.plans.importer import import_appendix
from cchc_desktop.register.connection import open_register

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
PLAN = "c15-ke-hoach-day-du"
COPIES = [f"{PLAN}.xlsx", f"{PLAN}.docx", f"{PLAN}.pdf", f"{PLAN}-khong-ke.pdf"]


def register_contents(path: Path, folder: Path) -> dict[str, Any]:
    """Import a file into a new register; return what the officer sees in it."""
    register = open_register(folder / f"{path.name}.sqlite")
    try:
        plan_id = import_appendix(register, read_appendix(path))
        db = register.db
        plan = repository.get_plan(db, plan_id)
        tasks = db.execute(
            "SELECT s.code, g.number, t.number, t.content, t.result, t.lead_text, t.partner_text,"
            " t.timeframe, t.budget_million_vnd FROM tasks t LEFT JOIN sections s ON s.id ="
            " t.section_id LEFT JOIN task_groups g ON g.id = t.group_id ORDER BY t.position"
        ).fetchall()
        links = db.execute(
            "SELECT t.number, u.name, l.role FROM task_units l JOIN tasks t ON t.id = l.task_id"
            " JOIN units u ON u.id = l.unit_id ORDER BY t.position, l.role, u.name"
        ).fetchall()
        return {
            "plan": (plan.number, plan.issued_on, plan.year),
            "tasks": [tuple(" ".join(str(v).split()) if v else v for v in row) for row in tasks],
            "links": links,
            "units": sorted(unit.name for unit in repository.list_units(db)),
        }
    finally:
        register.close()


def test_same_plan_as_workbook_word_and_pdf_gives_the_same_register(tmp_path: Path) -> None:
    seen = [register_contents(CORPUS / name, tmp_path) for name in COPIES]
    assert seen[0]["plan"] == ("215/KH-SNV", "2022-01-14", 2022)
    assert len(seen[0]["tasks"]) == 11
    for name, contents in zip(COPIES[1:], seen[1:], strict=True):
        assert contents == seen[0], name


def test_word_plan_gives_the_trich_yeu_and_picks_the_task_table_not_the_budget() -> None:
    parsed = read_appendix(CORPUS / f"{PLAN}.docx")
    assert parsed.sheet == "Bảng 3"
    assert parsed.sheet_names == ["Bảng 1", "Bảng 2", "Bảng 3"]
    assert parsed.hints.issuer == "Sở Nội vụ tỉnh Đồng Nai"
    assert not [w for w in parsed.warnings if "Bảng 2" in w.message]
    chosen = read_appendix(CORPUS / f"{PLAN}.docx", sheet="Bảng 2")
    assert chosen.sheet == "Bảng 2" and len(chosen.tasks) == 3


def test_scanned_pdf_is_refused_with_a_message_saying_so(tmp_path: Path) -> None:
    with pytest.raises(AppendixError, match="bản chụp.*không có lớp chữ"):
        read_appendix(CORPUS / "c16-ban-scan.pdf")
    db = tmp_path / "so.sqlite"
    done = subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", "import", str(CORPUS / "c16-ban-scan.pdf"),
         "--db", str(db)], capture_output=True, text=True, check=False,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert done.returncode != 0 and "bản chụp" in done.stderr and "Traceback" not in done.stderr
    assert not db.exists()


def test_cli_dry_run_json_of_a_word_plan(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cchc_desktop.cli", "import", str(CORPUS / f"{PLAN}.docx"),
         "--dry-run", "--json", "--db", str(tmp_path / "so.sqlite")],
        capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    data = json.loads(done.stdout)
    assert data["sheet"] == "Bảng 3" and len(data["tasks"]) == 11
    assert data["plan"]["number"] == "215/KH-SNV" and data["declared_total_million_vnd"] == 58
    assert not (tmp_path / "so.sqlite").exists()


def rewrite_member(source: Path, target: Path, member: str, change: Any) -> Path:
    """Copy a .docx with one part's bytes changed."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            new.writestr(info, change(data) if info.filename == member else data)
    return target


def test_word_file_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    bomb = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
    path = rewrite_member(
        CORPUS / f"{PLAN}.docx", tmp_path / "bom.docx", "word/document.xml",
        lambda data: bomb + data.split(b"?>", 1)[1],
    )  # fmt: skip
    with pytest.raises(AppendixError, match="thực thể XML"):
        read_appendix(path)


def test_word_zip_bomb_and_damaged_word_file_are_refused(tmp_path: Path) -> None:
    padded = rewrite_member(
        CORPUS / f"{PLAN}.docx", tmp_path / "to.docx", "word/document.xml",
        lambda data: data.replace(b"</w:body>", b"<w:p/>" * 200_000 + b"</w:body>"),
    )  # fmt: skip
    small = Limits(max_uncompressed_bytes=500_000)
    with pytest.raises(AppendixError, match="bom zip"):
        read_appendix(padded, limits=small)
    broken = tmp_path / "hong.docx"
    broken.write_bytes((CORPUS / f"{PLAN}.docx").read_bytes()[:3000])
    with pytest.raises(AppendixError, match="bị hỏng"):
        read_appendix(broken)


def test_word_file_without_a_task_table_names_the_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Họ tên", "Chức vụ"
    path = tmp_path / "khong-bang.docx"
    document.save(str(path))
    with pytest.raises(AppendixError, match="không bảng nào trong 1 bảng là bảng nhiệm vụ"):
        read_appendix(path)


def test_encrypted_and_damaged_pdfs_are_refused(tmp_path: Path) -> None:
    from reportlab.pdfgen.canvas import Canvas

    locked = tmp_path / "khoa.pdf"
    canvas = Canvas(str(locked), encrypt="matkhau")
    canvas.drawString(100, 700, "TT Noi dung")
    canvas.save()
    with pytest.raises(AppendixError, match="mật khẩu"):
        read_appendix(locked)
    damaged = tmp_path / "hong.pdf"
    damaged.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 50)
    with pytest.raises(AppendixError, match="bị hỏng|bản chụp"):
        read_appendix(damaged)


def test_pdf_renamed_xlsx_is_still_read_as_a_pdf(tmp_path: Path) -> None:
    renamed = tmp_path / "phu-luc.xlsx"
    shutil.copy(CORPUS / f"{PLAN}.pdf", renamed)
    assert len(read_appendix(renamed).tasks) == 11


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="•"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="8"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
)


def _numbered(cell: Any, num_id: int, level: int) -> None:
    """Give the first paragraph of a cell Word's automatic numbering."""
    from docx.oxml import parse_xml

    cell.paragraphs[0]._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        "</w:numPr>"
    ))  # fmt: skip


def test_word_automatic_numbering_and_bullets_are_written_out(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(NUMBERING):
        numbering.append(child)
    rows = [
        ("I", "CẢI CÁCH THỂ CHẾ", "", ""),
        ("1", "Rà soát văn bản", "Phòng Tư pháp", "Quý II"),
        ("1", "Kiểm tra văn bản", "Phòng Tư pháp", "Thường xuyên"),
        ("I", "CẢI CÁCH TÀI CHÍNH CÔNG", "", ""),
        ("1", "Công khai ngân sách", "Phòng Tài chính", "Quý IV"),
    ]
    table = document.add_table(rows=1 + len(rows), cols=4)
    for cell, text in zip(table.rows[0].cells, ["TT", "Nội dung", "Chủ trì", "Thời gian"],
                          strict=True):  # fmt: skip
        cell.text = text
    for r, (level, content, lead, when) in enumerate(rows, start=1):
        cells = table.rows[r].cells
        cells[0].text = ""
        _numbered(cells[0], 7, 0 if level == "I" else 1)
        cells[1].text = content
        cells[2].text, cells[3].text = lead, when
    bullet = table.rows[2].cells[1].add_paragraph("trên Cổng thông tin")
    bullet._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="0"/><w:numId w:val="8"/></w:numPr>'))
    path = tmp_path / "danh-so.docx"
    document.save(str(path))
    parsed = read_appendix(path)
    assert [(s.code, s.title) for s in parsed.sections] == [
        ("I", "CẢI CÁCH THỂ CHẾ"), ("II", "CẢI CÁCH TÀI CHÍNH CÔNG")]
    assert [(t.section, t.number) for t in parsed.tasks] == [("I", "1"), ("I", "2"), ("II", "1")]
    assert parsed.tasks[0].content == "Rà soát văn bản\n- trên Cổng thông tin"


def test_plan_details_come_from_the_letterhead_without_an_appendix_title(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    head = document.add_table(rows=3, cols=2)
    left = ["UBND TỈNH ĐẮK NÔNG", "THANH TRA TỈNH", "Số: 1034/KH-TTr"]
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
             "Đắk Nông, ngày 31 tháng 12 năm 2020"]  # fmt: skip
    for index in range(3):
        head.cell(index, 0).text, head.cell(index, 1).text = left[index], right[index]
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2021")
    document.add_paragraph("Căn cứ Kế hoạch số 16341/KH-UBND ngày 28/12/2020 của UBND tỉnh;")
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate([["TT", "Nội dung, nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
                             ["1", "Xây dựng Kế hoạch CCHC", "Văn phòng", "Quý I"],
                             ["2", "Rà soát văn bản QPPL", "Văn phòng", "Thường xuyên"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    parsed = read_appendix(path)
    hints = parsed.hints
    assert (hints.number, hints.issued_on, hints.issuer) == ("1034/KH-TTr", "2020-12-31",
                                                             "THANH TRA TỈNH")  # fmt: skip
    assert (hints.title, hints.year) == ("Cải cách hành chính năm 2021", 2021)
    assert parsed.tasks[0].timeframe == "Quý I" and len(parsed.tasks) == 2
