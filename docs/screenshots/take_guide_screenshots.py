"""Take the user guide's screenshots of each screen (run under Xvfb for real fonts).

    Xvfb :57 -screen 0 1400x900x24 &
    DISPLAY=:57 .venv/bin/python docs/screenshots/take_guide_screenshots.py docs/screenshots

Each dialog is shown on a fresh demo register and grabbed with QWidget.grab().
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import openpyxl  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from stage import OUT, TMP, TODAY, plan_id, register, wait  # noqa: E402

from cchc_desktop.excel.write.export import run_export  # noqa: E402
from cchc_desktop.exchange import templates as tpl  # noqa: E402
from cchc_desktop.plans import repository, services  # noqa: E402
from cchc_desktop.register import backup


def shot(name: str, widget: QWidget, ms: int = 400) -> None:
    """Show a widget, let it paint, save it as PNG, close it."""
    widget.show()
    wait(ms)
    widget.grab().save(str(OUT / f"{name}.png"))
    widget.close()
    print("saved", name)


def import_preview() -> QWidget:
    """The import preview on an appendix exported from the demo."""
    from ui.register.import_dialog import ImportDialog

    path = run_export(register, TMP / "phu-luc-ke-hoach.xlsx", plan_id, None, progress=False)
    return ImportDialog(register, path=path)


def progress() -> QWidget:
    """The progress form of task 3.2 in the 6-month period."""
    from ui.progress.progress_panel import ProgressDialog

    task = next(t for t in repository.list_tasks(register.db, plan_id) if t.number == "3.2")
    return ProgressDialog(register, task.id, "2021-H1", today=TODAY)


def dashboard() -> QWidget:
    """The overview: overdue and due-soon tasks."""
    from ui.progress.dashboard_dialog import DashboardDialog

    return DashboardDialog(register, plan_id, today=date(2021, 3, 25), period_code="2021-Q1")


def returns() -> QWidget:
    """Two units' returns, previewed old → new with a conflict."""
    from ui.exchange.returns_preview import ReturnsDialog

    files = {f.unit_name: f.path for f in tpl.write_templates(
        register, plan_id, "2021-H1", TMP / "nhan", today=TODAY)}
    for unit, percent in (("Văn phòng", 90), ("Phòng 1", 80)):
        book = openpyxl.load_workbook(files[unit])
        sheet = book[tpl.DATA_SHEET]
        row = next(r for r in sheet.iter_rows(min_row=7) if r[1].value == "3.2" and r[0].value)
        row[5].value, row[6].value = "Đang thực hiện", percent
        book.save(files[unit])
    dialog = ReturnsDialog(register, plan_id, today=TODAY)
    dialog.period_box.setCurrentIndex(dialog.period_box.findData("2021-H1"))
    dialog.add_paths([TMP / "nhan"])
    wait(1500)
    return dialog


def restore() -> QWidget:
    """The restore dialog with a few snapshots."""
    from ui.shell.restore_dialog import RestoreDialog

    backup.snapshot(register, backup.REASON_STARTUP)
    services.touch_plan(register, plan_id)
    backup.snapshot(register, backup.REASON_IMPORT)
    return RestoreDialog(register)


SCENES: list[tuple[str, Callable[[], QWidget], int]] = [
    ("nhap-phu-luc", import_preview, 400), ("tien-do", progress, 400),
    ("tong-quan", dashboard, 400), ("nhan-bao-cao", returns, 800),
    ("khoi-phuc", restore, 400),
]  # bao-cao, kiem-tra and the agency/signer dialogs: take_document_screenshots.py (1366×768)

for scene_name, build, delay in SCENES:
    shot(scene_name, build(), delay)
register.close()
