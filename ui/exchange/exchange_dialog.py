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
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.excel.write.export import ExportOptions, export_workbook, unit_task_ids
from cchc_desktop.exchange.template_units import PlanUnit, plan_units
from cchc_desktop.exchange.templates import TemplateFile, write_templates
from cchc_desktop.register.connection import Register
from ui.exchange.returns_preview import ExchangeDialog, ReturnsDialog, path_row
from ui.widgets import file_dialogs

__all__ = ["ExportDialog", "ReturnsDialog", "TemplatesDialog"]
XLSX_FILTER = "Bảng tính Excel (*.xlsx)"


def _buddy(text: str, field: QWidget) -> QLabel:
    """Return a label whose Alt+letter goes to its field."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


class ExportDialog(ExchangeDialog):
    """Xuất Excel: the appendix (whole plan, filtered tasks or one unit's) and a progress sheet."""

    exported = Signal(Path)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None, *,
                 task_ids: Collection[int] | None = None, today: date | None = None) -> None:
        super().__init__(register, plan_id, parent, today, "Xuất Excel")
        self.task_ids = task_ids
        self.unit_names: dict[int, str] = {}
        # The folder last used by any file dialog of the program (else the home folder).
        self.path_edit = QLineEdit(file_dialogs.start_path("phu-luc-ke-hoach.xlsx"))
        self.scope_box = QComboBox()
        self.progress_check = QCheckBox("Thêm trang tiến độ của &kỳ")
        self.progress_check.setChecked(True)
        self.export_button = QPushButton("&Xuất")
        self._build()

    def _build(self) -> None:
        """Lay out the form."""
        browse = QPushButton("&Chọn…")
        browse.clicked.connect(self._browse)
        self.scope_box.addItem("Toàn bộ kế hoạch", None)
        if self.task_ids is not None:
            self.scope_box.addItem(f"Các nhiệm vụ đang lọc ({len(self.task_ids)})", "filter")
        for unit in self.ops.call(lambda: plan_units(self.register, self.plan_id)) or []:
            self.scope_box.addItem(f"Nhiệm vụ của {unit.name} ({unit.tasks})", unit.id)
            self.unit_names[unit.id] = unit.name
        self.progress_check.toggled.connect(self.period_box.setEnabled)
        form = QFormLayout()
        form.addRow(_buddy("Lưu vào &tệp:", self.path_edit), path_row(self.path_edit, browse))
        form.addRow(_buddy("&Phạm vi:", self.scope_box), self.scope_box)
        form.addRow(self.progress_check, self.period_box)
        close = QPushButton("Đó&ng")
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
        path, _ = file_dialogs.get_save_file_name(self, "Xuất Excel", self.path_edit.text(),
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


class TemplatesDialog(ExchangeDialog):
    """Tạo biểu mẫu cho đơn vị: one return template per chosen unit, written into a folder."""

    written = Signal(list)

    def __init__(self, register: Register, plan_id: int, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(register, plan_id, parent, today, "Tạo biểu mẫu cho đơn vị")
        self.units_list = QListWidget()
        self.folder_edit = QLineEdit(str((file_dialogs.last_folder() or Path.home())
                                         / "bieu-mau-cchc"))
        self.write_button = QPushButton("Tạo biể&u mẫu")
        self.files: list[TemplateFile] = []
        self._build()

    def _build(self) -> None:
        """Lay out the unit list, the folder and the buttons."""
        for unit in self.ops.call(lambda: plan_units(self.register, self.plan_id)) or []:
            self._add_unit(unit)
        pick_all, pick_none = QPushButton("Chọn &tất cả"), QPushButton("&Bỏ chọn")
        pick_all.clicked.connect(lambda: self.set_all(True))
        pick_none.clicked.connect(lambda: self.set_all(False))
        browse = QPushButton("&Chọn thư mục…")
        browse.clicked.connect(self._browse)
        form = QFormLayout()
        form.addRow(_buddy("&Kỳ báo cáo:", self.period_box), self.period_box)
        form.addRow(_buddy("Lưu vào thư &mục:", self.folder_edit),
                    path_row(self.folder_edit, browse))
        picks = QHBoxLayout()
        picks.addWidget(_buddy("Đơn &vị nhận biểu mẫu (chủ trì hoặc phối hợp):", self.units_list),
                        1)
        picks.addWidget(pick_all)
        picks.addWidget(pick_none)
        close = QPushButton("Đó&ng")
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
        """List a unit with a check box (not ticked for groups and unconfirmed units)."""
        why = f" (không chọn sẵn: {unit.why_not_chosen})" if unit.why_not_chosen else ""
        item = QListWidgetItem(f"{unit.name} — chủ trì {unit.lead}, phối hợp "
                               f"{unit.partner}{why}")
        item.setData(Qt.ItemDataRole.UserRole, unit.id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if unit.chosen_by_default
                           else Qt.CheckState.Unchecked)
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
        folder = file_dialogs.get_existing_directory(self, "Thư mục lưu biểu mẫu",
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
