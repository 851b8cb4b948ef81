"""Tổng quan: due-soon/overdue lists (7, 3, 1 days), counts and bar charts by area, unit, status."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.plans import records
from cchc_desktop.progress.dashboard import (
    Alerts,
    alerts_for,
    dashboard_for,
    period_choices,
    plan_period_code,
    set_startup_summary,
    startup_summary_enabled,
)
from cchc_desktop.progress.figures import Filters
from cchc_desktop.progress.states import TaskState
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import parse_period_code
from ui.widgets.closing import CLOSE_TEXT, add_close_keys
from ui.widgets.formatting import format_count, format_date, format_percent

_BAR_COLOURS = ("#4a7ebb", "#9bbb59", "#c0504d", "#f79646", "#8064a2", "#4bacc6", "#7f7f7f")


class BarChart(QWidget):
    """A horizontal bar chart of labelled counts, painted by hand (no QtCharts needed)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[tuple[str, int]] = []
        self.setMinimumHeight(160)

    def set_values(self, values: list[tuple[str, int]]) -> None:
        """Show these (label, count) pairs."""
        self.values = values
        self.setMinimumHeight(28 * max(1, len(values)) + 10)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        label_width, row = 330, 28
        top = max((v for _, v in self.values), default=0) or 1
        span = max(10, self.width() - label_width - 60)
        for index, (label, value) in enumerate(self.values):
            y = 5 + index * row
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(0, y, label_width - 8, row - 4),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
            width = span * value / top
            painter.fillRect(QRectF(label_width, y + 4, width, row - 12),
                             QColor(_BAR_COLOURS[index % len(_BAR_COLOURS)]))
            painter.drawText(QRectF(label_width + width + 6, y, 80, row - 4),
                             Qt.AlignmentFlag.AlignVCenter, format_count(value))
        painter.end()


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]],
          stretch: int | None = None) -> None:
    """Fill a read-only table; the stretch column (a long text) takes the width left by the
    others (fitted to their contents) and wraps, so the last column is never cut."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, text in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (QHeaderView.ResizeMode.Stretch if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(column, mode)
    table.setWordWrap(stretch is not None)
    if stretch is None:
        table.resizeColumnsToContents()
    else:  # rows follow the wrapped text whenever the width changes
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def _days_text(days: int) -> str:
    """Return the days to the due date as words: "Quá hạn 258 ngày", "Còn 3 ngày"."""
    if days < 0:
        return f"Quá hạn {format_count(-days)} ngày"
    return "Đến hạn hôm nay" if days == 0 else f"Còn {format_count(days)} ngày"


def _state_rows(states: list[TaskState], today: date) -> list[list[str]]:
    """Rows of the alert table: TT with its section ("I/1.1"), content, lead, due, days left
    or overdue (from the cut-off), status."""
    rows = []
    for s in states:
        days = _days_text((s.due - today).days) if s.due else ""
        number = "/".join(p for p in (s.section_code, s.task.number) if p)
        rows.append([number, s.task.content, s.task.lead_text, format_date(s.due), days,
                     s.status_label])
    return rows


class DashboardDialog(QDialog):
    """Overview of a plan in a period: alerts, areas, units, statuses."""

    def __init__(self, register: Register, plan_id: int, today: date | None = None,
                 period_code: str | None = None, parent: QWidget | None = None,
                 filters: Filters | None = None) -> None:
        super().__init__(parent)
        self.register, self.plan_id = register, plan_id
        self.today = today or date.today()
        self.filters = filters or Filters()
        self.setWindowTitle("Tổng quan tiến độ")
        self.resize(1000, 680)
        self.period_box = QComboBox()
        code = period_code or plan_period_code(register, plan_id, self.today)
        year = records.plan(register, plan_id).year
        choices = period_choices(year, self.today)
        if code not in {c for c, _ in choices}:
            choices.append((code, parse_period_code(code).title))
        for choice, title in choices:
            self.period_box.addItem(title, choice)
        self.period_box.setCurrentIndex(max(0, self.period_box.findData(code)))
        self.alerts: Alerts = alerts_for(register, plan_id, self.today, parse_period_code(code))
        self.figures_label = QLabel()
        self.figures_label.setObjectName("dashboardFigures")
        self.figures_label.setWordWrap(True)
        self.filtered = QCheckBox("Chỉ các nhiệm vụ đang lọc ở cửa sổ chính")
        self.filtered.setChecked(self.filters.active())
        self.filtered.setVisible(self.filters.active())
        self.filtered.toggled.connect(self.refresh)
        self.period_box.currentIndexChanged.connect(self.refresh)
        self.tabs = QTabWidget()
        self.alert_table, self.area_table = QTableWidget(), QTableWidget()
        self.unit_chart, self.status_chart = BarChart(), BarChart()
        self.window_box = QComboBox()
        for label, days in (("Quá hạn", 0), ("Trong 7 ngày", 7), ("Trong 3 ngày", 3),
                            ("Trong 1 ngày", 1)):
            self.window_box.addItem(label, days)
        self.window_box.currentIndexChanged.connect(self._show_alerts)
        self._build()
        self.refresh()

    def _build(self) -> None:
        """Lay out the tabs."""
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        period_label = QLabel("Kỳ &báo cáo:")
        period_label.setBuddy(self.period_box)
        top.addWidget(period_label)
        top.addWidget(self.period_box)
        top.addWidget(self.filtered)
        top.addStretch(1)
        self.startup = QCheckBox("Hiện tóm tắt khi mở chương trình")
        self.startup.setChecked(startup_summary_enabled(self.register))
        self.startup.toggled.connect(lambda on: set_startup_summary(self.register, on))
        top.addWidget(self.startup)
        layout.addLayout(top)
        layout.addWidget(self.figures_label)
        alerts = QWidget()
        alerts_layout = QVBoxLayout(alerts)
        self.alert_summary = QLabel()
        self.alert_summary.setWordWrap(True)
        alerts_layout.addWidget(self.alert_summary)
        alerts_layout.addWidget(self.window_box)
        alerts_layout.addWidget(self.alert_table, 1)
        self.tabs.addTab(alerts, "Sắp đến hạn / Quá hạn")
        self.tabs.addTab(self.area_table, "Theo lĩnh vực")
        self.tabs.addTab(self.unit_chart, "Theo đơn vị chủ trì")
        self.tabs.addTab(self.status_chart, "Theo trạng thái")
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(CLOSE_TEXT)
        close.rejected.connect(self.reject)
        add_close_keys(self)
        layout.addWidget(close)

    def refresh(self) -> None:
        """Recompute everything for the chosen period."""
        code = str(self.period_box.currentData())
        filters = self.filters if self.filtered.isChecked() else Filters()
        self.alerts = alerts_for(self.register, self.plan_id, self.today, parse_period_code(code),
                                 filters)
        board = dashboard_for(self.register, self.plan_id, code, self.today, filters)
        self.figures = board.figures
        scope = "các nhiệm vụ đang lọc" if filters.active() else "toàn kế hoạch"
        self.figures_label.setText(f"Kỳ {parse_period_code(code).title}, tính đến ngày "
                                   f"{format_date(self.alerts.today)} ({scope}): "
                                   f"{board.figures.text()}")
        _fill(self.area_table, ["Lĩnh vực", "Nhiệm vụ", "Hoàn thành", "Trễ hạn", "Đang làm",
                                "Chưa làm", "Chưa có báo cáo", "Quá hạn", "% hoàn thành"],
              [[a.title, *map(format_count, (a.tasks, a.done, a.done_late, a.in_progress,
                                             a.not_started, a.no_report, a.overdue)),
                format_percent(a.percent_done, 1)]
               for a in board.areas], stretch=0)
        self.unit_chart.set_values([(u.name, u.tasks) for u in board.units[:15]])
        self.status_chart.set_values(list(board.statuses.items()))
        self._show_alerts()

    def _show_alerts(self) -> None:
        """Show overdue tasks or those due within the chosen number of days."""
        days = int(self.window_box.currentData())
        self.alert_summary.setText(self.alerts.summary())
        if days == 0:
            states = self.alerts.overdue
        else:
            states = [s for d, group in self.alerts.due_soon.items() if d <= days for s in group]
        _fill(self.alert_table, ["TT", "Nội dung", "Chủ trì", "Hạn", "Còn / quá hạn",
                                 "Trạng thái"], _state_rows(states, self.alerts.today), stretch=1)
