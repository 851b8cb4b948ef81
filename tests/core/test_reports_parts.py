"""The NĐ 30 parts of reports, without rendering a whole document."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.platypus import Paragraph

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Agency, Plan, TaskDraft
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.cli import run_report
from cchc_desktop.reports.common import PlanContext, strip_doc_type
from cchc_desktop.reports.lines import balanced_lines
from cchc_desktop.reports.model import BAO_CAO, KE_HOACH, Document, Issuer, Registration, Signature
from cchc_desktop.reports.period import default_period, period_phrase
from cchc_desktop.reports.tables import ROW_GROUP, ROW_ITEM, ROW_SECTION, Column, Row, build_table
from cchc_desktop.reports.wording import (
    date_line,
    number_line,
    recipient_lines,
    signature_lines,
)
from cchc_desktop.schedule.periods import parse_period_code


@pytest.mark.parametrize(
    ("day", "line"),
    [
        (date(2026, 1, 5), "Đắk Nông, ngày 05 tháng 01 năm 2026"),
        (date(2026, 2, 28), "Đắk Nông, ngày 28 tháng 02 năm 2026"),
        (date(2026, 3, 9), "Đắk Nông, ngày 09 tháng 3 năm 2026"),
        (date(2025, 12, 31), "Đắk Nông, ngày 31 tháng 12 năm 2025"),
        (date(2026, 10, 10), "Đắk Nông, ngày 10 tháng 10 năm 2026"),
    ],
)
def test_date_line_has_leading_zeros_for_small_days_and_january_february(
    day: date, line: str
) -> None:
    assert date_line("Đắk Nông", Registration(day=day)) == line


def test_number_line() -> None:
    def doc(number: str, kind: object = KE_HOACH) -> Document:
        return Document(kind, Issuer("Thanh tra tỉnh", abbreviation="TTr"),  # type: ignore[arg-type]
                        Registration(number, year=2026), "", Signature())
    assert number_line(doc("1034/KH-TTr")) == "Số: 1034/KH-TTr"
    assert number_line(doc("12")) == "Số: 12/KH-TTr"
    assert number_line(doc("", BAO_CAO)) == "Số:      /BC-TTr"


@pytest.mark.parametrize(
    ("authority", "title", "lines"),
    [
        ("", "Chánh Thanh tra", ["CHÁNH THANH TRA"]),
        ("KT.", "Phó Chánh Thanh tra", ["KT. CHÁNH THANH TRA", "PHÓ CHÁNH THANH TRA"]),
        ("TM.", "Ủy ban nhân dân xã Ea Tiêu\nChủ tịch", ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        ("Q.", "Giám đốc", ["Q. GIÁM ĐỐC"]),
        ("TL.", "Giám đốc\nChánh Văn phòng", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG"]),
        ("TUQ.", "Chủ tịch\nGiám đốc Sở Nội vụ", ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ NỘI VỤ"]),
    ],
)
def test_signature_lines_of_a_two_line_title(authority: str, title: str,
                                            lines: list[str]) -> None:
    from cchc_desktop.reports.issuing import own_signature

    signature = own_signature(authority, title, "Nguyễn Văn A")
    assert signature is not None
    assert signature_lines(signature) == lines


def test_recipient_lines_end_with_archive() -> None:
    assert recipient_lines(["Sở Nội vụ", "Lãnh đạo cơ quan;", "Lưu: VT, VP."]) == [
        "- Sở Nội vụ;", "- Lãnh đạo cơ quan;", "- Lưu: VT, VP.",
    ]
    assert recipient_lines(["- Lưu: VT", "UBND tỉnh (b/c)"]) == [
        "- UBND tỉnh (b/c);", "- Lưu: VT.",
    ]
    assert recipient_lines([]) == ["- Lưu: VT."]


@pytest.mark.parametrize(
    ("code", "phrase"),
    [("2026-Q1", "quý I năm 2026"), ("2026-H1", "6 tháng đầu năm 2026"),
     ("2026-Q3", "quý III năm 2026"), ("2026-9M", "9 tháng đầu năm 2026"),
     ("2026", "năm 2026")],
)
def test_period_phrase(code: str, phrase: str) -> None:
    assert period_phrase(parse_period_code(code)) == phrase


def test_default_period_stays_in_the_plan_year() -> None:
    def ctx(year: int) -> PlanContext:
        return PlanContext(Plan(id=1, title="KH", year=year), Agency())
    assert default_period(ctx(2026), date(2026, 5, 2)).code == "2026-H1"
    assert default_period(ctx(2026), date(2026, 6, 18)).code == "2026-H1"
    assert default_period(ctx(2026), date(2026, 6, 29)).code == "2026-H1"
    assert default_period(ctx(2026), date(2026, 7, 5)).code == "2026-Q3"
    assert default_period(ctx(2026), date(2026, 3, 10)).code == "2026-Q1"
    assert default_period(ctx(2026), date(2026, 12, 28)).code == "2026"
    assert default_period(ctx(2027), date(2026, 12, 31)).code == "2027-Q1"
    assert default_period(ctx(2026), date(2027, 1, 2)).code == "2026"
    assert default_period(ctx(2021), date(2026, 5, 2)).code == "2021"
    assert default_period(ctx(2027), date(2026, 5, 2)).code == "2027-Q1"


def test_strip_doc_type_and_balanced_title() -> None:
    assert strip_doc_type("Kế hoạch cải cách hành chính năm 2026", "Kế hoạch") == \
        "Cải cách hành chính năm 2026"
    assert strip_doc_type("Kế hoạch", "Kế hoạch") == "Kế hoạch"
    text = "Triển khai công tác cải cách hành chính năm 2021 của Thanh tra tỉnh Đắk Nông"
    lines = balanced_lines(text, True, 14, 460)
    assert len(lines) == 2
    assert " ".join(lines) == text
    assert abs(len(lines[0]) - len(lines[1])) < 12


def _rows(count: int) -> list[Row]:
    """Return sections of a group and a few tasks each, with long and short contents."""
    rows: list[Row] = []
    for s in range(count):
        rows.append(Row(ROW_SECTION, ["I" * (s % 3 + 1), f"LĨNH VỰC SỐ {s}"]))
        rows.append(Row(ROW_GROUP, [str(s), f"Nhóm nhiệm vụ {s}"]))
        for t in range(s % 4 + 1):
            content = "Nội dung nhiệm vụ cải cách hành chính " * (1 + (s + t) % 4)
            rows.append(Row(ROW_ITEM, [f"{s}.{t}", content, "Văn phòng"]))
    return rows


def _cell_text(value: object) -> str:
    """Return the text of a table cell (a paragraph, possibly wrapped in a tuple)."""
    if isinstance(value, (tuple, list)):
        value = value[0]
    assert isinstance(value, Paragraph)
    return str(value.text)


def test_table_never_leaves_a_section_or_group_row_last_on_a_page() -> None:
    columns = [Column("TT", 10, "center"), Column("Nội dung", 80), Column("Chủ trì", 30)]
    rows = _rows(8)
    kinds = ["header"] + [row.kind for row in rows]
    splits = 0
    for height in range(60, 400, 9):
        table = build_table(columns, rows, 400)
        table.wrap(400, height)
        parts = table.split(400, height)
        if len(parts) < 2:
            continue
        splits += 1
        first = parts[0]
        last_kind = kinds[len(first._cellvalues) - 1]
        assert last_kind == ROW_ITEM, (height, last_kind)
        assert _cell_text(first._cellvalues[0][1]) == "Nội dung"
        assert _cell_text(parts[1]._cellvalues[0][1]) == "Nội dung", "header repeated"
    assert splits > 20


def test_a_row_taller_than_a_page_is_cut_not_an_error(register: Register,
                                                      tmp_path: Path) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch thử", year=2026))
    long_text = "Nội dung rất dài của một nhiệm vụ được dán từ văn bản khác. " * 400
    services.add_task(register, plan_id, TaskDraft(content=long_text, timeframe="Quý I"))
    pdf = run_report(register, "plan", tmp_path / "dai.pdf", plan_id, None, draft=True)
    assert pdf.read_bytes().startswith(b"%PDF")
