"""Services the register window needs: agency settings, plan ids kept on redo, moves within a
group, unit removal and un-merging, copies of the register."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cchc_desktop.errors import RegisterError, ValidationError
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Agency, Plan, TaskDraft, Unit
from cchc_desktop.plans.units import (
    add_unit,
    delete_unit,
    merge_snapshot,
    merge_units,
    unmerge_units,
)
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.register.files import check_new_register, save_copy


def _links(register: Register) -> set[tuple[int, str, str]]:
    sql = ("SELECT tu.task_id, u.name, tu.role FROM task_units tu JOIN units u "
           "ON u.id = tu.unit_id")
    return {(r[0], r[1], r[2]) for r in register.db.execute(sql)}


@pytest.mark.parametrize("agency, message", [
    (Agency(name=" ", place="Tân Phú"), "Tên cơ quan"),
    (Agency(name="UBND xã Tân Phú", place=""), "Địa danh"),
    (Agency(name="UBND xã Tân Phú", place="Tân Phú", abbreviation="UB ND"), "không có khoảng"),
])
def test_agency_settings_are_checked(register: Register, agency: Agency, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.save_agency(register, agency)


def test_agency_save_returns_the_previous_settings(register: Register) -> None:
    first = Agency(name="UBND  xã Tân Phú", place="Tân Phú", abbreviation="UBND")
    services.save_agency(register, first)
    before = services.save_agency(register, Agency(name="Sở Nội vụ", place="Gia Nghĩa"))
    assert before.name == "UBND xã Tân Phú"
    services.save_agency(register, before, validate=False)
    assert services.get_agency(register).abbreviation == "UBND"


def test_create_plan_keeps_a_given_id(register: Register) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch A"))
    services.delete_plan(register, plan_id)
    assert services.create_plan(register, Plan(id=plan_id, title="Kế hoạch A")) == plan_id
    assert services.plan_task_count(register, plan_id) == 0


def test_move_stays_inside_the_group(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    tasks = repository.list_tasks(demo_register.db, plan_id)
    first_of_second_group = next(t for t in tasks if t.number == "2.1")
    assert not services.move_task(demo_register, first_of_second_group.id, -1)
    assert services.move_task(demo_register, first_of_second_group.id, 1)
    numbers = [t.number for t in repository.list_tasks(demo_register.db, plan_id)
               if t.group_id == first_of_second_group.group_id]
    assert numbers[:2] == ["2.2", "2.1"]


def test_unmerge_puts_units_and_links_back(register: Register) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch"))
    keep = add_unit(register, Unit(id=0, name="Văn phòng", kind="phong"))
    services.add_task(register, plan_id, TaskDraft(content="1", lead_text="VP UBND"))
    services.add_task(register, plan_id, TaskDraft(content="2", lead_text="Văn phòng",
                                                   partner_text="VP UBND"))
    other = next(u.id for u in repository.list_units(register.db) if u.name == "VP UBND")
    before = _links(register)
    snapshot = merge_snapshot(register, keep, [other])
    merge_units(register, keep, [other])
    assert {name for _, name, _ in _links(register)} == {"Văn phòng"}
    unmerge_units(register, snapshot)
    assert _links(register) == before
    assert repository.get_unit(register.db, keep).aliases == []
    assert not repository.get_unit(register.db, other).confirmed


def test_unit_added_again_keeps_its_id_and_cannot_go_while_named(register: Register) -> None:
    unit_id = add_unit(register, Unit(id=0, name="Phòng Nội vụ"))
    delete_unit(register, unit_id)
    assert add_unit(register, Unit(id=unit_id, name="Phòng Nội vụ")) == unit_id
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch"))
    services.add_task(register, plan_id, TaskDraft(content="x", lead_text="Phòng Nội vụ"))
    with pytest.raises(ValidationError, match="đang được nhiệm vụ"):
        delete_unit(register, unit_id)


def test_saved_copy_is_a_whole_register(demo_register: Register, tmp_path: Path) -> None:
    target = save_copy(demo_register.path, tmp_path / "ban-sao")
    assert target.name == "ban-sao.sqlite"
    assert not Path(f"{target}-wal").exists()
    with sqlite3.connect(target) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    copy = open_register(target)
    try:
        assert services.plan_task_count(copy, services.current_plan_id(copy) or 0) == 53
    finally:
        copy.close()
    with pytest.raises(RegisterError, match="khác với sổ"):
        save_copy(demo_register.path, demo_register.path)
    with pytest.raises(RegisterError, match="đã có"):
        check_new_register(target)
