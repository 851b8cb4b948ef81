"""Ctrl+V of rows copied from Excel as one undo command: the tasks added after the current
row, and the units their Chủ trì/Phối hợp texts added to the directory; undo takes both away
(a unit only while nothing else names it), redo puts them back with the same ids."""

from __future__ import annotations

from typing import Any

from cchc_desktop.plans import paste
from cchc_desktop.plans.models import TaskDraft
from ui.register.undo_commands import ServiceCommand, Views


class PasteTasksCommand(ServiceCommand):
    """Add pasted tasks (and the new units they name) as one step."""

    def __init__(self, views: Views, plan_id: int, drafts: list[TaskDraft],
                 section_id: int | None, group_id: int | None, after: int | None) -> None:
        super().__init__(views, f"Dán {len(drafts)} nhiệm vụ")
        self.plan_id, self.drafts = plan_id, drafts
        self.section_id, self.group_id, self.after = section_id, group_id, after
        self.task_ids: list[int] = []
        self.unit_ids: list[int] = []
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            paste.restore_pasted(self.register, self.snapshot)
        else:
            self.task_ids, self.unit_ids = paste.add_pasted(
                self.register, self.plan_id, self.drafts, self.section_id, self.group_id,
                self.after)
        if self.unit_ids:
            self.views.units_changed()
        self.views.structure_changed(self.plan_id, self.task_ids[0] if self.task_ids else None)

    def revert(self) -> None:
        self.snapshot = paste.remove_pasted(self.register, self.task_ids, self.unit_ids)
        if self.unit_ids:
            self.views.units_changed()
        self.views.structure_changed(self.plan_id, self.after)
