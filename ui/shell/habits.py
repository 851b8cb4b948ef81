"""Excel habits of the register window: copy the selected rows, print or export to Excel the
table exactly as shown (the columns shown, the rows left by filters and search)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtPrintSupport import QPrinter

from cchc_desktop.excel.write.table_export import export_table
from ui.register.clipboard import copy_rows, rows_as_shown
from ui.shell.table_print import EMPTY_TABLE, ShownTable, print_table
from ui.widgets import file_dialogs
from ui.widgets.dialogs import run_dialog
from ui.widgets.print_dialog import PrintDialog

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow


def copy_selected(w: RegisterWindow) -> None:
    """Ctrl+C: put the selected rows with the headers on the clipboard."""
    count = copy_rows(w.table)
    if count:
        w.statusBar().showMessage(f"Đã chép {count} dòng (kèm tiêu đề cột) — dán vào Excel "
                                  "hoặc Word thành bảng.", 5000)


def shown_table(w: RegisterWindow) -> tuple[str, list[str], list[list[str]], list[int]]:
    """Return the title, headers, rows and heading rows of the table as shown."""
    model = w.model
    rows = list(range(model.rowCount()))
    headers, texts = rows_as_shown(w.table, rows)
    plan = w.plan
    title = (f"{plan.number} — {plan.title}" if plan and plan.number else
             plan.title if plan else "Bảng nhiệm vụ")
    if w.view.filters.active():
        title += f" (đang lọc: {model.task_count()} nhiệm vụ)"
    return title, headers, texts, list(model.heading_rows())


def export_shown(w: RegisterWindow, target: Path | None = None) -> Path | None:
    """Write the table as shown to an .xlsx the officer picks; return the file."""
    if target is None:
        name, _ = file_dialogs.get_save_file_name(w, "Xuất bảng đang xem ra Excel",
                                                  "bang-nhiem-vu.xlsx", "Bảng tính Excel (*.xlsx)")
        if not name:
            return None
        target = Path(name)
    title, headers, rows, headings = shown_table(w)
    path = w.ops.call(lambda: export_table(target, title, headers, rows, headings),
                      "Không xuất được tệp Excel")
    if path is not None:
        w.statusBar().showMessage(f"Đã xuất {len(rows)} dòng ra {path}", 8000)
    return path


def print_shown(w: RegisterWindow, printer: QPrinter | None = None) -> bool:
    """Print the table as shown (asking for the printer unless one is given); an empty table
    is refused with a word, not printed."""
    title, headers, rows, headings = shown_table(w)
    table = ShownTable(title, headers, rows, headings, w.model.task_count())
    if not table.tasks:
        w.show_error("In bảng", EMPTY_TABLE)
        return False
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not run_dialog(PrintDialog(printer, w, "bang-nhiem-vu.pdf")):
            return False
    print_table(table, printer)
    w.statusBar().showMessage("Đã gửi bảng đang xem đến máy in.", 5000)
    return True
