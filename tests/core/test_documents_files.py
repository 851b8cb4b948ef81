"""Both formats from one model, checked as a signer would with real tools.

pdftotext gives the exact Vietnamese; pdffonts shows embedded fonts; the Word copy is read
back with python-docx (A4 sections, NĐ 30 margins, landscape appendix) and converted by
LibreOffice headless (one soffice call), then read with pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest

from cchc_desktop.cli import main
from cchc_desktop.paths import resource_path
from cchc_desktop.plans import services
from cchc_desktop.plans.models import Agency, Plan, TaskDraft
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.reports.cli import run_report
from cchc_desktop.reports.model import BAO_CAO, Document, Issuer, Para, Registration, Signature
from cchc_desktop.reports.save import save_document
from cchc_desktop.start.demo import create_demo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftotext") is None,
    reason="needs LibreOffice (soffice) and poppler-utils (pdftotext, pdffonts)",
)
PLACEHOLDERS = ("CƠ QUAN\n", "Thủ trưởng cơ quan", "THỦ TRƯỞNG CƠ QUAN", "TL. THỦ TRƯỞNG")
DECISION_AGENCY = Agency(
    name="Ủy ban nhân dân tỉnh Đắk Lắk", parent_name="", place="Đắk Lắk", abbreviation="UBND",
    signer_name="Nguyễn Văn A", signer_title="Phó Chủ tịch", signer_authority="TM.+KT.",
    head_title="Chủ tịch", collective="Ủy ban nhân dân", drafting_unit="NV")


def text_of(pdf: Path) -> str:
    """Return the PDF's text in reading order, white space collapsed."""
    done = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True,
                          text=True)
    return " ".join(done.stdout.replace("\u00a0", " ").split())


def page_texts(pdf: Path) -> list[str]:
    """Return each page's text."""
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True)
    return [page for page in done.stdout.split("\f") if page.strip()]


def to_pdf(files: list[Path], folder: Path) -> list[Path]:
    """Convert Word files to PDF with LibreOffice (Times New Roman → bundled Liberation)."""
    fonts = folder / "fonts.conf"
    fonts.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
        f"<dir>{resource_path('fonts')}</dir></fontconfig>", encoding="utf-8")
    out = folder / "lo"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=180,
                   env={"FONTCONFIG_FILE": str(fonts), "HOME": str(folder),
                        "PATH": "/usr/bin:/bin"})
    return [out / f"{f.stem}.pdf" for f in files]


def _decision_plan(register: Register) -> int:
    """A 2021–2025 plan issued by a Quyết định, in capitals as Excel titles are."""
    services.save_agency(register, DECISION_AGENCY)
    plan_id = services.create_plan(register, Plan(
        id=0, title="KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2021 - 2025 TỈNH ĐẮK LẮK",
        number="1271/QĐ-UBND", issued_on="2021-08-18", year=2021,
        issuer="Ủy ban nhân dân tỉnh Đắk Lắk"))
    for index in range(3):
        services.add_task(register, plan_id, TaskDraft(
            content=f"Rà soát thủ tục hành chính lĩnh vực {index}", lead_text="Sở Nội vụ",
            timeframe="Năm 2022"))
    return plan_id


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """Every document kind in both formats (the Word copies converted once by LibreOffice)."""
    folder = tmp_path_factory.mktemp("docs")
    demo = open_register(folder / "demo.sqlite")
    create_demo(demo)
    decision = open_register(folder / "qd.sqlite")
    decision_plan = _decision_plan(decision)
    files: dict[str, Path] = {}
    for fmt in ("pdf", "docx"):
        files[f"plan.{fmt}"] = run_report(demo, "plan", folder / f"plan.{fmt}", None, None)
        files[f"period.{fmt}"] = run_report(demo, "period", folder / f"period.{fmt}", None,
                                            "2021-H1", draft=True)
        files[f"overdue.{fmt}"] = run_report(demo, "overdue", folder / f"overdue.{fmt}", None,
                                             "2021-H1")
        files[f"qd.{fmt}"] = run_report(decision, "plan", folder / f"qd.{fmt}", decision_plan,
                                        None)
    words = [files[k] for k in sorted(files) if k.endswith(".docx")]
    for path, pdf in zip(words, to_pdf(words, folder), strict=True):
        files[f"{path.stem}.lo.pdf"] = pdf
    yield files
    demo.close()
    decision.close()


@pytest.mark.parametrize("fmt", ["pdf", "lo.pdf"])
def test_plan_by_decision_cites_it_and_says_its_term(made: dict[str, Path], fmt: str) -> None:
    text = text_of(made[f"qd.{fmt}"])
    assert "KẾ HOẠCH Cải cách hành chính nhà nước giai đoạn 2021 - 2025 tỉnh Đắk Lắk" in text
    assert "(Kèm theo Quyết định số 1271/QĐ-UBND ngày 18/8/2021 của Ủy ban nhân dân tỉnh " \
           "Đắk Lắk)" in text
    assert "Số: 1271" not in text and "Kế hoạch số 1271" not in text
    assert "giai đoạn 2021 - 2025" in text and "năm 2021" not in text
    assert "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" in text
    assert "Nguyễn Văn A" in text
    assert "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK" in text.replace(" TỈNH", " TỈNH")
    assert "DỰ THẢO" not in text


@pytest.mark.parametrize("fmt", ["pdf", "lo.pdf"])
def test_period_draft_leaves_number_and_day_blank_and_marks_every_page(
        made: dict[str, Path], fmt: str) -> None:
    pages = page_texts(made[f"period.{fmt}"])
    assert len(pages) > 3
    assert all("DỰ THẢO" in page for page in pages)
    first = pages[0].replace("\u00a0", " ")
    assert re.search(r"Số:\s+/BC-TTr", first)
    assert re.search(r"Đắk Nông, ngày\s+tháng\s+năm \d{4}", first)
    text = text_of(made[f"period.{fmt}"])
    assert "UBND tỉnh Đắk Nông (b/c)" in text
    assert not any(p in "\n".join(pages) for p in PLACEHOLDERS)


@pytest.mark.parametrize("fmt", ["pdf", "lo.pdf"])
def test_overdue_is_a_cong_van_counting_to_the_period_cut_off(made: dict[str, Path],
                                                              fmt: str) -> None:
    pages = page_texts(made[f"overdue.{fmt}"])
    first = " ".join(pages[0].split())
    assert "V/v đôn đốc thực hiện các nhiệm" in first and "Kính gửi:" in first
    assert "Nhiệm vụ" not in first.split("Kính gửi:")[0].split("V/v")[0]
    text = text_of(made[f"overdue.{fmt}"])
    assert "tính đến ngày 14/6/2021 (ngày chốt số liệu kỳ báo cáo" in text
    assert "có 4 nhiệm vụ đã quá thời hạn" in text


def test_pdf_fonts_are_embedded(made: dict[str, Path]) -> None:
    for name in ("plan.pdf", "qd.pdf", "overdue.pdf"):
        listing = subprocess.run(["pdffonts", str(made[name])], check=True,
                                 capture_output=True, text=True).stdout.splitlines()[2:]
        assert listing and all(" yes yes yes " in line for line in listing), listing


def test_word_sections_are_a4_with_nd30_margins_and_a_landscape_appendix(
        made: dict[str, Path]) -> None:
    document = docx.Document(str(made["plan.docx"]))
    sections = document.sections
    assert len(sections) == 2
    for section in sections:
        size = sorted((round(section.page_width.mm), round(section.page_height.mm)))
        assert size == [210, 297]
        assert (round(section.top_margin.mm), round(section.bottom_margin.mm),
                round(section.left_margin.mm), round(section.right_margin.mm)) == (20, 20, 30, 15)
        assert section.different_first_page_header_footer
    assert sections[0].page_width < sections[0].page_height
    assert sections[1].page_width > sections[1].page_height
    header_rows = document.element.body.findall(".//" + docx.oxml.ns.qn("w:tblHeader"))
    assert header_rows, "the appendix table repeats its header row"
    fonts = {run.font.name for p in document.paragraphs for run in p.runs if run.text.strip()}
    assert fonts == {"Times New Roman"}


def test_word_copy_reads_like_the_pdf(made: dict[str, Path]) -> None:
    pdf, word = text_of(made["plan.pdf"]), text_of(made["plan.lo.pdf"])
    for phrase in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                   "Số: 1034/KH-TTr", "Đắk Nông, ngày 31 tháng 12 năm 2020",
                   "CHÁNH THANH TRA Phạm Thị Trà My", "Nơi nhận:", "- Lưu: VT, VP.",
                   "(Kèm theo Kế hoạch số 1034/KH-TTr ngày 31/12/2020 của Thanh tra tỉnh Đắk "
                   "Nông)"):
        assert phrase in pdf, phrase
        assert phrase in word, phrase
    assert len(page_texts(made["plan.pdf"])) == len(page_texts(made["plan.lo.pdf"]))


def test_command_line_refuses_an_incomplete_document_then_writes_a_draft(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "so.sqlite"
    register = open_register(db)
    services.create_plan(register, Plan(id=0, title="Kế hoạch cải cách hành chính năm 2026",
                                        year=2026))
    register.close()
    out = tmp_path / "bao-cao.docx"
    assert main(["report", "period", "-o", str(out), "--db", str(db), "--period",
                 "2026-Q1"]) == 2
    err = capsys.readouterr().err
    assert not out.exists() and list(tmp_path.glob("*.docx")) == []
    for message in ("Chưa có tên cơ quan ban hành văn bản.", "Chưa có họ tên người ký.",
                    "Chưa có địa danh", "chưa có số liệu tiến độ"):
        assert message in err
    assert main(["report", "plan", "-o", str(tmp_path / "kh.pdf"), "--db", str(db),
                 "--draft"]) == 0
    text = " ".join(page_texts(tmp_path / "kh.pdf"))
    assert "DỰ THẢO" in text
    assert not any(p in text for p in PLACEHOLDERS)
    assert main(["report", "plan", "-o", str(tmp_path / "kh.docx"), "--db", str(db), "--draft",
                 "--number", "7", "--date", "2026-01-05"]) == 0
    header = docx.Document(str(tmp_path / "kh.docx")).tables[0].rows[0]
    assert "Số: 7/KH" in header.cells[0].text
    assert "ngày 05 tháng 01 năm 2026" in header.cells[1].text


def test_agency_command_sets_and_prints_the_default_signer(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "so.sqlite")
    assert main(["agency", "--db", db, "--name", "Ủy ban nhân dân xã Ea Tiêu", "--place",
                 "Ea Tiêu", "--signer-name", "Y Ngông", "--signer-title", "Phó Chủ tịch",
                 "--authority", "TM.+KT.", "--head-title", "Chủ tịch", "--collective",
                 "Ủy ban nhân dân"]) == 0
    out = capsys.readouterr().out
    assert "Khối chữ ký: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Y Ngông" in out
    assert main(["agency", "--db", db, "--authority", "XX."]) == 1
    assert "Quyền hạn ký “XX.” không hợp lệ" in capsys.readouterr().err


FORMS = [
    (Signature("", "Chánh Thanh tra", "Phạm Thị Trà My"), "CHÁNH THANH TRA"),
    (Signature("KT.", "Phó Chánh Thanh tra", "Lê Văn B", "Chánh Thanh tra"),
     "KT. CHÁNH THANH TRA PHÓ CHÁNH THANH TRA"),
    (Signature("TM.", "Chủ tịch", "Y Ngông", collective="Ủy ban nhân dân tỉnh Đắk Lắk"),
     "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"),
    (Signature("TM.+KT.", "Phó Chủ tịch", "Y Ngông", "Chủ tịch", "Ủy ban nhân dân"),
     "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH"),
    (Signature("Q.", "Phó Giám đốc", "Trần C", "Giám đốc"), "Q. GIÁM ĐỐC"),
    (Signature("TL.", "Chánh Văn phòng", "Đỗ D", "Giám đốc"), "TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG"),
    (Signature("TUQ.", "Giám đốc Sở Nội vụ", "Vũ E", "Chủ tịch"),
     "TUQ. CHỦ TỊCH GIÁM ĐỐC SỞ NỘI VỤ"),
]


@pytest.mark.parametrize(("signature", "printed"), FORMS,
                         ids=["head", "kt", "tm", "tm-kt", "q", "tl", "tuq"])
def test_every_signature_form_in_both_formats(signature: Signature, printed: str,
                                              tmp_path: Path) -> None:
    doc = Document(BAO_CAO, Issuer("Ủy ban nhân dân tỉnh Đắk Lắk", "", "UBND", "Đắk Lắk"),
                   Registration(year=2026), "Kết quả thực hiện", signature,
                   closing=[Para("Trên đây là báo cáo./.")], recipients=["Sở Nội vụ (b/c)"])
    pdf = save_document(doc, tmp_path / "a.pdf")
    assert f"{printed} {signature.name}" in text_of(pdf)
    word = docx.Document(str(save_document(doc, tmp_path / "a.docx")))
    block = word.tables[-1].rows[0].cells[1].text
    assert " ".join(block.split()) == f"{printed} {signature.name}"
    assert word.tables[-1].rows[0].cells[0].text.split("\n") == [
        "Nơi nhận:", "- Sở Nội vụ (b/c);", "- Lưu: VT."]


def test_sixty_overdue_tasks_leave_no_empty_first_page(register: Register,
                                                      tmp_path: Path) -> None:
    services.save_agency(register, DECISION_AGENCY)
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch CCHC năm 2021",
                                                  year=2021, number="5/KH-UBND"))
    for index in range(60):
        services.add_task(register, plan_id, TaskDraft(
            content=f"Nhiệm vụ cải cách hành chính số {index + 1} " * 3,
            lead_text=f"Phòng {index % 7 + 1}", timeframe="Quý I năm 2021"))
    pdf = run_report(register, "overdue", tmp_path / "cv.pdf", plan_id, None,
                     as_of=date(2021, 7, 5))
    pages = page_texts(pdf)
    first = " ".join(pages[0].split())
    assert "tính đến ngày 05/7/2021, trong tổng số 60 nhiệm vụ có 60 nhiệm vụ" in first
    assert "Nguyễn Văn A" in first, "the letter and its signature fit on page 1"
    assert "Kính gửi: Các cơ quan, đơn vị chủ trì nhiệm vụ (theo Danh mục kèm theo)." in first
    assert all(len(page.split()) > 40 for page in pages), "no page is left empty"
    assert "Số ngày quá hạn tính đến ngày 05/7/2021." in " ".join(pages[1].split())
