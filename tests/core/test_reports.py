"""PDF reports checked with real tools: pdftotext, pdffonts and pdfinfo from poppler-utils."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.errors import CchcError
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress, save_narrative
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.cli import run_report
from cchc_desktop.start.demo import create_demo

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts, pdfinfo) is not installed",
)

MM = 72 / 25.4
TOLERANCE = 1.5
NARRATIVE = "Đã tổ chức 02 cuộc họp Ban Chỉ đạo CCHC; ban hành 05 văn bản chỉ đạo."
PROPOSAL = "Đề nghị Sở Nội vụ tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính."
REASON = "Chờ số liệu PCI năm 2020 của VCCI"


def _run(*args: str) -> str:
    """Run a poppler tool and return its standard output."""
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def layout_text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    """Return pdftotext -layout text (optionally of a page range)."""
    pages = [] if first is None else ["-f", str(first), "-l", str(last or first)]
    return _run("pdftotext", "-layout", *pages, str(pdf), "-")


def flat_text(pdf: Path) -> str:
    """Return the text in reading order with white space collapsed (wrapped cells joined)."""
    return " ".join(_run("pdftotext", "-raw", str(pdf), "-").split())


@dataclass
class Word:
    """A word box from pdftotext -bbox (y grows downwards from the top of the page)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Page:
    """A page's size and word boxes."""

    width: float
    height: float
    words: list[Word]


_PAGE_RE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
_WORD_RE = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def pages(pdf: Path) -> list[Page]:
    """Return the pages of a PDF with their word boxes."""
    found: list[Page] = []
    for line in _run("pdftotext", "-bbox", str(pdf), "-").splitlines():
        if match := _PAGE_RE.search(line):
            found.append(Page(float(match[1]), float(match[2]), []))
        elif match := _WORD_RE.search(line):
            x0, y0, x1, y1 = (float(match[i]) for i in range(1, 5))
            found[-1].words.append(Word(match[5], x0, y0, x1, y1))
    return found


def page_number_words(page: Page) -> list[Word]:
    """Return the words printed inside the top margin."""
    return [w for w in page.words if w.y1 < 20 * MM]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Register, int, Path]]:
    """A demo register with a narrative, and a folder for the PDFs."""
    folder = tmp_path_factory.mktemp("reports")
    register = open_register(folder / "so.sqlite")
    plan_id = create_demo(register)
    save_narrative(register, plan_id, "2021-H1", "direction", NARRATIVE)
    save_narrative(register, plan_id, "2021-H1", "proposals", PROPOSAL)
    task = next(t for t in repository.list_tasks(register.db, plan_id)
                if t.content.startswith("Xây dựng Kế hoạch cải thiện chỉ số năng lực"))
    record_progress(register, task.id, "2021-H1",
                    ProgressInput("in_progress", 80, "Đã trình dự thảo", reason=REASON),
                    today=date(2021, 6, 10))
    yield register, plan_id, folder
    register.close()


@pytest.fixture(scope="module")
def plan_pdf(demo: tuple[Register, int, Path]) -> Path:
    register, plan_id, folder = demo
    return run_report(register, "plan", folder / "ke-hoach.pdf", plan_id, None)


@pytest.fixture(scope="module")
def period_pdf(demo: tuple[Register, int, Path]) -> Path:
    register, plan_id, folder = demo
    # 2 of 53 tasks have a 6-month report in the demo: the pre-print check asks for a draft
    return run_report(register, "period", folder / "bao-cao.pdf", plan_id, "2021-H1",
                      today=date(2021, 6, 18), draft=True)


@pytest.fixture(scope="module")
def overdue_pdf(demo: tuple[Register, int, Path]) -> Path:
    register, plan_id, folder = demo
    return run_report(register, "overdue", folder / "cham.pdf", None, None,
                      today=date(2021, 7, 5))


def test_plan_has_exact_vietnamese_text(plan_pdf: Path) -> None:
    first = layout_text(plan_pdf, 1)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert "UBND TỈNH ĐẮK NÔNG" in first and "THANH TRA TỈNH ĐẮK NÔNG" in first
    assert "Số: 1034/KH-TTr" in first
    assert "Đắk Nông, ngày 31 tháng 12 năm 2020" in first
    assert "KẾ HOẠCH" in first
    assert "Căn cứ Quyết định số 1887/QĐ-UBND ngày 18/12/2020" in first
    text = layout_text(plan_pdf)
    assert "Xây dựng Kế hoạch CCHC năm 2021" in text
    assert "(Bằng chữ: Chín mươi ba triệu đồng)" in text
    assert "Tổng cộng" in text
    assert "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA THANH TRA TỈNH ĐẮK NÔNG" in text
    assert "(Kèm theo Kế hoạch số 1034/KH-TTr ngày 31/12/2020 của Thanh tra tỉnh Đắk Nông)" \
        in text
    flat = flat_text(plan_pdf)
    assert ("Triển khai công tác cải cách hành chính năm 2021 của Thanh tra tỉnh Đắk Nông"
            in flat)
    assert "Tổ chức họp đánh giá, rút kinh nghiệm về kết quả Chỉ số CCHC năm 2020" in flat
    assert unicodedata.is_normalized("NFC", text)


def test_plan_signature_and_recipients(plan_pdf: Path) -> None:
    text = layout_text(plan_pdf)
    assert "CHÁNH THANH TRA" in text
    assert "Phạm Thị Trà My" in text
    assert "Nơi nhận:" in text
    assert "- Sở Nội vụ;" in text
    assert "- Lưu: VT, VP." in text


@pytest.mark.parametrize("fixture", ["plan_pdf", "period_pdf", "overdue_pdf"])
def test_only_embedded_fonts(fixture: str, request: pytest.FixtureRequest) -> None:
    pdf: Path = request.getfixturevalue(fixture)
    rows = _run("pdffonts", str(pdf)).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        columns = row.split()
        assert "LiberationSerif" in columns[0], row
        assert columns[-5] == "yes", f"font not embedded: {row}"
    assert "Helvetica" not in "\n".join(rows)


@pytest.mark.parametrize("fixture", ["plan_pdf", "period_pdf", "overdue_pdf"])
def test_pages_are_a4(fixture: str, request: pytest.FixtureRequest) -> None:
    pdf: Path = request.getfixturevalue(fixture)
    sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts \(A4\)",
                       _run("pdfinfo", "-f", "1", "-l", "999", str(pdf)))
    count = int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(pdf)))[1])  # type: ignore[index]
    assert len(sizes) == count
    for width, height in sizes:
        assert sorted((round(float(width)), round(float(height)))) == [595, 842]


@pytest.mark.parametrize("fixture", ["plan_pdf", "period_pdf", "overdue_pdf"])
def test_text_stays_inside_the_margins(fixture: str, request: pytest.FixtureRequest) -> None:
    pdf: Path = request.getfixturevalue(fixture)
    for number, page in enumerate(pages(pdf), start=1):
        body = [w for w in page.words if w not in page_number_words(page)]
        assert body, f"page {number} is empty"
        assert min(w.x0 for w in body) >= 30 * MM - TOLERANCE, f"left margin, page {number}"
        assert max(w.x1 for w in body) <= page.width - 15 * MM + TOLERANCE, f"right, {number}"
        assert min(w.y0 for w in body) >= 20 * MM - TOLERANCE, f"top margin, page {number}"
        assert max(w.y1 for w in body) <= page.height - 20 * MM + TOLERANCE, f"bottom {number}"


def test_page_numbers_top_centre_from_page_two(plan_pdf: Path) -> None:
    found = pages(plan_pdf)
    assert len(found) >= 3
    assert page_number_words(found[0]) == []
    second = page_number_words(found[1])
    assert [w.text for w in second] == ["2"]
    centre = (second[0].x0 + second[0].x1) / 2
    assert abs(centre - found[1].width / 2) < 3
    first_appendix = next(i for i, p in enumerate(found) if p.width > p.height)
    assert page_number_words(found[first_appendix]) == [], "appendix numbered on its own"
    if len(found) > first_appendix + 1:
        assert [w.text for w in page_number_words(found[first_appendix + 1])] == ["2"]


def test_appendix_is_landscape_with_header_on_every_page(plan_pdf: Path) -> None:
    found = pages(plan_pdf)
    landscape = [i for i, p in enumerate(found, start=1) if p.width > p.height]
    assert len(landscape) >= 2
    for number in landscape:
        text = layout_text(plan_pdf, number)
        assert "Nội dung nhiệm vụ" in text and "Cơ quan chủ trì" in text, number


def test_section_rows_never_end_an_appendix_page(
    plan_pdf: Path, demo: tuple[Register, int, Path]
) -> None:
    register = demo[0]
    titles = [r[0] for r in register.db.execute("SELECT title FROM sections")]
    titles += [r[0] for r in register.db.execute("SELECT title FROM task_groups")]
    starts = {" ".join(t.split()[:3]) for t in titles}
    for number, page in enumerate(pages(plan_pdf), start=1):
        if page.width < page.height:
            continue
        lowest = max(w.y1 for w in page.words)
        last_line = " ".join(w.text for w in page.words if abs(w.y1 - lowest) < 2)
        assert not any(start in last_line for start in starts), (number, last_line)


def test_period_report_text(period_pdf: Path) -> None:
    text = layout_text(period_pdf)
    assert "BÁO CÁO" in text
    assert "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2021" in text
    assert "Số:" in text and "/BC-TTr" in text
    assert re.search(r"Đắk Nông, ngày\s+tháng\s+năm 2021", text), "day left for the văn thư"
    assert "18 tháng 6" not in text
    for heading in ("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "III. ĐÁNH GIÁ CHUNG",
                    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
    assert "KẾT QUẢ THỰC HIỆN TỪNG NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2021" in text
    assert "DANH MỤC NHIỆM VỤ CHẬM TIẾN ĐỘ VÀ LÝ DO" in text
    flat = flat_text(period_pdf)
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" in flat
    assert NARRATIVE in flat  # the officer's words for part I replace its draft
    assert "Kế hoạch có 7 nhiệm vụ thuộc lĩnh vực này; đến thời điểm báo cáo đã hoàn thành " \
        "0/7 nhiệm vụ, đạt 0%" in flat
    assert "Đã hoàn thành 3/53 nhiệm vụ, đạt 5,66%" in flat
    assert "Đã tổ chức họp rút kinh nghiệm Chỉ số CCHC năm 2020" in flat
    assert "Hoàn thành trễ hạn" in flat
    assert PROPOSAL in flat
    assert "- UBND tỉnh Đắk Nông (b/c); - Sở Nội vụ (b/c); - Lãnh đạo cơ quan; - Lưu: VT, VP." \
        in flat
    assert REASON in flat
    assert "Đã trình dự thảo" in flat
    assert f"Đã trình dự thảo Lý do: {REASON}" not in flat, "the reason is not repeated"


def test_overdue_list_is_a_cong_van_counting_to_the_chosen_day(overdue_pdf: Path) -> None:
    text = layout_text(overdue_pdf)
    assert re.search(r"Đắk Nông, ngày\s+tháng\s+năm 2021", text)
    assert "BÁO CÁO" not in text
    flat = flat_text(overdue_pdf)
    assert "V/v đôn đốc thực hiện các nhiệm vụ cải cách hành chính chậm tiến độ" in flat
    assert "Kính gửi:" in flat
    assert "tính đến ngày 05/7/2021, trong tổng số 53 nhiệm vụ" in flat
    assert "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH CHẬM TIẾN ĐỘ" in flat
    assert "Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2020" in flat
    assert "có 4 nhiệm vụ đã quá thời hạn" in flat
    assert f"Đang thực hiện. Lý do: {REASON}" in flat
    assert page_number_words(pages(overdue_pdf)[0]) == []


def test_text_given_decomposed_is_printed_composed(register: Register, tmp_path: Path) -> None:
    title = unicodedata.normalize("NFD", "Kế hoạch cải cách hành chính năm 2026 của xã Ea Tiêu")
    plan_id = services.create_plan(register, Plan(id=0, title=title, year=2026,
                                                  issued_on="2026-01-05"))
    content = unicodedata.normalize("NFD", "Rà soát thủ tục hành chính lĩnh vực đất đai")
    services.add_task(register, plan_id, TaskDraft(content=content, budget_million_vnd=1.5))
    pdf = run_report(register, "plan", tmp_path / "kh.pdf", plan_id, None, draft=True)
    text = layout_text(pdf)
    assert "Rà soát thủ tục hành chính lĩnh vực đất đai" in text
    assert "Cải cách hành chính năm 2026 của xã Ea Tiêu" in text
    assert "ngày 05 tháng 01 năm 2026" in text
    assert "(Bằng chữ: Một triệu năm trăm nghìn đồng)" in text


def test_errors_are_vietnamese_cchc_errors(demo: tuple[Register, int, Path],
                                           register: Register, tmp_path: Path) -> None:
    demo_register, plan_id, _ = demo
    out = tmp_path / "x.pdf"
    cases = [
        (demo_register, "budget", plan_id, None, "Không có loại báo cáo"),
        (demo_register, "plan", 999, None, "Không có kế hoạch số 999"),
        (demo_register, "period", plan_id, "2021-Q5", "không hợp lệ"),
        (register, "plan", None, None, "Sổ chưa có kế hoạch nào"),
    ]
    for reg, kind, plan, period, message in cases:
        with pytest.raises(ReportError) as info:
            run_report(reg, kind, out, plan, period)
        assert isinstance(info.value, CchcError)
        assert message in str(info.value)
    assert not out.exists()
    (tmp_path / "d.pdf").mkdir()
    with pytest.raises(ReportError, match="thư mục"):
        run_report(demo_register, "plan", tmp_path / "d.pdf", plan_id, None)
    with pytest.raises(ReportError, match="Không có thư mục"):
        run_report(demo_register, "plan", tmp_path / "missing" / "x.pdf", plan_id, None)
    assert [p.name for p in tmp_path.iterdir() if p.is_file() and "sqlite" not in p.name] == []


def test_kind_is_case_insensitive_and_default_plan_is_current(
    demo: tuple[Register, int, Path], tmp_path: Path
) -> None:
    register, _, _ = demo
    pdf = run_report(register, " Plan ", tmp_path / "kh.pdf", None, None)
    assert pdf.read_bytes().startswith(b"%PDF")
