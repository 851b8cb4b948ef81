"""Sections and groups: create, rename, move, delete (and undo), and TT renumbered from them."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_desktop.plans import services, structure
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.plans.queries import appendix_rows
from cchc_desktop.register.connection import Register


def numbers(register: Register, plan_id: int) -> list[str]:
    return [f"{row.kind[0]}{row.number}:{row.content}" for row in appendix_rows(register, plan_id)]


def test_an_imported_plan_keeps_its_printed_numbers_unless_asked(demo_register: Register
                                                                   ) -> None:
    assert structure.keeps_numbers(demo_register, 1)
    assert structure.renumber(demo_register, 1) == {}
    structure.set_keep_numbers(demo_register, 1, False)
    before = structure.renumber(demo_register, 1)
    assert before["tasks"][34] == "2"  # printed "2" inside group 1: now 1.4
    assert appendix_rows(demo_register, 1)[0].number == "I"
    structure.restore_numbers(demo_register, 1, before)


def test_build_a_plan_with_sections_and_groups(register: Register) -> None:
    plan = services.create_plan(register, Plan(0, "Kế hoạch mới"))
    first = structure.add_section(register, plan, "Cải cách thể chế")
    second = structure.add_section(register, plan, "Cải cách TTHC")
    group = structure.add_group(register, plan, second, "Kiểm soát TTHC")
    services.add_task(register, plan, TaskDraft(content="a"), first)
    services.add_task(register, plan, TaskDraft(content="b"), second, group)
    services.add_task(register, plan, TaskDraft(content="c"), second, group)
    services.add_task(register, plan, TaskDraft(content="d"), second)
    structure.renumber(register, plan)
    assert numbers(register, plan) == ["sI:Cải cách thể chế", "t1:a", "sII:Cải cách TTHC",
                                       "g1:Kiểm soát TTHC", "t1.1:b", "t1.2:c", "t2:d"]
    assert structure.move(register, "section", second, -1)
    assert not structure.move(register, "section", second, -1)  # already first
    structure.rename(register, "group", group, "Công khai TTHC", "")
    before = structure.renumber(register, plan)
    assert numbers(register, plan)[:4] == ["sI:Cải cách TTHC", "g1:Công khai TTHC", "t1.1:b",
                                           "t1.2:c"]
    structure.restore_numbers(register, plan, before)
    assert numbers(register, plan)[0] == "sII:Cải cách TTHC"


def test_delete_a_group_keeping_or_with_its_tasks_then_undo(register: Register) -> None:
    plan = services.create_plan(register, Plan(0, "Kế hoạch"))
    section = structure.add_section(register, plan, "Lĩnh vực")
    group = structure.add_group(register, plan, section, "Nhóm")
    task = services.add_task(register, plan, TaskDraft(content="a", lead_text="Văn phòng"),
                             section, group)
    shape = numbers(register, plan)
    snapshot = structure.delete(register, "group", group, with_tasks=False)
    rows = appendix_rows(register, plan)
    assert [r.kind for r in rows] == ["section", "task"] and rows[1].section_id == section
    structure.restore(register, snapshot)
    assert numbers(register, plan) == shape
    snapshot = structure.delete(register, "section", section, with_tasks=True)
    assert appendix_rows(register, plan) == []
    structure.restore(register, snapshot)
    assert numbers(register, plan) == shape
    assert register.db.execute("SELECT count(*) FROM task_units WHERE task_id = ?",
                               [task]).fetchone()[0] == 1


def test_a_plan_can_keep_its_printed_numbers(register: Register) -> None:
    plan = services.create_plan(register, Plan(0, "Kế hoạch"))
    services.add_task(register, plan, TaskDraft(content="a", number="a)"))
    structure.set_keep_numbers(register, plan, True)
    assert structure.renumber(register, plan) == {}
    assert numbers(register, plan) == ["ta):a"]


def test_the_plan_document_has_a_ghi_chu_column_only_when_a_task_has_a_note(
        demo_register: Register) -> None:
    from cchc_desktop.plans import repository
    from cchc_desktop.reports.plan import collect_plan

    def table() -> Any:
        return collect_plan(demo_register, 1).appendices[0].blocks[0]

    assert [c.header for c in table().columns][-1] == "Kinh phí (triệu đồng)"
    task = repository.list_tasks(demo_register.db, 1)[0]
    draft = services.draft_of(task)
    services.update_task(demo_register, task.id, TaskDraft(**{**draft.__dict__,
                                                              "notes": "Theo Công văn 12/SNV"}))
    block = table()
    assert [c.header for c in block.columns][-1] == "Ghi chú"
    items = [r for r in block.rows if r.kind == "item"]
    assert items[0].cells[-1] == "Theo Công văn 12/SNV" and len(items[1].cells) == 8


def test_after_moving_a_section_or_group_lists_follow_the_printed_order(
        demo_register: Register) -> None:
    """The báo cáo, exports and templates list tasks by position: moving section II above I
    (or a group above another) must move its tasks there too, not only its heading."""
    from cchc_desktop.plans import repository
    from cchc_desktop.plans.outline import load_outline
    from cchc_desktop.progress.entries import task_states

    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    sections = repository.list_sections(demo_register.db, plan_id)
    assert structure.move(demo_register, "section", sections[1].id, -1)
    group = demo_register.db.execute(
        "SELECT id FROM task_groups WHERE plan_id = ? ORDER BY position DESC LIMIT 1",
        [plan_id]).fetchone()[0]
    structure.move(demo_register, "group", group, -1)
    printed = load_outline(demo_register, plan_id).task_ids
    assert [t.id for t in repository.list_tasks(demo_register.db, plan_id)] == printed
    states = task_states(demo_register, plan_id, "2021-Y", date(2021, 12, 31))
    assert [s.task.id for s in states] == printed
    assert states[0].section_code == "II"


def test_inserting_after_a_task_twice_keeps_the_loose_tasks_above_the_group(
        register: Register) -> None:
    """'Thêm nhiệm vụ sau' A, twice: B used to be pushed past group G's heading and showed
    under its tasks (later tasks moved down, the group heading did not)."""
    plan_id = services.create_plan(register, Plan(0, "KH 2026", year=2026))
    section = structure.add_section(register, plan_id, "LĨNH VỰC A")
    first = services.add_task(register, plan_id, TaskDraft(content="A", number="1"), section,
                              None, None)
    group = structure.add_group(register, plan_id, section, "Nhóm G")
    services.add_task(register, plan_id, TaskDraft(content="G1", number="2.1"), section, group,
                      None)
    for content in ("B", "C"):
        services.add_task(register, plan_id, TaskDraft(content=content), section, None, first)
    assert [row.content for row in appendix_rows(register, plan_id)] == [
        "LĨNH VỰC A", "A", "C", "B", "Nhóm G", "G1"]
