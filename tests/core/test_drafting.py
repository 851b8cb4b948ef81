"""The báo cáo drafted from the register: what units reported, in plain words, and only that."""

from __future__ import annotations

from datetime import date

from cchc_desktop.drafting.outline import draft_report
from cchc_desktop.drafting.texts import save_text, stored_texts
from cchc_desktop.inspections import one_stop
from cchc_desktop.inspections.period_sums import combined_total
from cchc_desktop.inspections.targets import targets_for_period
from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import Register

DAY = date(2021, 12, 31)


def _text(report_parts: list) -> str:
    return "\n".join(p for part in report_parts for _, paras in part.sections for p in paras)


def _task(register: Register, section: str, number: str) -> int:
    row = register.db.execute("SELECT t.id FROM tasks t JOIN sections s ON s.id = t.section_id "
                              "WHERE s.code = ? AND t.number = ?", [section, number]).fetchone()
    return int(row[0])


def test_quarter_report_says_what_units_reported_with_documents(demo_register: Register) -> None:
    report = draft_report(demo_register, 1, "2021-Q1", DAY)
    printed = report.printed()
    assert [p.heading for p in printed] == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI"]  # no proposals in the demo: no part V
    assert [t for t, _ in printed[1].sections][:2] == ["1. Cải cách thể chế",
                                                       "2. Cải cách thủ tục hành chính"]
    text = _text(printed)
    assert report.intro.paragraphs[0].startswith(
        "Thực hiện Quyết định số 1887/QĐ-UBND ngày 18/12/2020 của UBND tỉnh Đắk Nông")
    assert "Kế hoạch số 1034/KH-TTr ngày 31/12/2020 triển khai công tác cải cách hành chính " \
        "năm 2021" in report.intro.paragraphs[0]
    assert "đã hoàn thành 2/53 nhiệm vụ, đạt 3,77%" in text
    assert "đã tổ chức họp rút kinh nghiệm Chỉ số CCHC năm 2020 (Báo cáo số 12/BC-TTr ngày " \
        "05/3/2021)" in text
    # I/3.1 was done on 02/4/2021, after Quý I's cut-off (14/3): not done in Quý I
    assert "đến ngày chốt số liệu đang thực hiện (đơn vị báo cáo hoàn thành ngày 02/4/2021" in text
    assert "Chưa thực hiện" not in text and "chưa thực hiện" not in text


def test_late_tasks_reasons_and_proposals_in_the_units_words(demo_register: Register) -> None:
    task = _task(demo_register, "II", "6")
    record_progress(demo_register, task, "2021-H1", ProgressInput(
        "in_progress", 50, "Đã có dự thảo kế hoạch", reason="Chờ hướng dẫn của Sở Tư pháp",
        proposal="Đề nghị Sở Tư pháp sớm ban hành hướng dẫn"), DAY)
    report = draft_report(demo_register, 1, "2021-H1", DAY)
    text = _text(report.printed())
    assert "Ban hành Kế hoạch theo dõi thi hành pháp luật năm 2020 (chủ trì: Văn phòng; hạn " \
        "31/3/2020): quá hạn 440 ngày, chưa hoàn thành. Lý do: chờ hướng dẫn của Sở Tư pháp." \
        in text
    assert "- Chờ hướng dẫn của Sở Tư pháp (nhiệm vụ II/6)." in text
    assert report.printed()[-1].heading == "V. ĐỀ XUẤT, KIẾN NGHỊ"
    assert "- Đề nghị Sở Tư pháp sớm ban hành hướng dẫn (Văn phòng đề xuất)." in text


def test_a_period_without_entries_tells_the_officer_not_the_reader(register: Register) -> None:
    plan_id = services.create_plan(register, Plan(0, "Kế hoạch CCHC năm 2026", number="5/KH-UBND",
                                                  issued_on="2026-01-05", issuer="UBND xã A",
                                                  year=2026))
    services.add_task(register, plan_id, TaskDraft(content="Rà soát TTHC", timeframe="Quý I"))
    report = draft_report(register, plan_id, "2026-Q1", date(2026, 3, 20))
    text = _text(report.printed())
    assert "hoàn thành 0/1 nhiệm vụ, đạt 0%" in text and "1 nhiệm vụ chưa có báo cáo" in text
    assert "Ưu điểm" not in text and "ĐỀ XUẤT" not in text
    notes = {s.key: s.draft.notes for s in report.sections()}
    assert notes["strengths"] and notes["proposals"] and notes["institutions"]
    assert "Chưa có số liệu" not in text  # the notes are for the editor only


def test_officer_text_replaces_the_draft_until_redrawn(demo_register: Register) -> None:
    assert save_text(demo_register, 1, "2021-Q1", "strengths", "Ưu điểm do cán bộ viết.\n"
                     "Đoạn thứ hai.") is None
    report = draft_report(demo_register, 1, "2021-Q1", DAY)
    assert report.section("strengths").paragraphs == ["Ưu điểm do cán bộ viết.", "Đoạn thứ hai."]
    assert save_text(demo_register, 1, "2021-Q1", "causes", "") is None  # print nothing here
    assert "3. Nguyên nhân" not in str(draft_report(demo_register, 1, "2021-Q1", DAY).printed())
    assert save_text(demo_register, 1, "2021-Q1", "strengths", None) == (
        "Ưu điểm do cán bộ viết.\nĐoạn thứ hai.")
    assert "strengths" not in stored_texts(demo_register, 1, "2021-Q1")
    audit = demo_register.db.execute("SELECT count(*) FROM audit_log WHERE action = "
                                     "'report_text'").fetchone()[0]
    assert audit == 3


def test_one_stop_and_targets_are_summed_over_the_periods_inside(demo_register: Register) -> None:
    office = int(demo_register.db.execute("SELECT id FROM units WHERE name = 'Văn phòng'")
                 .fetchone()[0])
    one_stop.save_figures(demo_register, office, "2021-Q3", {
        "carried_over": 3, "received_new": 20, "online": 12, "in_person": 8, "early": 5,
        "on_time": 13, "late": 2, "pending_on_time": 1, "pending_overdue": 2, "apologies": 4})
    nine = combined_total(demo_register, "2021-9M")
    assert nine is not None and [p.code for p in nine.pieces] == ["2021-H1", "2021-Q3"]
    assert nine.complete and nine.figures.received_new == 41 + 20
    assert nine.figures.carried_over == 2 and nine.figures.pending_overdue == 2  # stocks
    year = combined_total(demo_register, "2021")
    assert year is not None and not year.complete and year.covered_to == date(2021, 9, 14)
    on_time = next(t for t in targets_for_period(demo_register, "2021-9M")
                   if t.target.source == "one_stop_on_time")
    assert on_time.actual == round(100 * (12 + 27 + 5 + 13) / (40 + 20), 2)


def test_a_quarter_does_not_repeat_what_was_done_before_it(demo_register: Register) -> None:
    said = "đã tổ chức họp rút kinh nghiệm Chỉ số CCHC năm 2020"  # done 05/3/2021
    assert said not in _text(draft_report(demo_register, 1, "2021-Q3", DAY).printed())
    nine_months = draft_report(demo_register, 1, "2021-9M", DAY)
    assert said in _text(nine_months.printed())  # 9 tháng starts 15/12/2020
    procedures = nine_months.section("procedures").paragraphs
    assert any("tổng hợp số liệu 6 tháng năm 2021" in p for p in procedures)  # one-stop, 9M
