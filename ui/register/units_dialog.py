"""The units directory: add, rename, merge units, edit aliases and kind, and review the units
an import flagged "chưa xác nhận". Every change is an undoable command on the window's stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import records
from cchc_desktop.plans.models import UNIT_KINDS, Unit
from cchc_desktop.plans.units import guess_kind, unit_task_counts
from cchc_desktop.register.connection import Register
from cchc_desktop.text.collation import vi_sort_key
from cchc_desktop.text.folding import fold
from ui.register.undo_commands import AddUnitCommand, MergeUnitsCommand, SaveUnitCommand, Views
from ui.register.unit_commands import DeleteUnitCommand, SplitUnitCommand
from ui.register.units_model import UnitRow, UnitsModel
from ui.widgets.buttons import save_cancel_buttons

Chooser = Callable[[list[Unit]], int | None]


class UnitForm(QDialog):
    """Add or edit one unit: name, short name, kind, other names, confirmed."""

    def __init__(self, unit: Unit, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.original = unit
        self.name = QLineEdit(unit.name)
        self.short_name = QLineEdit(unit.short_name)
        self.kind = QComboBox()
        for code, label in UNIT_KINDS.items():
            self.kind.addItem(label, code)
        self.kind.setCurrentIndex(max(0, list(UNIT_KINDS).index(unit.kind)
                                      if unit.kind in UNIT_KINDS else 0))
        self.aliases = QPlainTextEdit("\n".join(unit.aliases))
        self.aliases.setPlaceholderText("Mỗi dòng một cách viết khác (ví dụ VP, Văn phòng Sở)")
        self.aliases.setTabChangesFocus(True)
        self.aliases.setFixedHeight(self.aliases.fontMetrics().lineSpacing() * 4 + 12)
        self.confirmed = QCheckBox("Đã xác nhận (tên đúng trong danh mục)")
        self.confirmed.setChecked(unit.confirmed)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b3261e;")
        form = QFormLayout()
        form.addRow("&Tên đơn vị (*):", self.name)
        form.addRow("Tên &viết tắt:", self.short_name)
        form.addRow("L&oại:", self.kind)
        form.addRow("Tên &khác:", self.aliases)
        form.addRow("", self.confirmed)
        buttons = save_cancel_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def unit(self) -> Unit:
        """Return the edited unit, or raise ValidationError."""
        name = " ".join(self.name.text().split())
        if not name:
            raise ValidationError("Tên đơn vị không được để trống.")
        aliases = [a.strip() for a in self.aliases.toPlainText().splitlines() if a.strip()]
        return replace(self.original, name=name, short_name=self.short_name.text().strip(),
                       kind=str(self.kind.currentData()), aliases=aliases,
                       confirmed=self.confirmed.isChecked())

    def accept(self) -> None:
        """Close only with a name."""
        try:
            self.unit()
        except ValidationError as error:
            self.error.setText(str(error))
            return
        super().accept()


class UnitsDialog(QDialog):
    """The units directory with search, the "chưa xác nhận" filter and its actions."""

    def __init__(self, views: Views, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.views, self.stack = views, stack
        self.setWindowTitle("Danh mục đơn vị")
        self.resize(980, 600)
        self.model = UnitsModel()
        self.table = QTableView()
        self.search = QLineEdit()
        self.unconfirmed_only = QCheckBox("Chỉ đơn vị &chưa xác nhận")
        self.summary = QLabel()
        self.choose_keep: Chooser = self._ask_keep
        self.edit_unit: Callable[[Unit, str], Unit | None] = self._ask_unit
        self.ask_split: Callable[[Unit], tuple[str, str] | None] = self._ask_split
        self._build()
        self.refresh()
        # Undo and redo show at once (a bound method: the link goes with the dialog).
        self.stack.indexChanged.connect(self._stack_moved)

    @property
    def register(self) -> Register:
        """Return the window's register."""
        return self.views.register

    def _build(self) -> None:
        """Lay out the search line, the table and the buttons."""
        self.search.setPlaceholderText("Tìm đơn vị (không cần dấu)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda *_: self.refresh())
        self.unconfirmed_only.toggled.connect(lambda *_: self.refresh())
        top = QHBoxLayout()
        top.addWidget(QLabel("Tì&m:"))
        top.itemAt(0).widget().setBuddy(self.search)  # type: ignore[union-attr]
        top.addWidget(self.search, 1)
        top.addWidget(self.unconfirmed_only)
        self._build_table()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addLayout(self._build_buttons())
        self.setTabOrder(self.search, self.unconfirmed_only)
        self.setTabOrder(self.unconfirmed_only, self.table)

    def _build_table(self) -> None:
        """Set up the units table."""
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((260, 100, 120, 220, 90, 120)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda *_: self.edit_selected())

    def _build_buttons(self) -> QHBoxLayout:
        """Return the row of buttons; each command also has shortcuts (and undo/redo)."""
        buttons = QHBoxLayout()
        for text, keys, slot in self._commands():
            button = QPushButton(text)
            button.clicked.connect(slot)
            button.setAutoDefault(False)
            buttons.addWidget(button)
            action = QAction(text.replace("&", ""), self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(slot)
            self.addAction(action)
            button.setToolTip(f"{text.replace('&', '')} ({', '.join(keys)})")
        buttons.addStretch(1)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        close.setAutoDefault(False)
        buttons.addWidget(close)
        undo = self.stack.createUndoAction(self, "Hoàn tác")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.stack.createRedoAction(self, "Làm lại")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.addActions([undo, redo])
        return buttons

    def _commands(self) -> list[tuple[str, list[str], Callable[[], object]]]:
        """Return (button text, shortcuts, slot) of the directory's commands."""
        return [
            ("&Thêm…", ["Ins", "Ctrl+N"], self.add),
            ("&Sửa…", ["F2", "Return"], self.edit_selected),
            ("&Gộp…", ["Ctrl+G"], self.merge_selected),
            ("&Xác nhận", ["Ctrl+K"], self.confirm_selected),
            ("Tác&h…", ["Ctrl+T"], self.split_selected),
            ("Xó&a", ["Del"], self.delete_selected),
        ]

    # Reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the directory and show the units that pass the search and filter."""
        selected = self.selected_ids()
        counts = unit_task_counts(self.register)
        units = sorted(records.units(self.register), key=lambda u: vi_sort_key(u.name))
        wanted = fold(self.search.text())
        rows = [UnitRow(u, counts.get(u.id, 0)) for u in units
                if (not wanted or wanted in fold(" ".join([u.name, u.short_name, *u.aliases])))
                and not (self.unconfirmed_only.isChecked() and u.confirmed)]
        self.model.set_rows(rows)
        unconfirmed = sum(1 for u in units if not u.confirmed)
        self.summary.setText(f"{len(units)} đơn vị, {unconfirmed} chưa xác nhận; "
                             f"đang hiện {len(rows)}.")
        for unit_id in selected:
            row = self.model.row_of(unit_id)
            if row >= 0:
                self.table.selectRow(row)

    def _stack_moved(self, _index: int) -> None:
        """Show the directory as an undo or redo left it."""
        self.refresh()

    def selected_ids(self) -> list[int]:
        """Return the ids of the selected units."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).unit.id for r in rows]

    def select(self, unit_ids: list[int]) -> None:
        """Select units by id (tests and after an edit)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for unit_id in unit_ids:
            row = self.model.row_of(unit_id)
            if row >= 0:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    # Commands --------------------------------------------------------------------------------

    def add(self) -> None:
        """Add a unit."""
        typed = self.search.text().strip()
        unit = self.edit_unit(Unit(id=0, name=typed, kind=guess_kind(typed)), "Thêm đơn vị")
        if unit is not None:
            self.stack.push(AddUnitCommand(self.views, unit))
            self.refresh()

    def edit_selected(self) -> None:
        """Edit (rename, aliases, kind) the selected unit."""
        ids = self.selected_ids()
        if not ids:
            return
        unit = self.edit_unit(records.unit(self.register, ids[0]), "Sửa đơn vị")
        if unit is not None:
            self.stack.push(SaveUnitCommand(self.views, unit, f"Sửa đơn vị “{unit.name}”"))
            self.refresh()

    def confirm_selected(self) -> None:
        """Mark the selected units "đã xác nhận"."""
        units = [records.unit(self.register, i) for i in self.selected_ids()]
        pending = [u for u in units if not u.confirmed]
        if not pending:
            return
        self.stack.beginMacro(f"Xác nhận {len(pending)} đơn vị")
        for unit in pending:
            self.stack.push(SaveUnitCommand(self.views, replace(unit, confirmed=True)))
        self.stack.endMacro()
        self.refresh()

    def merge_selected(self) -> None:
        """Merge the selected units into the one the officer keeps."""
        units = [records.unit(self.register, i) for i in self.selected_ids()]
        if len(units) < 2:
            self.views.show_error("Gộp đơn vị", "Hãy chọn ít nhất hai đơn vị để gộp "
                                  "(giữ Ctrl hoặc Shift khi chọn).")
            return
        keep = self.choose_keep(units)
        if keep is None:
            return
        others = [u.id for u in units if u.id != keep]
        name = next(u.name for u in units if u.id == keep)
        self.stack.push(MergeUnitsCommand(self.views, keep, others,
                                          f"Gộp {len(others)} đơn vị vào “{name}”"))
        self.refresh()
        self.select([keep])

    def delete_selected(self) -> None:
        """Delete the selected unit (refused, with the tasks, while tasks name it)."""
        ids = self.selected_ids()
        if ids:
            unit = records.unit(self.register, ids[0])
            self.stack.push(DeleteUnitCommand(self.views, unit.id, unit.name))

    def split_selected(self) -> None:
        """Split the selected unit into two (both named by its tasks)."""
        ids = self.selected_ids()
        if not ids:
            return
        unit = records.unit(self.register, ids[0])
        names = self.ask_split(unit)
        if names is not None:
            self.stack.push(SplitUnitCommand(self.views, unit.id, *names))

    def _ask_split(self, unit: Unit) -> tuple[str, str] | None:
        """Ask the names of the two units a unit becomes."""
        first, ok = QInputDialog.getText(self, "Tách đơn vị", "Tên đơn vị thứ nhất (giữ các "
                                         "nhiệm vụ đang có; tên viết tắt và tên khác của đơn "
                                         "vị cũ bỏ đi, đặt lại bằng Sửa…):", text=unit.name)
        if not ok:
            return None
        second, ok = QInputDialog.getText(self, "Tách đơn vị", "Tên đơn vị thứ hai (cũng được "
                                          "ghi vào mọi nhiệm vụ của đơn vị này):")
        return (first, second) if ok else None

    def _ask_keep(self, units: list[Unit]) -> int | None:
        """Ask which of the units to keep (the others become its other names)."""
        counts = unit_task_counts(self.register)
        units = sorted(units, key=lambda u: (not u.confirmed, -counts.get(u.id, 0)))
        labels = [f"{u.name} ({counts.get(u.id, 0)} nhiệm vụ)" for u in units]
        label, ok = QInputDialog.getItem(
            self, "Gộp đơn vị", "Giữ lại đơn vị (các tên còn lại thành tên khác của đơn vị này;\n"
            "mọi nhiệm vụ trỏ về đơn vị được giữ):", labels, 0, False)
        return units[labels.index(label)].id if ok and label in labels else None

    def _ask_unit(self, unit: Unit, title: str) -> Unit | None:
        """Open the unit form; return the edited unit or None."""
        form = UnitForm(unit, title, self)
        return form.unit() if form.exec() == QDialog.DialogCode.Accepted else None

    def keyPressEvent(self, event: object) -> None:  # noqa: N802
        """Keep Enter for "Sửa" instead of closing the dialog."""
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]
