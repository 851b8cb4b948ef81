"""New items in a plan that keeps its printed numbers get the number after their previous
sibling; a deleted section's kept tasks stay where the section was; pasted rows are numbered
like inserted tasks and their new units go again with undo."""

from __future__ import annotations

from cchc_desktop.plans import paste, records, structure
from cchc_desktop.plans.models import TaskDraft
from cchc_desktop.plans.next_numbers import next_after
from cchc_desktop.plans.queries import appendix_rows
from cchc_desktop.register.connection import Register


def shape(register: Register, plan_id: int = 1) -> list[str]:
    return [f"{row.kind[0]}{row.number}:{row.id}" for row in appendix_rows(register, plan_id)]


def by_position(register: Register, plan_id: int = 1) -> list[int]:
    """The tasks in the order lists read them (the báo cáo, exports)."""
    return [r[0] for r in register.db.execute(
        "SELECT id FROM tasks WHERE plan_id = ? ORDER BY position, id", [plan_id])]


def test_next_after_follows_the_printed_number() -> None:
    assert [next_after(n) for n in ("4.5", "3", "2.", "b", "12.9", "")] == [
        "4.6", "4", "3.", "c", "12.10", ""]
    assert next_after("VI", roman_numerals=True) == "VII"
    assert next_after("IX.", roman_numerals=True) == "X"
    assert next_after("Ghi chú") == ""


def test_new_items_of_a_plan_keeping_its_numbers_follow_their_sibling(
        demo_register: Register) -> None:
    register = demo_register
    assert structure.keeps_numbers(register, 1)
    before = shape(register)
    section = structure.add_section(register, 1, "Lĩnh vực mới")
    group = structure.add_group(register, 1, 3, "Nhóm mới")
    after_45 = structure.add_task(register, 1, TaskDraft(content="sau 4.5"), 1, 4, 12)
    in_group = structure.add_task(register, 1, TaskDraft(content="trong nhóm"), 3, group, None)
    loose = structure.add_task(register, 1, TaskDraft(content="cuối VI"), 6, None, None)
    typed = structure.add_task(register, 1, TaskDraft(content="gõ", number="9.9"), 6, None,
                               None)
    assert next(r.number for r in appendix_rows(register, 1) if r.kind == "section"
                and r.id == section) == "VIII"
    assert next(r.number for r in appendix_rows(register, 1) if r.kind == "group"
                and r.id == group) == "5"
    assert [records.task(register, t).number for t in (after_45, in_group, loose, typed)] == [
        "4.6", "5.1", "4", "9.9"]
    assert by_position(register) == [int(r.split(":")[1]) for r in shape(register)
                                     if r[0] == "t"]  # the báo cáo lists them where shown
    new = {f"t{records.task(register, t).number}:{t}" for t in (after_45, in_group, loose,
                                                                 typed)} | {f"g5:{group}"}
    assert [r for r in shape(register) if r not in new][:len(before)] == before


def test_deleting_a_section_keeping_its_tasks_leaves_them_where_it_was(
        demo_register: Register) -> None:
    register = demo_register
    before = shape(register)
    snapshot = structure.delete(register, "section", 6, with_tasks=False)  # VI: tasks 42-44
    assert snapshot["moved"] == [42, 43, 44]
    rows = shape(register)
    v_end = rows.index("sVII:7")
    assert rows[v_end - 3:v_end] == ["t1:42", "t2:43", "t3:44"]  # end of section V
    assert by_position(register) == [int(r.split(":")[1]) for r in rows if r[0] == "t"]
    structure.restore(register, snapshot)
    assert shape(register) == before
    assert by_position(register) == [int(r.split(":")[1]) for r in before if r[0] == "t"]
    first = structure.delete(register, "section", 1, with_tasks=False)  # nothing above it
    assert shape(register)[:12] == [f"t{n}:{i}" for n, i in zip(
        ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "4.5"],
        range(1, 13), strict=True)]
    structure.restore(register, first)
    assert shape(register) == before


def test_pasted_tasks_name_new_units_that_undo_takes_away(demo_register: Register) -> None:
    register = demo_register
    text = ("STT\tNội dung\tĐơn vị chủ trì\r\n1\tViệc một\tĐơn vị lạ XYZ\r\n"
            "2\tViệc hai\tĐơn vị lạ XYZ; Văn phòng\r\n")
    drafts = paste.read_pasted_tasks(text).drafts
    assert paste.new_unit_names(register, drafts) == ["Đơn vị lạ XYZ"]
    ids, units = paste.add_pasted(register, 1, drafts, 6, None, 43)
    assert len(units) == 1 and [records.task(register, t).number for t in ids] == ["1", "2"]
    rows = shape(register)
    at = rows.index("t2:43")
    assert rows[at:at + 4] == ["t2:43", f"t1:{ids[0]}", f"t2:{ids[1]}", "t3:44"]
    snapshot = paste.remove_pasted(register, ids, units)
    names = [u.name for u in records.units(register)]
    assert "Đơn vị lạ XYZ" not in names and "Văn phòng" in names
    paste.restore_pasted(register, snapshot)
    assert records.task(register, ids[1]).lead_text == "Đơn vị lạ XYZ; Văn phòng"
    assert any(u.id == units[0] and u.name == "Đơn vị lạ XYZ" for u in records.units(register))
