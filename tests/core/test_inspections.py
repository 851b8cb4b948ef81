"""Inspection plans against a temp-file register: plan, team, units, đề cương, audit."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cchc_desktop.errors import NotFoundError, ValidationError
from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections.models import (
    KIND_SCHEDULED,
    KIND_SELF,
    KIND_UNANNOUNCED,
    LEVEL_ITEM,
    LEVEL_PART,
    LEVEL_SECTION,
    ROLE_DEPUTY,
    ROLE_HEAD,
    ROLE_MEMBER,
    STATUS_DONE,
    Answer,
    OutlineLine,
    TeamMember,
)
from cchc_desktop.inspections.outline import (
    add_line,
    default_outline,
    delete_line,
    item_areas,
    move_line,
    outline_template,
    plan_outline,
    reset_template,
    sections_of,
    update_line,
)
from cchc_desktop.inspections.results import save_answers
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans.models import Agency, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.audit import recent
from cchc_desktop.register.connection import Register, open_register

TODAY = date(2026, 7, 1)


def _units(register: Register, *names: str) -> list[int]:
    return [add_unit(register, Unit(id=0, name=name)) for name in names]


def _plan(register: Register, year: int = 2026) -> int:
    return ins.create_plan(register, new_plan(year, Agency(name="UBND huyện Đắk Hà",
                                                             abbreviation="NV")))


def test_default_outline_has_the_dak_ha_structure() -> None:
    lines = default_outline()
    parts = [line.text for line in lines if line.level == LEVEL_PART]
    sections = [(line.number, line.area) for line in lines if line.level == LEVEL_SECTION]
    assert parts == ["Tình hình triển khai và kết quả thực hiện",
                     "Tồn tại, khó khăn, vướng mắc và đề xuất, kiến nghị"]
    assert sections == [("1", "direction"), ("2", "institutions"), ("3", "procedures"),
                        ("4", "organisation"), ("5", "civil_service"), ("6", "public_finance"),
                        ("7", "digital_government")]
    items = [line for line in lines if line.level == LEVEL_ITEM]
    assert len(items) == 34
    assert [i.text[:28] for i in items if i.scope] == ["Công khai danh sách hộ nghèo"]
    assert not any("thị trấn" in line.text for line in lines)
    assert any("ISO 9001:2015" in item.text for item in items)
    assert any("PAPI, PAR INDEX" in item.text for item in items)
    groups = sections_of(lines)
    assert [len(g.items) for g in groups] == [6, 5, 9, 3, 2, 2, 5, 2]
    assert groups[-1].heading is None and groups[-1].part is not None


def test_new_register_holds_the_template_and_a_plan_copies_it(register: Register) -> None:
    template = outline_template(register)
    assert [(t.level, t.text) for t in template] == [
        (t.level, t.text) for t in default_outline()]
    plan_id = _plan(register)
    copy = plan_outline(register, plan_id)
    assert [c.text for c in copy] == [t.text for t in template]
    areas = item_areas(copy)
    first_item = next(c for c in copy if c.level == LEVEL_ITEM)
    assert areas[first_item.id] == "direction"


def test_template_edits_apply_to_later_plans_only(register: Register) -> None:
    old_plan = _plan(register, 2025)
    first_section = next(t for t in outline_template(register) if t.level == LEVEL_SECTION)
    new_id = add_line(register, OutlineLine(0, LEVEL_ITEM, "  Việc  công khai số điện thoại "
                                            "đường dây nóng. "), after_id=first_section.id)
    template = outline_template(register)
    assert template[2].id == new_id
    assert template[2].text == "Việc công khai số điện thoại đường dây nóng."
    new_plan_id = _plan(register, 2026)
    assert any("đường dây nóng" in line.text for line in plan_outline(register, new_plan_id))
    assert not any("đường dây nóng" in line.text for line in plan_outline(register, old_plan))
    reset_template(register)
    assert len(outline_template(register)) == len(default_outline())


def test_outline_line_edit_move_and_refusals(register: Register) -> None:
    plan_id = _plan(register)
    lines = plan_outline(register, plan_id)
    item = lines[2]
    before = update_line(register, replace(item, text="Nội dung sửa", hint="Gợi ý"), plan_id)
    assert before.text == item.text
    assert plan_outline(register, plan_id)[2].text == "Nội dung sửa"
    assert move_line(register, item.id, -1, plan_id)
    assert plan_outline(register, plan_id)[1].id == item.id
    assert not move_line(register, lines[0].id, -1, plan_id)
    with pytest.raises(ValidationError, match="không được để trống"):
        update_line(register, replace(item, text="   "), plan_id)
    with pytest.raises(ValidationError, match="Lĩnh vực"):
        update_line(register, replace(lines[1], area="khong_co"), plan_id)
    with pytest.raises(NotFoundError):
        update_line(register, replace(item, id=10_000), plan_id)


def test_an_answered_item_cannot_be_deleted(register: Register) -> None:
    (unit,) = _units(register, "UBND xã Đắk Long")
    plan_id = _plan(register)
    inspection = ins.add_inspection(register, plan_id, unit, KIND_SCHEDULED, "2026-06-15")
    item = next(line for line in plan_outline(register, plan_id) if line.level == LEVEL_ITEM)
    save_answers(register, inspection, [Answer(item.id, "dat", "Có kế hoạch số 12/KH-UBND")])
    with pytest.raises(ValidationError, match="đã có kết quả kiểm tra ở 1 đơn vị"):
        delete_line(register, item.id, plan_id)
    other = [line for line in plan_outline(register, plan_id) if line.level == LEVEL_ITEM][1]
    delete_line(register, other.id, plan_id)
    assert other.id not in {line.id for line in plan_outline(register, plan_id)}


def test_plan_is_validated_and_audited(register: Register) -> None:
    plan = new_plan(2026, Agency())
    with pytest.raises(ValidationError, match="Trích yếu"):
        ins.create_plan(register, replace(plan, title=" "))
    with pytest.raises(ValidationError, match="Ngày ban hành “31/02/2026”"):
        ins.create_plan(register, replace(plan, issued_on="31/02/2026"))
    with pytest.raises(ValidationError, match="Năm kế hoạch"):
        ins.create_plan(register, replace(plan, year=26))
    plan_id = ins.create_plan(register, replace(plan, number="45/KH-UBND",
                                                bases=["Căn cứ A", " ", "Căn cứ B"]))
    saved = ins.get_plan(register, plan_id)
    assert saved.bases == ["Căn cứ A", "Căn cứ B"]
    assert saved.self_due_h1 == "2026-06-30" and saved.scope_from == "2026-01-01"
    before = ins.save_plan(register, replace(saved, number="46/KH-UBND"))
    assert before.number == "45/KH-UBND"
    actions = [(e["action"], e["entity"]) for e in recent(register.db)]
    assert ("edit", "inspection_plan") in actions and ("add", "inspection_plan") in actions
    assert [p.year for p in ins.list_plans(register)] == [2026]


def test_team_roles_and_one_head(register: Register) -> None:
    noi_vu, van_phong = _units(register, "Phòng Nội vụ", "Văn phòng HĐND và UBND huyện")
    plan_id = _plan(register)
    ins.add_member(register, plan_id, TeamMember(0, ROLE_MEMBER, "Trần Thị B", "Chuyên viên",
                                                 noi_vu))
    ins.add_member(register, plan_id, TeamMember(0, ROLE_HEAD, "Nguyễn Văn A", "Trưởng phòng",
                                                 noi_vu))
    ins.add_member(register, plan_id, TeamMember(0, ROLE_DEPUTY, "", "Lãnh đạo", van_phong))
    team = ins.team(register, plan_id)
    assert [(m.role, m.name, m.unit_name) for m in team] == [
        (ROLE_HEAD, "Nguyễn Văn A", "Phòng Nội vụ"),
        (ROLE_DEPUTY, "", "Văn phòng HĐND và UBND huyện"),
        (ROLE_MEMBER, "Trần Thị B", "Phòng Nội vụ")]
    with pytest.raises(ValidationError, match="đã có Trưởng đoàn \\(Nguyễn Văn A\\)"):
        ins.add_member(register, plan_id, TeamMember(0, ROLE_HEAD, "Lê C"))
    with pytest.raises(ValidationError, match="họ tên hoặc đơn vị"):
        ins.add_member(register, plan_id, TeamMember(0, ROLE_MEMBER, "  "))
    with pytest.raises(ValidationError, match="Vai trò"):
        ins.add_member(register, plan_id, TeamMember(0, "khach", "Lê C"))
    head = team[0]
    ins.update_member(register, replace(head, title="Phó Trưởng phòng"))
    ins.delete_member(register, team[2].id)
    assert [m.title for m in ins.team(register, plan_id)] == ["Phó Trưởng phòng", "Lãnh đạo"]


def test_units_inspected_by_kind_with_dates(register: Register) -> None:
    long_, mar, tn = _units(register, "UBND xã Đắk Long", "UBND xã Đắk Mar", "Phòng Tư pháp")
    plan_id = _plan(register)
    ins.add_inspection(register, plan_id, tn, KIND_SELF)
    a = ins.add_inspection(register, plan_id, long_, KIND_SCHEDULED, "2026-06-15", "2026-06-16")
    ins.add_inspection(register, plan_id, mar, KIND_UNANNOUNCED)
    ins.add_inspection(register, plan_id, long_, KIND_UNANNOUNCED)
    kinds = [(i.kind, i.unit_name) for i in ins.inspections_of(register, plan_id)]
    assert kinds == [(KIND_SCHEDULED, "UBND xã Đắk Long"), (KIND_UNANNOUNCED, "UBND xã Đắk Mar"),
                     (KIND_UNANNOUNCED, "UBND xã Đắk Long"), (KIND_SELF, "Phòng Tư pháp")]
    assert [i.unit_name for i in ins.inspections_of(register, plan_id, KIND_SELF)] == [
        "Phòng Tư pháp"]
    with pytest.raises(ValidationError, match="đã có trong danh sách kiểm tra định kỳ"):
        ins.add_inspection(register, plan_id, long_, KIND_SCHEDULED)
    with pytest.raises(ValidationError, match="thuộc diện tự kiểm tra; không thể đồng thời"):
        ins.add_inspection(register, plan_id, tn, KIND_SCHEDULED)
    with pytest.raises(ValidationError, match="trước ngày bắt đầu 15/06/2026"):
        ins.add_inspection(register, plan_id, mar, KIND_SCHEDULED, "2026-06-15", "2026-06-01")
    with pytest.raises(ValidationError, match="Hình thức kiểm tra"):
        ins.add_inspection(register, plan_id, mar, "bat_ngo")
    with pytest.raises(NotFoundError):
        ins.add_inspection(register, plan_id, 999, KIND_SCHEDULED)
    with pytest.raises(ValidationError, match="ở tương lai"):
        ins.record_visit(register, a, "2026-07-02", TODAY)
    ins.record_visit(register, a, "2026-06-16", TODAY)
    done = ins.get_inspection(register, a)
    assert (done.status, done.actual_on) == (STATUS_DONE, "2026-06-16")
    with pytest.raises(ValidationError, match="ngày kiểm tra thực tế"):
        ins.update_inspection(register, replace(done, actual_on=None))


def test_inspection_with_results_is_not_deleted(register: Register) -> None:
    long_, mar = _units(register, "UBND xã Đắk Long", "UBND xã Đắk Mar")
    plan_id = _plan(register)
    a = ins.add_inspection(register, plan_id, long_, KIND_SCHEDULED)
    b = ins.add_inspection(register, plan_id, mar, KIND_SCHEDULED)
    from cchc_desktop.inspections.results import add_finding

    add_finding(register, a, "Chưa niêm yết TTHC")
    with pytest.raises(ValidationError, match="đã có kết quả kiểm tra"):
        ins.delete_inspection(register, a)
    ins.delete_inspection(register, b)
    assert [i.id for i in ins.inspections_of(register, plan_id)] == [a]
    ins.delete_plan(register, plan_id)
    assert register.db.execute("SELECT count(*) FROM inspection_findings").fetchone()[0] == 0


def test_a_failed_write_leaves_nothing_behind(register: Register) -> None:
    (unit,) = _units(register, "UBND xã Hà Môn")
    plan_id = _plan(register)
    count = len(recent(register.db))
    with pytest.raises(ValidationError):
        ins.add_inspection(register, plan_id, unit, KIND_SCHEDULED, "2026-13-01")
    assert len(recent(register.db)) == count
    assert ins.inspections_of(register, plan_id) == []


def test_inspection_tables_survive_reopening(tmp_path) -> None:
    path = tmp_path / "so.sqlite"
    first = open_register(path)
    plan_id = _plan(first)
    first.close()
    second = open_register(path)
    try:
        assert ins.get_plan(second, plan_id).year == 2026
        assert len(plan_outline(second, plan_id)) == len(default_outline())
    finally:
        second.close()


def test_merged_unit_references_move(register: Register) -> None:
    keep, dup = _units(register, "UBND xã Đắk Long", "UBND xa Dak Long (cũ)")
    plan_id = _plan(register)
    inspection = ins.add_inspection(register, plan_id, dup, KIND_SCHEDULED)
    with register.transaction() as db:
        ins.move_unit_references(db, dup, keep)
        db.execute("DELETE FROM units WHERE id = ?", [dup])
    assert ins.get_inspection(register, inspection).unit_name == "UBND xã Đắk Long"


def test_dates_typed_the_vietnamese_way(register: Register) -> None:
    (unit,) = _units(register, "UBND xã Ngọc Réo")
    plan_id = _plan(register)
    key = ins.add_inspection(register, plan_id, unit, KIND_SCHEDULED, "15/06/2026", "16-06-2026")
    item = ins.get_inspection(register, key)
    assert (item.planned_from, item.planned_to) == ("2026-06-15", "2026-06-16")
    with pytest.raises(ValidationError, match="ngày/tháng/năm, ví dụ 15/06/2026"):
        ins.update_inspection(register, replace(item, planned_to="16/6"))


def test_an_old_register_gains_the_inspection_tables(tmp_path) -> None:
    from sqlite_utils import Database

    from cchc_desktop.register.migrations import migrations

    path = tmp_path / "cu.sqlite"
    old = Database(path)
    migrations.apply(old, stop_before="0005_inspections")
    old.table("units").insert({"name": "Phòng Nội vụ", "folded": "phong noi vu"})
    old.close()
    register = open_register(path)
    try:
        assert len(outline_template(register)) == len(default_outline())
        plan_id = _plan(register)
        unit = register.db.execute("SELECT id FROM units").fetchone()[0]
        ins.add_inspection(register, plan_id, unit, KIND_SELF)
        assert [i.unit_name for i in ins.inspections_of(register, plan_id)] == ["Phòng Nội vụ"]
    finally:
        register.close()


def test_a_peoples_committee_signs_on_behalf() -> None:
    assert new_plan(2026, Agency(name="Ủy ban nhân dân xã Đắk Long")).signer_authority == "TM."
    assert new_plan(2026, Agency(name="UBND phường 1")).signer_authority == "TM."
    assert new_plan(2026, Agency(name="Sở Nội vụ tỉnh Đồng Nai")).signer_authority == ""


def test_an_old_de_cuong_gains_to_chuc_bo_may_unless_its_plan_was_issued(tmp_path) -> None:
    from sqlite_utils import Database

    from cchc_desktop.register.migrations import migrations

    path = tmp_path / "cu.sqlite"
    old = Database(path)
    migrations.apply(old, stop_before="0012_outline_scope")
    old.execute("DELETE FROM outline_lines WHERE area = 'organisation' OR text LIKE 'Việc "
                "quản lý, sử dụng biên chế%' OR text LIKE 'Việc thực hiện quy định về chức%' "
                "OR text LIKE 'Việc ban hành và thực hiện quy chế làm việc%'")
    old.execute("UPDATE outline_lines SET number = CAST(number AS INTEGER) - 1 "
                "WHERE level = 'section' AND CAST(number AS INTEGER) > 4")
    old.execute("UPDATE outline_lines SET text = replace(text, 'của cơ quan, đơn vị, địa "
                "phương để', 'của cơ quan, đơn vị, xã, thị trấn ban hành để')")
    for number in ("", "15/KH-UBND"):
        plan_id = old.table("inspection_plans").insert(
            {"year": 2024, "title": "Kiểm tra", "number": number}).last_pk
        old.execute("INSERT INTO inspection_outline (plan_id, position, level, number, text, "
                    "hint, area) SELECT ?, position, level, number, text, hint, area "
                    "FROM outline_lines", [plan_id])
    old.close()
    register = open_register(path)
    try:
        template = outline_template(register)
        sections = [(s.number, s.area) for s in template if s.level == LEVEL_SECTION]
        assert sections[3:] == [("4", "organisation"), ("5", "civil_service"),
                                ("6", "public_finance"), ("7", "digital_government")]
        organisation = sections_of(template)[3]
        assert organisation.area == "organisation" and len(organisation.items) == 3
        assert [t.scope for t in template if "hộ nghèo" in t.text] == ["xa_phuong"]
        assert "xã, thị trấn" not in template[2].text
        fresh, issued = (plan_outline(register, p.id) for p in sorted(
            ins.list_plans(register), key=lambda p: p.number))
        assert [(t.text, t.number) for t in fresh] == [(t.text, t.number) for t in template]
        assert not any(t.area == "organisation" for t in issued)
        assert any("xã, thị trấn ban hành" in t.text for t in issued)
    finally:
        register.close()
