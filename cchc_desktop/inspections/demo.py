"""Demo inspections for the demo register (Thanh tra tỉnh Đắk Nông, 2021): a plan, results,
one-stop figures and the example targets, so the windows open on something real."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import one_stop, targets
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections.models import (
    KIND_SCHEDULED,
    KIND_SELF,
    LEVEL_ITEM,
    RECOMMENDATION,
    ROLE_HEAD,
    ROLE_MEMBER,
    STATUS_DONE,
    Answer,
    RemediationDraft,
    TeamMember,
)
from cchc_desktop.inspections.outline import plan_outline
from cchc_desktop.inspections.self_reports import record_self_report
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register

YEAR = 2021
UNITS = ("Phòng 1", "Phòng 2", "Văn phòng", "Phòng 3")
ONE_STOP = {"carried_over": 2, "received_new": 41, "online": 25, "in_person": 14,
            "by_post": 2, "early": 12, "on_time": 27, "late": 1, "pending_on_time": 3,
            "apologies": 1}


def _unit_ids(register: Register) -> dict[str, int]:
    """Return the demo units, adding those the register lacks."""
    ids = {u.name: u.id for u in repository.list_units(register.db)}
    for name in UNITS:
        if name not in ids:
            ids[name] = add_unit(register, Unit(id=0, name=name, kind="phong"))
    return ids


def _plan(register: Register, ids: dict[str, int]) -> int:
    """Create the demo plan with its team and units."""
    agency = repository.get_agency(register.db)
    plan = replace(new_plan(YEAR, agency), number="215/KH-TTr", issued_on=f"{YEAR}-03-15",
                   bases=[f"Kế hoạch số 1034/KH-TTr về cải cách hành chính năm {YEAR}"],
                   signer_name="Phạm Thị Trà My", signer_title="Chánh Thanh tra")
    plan_id = ins.create_plan(register, plan)
    ins.add_member(register, plan_id, TeamMember(0, ROLE_HEAD, "Nguyễn Văn An",
                                                 "Phó Chánh Thanh tra"))
    ins.add_member(register, plan_id, TeamMember(0, ROLE_MEMBER, "Lê Thị Hoa", "Chuyên viên",
                                                 ids["Văn phòng"]))
    ins.add_inspection(register, plan_id, ids["Phòng 1"], KIND_SCHEDULED, f"{YEAR}-06-15")
    ins.add_inspection(register, plan_id, ids["Phòng 2"], KIND_SCHEDULED, f"{YEAR}-11-10")
    ins.add_inspection(register, plan_id, ids["Văn phòng"], KIND_SELF)
    ins.add_inspection(register, plan_id, ids["Phòng 3"], KIND_SELF)
    return plan_id


def _results(register: Register, plan_id: int, today: date) -> None:
    """Record the demo results at Phòng 1 and a self-inspection report."""
    first, *_, self_check, _ = ins.inspections_of(register, plan_id)
    items = [line for line in plan_outline(register, plan_id) if line.level == LEVEL_ITEM]
    res.save_answers(register, first.id, [
        Answer(items[0].id, "dat", "Kế hoạch số 05/KH-P1 ngày 20/01/2021"),
        Answer(items[5].id, "chua_dat", "Chưa báo cáo quý I đúng hạn")])
    finding = res.add_finding(register, first.id, "Báo cáo cải cách hành chính quý I gửi chậm "
                              "so với thời hạn.")
    res.add_finding(register, first.id, "Bố trí công chức theo dõi CCHC kiêm nhiệm.",
                    RECOMMENDATION)
    done = res.add_remediation(register, first.id, RemediationDraft(
        "Phân công công chức theo dõi, đôn đốc báo cáo CCHC", "Trưởng phòng", f"{YEAR}-07-31",
        finding))
    res.add_remediation(register, first.id, RemediationDraft(
        "Gửi báo cáo 6 tháng đúng hạn", "Công chức theo dõi CCHC", f"{YEAR}-12-15", finding))
    res.close_remediation(register, done, today, f"{YEAR}-07-20", "Đã có quyết định phân công")
    ins.update_inspection(register, replace(
        first, actual_on=f"{YEAR}-06-15", status=STATUS_DONE, conclusion_number="18/TB-TTr",
        conclusion_on=f"{YEAR}-06-25", report_due=f"{YEAR}-08-15",
        summary="Phòng 1 đã ban hành kế hoạch và triển khai các nhiệm vụ CCHC được giao."))
    record_self_report(register, self_check.id, 1, f"{YEAR}-06-28", today, "12/BC-VP")


def add_inspection_demo(register: Register, today: date | None = None) -> int:
    """Add the demo inspection plan, one-stop figures and targets; return the plan id."""
    today = today or date(YEAR, 12, 31)
    ids = _unit_ids(register)
    plan_id = _plan(register, ids)
    _results(register, plan_id, today)
    for code in (f"{YEAR}-Q1", f"{YEAR}-H1"):
        one_stop.save_figures(register, ids["Văn phòng"], code, ONE_STOP)
    targets.load_example_targets(register)
    return plan_id
