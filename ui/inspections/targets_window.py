"""The targets window (Chỉ tiêu): targets by area, the actual of a period, met or not."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.inspections import targets
from cchc_desktop.inspections.targets import (
    COMPARATORS,
    SOURCE_TYPED,
    SOURCES,
    UNITS,
    Target,
    TargetStatus,
    format_value,
)
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register.connection import Register
from ui.inspections.forms import FormDialog, attempt, combo, period_box, show_error
from ui.inspections.models import OK_BRUSH, WARN_BRUSH, Col, RecordTableModel
from ui.inspections.tables import fixed_width, selected_row, table
from ui.widgets.closing import close_button
from ui.widgets.period import start_on_window_period

TARGET_COLUMNS = [
    Col[TargetStatus]("Lĩnh vực", lambda s: AREAS.get(s.target.area or "", "")),
    Col[TargetStatus]("Chỉ tiêu", lambda s: s.target.name),
    Col[TargetStatus]("Mục tiêu", lambda s: s.target.goal, center=True),
    Col[TargetStatus]("Thực hiện", lambda s: s.actual_text, center=True),
    Col[TargetStatus]("Đánh giá", lambda s: s.met_text, center=True),
    Col[TargetStatus]("Nguồn số liệu", lambda s: "; ".join(p for p in (s.origin, s.detail)
                                                           if p)),
]


class TargetDialog(FormDialog):
    """Add or edit a target: name, area, comparator, value, unit, where its actual comes from."""

    def __init__(self, target: Target | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Chỉ tiêu", parent)
        self.target = target or Target(0, "", ">=", 0)
        t = self.target
        self.name = self.add_row("Tên chỉ tiêu", QLineEdit(t.name))
        self.area = self.add_row("Lĩnh vực", combo([(None, "(không)"), *AREAS.items()], t.area))
        self.comparator = self.add_row("So sánh", combo(COMPARATORS, t.comparator))
        self.value = self.add_row("Giá trị", QLineEdit(format_value(t.value, "so") if target
                                                       else ""))
        self.unit = self.add_row("Đơn vị tính", combo(UNITS, t.unit))
        self.source = self.add_row("Kết quả thực hiện lấy từ", combo(SOURCES, t.source))
        self.year = self.add_row("Áp dụng cho năm", QSpinBox())
        self.year.setRange(0, 2999)
        self.year.setSpecialValueText("mọi năm")
        self.year.setValue(t.year or 0)
        self.note = self.add_row("Ghi chú", QLineEdit(t.note))

    def value_target(self) -> Target:
        """Return the target as typed (the value is read by the core)."""
        return replace(self.target, name=self.name.text(), area=self.area.currentData(),
                       comparator=self.comparator.currentData(),
                       value=self.value.text(),  # type: ignore[arg-type]
                       unit=self.unit.currentData(), source=self.source.currentData(),
                       year=self.year.value() or None, note=self.note.text())


class ActualDialog(FormDialog):
    """Type the actual of a target for the period."""

    def __init__(self, status: TargetStatus, period_title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(f"Kết quả thực hiện — {period_title}", parent)
        self.add_row("Chỉ tiêu", QLabel(f"{status.target.name} ({status.target.goal})"))
        typed = "" if status.actual is None or status.origin != "Nhập tay" else (
            format_value(status.actual, "so"))
        self.value = self.add_row("Kết quả", QLineEdit(typed))
        self.note = self.add_row("Ghi chú", QLineEdit())


class TargetsWindow(QMainWindow):
    """List the targets with their actual for a period; edit them and type actuals."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today: Callable[[], date] = date.today
        self.dialog: FormDialog | None = None
        self.setWindowTitle("Chỉ tiêu cải cách hành chính")
        self.resize(1200, 640)
        self.period = period_box(self.today())
        start_on_window_period(self.period, parent)
        self.period.currentIndexChanged.connect(self.refresh)
        self.model = RecordTableModel[TargetStatus](TARGET_COLUMNS, tint=lambda s: (
            None if s.met is None else OK_BRUSH if s.met else WARN_BRUSH))
        self.view = table(self.model, "targetsTable", 1, wrap=True)
        fixed_width(self.view, 5, 260)
        self.summary_label = QLabel()
        self._build()
        self.refresh()

    def _build(self) -> None:
        """Create the toolbar and the table."""
        bar = QToolBar("Chỉ tiêu")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Kỳ báo cáo: "))
        bar.addWidget(self.period)
        for label, slot in [("Thêm chỉ tiêu…", self.add), ("Sửa…", self.edit),
                            ("Xóa", self.delete), ("Nhập kết quả kỳ…", self.enter_actual),
                            ("Xóa kết quả nhập tay", self.clear_actual),
                            ("Nạp bộ chỉ tiêu mẫu", self.load_examples)]:
            bar.addAction(label, slot)
        self.addToolBar(bar)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.view)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close_button(self))
        layout.addLayout(row)
        self.setCentralWidget(page)
        self.statusBar().addPermanentWidget(self.summary_label)

    def period_code(self) -> str:
        """Return the code of the chosen period."""
        return str(self.period.currentData() or self.today().year)

    def refresh(self) -> None:
        """Reload the targets with their actuals for the period."""
        rows = targets.targets_for_period(self.register, self.period_code())
        self.model.set_rows(rows)
        met = sum(1 for s in rows if s.met)
        known = sum(1 for s in rows if s.met is not None)
        self.summary_label.setText(f"{len(rows)} chỉ tiêu; có số liệu {known}; đạt {met}")

    def _open(self, dialog: FormDialog, submit: Callable[[], object]) -> FormDialog:
        """Open a dialog whose OK runs submit then refreshes."""
        def run() -> None:
            submit()
            self.refresh()

        dialog.submit = run
        self.dialog = dialog
        dialog.open()
        return dialog

    def _selected(self) -> TargetStatus | None:
        """Return the selected target's status."""
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def add(self) -> FormDialog:
        """Ask for a new target."""
        dialog = TargetDialog(parent=self)
        return self._open(dialog, lambda: targets.add_target(self.register,
                                                             dialog.value_target()))

    def edit(self) -> FormDialog | None:
        """Edit the selected target."""
        status = self._selected()
        if status is None:
            return None
        dialog = TargetDialog(status.target, self)
        return self._open(dialog, lambda: targets.update_target(self.register,
                                                                dialog.value_target()))

    def delete(self) -> None:
        """Delete the selected target."""
        status = self._selected()
        if status is not None and attempt(self, lambda: targets.delete_target(
                self.register, status.target.id)):
            self.refresh()

    def enter_actual(self) -> FormDialog | None:
        """Ask for the selected target's actual in the period."""
        status = self._selected()
        if status is None:
            return None
        if status.target.source != SOURCE_TYPED and status.actual is not None:
            self.statusBar().showMessage("Chỉ tiêu này tính từ số liệu; số nhập tay sẽ được "
                                         "dùng thay.", 8000)
        dialog = ActualDialog(status, self.period.currentText(), self)
        return self._open(dialog, lambda: targets.record_actual(
            self.register, status.target.id, self.period_code(), dialog.value.text(),
            dialog.note.text()))

    def clear_actual(self) -> None:
        """Remove the selected target's typed actual for the period."""
        status = self._selected()
        if status is not None and attempt(self, lambda: targets.clear_actual(
                self.register, status.target.id, self.period_code())):
            self.refresh()

    def load_examples(self) -> int:
        """Add the example targets (Đồng Nai 2022 plan); return how many were added."""
        added = 0
        try:
            added = targets.load_example_targets(self.register)
        except CchcError as error:
            show_error(self, error)
            return 0
        self.refresh()
        self.statusBar().showMessage(f"Đã thêm {added} chỉ tiêu mẫu.", 8000)
        return added
