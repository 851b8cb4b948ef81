"""The two printed inspection documents, read back with pdftotext (exact Vietnamese strings)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections.models import (
    KIND_SCHEDULED,
    KIND_SELF,
    KIND_UNANNOUNCED,
    LEVEL_ITEM,
    RECOMMENDATION,
    ROLE_DEPUTY,
    ROLE_HEAD,
    ROLE_MEMBER,
    Answer,
    RemediationDraft,
    TeamMember,
)
from cchc_desktop.inspections.outline import plan_outline
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.inspection_conclusion import (
    collect_conclusion,
    conclusion_refusal,
    print_conclusion,
)
from cchc_desktop.reports.inspection_plan import collect_inspection_plan, print_inspection_plan
from cchc_desktop.reports.model import Para, TableBlock

PDFTOTEXT = shutil.which("pdftotext")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) "
                                     "không có trên máy này")
TODAY = date(2022, 7, 15)
SCHEDULED = ["UBND xã Đắk Long", "UBND xã Đắk Mar", "UBND xã Ngọc Réo", "UBND xã Hà Môn",
             "UBND thị trấn Đắk Hà", "Phòng Tài nguyên và Môi trường",
             "Phòng Giáo dục và Đào tạo"]


def dak_ha(register: Register) -> tuple[int, int]:
    """Fill a register with the Đắk Hà 2022 inspection plan; return (plan id, Đắk Long's)."""
    with register.transaction() as db:
        repository.save_agency(db, Agency(name="Ủy ban nhân dân huyện Đắk Hà",
                                          parent_name="", place="Đắk Hà",
                                          abbreviation="UBND", officer_name="Phòng Nội vụ"))
    ids = {n: add_unit(register, Unit(id=0, name=n, kind="xa_phuong" if n.startswith("UBND")
                                      else "phong")) for n in [
        *SCHEDULED, "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện", "Phòng Tư pháp"]}
    plan = replace(new_plan(2022, Agency(abbreviation="NV")), number="112/KH-UBND",
                   issued_on="2022-03-04", scope_from="2022-01-02",
                   bases=["Kế hoạch số 305/KH-UBND ngày 23/12/2021 của Ủy ban nhân dân huyện "
                          "Đắk Hà về thực hiện công tác cải cách hành chính nhà nước trên địa "
                          "bàn huyện Đắk Hà năm 2022"],
                   signer_name="Hà Tiến", signer_title="Ủy ban nhân dân\nChủ tịch",
                   signer_authority="TM.",
                   recipients=["TT Huyện ủy (b/c)", "TT HĐND huyện (b/c)", "Sở Nội vụ (b/c)",
                               "UBND các xã, thị trấn (t/h)", "Lưu: VT, NV"])
    plan_id = ins.create_plan(register, plan)
    first = 0
    for index, name in enumerate(SCHEDULED):
        day = f"2022-06-{13 + index:02d}"
        inspection = ins.add_inspection(register, plan_id, ids[name], KIND_SCHEDULED, day, day)
        first = first or inspection
    ins.add_inspection(register, plan_id, ids["Phòng Tư pháp"], KIND_SELF)
    ins.add_inspection(register, plan_id, ids["UBND xã Hà Môn"], KIND_UNANNOUNCED)
    for role, name, title, unit in [
            (ROLE_HEAD, "Nguyễn Văn Hùng", "Trưởng phòng", "Phòng Nội vụ"),
            (ROLE_DEPUTY, "", "Lãnh đạo", "Văn phòng HĐND và UBND huyện"),
            (ROLE_MEMBER, "Trần Thị Lan", "Chuyên viên", "Phòng Nội vụ"),
            (ROLE_MEMBER, "Y Blong", "Chuyên viên", "Phòng Tư pháp")]:
        ins.add_member(register, plan_id, TeamMember(0, role, name, title, ids[unit]))
    return plan_id, first


def record_results(register: Register, plan_id: int, inspection: int) -> None:
    """Record what the team found at UBND xã Đắk Long."""
    items = [line for line in plan_outline(register, plan_id) if line.level == LEVEL_ITEM]
    res.save_answers(register, inspection, [
        Answer(items[0].id, "dat", "Kế hoạch số 15/KH-UBND ngày 12/01/2022"),
        Answer(items[11].id, "chua_dat", "Niêm yết 98/125 TTHC")])
    finding = res.add_finding(register, inspection, "Chưa niêm yết đầy đủ thủ tục hành chính "
                              "tại Bộ phận tiếp nhận và trả kết quả.")
    res.add_finding(register, inspection, "Bổ sung máy quét để số hóa hồ sơ.", RECOMMENDATION)
    res.add_remediation(register, inspection, RemediationDraft(
        "Niêm yết đầy đủ, kịp thời thủ tục hành chính", "Công chức Văn phòng - Thống kê",
        "2022-08-31", finding))
    item = ins.get_inspection(register, inspection)
    ins.update_inspection(register, replace(
        item, actual_on="2022-06-13", status="done", conclusion_number="85/TB-UBND",
        conclusion_on="2022-07-01", report_due="2022-09-15",
        summary="UBND xã Đắk Long đã ban hành kế hoạch CCHC năm 2022 và triển khai kịp thời."))


def pdf_text(path: Path) -> str:
    """Return the PDF's text as pdftotext reads it, spaces collapsed."""
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, str(path), "-"], check=True,
                         capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", out)


@needs_pdftotext
def test_inspection_plan_prints_in_nd30_layout(register: Register, tmp_path: Path) -> None:
    plan_id, _ = dak_ha(register)
    path = print_inspection_plan(register, plan_id, tmp_path / "ke-hoach-kiem-tra.pdf", TODAY)
    text = pdf_text(path)
    for expected in [
        "ỦY BAN NHÂN DÂN HUYỆN ĐẮK", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 112/KH-UBND", "Đắk Hà, ngày 04 tháng 3 năm 2022",
        "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính nhà nước năm 2022",
        "Căn cứ Kế hoạch số 305/KH-UBND ngày 23/12/2021",
        "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG KIỂM TRA",
        "1. Công tác chỉ đạo, điều hành và tuyên truyền cải cách hành chính.",
        "(Có Đề cương chi tiết kèm theo)", "1. Kiểm tra định kỳ", "UBND xã Ngọc Réo",
        "13/06/2022", "Dự kiến kiểm tra đột xuất tại: UBND xã Hà Môn.",
        "Các cơ quan, đơn vị, địa phương sau đây: Phòng Tư pháp tiến hành tự kiểm tra",
        "trước ngày 30/06/2022 và trước ngày 30/11/2022",
        "Tính từ ngày 02/01/2022 đến thời điểm kiểm tra.",
        "1. Trưởng đoàn: Nguyễn Văn Hùng – Trưởng phòng, Phòng Nội vụ.",
        "2. Phó Trưởng đoàn: Lãnh đạo Văn phòng HĐND và UBND huyện.",
        "- Trần Thị Lan – Chuyên viên, Phòng Nội vụ;", "VI. KINH PHÍ THỰC HIỆN",
        "VII. TỔ CHỨC THỰC HIỆN", "Nơi nhận:", "- TT Huyện ủy (b/c);", "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hà Tiến",
        "ĐỀ CƯƠNG KIỂM TRA", "CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2022",
        "(Kèm theo Kế hoạch số 112/KH-UBND ngày 04/03/2022 của Ủy ban nhân dân huyện Đắk Hà)",
        "I. TÌNH HÌNH TRIỂN KHAI VÀ KẾT QUẢ THỰC HIỆN", "7. Xây dựng chính quyền điện tử, "
        "chính quyền số", "TCVN ISO 9001:2015",
        "(đối với các cơ quan, đơn vị; kiểm tra định kỳ và tự kiểm tra)",
        "(đối với Ủy ban nhân dân các xã, phường; kiểm tra định kỳ và tự kiểm tra)",
        "2. Cải cách thể chế.", "4. Cải cách tổ chức bộ máy. 5. Cải cách chế độ công vụ. "
        "6. Cải cách tài chính công. 7. Xây dựng chính quyền điện tử, chính quyền số. "
        "(Có Đề cương chi tiết kèm theo)",
        "II. TỒN TẠI, KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ",
    ]:
        assert expected in text, expected


@needs_pdftotext
def test_conclusion_notice_for_a_unit(register: Register, tmp_path: Path) -> None:
    plan_id, inspection = dak_ha(register)
    record_results(register, plan_id, inspection)
    path = print_conclusion(register, inspection, tmp_path / "thong-bao.pdf", TODAY)
    text = pdf_text(path)
    for expected in [
        "ỦY BAN NHÂN DÂN HUYỆN ĐẮK", "Số: 85/TB-UBND", "Đắk Hà, ngày 01 tháng 7 năm 2022",
        "THÔNG BÁO",
        "Kết luận kiểm tra công tác cải cách hành chính năm 2022 tại UBND xã Đắk Long",
        "Thực hiện Kế hoạch số 112/KH-UBND ngày 04/03/2022 của Ủy ban nhân dân huyện Đắk Hà",
        "ngày 13/06/2022, Đoàn kiểm tra do Nguyễn Văn Hùng – Trưởng phòng, Phòng Nội vụ làm "
        "Trưởng đoàn đã tiến hành kiểm tra định kỳ công tác cải cách hành chính tại UBND xã "
        "Đắk Long.", "I. KẾT QUẢ KIỂM TRA", "UBND xã Đắk Long đã ban hành kế hoạch CCHC",
        "Kế hoạch số 15/KH-UBND ngày 12/01/2022", "Chưa đạt", "Niêm yết 98/125 TTHC",
        "II. TỒN TẠI, HẠN CHẾ", "1. Chưa niêm yết đầy đủ thủ tục hành chính tại Bộ phận",
        "III. KIẾN NGHỊ VÀ YÊU CẦU KHẮC PHỤC", "- Bổ sung máy quét để số hóa hồ sơ.",
        "2. Yêu cầu khắc phục", "Công chức Văn phòng", "Thống kê", "31/08/2022",
        "báo cáo kết quả khắc phục về Ủy ban nhân dân huyện Đắk Hà trước ngày 15/09/2022",
        "- UBND xã Đắk Long (t/h);", "- Thành viên Đoàn kiểm tra;", "- Lưu: VT, UBND.",
        "TM. ỦY BAN NHÂN DÂN", "Hà Tiến",
    ]:
        assert expected in text, expected


def test_conclusion_refused_until_a_visit_and_results(register: Register,
                                                     tmp_path: Path) -> None:
    plan_id, inspection = dak_ha(register)
    out = tmp_path / "tb.pdf"
    with pytest.raises(ReportError, match="chưa ghi ngày kiểm tra thực tế; chưa ghi kết quả"):
        print_conclusion(register, inspection, out, TODAY)
    item = ins.get_inspection(register, inspection)
    ins.update_inspection(register, replace(item, actual_on="2022-06-13", status="done"))
    reason = conclusion_refusal(register, inspection)
    assert reason.startswith("Chưa lập được thông báo kết luận kiểm tra tại UBND xã Đắk Long: "
                             "chưa ghi kết quả kiểm tra")
    assert "ngày kiểm tra" not in reason
    with pytest.raises(ReportError, match="chưa ghi kết quả kiểm tra"):
        print_conclusion(register, inspection, out, TODAY)
    assert not out.exists()
    ins.update_inspection(register, replace(item, status="cancelled"))
    assert "đã hủy" in conclusion_refusal(register, inspection)


@needs_pdftotext
def test_conclusion_prints_only_what_was_recorded(register: Register, tmp_path: Path) -> None:
    plan_id, inspection = dak_ha(register)
    res.add_finding(register, inspection, "Chưa cập nhật hồ sơ một cửa điện tử.")
    item = ins.get_inspection(register, inspection)
    ins.update_inspection(register, replace(item, actual_on="2022-06-13", status="done",
                                            report_due="2022-09-15"))
    assert conclusion_refusal(register, inspection) == ""
    text = pdf_text(print_conclusion(register, inspection, tmp_path / "tb.pdf", TODAY))
    assert "Số: /TB-UBND" in text
    assert "ngày 13/06/2022, Đoàn kiểm tra do Nguyễn Văn Hùng" in text
    assert "I. TỒN TẠI, HẠN CHẾ 1. Chưa cập nhật hồ sơ một cửa điện tử." in text
    for invented in ["KẾT QUẢ KIỂM TRA", "Đánh giá chung", "chưa ghi", "chưa phát hiện",
                     "Đơn vị đã triển khai", "II.", "KIẾN NGHỊ"]:
        assert invented not in text, invented
    assert "khắc phục những tồn tại, hạn chế nêu trên" in text


def test_collected_data_and_missing_records(register: Register, tmp_path: Path) -> None:
    plan_id, inspection = dak_ha(register)
    record_results(register, plan_id, inspection)
    plan_doc = collect_inspection_plan(register, plan_id, TODAY)
    assert plan_doc.summary == "Kiểm tra công tác cải cách hành chính nhà nước năm 2022"
    schedule = next(b for b in plan_doc.blocks if isinstance(b, TableBlock))
    assert [row.cells[1] for row in schedule.rows] == SCHEDULED
    notice = collect_conclusion(register, inspection, TODAY)
    results = next(b for b in notice.blocks if isinstance(b, TableBlock))
    assert [row.cells[2] for row in results.rows if row.kind == "item"] == ["Đạt", "Chưa đạt"]
    with pytest.raises(ReportError, match="kế hoạch kiểm tra số 99"):
        collect_inspection_plan(register, 99)
    with pytest.raises(ReportError, match="đợt kiểm tra số 99"):
        print_conclusion(register, 99, tmp_path / "x.pdf")


def test_report_kinds_for_the_command_line(register: Register, tmp_path: Path) -> None:
    from cchc_desktop.reports.inspection_kinds import run_inspection_report

    with pytest.raises(ReportError, match="chưa có kế hoạch kiểm tra"):
        run_inspection_report(register, "kiem-tra", tmp_path / "a.pdf")
    plan_id, inspection = dak_ha(register)
    assert run_inspection_report(register, "kiem-tra", tmp_path / "a.pdf", today=TODAY).is_file()
    with pytest.raises(ReportError, match="Hãy chọn đơn vị"):
        run_inspection_report(register, "ket-luan", tmp_path / "b.pdf")
    record_results(register, plan_id, inspection)
    assert run_inspection_report(register, "KET-LUAN", tmp_path / "b.pdf").is_file()
    assert run_inspection_report(register, "ket-luan", tmp_path / "c.pdf", plan_id,
                                 "ubnd xa dak long").is_file()
    with pytest.raises(ReportError, match="không có đơn vị “Sở Y tế”"):
        run_inspection_report(register, "ket-luan", tmp_path / "d.pdf", unit="Sở Y tế")
    with pytest.raises(ReportError, match="Không có loại văn bản kiểm tra"):
        run_inspection_report(register, "bien-ban", tmp_path / "e.pdf")


def page_texts(path: Path) -> list[str]:
    """Return each page's text (pdftotext, spaces collapsed)."""
    assert PDFTOTEXT is not None
    out = subprocess.run([PDFTOTEXT, str(path), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [re.sub(r"\s+", " ", page).strip() for page in out.split("\f")[:-1]]


@needs_pdftotext
def test_each_kind_of_unit_gets_its_own_de_cuong_numbered_alone(register: Register,
                                                                 tmp_path: Path) -> None:
    plan_id, _ = dak_ha(register)
    pages = page_texts(print_inspection_plan(register, plan_id, tmp_path / "kh.pdf", TODAY))
    starts = [n for n, page in enumerate(pages) if page.startswith("ĐỀ CƯƠNG KIỂM TRA")]
    assert len(starts) == 2 and starts[0] > 1
    agencies, communes = " ".join(pages[starts[0]:starts[1]]), " ".join(pages[starts[1]:])
    assert "(đối với các cơ quan, đơn vị;" in agencies and "hộ nghèo" not in agencies
    assert "(đối với Ủy ban nhân dân các xã, phường;" in communes and "hộ nghèo" in communes
    for start, end in [(starts[0], starts[1]), (starts[1], len(pages))]:
        assert not pages[start][:1].isdigit(), "no number on a đề cương's first page"
        assert [page.split()[0] for page in pages[start + 1:end]] == [
            str(n) for n in range(2, end - start + 1)], "numbered from 2 again"
    assert "4. Cải cách tổ chức bộ máy" in agencies and "4. Cải cách tổ chức bộ máy" in communes


def test_team_numbered_without_gaps(register: Register, tmp_path: Path) -> None:
    plan_id, _ = dak_ha(register)
    deputy = next(m for m in ins.team(register, plan_id) if m.role == ROLE_DEPUTY)
    ins.delete_member(register, deputy.id)
    texts = [b.text for b in collect_inspection_plan(register, plan_id, TODAY).blocks
             if isinstance(b, Para)]
    start = texts.index("V. THÀNH PHẦN ĐOÀN KIỂM TRA") + 1
    assert texts[start:start + 4] == [
        "1. Trưởng đoàn: Nguyễn Văn Hùng – Trưởng phòng, Phòng Nội vụ.", "2. Thành viên:",
        "- Trần Thị Lan – Chuyên viên, Phòng Nội vụ;", "- Y Blong – Chuyên viên, Phòng Tư pháp."]


def test_a_plan_for_agencies_only_has_one_de_cuong_without_commune_lines(
        register: Register) -> None:
    plan_id, _ = dak_ha(register)
    for item in ins.inspections_of(register, plan_id):
        if item.unit_name.startswith("UBND"):
            ins.update_inspection(register, replace(item, status="cancelled"))
    outlines = collect_inspection_plan(register, plan_id, TODAY).appendices
    assert [o.subtitle for o in outlines] == [
        "(đối với các cơ quan, đơn vị; kiểm tra định kỳ và tự kiểm tra)"]
    assert not any("hộ nghèo" in getattr(line, "text", "") for line in outlines[0].blocks)


def test_both_documents_save_as_word_with_each_de_cuong_in_its_own_numbered_section(
        register: Register, tmp_path: Path) -> None:
    from docx import Document as open_docx
    from docx.oxml.ns import qn

    plan_id, inspection = dak_ha(register)
    with pytest.raises(ReportError, match="chưa ghi ngày kiểm tra thực tế"):
        print_conclusion(register, inspection, tmp_path / "tb.docx", TODAY)
    assert not (tmp_path / "tb.docx").exists()
    record_results(register, plan_id, inspection)
    plan_doc = open_docx(str(print_inspection_plan(register, plan_id, tmp_path / "kh.docx",
                                                   TODAY)))
    text = "\n".join(p.text for p in plan_doc.paragraphs)
    assert text.count("ĐỀ CƯƠNG KIỂM TRA") == 2
    for expected in ["4. Cải cách tổ chức bộ máy.", "2. Phó Trưởng đoàn:", "3. Thành viên:",
                     "(đối với các cơ quan, đơn vị; kiểm tra định kỳ và tự kiểm tra)",
                     "(đối với Ủy ban nhân dân các xã, phường; kiểm tra định kỳ và tự kiểm tra)"]:
        assert expected in text, expected
    restarts = [s._sectPr.find(qn("w:pgNumType")) for s in plan_doc.sections[1:]]  # noqa: SLF001
    assert len(restarts) == 2 and all(r is not None and r.get(qn("w:start")) == "1"
                                      for r in restarts)
    assert all(s.page_width < s.page_height for s in plan_doc.sections), "đề cương in portrait"
    notice = open_docx(str(print_conclusion(register, inspection, tmp_path / "tb.docx", TODAY)))
    notice_text = "\n".join(p.text for p in notice.paragraphs)
    assert "ngày 13/06/2022, Đoàn kiểm tra do Nguyễn Văn Hùng" in notice_text
    assert "II. TỒN TẠI, HẠN CHẾ" in notice_text and "chưa ghi" not in notice_text
