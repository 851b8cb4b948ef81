"""Ghi tiến độ as one undo step: the form saves (so a refusal keeps it open with the message),
then the save is pushed on the window's undo stack; Ctrl+Z puts back exactly the period's
previous entry of the task, evidence files included, and Ctrl+Y puts the saved one back."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from cchc_desktop.plans.models import Task
from cchc_desktop.progress.form_start import PeriodEntry, restore_progress
from ui.progress.progress_panel import ProgressDialog
from ui.register.undo_commands import ServiceCommand, Views
from ui.widgets.dialogs import run_dialog


class RecordProgressCommand(ServiceCommand):
    """A progress entry already saved by the form; undo restores what the period held."""

    def __init__(self, views: Views, plan_id: int, before: PeriodEntry, text: str) -> None:
        super().__init__(views, text)
        self.plan_id, self.before = plan_id, before
        self.after: PeriodEntry | None = None  # None until undone: the form wrote it

    def apply(self) -> None:
        if self.after is not None:
            self.before = restore_progress(self.register, self.after)
        self.views.task_changed(self.plan_id, self.before.task_id, True)

    def revert(self) -> None:
        self.after = restore_progress(self.register, self.before)
        self.views.task_changed(self.plan_id, self.before.task_id, True)


def open_progress(views: Views, stack: QUndoStack, task: Task, period_code: str,
                  today: date, parent: QWidget | None = None) -> bool:
    """Run the progress form of a task; push its save on the undo stack (True when saved)."""
    dialog = ProgressDialog(views.register, task.id, period_code, today, parent)

    def saved(before: PeriodEntry) -> None:
        text = f"Ghi tiến độ nhiệm vụ {task.number}".rstrip()
        stack.push(RecordProgressCommand(views, task.plan_id, before, text))

    dialog.saved.connect(saved)
    return run_dialog(dialog)
