"""Moving tasks between groups and sections (Alt+↑/↓ across an edge, drag and drop) as one undo
step: the core moves them and renumbers TT in one transaction; undo puts every task back in its
group and place with its old number."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_desktop.plans import moves
from cchc_desktop.plans.moves import Place
from ui.register.undo_commands import ServiceCommand, Views

Select = Callable[[list[int]], None]  # selects the moved task rows once the table is redrawn


class MoveTasksCommand(ServiceCommand):
    """Move tasks to a place (a group, or a section's tasks outside groups)."""

    def __init__(self, views: Views, plan_id: int, task_ids: list[int], place: Place,
                 text: str = "", select: Select | None = None) -> None:
        count = len(task_ids)
        super().__init__(views, text or ("Chuyển nhiệm vụ" if count == 1
                                         else f"Chuyển {count} nhiệm vụ"))
        self.plan_id, self.task_ids, self.place, self.select = plan_id, task_ids, place, select
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        self.snapshot = moves.move_tasks(self.register, self.plan_id, self.task_ids, self.place)
        if self.snapshot is None:  # already there: no step to undo
            self.setObsolete(True)
            return
        self._show()

    def revert(self) -> None:
        assert self.snapshot is not None
        moves.restore(self.register, self.snapshot)
        self._show()

    def _show(self) -> None:
        """Redraw the table with the moved tasks selected."""
        self.views.structure_changed(self.plan_id, self.task_ids[0])
        if self.select is not None:
            self.select(self.task_ids)
