"""Nhận báo cáo của đơn vị: the dialog and its preview of returned reports.

The preview is a thin table model over ReturnsPreview.changes (set_preview, named columns,
formatting in data()): one row per changed task, old → new, conflicts and the choice, edited
with a drop-down of the change's options. ExchangeDialog is the base of the exchange dialogs
(ui/exchange_dialog.py): register, plan, today, ops and the period drop-down.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.exchange.consolidate import (
    ReturnsPreview,
    TaskChange,
    apply_preview,
    build_preview,
)
from cchc_desktop.exchange.consolidate_status import return_status
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.choices import period_choices
from ui.shell.ops import Ops
from ui.widgets import file_dialogs
from ui.widgets.period import start_on_window_period

COL_NUMBER, COL_CONTENT, COL_OLD, COL_NEW, COL_UNITS, COL_CONFLICT, COL_CHOICE = range(7)
HEADERS = ("TT", "Nội dung nhiệm vụ", "Trong sổ (trước)", "Đơn vị báo cáo (sau)", "Đơn vị",
           "Xung đột", "Lựa chọn")
CONFLICT_BRUSH = QBrush(QColor("#fde2e1"))
ModelIndex = QModelIndex | QPersistentModelIndex
RETURN_FILTER = "Bảng tính (*.xlsx *.xlsm *.xls *.ods)"
COLUMN_WIDTHS = {COL_NUMBER: 50, COL_CONTENT: 300, COL_UNITS: 150, COL_CONFLICT: 150,
                 COL_CHOICE: 170}


class ReturnsPreviewModel(QAbstractTableModel):
    """Rows of a ReturnsPreview's changes."""

    def __init__(self) -> None:
        super().__init__()
        self.preview: ReturnsPreview | None = None
        self.changes: list[TaskChange] = []

    def set_preview(self, preview: ReturnsPreview | None) -> None:
        """Show a preview's changes (None: nothing)."""
        self.beginResetModel()
        self.preview = preview
        self.changes = list(preview.changes) if preview else []
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of changed tasks."""
        return 0 if parent.isValid() else len(self.changes)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Return the number of columns."""
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def change_at(self, row: int) -> TaskChange:
        """Return the change shown on a row."""
        return self.changes[row]

    def _text(self, change: TaskChange, column: int) -> str:
        """Return a cell's text."""
        if column == COL_NUMBER:
            return change.number
        if column == COL_CONTENT:
            return change.content
        if column == COL_OLD:
            return change.old.reported.describe() if change.old else "(chưa có)"
        if column == COL_NEW:
            return change.new.describe() if change.new else "(giữ nguyên như trong sổ)"
        if column == COL_UNITS:
            return "; ".join(o.label for o in change.options if o.reported is not None)
        if column == COL_CONFLICT:
            return change.conflict_text()
        return change.chosen.label

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return text, tooltips, the choice for editing and the conflict colour."""
        if not index.isValid():
            return None
        change = self.changes[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(change, index.column())
        if role == Qt.ItemDataRole.EditRole and index.column() == COL_CHOICE:
            return change.choice
        if role == Qt.ItemDataRole.BackgroundRole and change.conflicts:
            return CONFLICT_BRUSH
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Let the choice of a change with options be edited."""
        base = super().flags(index)
        if index.isValid() and index.column() == COL_CHOICE and \
                len(self.changes[index.row()].options) > 1:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: ModelIndex, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Pick an option for a change."""
        if not index.isValid() or index.column() != COL_CHOICE or self.preview is None:
            return False
        change = self.changes[index.row()]
        try:
            self.preview.choose(change.task_id, int(value))
        except (IndexError, ValueError):
            return False
        first, last = self.index(index.row(), 0), self.index(index.row(), len(HEADERS) - 1)
        self.dataChanged.emit(first, last)
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """Edits the Lựa chọn column with a drop-down of the change's options."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: ModelIndex) -> QWidget:
        """Return a combo box listing the options."""
        model = index.model()
        assert isinstance(model, ReturnsPreviewModel)
        combo = QComboBox(parent)
        for choice in model.change_at(index.row()).options:
            combo.addItem(choice.label)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        """Select the current choice."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(int(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:  # noqa: N802
        """Store the picked option."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentIndex(), Qt.ItemDataRole.EditRole)


def path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    """Lay out a path field with its browse button."""
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class ExchangeDialog(QDialog):
    """Shared parts: the register, the plan, today, ops and a period drop-down."""

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None,
                 today: date | None, title: str) -> None:
        super().__init__(parent)
        self.register, self.plan_id = register, plan_id
        self.today = today or date.today()
        self.ops = Ops(self)
        self.period_box = QComboBox()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWindowTitle(title)
        self._fill_periods()

    def _fill_periods(self) -> None:
        """List the plan year's periods, selecting the current one."""
        choices, default = self.ops.call(
            lambda: period_choices(self.register, self.plan_id, self.today)) or ([], "")
        for choice in choices:
            self.period_box.addItem(choice.label, choice.code)
        self.period_box.setCurrentIndex(max(self.period_box.findData(default), 0))
        start_on_window_period(self.period_box, self.parentWidget())

    def period_code(self) -> str:
        """Return the chosen period's code ("2021-H1")."""
        return str(self.period_box.currentData() or "")

    def closeEvent(self, event: object) -> None:  # noqa: N802
        """Let running work finish before the dialog goes."""
        self.ops.wait()
        super().closeEvent(event)  # type: ignore[arg-type]


class ReturnsDialog(ExchangeDialog):
    """Nhận báo cáo của đơn vị: read returned files, preview old → new, choose, apply."""

    preview_ready = Signal()
    applied = Signal(int)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None, *,
                 today: date | None = None, officer: str = "") -> None:
        super().__init__(register, plan_id, parent, today, "Nhận báo cáo của đơn vị")
        self.officer = officer
        self.paths: list[Path] = []
        self.preview: ReturnsPreview | None = None
        self.files_list = QListWidget()
        self.problems_list = QListWidget()
        self.model = ReturnsPreviewModel()
        self.table = QTableView()
        self.apply_button = QPushButton("Á&p dụng")
        self.summary = QLabel()
        self._build()
        self.period_box.currentIndexChanged.connect(lambda _: self.refresh())
        self._show_status()

    def _build(self) -> None:
        """Lay out the pickers, the lists, the preview table and the buttons."""
        pick_files, pick_folder = QPushButton("Chọn &tệp…"), QPushButton("Chọn thư &mục…")
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        top = QHBoxLayout()
        period = QLabel("&Kỳ báo cáo:")
        period.setBuddy(self.period_box)
        for widget in (period, self.period_box, pick_files, pick_folder):
            top.addWidget(widget)
        top.addStretch(1)
        split = self._build_views()
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(1100, 700)

    def _build_views(self) -> QSplitter:
        """Set up the file and problem lists and the preview table."""
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COL_CHOICE, ChoiceDelegate(self.table))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(column, width)
        for column in (COL_OLD, COL_NEW):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.files_list.setWordWrap(True)
        self.problems_list.setWordWrap(True)
        lists = QSplitter(Qt.Orientation.Horizontal)
        lists.addWidget(self.files_list)
        lists.addWidget(self.problems_list)
        lists.setSizes([300, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(lists)
        split.addWidget(self.table)
        split.setSizes([160, 420])
        return split

    def _pick_files(self) -> None:
        """Choose returned files."""
        paths, _ = file_dialogs.get_open_file_names(self, "Chọn tệp báo cáo của đơn vị",
                                                str(Path.home()), RETURN_FILTER)
        if paths:
            self.add_paths([Path(p) for p in paths])

    def _pick_folder(self) -> None:
        """Choose a folder of returned files."""
        folder = file_dialogs.get_existing_directory(self, "Thư mục chứa báo cáo của đơn vị",
                                                  str(Path.home()))
        if folder:
            self.add_paths([Path(folder)])

    def add_paths(self, paths: list[Path]) -> None:
        """Add files or folders and read everything again."""
        self.paths += [p for p in paths if p not in self.paths]
        self.refresh()

    def refresh(self) -> None:
        """Read the files in the background and show the preview."""
        if not self.paths:
            return
        self.apply_button.setEnabled(False)
        self.status.setText("Đang đọc các tệp…")
        paths, plan_id, period, today = list(self.paths), self.plan_id, self.period_code(), \
            self.today
        self.ops.background(self.register.path, lambda register: build_preview(
            register, plan_id, period, paths, today), self._show, "Không đọc được các tệp",
            read_only=True)

    def _show(self, preview: ReturnsPreview) -> None:
        """Fill the lists and the table from a preview."""
        self.preview = preview
        self.files_list.clear()
        for item in preview.files:
            state = "bị từ chối" if item.rejected else f"{item.unit_name}, {len(item.rows)} dòng"
            self.files_list.addItem(f"{item.file_name} — {state}")
        self.problems_list.clear()
        for problem in preview.problems:
            mark = "Lỗi" if problem.severity == "error" else "Lưu ý"
            self.problems_list.addItem(f"{mark}: {problem}")
            self.problems_list.item(self.problems_list.count() - 1).setToolTip(str(problem))
        self.model.set_preview(preview)
        self.table.resizeRowsToContents()
        conflicts = len(preview.conflicts)
        self.status.setText(
            f"{len(preview.changes)} nhiệm vụ thay đổi ({conflicts} xung đột cần chọn), "
            f"{preview.unchanged} dòng không đổi, {len(preview.problems)} vấn đề.")
        self.apply_button.setEnabled(bool(preview.accepted))
        self._show_status()
        self.preview_ready.emit()

    def _show_status(self) -> None:
        """Show which units have returned for the period and which are missing."""
        pending = self.preview.files if self.preview else None
        status = self.ops.call(lambda: return_status(self.register, self.plan_id,
                                                     self.period_code(), pending))
        self.summary.setText(status.summary() if status else "")

    def apply(self) -> None:
        """Write the chosen values in one transaction and log the files."""
        preview = self.preview
        if preview is None:
            return
        result = self.ops.call(lambda: _backed_up_apply(self.register, preview, self.officer),
                               "Không ghi được báo cáo")
        if result is None:
            return
        self.status.setText(f"Đã ghi {result.applied} thay đổi từ {result.files} tệp "
                            f"({result.kept} nhiệm vụ giữ nguyên như trong sổ).")
        self.apply_button.setEnabled(False)
        self.preview = None
        self.model.set_preview(None)
        self._show_status()
        self.applied.emit(result.applied)


def _backed_up_apply(register: Register, preview: Any, officer: str) -> Any:
    """Snapshot the register, then write the consolidation in one transaction."""
    from cchc_desktop.register import backup

    backup.snapshot(register, backup.REASON_CONSOLIDATE)
    return apply_preview(register, preview, officer)
