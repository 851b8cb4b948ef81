"""Every command of the main window as a QAction with a menu entry and a shortcut.

The menus are declared here in one place (the "Phím tắt" help lists them from the same
actions), so a command cannot have a shortcut without a menu entry or the other way round.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.shell import habits
from ui.shell.ops import dispose_closed_dialogs
from ui.shell.paste_actions import paste_tasks

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

Entry = tuple[str, str, tuple[str, ...], Callable[[], object]] | None  # None: a separator


def _menus(w: RegisterWindow) -> list[tuple[str, list[Entry]]]:
    """Return (menu title, entries) of every menu: (name, text, shortcuts, slot)."""
    return [*_file_edit_view(w), *_plan_task(w), *_other_menus(w)]


def _file_edit_view(w: RegisterWindow) -> list[tuple[str, list[Entry]]]:
    """The Tệp, Sửa and Xem menus."""
    f, p = w.files, w.plans
    return [
        ("&Tệp", [
            ("new_register", "&Sổ đăng ký mới…", ("Ctrl+N",), f.new_register),
            ("open_register", "&Mở sổ…", ("Ctrl+O",), f.open_register),
            ("save_copy", "&Lưu bản sao…", ("Ctrl+Shift+S",), f.save_copy),
            ("restore", "&Khôi phục từ bản sao lưu…", ("Ctrl+Shift+R",), p.restore),
            None,
            ("import", "&Nhập phụ lục từ Excel…", ("Ctrl+I",), p.import_appendix),
            None,
            ("quit", "&Thoát", ("Ctrl+Q",), w.close),
        ]),
        ("&Sửa", [
            ("find", "&Tìm…", ("Ctrl+F",), lambda: _focus_search(w)),
            ("clear_filters", "&Bỏ lọc và tìm", ("Ctrl+Shift+L",), w.filter_bar.clear),
            None,
            ("copy_rows", "Sao &chép các dòng chọn", ("Ctrl+C",), lambda: habits.copy_selected(w)),
            ("paste_rows", "&Dán nhiệm vụ từ Excel…", ("Ctrl+V",), lambda: paste_tasks(w)),
        ]),
        ("&Xem", [
            ("appendix_order", "&Thứ tự phụ lục", ("Ctrl+Shift+T",),
             lambda: w.table._sort_clicked(-1, Qt.SortOrder.AscendingOrder)),
            ("sort_current", "&Sắp xếp theo cột đang chọn", ("Ctrl+Alt+S",),
             lambda: _sort_current(w)),
            ("overdue_only", "Chỉ nhiệm vụ &quá hạn", ("Ctrl+Shift+Q",),
             w.filter_bar.overdue.toggle),
            ("focus_table", "Về &bảng nhiệm vụ", ("F6",), w.table.setFocus),
        ]),
    ]


def _plan_task(w: RegisterWindow) -> list[tuple[str, list[Entry]]]:
    """The Kế hoạch, Nhiệm vụ and Tiến độ menus."""
    t, p = w.tasks, w.plans
    return [
        ("&Kế hoạch", [
            ("new_plan", "Kế hoạch &mới…", ("Ctrl+Shift+N",), p.new_plan),
            ("plan_details", "&Thông tin kế hoạch…", ("Ctrl+Shift+P",), p.plan_details),
            ("choose_plan", "&Chọn kế hoạch…", ("Ctrl+L",), p.choose_plan),
            ("next_plan", "Kế hoạch &sau", ("Ctrl+PgDown",), lambda: p.step_plan(1)),
            ("previous_plan", "Kế hoạch t&rước", ("Ctrl+PgUp",), lambda: p.step_plan(-1)),
            None,
            ("add_section", "Thêm &lĩnh vực…", ("Ctrl+Alt+L",), w.shape.add_section),
            ("add_group", "Thêm &nhóm…", ("Ctrl+Alt+G",), w.shape.add_group),
            ("rename_heading", "Đổi tên lĩnh vực/n&hóm…", ("Ctrl+Alt+R",), w.shape.rename),
            ("delete_heading", "Xóa lĩnh &vực/nhóm…", ("Ctrl+Alt+Del",), w.shape.delete),
            ("toggle_numbers", "Tự đánh số TT (bỏ chọn: giữ số như &bản in)", ("Ctrl+Alt+N",),
             w.shape.toggle),
            None,
            ("delete_plan", "&Xóa kế hoạch…", ("Ctrl+Shift+Del",), p.delete_plan),
        ]),
        ("&Nhiệm vụ", [
            ("add_task", "&Thêm nhiệm vụ…", ("Ctrl+T",), t.add),
            ("insert_task", "&Chèn nhiệm vụ sau dòng chọn…", ("Ins",), t.insert),
            ("duplicate_task", "&Nhân bản nhiệm vụ", ("Ctrl+Shift+D",), t.duplicate),
            ("edit_task", "&Sửa nhiệm vụ…", ("Ctrl+E",), t.edit),
            ("edit_cell", "Sửa tại ô", ("F2",), lambda: _edit_cell(w)),
            None,
            ("move_up", "Chuyển &lên", ("Alt+Up",), lambda: t.move(-1)),
            ("move_down", "Chuyển xuốn&g", ("Alt+Down",), lambda: t.move(1)),
            ("indent", "Đưa &vào nhóm phía trên", ("Alt+Right",), t.indent),
            ("outdent", "Đưa &ra khỏi nhóm", ("Alt+Left",), t.outdent),
            None,
            ("delete_task", "&Xóa nhiệm vụ…", ("Del",), t.delete),
        ]),
        ("T&iến độ", [
            ("progress", "&Ghi tiến độ nhiệm vụ…", ("Ctrl+R",), t.record_progress),
            ("dashboard", "&Tổng quan…", ("Ctrl+D",), p.dashboard),
        ]),
    ]


def _other_menus(w: RegisterWindow) -> list[tuple[str, list[Entry]]]:
    """The Danh mục, Công cụ, Báo cáo and Trợ giúp menus."""
    p = w.plans
    return [
        ("&Danh mục", [
            ("units", "Đơn &vị…", ("Ctrl+U",), p.units),
            ("agency", "&Thông tin cơ quan…", ("Ctrl+,",), p.agency),
        ]),
        ("&Công cụ", [
            ("audit", "&Nhật ký thay đổi…", ("Ctrl+Shift+H",),
             lambda: p.tool("ui.shell.audit_dialog", "AuditDialog", "Nhật ký thay đổi")),
            ("inspections", "&Kiểm tra CCHC…", ("Ctrl+Shift+K",),
             lambda: p.tool("ui.inspections.window", "InspectionWindow", "Kiểm tra CCHC")),
            ("one_stop", "Số liệu &một cửa…", ("Ctrl+Shift+M",),
             lambda: p.tool("ui.inspections.one_stop_window", "OneStopWindow", "Số liệu một cửa")),
            ("targets", "&Chỉ tiêu…", ("Ctrl+Shift+G",),
             lambda: p.tool("ui.inspections.targets_window", "TargetsWindow", "Chỉ tiêu")),
        ]),
        ("&Báo cáo", [
            ("report", "&Báo cáo…", ("Ctrl+P",), p.report),
            ("report_editor", "&Soạn báo cáo kết quả CCHC…", ("Ctrl+Shift+W",),
             lambda: p.tool("ui.reports.report_editor", "ReportEditor", "Soạn báo cáo")),
            ("export_excel", "&Xuất Excel…", ("Ctrl+Shift+E",),
             lambda: p.exchange("ExportDialog")),
            ("templates", "&Tạo biểu mẫu cho đơn vị…", ("Ctrl+Shift+B",),
             lambda: p.exchange("TemplatesDialog")),
            ("returns", "&Nhận báo cáo của đơn vị…", ("Ctrl+Shift+U",),
             lambda: p.exchange("ReturnsDialog")),
            None,
            ("print_view", "&In bảng đang xem…", ("Ctrl+Alt+P",), lambda: habits.print_shown(w)),
            ("export_view", "Xuất bảng đang xem ra &Excel…", ("Ctrl+Alt+E",),
             lambda: habits.export_shown(w)),
        ]),
        ("Trợ &giúp", [
            ("guide", "&Hướng dẫn sử dụng", ("Shift+F1",), p.guide),
            ("shortcuts", "&Phím tắt", ("F1",), p.shortcuts),
            ("about", "&Giới thiệu", ("Ctrl+F1",), p.about),
        ]),
    ]


def _focus_search(w: RegisterWindow) -> None:
    """Put the cursor in the search box with its text selected."""
    w.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
    w.filter_bar.search.selectAll()


def _sort_current(w: RegisterWindow) -> None:
    """Sort by the current column (again: the other direction)."""
    column = max(w.table.currentIndex().column(), 0)
    header = w.table.horizontalHeader()
    descending = header.sortIndicatorSection() == column and (
        header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder)
    w._sort_requested(column, descending)


def _edit_cell(w: RegisterWindow) -> None:
    """Start editing the current cell in place."""
    index = w.table.currentIndex()
    if index.isValid():
        w.table.setFocus()
        w.table.edit(index)


def build_actions(w: RegisterWindow) -> dict[str, QAction]:
    """Create the menu bar and return every action by name."""
    actions: dict[str, QAction] = {}
    bar = w.menuBar()
    for title, entries in _menus(w):
        menu = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
                continue
            name, text, keys, slot = entry
            action = QAction(text, w)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.triggered.connect(lambda _=False, s=slot: _run(w, s))
            menu.addAction(action)
            actions[name] = action
        _extend(w, title, menu, actions)
    _table_keys(w)
    return actions


def _run(w: RegisterWindow, slot: Callable[[], object]) -> None:
    """Run a menu command, then dispose of the dialogs it closed (ui.shell.ops)."""
    try:
        slot()
    finally:
        dispose_closed_dialogs(w)


def _extend(w: RegisterWindow, title: str, menu: QMenu, actions: dict[str, QAction]) -> None:
    """Add the entries that are built from state: undo/redo, recent files, columns."""
    if title == "&Tệp":
        recent = QMenu("Mở &gần đây", menu)
        recent.aboutToShow.connect(lambda: w.files.fill_recent_menu(recent))
        menu.insertMenu(actions["save_copy"], recent)
    elif title == "&Sửa":
        undo = w.undo_stack.createUndoAction(w, "&Hoàn tác")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = w.undo_stack.createRedoAction(w, "&Làm lại")
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        first = menu.actions()[0]
        menu.insertActions(first, [undo, redo])
        menu.insertSeparator(first)
        actions["undo"], actions["redo"] = undo, redo
    elif title == "&Xem":
        columns = QMenu("&Cột", menu)
        columns.aboutToShow.connect(lambda: _fill_columns(w, columns))
        menu.addSeparator()
        menu.addMenu(columns)


def _fill_columns(w: RegisterWindow, menu: QMenu) -> None:
    """List the columns with a tick for each one shown."""
    menu.clear()
    for action in w.table.column_actions(menu):
        menu.addAction(action)


def _table_keys(w: RegisterWindow) -> None:
    """Keys that act only where the focus is: Enter edits the task; Enter or Esc in the search
    box goes back to the table (filter_bar.leave)."""
    edit = QAction("Sửa nhiệm vụ…", w.table)
    edit.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
    edit.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit.triggered.connect(w.tasks.edit)
    w.table.addAction(edit)
    w.filter_bar.leave.connect(lambda: _to_results(w))


def _to_results(w: RegisterWindow) -> None:
    """Go from the search box to the first row found."""
    w.table.setFocus()
    if not w.table.currentIndex().isValid() and w.model.rowCount():
        first_task = next((r for r, k in enumerate(w.model.row_keys()) if k > 0), 0)
        w.table.setCurrentIndex(w.model.index(first_task, 1))
