"""Use cases against a temp-file register: plans, tasks, units, each one transaction."""

from __future__ import annotations

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Plan, TaskDraft, Unit
from cchc_desktop.plans.queries import KIND_GROUP, KIND_SECTION, appendix_rows, search_task_ids
from cchc_desktop.plans.units import add_unit, merge_units, save_unit, split_unit_names
from cchc_desktop.register.connection import Register


def _plan(register: Register) -> int:
    return services.create_plan(register, Plan(id=0, title="Kế hoạch CCHC năm 2026", year=2026))


def _links(register: Register, task_id: int) -> set[tuple[str, str]]:
    sql = ("SELECT u.name, tu.role FROM task_units tu JOIN units u ON u.id = tu.unit_id "
           "WHERE tu.task_id = ?")
    return {(r[0], r[1]) for r in register.db.execute(sql, [task_id])}


def test_add_task_links_units_and_flags_unknown_ones(register: Register) -> None:
    add_unit(register, Unit(id=0, name="Văn phòng", kind="phong", aliases=["VP"]))
    plan_id = _plan(register)
    task_id = services.add_task(register, plan_id, TaskDraft(
        content="Rà soát TTHC", lead_text="văn phòng", partner_text="Các Sở, ban, ngành; UBND xã"))
    assert _links(register, task_id) == {
        ("Văn phòng", "lead"), ("Các Sở, ban, ngành", "partner"), ("UBND xã", "partner")}
    unconfirmed = {u.name for u in repository.list_units(register.db) if not u.confirmed}
    assert unconfirmed == {"Các Sở, ban, ngành", "UBND xã"}
    kinds = {u.name: u.kind for u in repository.list_units(register.db)}
    assert kinds["UBND xã"] == "xa_phuong"


def test_edit_is_undone_by_writing_back_the_returned_values(register: Register) -> None:
    plan_id = _plan(register)
    task_id = services.add_task(register, plan_id, TaskDraft(content="Cũ", timeframe="Quý I"))
    before = services.update_task(register, task_id, TaskDraft(content="Mới", budget_million_vnd=5))
    assert repository.get_task(register.db, task_id).content == "Mới"
    services.update_task(register, task_id, before)
    task = repository.get_task(register.db, task_id)
    assert (task.content, task.timeframe, task.budget_million_vnd) == ("Cũ", "Quý I", None)


@pytest.mark.parametrize("draft, message", [
    (TaskDraft(content="   "), "không được để trống"),
    (TaskDraft(content="x", budget_million_vnd=-1), "không âm"),
])
def test_invalid_edit_changes_nothing(register: Register, draft: TaskDraft, message: str) -> None:
    plan_id = _plan(register)
    task_id = services.add_task(register, plan_id, TaskDraft(content="Giữ nguyên"))
    with pytest.raises(ValidationError, match=message):
        services.update_task(register, task_id, draft)
    assert repository.get_task(register.db, task_id).content == "Giữ nguyên"


def test_delete_and_restore_bring_back_links(register: Register) -> None:
    plan_id = _plan(register)
    task_id = services.add_task(register, plan_id, TaskDraft(content="X", lead_text="Phòng 1, 2"))
    snapshot = services.delete_task(register, task_id)
    assert repository.list_tasks(register.db, plan_id) == []
    services.restore_task(register, snapshot)
    assert _links(register, task_id) == {("Phòng 1", "lead"), ("Phòng 2", "lead")}
    assert search_task_ids(register, plan_id, "x") == {task_id}


def test_insert_after_and_move(register: Register) -> None:
    plan_id = _plan(register)
    a = services.add_task(register, plan_id, TaskDraft(content="A"))
    c = services.add_task(register, plan_id, TaskDraft(content="C"))
    b = services.add_task(register, plan_id, TaskDraft(content="B"), after_task_id=a)
    order = [t.content for t in repository.list_tasks(register.db, plan_id)]
    assert order == ["A", "B", "C"]
    assert services.move_task(register, c, -1)
    assert [t.content for t in repository.list_tasks(register.db, plan_id)] == ["A", "C", "B"]
    assert not services.move_task(register, a, -1)
    assert b


def test_merge_units_moves_every_link(register: Register) -> None:
    plan_id = _plan(register)
    keep = add_unit(register, Unit(id=0, name="Văn phòng Sở", kind="phong"))
    t1 = services.add_task(register, plan_id, TaskDraft(content="1", lead_text="VP Sở"))
    t2 = services.add_task(register, plan_id, TaskDraft(content="2", partner_text="VP Sở"))
    other = next(u.id for u in repository.list_units(register.db) if u.name == "VP Sở")
    merge_units(register, keep, [other])
    assert _links(register, t1) == {("Văn phòng Sở", "lead")}
    assert _links(register, t2) == {("Văn phòng Sở", "partner")}
    merged = repository.get_unit(register.db, keep)
    assert "VP Sở" in merged.aliases
    # the alias now matches new text too
    t3 = services.add_task(register, plan_id, TaskDraft(content="3", lead_text="vp so"))
    assert _links(register, t3) == {("Văn phòng Sở", "lead")}


def test_rename_to_existing_name_is_refused(register: Register) -> None:
    add_unit(register, Unit(id=0, name="Phòng Nội vụ"))
    other = add_unit(register, Unit(id=0, name="Phòng Tư pháp"))
    with pytest.raises(ValidationError, match="Đã có đơn vị"):
        save_unit(register, Unit(id=other, name="phong noi vu"))


def test_every_change_is_audited(register: Register) -> None:
    plan_id = _plan(register)
    task_id = services.add_task(register, plan_id, TaskDraft(content="A"))
    services.update_task(register, task_id, TaskDraft(content="B"))
    actions = [r[0] for r in register.db.execute("SELECT action FROM audit_log ORDER BY id")]
    assert actions == ["add", "add", "edit"]


def test_demo_register_shows_sections_groups_and_tasks(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    rows = appendix_rows(demo_register, plan_id)
    kinds = [r.kind for r in rows]
    assert kinds.count(KIND_SECTION) == 7
    assert kinds.count(KIND_GROUP) == 12
    assert len(rows) == 7 + 12 + 53
    assert [r.number for r in rows[:4]] == ["I", "1", "1.1", "1.2"]
    assert rows[0].content == "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"


@pytest.mark.parametrize("typed, expected_number", [
    ("cai cach", None), ("dang tai", "4.2"), ("DOAN THANH NIEN", "4.3"), ("ubnd", None),
])
def test_search_ignores_case_and_marks(demo_register: Register, typed: str,
                                       expected_number: str | None) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    ids = search_task_ids(demo_register, plan_id, typed)
    assert ids
    if expected_number:
        numbers = {repository.get_task(demo_register.db, i).number for i in ids}
        assert expected_number in numbers


@pytest.mark.parametrize("text, names", [
    ("Văn phòng, Các phòng nghiệp vụ", ["Văn phòng", "Các phòng nghiệp vụ"]),
    ("Các Sở, ban, ngành; UBND các huyện", ["Các Sở, ban, ngành", "UBND các huyện"]),
    ("Phòng 1, 2", ["Phòng 1", "Phòng 2"]),
    ("- Văn phòng\n- Phòng 2", ["Văn phòng", "Phòng 2"]),
    ("Công chức, người lao động", ["Công chức, người lao động"]),
    ("", []),
])
def test_split_unit_names(text: str, names: list[str]) -> None:
    assert split_unit_names(text) == names


def test_merging_a_unit_moves_its_inspections_too(demo_register: Register) -> None:
    row = demo_register.db.execute("SELECT unit_id FROM inspections LIMIT 1").fetchone()
    assert row is not None
    keep = add_unit(demo_register, Unit(id=0, name="Đơn vị mới sau sáp nhập"))
    merge_units(demo_register, keep, [row[0]])
    moved = demo_register.db.execute(
        "SELECT count(*) FROM inspections WHERE unit_id = ?", [keep]).fetchone()[0]
    assert moved >= 1
    assert demo_register.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_opening_a_plan_makes_it_the_current_one(register: Register) -> None:
    first = services.create_plan(register, Plan(id=0, title="Kế hoạch A"))
    second = services.create_plan(register, Plan(id=0, title="Kế hoạch B"))
    services.touch_plan(register, first)
    assert services.current_plan_id(register) == first
    services.touch_plan(register, second)
    assert services.current_plan_id(register) == second
