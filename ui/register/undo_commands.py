"""Every edit as a QUndoCommand: redo() calls the service, undo() calls the one that reverses it.

Edits are written to the register at once; undo writes the previous state back (each in its own
transaction with an audit entry). A command whose service refuses (a CchcError) shows the
message and marks itself obsolete, so QUndoStack drops it instead of keeping a step that did
nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtGui import QUndoCommand

from cchc_desktop.errors import CchcError, ValidationError
from cchc_desktop.plans import services, structure, units
from cchc_desktop.plans.models import Agency, Plan, TaskDraft, Unit
from cchc_desktop.register.connection import Register


class Views(Protocol):
    """What commands tell about the changes they make (the main window)."""

    register: Register

    def show_error(self, title: str, message: str) -> None: ...
    def task_changed(self, plan_id: int, task_id: int,
                     schedule_changed: bool = True) -> None: ...
    def structure_changed(self, plan_id: int, select: int | None) -> None: ...
    def plan_changed(self, plan_id: int | None) -> None: ...
    def units_changed(self) -> None: ...


class ServiceCommand(QUndoCommand):
    """A command that runs services and refreshes the views; errors make it obsolete."""

    def __init__(self, views: Views, text: str) -> None:
        super().__init__(text)
        self.views = views

    @property
    def register(self) -> Register:
        """Return the register the window has open."""
        return self.views.register

    def redo(self) -> None:
        self._run(self.apply, "Không thực hiện được")

    def undo(self) -> None:
        self._run(self.revert, "Không hoàn tác được")

    def _run(self, step: Callable[[], None], title: str) -> None:
        """Run a step; on a refusal show why and drop the command."""
        try:
            step()
        except CchcError as error:
            self.views.show_error(title, str(error))
            self.setObsolete(True)

    def apply(self) -> None:
        """Make the change."""
        raise NotImplementedError

    def revert(self) -> None:
        """Reverse the change."""
        raise NotImplementedError


# Tasks --------------------------------------------------------------------------------------


class EditTaskCommand(ServiceCommand):
    """Write a task's appendix columns."""

    def __init__(self, views: Views, plan_id: int, task_id: int, after: TaskDraft,
                 text: str = "Sửa nhiệm vụ") -> None:
        super().__init__(views, text)
        self.plan_id, self.task_id, self.after = plan_id, task_id, after
        self.before: TaskDraft | None = None

    def apply(self) -> None:
        self.before = services.update_task(self.register, self.task_id, self.after)
        self.views.task_changed(self.plan_id, self.task_id, self._schedule_changed())

    def revert(self) -> None:
        assert self.before is not None
        services.update_task(self.register, self.task_id, self.before)
        self.views.task_changed(self.plan_id, self.task_id, self._schedule_changed())

    def _schedule_changed(self) -> bool:
        """Tell whether the edit changes the task's due date (its timeframe)."""
        return self.before is None or self.before.timeframe != self.after.timeframe


class DueOverrideCommand(ServiceCommand):
    """Set (or clear, None) the officer's own due date of a task, overriding the phrase."""

    def __init__(self, views: Views, plan_id: int, task_id: int, due: str | None) -> None:
        super().__init__(views, "Đặt hạn riêng" if due else "Bỏ hạn riêng")
        self.plan_id, self.task_id, self.due = plan_id, task_id, due
        self.before: str | None = None

    def apply(self) -> None:
        self.before = services.set_due_override(self.register, self.task_id, self.due)
        self.views.task_changed(self.plan_id, self.task_id, True)

    def revert(self) -> None:
        services.set_due_override(self.register, self.task_id, self.before)
        self.views.task_changed(self.plan_id, self.task_id, True)


class AddTaskCommand(ServiceCommand):
    """Add a task (after a given task, or at the end); redo after undo restores the same id."""

    def __init__(self, views: Views, plan_id: int, draft: TaskDraft, section_id: int | None,
                 group_id: int | None, after_task_id: int | None,
                 text: str = "Thêm nhiệm vụ") -> None:
        super().__init__(views, text)
        self.plan_id, self.draft = plan_id, draft
        self.section_id, self.group_id, self.after_task_id = section_id, group_id, after_task_id
        self.task_id: int | None = None
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            services.restore_task(self.register, self.snapshot)
        else:
            self.task_id = structure.add_task(self.register, self.plan_id, self.draft,
                                              self.section_id, self.group_id,
                                              self.after_task_id)
        self.views.structure_changed(self.plan_id, self.task_id)

    def revert(self) -> None:
        assert self.task_id is not None
        self.snapshot = services.delete_task(self.register, self.task_id)
        self.views.structure_changed(self.plan_id, self.after_task_id)


class DeleteTasksCommand(ServiceCommand):
    """Delete tasks; undo puts them back with their ids, unit links and progress."""

    def __init__(self, views: Views, plan_id: int, task_ids: list[int],
                 select: int | None = None) -> None:
        text = "Xóa nhiệm vụ" if len(task_ids) == 1 else f"Xóa {len(task_ids)} nhiệm vụ"
        super().__init__(views, text)
        self.plan_id, self.task_ids, self.select = plan_id, task_ids, select
        self.snapshots: list[dict[str, Any]] = []

    def apply(self) -> None:
        self.snapshots = [services.delete_task(self.register, t) for t in self.task_ids]
        self.views.structure_changed(self.plan_id, self.select)

    def revert(self) -> None:
        for snapshot in reversed(self.snapshots):
            services.restore_task(self.register, snapshot)
        self.views.structure_changed(self.plan_id, self.task_ids[0])


class RegroupTaskCommand(ServiceCommand):
    """Put a task into a group (indent) or take it out of its group (None)."""

    def __init__(self, views: Views, plan_id: int, task_id: int, group_id: int | None) -> None:
        super().__init__(views, "Đưa vào nhóm" if group_id is not None else "Đưa ra khỏi nhóm")
        self.plan_id, self.task_id, self.group_id = plan_id, task_id, group_id
        self.previous: int | None = None

    def apply(self) -> None:
        self.previous = services.set_task_group(self.register, self.task_id, self.group_id)
        self.views.structure_changed(self.plan_id, self.task_id)

    def revert(self) -> None:
        services.set_task_group(self.register, self.task_id, self.previous)
        self.views.structure_changed(self.plan_id, self.task_id)


# Plans and the agency ---------------------------------------------------------------------------


class CreatePlanCommand(ServiceCommand):
    """Create an empty plan; undo removes it again while it has no tasks."""

    def __init__(self, views: Views, plan: Plan) -> None:
        super().__init__(views, "Tạo kế hoạch")
        self.plan = plan
        self.plan_id: int | None = None

    def apply(self) -> None:
        self.plan_id = services.create_plan(self.register, replace(self.plan,
                                                                   id=self.plan_id or 0))
        self.views.plan_changed(self.plan_id)

    def revert(self) -> None:
        assert self.plan_id is not None
        if services.plan_task_count(self.register, self.plan_id):
            raise ValidationError("Kế hoạch đã có nhiệm vụ nên không hoàn tác việc tạo được.")
        services.delete_plan(self.register, self.plan_id)
        self.views.plan_changed(None)


class SavePlanCommand(ServiceCommand):
    """Write a plan's details (số ký hiệu, trích yếu, người ký…)."""

    def __init__(self, views: Views, after: Plan) -> None:
        super().__init__(views, "Sửa thông tin kế hoạch")
        self.after = after
        self.before: Plan | None = None

    def apply(self) -> None:
        self.before = services.save_plan(self.register, self.after)
        self.views.plan_changed(self.after.id)

    def revert(self) -> None:
        assert self.before is not None
        services.save_plan(self.register, self.before)
        self.views.plan_changed(self.before.id)


class SaveAgencyCommand(ServiceCommand):
    """Write the agency settings."""

    def __init__(self, views: Views, after: Agency) -> None:
        super().__init__(views, "Sửa thông tin cơ quan")
        self.after = after
        self.before: Agency | None = None

    def apply(self) -> None:
        self.before = services.save_agency(self.register, self.after)

    def revert(self) -> None:
        assert self.before is not None
        services.save_agency(self.register, self.before, validate=False)


# Units ----------------------------------------------------------------------------------------


class AddUnitCommand(ServiceCommand):
    """Add a unit to the directory."""

    def __init__(self, views: Views, unit: Unit) -> None:
        super().__init__(views, f"Thêm đơn vị “{unit.name}”")
        self.unit = unit

    def apply(self) -> None:
        self.unit = replace(self.unit, id=units.add_unit(self.register, self.unit))
        self.views.units_changed()

    def revert(self) -> None:
        units.delete_unit(self.register, self.unit.id)
        self.views.units_changed()


class SaveUnitCommand(ServiceCommand):
    """Rename a unit or change its kind, short name, aliases or confirmation."""

    def __init__(self, views: Views, after: Unit, text: str = "Sửa đơn vị") -> None:
        super().__init__(views, text)
        self.after = after
        self.before: Unit | None = None

    def apply(self) -> None:
        self.before = units.save_unit(self.register, self.after)
        self.views.units_changed()

    def revert(self) -> None:
        assert self.before is not None
        units.save_unit(self.register, self.before)
        self.views.units_changed()


class MergeUnitsCommand(ServiceCommand):
    """Merge units into one; every task link follows, and undo separates them again."""

    def __init__(self, views: Views, keep_id: int, merge_ids: list[int], text: str) -> None:
        super().__init__(views, text)
        self.keep_id, self.merge_ids = keep_id, merge_ids
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        self.snapshot = units.merge_snapshot(self.register, self.keep_id, self.merge_ids)
        units.merge_units(self.register, self.keep_id, self.merge_ids)
        self.views.units_changed()

    def revert(self) -> None:
        assert self.snapshot is not None
        units.unmerge_units(self.register, self.snapshot)
        self.views.units_changed()
