"""The one-stop figures window (Số liệu một cửa): figures per unit and period, rates, checks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.inspections import one_stop
from cchc_desktop.inspections.one_stop import COUNT_LABELS, UnitFigures, format_rate
from cchc_desktop.inspections.one_stop_excel import (
    ReturnImport,
    read_return,
    write_return_template,
)
from cchc_desktop.plans import records
from cchc_desktop.plans.models import Unit
from cchc_desktop.register.connection import Register
from ui.inspections.dialogs import unit_choices
from ui.inspections.forms import FormDialog, attempt, combo, period_box
from ui.inspections.models import WARN_BRUSH, Col, RecordTableModel
from ui.inspections.tables import button_row, selected_row, table
from ui.widgets import file_dialogs
from ui.widgets.closing import close_button
from ui.widgets.period import start_on_window_period

SHORT_LABELS = {
    "carried_over": "Tồn kỳ trước", "received_new": "Mới nhận", "online": "Trực tuyến",
    "in_person": "Trực tiếp", "by_post": "Bưu chính", "early": "Trước hạn",
    "on_time": "Đúng hạn", "late": "Trễ hạn", "pending_on_time": "Còn trong hạn",
    "pending_overdue": "Còn quá hạn", "apologies": "Xin lỗi",
}


def _count(key: str) -> Col[UnitFigures]:
    """Return the column of one count."""
    return Col[UnitFigures](SHORT_LABELS[key], lambda u: str(getattr(u.figures, key)),
                            center=True)


FIGURE_COLUMNS = [
    Col[UnitFigures]("Đơn vị", lambda u: u.unit_name),
    *[_count(key) for key in COUNT_LABELS],
    Col[UnitFigures]("% đúng hạn", lambda u: format_rate(u.figures.on_time_rate),
                     center=True),
    Col[UnitFigures]("% trực tuyến", lambda u: format_rate(u.figures.online_rate),
                     center=True),
    Col[UnitFigures]("Kiểm tra số liệu",
                     lambda u: f"{len(u.warnings)} chỗ chưa khớp" if u.warnings else "Khớp",
                     tip=lambda u: "\n".join(u.warnings) or "Số liệu khớp"),
]


class FiguresDialog(FormDialog):
    """Type a unit's one-stop figures for the period; bad counts are refused with a message."""

    def __init__(self, units: list[Unit], period_title: str, current: UnitFigures | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"Số liệu một cửa — {period_title}", parent)
        self.unit = self.add_row("Đơn vị", combo(unit_choices(units),
                                                 current.unit_id if current else None))
        self.unit.setEnabled(current is None)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in COUNT_LABELS.items():
            value = str(getattr(current.figures, key)) if current else ""
            edit = self.add_row(label, QLineEdit(value))
            edit.setPlaceholderText("0")
            self.fields[key] = edit
        self.note = self.add_row("Ghi chú", QLineEdit(current.note if current else ""))

    def values(self) -> dict[str, object]:
        """Return the counts as typed (the core reads and checks them)."""
        return {key: edit.text() for key, edit in self.fields.items()}


class OneStopWindow(QMainWindow):
    """Enter and check the one-stop figures of every unit for a reporting period."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today: Callable[[], date] = date.today
        self.dialog: FiguresDialog | None = None
        self.setWindowTitle("Số liệu giải quyết thủ tục hành chính (một cửa)")
        self.resize(1280, 640)
        self.period = period_box(self.today())
        start_on_window_period(self.period, parent)
        self.period.currentIndexChanged.connect(self.refresh)
        self.model = RecordTableModel[UnitFigures](
            FIGURE_COLUMNS, tint=lambda u: WARN_BRUSH if u.warnings else None)
        self.view = table(self.model, "oneStopTable", len(FIGURE_COLUMNS) - 1)
        self.total_label = QLabel()
        self.total_label.setObjectName("oneStopTotal")
        self.total_label.setWordWrap(True)
        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("oneStopWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setStyleSheet("color: #b00020;")
        self._build()
        self.refresh()

    def _build(self) -> None:
        """Create the toolbar, the table and the buttons."""
        bar = QToolBar("Kỳ báo cáo")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Kỳ báo cáo: "))
        bar.addWidget(self.period)
        self.addToolBar(bar)
        buttons = []
        for label, slot in [("Nhập số liệu…", self.add), ("Sửa…", self.edit),
                            ("Xóa", self.delete), ("Xuất mẫu Excel…", self._ask_export),
                            ("Nhận tệp Excel…", self._ask_import)]:
            button = QPushButton(label)
            button.clicked.connect(slot)
            buttons.append(button)
        self.view.selectionModel().selectionChanged.connect(self._show_warnings)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.view)
        layout.addWidget(self.total_label)
        layout.addWidget(self.warnings_label)
        row = button_row(*buttons)
        row.addWidget(close_button(self))
        layout.addLayout(row)
        self.setCentralWidget(page)

    def period_code(self) -> str:
        """Return the code of the chosen period ("2026-Q1")."""
        return str(self.period.currentData() or self.today().year)

    def refresh(self) -> None:
        """Reload the period's figures and the total line."""
        self.model.set_rows(one_stop.figures_for_period(self.register, self.period_code()))
        total = one_stop.period_total(self.register, self.period_code())
        if total is None:
            self.total_label.setText("Chưa có số liệu một cửa trong kỳ này.")
        else:
            self.total_label.setText(
                f"Tổng cộng: tiếp nhận {total.received} hồ sơ (tồn kỳ trước "
                f"{total.carried_over}, mới {total.received_new}); đã giải quyết "
                f"{total.resolved}, đang giải quyết {total.pending}; tỷ lệ đúng hạn "
                f"{format_rate(total.on_time_rate)}, tỷ lệ trực tuyến "
                f"{format_rate(total.online_rate)}.")
        self._show_warnings()

    def _show_warnings(self) -> None:
        """Show the checks of the selected unit's figures."""
        row = selected_row(self.view)
        found = self.model.row_at(row).warnings if row is not None else []
        self.warnings_label.setText("\n".join(found))

    def _open(self, current: UnitFigures | None) -> FiguresDialog:
        """Open the figures form; OK saves and shows any check that fails."""
        units = records.units(self.register)
        dialog = FiguresDialog(units, self.period.currentText(), current, self)

        def submit() -> None:
            saved = one_stop.save_figures(self.register, dialog.unit.currentData(),
                                          self.period_code(), dialog.values(),
                                          dialog.note.text())
            self.refresh()
            self.select_unit(saved.unit_name)
            self.warnings_label.setText("\n".join(saved.warnings))

        dialog.submit = submit
        self.dialog = dialog
        dialog.open()
        return dialog

    def add(self) -> FiguresDialog:
        """Ask for a unit's figures for the period."""
        return self._open(None)

    def edit(self) -> FiguresDialog | None:
        """Edit the selected unit's figures."""
        row = selected_row(self.view)
        return None if row is None else self._open(self.model.row_at(row))

    def delete(self) -> None:
        """Delete the selected unit's figures for the period."""
        row = selected_row(self.view)
        if row is not None:
            unit_id = self.model.row_at(row).unit_id
            if attempt(self, lambda: one_stop.delete_figures(self.register, unit_id,
                                                             self.period_code())):
                self.refresh()

    def export_template_to(self, path: Path) -> bool:
        """Write the period's Excel return template to path."""
        return attempt(self, lambda: write_return_template(self.register, self.period_code(),
                                                           path))

    def import_from(self, path: Path) -> ReturnImport | None:
        """Read a filled return file into the period (all or nothing); report what was saved."""
        found: list[ReturnImport] = []
        if not attempt(self, lambda: found.append(read_return(self.register, self.period_code(),
                                                                 path))):
            return None
        self.refresh()
        result = found[0]
        flagged = [f"{f.unit_name}: {w}" for f in result.saved for w in f.warnings]
        self.warnings_label.setText("\n".join(
            [f"Đã nhận số liệu của {len(result.saved)} đơn vị từ tệp '{result.file_name}'.",
             *flagged]))
        return result

    def _ask_export(self) -> None:
        """Ask where to save the return template."""
        name = f"mau-so-lieu-mot-cua-{self.period_code()}.xlsx"
        path, _ = file_dialogs.get_save_file_name(self, "Lưu mẫu số liệu một cửa",
                                              str(self.register.path.parent / name),
                                              "Excel (*.xlsx)")
        if path:
            self.export_template_to(Path(path))

    def _ask_import(self) -> None:
        """Ask for a returned file and read it."""
        path, _ = file_dialogs.get_open_file_name(self, "Chọn tệp số liệu một cửa",
                                              str(self.register.path.parent),
                                              "Bảng tính (*.xlsx *.xlsm *.xls *.ods)")
        if path:
            self.import_from(Path(path))

    def select_unit(self, unit_name: str) -> None:
        """Select a unit's row by name."""
        for row, item in enumerate(self.model.rows()):
            if item.unit_name == unit_name:
                self.view.selectRow(row)
