"""Excel exchange with units: "Xuất Excel", "Tạo biểu mẫu cho đơn vị", "Nhận báo cáo của đơn vị".

Each dialog takes (register, plan_id, parent=None); the work is done by the core
(cchc_desktop.excel.export / templates / consolidate) through ui.ops: files are written and
read in a worker thread with its own connection, the returns are applied on the GUI thread in
one transaction. No SQL here.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.db import Register
from cchc_desktop.excel.consolidate import ReturnsPreview, apply_preview, build_preview
from cchc_desktop.excel.consolidate_status import return_status
from cchc_desktop.excel.export import ExportOptions, export_workbook, unit_task_ids
from cchc_desktop.excel.templates import PlanUnit, TemplateFile, plan_units, write_templates
from cchc_desktop.reports.choices import period_choices
from ui.ops import Ops
from ui.returns_preview import (
    COL_CHOICE,
    COL_CONFLICT,
    COL_CONTENT,
    COL_NEW,
    COL_NUMBER,
    COL_OLD,
    COL_UNITS,
    ChoiceDelegate,
    ReturnsPreviewModel,
)

XLSX_FILTER = "Bảng tính Excel (*.xlsx)"
RETURN_FILTER = "Bảng tính (*.xlsx *.xlsm *.xls *.ods)"
COLUMN_WIDTHS = {COL_NUMBER: 50, COL_CONTENT: 300, COL_UNITS: 150, COL_CONFLICT: 150,
                 COL_CHOICE: 170}


def _path_row(edit: QLineEdit, button: QPushButton) -> QHBoxLayout:
    """Lay out a path field with its browse button."""
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return row


class _ExchangeDialog(QDialog):
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

    def period_code(self) -> str:
        """Return the chosen period's code ("2021-H1")."""
        return str(self.period_box.currentData() or "")

    def closeEvent(self, event: object) -> None:  # noqa: N802
        """Let running work finish before the dialog goes."""
        self.ops.wait()
        super().closeEvent(event)  # type: ignore[arg-type]


class ExportDialog(_ExchangeDialog):
    """Xuất Excel: the appendix (whole plan, filtered tasks or one unit's) and a progress sheet."""

    exported = Signal(Path)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None, *,
                 task_ids: Collection[int] | None = None, today: date | None = None) -> None:
        super().__init__(register, plan_id, parent, today, "Xuất Excel")
        self.task_ids = task_ids
        self.unit_names: dict[int, str] = {}
        self.path_edit = QLineEdit(str(Path.home() / "phu-luc-ke-hoach.xlsx"))
        self.scope_box = QComboBox()
        self.progress_check = QCheckBox("Thêm trang tiến độ của kỳ")
        self.progress_check.setChecked(True)
        self.export_button = QPushButton("Xuất")
        self._build()

    def _build(self) -> None:
        """Lay out the form."""
        browse = QPushButton("Chọn…")
        browse.clicked.connect(self._browse)
        self.scope_box.addItem("Toàn bộ kế hoạch", None)
        if self.task_ids is not None:
            self.scope_box.addItem(f"Các nhiệm vụ đang lọc ({len(self.task_ids)})", "filter")
        for unit in self.ops.call(lambda: plan_units(self.register, self.plan_id)) or []:
            self.scope_box.addItem(f"Nhiệm vụ của {unit.name} ({unit.tasks})", unit.id)
            self.unit_names[unit.id] = unit.name
        self.progress_check.toggled.connect(self.period_box.setEnabled)
        form = QFormLayout()
        form.addRow("Lưu vào tệp:", _path_row(self.path_edit, browse))
        form.addRow("Phạm vi:", self.scope_box)
        form.addRow(self.progress_check, self.period_box)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.export_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(620, 220)

    def _browse(self) -> None:
        """Pick the file to write."""
        path, _ = QFileDialog.getSaveFileName(self, "Xuất Excel", self.path_edit.text(),
                                              XLSX_FILTER)
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def options(self) -> ExportOptions:
        """Return what the form asks for."""
        options = ExportOptions(self.plan_id, today=self.today,
                                progress=self.progress_check.isChecked(),
                                period_code=self.period_code() or None)
        scope = self.scope_box.currentData()
        if scope == "filter":
            options.task_ids = list(self.task_ids or [])
        elif scope is not None:
            options.task_ids = unit_task_ids(self.register, self.plan_id, int(scope))
            name = self.unit_names[int(scope)]
            options.subtitle = f"(Nhiệm vụ do {name} chủ trì hoặc phối hợp)"
        return options

    def export(self) -> None:
        """Write the workbook in the background, then say where it is."""
        target = Path(self.path_edit.text().strip() or "phu-luc.xlsx")
        options = self.options()
        self.export_button.setEnabled(False)
        self.status.setText("Đang xuất…")
        self.ops.background(self.register.path,
                            lambda register: export_workbook(register, target, options),
                            self._done, "Không xuất được tệp Excel", read_only=True)

    def _done(self, path: Path) -> None:
        """Show the written file."""
        self.export_button.setEnabled(True)
        self.status.setText(f"Đã xuất: {path}")
        self.exported.emit(path)


class TemplatesDialog(_ExchangeDialog):
    """Tạo biểu mẫu cho đơn vị: one return template per chosen unit, written into a folder."""

    written = Signal(list)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(register, plan_id, parent, today, "Tạo biểu mẫu cho đơn vị")
        self.units_list = QListWidget()
        self.folder_edit = QLineEdit(str(Path.home() / "bieu-mau-cchc"))
        self.write_button = QPushButton("Tạo biểu mẫu")
        self.files: list[TemplateFile] = []
        self._build()

    def _build(self) -> None:
        """Lay out the unit list, the folder and the buttons."""
        for unit in self.ops.call(lambda: plan_units(self.register, self.plan_id)) or []:
            self._add_unit(unit)
        pick_all, pick_none = QPushButton("Chọn tất cả"), QPushButton("Bỏ chọn")
        pick_all.clicked.connect(lambda: self.set_all(True))
        pick_none.clicked.connect(lambda: self.set_all(False))
        browse = QPushButton("Chọn thư mục…")
        browse.clicked.connect(self._browse)
        form = QFormLayout()
        form.addRow("Kỳ báo cáo:", self.period_box)
        form.addRow("Lưu vào thư mục:", _path_row(self.folder_edit, browse))
        picks = QHBoxLayout()
        picks.addWidget(QLabel("Đơn vị nhận biểu mẫu (chủ trì hoặc phối hợp):"), 1)
        picks.addWidget(pick_all)
        picks.addWidget(pick_none)
        close = QPushButton("Đóng")
        close.clicked.connect(self.reject)
        self.write_button.clicked.connect(self.write)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.write_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(picks)
        layout.addWidget(self.units_list, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(620, 480)

    def _add_unit(self, unit: PlanUnit) -> None:
        """List a unit with a check box (checked)."""
        item = QListWidgetItem(f"{unit.name} — chủ trì {unit.lead}, phối hợp {unit.partner}")
        item.setData(Qt.ItemDataRole.UserRole, unit.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.units_list.addItem(item)

    def set_all(self, checked: bool) -> None:
        """Check or uncheck every unit."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.units_list.count()):
            self.units_list.item(row).setCheckState(state)

    def chosen_units(self) -> list[int]:
        """Return the ids of the checked units."""
        items = [self.units_list.item(row) for row in range(self.units_list.count())]
        return [int(i.data(Qt.ItemDataRole.UserRole)) for i in items
                if i.checkState() == Qt.CheckState.Checked]

    def _browse(self) -> None:
        """Pick the folder."""
        folder = QFileDialog.getExistingDirectory(self, "Thư mục lưu biểu mẫu",
                                                  self.folder_edit.text())
        if folder:
            self.folder_edit.setText(folder)

    def write(self) -> None:
        """Write the chosen units' templates in the background."""
        units = self.chosen_units()
        if not units:
            self.ops.show_error("Chưa chọn đơn vị", "Hãy chọn ít nhất một đơn vị.")
            return
        folder, period, plan_id, today = (Path(self.folder_edit.text().strip()),
                                          self.period_code(), self.plan_id, self.today)
        self.write_button.setEnabled(False)
        self.status.setText("Đang tạo biểu mẫu…")
        self.ops.background(self.register.path, lambda register: write_templates(
            register, plan_id, period, folder, units, today), self._done,
            "Không tạo được biểu mẫu")

    def _done(self, files: list[TemplateFile]) -> None:
        """Say how many templates were written, and where."""
        self.write_button.setEnabled(True)
        self.files = files
        folder = files[0].path.parent if files else self.folder_edit.text()
        self.status.setText(f"Đã tạo {len(files)} biểu mẫu trong thư mục {folder}. Gửi mỗi tệp "
                            "cho đúng đơn vị; khi nhận lại, dùng “Nhận báo cáo của đơn vị”.")
        self.written.emit(files)


class ReturnsDialog(_ExchangeDialog):
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
        self.apply_button = QPushButton("Áp dụng")
        self.summary = QLabel()
        self._build()
        self.period_box.currentIndexChanged.connect(lambda _: self.refresh())
        self._show_status()

    def _build(self) -> None:
        """Lay out the pickers, the lists, the preview table and the buttons."""
        pick_files, pick_folder = QPushButton("Chọn tệp…"), QPushButton("Chọn thư mục…")
        pick_files.clicked.connect(self._pick_files)
        pick_folder.clicked.connect(self._pick_folder)
        top = QHBoxLayout()
        for widget in (QLabel("Kỳ báo cáo:"), self.period_box, pick_files, pick_folder):
            top.addWidget(widget)
        top.addStretch(1)
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
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        close = QPushButton("Đóng")
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

    def _pick_files(self) -> None:
        """Choose returned files."""
        paths, _ = QFileDialog.getOpenFileNames(self, "Chọn tệp báo cáo của đơn vị",
                                                str(Path.home()), RETURN_FILTER)
        if paths:
            self.add_paths([Path(p) for p in paths])

    def _pick_folder(self) -> None:
        """Choose a folder of returned files."""
        folder = QFileDialog.getExistingDirectory(self, "Thư mục chứa báo cáo của đơn vị",
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
        result = self.ops.call(lambda: apply_preview(self.register, preview, self.officer),
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
