"""What the main window offers its menu and command helpers (a base class none of them imports
the window through).

`ui.shell.main_window.MainWindow` implements it; the helpers (actions, file_actions,
plan_actions, ui.shell.task_actions) are typed against this, which keeps the import graph
free of circles.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QComboBox, QMainWindow

from cchc_desktop.plans.models import Plan
from cchc_desktop.register.connection import Register
from ui.register.appendix_view import AppendixView
from ui.register.filter_bar import FilterBar
from ui.register.table_view import AppendixTable
from ui.register.task_table_model import TaskTableModel
from ui.shell.ops import Ops


class RegisterWindow(QMainWindow):
    """The register window as its helpers see it (MainWindow fills every part in)."""

    register: Register
    settings: QSettings
    today: date
    plan_id: int | None
    plan: Plan | None
    ops: Ops
    undo_stack: QUndoStack
    view: AppendixView
    model: TaskTableModel
    table: AppendixTable
    filter_bar: FilterBar
    plan_box: QComboBox
    tasks: Any  # ui.shell.task_actions.TaskActions
    plans: Any  # ui.shell.plan_actions.PlanActions
    files: Any  # ui.shell.file_actions.FileActions
    shape: Any  # ui.shell.structure_actions.StructureActions
    actions_by_name: dict[str, QAction]

    def show_error(self, title: str, message: str) -> None:
        raise NotImplementedError

    def reload_plans(self, select: int | None = None) -> None:
        raise NotImplementedError

    def show_plan(self, plan_id: int | None) -> None:
        raise NotImplementedError

    def refresh_view(self, select: int | None = None) -> None:
        raise NotImplementedError

    def show_first_rows(self, keys: list[int], keep: int | None) -> None:
        """Show the first rows of a search while the whole view is computed."""
        raise NotImplementedError

    def load_states(self) -> None:
        raise NotImplementedError

    def unit_names(self) -> list[str]:
        raise NotImplementedError

    def switch_register(self, register: Register) -> None:
        raise NotImplementedError

    def task_changed(self, plan_id: int, task_id: int, schedule_changed: bool = True) -> None:
        raise NotImplementedError

    def structure_changed(self, plan_id: int, select: int | None) -> None:
        raise NotImplementedError

    def plan_changed(self, plan_id: int | None) -> None:
        raise NotImplementedError

    def units_changed(self) -> None:
        raise NotImplementedError

    def _sort_requested(self, column: int, descending: bool) -> None:
        raise NotImplementedError
