"""Inspection plans (kế hoạch kiểm tra CCHC): the plan, its team and the units it inspects.

Every write is one transaction with an audit entry; results per unit (answers, findings,
remediation) are in inspections_results, self-inspection reports in inspections_self.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.models import (
    INSPECTION_STATUSES,
    KIND_SCHEDULED,
    KIND_SELF,
    KINDS,
    ROLE_HEAD,
    ROLES,
    STATUS_DONE,
    Inspection,
    InspectionPlan,
    TeamMember,
)
from cchc_desktop.inspections.outline import copy_template
from cchc_desktop.inspections.rows import (
    clean_lines,
    fetch_one,
    from_row,
    insert,
    iso_date,
    next_position,
    parse_date,
    required_text,
    to_row,
)
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AUTHORITIES
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces

# Plans --------------------------------------------------------------------------------------


def _validate_plan(plan: InspectionPlan) -> InspectionPlan:
    """Refuse a plan with no title, a bad year, date or authority; tidy its text."""
    if not 1900 <= plan.year <= 2999:
        raise ValidationError(f"Năm kế hoạch {plan.year} không hợp lệ.")
    if plan.signer_authority not in AUTHORITIES:
        raise ValidationError(f"Quyền hạn ký “{plan.signer_authority}” không hợp lệ.")
    return replace(
        plan,
        title=required_text(plan.title, "Trích yếu kế hoạch kiểm tra không được để trống."),
        number=collapse_spaces(plan.number),
        issued_on=iso_date(plan.issued_on, "Ngày ban hành"),
        scope_from=iso_date(plan.scope_from, "Thời điểm kiểm tra"),
        self_due_h1=iso_date(plan.self_due_h1, "Hạn tự kiểm tra 6 tháng đầu năm"),
        self_due_h2=iso_date(plan.self_due_h2, "Hạn tự kiểm tra 6 tháng cuối năm"),
        bases=clean_lines(plan.bases), purposes=clean_lines(plan.purposes),
        requirements=clean_lines(plan.requirements),
        implementation=clean_lines(plan.implementation),
        recipients=clean_lines(plan.recipients), funding=plan.funding.strip(),
        signer_name=collapse_spaces(plan.signer_name),
        signer_title="\n".join(collapse_spaces(line) for line in plan.signer_title.splitlines()
                               if line.strip()),
    )


def list_plans(register: Register) -> list[InspectionPlan]:
    """Return every inspection plan, the latest year first."""
    sql = "SELECT * FROM inspection_plans ORDER BY year DESC, id DESC"
    return [from_row(InspectionPlan, row) for row in register.db.query(sql)]


def _get_plan(db: Database, plan_id: int) -> InspectionPlan:
    """Return one plan or raise NotFoundError."""
    row = fetch_one(db, "SELECT * FROM inspection_plans WHERE id = ?", [plan_id],
                    f"kế hoạch kiểm tra có mã {plan_id}")
    return from_row(InspectionPlan, row)


def get_plan(register: Register, plan_id: int) -> InspectionPlan:
    """Return one inspection plan."""
    return _get_plan(register.db, plan_id)


def create_plan(register: Register, plan: InspectionPlan) -> int:
    """Create a year's inspection plan with a copy of the đề cương template; return its id."""
    plan = _validate_plan(plan)
    with register.transaction() as db:
        plan_id = insert(db, "inspection_plans", to_row(plan))
        copy_template(db, plan_id)
        audit.record(db, "add", "inspection_plan", plan_id, after=plan)
    return plan_id


def save_plan(register: Register, plan: InspectionPlan) -> InspectionPlan:
    """Write a plan's details; return the previous version."""
    plan = _validate_plan(plan)
    with register.transaction() as db:
        before = _get_plan(db, plan.id)
        db.table("inspection_plans").update(plan.id, to_row(plan))
        audit.record(db, "edit", "inspection_plan", plan.id, before=before, after=plan)
    return before


def delete_plan(register: Register, plan_id: int) -> None:
    """Delete a plan with its đề cương, team, inspections and their results."""
    with register.transaction() as db:
        before = _get_plan(db, plan_id)
        db.execute("DELETE FROM inspection_plans WHERE id = ?", [plan_id])
        audit.record(db, "delete", "inspection_plan", plan_id, before=before)


# Team ---------------------------------------------------------------------------------------

_TEAM_SQL = (
    "SELECT t.*, coalesce(u.name, '') AS unit_name FROM inspection_team t "
    "LEFT JOIN units u ON u.id = t.unit_id WHERE t.plan_id = ? "
    "ORDER BY CASE t.role WHEN 'truong_doan' THEN 0 WHEN 'pho_truong_doan' THEN 1 ELSE 2 END, "
    "t.position, t.id"
)


def team(register: Register, plan_id: int) -> list[TeamMember]:
    """Return a plan's inspection team: trưởng đoàn, phó trưởng đoàn, then thành viên."""
    return [from_row(TeamMember, row) for row in register.db.query(_TEAM_SQL, [plan_id])]


def _validate_member(db: Database, plan_id: int, member: TeamMember) -> TeamMember:
    """Refuse an unknown role, a member with neither name nor unit, or a second head."""
    if member.role not in ROLES:
        raise ValidationError(f"Vai trò “{member.role}” trong đoàn kiểm tra không hợp lệ.")
    member = replace(member, name=collapse_spaces(member.name), title=collapse_spaces(member.title))
    if not member.name and member.unit_id is None:
        raise ValidationError("Thành viên đoàn kiểm tra cần có họ tên hoặc đơn vị.")
    if member.unit_id is not None:
        repository.get_unit(db, member.unit_id)
    if member.role == ROLE_HEAD:
        heads = list(db.query("SELECT name FROM inspection_team WHERE plan_id = ? AND role = ? "
                              "AND id != ?", [plan_id, ROLE_HEAD, member.id]))
        if heads:
            raise ValidationError(f"Đoàn kiểm tra đã có Trưởng đoàn ({heads[0]['name'] or '…'}).")
    return member


def add_member(register: Register, plan_id: int, member: TeamMember) -> int:
    """Add a member to a plan's inspection team; return its id."""
    with register.transaction() as db:
        _get_plan(db, plan_id)
        member = _validate_member(db, plan_id, replace(member, id=0))
        row = to_row(member, drop=("id", "unit_name"))
        row.update(plan_id=plan_id, position=next_position(db, "inspection_team", "plan_id",
                                                           plan_id))
        member_id = insert(db, "inspection_team", row)
        audit.record(db, "add", "inspection_team", member_id, after=row)
    return member_id


def _get_member(db: Database, member_id: int) -> tuple[int, TeamMember]:
    """Return a member's plan id and the member."""
    row = fetch_one(db, "SELECT * FROM inspection_team WHERE id = ?", [member_id],
                    "thành viên đoàn kiểm tra")
    return int(row["plan_id"]), from_row(TeamMember, row)


def update_member(register: Register, member: TeamMember) -> TeamMember:
    """Edit a team member's role, name, chức vụ or unit; return the previous version."""
    with register.transaction() as db:
        plan_id, before = _get_member(db, member.id)
        member = _validate_member(db, plan_id, member)
        db.table("inspection_team").update(
            member.id, to_row(member, drop=("id", "unit_name", "position")))
        audit.record(db, "edit", "inspection_team", member.id, before=before, after=member)
    return before


def delete_member(register: Register, member_id: int) -> None:
    """Remove a member from the inspection team."""
    with register.transaction() as db:
        _, before = _get_member(db, member_id)
        db.execute("DELETE FROM inspection_team WHERE id = ?", [member_id])
        audit.record(db, "delete", "inspection_team", member_id, before=before)


# Units inspected ----------------------------------------------------------------------------

_INSPECTION_SQL = (
    "SELECT i.*, u.name AS unit_name FROM inspections i JOIN units u ON u.id = i.unit_id "
)
_KIND_ORDER = "CASE i.kind WHEN 'dinh_ky' THEN 0 WHEN 'dot_xuat' THEN 1 ELSE 2 END"


def inspections_of(register: Register, plan_id: int, kind: str | None = None) -> list[Inspection]:
    """Return a plan's inspected units (định kỳ, đột xuất, tự kiểm tra), optionally one kind."""
    sql = _INSPECTION_SQL + "WHERE i.plan_id = ? AND (? IS NULL OR i.kind = ?) "
    sql += f"ORDER BY {_KIND_ORDER}, i.position, i.id"
    return [from_row(Inspection, row) for row in register.db.query(sql, [plan_id, kind, kind])]


def _get_inspection(db: Database, inspection_id: int) -> Inspection:
    """Return one inspection with its unit name."""
    row = fetch_one(db, _INSPECTION_SQL + "WHERE i.id = ?", [inspection_id],
                    f"đợt kiểm tra có mã {inspection_id}")
    return from_row(Inspection, row)


def get_inspection(register: Register, inspection_id: int) -> Inspection:
    """Return one inspected unit of a plan, with its dates and conclusion."""
    return _get_inspection(register.db, inspection_id)


def _validate_inspection(db: Database, item: Inspection) -> Inspection:
    """Refuse an unknown kind or status, bad dates, or a unit already planned the same way."""
    if item.kind not in KINDS:
        raise ValidationError(f"Hình thức kiểm tra “{item.kind}” không hợp lệ.")
    if item.status not in INSPECTION_STATUSES:
        raise ValidationError(f"Trạng thái “{item.status}” không hợp lệ.")
    unit = repository.get_unit(db, item.unit_id)
    start = parse_date(item.planned_from, "Ngày kiểm tra dự kiến")
    end = parse_date(item.planned_to, "Ngày kết thúc dự kiến")
    if start and end and end < start:
        raise ValidationError(f"Ngày kết thúc dự kiến {end:%d/%m/%Y} trước ngày bắt đầu "
                              f"{start:%d/%m/%Y}.")
    if item.status == STATUS_DONE and not item.actual_on:
        raise ValidationError("Đã kiểm tra thì cần có ngày kiểm tra thực tế.")
    _check_kind_clash(db, item, unit.name)
    return replace(
        item, unit_name=unit.name, planned_from=iso_date(start, ""), planned_to=iso_date(end, ""),
        actual_on=iso_date(item.actual_on, "Ngày kiểm tra thực tế"),
        conclusion_on=iso_date(item.conclusion_on, "Ngày thông báo kết luận"),
        report_due=iso_date(item.report_due, "Hạn báo cáo khắc phục"),
        conclusion_number=collapse_spaces(item.conclusion_number), summary=item.summary.strip())


def _check_kind_clash(db: Database, item: Inspection, unit_name: str) -> None:
    """Refuse a second định kỳ or tự kiểm tra of one unit, or both for one unit, in a plan."""
    if item.kind not in (KIND_SCHEDULED, KIND_SELF):
        return
    sql = ("SELECT kind FROM inspections WHERE plan_id = ? AND unit_id = ? AND id != ? "
           "AND kind IN ('dinh_ky', 'tu_kiem_tra')")
    for row in db.query(sql, [item.plan_id, item.unit_id, item.id]):
        if row["kind"] == item.kind:
            raise ValidationError(f"{unit_name} đã có trong danh sách {KINDS[item.kind].lower()} "
                                  "của kế hoạch này.")
        raise ValidationError(f"{unit_name} thuộc diện {KINDS[row['kind']].lower()}; "
                              f"không thể đồng thời {KINDS[item.kind].lower()}.")


def add_inspection(register: Register, plan_id: int, unit_id: int, kind: str,
                   planned_from: str | None = None, planned_to: str | None = None) -> int:
    """Add a unit to a plan as inspected (định kỳ, đột xuất) or self-inspecting; return its id."""
    with register.transaction() as db:
        _get_plan(db, plan_id)
        item = _validate_inspection(db, Inspection(
            id=0, plan_id=plan_id, unit_id=unit_id, kind=kind, planned_from=planned_from,
            planned_to=planned_to))
        item.position = next_position(db, "inspections", "plan_id", plan_id)
        inspection_id = insert(db, "inspections", to_row(item, drop=("id", "unit_name")))
        audit.record(db, "add", "inspection", inspection_id, after=item)
    return inspection_id


def update_inspection(register: Register, item: Inspection) -> Inspection:
    """Write an inspection's kind, dates, status, summary and conclusion; return the old one."""
    with register.transaction() as db:
        before = _get_inspection(db, item.id)
        item = _validate_inspection(db, replace(item, plan_id=before.plan_id))
        db.table("inspections").update(item.id, to_row(item, drop=("id", "unit_name",
                                                                   "position", "plan_id")))
        audit.record(db, "edit", "inspection", item.id, before=before, after=item)
    return before


def record_visit(register: Register, inspection_id: int, actual_on: str, today: date) -> None:
    """Record the day the team actually inspected the unit (status becomes Đã kiểm tra)."""
    day = parse_date(actual_on, "Ngày kiểm tra thực tế")
    if day is None:
        raise ValidationError("Hãy nhập ngày kiểm tra thực tế.")
    if day > today:
        raise ValidationError(f"Ngày kiểm tra thực tế {day:%d/%m/%Y} ở tương lai.")
    before = get_inspection(register, inspection_id)
    update_inspection(register, replace(before, actual_on=day.isoformat(), status=STATUS_DONE))


def delete_inspection(register: Register, inspection_id: int) -> None:
    """Remove a unit from a plan; refuse one that already has results (set it Hủy instead)."""
    with register.transaction() as db:
        before = _get_inspection(db, inspection_id)
        used = next(iter(db.query(
            "SELECT (SELECT count(*) FROM inspection_findings WHERE inspection_id = :i) + "
            "(SELECT count(*) FROM remediations WHERE inspection_id = :i) + "
            "(SELECT count(*) FROM self_inspection_reports WHERE inspection_id = :i) + "
            "(SELECT count(*) FROM inspection_answers WHERE inspection_id = :i) AS n",
            {"i": inspection_id})))["n"]
        if used:
            raise ValidationError(f"{before.unit_name} đã có kết quả kiểm tra; không thể xóa "
                                  "(hãy đặt trạng thái “Hủy”).")
        db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])
        audit.record(db, "delete", "inspection", inspection_id, before=before)


def move_unit_references(db: Database, old_unit_id: int, new_unit_id: int) -> None:
    """Point inspections, team members and one-stop figures of a unit at another (merge)."""
    db.execute("UPDATE inspections SET unit_id = ? WHERE unit_id = ?", [new_unit_id, old_unit_id])
    db.execute("UPDATE inspection_team SET unit_id = ? WHERE unit_id = ?",
               [new_unit_id, old_unit_id])
    clash = list(db.query(
        "SELECT period_code FROM one_stop_figures WHERE unit_id = ? AND period_code IN "
        "(SELECT period_code FROM one_stop_figures WHERE unit_id = ?)", [old_unit_id, new_unit_id]))
    if clash:
        raise ValidationError(
            "Cả hai đơn vị đều có số liệu một cửa kỳ " + ", ".join(r["period_code"] for r in clash)
            + "; hãy xóa số liệu trùng trước khi gộp.")
    db.execute("UPDATE one_stop_figures SET unit_id = ? WHERE unit_id = ?",
               [new_unit_id, old_unit_id])
