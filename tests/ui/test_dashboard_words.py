"""Tổng quan: an overdue task reads "Quá hạn N ngày", TT carries its section, no column cut."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtWidgets import QApplication

from cchc_desktop.plans import services
from cchc_desktop.register.connection import Register
from ui.progress.dashboard_dialog import DashboardDialog


def test_alerts_say_overdue_in_words_and_fit(qtbot: Any, demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register) or 0
    dialog = DashboardDialog(demo_register, plan_id, date(2021, 12, 31), "2021")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.alert_table
    dialog.tabs.setCurrentWidget(table.parentWidget())
    assert table.rowCount() > 0
    rows = [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    assert all(re.fullmatch(r"Quá hạn \d+ ngày", row[4]) for row in rows), rows
    assert all(re.fullmatch(r"[IVX]+/\d+(\.\d+)*", row[0]) for row in rows), rows
    for width in (1000, 1366, 1900):
        dialog.resize(width, 680)
        QApplication.processEvents()  # the layout follows the new size
        header = table.horizontalHeader()
        last = table.columnCount() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) \
            <= table.viewport().width() + 1
        metrics = table.fontMetrics()
        for column in (0, 3, 4, last):
            longest = max(metrics.horizontalAdvance(row[column]) for row in rows)
            assert header.sectionSize(column) > longest, (width, column)


def test_the_unit_list_opens_wide_enough_for_long_names(qtbot: Any) -> None:
    from ui.register.filter_bar import FilterBar

    bar = FilterBar()
    qtbot.addWidget(bar)
    long_name = "Ủy ban nhân dân xã Quảng Sơn và các cơ quan, đơn vị trực thuộc huyện Đắk Glong"
    bar.set_units([(1, "Văn phòng"), (2, long_name)])
    bar.resize(1366, 40)
    bar.show()
    qtbot.waitExposed(bar)
    bar.unit.showPopup()
    view = bar.unit.view()
    qtbot.waitUntil(view.isVisible)
    assert view.viewport().width() > view.fontMetrics().horizontalAdvance(long_name)
    bar.unit.hidePopup()
