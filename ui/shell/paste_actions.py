"""Ctrl+V in the register window: rows copied from Excel become tasks after the current row,
once the officer has seen what will be added (the tasks, and the units new to the directory);
numbered like inserted tasks and added as one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from cchc_desktop.plans import structure
from cchc_desktop.plans.paste import PastedTasks, new_unit_names, read_pasted_tasks
from ui.register.paste_command import PasteTasksCommand

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

SHOWN = 8


def preview(w: RegisterWindow, plan_id: int, pasted: PastedTasks) -> str:
    """Return the question asked before pasting: the tasks, new units, warnings."""
    keep = structure.keeps_numbers(w.register, plan_id)
    drafts = pasted.drafts
    lines = [f"– {d.number + ' ' if keep and d.number else ''}{d.content[:80]}"
             for d in drafts[:SHOWN]]
    more = f"\n… và {len(drafts) - SHOWN} nhiệm vụ khác" if len(drafts) > SHOWN else ""
    numbers = ("Số TT giữ như đã chép (ô trống: số tiếp theo)." if keep else
               "Số TT được đánh lại theo thứ tự trong kế hoạch.")
    units = new_unit_names(w.register, drafts)
    new = ("\n\nĐơn vị mới sẽ được thêm vào danh mục: " + "; ".join(units) + ".") if units else ""
    notes = ("\n\nLưu ý:\n" + "\n".join(pasted.warnings)) if pasted.warnings else ""
    return (f"Thêm {len(drafts)} nhiệm vụ sau dòng đang chọn?\n\n" + "\n".join(lines) + more
            + "\n\n" + numbers + new + notes)


def paste_tasks(w: RegisterWindow, text: str | None = None) -> int:
    """Ctrl+V: add the rows copied from Excel as tasks after the current row, once the
    officer has seen what will be added; all of them are one undo step, the new rows
    selected. Return the count."""
    plan_id = w.tasks._plan_id()
    if plan_id is None:
        return 0
    pasted = read_pasted_tasks(QGuiApplication.clipboard().text() if text is None else text)
    if not pasted.drafts:
        w.show_error("Dán nhiệm vụ", "\n".join(pasted.warnings) or "Không có nhiệm vụ để dán.")
        return 0
    if not w.ops.confirm("Dán nhiệm vụ từ Excel", preview(w, plan_id, pasted)):
        return 0
    section_id, group_id, after = w.tasks._placement()
    command = PasteTasksCommand(w, plan_id, pasted.drafts, section_id, group_id, after)
    w.tasks.push_shape(command)
    w.table.select_keys(command.task_ids)
    return len(command.task_ids)
