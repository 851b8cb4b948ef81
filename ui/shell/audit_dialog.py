"""Công cụ → Nhật ký thay đổi: read and filter the audit trail, export it to Excel."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.excel.write import audit_export
from cchc_desktop.register import audit_view
from cchc_desktop.register.audit_view import AuditEntry, AuditFilter
from cchc_desktop.register.connection import Register
from ui.widgets import file_dialogs
from ui.widgets.closing import CLOSE_TEXT, add_close_keys
from ui.widgets.formatting import format_count

HEADERS = ["Thời điểm", "Cán bộ", "Tài khoản máy", "Thao tác", "Đối tượng", "Mã", "Thay đổi"]
COL_AT, COL_OFFICER, COL_OS_USER, COL_ACTION, COL_ENTITY, COL_ID, COL_CHANGES = range(7)
_WIDTHS = (140, 150, 110, 130, 130, 95)
SEARCH_DELAY_MS = 250
AnyIndex = QModelIndex | QPersistentModelIndex


class AuditTableModel(QAbstractTableModel):
    """The entries shown: one row per change, formatting in data()."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[AuditEntry] = []

    def set_rows(self, entries: list[AuditEntry]) -> None:
        """Replace the rows."""
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_CHANGES:
            return entry.summary(width=300).replace("; ", "\n")
        return None

    @staticmethod
    def cell(entry: AuditEntry, column: int) -> str:
        """Return the text of one cell."""
        when = entry.when
        values = {
            COL_AT: when.strftime("%d/%m/%Y %H:%M:%S") if when else entry.at,
            COL_OFFICER: entry.officer, COL_OS_USER: entry.os_user,
            COL_ACTION: entry.action_label, COL_ENTITY: entry.entity_label,
            COL_ID: entry.subject,
            COL_CHANGES: entry.summary(),
        }
        return values[column]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


def detail_text(entry: AuditEntry) -> str:
    """Describe one change in full: who, when, and every field before → after."""
    lines = [f"{entry.action_label} · {entry.entity_label}"
             + (f" {entry.title}" if entry.entity_id is not None else ""),
             f"Thời điểm: {AuditTableModel.cell(entry, COL_AT)}",
             f"Cán bộ: {entry.officer or '(chưa đặt tên)'} — tài khoản máy: {entry.os_user}", ""]
    for change in entry.changes():
        if change.field == "renumber":  # one line a row: "VII: 3 → 1"
            lines += [f"{change.label}:", *(f"    {part}" for part in change.after.split("; "))]
            continue
        lines.append(f"{change.label}:")
        lines.append(f"    Trước: {change.before or '(trống)'}")
        lines.append(f"    Sau:   {change.after or '(trống)'}")
    return "\n".join(lines)


class AuditDialog(QDialog):
    """Filter the audit trail by dates, person, record kind, action and text."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.model = AuditTableModel()
        self.table = QTableView()
        self.detail = QPlainTextEdit()
        self.from_check, self.to_check = QCheckBox("Từ ngày"), QCheckBox("Đến ngày")
        self.from_date, self.to_date = QDateEdit(), QDateEdit()
        self.officer_box, self.entity_box, self.action_box = QComboBox(), QComboBox(), QComboBox()
        self.search_box = QLineEdit()
        self.search_timer = QTimer(self)
        self.count_label = QLabel()
        self.export_button = QPushButton("Xuất Excel…")
        self.message_box: QMessageBox | None = None
        self._build()
        self._fill_choices()
        self.refresh()

    def _build(self) -> None:
        """Create the filter bar, the table with its detail pane, and the buttons."""
        self.setWindowTitle("Nhật ký thay đổi")
        self.resize(1100, 640)
        for check, edit in ((self.from_check, self.from_date), (self.to_check, self.to_date)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        self.search_box.setPlaceholderText("Tìm trong nội dung thay đổi (không cần dấu)…")
        self.search_box.setClearButtonEnabled(True)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.refresh)
        self.search_box.textChanged.connect(self.search_timer.start)  # refresh once typing stops
        for box in (self.officer_box, self.entity_box, self.action_box):
            box.currentIndexChanged.connect(self.refresh)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_CHANGES, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate(_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self.show_detail)
        self.detail.setReadOnly(True)
        self.export_button.clicked.connect(self.ask_export)
        close_button = QPushButton(CLOSE_TEXT)
        close_button.clicked.connect(self.reject)
        add_close_keys(self)
        self._lay_out(close_button)

    def _lay_out(self, close_button: QPushButton) -> None:
        """Place the widgets."""
        filters = QHBoxLayout()
        for widget in (self.from_check, self.from_date, self.to_check, self.to_date,
                       self.officer_box, self.entity_box, self.action_box):
            filters.addWidget(widget)
        filters.addWidget(self.search_box, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([440, 160])
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

    def _fill_choices(self) -> None:
        """Fill the person, record-kind and action lists from what the trail holds."""
        choices = audit_view.choices(self.register)
        lists = (
            (self.officer_box, "Mọi người sửa", [(p, p) for p in choices["officer"]]),
            (self.entity_box, "Mọi loại dữ liệu",
             [(audit_view.ENTITY_LABELS.get(e, e), e) for e in choices["entity"]]),
            (self.action_box, "Mọi thao tác",
             [(audit_view.ACTION_LABELS.get(a, a), a) for a in choices["action"]]),
        )
        for box, everything, items in lists:
            box.blockSignals(True)
            box.clear()
            box.addItem(everything, "")
            for label, key in sorted(items):
                box.addItem(label, key)
            box.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        """Return the filter the widgets describe."""
        def day(check: QCheckBox, edit: QDateEdit) -> date | None:
            return edit.date().toPython() if check.isChecked() else None  # type: ignore[return-value]

        return AuditFilter(
            start=day(self.from_check, self.from_date), end=day(self.to_check, self.to_date),
            officer=self.officer_box.currentData() or "",
            entity=self.entity_box.currentData() or "",
            action=self.action_box.currentData() or "", text=self.search_box.text())

    def refresh(self) -> None:
        """Query the trail with the current filter and show the result."""
        flt = self.current_filter()
        entries = audit_view.query(self.register, flt)
        total = len(entries)
        if total >= flt.limit:
            total = audit_view.count(self.register, flt)
        self.model.set_rows(entries)
        shown = (f"{format_count(len(entries))} / {format_count(total)}" if total > len(entries)
                 else format_count(total))
        self.count_label.setText(f"{shown} thay đổi")
        self.export_button.setEnabled(total > 0)
        self.detail.clear()

    def show_detail(self) -> None:
        """Show the selected change in full below the table."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.detail.setPlainText(detail_text(self.model.entries[rows[0].row()]))

    def export_to(self, path: str | Path) -> int:
        """Write every entry matching the filter (not only those shown) to an .xlsx file."""
        flt = self.current_filter()
        everything = replace(flt, limit=max(audit_view.count(self.register, flt), 1))
        return audit_export.export_xlsx(audit_view.query(self.register, everything), path)

    def ask_export(self) -> None:
        """Ask where to save, export, and say how it went."""
        name = f"nhat-ky-thay-doi-{date.today():%Y%m%d}.xlsx"
        start = str(self.register.path.parent / name)
        path, _ = file_dialogs.get_save_file_name(self, "Xuất nhật ký ra Excel", start,
                                              "Bảng tính Excel (*.xlsx)")
        if not path:
            return
        try:
            rows = self.export_to(path)
        except CchcError as error:
            self.show_message(QMessageBox.Icon.Warning, "Không xuất được", str(error))
            return
        except OSError as error:
            self.show_message(QMessageBox.Icon.Warning, "Không xuất được",
                              f"Không ghi được tệp '{Path(path).name}': {error.strerror or error}."
                              " Nếu tệp đang mở trong Excel, hãy đóng lại rồi thử lại.")
            return
        self.show_message(QMessageBox.Icon.Information, "Đã xuất",
                          f"Đã xuất {rows} thay đổi ra tệp '{path}'.")

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """Show a message without blocking (kept in message_box for tests)."""
        self.message_box = QMessageBox(icon, title, text, parent=self)
        self.message_box.open()
