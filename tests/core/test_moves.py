"""Tasks moved between groups and sections (Alt+Up/Down across edges, drag and drop): one
transaction each, TT renumbered, and restore() puts groups, order and numbers back exactly."""

from __future__ import annotations

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import moves, services, structure
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.plans.moves import Place
from cchc_desktop.plans.queries import appendix_rows
from cchc_desktop.register.connection import Register


def shape(register: Register, plan_id: int) -> list[str]:
    """The appendix as printed: TT and text of each row."""
    return [f"{row.number} {row.content}" for row in appendix_rows(register, plan_id)]


def state(register: Register, plan_id: int) -> list[tuple[object, ...]]:
    """Every stored column moves touch, to compare after an undo."""
    return [*register.db.execute("SELECT id, section_id, group_id, position, number FROM tasks "
                                 "WHERE plan_id = ? ORDER BY id", [plan_id]),
            *register.db.execute("SELECT id, section_id, position, number FROM task_groups "
                                 "WHERE plan_id = ? ORDER BY id", [plan_id])]


def build(register: Register) -> tuple[int, dict[str, int]]:
    """I: a, group 2 (b, c), d, group 4 (e); II: group 1 (f), g; III: empty."""
    plan = services.create_plan(register, Plan(0, "Kế hoạch CCHC năm 2026"))
    ids: dict[str, int] = {}
    one, two, three = (structure.add_section(register, plan, t) for t in ("Một", "Hai", "Ba"))
    ids.update(S1=one, S2=two, S3=three)

    def task(name: str, section: int, group: int | None = None) -> None:
        ids[name] = services.add_task(register, plan, TaskDraft(content=name), section, group)

    task("a", one)
    ids["G1"] = structure.add_group(register, plan, one, "Nhóm một")
    task("b", one, ids["G1"])
    task("c", one, ids["G1"])
    task("d", one)
    ids["G2"] = structure.add_group(register, plan, one, "Nhóm hai")
    task("e", one, ids["G2"])
    ids["G3"] = structure.add_group(register, plan, two, "Nhóm ba")
    task("f", two, ids["G3"])
    task("g", two)
    structure.renumber(register, plan)
    return plan, ids


START = ["I Một", "1 a", "2 Nhóm một", "2.1 b", "2.2 c", "3 d", "4 Nhóm hai", "4.1 e",
         "II Hai", "1 Nhóm ba", "1.1 f", "2 g", "III Ba"]


def test_alt_up_crosses_every_edge_until_the_top_of_the_plan(register: Register) -> None:
    plan, ids = build(register)
    assert shape(register, plan) == START
    seen = []
    while (place := moves.step_place(register, plan, [ids["g"]], -1)) is not None:
        moves.move_tasks(register, plan, [ids["g"]], place)
        rows = shape(register, plan)
        seen.append(next(r for r in rows if r.endswith(" g")))
        seen.append(rows[rows.index(seen[-1]) - 1])  # what is just above it
    assert seen == [
        "1.2 g", "1.1 f",          # into the end of group 1 of II (the group just above)
        "1.1 g", "1 Nhóm ba",      # past f
        "4.2 g", "4.1 e",          # out of the section: the end of I's last group
        "4.1 g", "4 Nhóm hai",
        "4 g", "3 d",              # out of the top of the group: loose, right before it
        "3 g", "2.2 c",            # past d
        "2.3 g", "2.2 c",          # into the end of group 2 (it does not move on screen)
        "2.2 g", "2.1 b",
        "2.1 g", "2 Nhóm một",
        "2 g", "1 a",              # out of the group, among the loose tasks
        "1 g", "I Một",            # the top of the plan: nothing more
    ]


def test_alt_down_mirrors_alt_up(register: Register) -> None:
    plan, ids = build(register)
    places = []
    while (place := moves.step_place(register, plan, [ids["a"]], 1)) is not None:
        moves.move_tasks(register, plan, [ids["a"]], place)
        places.append(next(r for r in shape(register, plan) if r.endswith(" a")))
    assert places == ["1.1 a", "1.2 a", "1.3 a", "2 a", "3 a", "3.1 a", "3.2 a",
                      "1.1 a", "1.2 a", "2 a", "3 a", "1 a"]
    assert shape(register, plan)[-2:] == ["III Ba", "1 a"]  # an empty section takes it


def test_drop_several_tasks_into_a_group_is_undone_exactly(register: Register) -> None:
    plan, ids = build(register)
    before = state(register, plan)
    audit_rows = register.db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    snapshot = moves.move_tasks(register, plan, [ids["e"], ids["a"]],
                                Place(ids["S2"], ids["G3"], start=True))
    assert shape(register, plan) == [
        "I Một", "1 Nhóm một", "1.1 b", "1.2 c", "2 d", "3 Nhóm hai",
        "II Hai", "1 Nhóm ba", "1.1 a", "1.2 e", "1.3 f", "2 g", "III Ba"]
    logged = register.db.execute("SELECT action, entity FROM audit_log WHERE id > ?",
                                 [audit_rows]).fetchall()
    assert logged.count(("move", "task")) == 2 and ("renumber", "plan") in logged
    told = register.db.execute("SELECT before, after FROM audit_log WHERE action = 'move' "
                               "AND entity_id = ?", [ids["e"]]).fetchone()
    assert "4 Nhóm hai" in told[0] and "1 Nhóm ba" in told[1]  # as printed, not ids
    assert snapshot is not None
    moves.restore(register, snapshot)
    assert state(register, plan) == before


def test_drop_before_after_a_task_and_on_a_section(register: Register) -> None:
    plan, ids = build(register)
    moves.move_tasks(register, plan, [ids["f"]], moves.place_by_task(register, ids["b"], True))
    assert shape(register, plan)[2:6] == ["2 Nhóm một", "2.1 b", "2.2 f", "2.3 c"]
    moves.move_tasks(register, plan, [ids["c"]], moves.place_by_task(register, ids["a"], False))
    assert shape(register, plan)[:3] == ["I Một", "1 c", "2 a"]
    moves.move_tasks(register, plan, [ids["b"]], Place(ids["S2"], None, start=True))
    assert shape(register, plan) == [
        "I Một", "1 c", "2 a", "3 Nhóm một", "3.1 f", "4 d", "5 Nhóm hai", "5.1 e",
        "II Hai", "1 b", "2 Nhóm ba", "3 g", "III Ba"]


def test_no_room_between_positions_shifts_then_shifts_back(register: Register) -> None:
    plan, ids = build(register)
    inserted = services.add_task(register, plan, TaskDraft(content="h"), ids["S1"], ids["G1"],
                                 after_task_id=ids["b"])  # position b + 1: no gap after b
    before = state(register, plan)
    snapshot = moves.move_tasks(register, plan, [ids["e"], ids["g"]],
                                moves.place_by_task(register, inserted, False))
    assert shape(register, plan)[2:7] == ["2 Nhóm một", "2.1 b", "2.2 e", "2.3 g", "2.4 h"]
    assert snapshot is not None and "shift" in snapshot
    moves.restore(register, snapshot)
    assert state(register, plan) == before


def test_equal_positions_are_numbered_afresh_then_put_back(register: Register) -> None:
    plan, ids = build(register)
    register.db.execute("UPDATE tasks SET position = 500 WHERE id IN (?, ?)", [ids["b"], ids["c"]])
    register.db.conn.commit()
    before = state(register, plan)
    snapshot = moves.move_tasks(register, plan, [ids["f"]],
                                moves.place_by_task(register, ids["c"], False))
    assert shape(register, plan)[2:6] == ["2 Nhóm một", "2.1 b", "2.2 f", "2.3 c"]
    assert snapshot is not None and "rewritten" in snapshot
    moves.restore(register, snapshot)
    assert state(register, plan) == before


def test_a_plan_keeping_its_printed_numbers_keeps_them(demo_register: Register) -> None:
    rows = [r for r in appendix_rows(demo_register, 1) if r.kind == "task"]
    first, last = rows[0], rows[-1]
    moves.move_tasks(demo_register, 1, [last.id], moves.place_by_task(demo_register, first.id,
                                                                      False))
    moved = next(r for r in appendix_rows(demo_register, 1) if r.kind == "task")
    assert (moved.id, moved.number, moved.group_id) == (last.id, last.number, first.group_id)


def test_nothing_moves_when_already_there_and_foreign_places_are_refused(
        register: Register) -> None:
    plan, ids = build(register)
    assert moves.move_tasks(register, plan, [ids["c"]],
                            moves.place_by_task(register, ids["b"], True)) is None
    assert moves.move_tasks(register, plan, [ids["b"], ids["c"]],
                            Place(ids["S1"], ids["G1"], start=True)) is None
    other = services.create_plan(register, Plan(0, "Kế hoạch khác"))
    with pytest.raises(ValidationError, match="không còn trong kế hoạch"):
        moves.move_tasks(register, other, [ids["a"]], Place(None))
    with pytest.raises(ValidationError, match="không còn trong kế hoạch"):
        moves.move_tasks(register, plan, [ids["a"]], Place(ids["S1"], 9999))
    assert shape(register, plan) == START
