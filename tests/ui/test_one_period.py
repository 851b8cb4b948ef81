"""One period everywhere: every window opened from the register window starts on its period."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from cchc_desktop.register.connection import Register
from tests.ui.windows import opened_window
from ui.exchange.exchange_dialog import ExportDialog, ReturnsDialog, TemplatesDialog
from ui.inspections.one_stop_window import OneStopWindow
from ui.inspections.targets_window import TargetsWindow
from ui.progress.dashboard_dialog import DashboardDialog
from ui.reports.report_dialog import ReportDialog
from ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 22)  # the demo plan is of 2021


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with opened_window(qtbot, demo_register, tmp_path, TODAY) as opened:
        yield opened


def opened_on(qtbot: Any, window: MainWindow) -> dict[str, str]:
    """Open every window that has a period from the register window; return their periods."""
    reg, plan = window.register, window.plan_id or 0
    found: dict[str, str] = {}
    for name, make in (("export", lambda: ExportDialog(reg, plan, window, today=TODAY)),
                       ("templates", lambda: TemplatesDialog(reg, plan, window, today=TODAY)),
                       ("returns", lambda: ReturnsDialog(reg, plan, window, today=TODAY)),
                       ("one-stop", lambda: OneStopWindow(reg, window)),
                       ("targets", lambda: TargetsWindow(reg, window))):
        widget = make()
        qtbot.addWidget(widget)
        box = widget.period if isinstance(getattr(widget, "period", None), QComboBox) else (
            widget.period_box)
        found[name] = str(box.currentData())
    report = ReportDialog(reg, plan, window, today=TODAY)
    qtbot.addWidget(report)
    found["report"] = str(report.period_box.currentData())  # the period a báo cáo kỳ is of
    qtbot.waitUntil(lambda: report.page_count() > 0, timeout=20000)
    return found


def test_a_past_plan_opens_every_window_on_its_year(qtbot: Any, window: MainWindow) -> None:
    assert window.filter_bar.period_code() == "2021"
    assert set(opened_on(qtbot, window).values()) == {"2021"}


def test_choosing_a_period_in_the_window_carries_to_every_window(qtbot: Any,
                                                                 window: MainWindow) -> None:
    box = window.filter_bar.period
    box.setCurrentIndex(box.findData("2021-H1"))
    assert set(opened_on(qtbot, window).values()) == {"2021-H1"}


def test_the_dashboard_of_a_2021_plan_speaks_of_2021(qtbot: Any, window: MainWindow) -> None:
    dialog = DashboardDialog(window.register, window.plan_id or 0, TODAY,
                             window.filter_bar.period_code(), window)
    qtbot.addWidget(dialog)
    assert dialog.period_box.currentData() == "2021"
    dialog.window_box.setCurrentIndex(dialog.window_box.findData(0))
    table = dialog.alert_table
    assert table.rowCount() == window.figures.overdue > 0
    for row in range(table.rowCount()):
        assert int(table.item(row, 3).text()[-4:]) <= 2021  # not a due date of today's year
        late = table.item(row, 4).text()  # days counted from 14/12/2021
        assert late.startswith("Quá hạn ") and 0 < int(late.split()[2]) < 800
    assert "(đã kết thúc ngày 14/12/2021)" in dialog.alert_summary.text()
