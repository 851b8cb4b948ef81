"""Excel export: appendix layout, progress sheet, text that never evaluates, unit filter."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.errors import NotFoundError
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.excel.write.export import ExportOptions, export_workbook, run_export
from cchc_desktop.excel.write.writer import ExportError
from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.plans.queries import appendix_rows
from cchc_desktop.register.connection import Register, open_register

TODAY = date(2021, 7, 1)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def assert_same_appendix(register: Register, plan_id: int, path: Path) -> None:
    """Check that a workbook reads back as the register's sections, groups and tasks."""
    rows = appendix_rows(register, plan_id)
    parsed = read_appendix(path)
    assert [(s.code, s.title) for s in parsed.sections] == [
        (r.number, r.content) for r in rows if r.kind == "section"]
    assert [(g.number, g.title) for g in parsed.groups] == [
        (r.number, r.content) for r in rows if r.kind == "group"]
    expected = [(r.number, _norm(r.content), _norm(r.result), _norm(r.lead), _norm(r.partner),
                 _norm(r.timeframe), r.budget) for r in rows if r.kind == "task"]
    got = [(t.number, _norm(t.content), _norm(t.result), _norm(t.lead_units),
            _norm(t.partner_units), _norm(t.timeframe), t.budget_million_vnd)
           for t in parsed.tasks]
    assert got == expected


def test_export_reads_back_as_the_same_appendix(demo_register: Register, tmp_path: Path) -> None:
    out = run_export(demo_register, tmp_path / "phu-luc.xlsx", None, None, today=TODAY)
    assert_same_appendix(demo_register, 1, out)
    parsed = read_appendix(out)
    assert [w.message[:22] for w in parsed.warnings] == ["Trang 'Tiến độ 6 tháng"]
    assert parsed.declared_total == 93
    assert parsed.amount_in_words == "(Bằng chữ: Chín mươi ba triệu đồng)"
    assert parsed.hints.number == "1034/KH-TTr" and parsed.hints.year == 2021
    alone = run_export(demo_register, tmp_path / "chi-phu-luc.xlsx", None, None, progress=False)
    assert read_appendix(alone).warnings == []


def test_appendix_layout_and_print_setup(demo_register: Register, tmp_path: Path) -> None:
    out = run_export(demo_register, tmp_path / "phu-luc.xlsx", 1, None, today=TODAY)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Phụ lục", "Tiến độ 6 tháng năm 2021"]
    ws = book["Phụ lục"]
    assert [ws.cell(row, 1).value for row in (1, 3)] == [
        "PHỤ LỤC", "(Kèm theo Kế hoạch số 1034/KH-TTr ngày 31 tháng 12 năm 2020 của Thanh tra "
        "tỉnh Đắk Nông)"]
    assert ws.cell(2, 1).value.startswith("NHIỆM VỤ TRIỂN KHAI CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")
    assert {"A1:G1", "A2:G2", "A3:G3"} <= {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[5]][:2] == ["TT", "Nội dung, nhiệm vụ"]
    assert ws.freeze_panes == "A6" and ws.print_title_rows == "$5:$5"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert "&P" in ws.oddFooter.center.text
    section, group, task = ws[6], ws[7], ws[8]
    assert (section[0].value, section[1].font.b) == ("I", True)
    assert (group[0].value, group[1].font.b) == ("1", True)
    assert task[0].value == "1.1" and not task[1].font.b
    assert task[1].font.name == "Times New Roman" and 12 <= task[1].font.sz <= 13
    assert task[1].alignment.wrap_text and task[1].border.left.style == "thin"
    assert 30 <= ws.column_dimensions["B"].width <= 50
    assert all(ws.row_dimensions[r].height for r in range(6, 20))
    last = ws.max_row
    assert ws.cell(last - 1, 2).value == "Tổng cộng" and ws.cell(last - 1, 7).value == 93
    assert ws.cell(last, 1).value == "(Bằng chữ: Chín mươi ba triệu đồng)"


def _sheet_rows(register: Register, tmp_path: Path, period: str, title: str
                ) -> list[tuple[object, ...]]:
    out = export_workbook(register, tmp_path / f"{period}.xlsx",
                          ExportOptions(1, period_code=period, today=date(2021, 4, 20)))
    return list(openpyxl.load_workbook(out)[f"Tiến độ {title}"].iter_rows(values_only=True))


def test_progress_sheet_shows_status_and_lateness(demo_register: Register,
                                                  tmp_path: Path) -> None:
    sheet = _sheet_rows(demo_register, tmp_path, "2021-H1", "6 tháng năm 2021")
    rows: dict[object, tuple[object, ...]] = {}
    for row in sheet:
        rows.setdefault(row[0], row)  # the first "1.1" is section I's
    header = next(r for r in sheet if r[0] == "TT")
    assert header[4:10] == ("Trạng thái", "Tỷ lệ (%)", "Kết quả thực hiện", "Tài liệu kiểm chứng",
                            "Ngày hoàn thành", "Quá hạn / trễ hạn")
    assert rows["1.1"][4:6] == ("Hoàn thành", 100)
    assert rows["1.1"][7].startswith("12/BC-TTr")
    assert rows["3.2"][4] == "Đang thực hiện" and rows["3.2"][9].startswith("Quá hạn")
    assert rows["3.1"][4] == "Hoàn thành trễ hạn" and rows["3.1"][9].startswith("Trễ hạn")
    summary = [r[0] for r in sheet if r[0] and str(r[0]).startswith("Tổng số")]
    assert summary and "53 nhiệm vụ" in summary[0]
    # Quý I is counted as it stood at its cut-off (14/3), like the report: 3.1, completed
    # 02/04, was still in progress then
    quarter = {r[0]: r for r in reversed(_sheet_rows(demo_register, tmp_path, "2021-Q1",
                                                     "Quý I năm 2021"))}
    assert quarter["3.1"][4] == "Đang thực hiện"


def test_progress_sheet_counts_overdue_days_to_the_same_cut_off_as_the_cong_van(
        demo_register: Register, tmp_path: Path) -> None:
    from cchc_desktop.reports.overdue import collect_overdue

    out = export_workbook(demo_register, tmp_path / "x.xlsx",
                          ExportOptions(1, period_code="2021-H1", today=date(2021, 7, 5)))
    ws = openpyxl.load_workbook(out)["Tiến độ 6 tháng năm 2021"]
    sheet = {r[1]: r[9] for r in ws.iter_rows(values_only=True) if r[9]}
    letter = collect_overdue(demo_register, 1, period_code="2021-H1", today=date(2021, 7, 5))
    table = letter.document.appendices[0].blocks[-1]
    rows = [r for r in table.rows if r.kind == "item"]  # type: ignore[union-attr]
    assert letter.as_of == date(2021, 6, 14) and len(rows) == 4
    for row in rows:
        assert sheet[row.cells[1]] == f"Quá hạn {row.cells[4]} ngày"


@pytest.mark.parametrize("text", ["=1+1", "+84 912 345", "-Văn phòng", "@SUM(A1)", "\tTab",
                                  "\rCR", '=HYPERLINK("http://x","y")', "#N/A"])
def test_text_that_looks_like_a_formula_stays_text(register: Register, tmp_path: Path,
                                                   text: str) -> None:
    plan_id = services.create_plan(register, Plan(0, "Kế hoạch thử"))
    services.add_task(register, plan_id, TaskDraft(content=text, result=text, lead_text="A"))
    out = run_export(register, tmp_path / "x.xlsx", plan_id, None, today=TODAY)
    ws = openpyxl.load_workbook(out)["Phụ lục"]
    cell = ws.cell(ws.max_row, 3)  # Sản phẩm keeps leading tabs (content is trimmed)
    # XML parsers read a stored CR as LF, except lxml (installed with python-docx) which keeps it
    assert (cell.value, cell.data_type) in {(text, "s"), (text.replace("\r", "\n"), "s")}
    assert cell.quotePrefix == (text[0] in "=+-@\t\r")
    assert read_appendix(out).tasks[0].result == text.strip()


def test_unusable_characters_are_dropped(register: Register, tmp_path: Path) -> None:
    plan_id = services.create_plan(register, Plan(0, "Kế hoạch thử"))
    services.add_task(register, plan_id, TaskDraft(content="Nội\x00 dung\x07 " + "x" * 40000))
    out = run_export(register, tmp_path / "x.xlsx", plan_id, None, today=TODAY)
    value = openpyxl.load_workbook(out)["Phụ lục"].cell(6, 2).value
    assert value.startswith("Nội dung x") and len(value) == 32767


def test_unit_filter_keeps_its_tasks_and_their_headings(demo_register: Register,
                                                        tmp_path: Path) -> None:
    out = run_export(demo_register, tmp_path / "p1", None, "phong nghiep vu 1", today=TODAY)
    assert out.name == "p1.xlsx"
    parsed = read_appendix(out)
    assert [t.number for t in parsed.tasks] == ["3.1", "3.2"]
    assert [s.code for s in parsed.sections] == ["I"] and [g.number for g in parsed.groups] == ["3"]
    ws = openpyxl.load_workbook(out)["Phụ lục"]
    assert ws.cell(4, 1).value == "(Nhiệm vụ do Phòng 1 chủ trì hoặc phối hợp)"


def test_export_errors_are_vietnamese(demo_register: Register, tmp_path: Path) -> None:
    empty = open_register(tmp_path / "empty.sqlite")
    with pytest.raises(NotFoundError, match="chưa có kế hoạch"):
        run_export(empty, tmp_path / "x.xlsx", None, None)
    empty.close()
    with pytest.raises(NotFoundError, match="Không có đơn vị 'Không tồn tại'"):
        run_export(demo_register, tmp_path / "x.xlsx", None, "Không tồn tại")
    with pytest.raises(ExportError, match="không tồn tại"):
        run_export(demo_register, tmp_path / "no" / "x.xlsx", None, None)
    assert not list(tmp_path.glob(".cchc-*"))
