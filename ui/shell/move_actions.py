"""Moving task rows: Alt+↑/↓ (across group and section edges, several selected tasks
together) and drag and drop in the table. Each move is one undo step (ui.register.move_commands)
and says in the status bar, never in a message box, when it cannot be done."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_desktop.errors import CchcError
from cchc_desktop.plans import moves
from cchc_desktop.plans.moves import Place
from cchc_desktop.plans.outline import is_heading
from cchc_desktop.plans.queries import KIND_GROUP
from ui.register.move_commands import MoveTasksCommand

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

MESSAGE_MS = 6000


class MoveActions:
    """Task moves for the main window; it listens to the table's drops."""

    def __init__(self, window: RegisterWindow) -> None:
        self.window = window
        window.table.tasks_dropped.connect(self.drop)
        window.table.drag_refused.connect(self.say)

    def say(self, message: str) -> None:
        """Tell the officer something in the status bar."""
        self.window.statusBar().showMessage(message, MESSAGE_MS)

    def selected_tasks(self) -> list[int]:
        """Return the selected task rows (the current one first when it is the only one)."""
        return [k for k in self.window.table.selected_keys() if not is_heading(k)]

    def step(self, task_id: int, offset: int) -> None:
        """Alt+↑ (-1) / Alt+↓ (+1): move the selected tasks (or the current one) one step,
        out of their group or section at its edge; at the very top or bottom say so."""
        plan_id = self.window.plan_id
        if plan_id is None:
            return
        selected = self.selected_tasks()
        ids = selected if task_id in selected else [task_id]
        try:
            place = moves.step_place(self.window.register, plan_id, ids, offset)
        except CchcError as error:
            self.say(str(error))
            return
        if place is None:
            where, way = ("đầu", "lên") if offset < 0 else ("cuối", "xuống")
            self.say(f"Nhiệm vụ đã ở {where} kế hoạch, không chuyển {way} được nữa.")
            return
        text = "Chuyển nhiệm vụ lên" if offset < 0 else "Chuyển nhiệm vụ xuống"
        self._push(plan_id, ids, place, text if len(ids) == 1 else "")

    def drop(self, task_ids: list[int], key: int, after: bool) -> None:
        """Tasks dragged in the table were dropped on a row: before or after a task, or into
        the start of a group or of a section's tasks outside groups (on a heading row)."""
        plan_id = self.window.plan_id
        if plan_id is None:
            return
        try:
            place = self._place(key, after)
        except CchcError as error:
            self.say(str(error))
            return
        self._push(plan_id, task_ids, place, "")

    def _place(self, key: int, after: bool) -> Place:
        """Return the place a drop on a row means."""
        if not is_heading(key):
            return moves.place_by_task(self.window.register, key, after)
        heading = self.window.view.outline.headings[key]
        if heading.kind == KIND_GROUP:
            return Place(heading.section_id, heading.id, start=True)
        return Place(heading.id, None, start=True)

    def _push(self, plan_id: int, ids: list[int], place: Place, text: str) -> None:
        """Push the move as one undo step, the moved rows selected afterwards."""
        self.window.undo_stack.push(MoveTasksCommand(
            self.window, plan_id, ids, place, text, self.window.table.select_keys))
