"""Use cases on plans and tasks, each one transaction with an audit entry."""

from __future__ import annotations

import re
from dataclasses import asdict, replace
from datetime import datetime
from typing import Any

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AUTHORITIES, SIGNER_AUTHORITIES, Agency, Plan, Task, TaskDraft
from cchc_desktop.plans.task_text import ImportCancelled, area_of, search_text
from cchc_desktop.plans.units import UnitIndex, link_task_units
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces

POSITION_STEP = 10

# Plans --------------------------------------------------------------------------------------


def _validate_plan(plan: Plan) -> Plan:
    """Refuse a plan with no title or an unknown authority; tidy its text."""
    if not plan.title.strip():
        raise ValidationError("Trích yếu (tên kế hoạch) không được để trống.")
    if plan.signer_authority not in AUTHORITIES:
        raise ValidationError(f"Quyền hạn ký '{plan.signer_authority}' không hợp lệ.")
    if plan.issued_on:
        try:
            datetime.strptime(plan.issued_on, "%Y-%m-%d")
        except ValueError as error:
            raise ValidationError(f"Ngày ban hành '{plan.issued_on}' không hợp lệ.") from error
    return replace(
        plan,
        title=collapse_spaces(plan.title),
        bases=[b.strip() for b in plan.bases if b.strip()],
        recipients=[r.strip() for r in plan.recipients if r.strip()],
    )


def create_plan(register: Register, plan: Plan) -> int:
    """Create an empty plan and return its id (a non-zero plan.id is kept: redo after undo)."""
    with register.transaction() as db:
        plan = _validate_plan(plan)
        if plan.id:
            plan_id = plan.id
            db.table("plans").insert({"id": plan_id, **repository.plan_values(plan)})
        else:
            plan_id = repository.insert_plan(db, plan)
        audit.record(db, "add", "plan", plan_id, after=plan)
    return plan_id


def save_plan(register: Register, plan: Plan) -> Plan:
    """Write a plan's details; return the previous version (for undo)."""
    with register.transaction() as db:
        before = repository.get_plan(db, plan.id)
        plan = _validate_plan(plan)
        repository.update_plan(db, plan)
        audit.record(db, "edit", "plan", plan.id, before=before, after=plan)
    return before


def delete_plan(register: Register, plan_id: int) -> None:
    """Delete a plan with its sections, groups, tasks and progress."""
    with register.transaction() as db:
        before = repository.get_plan(db, plan_id)
        db.execute("DELETE FROM plans WHERE id = ?", [plan_id])
        audit.record(db, "delete", "plan", plan_id, before=before)


def touch_plan(register: Register, plan_id: int) -> None:
    """Mark a plan as the most recently opened one."""
    with register.transaction() as db:
        db.execute("UPDATE plans SET opened_at = strftime('%Y-%m-%d %H:%M:%f', 'now') "
                   "WHERE id = ?", [plan_id])


def plan_task_count(register: Register, plan_id: int) -> int:
    """Return how many tasks a plan has."""
    sql = "SELECT count(*) FROM tasks WHERE plan_id = ?"
    return int(register.db.execute(sql, [plan_id]).fetchone()[0])


def current_plan_id(register: Register) -> int | None:
    """Return the most recently opened or imported plan, if any."""
    plans = repository.list_plans(register.db)
    return plans[0].id if plans else None


# Agency -------------------------------------------------------------------------------------

_ABBREVIATION_RE = re.compile(r"^[^\W_][\w.-]*$")


def validate_agency(agency: Agency) -> Agency:
    """Refuse an agency without a name or place, or an abbreviation with spaces; tidy text."""
    tidy = Agency(**{k: collapse_spaces(v) for k, v in asdict(agency).items()})
    if not tidy.name:
        raise ValidationError("Tên cơ quan không được để trống.")
    if not tidy.place:
        raise ValidationError("Địa danh (dùng trong dòng “…, ngày … tháng … năm …”) không "
                              "được để trống.")
    if tidy.abbreviation and not _ABBREVIATION_RE.match(tidy.abbreviation):
        raise ValidationError(f"Ký hiệu viết tắt “{tidy.abbreviation}” chỉ gồm chữ, số, dấu "
                              "chấm hoặc gạch nối, không có khoảng trắng (ví dụ UBND, SNV).")
    if len(tidy.abbreviation) > 20:
        raise ValidationError("Ký hiệu viết tắt quá dài (tối đa 20 ký tự).")
    if tidy.signer_authority not in SIGNER_AUTHORITIES:
        choices = ", ".join(a or "(không)" for a in SIGNER_AUTHORITIES)
        raise ValidationError(f"Quyền hạn ký “{tidy.signer_authority}” không hợp lệ; chọn một "
                              f"trong: {choices}.")
    return tidy


def get_agency(register: Register) -> Agency:
    """Return the agency settings."""
    return repository.get_agency(register.db)


def save_agency(register: Register, agency: Agency, validate: bool = True) -> Agency:
    """Write the agency settings; return the previous ones (undo writes them back unchecked)."""
    with register.transaction() as db:
        before = repository.get_agency(db)
        if validate:
            agency = validate_agency(agency)
        repository.save_agency(db, agency)
        audit.record(db, "edit", "agency", 1, before=before, after=agency)
    return before


# Tasks --------------------------------------------------------------------------------------


def _clean_draft(draft: TaskDraft) -> TaskDraft:
    """Validate and tidy a task draft (content required, budget a number ≥ 0)."""
    if not collapse_spaces(draft.content):
        raise ValidationError("Nội dung nhiệm vụ không được để trống.")
    budget = draft.budget_million_vnd
    if budget is not None and (budget != budget or budget < 0):
        raise ValidationError("Kinh phí phải là số không âm (triệu đồng).")
    return replace(draft, content=draft.content.strip(), number=draft.number.strip())


def _next_position(db: Database, plan_id: int, after_task_id: int | None) -> int:
    """Return a position right after a task (shifting every later task and group, so a loose
    task never passes a group heading) or at the end."""
    if after_task_id is None:
        sql = "SELECT max(position) AS m FROM tasks WHERE plan_id = ?"
        row = next(iter(db.query(sql, [plan_id])))
        return int(row["m"] or 0) + POSITION_STEP
    after = repository.get_task(db, after_task_id)
    for table in ("tasks", "task_groups"):
        db.execute(f"UPDATE {table} SET position = position + ? "  # noqa: S608
                   "WHERE plan_id = ? AND position > ?",
                   [POSITION_STEP, plan_id, after.position])
    return after.position + 1


def add_task(
    register: Register,
    plan_id: int,
    draft: TaskDraft,
    section_id: int | None = None,
    group_id: int | None = None,
    after_task_id: int | None = None,
) -> int:
    """Add a task to a plan (after a given task, or at the end) and return its id."""
    with register.transaction() as db:
        draft = _clean_draft(draft)
        task = Task(id=0, plan_id=plan_id, section_id=section_id, group_id=group_id,
                    **asdict(draft))
        task.position = _next_position(db, plan_id, after_task_id)
        values = repository.task_values(task, search_text(task))
        task_id = int(db.table("tasks").insert(values).last_pk or 0)
        link_task_units(db, UnitIndex(db), task_id, task.lead_text, task.partner_text)
        audit.record(db, "add", "task", task_id, after=task)
    return task_id


def update_task(register: Register, task_id: int, draft: TaskDraft) -> TaskDraft:
    """Write a task's appendix columns; return the previous values (for undo)."""
    with register.transaction() as db:
        before = repository.get_task(db, task_id)
        draft = _clean_draft(draft)
        after = replace(before, **asdict(draft))
        values = repository.task_values(after, search_text(after))
        values["updated_at"] = datetime.now().isoformat(timespec="seconds")
        db.table("tasks").update(task_id, values)
        if (before.lead_text, before.partner_text) != (after.lead_text, after.partner_text):
            link_task_units(db, UnitIndex(db), task_id, after.lead_text, after.partner_text)
        audit.record(db, "edit", "task", task_id, before=before, after=after)
    return draft_of(before)


def draft_of(task: Task) -> TaskDraft:
    """Return the editable columns of a task."""
    names = TaskDraft.__dataclass_fields__.keys()
    return TaskDraft(**{name: getattr(task, name) for name in names})


def delete_task(register: Register, task_id: int) -> dict[str, Any]:
    """Delete a task; return a snapshot (task, links, progress) that restore_task puts back."""
    with register.transaction() as db:
        task = list(db.query("SELECT * FROM tasks WHERE id = ?", [task_id]))
        if not task:
            raise ValidationError("Nhiệm vụ không còn trong sổ.")
        snapshot = {
            "task": task[0],
            "links": list(db.query("SELECT * FROM task_units WHERE task_id = ?", [task_id])),
            "progress": list(db.query("SELECT * FROM progress WHERE task_id = ?", [task_id])),
        }
        db.execute("DELETE FROM tasks WHERE id = ?", [task_id])
        audit.record(db, "delete", "task", task_id, before=task[0])
    return snapshot


def restore_task(register: Register, snapshot: dict[str, Any]) -> None:
    """Put back a task deleted by delete_task, with the same id, links and progress."""
    with register.transaction() as db:
        db.table("tasks").insert(snapshot["task"])
        db.table("task_units").insert_all(snapshot["links"])
        db.table("progress").insert_all(snapshot["progress"])
        audit.record(db, "restore", "task", snapshot["task"]["id"], after=snapshot["task"])


def can_move_task(register: Register, task_id: int, offset: int) -> bool:
    """Tell whether a task has a neighbour to swap with above (-1) or below (+1)."""
    task = repository.get_task(register.db, task_id)
    op = "<" if offset < 0 else ">"
    sql = (f"SELECT 1 FROM tasks WHERE plan_id = ? AND position {op} ? AND section_id IS ? "
           "AND group_id IS ? LIMIT 1")
    return register.db.execute(sql, [task.plan_id, task.position, task.section_id,
                                     task.group_id]).fetchone() is not None


def move_task(register: Register, task_id: int, offset: int) -> bool:
    """Swap a task with its neighbour above (offset -1) or below (+1) in the same group (or
    among the tasks outside groups of its section); False at an edge."""
    with register.transaction() as db:
        task = repository.get_task(db, task_id)
        op, order = ("<", "DESC") if offset < 0 else (">", "ASC")
        sql = (
            f"SELECT id, position FROM tasks WHERE plan_id = ? AND position {op} ? "
            "AND section_id IS ? AND group_id IS ? "
            f"ORDER BY position {order} LIMIT 1"
        )
        rows = list(db.query(sql, [task.plan_id, task.position, task.section_id,
                                   task.group_id]))
        if not rows:
            return False
        other = rows[0]
        db.execute("UPDATE tasks SET position = ? WHERE id = ?", [other["position"], task_id])
        db.execute("UPDATE tasks SET position = ? WHERE id = ?", [task.position, other["id"]])
        audit.record(db, "move", "task", task_id, before=task.position, after=other["position"])
    return True


def set_task_group(register: Register, task_id: int, group_id: int | None) -> int | None:
    """Put a task into a group (indent) or out of it (None); return the previous group."""
    with register.transaction() as db:
        task = repository.get_task(db, task_id)
        section_id = task.section_id
        if group_id is not None:
            group = next(iter(db.query("SELECT * FROM task_groups WHERE id = ?", [group_id])))
            section_id = group["section_id"]
        db.table("tasks").update(task_id, {"group_id": group_id, "section_id": section_id})
        audit.record(db, "regroup", "task", task_id, before=task.group_id, after=group_id)
    return task.group_id


def set_due_override(register: Register, task_id: int, due: str | None) -> str | None:
    """Set (or clear) the officer's due date for a task; return the previous override."""
    if due:
        try:
            datetime.strptime(due, "%Y-%m-%d")
        except ValueError as error:
            raise ValidationError(f"Hạn '{due}' không phải ngày hợp lệ.") from error
    with register.transaction() as db:
        task = repository.get_task(db, task_id)
        db.table("tasks").update(task_id, {"due_override": due or None})
        audit.record(db, "due_override", "task", task_id, before=task.due_override, after=due)
    return task.due_override




from cchc_desktop.plans.importer import import_appendix  # noqa: E402

__all__ = ["ImportCancelled", "area_of", "import_appendix", "search_text"]
