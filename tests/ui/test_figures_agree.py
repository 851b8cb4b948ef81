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
from cchc_desktop.plans import repository
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.progress.figures import STATUS_CHOICES, Figures, plan_figures
from cchc_desktop.progress.states import NO_REPORT_LABEL, SHOWN_LABELS
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.period import collect_period
from cchc_desktop.text.numbers import format_count
from tests.ui.windows import opened_window
from ui.progress.dashboard_dialog import DashboardDialog
from ui.register.task_table_model import COL_STATUS
from ui.shell.main_window import MainWindow

TODAY = date(2021, 10, 1)


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with opened_window(qtbot, demo_register, tmp_path, TODAY) as opened:
        yield opened


def choose_period(qtbot: Any, window: MainWindow, code: str) -> None:
    box = window.filter_bar.period
    box.setCurrentIndex(box.findData(code))
    qtbot.waitUntil(lambda: window.states_period == code, timeout=15000)


def same(shown: Figures, truth: Figures) -> None:
    assert (shown.tasks, shown.total, shown.done, shown.overdue, shown.in_progress,
            shown.not_started, shown.done_late, shown.no_report, shown.by_status) == (
        truth.tasks, truth.total, truth.done, truth.overdue, truth.in_progress,
        truth.not_started, truth.done_late, truth.no_report, truth.by_status)


def dashboard_says(qtbot: Any, window: MainWindow) -> Figures:
    dialog = DashboardDialog(window.register, window.plan_id or 0, window.today,
                             window.filter_bar.period_code(), filters=window.view.filters)
    qtbot.addWidget(dialog)
    assert dialog.figures_label.text().endswith(window.counts_label.text())
    assert len(dialog.alerts.overdue) == dialog.figures.overdue  # the list says it too
    table, figures = dialog.area_table, dialog.figures
    total = [table.item(table.rowCount() - 1, c).text() for c in range(table.columnCount())]
    assert total[1] == format_count(figures.tasks)  # Theo lĩnh vực: its Tổng cộng row
    assert total[6] == format_count(figures.no_report)  # its "Chưa có báo cáo" column
    assert dict(dialog.status_chart.values)[NO_REPORT_LABEL] == figures.no_report
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
    "no report": lambda w: w.filter_bar.status.setCurrentIndex(
        w.filter_bar.status.findData("no_report")),
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
    assert (total.tasks, total.done + total.done_late, total.overdue, total.in_progress,
            total.no_report) == (whole.tasks, whole.done, whole.overdue, whole.in_progress,
                                 whole.no_report)
    out = export_workbook(window.register, tmp_path / "x.xlsx",
                          ExportOptions(window.plan_id or 0, period_code=period, today=TODAY))
    sheet = openpyxl.load_workbook(out).worksheets[1]
    assert whole.sentence() in [r[0] for r in sheet.iter_rows(values_only=True)]
    for name, apply in FILTERS.items():
        apply(window)
        qtbot.waitUntil(lambda: not window.searching)
        narrowed = check(qtbot, window)
        assert narrowed.tasks < whole.tasks or name == "overdue" and not whole.overdue, name
        if name == "no report":  # exactly the tasks the báo cáo says nobody reported on
            assert narrowed.tasks == narrowed.no_report == total.no_report > 0
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


def test_each_status_choice_lists_the_tasks_its_figure_counts(
        qtbot: Any, demo_register: Register, tmp_path: Path) -> None:
    """Every state the table can show can be chosen in "Trạng thái", and each choice lists
    exactly the tasks of its figure: "Hoàn thành" the status bar's "hoàn thành" (on time or
    late), "Chưa có báo cáo" the báo cáo's "chưa có báo cáo"."""
    plan_id = repository.list_plans(demo_register.db)[0].id
    tasks = repository.list_tasks(demo_register.db, plan_id)
    for number, status in (("4.5", "Không thực hiện"), ("4.1", "Chuyển kỳ sau")):
        task = next(t for t in tasks if t.number == number)
        record_progress(demo_register, task.id, "2021", ProgressInput(status=status), TODAY)
    assert set(STATUS_CHOICES) == set(SHOWN_LABELS)
    settings = QSettings(str(tmp_path / "giao-dien.ini"), QSettings.Format.IniFormat)
    window = MainWindow(demo_register, settings, today=TODAY)
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    choose_period(qtbot, window, "2021")
    box = window.filter_bar.status
    assert [box.itemText(i) for i in range(box.count())][-1] == NO_REPORT_LABEL
    whole = window.figures
    figure = {"not_started": whole.not_started, "in_progress": whole.in_progress,
              "done": whole.done, "done_late": whole.done_late, "not_done": whole.not_done,
              "deferred": whole.deferred, "no_report": whole.no_report}
    report = collect_period(demo_register, plan_id, "2021", TODAY).stats[-1]
    assert (report.no_report, report.other) == (whole.no_report, 2)
    assert "; không thực hiện: 1; chuyển kỳ sau: 1; " in whole.sentence()
    for code, (label, states) in STATUS_CHOICES.items():
        box.setCurrentIndex(box.findData(code))
        assert box.currentText() == label
        rows = [r for r, k in enumerate(window.model.row_keys()) if k > 0]
        assert len(rows) == window.figures.tasks == figure[code] > 0, label
        shown = {str(window.model.index(r, COL_STATUS).data()).removesuffix(" (quá hạn)")
                 for r in rows}
        assert shown <= {SHOWN_LABELS[s] for s in states}, label
        same(window.figures, check(qtbot, window))
    window.ops.wait()
