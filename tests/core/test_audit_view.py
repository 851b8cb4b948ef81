"""The audit trail read back: filters, field-by-field changes, Excel export."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc_desktop.excel.write import audit_export
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Agency, TaskDraft
from cchc_desktop.register import audit_view
from cchc_desktop.register.audit_view import AuditFilter
from cchc_desktop.register.connection import Register, os_user


@pytest.fixture
def trail(demo_register: Register) -> Register:
    """The demo register plus edits by a named officer, some of them dated last year."""
    with demo_register.transaction() as db:
        agency = repository.get_agency(db)
        repository.save_agency(db, Agency(**{**agency.__dict__, "officer_name": "Trần Thị Bình"}))
    plan_id = services.current_plan_id(demo_register) or 0
    task = repository.list_tasks(demo_register.db, plan_id)[0]
    draft = services.draft_of(task)
    draft.content = "Rà soát 100% thủ tục_hành chính (bản sửa)"
    services.update_task(demo_register, task.id, draft)
    services.move_task(demo_register, task.id, +1)
    added = services.add_task(demo_register, plan_id, TaskDraft(content="=SUM(A1:A9) thêm\x07"))
    services.delete_task(demo_register, added)
    demo_register.db.execute(
        "UPDATE audit_log SET at = '2025-12-31T23:59:59' WHERE id IN "
        "(SELECT id FROM audit_log ORDER BY id LIMIT 5)")
    demo_register.db.conn.commit()
    return demo_register


def test_every_entry_says_who_and_newest_comes_first(trail: Register) -> None:
    entries = audit_view.query(trail)
    assert len(entries) == audit_view.count(trail) > 15
    assert [e.id for e in entries[:4]] == sorted((e.id for e in entries[:4]), reverse=True)
    newest = entries[0]
    assert (newest.action, newest.entity, newest.officer) == ("delete", "task", "Trần Thị Bình")
    assert newest.os_user == os_user()
    assert newest.action_label == "Xóa" and newest.entity_label == "Nhiệm vụ"


def test_filters_by_action_entity_officer_and_dates(trail: Register) -> None:
    edits = audit_view.query(trail, AuditFilter(action="edit", entity="task"))
    assert len(edits) == 1 and edits[0].officer == "Trần Thị Bình"  # the demo edits no task
    by_officer = audit_view.query(trail, AuditFilter(officer="Trần Thị Bình"))
    assert {e.action for e in by_officer} == {"edit", "move", "add", "delete"}
    assert len(audit_view.query(trail, AuditFilter(officer=os_user()))) == audit_view.count(trail)
    old = audit_view.query(trail, AuditFilter(end=date(2025, 12, 31)))
    assert len(old) == 5
    assert audit_view.count(trail, AuditFilter(start=date(2026, 1, 1))) == len(
        audit_view.query(trail)) - 5
    assert audit_view.query(trail, AuditFilter(start=date(2025, 12, 31),
                                               end=date(2025, 12, 31))) == old
    assert len(audit_view.query(trail, AuditFilter(limit=3))) == 3


def test_text_search_ignores_marks_and_case_and_reads_labels(trail: Register) -> None:
    found = audit_view.query(trail, AuditFilter(text="BAN SUA"))
    assert [(e.action, e.entity) for e in found] == [("edit", "task")]
    assert audit_view.query(trail, AuditFilter(text="tran thi binh"))
    assert {e.action for e in audit_view.query(trail, AuditFilter(text="đổi thứ tự"))} == {"move"}
    assert len(audit_view.query(trail, AuditFilter(text="100%"))) == 1
    assert len(audit_view.query(trail, AuditFilter(text="thủ tục_hành"))) == 1
    assert audit_view.query(trail, AuditFilter(text="%_%zzz")) == []


def test_changes_list_only_what_changed_with_labels(trail: Register) -> None:
    edit = audit_view.query(trail, AuditFilter(action="edit", entity="task"))[0]
    assert edit.officer == "Trần Thị Bình"
    changes = edit.changes()
    assert [c.label for c in changes] == ["Nội dung"]
    assert changes[0].after == "Rà soát 100% thủ tục_hành chính (bản sửa)"
    assert edit.summary().startswith("Nội dung: ") and " → Rà soát 100%" in edit.summary()
    move = audit_view.query(trail, AuditFilter(action="move"))[0]
    assert [(c.label, bool(c.before), bool(c.after)) for c in move.changes()] == [
        ("Giá trị", True, True)]
    deleted = audit_view.query(trail, AuditFilter(action="delete"))[0]
    assert all(not c.after for c in deleted.changes())
    assert "Nội dung: =SUM(A1:A9)" in deleted.summary() and "→ (trống)" in deleted.summary()
    imported = audit_view.query(trail, AuditFilter(action="import"))[0]
    assert "Số nhiệm vụ: 53" in imported.summary()


def test_choices_list_people_entities_and_actions(trail: Register) -> None:
    choices = audit_view.choices(trail)
    assert "Trần Thị Bình" in choices["officer"] and os_user() in choices["officer"]
    assert {"task", "plan", "unit"} <= set(choices["entity"])
    assert {"import", "edit", "progress"} <= set(choices["action"])


def test_export_to_excel_is_literal_and_filterable(trail: Register, tmp_path: Path) -> None:
    entries = audit_view.query(trail)
    out = tmp_path / "nhat-ky.xlsx"
    assert audit_export.export_xlsx(entries, out) == len(entries)
    book = load_workbook(out)
    sheet = book["Nhật ký thay đổi"]
    assert [c.value for c in sheet[1]] == audit_export.EXCEL_HEADERS
    assert sheet.max_row == len(entries) + 1
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:I{len(entries) + 1}"
    first = [c.value for c in sheet[2]]
    assert isinstance(first[0], datetime) and first[3] == "Xóa" and first[4] == "Nhiệm vụ"
    assert first[5] == entries[0].subject and "#" not in str(first[5])  # TT, not an id
    formula_like = sheet.cell(row=2, column=7)
    assert formula_like.data_type == "s" and "=SUM(A1:A9) thêm" in str(formula_like.value)
    assert "\x07" not in str(formula_like.value)


def test_export_of_nothing_has_just_the_header(tmp_path: Path) -> None:
    out = tmp_path / "rong.xlsx"
    assert audit_export.export_xlsx([], out) == 0
    assert load_workbook(out).active.max_row == 1


def test_every_action_and_entity_the_app_records_has_a_label() -> None:
    import re

    root = Path(audit_view.__file__).parents[1]  # the whole core, every feature package
    pattern = re.compile(r'audit\.record\(db, "(\w+)", "(\w+)"')
    found = {m.groups() for p in root.rglob("*.py") for m in pattern.finditer(p.read_text())}
    assert found, "no audit.record call found"
    missing = {a for a, _ in found if a not in audit_view.ACTION_LABELS}
    missing |= {e for _, e in found if e not in audit_view.ENTITY_LABELS}
    assert not missing, f"add Vietnamese labels in audit_view for: {sorted(missing)}"


def test_show_formats_values() -> None:
    assert audit_view.show(None) == "" and audit_view.show(True) == "Có"
    assert audit_view.show(3.0) == "3" and audit_view.show(2.5) == "2,5"
    assert audit_view.show(19393.0) == "19.393" and audit_view.show(2021) == "2021"
    assert audit_view.show(["a", "b"]) == "a; b"
    assert audit_view.show({"year": 2021, "x": "ư"}) == "Năm: 2021; x: ư"


def test_an_added_record_shows_no_id_and_no_empty_zero(demo_register: Register) -> None:
    """The view showed "id: 0" and "Trước: (trống) Sau: 0" for every added record."""
    for entry in audit_view.query(demo_register, audit_view.AuditFilter()):
        for change in entry.changes():
            assert change.field not in ("id", "task_id", "plan_id"), entry
            assert change.label != change.field, change  # a Vietnamese label for every field


def test_codes_and_ids_read_as_words(demo_register: Register) -> None:
    from cchc_desktop.plans import structure, units
    from cchc_desktop.plans.models import Unit
    from cchc_desktop.progress.entries import ProgressInput, record_progress

    register = demo_register
    plan_id = services.current_plan_id(register) or 0
    tasks = repository.list_tasks(register.db, plan_id)
    task = next(t for t in tasks if t.section_id and t.number)
    code = register.db.execute("SELECT code FROM sections WHERE id = ?",
                               [task.section_id]).fetchone()[0]
    record_progress(register, task.id, "2021-Q1", ProgressInput("not_started"), date(2021, 3, 1))
    unit_id = units.add_unit(register, Unit(0, "Đơn vị lạ XYZ"))
    units.delete_unit(register, unit_id)
    added = services.add_task(register, plan_id, TaskDraft(content="Dán thử", number="9"),
                              section_id=task.section_id)
    services.delete_task(register, added)
    structure.set_keep_numbers(register, plan_id, False)
    register.db.execute("UPDATE tasks SET number = '77' WHERE id = ?", [task.id])
    register.db.conn.commit()
    structure.renumber(register, plan_id)

    entries = audit_view.query(register)
    progress = next(e for e in entries if e.action == "progress")
    assert "Tình trạng: Hoàn thành → Chưa thực hiện" in progress.summary()
    assert progress.subject == f"{code}/{task.number}"
    assert task.content[:20] in progress.title
    deleted_unit = next(e for e in entries if e.action == "delete" and e.entity == "unit")
    assert "Loại: Đơn vị khác → (trống)" in deleted_unit.summary()
    deleted_task = next(e for e in entries if e.action == "delete" and e.entity == "task")
    assert f"Lĩnh vực: {code}. " in deleted_task.summary()
    assert deleted_task.subject == f"{code}/9" and "Dán thử" in deleted_task.title
    renumbered = next(e for e in entries if e.action == "renumber")
    assert f"{code}: 77 → {task.number}" in renumbered.summary()
    seen = " ".join(e.summary() + e.subject + e.title for e in entries)
    for raw in ('{"', "not_started", "khac", "#", "2021-Q1"):
        assert raw not in seen
