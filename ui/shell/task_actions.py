"""What the Nhiệm vụ menu does: add, insert, duplicate, edit (form or cell), move, indent,
delete, progress. Each change is pushed as an undo command on the window's stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import records, services
from cchc_desktop.plans.models import Task, TaskDraft
from cchc_desktop.plans.outline import is_heading, section_key
from cchc_desktop.plans.queries import KIND_GROUP
from ui.register.structure_commands import push_shape_change
from ui.register.task_form import TaskForm
from ui.register.task_table_model import FIELDS, HEADERS
from ui.register.undo_commands import (
    AddTaskCommand,
    DeleteTasksCommand,
    DueOverrideCommand,
    EditTaskCommand,
    RegroupTaskCommand,
    ServiceCommand,
)
from ui.shell.move_actions import MoveActions
from ui.widgets.dialogs import run_dialog
from ui.widgets.formatting import parse_budget, parse_date

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

AskDraft = Callable[[TaskDraft | None, str], TaskDraft | None]
_FIELD_TITLES = {field: HEADERS[column] for column, field in FIELDS.items()}


class TaskActions:
    """Task commands for the main window."""

    def __init__(self, window: RegisterWindow) -> None:
        self.window = window
        self.ask_draft: AskDraft = self._open_form
        self.form_due: str | None = None  # the own due date the form shows, then the typed one
        self.moves = MoveActions(window)  # Alt+↑/↓ of task rows, drag and drop

    # Where the officer is ------------------------------------------------------------------------

    def _plan_id(self) -> int | None:
        """Return the plan shown, or say that there is none."""
        if self.window.plan_id is None:
            self.window.show_error("Chưa có kế hoạch", "Hãy tạo kế hoạch (Kế hoạch → Kế hoạch "
                                   "mới, Ctrl+Shift+N) hoặc nhập phụ lục (Ctrl+I) trước.")
        return self.window.plan_id

    def current_task(self, quiet: bool = False) -> Task | None:
        """Return the task on the current row (not a heading), or say to pick one."""
        key = self.window.table.current_key()
        if key is None or is_heading(key):
            if not quiet:
                self.window.show_error("Chưa chọn nhiệm vụ", "Hãy chọn một dòng nhiệm vụ.")
            return None
        return records.task(self.window.register, key)

    def _placement(self) -> tuple[int | None, int | None, int | None]:
        """Return (section, group, task) of the current row for a new task."""
        key = self.window.table.current_key()
        if key is None:
            return None, None, None
        if is_heading(key):
            heading = self.window.view.outline.headings[key]
            group = heading.id if heading.kind == KIND_GROUP else None
            return heading.section_id, group, None
        task = records.task(self.window.register, key)
        return task.section_id, task.group_id, task.id

    def _open_form(self, draft: TaskDraft | None, title: str) -> TaskDraft | None:
        """Open the task form; return what was typed, or None if cancelled."""
        plan = self.window.plan
        form = TaskForm(self.window.unit_names(), draft, plan.year if plan else None, title,
                        self.window)
        form.set_due(self.form_due)
        if not run_dialog(form):
            return None
        self.form_due = form.due_override()
        return form.draft()

    def push_shape(self, command: ServiceCommand) -> None:
        """Push a change of the plan's shape, renumbering TT with it (one undo step)."""
        assert self.window.plan_id is not None
        push_shape_change(self.window.undo_stack, self.window, self.window.plan_id, command)

    # Commands ----------------------------------------------------------------------------------

    def add(self, insert_after_current: bool = False) -> None:
        """Add a task at the end of the current group (or after the current task)."""
        plan_id = self._plan_id()
        if plan_id is None:
            return
        section_id, group_id, task_id = self._placement()
        title = "Chèn nhiệm vụ" if insert_after_current else "Thêm nhiệm vụ"
        self.form_due = None
        draft = self.ask_draft(None, title)
        if draft is None:
            return
        after = task_id if insert_after_current else None
        command = AddTaskCommand(self.window, plan_id, draft, section_id, group_id, after, title)
        stack = self.window.undo_stack
        stack.beginMacro(title)
        self.push_shape(command)
        if self.form_due and command.task_id is not None:
            stack.push(DueOverrideCommand(self.window, plan_id, command.task_id, self.form_due))
        stack.endMacro()

    def insert(self) -> None:
        """Insert a task right after the current one."""
        self.add(insert_after_current=True)

    def duplicate(self) -> None:
        """Add a copy of the current task right after it."""
        task = self.current_task()
        if task is not None:
            self.push_shape(AddTaskCommand(
                self.window, task.plan_id, replace(services.draft_of(task), number=""),
                task.section_id,
                task.group_id, task.id, "Nhân bản nhiệm vụ"))

    def edit(self) -> None:
        """Edit the current task in the form (its columns and its own due date)."""
        task = self.current_task()
        if task is None:
            return
        before = services.draft_of(task)
        self.form_due = task.due_override
        draft = self.ask_draft(before, f"Sửa nhiệm vụ {task.number}".strip())
        if draft is None:
            return
        changes: list[ServiceCommand] = []
        if draft != before:
            changes.append(EditTaskCommand(self.window, task.plan_id, task.id, draft))
        if self.form_due != task.due_override:
            changes.append(DueOverrideCommand(self.window, task.plan_id, task.id, self.form_due))
        if changes:
            stack = self.window.undo_stack
            stack.beginMacro(f"Sửa nhiệm vụ {task.number}".strip())
            for change in changes:
                stack.push(change)
            stack.endMacro()

    def edit_field(self, task_id: int, field: str, text: str) -> bool:
        """Write one column typed in the table; False (with a message) if it is refused."""
        task = records.task(self.window.register, task_id)
        if field == "due_override":
            return self.set_due(task, text)
        before = services.draft_of(task)
        try:
            value: Any = parse_budget(text) if field == "budget_million_vnd" else text.strip()
            if field == "content" and not text.strip():
                raise ValidationError("Nội dung nhiệm vụ không được để trống.")
        except ValidationError as error:
            self.window.show_error("Không sửa được", str(error))
            return False
        after = replace(before, **{field: value})
        if after != before:
            self.window.undo_stack.push(EditTaskCommand(
                self.window, task.plan_id, task_id, after, f"Sửa {_FIELD_TITLES[field]}"))
        return True

    def set_due(self, task: Task, text: str) -> bool:
        """Set the task's own due date typed as dd/mm/yyyy (empty: follow the phrase again)."""
        try:
            due = parse_date(text)
        except ValidationError as error:
            self.window.show_error("Không đặt được hạn", str(error))
            return False
        if due != task.due_override:
            self.window.undo_stack.push(DueOverrideCommand(self.window, task.plan_id, task.id,
                                                           due))
        return True

    def delete(self) -> None:
        """Delete the selected tasks after asking."""
        ids = [k for k in self.window.table.selected_keys() if not is_heading(k)]
        if not ids or self.window.plan_id is None:
            self.current_task()
            return
        what = "nhiệm vụ này" if len(ids) == 1 else f"{len(ids)} nhiệm vụ đã chọn"
        if self.window.ops.confirm("Xóa nhiệm vụ", f"Xóa {what} khỏi kế hoạch? Tiến độ đã ghi "
                                   "cũng bị xóa theo. Có thể hoàn tác ngay bằng Ctrl+Z."):
            self.push_shape(DeleteTasksCommand(self.window, self.window.plan_id, ids,
                                               self._neighbour(ids)))

    def _neighbour(self, ids: list[int]) -> int | None:
        """Return the row key to select once these tasks are gone: the next row below them,
        else the nearest above."""
        keys = self.window.model.row_keys()
        gone = set(ids)
        rows = [r for r, k in enumerate(keys) if k in gone]
        if not rows:
            return None
        below = (k for k in keys[rows[-1] + 1:] if k not in gone)
        above = (k for k in reversed(keys[:rows[0]]) if k not in gone)
        return next(below, next(above, None))

    def move(self, offset: int) -> None:
        """Move the selected tasks up (-1) or down (+1), across group and section edges, or the
        current section or group heading; at the top or bottom of the plan say so in the
        status bar (no message box)."""
        key = self.window.table.current_key()
        if key is not None and is_heading(key):
            self.window.shape.move(offset)
            return
        task = self.current_task()
        if task is not None:
            self.moves.step(task.id, offset)

    def indent(self) -> None:
        """Put the current task into the group just above it."""
        task = self.current_task()
        if task is None:
            return
        if task.group_id is not None:
            self.window.show_error("Đưa vào nhóm", "Nhiệm vụ đã ở trong một nhóm.")
            return
        group_id = self._group_above(task)
        if group_id is None:
            self.window.show_error("Đưa vào nhóm", "Phía trên nhiệm vụ này (trong cùng lĩnh "
                                   "vực) không có nhóm nào để đưa vào.")
            return
        self.push_shape(RegroupTaskCommand(self.window, task.plan_id, task.id,
                                                       group_id))

    def outdent(self) -> None:
        """Take the current task out of its group."""
        task = self.current_task()
        if task is None:
            return
        if task.group_id is None:
            self.window.show_error("Đưa ra khỏi nhóm", "Nhiệm vụ không ở trong nhóm nào.")
            return
        self.push_shape(RegroupTaskCommand(self.window, task.plan_id, task.id,
                                                       None))

    def _group_above(self, task: Task) -> int | None:
        """Return the nearest group above a task in the appendix, inside its section."""
        outline = self.window.view.outline
        position = outline.index.get(task.id, -1)
        stop = section_key(task.section_id) if task.section_id is not None else None
        for key in reversed(outline.keys[:max(position, 0)]):
            if key == stop:
                return None
            if is_heading(key) and outline.headings[key].kind == KIND_GROUP:
                return outline.headings[key].id
        return None

    def record_progress(self) -> None:
        """Open the progress form of the current task for the chosen period."""
        task = self.current_task()
        if task is None:
            return
        from ui.progress.progress_command import open_progress

        open_progress(self.window, self.window.undo_stack, task,
                      self.window.filter_bar.period_code(), self.window.today, self.window)
