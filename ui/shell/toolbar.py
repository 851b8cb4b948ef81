"""The toolbar of the daily commands and the right-click menu of the table: both reuse the
menu actions (one command, one shortcut), with short toolbar labels and standard icons."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStyle, QToolBar

from ui.register.column_fit import ColumnFitter
from ui.register.context_menu import install_row_menu
from ui.register.empty_hint import FILTERED, NO_PLAN, NO_TASK, EmptyHint

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

_SP = QStyle.StandardPixmap
# (action name, toolbar label, icon); None: a separator
TOOLBAR: list[tuple[str, str, QStyle.StandardPixmap] | None] = [
    ("add_task", "Thêm", _SP.SP_FileDialogNewFolder),
    ("edit_task", "Sửa", _SP.SP_FileDialogDetailedView),
    ("delete_task", "Xóa", _SP.SP_TrashIcon),
    None,
    ("progress", "Ghi tiến độ", _SP.SP_DialogApplyButton),
    None,
    ("copy_rows", "Chép", _SP.SP_FileLinkIcon),
    ("paste_rows", "Dán từ Excel", _SP.SP_FileDialogStart),
    ("undo", "Hoàn tác", _SP.SP_ArrowBack),
    ("redo", "Làm lại", _SP.SP_ArrowForward),
    None,
    ("print_view", "In bảng", _SP.SP_FileDialogContentsView),
    ("export_view", "Xuất Excel", _SP.SP_DialogSaveButton),
    ("report", "Báo cáo", _SP.SP_FileDialogInfoView),
]
ROW_MENU = ["edit_task", "insert_task", "duplicate_task", "progress", None, "copy_rows",
            "paste_rows", None, "move_up", "move_down", "indent", "outdent", None,
            "delete_task"]


def build_toolbar(w: RegisterWindow) -> QToolBar:
    """Put the daily commands in a toolbar above the plan bar."""
    bar = QToolBar("Lệnh thường dùng", w)
    bar.setObjectName("commandBar")
    bar.setMovable(False)
    bar.setIconSize(QSize(18, 18))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    style = w.style()
    for entry in TOOLBAR:
        if entry is None:
            bar.addSeparator()
            continue
        name, label, icon = entry
        action = w.actions_by_name.get(name)
        if action is None:
            continue
        action.setIcon(style.standardIcon(icon))
        action.setIconText(label)
        keys = ", ".join(k.toString() for k in action.shortcuts())
        action.setToolTip(f"{action.text().replace('&', '')} ({keys})" if keys else label)
        bar.addAction(action)
    first = w.findChild(QToolBar, "planBar")
    if first is not None:
        w.insertToolBar(first, bar)
        w.insertToolBarBreak(first)
    else:
        w.addToolBar(bar)
    return bar


def row_menu_actions(w: RegisterWindow) -> list[QAction | None]:
    """Return the actions the table's right-click menu offers."""
    return [None if name is None else w.actions_by_name[name] for name in ROW_MENU
            if name is None or name in w.actions_by_name]


def install_habits(w: RegisterWindow) -> None:
    """Add the toolbar and the table's right-click menu to the register window."""
    build_toolbar(w)
    install_row_menu(w.table, lambda: row_menu_actions(w))
    w.table.column_fitter = ColumnFitter(w.table, w)  # type: ignore[attr-defined]
    w.table.empty_hint = EmptyHint(w.table, lambda: _empty_message(w))  # type: ignore[attr-defined]


def _empty_message(w: RegisterWindow) -> str:
    """Say how to start, or that the filters hide every task."""
    if w.plan_id is None:
        return NO_PLAN
    return FILTERED if w.view.outline.task_count() else NO_TASK
