"""The main window: the plan's appendix as a table, a plan switcher, search, status counts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
)

from cchc_desktop import repository, services
from cchc_desktop.db import Register, open_register
from cchc_desktop.errors import CchcError
from cchc_desktop.queries import KIND_TASK, appendix_rows, search_task_ids
from ui.task_table_model import COL_CONTENT, COL_NUMBER, HEADERS, TaskTableModel

_COLUMN_WIDTHS = (56, 420, 240, 150, 170, 150, 90)


class MainWindow(QMainWindow):
    """The register window."""

    def __init__(self, register: Register) -> None:
        super().__init__()
        self.register = register
        self.plan_id: int | None = None
        self.model = TaskTableModel()
        self.table = QTableView()
        self.plan_box = QComboBox()
        self.search_box = QLineEdit()
        self.counts_label = QLabel()
        self._build()
        self.reload_plans()

    # Building --------------------------------------------------------------------------------

    def _build(self) -> None:
        """Create the widgets, menus and toolbar."""
        self.resize(1280, 760)
        self.table.setModel(self.model)
        self.table.setObjectName("taskTable")
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.setCentralWidget(self.table)
        self._build_toolbar()
        self._build_menus()
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_toolbar(self) -> None:
        """Add the plan switcher and the search box."""
        bar = QToolBar("Kế hoạch")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Kế hoạch: "))
        self.plan_box.setMinimumWidth(420)
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        bar.addWidget(self.plan_box)
        bar.addSeparator()
        self.search_box.setPlaceholderText("Tìm (không cần dấu): nội dung, đơn vị, thời gian…")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(320)
        self.search_box.textChanged.connect(self._search)
        bar.addWidget(self.search_box)
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        """Create the Tệp menu."""
        menu = self.menuBar().addMenu("&Tệp")
        open_action = QAction("&Mở sổ…", self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._open_register)
        menu.addAction(open_action)
        menu.addSeparator()
        quit_action = QAction("&Thoát", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)
        find = QAction("Tìm", self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.search_box.setFocus)
        self.addAction(find)

    # Data ------------------------------------------------------------------------------------

    def reload_plans(self) -> None:
        """Fill the plan switcher and show the most recent plan."""
        plans = repository.list_plans(self.register.db)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in plans:
            label = f"{plan.number} — {plan.title}" if plan.number else plan.title
            self.plan_box.addItem(label, plan.id)
        self.plan_box.blockSignals(False)
        self.show_plan(plans[0].id if plans else None)
        self._update_title()

    def show_plan(self, plan_id: int | None) -> None:
        """Show a plan's appendix in the table."""
        self.plan_id = plan_id
        rows = appendix_rows(self.register, plan_id) if plan_id is not None else []
        self.model.set_rows(rows)
        self._apply_spans()
        self._search(self.search_box.text())

    def _apply_spans(self) -> None:
        """Let section and group titles run across the row, as in the printed appendix."""
        self.table.clearSpans()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).kind != KIND_TASK:
                self.table.setSpan(row, COL_CONTENT, 1, len(HEADERS) - COL_CONTENT)

    def _plan_chosen(self, index: int) -> None:
        """Switch to the plan picked in the switcher."""
        plan_id = self.plan_box.itemData(index)
        if plan_id is not None:
            services.touch_plan(self.register, plan_id)
            self.show_plan(plan_id)

    def _search(self, text: str) -> None:
        """Hide task rows that do not match the typed text; keep their headings."""
        matches = search_task_ids(self.register, self.plan_id, text) if (
            self.plan_id is not None and text.strip()) else None
        shown = 0
        for row in range(self.model.rowCount()):
            item = self.model.row_at(row)
            hide = matches is not None and item.kind == KIND_TASK and item.id not in matches
            self.table.setRowHidden(row, hide)
            shown += item.kind == KIND_TASK and not hide
        self.counts_label.setText(f"{shown} nhiệm vụ")

    def _update_title(self) -> None:
        """Show the register file in the window title."""
        self.setWindowTitle(f"CCHC Desktop — {self.register.path.name}")

    def _open_register(self) -> None:
        """Let the officer open another register file."""
        path, _ = QFileDialog.getOpenFileName(
            self, "Mở sổ đăng ký", str(self.register.path.parent), "Sổ CCHC (*.sqlite)")
        if not path:
            return
        try:
            register = open_register(path)
        except CchcError as error:
            QMessageBox.warning(self, "Không mở được sổ", str(error))
            return
        self.register.close()
        self.register = register
        self.reload_plans()

    def visible_task_count(self) -> int:
        """Return how many task rows are shown (not hidden by search)."""
        return sum(
            1 for row in range(self.model.rowCount())
            if self.model.row_at(row).kind == KIND_TASK and not self.table.isRowHidden(row)
        )


__all__ = ["MainWindow", "COL_NUMBER", "Qt"]
