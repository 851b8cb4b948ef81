"""The register window: a plan's appendix as a table, filters and search, every edit undoable.

The window wires the pieces together: AppendixView decides which rows to show, TaskTableModel
and AppendixTable show them, undo commands change data through services and call back
task_changed/structure_changed/plan_changed/units_changed here, Ops shows errors and runs slow
work in a worker thread. Menus and shortcuts are declared in ui/actions.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QByteArray, QSettings, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from cchc_desktop.plans import records, services
from cchc_desktop.plans.models import Plan
from cchc_desktop.plans.queries import (
    KIND_SECTION,
    plan_units,
    task_rows,
    typing_query,
    unit_names,
)
from cchc_desktop.progress.figures import Figures, Filters
from cchc_desktop.register.connection import APP_NAME, Register
from ui.register.appendix_view import AppendixView
from ui.register.delegates import AppendixDelegate
from ui.register.filter_bar import FilterBar
from ui.register.status_source import compute_states, default_period, period_choices
from ui.register.table_view import AppendixTable
from ui.register.task_table_model import TaskStatus, TaskTableModel
from ui.shell.actions import build_actions
from ui.shell.file_actions import FileActions
from ui.shell.live_search import LiveSearch
from ui.shell.ops import Ops
from ui.shell.plan_actions import PlanActions
from ui.shell.structure_actions import StructureActions
from ui.shell.task_actions import TaskActions
from ui.shell.toolbar import install_habits
from ui.shell.window import RegisterWindow
from ui.widgets import file_dialogs
from ui.widgets.period import publish_period

STATES_DELAY_MS = 150  # let the first paint happen before the worker takes the GIL


class MainWindow(RegisterWindow):
    """The register window."""

    def __init__(self, register: Register, settings: QSettings | None = None,
                 today: date | None = None) -> None:
        super().__init__()
        self.register = register
        self.settings = settings or QSettings()
        file_dialogs.use_settings(self.settings)
        self.today = today or date.today()
        self.plan_id: int | None = None
        self.plan: Plan | None = None
        self.ops = Ops(self)
        self.undo_stack = QUndoStack(self)
        self.view = AppendixView(register)
        self.model = TaskTableModel(lambda ids: task_rows(self.register, ids))
        self.model.editor = self._inline_edit
        self.table = AppendixTable(self.model)
        self.delegate = AppendixDelegate(self.table, self.unit_names)
        self.table.setItemDelegate(self.delegate)
        self.filter_bar = FilterBar()
        self.plan_box = QComboBox()
        self.counts_label = QLabel()
        self.figures = Figures(0, 0)
        self.states_period = ""  # the period whose states the table shows ("" while computing)
        self.busy_label = QLabel()
        self._unit_names: list[str] | None = None
        self.live_search = LiveSearch(self)
        self._states_running = self._states_again = False
        self._states_timer = QTimer(self)
        self._states_timer.setSingleShot(True)
        self._states_timer.timeout.connect(self.load_states)
        self.tasks = TaskActions(self)
        self.files = FileActions(self)
        self.plans = PlanActions(self)
        self.shape = StructureActions(self)
        self._build()
        self.actions_by_name = build_actions(self)
        install_habits(self)
        self.reload_plans()

    # Building --------------------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """Start at 1320×800, or smaller on a 1366×768 screen, so the status bar stays in view."""
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen else None
        if room is None or room.width() <= 0:
            self.resize(1320, 800)
            return
        frame = 40  # title bar and borders the window manager adds
        self.resize(min(1320, room.width()), min(800, room.height() - frame))

    def _build(self) -> None:
        """Lay out toolbar, filter bar, table and status bar."""
        self._fit_screen()
        self.setCentralWidget(self.table)
        bar = QToolBar("Kế hoạch")
        bar.setObjectName("planBar")
        bar.setMovable(False)
        label = QLabel(" Kế &hoạch: ")
        label.setBuddy(self.plan_box)
        bar.addWidget(label)
        self.plan_box.setObjectName("planBox")
        self.plan_box.setMinimumWidth(520)
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        bar.addWidget(self.plan_box)
        for widget in self.filter_bar.period_widgets():
            bar.addWidget(widget)
        self.addToolBar(bar)
        self.addToolBarBreak()
        filters = QToolBar("Lọc và tìm")
        filters.setObjectName("filterBar")
        filters.setMovable(False)
        filters.addWidget(self.filter_bar)
        self.addToolBar(filters)
        self.filter_bar.changed.connect(self._filters_changed)
        self.filter_bar.period_changed.connect(self._period_changed)
        self.table.sort_requested.connect(self._sort_requested)
        self.statusBar().addWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.ops.busy_changed.connect(self._busy)
        self._tab_order()
        self.table.restore_state(self.settings)
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    def _tab_order(self) -> None:
        """Tab goes plan → period → search → each filter → table."""
        bar = self.filter_bar
        chain = [self.plan_box, bar.period, bar.search, bar.section, bar.unit, bar.role,
                 bar.status, bar.overdue, bar.clear_button, self.table]
        for first, second in zip(chain, chain[1:], strict=False):
            self.setTabOrder(first, second)

    # Plans -----------------------------------------------------------------------------------

    def reload_plans(self, select: int | None = None) -> None:
        """Fill the plan switcher and show a plan (the given one, else the most recent)."""
        plans = records.plans(self.register)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in plans:
            label = f"{plan.number} — {plan.title}" if plan.number else plan.title
            self.plan_box.addItem(label, plan.id)
        wanted = select if select is not None else (plans[0].id if plans else None)
        self.plan_box.setCurrentIndex(max(0, self.plan_box.findData(wanted)) if plans else -1)
        self.plan_box.blockSignals(False)
        self.show_plan(wanted if plans else None)

    def show_plan(self, plan_id: int | None) -> None:
        """Show a plan's appendix with the current filters."""
        self.plan_id = plan_id
        self.plan = records.plan(self.register, plan_id) if plan_id else None
        index = self.plan_box.findData(plan_id) if plan_id else -1
        if index >= 0 and index != self.plan_box.currentIndex():
            self.plan_box.blockSignals(True)
            self.plan_box.setCurrentIndex(index)
            self.plan_box.blockSignals(False)
        self.view.load(plan_id)
        self.view.set_states(None)
        self.model.set_states(None)
        self.states_period = ""
        self.filter_bar.set_states_ready(False)
        sections = [(row.id, f"{row.number}. {row.content}")
                    for row in self.view.outline.headings.values() if row.kind == KIND_SECTION]
        self.filter_bar.set_sections(sorted(sections, key=lambda s: self._section_order(s[0])))
        self.filter_bar.set_units(plan_units(self.register, plan_id) if plan_id else [])
        year = self.plan.year if self.plan else None
        self.filter_bar.set_periods(period_choices(year, self.today),
                                    default_period(year, self.today))
        publish_period(self, self.filter_bar.period_code())
        self.refresh_view()
        self._update_title()
        self.shape.sync_numbers()
        self._states_timer.start(STATES_DELAY_MS)

    def _section_order(self, section_id: int) -> int:
        """Return a section's position in the appendix."""
        return self.view.outline.section_spans.get(section_id, (0, 0))[0]

    def _plan_chosen(self, index: int) -> None:
        """Switch to the plan picked in the switcher."""
        plan_id = self.plan_box.itemData(index)
        if isinstance(plan_id, int) and plan_id != self.plan_id:
            self.ops.call(lambda: services.touch_plan(self.register, plan_id))
            self.show_plan(plan_id)

    def _update_title(self) -> None:
        """Show the register file and the plan in the window title."""
        plan = f"{self.plan.number or self.plan.title[:60]} — " if self.plan else ""
        # The program's name goes last, once: Qt adds the application display name to a
        # title that does not already end with it.
        self.setWindowTitle(f"{plan}{self.register.path.name} — {APP_NAME}")

    # The view --------------------------------------------------------------------------------

    def refresh_view(self, select: int | None = None) -> None:
        """Recompute the rows shown and the counts, keeping (or moving) the selection."""
        self.live_search.stop()
        keep = select if select is not None else self.table.current_key()
        column = max(self.table.currentIndex().column(), 1)
        keys = self.view.keys()
        heading_rows = self.view.heading_rows(keys)
        self.model.set_rows(keys, self.view.outline.headings, heading_rows)
        self.delegate.set_terms(self.view.search_terms)
        self.show_counts(self.view.counts(keys, len(heading_rows)))
        if keep is not None:
            self.table.select_key(keep, column)

    def show_first_rows(self, keys: list[int], keep: int | None) -> None:
        """Show the first rows of a search; the counts wait for the whole view."""
        column = max(self.table.currentIndex().column(), 1)
        self.model.set_rows(keys, self.view.outline.headings,
                            self.view.outline.heading_rows(keys))
        self.delegate.set_terms(self.view.search_terms)
        self.counts_label.setText("Đang tìm…")
        if keep is not None:
            self.table.select_key(keep, column)
        self.table.fit_visible_rows()

    def show_counts(self, counts: Figures) -> None:
        """Show the figures of the shown tasks in the status bar (the core's wording)."""
        self.figures = counts
        self.counts_label.setText(counts.text())

    def _filters_changed(self, filters: Filters) -> None:
        """Apply the filter bar's filters and search once pending keystrokes are in (typing
        faster than a search runs skips the searches nobody would see)."""
        typed_only = replace(filters, text=self.view.filters.text) == self.view.filters
        same_rows = typed_only and typing_query(filters.text) == typing_query(
            self.view.filters.text) and not self.searching
        self.view.filters = filters
        if same_rows:  # a space, or a last letter that waits for the next: nothing to redo
            return
        if typed_only:
            self.live_search.typed()
        else:
            self.refresh_view()

    @property
    def searching(self) -> bool:
        """Tell whether a change of filter or search text is still to be shown."""
        return self.live_search.pending

    def _sort_requested(self, column: int, descending: bool) -> None:
        """Sort flat by a column, or go back to the appendix order (column -1 or TT)."""
        from ui.register.task_table_model import COL_NUMBER

        names = ("number", "content", "result", "lead", "partner", "timeframe", "budget",
                 "status", "due", "progress", "notes")
        self.view.sort_column = None if column < 0 or (
            column == COL_NUMBER and not descending) else names[column]
        self.view.descending = descending
        self.refresh_view()
        self.table.show_sort(column if self.view.sort_column else -1, descending)

    # States (Trạng thái, Hạn, Tiến độ) ----------------------------------------------------------

    def load_states(self) -> None:
        """Compute the tasks' states in the chosen period in a worker thread (one job at a
        time: a request while one runs is served once it ends)."""
        plan_id, period = self.plan_id, self.filter_bar.period_code()
        if plan_id is None or not period or str(self.register.path) == ":memory:":
            return
        if self._states_running:
            self._states_again = True
            return
        self._states_running, self._states_again = True, False
        today = self.today
        self.ops.background(
            self.register.path, lambda reg: compute_states(reg, plan_id, period, today),
            lambda states: self._states_ready(plan_id, period, states), read_only=True,
            title="Không tính được trạng thái nhiệm vụ", after=self._states_ended)

    def _states_ended(self) -> None:
        """Start the states again if they were asked for while being computed."""
        self._states_running = False
        if self._states_again:
            self.load_states()

    def _states_ready(self, plan_id: int, period: str, states: dict[int, TaskStatus]) -> None:
        """Show the states computed for a plan (if it is still the one shown, in that period)."""
        if plan_id != self.plan_id or period != self.filter_bar.period_code():
            return
        self.states_period = period
        self.view.set_states(states)
        self.model.set_states(states)
        self.filter_bar.set_states_ready(True)
        if self.view.filters.status or self.view.filters.overdue or self.view.sort_column:
            self.refresh_view()
        else:
            self.show_counts(self.view.counts(self.model.row_keys(),
                                              len(self.model.heading_rows())))

    def _period_changed(self, code: str) -> None:
        """Another period was chosen: it becomes every window's period; compute the states."""
        publish_period(self, code)
        self.load_states()

    def _busy(self, busy: bool) -> None:
        """Say in the status bar that work is running."""
        self.busy_label.setText("Đang tính trạng thái, hạn và tiến độ…" if busy else "")

    # Called back by undo commands (undo_commands.Views) -----------------------------------------

    def show_error(self, title: str, message: str) -> None:
        """Show a Vietnamese error message."""
        self.ops.show_error(title, message)

    def task_changed(self, plan_id: int, task_id: int, schedule_changed: bool = True) -> None:
        """A task's columns changed: re-read it, re-apply search and filters, and compute
        the states again if its timeframe changed."""
        if plan_id != self.plan_id:
            self.show_plan(plan_id)
        self.view.data_changed()
        self.model.forget([task_id])
        self._unit_names = None
        if self.view.filters.active() or self.view.sort_column:
            self.refresh_view(select=task_id)
        if schedule_changed:
            self._states_timer.start(STATES_DELAY_MS)

    def structure_changed(self, plan_id: int, select: int | None) -> None:
        """Tasks were added, removed or moved: read the outline again."""
        if plan_id != self.plan_id:
            self.show_plan(plan_id)
        self.view.load(plan_id)
        self.model.forget_all()  # TT numbers may have been renumbered
        self.refresh_view(select=select)
        self.shape.sync_numbers()  # the numbering choice may have changed (or been undone)
        self._states_timer.start(STATES_DELAY_MS)

    def plan_changed(self, plan_id: int | None) -> None:
        """A plan was created, edited or removed: refresh the switcher and show it."""
        self.reload_plans(select=plan_id)

    def units_changed(self) -> None:
        """The units directory changed: refresh unit choices and unit filters."""
        self._unit_names = None
        if self.plan_id is not None:
            self.filter_bar.set_units(plan_units(self.register, self.plan_id))
        self.view.filters = self.filter_bar.filters()
        self.refresh_view()

    # Editing ---------------------------------------------------------------------------------

    def unit_names(self) -> list[str]:
        """Return the names offered by unit autocomplete (read once per change)."""
        if self._unit_names is None:
            self._unit_names = unit_names(self.register)
        return self._unit_names

    def _inline_edit(self, task_id: int, field: str, value: object) -> bool:
        """Turn an edit typed in a cell into an undoable command (a heading row: rename)."""
        if task_id < 0:
            return bool(self.shape.edit_heading(task_id, field, str(value)))
        return bool(self.tasks.edit_field(task_id, field, str(value)))

    def switch_register(self, register: Register) -> None:
        """Work on another register: close the old one, forget undo history, show its plans."""
        self.ops.wait()
        old = self.register
        self.register = register
        self.view = AppendixView(register)
        self.undo_stack.clear()
        self._unit_names = None
        self.reload_plans()
        if old is not register:
            old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember columns and geometry, and let running work finish."""
        self.table.save_state(self.settings)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.ops.wait()
        super().closeEvent(event)

