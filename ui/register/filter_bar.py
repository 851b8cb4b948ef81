"""The filter bar above the table: search as you type, lĩnh vực, đơn vị, trạng thái, quá hạn, kỳ."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from cchc_desktop.plans.models import ROLE_LEAD, ROLE_PARTNER
from cchc_desktop.progress.figures import STATUS_CHOICES, Filters
from ui.widgets.popup import fit_popup

ALL = "Tất cả"
ROLES = (("", "chủ trì/phối hợp"), (ROLE_LEAD, "chủ trì"), (ROLE_PARTNER, "phối hợp"))


def _label(text: str, buddy: QWidget) -> QLabel:
    """Return a label whose mnemonic focuses a field."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


class FilterBar(QWidget):
    """Filters and search; emits changed() with the Filters whenever one changes."""

    changed = Signal(object)
    period_changed = Signal(str)
    leave = Signal()  # Esc or Enter in the search box: go back to the table

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText("Tìm không cần dấu: nội dung, kết quả, đơn vị, thời gian…")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.search.installEventFilter(self)
        self.section = QComboBox()
        self.section.setMinimumWidth(160)
        self.section.setMaximumWidth(300)
        self.section.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.setMinimumWidth(160)
        self.unit.setMaximumWidth(260)
        completer = QCompleter(self.unit.model(), self.unit)
        self.unit.setCompleter(completer)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.role = QComboBox()
        for code, label in ROLES:
            self.role.addItem(label, code)
        self.status = QComboBox()
        self.status.addItem(ALL, "")
        for code, (label, _states) in STATUS_CHOICES.items():
            self.status.addItem(label, code)
        self.overdue = QCheckBox("&Quá hạn")
        self.period = QComboBox()
        self.clear_button = QToolButton()
        self.clear_button.setText("Bỏ lọc")
        self.clear_button.setToolTip("Bỏ mọi bộ lọc và ô tìm (Ctrl+Shift+L)")
        self._lay_out()
        self._connect()
        self.set_sections([])
        self.set_units([])

    def _lay_out(self) -> None:
        """Place the fields in one row."""
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(_label("Tì&m:", self.search))
        row.addWidget(self.search, 2)
        row.addWidget(_label("&Lĩnh vực:", self.section))
        row.addWidget(self.section, 1)
        row.addWidget(_label("Đơn &vị:", self.unit))
        row.addWidget(self.unit, 1)
        row.addWidget(self.role)
        row.addWidget(_label("T&rạng thái:", self.status))
        row.addWidget(self.status)
        row.addWidget(self.overdue)
        row.addWidget(self.clear_button)

    def period_widgets(self) -> tuple[QLabel, QComboBox]:
        """Return the period label and box (the window places them beside the plan)."""
        return _label(" Kỳ báo cá&o: ", self.period), self.period

    def _connect(self) -> None:
        """Emit changed() from every field."""
        self.search.textChanged.connect(self._emit)
        for box in (self.section, self.role, self.status):
            box.currentIndexChanged.connect(self._emit)
        self.unit.currentIndexChanged.connect(self._emit)
        line = self.unit.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._unit_typed)
        self.overdue.toggled.connect(self._emit)
        self.period.currentIndexChanged.connect(self._period_chosen)
        self.clear_button.clicked.connect(self.clear)

    # Choices ---------------------------------------------------------------------------------

    def set_sections(self, sections: list[tuple[int, str]]) -> None:
        """Offer the plan's sections (lĩnh vực)."""
        self._refill(self.section, [(0, ALL), *sections])

    def set_units(self, units: list[tuple[int, str]]) -> None:
        """Offer the units the plan's tasks name."""
        self._refill(self.unit, [(0, ALL), *units])
        fit_popup(self.unit)  # long unit names are read whole in the list

    def set_periods(self, periods: list[tuple[str, str]], current: str) -> None:
        """Offer reporting periods and pick one (no change signal)."""
        self.period.blockSignals(True)
        self.period.clear()
        for code, title in periods:
            self.period.addItem(title, code)
        self.period.setCurrentIndex(max(0, self.period.findData(current)))
        self.period.blockSignals(False)

    def _refill(self, box: QComboBox, items: list[tuple[int, str]]) -> None:
        """Replace a combo's items, keeping the chosen one if it is still offered."""
        chosen = box.currentData()
        box.blockSignals(True)
        box.clear()
        for item_id, label in items:
            box.addItem(label, item_id)
        index = box.findData(chosen) if chosen else 0
        box.setCurrentIndex(max(0, index))
        box.blockSignals(False)

    def set_states_ready(self, ready: bool) -> None:
        """Enable the status filters once the tasks' states are known."""
        for widget in (self.status, self.overdue):
            widget.setEnabled(ready)
            widget.setToolTip("" if ready else "Đang tính trạng thái các nhiệm vụ…")

    # Values ----------------------------------------------------------------------------------

    def filters(self) -> Filters:
        """Return the filters as set."""
        return Filters(
            text=self.search.text(),
            section_id=int(self.section.currentData() or 0) or None,
            unit_id=int(self.unit.currentData() or 0) or None,
            unit_role=str(self.role.currentData() or "") or None,
            status=str(self.status.currentData() or "") or None,
            overdue=self.overdue.isChecked(),
        )

    def period_code(self) -> str:
        """Return the chosen reporting period code."""
        return str(self.period.currentData() or "")

    def clear(self) -> None:
        """Drop every filter and the search text."""
        for widget in (self.search, self.section, self.unit, self.role, self.status, self.overdue):
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.section, self.unit, self.role, self.status):
            box.setCurrentIndex(0)
        self.overdue.setChecked(False)
        for widget in (self.search, self.section, self.unit, self.role, self.status, self.overdue):
            widget.blockSignals(False)
        self._emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Esc in the search box clears it and Enter keeps it; both go back to the table."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress and isinstance(
                event, QKeyEvent) and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Return,
                                                       Qt.Key.Key_Enter):
            if event.key() == Qt.Key.Key_Escape:
                self.search.clear()
            self.leave.emit()
            return True
        return super().eventFilter(watched, event)

    def _unit_typed(self) -> None:
        """Pick the unit whose name was typed in the unit box."""
        index = self.unit.findText(self.unit.currentText())
        if index >= 0 and index != self.unit.currentIndex():
            self.unit.setCurrentIndex(index)

    def _period_chosen(self) -> None:
        """Tell that another period was chosen."""
        self.period_changed.emit(self.period_code())

    def _emit(self, *_: object) -> None:
        """Emit the current filters."""
        self.changed.emit(self.filters())
