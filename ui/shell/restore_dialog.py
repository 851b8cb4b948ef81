"""Tệp → Khôi phục: the register's snapshots (date, reason, task count) and restoring one.

Restoring asks for confirmation in a window-modal box (not a blocking exec, so tests can press
its buttons), backs up the current state first (cchc_desktop.backup does), and hands the
freshly opened register to the window through `restored` (the old one is closed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.errors import CchcError
from cchc_desktop.register import backup
from cchc_desktop.register.backup import Snapshot
from cchc_desktop.register.connection import Register
from cchc_desktop.register.restore import restore as restore_snapshot
from ui.widgets.formatting import format_count

HEADERS = ["Thời điểm sao lưu", "Lý do", "Số nhiệm vụ", "Số kế hoạch", "Dung lượng"]
COL_WHEN, COL_REASON, COL_TASKS, COL_PLANS, COL_SIZE = range(5)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def size_text(size: int) -> str:
    """Format a file size in KB or MB with a decimal comma."""
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")


def snapshot_cells(snapshot: Snapshot) -> list[str]:
    """Return the table texts of one snapshot."""
    damaged = "không đọc được"
    return [
        snapshot.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
        snapshot.label,
        damaged if snapshot.task_count is None else format_count(snapshot.task_count),
        "" if snapshot.plan_count is None else str(snapshot.plan_count),
        size_text(snapshot.size_bytes),
    ]


class RestoreDialog(QDialog):
    """List the snapshots of the open register and restore the chosen one."""

    restored = Signal(object)  # the reopened Register

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.restored_register: Register | None = None
        self.snapshots: list[Snapshot] = []
        self.table = QTableWidget(0, len(HEADERS))
        self.folder_label = QLabel()
        self.restore_button = QPushButton("Khôi phục bản đã chọn…")
        self.snapshot_button = QPushButton("Sao lưu ngay")
        self.delete_button = QPushButton("Xóa bản đã chọn…")
        self.confirm_box: QMessageBox | None = None
        self.message_box: QMessageBox | None = None
        self._build()
        self.reload()

    def _build(self) -> None:
        """Create the table, the folder note and the buttons."""
        self.setWindowTitle("Khôi phục sổ từ bản sao lưu")
        self.resize(760, 440)
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_REASON, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.ask_restore)
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button.clicked.connect(self.ask_restore)
        self.snapshot_button.clicked.connect(self.take_snapshot)
        self.delete_button.clicked.connect(self.ask_delete)
        close_button = QPushButton("Đóng")
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.snapshot_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)

    def reload(self) -> None:
        """Read the snapshot list again and show it (newest first)."""
        self.snapshots = backup.list_snapshots(self.register.path)
        self.table.setRowCount(len(self.snapshots))
        for row, snapshot in enumerate(self.snapshots):
            for column, text in enumerate(snapshot_cells(snapshot)):
                item = QTableWidgetItem(text)
                if column in (COL_TASKS, COL_PLANS, COL_SIZE):
                    item.setTextAlignment(_RIGHT)
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(COL_WHEN)
        folder = backup.backup_folder(self.register.path)
        note = f"Thư mục sao lưu: {folder}"
        if not self.snapshots:
            note = "Chưa có bản sao lưu nào. " + note
        if self.register.read_only:
            note += "\nSổ đang mở ở chế độ chỉ đọc nên không khôi phục được."
        self.folder_label.setText(note)
        if self.snapshots:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> Snapshot | None:
        """Return the snapshot of the selected row, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.snapshots[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        """Enable restoring only for a readable snapshot of a writable register."""
        chosen = self.selected()
        usable = chosen is not None and chosen.readable and not self.register.read_only
        self.restore_button.setEnabled(usable)
        self.delete_button.setEnabled(chosen is not None)

    def take_snapshot(self) -> None:
        """Back up the register now (Sao lưu ngay) and show the new list."""
        try:
            backup.snapshot(self.register, backup.REASON_MANUAL)
        except CchcError as error:
            self.show_message(QMessageBox.Icon.Warning, "Không sao lưu được", str(error))
            return
        self.reload()

    def ask_delete(self) -> None:
        """Ask whether to delete the selected snapshot (those taken before an import, a
        consolidation or a restore stay until the officer deletes them)."""
        chosen = self.selected()
        if chosen is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Xóa bản sao lưu",
                          f"Xóa bản sao lưu lúc {chosen.taken_at:%H:%M:%S ngày %d/%m/%Y} "
                          f"({chosen.label.lower()})? Không lấy lại được.", parent=self)
        accept = box.addButton("Xóa", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: self._delete(button is accept, chosen))
        self.confirm_box = box
        box.open()

    def _delete(self, confirmed: bool, chosen: Snapshot) -> None:
        """Delete after a yes and show the list again."""
        self.confirm_box = None
        if not confirmed:
            return
        try:
            backup.delete_snapshot(self.register.path, chosen.path)
        except CchcError as error:
            self.show_message(QMessageBox.Icon.Warning, "Không xóa được", str(error))
        self.reload()

    def ask_restore(self) -> None:
        """Ask whether to restore the selected snapshot (window-modal, not blocking)."""
        chosen = self.selected()
        if chosen is None or not self.restore_button.isEnabled():
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Khôi phục sổ",
                          f"Khôi phục sổ về bản sao lưu lúc "
                          f"{chosen.taken_at:%H:%M:%S ngày %d/%m/%Y} ({chosen.label.lower()})?",
                          parent=self)
        box.setInformativeText(
            "Mọi thay đổi sau thời điểm đó sẽ không còn trong sổ. Trạng thái hiện tại của sổ "
            "được sao lưu trước (lý do: Trước khi khôi phục), nên vẫn có thể quay lại.")
        accept = box.addButton("Khôi phục", QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)
        box.buttonClicked.connect(lambda button: self._answered(button is accept, chosen))
        self.confirm_box = box
        box.open()

    def _answered(self, confirmed: bool, chosen: Snapshot) -> None:
        """Restore after a yes."""
        self.confirm_box = None
        if confirmed:
            self.restore(chosen)

    def restore(self, chosen: Snapshot) -> Register | None:
        """Restore a snapshot; on success emit restored(new register) and close the dialog."""
        try:
            fresh = restore_snapshot(self.register, chosen.path)
        except CchcError as error:
            self.show_message(QMessageBox.Icon.Warning, "Không khôi phục được", str(error))
            return None
        self.register = self.restored_register = fresh
        self.restored.emit(fresh)
        self.accept()
        return fresh

    def show_message(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """Show a Vietnamese message without blocking (kept in message_box for tests)."""
        self.message_box = QMessageBox(icon, title, text, parent=self)
        self.message_box.open()
