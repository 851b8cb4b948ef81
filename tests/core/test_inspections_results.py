"""Results per inspected unit: answers, findings, recommendations, remediation, self-reports."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections import self_reports as selfcheck
from cchc_desktop.inspections.models import (
    FINDING,
    KIND_SCHEDULED,
    KIND_SELF,
    LEVEL_ITEM,
    LEVEL_SECTION,
    RECOMMENDATION,
    REMEDY_CLOSED,
    REMEDY_IN_PROGRESS,
    Answer,
    RemediationDraft,
)
from cchc_desktop.inspections.outline import plan_outline
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans.models import Agency, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.audit import recent
from cchc_desktop.register.connection import Register

TODAY = date(2026, 7, 10)


@pytest.fixture
def setup(register: Register) -> tuple[Register, int, int]:
    unit = add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    plan_id = ins.create_plan(register, new_plan(2026, Agency()))
    inspection = ins.add_inspection(register, plan_id, unit, KIND_SCHEDULED, "2026-06-15")
    return register, plan_id, inspection


def _items(register: Register, plan_id: int) -> list[int]:
    return [line.id for line in plan_outline(register, plan_id) if line.level == LEVEL_ITEM]


def test_answers_and_notes_per_checklist_item(setup: tuple[Register, int, int]) -> None:
    register, plan_id, inspection = setup
    first, second = _items(register, plan_id)[:2]
    previous = res.save_answers(register, inspection, [
        Answer(first, "dat", " Có Kế hoạch số 12/KH-UBND ngày 10/01/2026 "),
        Answer(second, "chua_dat", "Chưa tổ chức tuyên truyền")])
    assert previous == [Answer(first), Answer(second)]
    rows = {row.line.id: row for row in res.checklist(register, inspection)}
    assert (rows[first].answer, rows[first].note) == ("dat", "Có Kế hoạch số 12/KH-UBND ngày "
                                                     "10/01/2026")
    assert rows[second].answer == "chua_dat"
    assert len(rows) == len(plan_outline(register, plan_id))
    again = res.save_answers(register, inspection, [Answer(first, "khong_ap_dung")])
    assert again[0].answer == "dat"
    with pytest.raises(ValidationError, match="Kết quả “tot”"):
        res.save_answers(register, inspection, [Answer(first, "tot")])
    heading = next(line for line in plan_outline(register, plan_id)
                   if line.level == LEVEL_SECTION)
    with pytest.raises(ValidationError, match="không cho tiêu đề mục"):
        res.save_answers(register, inspection, [Answer(heading.id, "dat")])
    with pytest.raises(NotFoundError, match="đề cương của kế hoạch"):
        res.save_answers(register, inspection, [Answer(99_999, "dat")])


def test_findings_and_recommendations(setup: tuple[Register, int, int]) -> None:
    register, plan_id, inspection = setup
    line = _items(register, plan_id)[0]
    f1 = res.add_finding(register, inspection, "Chưa niêm yết công khai TTHC tại bộ phận một "
                         "cửa", line_id=line)
    res.add_finding(register, inspection, "Đề nghị cấp kinh phí số hóa", RECOMMENDATION)
    res.add_finding(register, inspection, "Hồ sơ trễ hạn chưa có văn bản xin lỗi")
    assert [f.text[:10] for f in res.findings(register, inspection, FINDING)] == [
        "Chưa niêm ", "Hồ sơ trễ "]
    assert [f.kind for f in res.findings(register, inspection)] == [
        FINDING, RECOMMENDATION, FINDING]
    with pytest.raises(ValidationError, match="Nội dung tồn tại, hạn chế không được để trống"):
        res.add_finding(register, inspection, "  ")
    with pytest.raises(ValidationError, match="Nội dung kiến nghị không được để trống"):
        res.add_finding(register, inspection, "", RECOMMENDATION)
    before = res.update_finding(register, f1, "Chưa niêm yết đầy đủ TTHC")
    assert before.line_id == line
    assert res.findings(register, inspection)[0].line_id is None
    res.delete_finding(register, f1)
    assert len(res.findings(register, inspection)) == 2


def test_remediation_is_tracked_until_closed(setup: tuple[Register, int, int]) -> None:
    register, _, inspection = setup
    finding = res.add_finding(register, inspection, "Chưa niêm yết công khai TTHC")
    item = res.add_remediation(register, inspection, RemediationDraft(
        "Niêm yết đầy đủ TTHC tại bộ phận một cửa", "Công chức Văn phòng - Thống kê",
        "2026-07-31", finding))
    late = res.add_remediation(register, inspection, RemediationDraft(
        "Gửi văn bản xin lỗi", "Chủ tịch UBND xã", "2026-07-01"))
    views = res.open_remediations(register, TODAY)
    assert [(v.remediation.id, v.overdue, v.days_overdue) for v in views] == [
        (late, True, 9), (item, False, 0)]
    assert views[0].unit_name == "UBND xã Đắk Long" and views[0].year == 2026
    res.set_remediation_status(register, item, REMEDY_IN_PROGRESS, TODAY)
    assert res.get_remediation(register, item).status == REMEDY_IN_PROGRESS
    with pytest.raises(ValidationError, match="ở tương lai"):
        res.close_remediation(register, item, TODAY, closed_on="2026-07-11")
    res.close_remediation(register, item, TODAY, closed_on="2026-07-05",
                          result="Đã niêm yết 125 TTHC")
    closed = res.get_remediation(register, item)
    assert (closed.status, closed.closed_on, closed.result) == (
        REMEDY_CLOSED, "2026-07-05", "Đã niêm yết 125 TTHC")
    assert [v.remediation.id for v in res.open_remediations(register, TODAY)] == [late]
    assert res.remediation_counts(register, 2026) == (2, 1)
    assert res.remediation_counts(register, 2025) == (0, 0)
    assert any(e["action"] == "status" and e["entity"] == "remediation"
               for e in recent(register.db))


def test_remediation_refusals(setup: tuple[Register, int, int]) -> None:
    register, _, inspection = setup
    with pytest.raises(ValidationError, match="Nội dung khắc phục không được để trống"):
        res.add_remediation(register, inspection, RemediationDraft(" "))
    with pytest.raises(ValidationError, match="Thời hạn khắc phục “31/7”"):
        res.add_remediation(register, inspection, RemediationDraft("Sửa", deadline="31/7"))
    item = res.add_remediation(register, inspection, RemediationDraft("Sửa"))
    with pytest.raises(ValidationError, match="Trạng thái khắc phục"):
        res.set_remediation_status(register, item, "xong", TODAY)
    res.update_remediation(register, item, RemediationDraft("Sửa lại", "Văn phòng",
                                                            "2026-08-01"))
    assert res.get_remediation(register, item).owner == "Văn phòng"
    res.delete_remediation(register, item)
    assert res.remediations(register, inspection) == []


def test_self_inspection_reports_received_or_missing(register: Register) -> None:
    tu_phap, tai_chinh, long_ = (add_unit(register, Unit(id=0, name=n)) for n in (
        "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch", "UBND xã Đắk Long"))
    plan_id = ins.create_plan(register, new_plan(2026, Agency()))
    a = ins.add_inspection(register, plan_id, tu_phap, KIND_SELF)
    ins.add_inspection(register, plan_id, tai_chinh, KIND_SELF)
    scheduled = ins.add_inspection(register, plan_id, long_, KIND_SCHEDULED)
    selfcheck.record_self_report(register, a, 1, "2026-06-28", TODAY, "15/BC-TP")
    reports = selfcheck.self_reports(register, plan_id, TODAY)
    assert [(r.unit_name, r.half, r.state) for r in reports] == [
        ("Phòng Tư pháp", 1, "received"), ("Phòng Tư pháp", 2, "awaited"),
        ("Phòng Tài chính - Kế hoạch", 1, "missing"), ("Phòng Tài chính - Kế hoạch", 2,
                                                       "awaited")]
    assert reports[0].state_label == "Đã nhận 28/06/2026"
    assert reports[2].state_label == "Thiếu (quá hạn 30/06/2026)"
    assert reports[0].document_number == "15/BC-TP"
    missing = selfcheck.missing_self_reports(register, plan_id, date(2026, 12, 1))
    assert [(r.unit_name, r.half) for r in missing] == [
        ("Phòng Tư pháp", 2), ("Phòng Tài chính - Kế hoạch", 1), ("Phòng Tài chính - Kế hoạch", 2)]
    with pytest.raises(ValidationError, match="không thuộc diện tự kiểm tra"):
        selfcheck.record_self_report(register, scheduled, 1, "2026-06-28", TODAY)
    with pytest.raises(ValidationError, match="ở tương lai"):
        selfcheck.record_self_report(register, a, 2, "2026-12-01", TODAY)
    with pytest.raises(ValidationError, match="1 \\(6 tháng đầu năm\\)"):
        selfcheck.record_self_report(register, a, 3, "2026-06-01", TODAY)
    selfcheck.clear_self_report(register, a, 1)
    assert selfcheck.self_reports(register, plan_id, TODAY)[0].state == "missing"
