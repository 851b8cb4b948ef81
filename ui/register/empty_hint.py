"""What an empty table says: how to start (no plan, or a plan without tasks), or that the
filters hide every task."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QTableView

NO_PLAN = ("<b>Sổ chưa có kế hoạch nào.</b><br><br>Bắt đầu bằng <b>Tệp → Nhập phụ lục từ "
           "Excel</b> (Ctrl+I) với tệp phụ lục kế hoạch nhận được,<br>hoặc <b>Kế hoạch → Kế "
           "hoạch mới</b> (Ctrl+Shift+N) rồi thêm nhiệm vụ (Ctrl+T).")
NO_TASK = ("<b>Kế hoạch chưa có nhiệm vụ.</b><br><br>Thêm nhiệm vụ bằng <b>Nhiệm vụ → Thêm "
           "nhiệm vụ</b> (Ctrl+T), hoặc chép các dòng từ Excel.")
FILTERED = ("<b>Không có nhiệm vụ nào khớp bộ lọc và ô tìm.</b><br><br>Bỏ lọc bằng nút "
            "<b>Bỏ lọc</b> (Ctrl+Shift+L).")


class EmptyHint(QObject):
    """A centred label over the table's viewport, shown only when the table has no rows."""

    def __init__(self, table: QTableView, message: Callable[[], str]) -> None:
        super().__init__(table)
        self.table, self.message = table, message
        self.label = QLabel(table.viewport())
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #445; font-size: 11pt;")
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.update)
        self.update()

    def update(self) -> None:
        """Show the right hint (or none when there are rows)."""
        empty = self.table.model().rowCount() == 0
        self.label.setVisible(empty)
        if empty:
            self.label.setText(self.message())
            self.label.setGeometry(self.table.viewport().rect().adjusted(40, 40, -40, -40))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Keep the hint centred when the table changes size."""
        if event.type() == QEvent.Type.Resize:
            self.label.setGeometry(self.table.viewport().rect().adjusted(40, 40, -40, -40))
        return False
