"""Excel habits of the register window: copy the selected rows, print or export to Excel the
table exactly as shown (the columns shown, the rows left by filters and search)."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from cchc_desktop.excel.write.table_export import export_table
from ui.register.clipboard import copy_rows, rows_as_shown
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


def table_html(title: str, headers: list[str], rows: list[list[str]], headings: list[int]) -> str:
    """Return the table as an HTML page to print (headings in bold)."""
    bold = set(headings)

    def cells(tag: str, line: list[str], strong: bool = False) -> str:
        style = ' style="font-weight:bold;background:#eef3f9"' if strong else ""
        return "".join(f"<{tag}{style}>{escape(c).replace(chr(10), '<br>')}</{tag}>"
                       for c in line)
    body = "".join(f"<tr>{cells('td', r, i in bold)}</tr>" for i, r in enumerate(rows))
    return (f"<h3>{escape(title)}</h3><table border=1 cellspacing=0 cellpadding=3 width=100%>"
            f"<thead><tr>{cells('th', headers)}</tr></thead>{body}</table>")


def print_document(w: RegisterWindow) -> QTextDocument:
    """Return the table as shown laid out for printing."""
    document = QTextDocument()
    font = document.defaultFont()
    font.setPointSize(9)
    document.setDefaultFont(font)
    document.setHtml(table_html(*shown_table(w)))
    return document


def print_shown(w: RegisterWindow, printer: QPrinter | None = None) -> bool:
    """Print the table as shown (asking for the printer unless one is given)."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not run_dialog(PrintDialog(printer, w, "bang-nhiem-vu.pdf")):
            return False
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape, printer.pageLayout()
                                      .margins()))
    print_document(w).print_(printer)
    w.statusBar().showMessage("Đã gửi bảng đang xem đến máy in.", 5000)
    return True

