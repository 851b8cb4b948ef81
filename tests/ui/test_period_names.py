"""One name per period wherever an officer picks one: "9 tháng năm 2021" in the main window is
"9 tháng năm 2021" in Báo cáo, Xuất Excel, Tạo biểu mẫu, Nhận báo cáo and Tổng quan (the báo
cáo's own title keeps the formal "9 tháng đầu năm 2021")."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox

from cchc_desktop.register.connection import Register
from cchc_desktop.reports.period import collect_period
from tests.ui.windows import opened_window
from ui.exchange.exchange_dialog import ExportDialog, ReturnsDialog, TemplatesDialog
from ui.progress.dashboard_dialog import DashboardDialog
from ui.reports.report_dialog import ReportDialog
from ui.shell.main_window import MainWindow

TODAY = date(2026, 12, 6)


@pytest.fixture
def window(qtbot: Any, demo_register: Register, tmp_path: Path) -> Iterator[MainWindow]:
    with opened_window(qtbot, demo_register, tmp_path, TODAY) as opened:
        yield opened


def _names(box: QComboBox) -> dict[str, str]:
    return {str(box.itemData(i)): box.itemText(i) for i in range(box.count())}


def test_every_period_box_names_a_period_as_the_main_window_does(
        qtbot: Any, window: MainWindow) -> None:
    reg, plan = window.register, window.plan_id or 0
    main = _names(window.filter_bar.period)
    assert main["2021-9M"] == "9 tháng năm 2021" and main["2021-H1"] == "6 tháng năm 2021"
    boxes = {}
    for name, make in (("Xuất Excel", lambda: ExportDialog(reg, plan, window, today=TODAY)),
                       ("Tạo biểu mẫu", lambda: TemplatesDialog(reg, plan, window, today=TODAY)),
                       ("Nhận báo cáo", lambda: ReturnsDialog(reg, plan, window, today=TODAY))):
        dialog = make()
        qtbot.addWidget(dialog)
        boxes[name] = _names(dialog.period_box)
    dashboard = DashboardDialog(reg, plan, TODAY, window.filter_bar.period_code(), window)
    qtbot.addWidget(dashboard)
    boxes["Tổng quan"] = _names(dashboard.period_box)
    report = ReportDialog(reg, plan, window, today=TODAY)
    qtbot.addWidget(report)
    boxes["Báo cáo"] = _names(report.period_box)
    qtbot.waitUntil(lambda: report.page_count() > 0, timeout=20000)
    for name, names in boxes.items():
        assert "2021-9M" in names, name
        assert {code: main[code] for code in names if code in main} == {
            code: text for code, text in names.items() if code in main}, name
    assert collect_period(reg, plan, "2021-9M", TODAY).phrase == "9 tháng đầu năm 2021"


def test_exchange_dialogs_reach_every_button_and_field_by_an_alt_letter(
        qtbot: Any, window: MainWindow) -> None:
    """Xuất Excel, Tạo biểu mẫu and Nhận báo cáo: each button and field label has its own
    Alt letter (Tạo biểu mẫu and Nhận báo cáo had none)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    from ui.widgets.mnemonics import mnemonic, mnemonic_problems

    reg, plan = window.register, window.plan_id or 0
    for make in (lambda: ExportDialog(reg, plan, window, today=TODAY),
                 lambda: TemplatesDialog(reg, plan, window, today=TODAY),
                 lambda: ReturnsDialog(reg, plan, window, today=TODAY)):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        buttons = [b.text() for b in dialog.findChildren(QAbstractButton)
                   if b.isVisibleTo(dialog) and b.text()]
        labels = [label.text() for label in dialog.findChildren(QLabel)
                  if label.buddy() is not None]
        assert len(labels) >= 1 and len(buttons) >= 3, dialog.windowTitle()
        assert [t for t in buttons + labels if mnemonic(t) is None] == [], dialog.windowTitle()
        assert mnemonic_problems(dialog) == []
        dialog.close()
