"""One source of truth: the status bar, the dashboard, the period report and the Excel export
say the same figures on the demo plan, under search, each filter and each period."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt

from cchc_desktop.excel.write.export import ExportOptions, export_workbook
from cchc_desktop.progress.figures import Figures, plan_figures
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.period import collect_period
from ui.progress.dashboard_dialog import DashboardDialog
from ui.shell.main_window import MainWindow

TODAY = date(2021, 10, 1)


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_register, settings, today=TODAY)
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.states_period != "", timeout=15000)
    yield window
    window.ops.wait()


def choose_period(qtbot: Any, window: MainWindow, code: str) -> None:
    box = window.filter_bar.period
    box.setCurrentIndex(box.findData(code))
    qtbot.waitUntil(lambda: window.states_period == code, timeout=15000)


def same(shown: Figures, truth: Figures) -> None:
    assert (shown.tasks, shown.total, shown.done, shown.overdue, shown.in_progress,
            shown.not_started, shown.done_late) == (
        truth.tasks, truth.total, truth.done, truth.overdue, truth.in_progress,
        truth.not_started, truth.done_late)


def dashboard_says(qtbot: Any, window: MainWindow) -> Figures:
    dialog = DashboardDialog(window.register, window.plan_id or 0, window.today,
                             window.filter_bar.period_code(), filters=window.view.filters)
    qtbot.addWidget(dialog)
    assert dialog.figures_label.text().endswith(window.counts_label.text())
    assert len(dialog.alerts.overdue) == dialog.figures.overdue  # the list says it too
    return dialog.figures


def check(qtbot: Any, window: MainWindow) -> Figures:
    truth = plan_figures(window.register, window.plan_id or 0, window.filter_bar.period_code(),
                         window.today, window.view.filters)
    same(window.figures, truth)
    assert window.counts_label.text() == truth.text()
    same(dashboard_says(qtbot, window), truth)
    return truth


FILTERS: dict[str, Callable[[MainWindow], None]] = {
    "search": lambda w: w.filter_bar.search.setText("cai cach"),
    "section II": lambda w: w.filter_bar.section.setCurrentIndex(2),
    "lead unit": lambda w: (w.filter_bar.unit.setCurrentIndex(
        w.filter_bar.unit.findText("Văn phòng")), w.filter_bar.role.setCurrentIndex(1)),
    "in progress": lambda w: w.filter_bar.status.setCurrentIndex(
        w.filter_bar.status.findData("in_progress")),
    "done": lambda w: w.filter_bar.status.setCurrentIndex(w.filter_bar.status.findData("done")),
    "overdue": lambda w: w.filter_bar.overdue.setChecked(True),
    "search and overdue": lambda w: (w.filter_bar.search.setText("ke hoach"),
                                     w.filter_bar.overdue.setChecked(True)),
}


@pytest.mark.parametrize("period", ["2021-Q1", "2021-H1", "2021-9M", "2021"])
def test_status_bar_dashboard_report_and_export_agree(qtbot: Any, window: MainWindow,
                                                      tmp_path: Path, period: str) -> None:
    choose_period(qtbot, window, period)
    whole = check(qtbot, window)
    total = collect_period(window.register, window.plan_id or 0, period, TODAY).stats[-1]
    assert (total.tasks, total.done + total.done_late, total.overdue, total.in_progress) == (
        whole.tasks, whole.done, whole.overdue, whole.in_progress)
    out = export_workbook(window.register, tmp_path / "x.xlsx",
                          ExportOptions(window.plan_id or 0, period_code=period, today=TODAY))
    sheet = openpyxl.load_workbook(out).worksheets[1]
    assert whole.sentence() in [r[0] for r in sheet.iter_rows(values_only=True)]
    for name, apply in FILTERS.items():
        apply(window)
        qtbot.waitUntil(lambda: not window.searching)
        narrowed = check(qtbot, window)
        assert narrowed.tasks < whole.tasks or name == "overdue" and not whole.overdue, name
        qtbot.mouseClick(window.filter_bar.clear_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.searching)
        same(window.figures, whole)


def test_ticking_overdue_counts_the_overdue_shown(qtbot: Any, window: MainWindow) -> None:
    """The figures seen wrong: "Quá hạn" ticked said "0 quá hạn"; one unit's overdue said 0."""
    choose_period(qtbot, window, "2021")
    window.filter_bar.search.setText("cai cach")
    qtbot.waitUntil(lambda: not window.searching)
    window.filter_bar.clear_button.click()
    window.filter_bar.overdue.setChecked(True)
    shown = [k for k in window.model.row_keys() if k > 0]
    assert shown and window.figures.overdue == len(shown) == window.figures.tasks
    assert window.counts_label.text().endswith(f"{len(shown)} quá hạn")
    bar = window.filter_bar
    bar.unit.setCurrentIndex(bar.unit.findText("Văn phòng"))
    unit_shown = [k for k in window.model.row_keys() if k > 0]
    assert window.figures.overdue == len(unit_shown) > 0
