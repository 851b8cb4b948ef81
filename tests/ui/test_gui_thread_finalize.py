"""Qt objects die on the GUI thread only: every dialog of the menus, opened and closed many
times while the task states compute in a worker, is destroyed, and each `destroyed` fires on
the GUI thread (a collection in a worker once ran a closed dialog's C++ destructor there: a
segmentation fault on the third Báo cáo → Xuất Excel)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from cchc_desktop.register.connection import Register
from ui.shell import collector
from ui.shell.main_window import MainWindow
from ui.shell.ops import Ops

MENU_DIALOGS = ["export_excel", "templates", "returns", "report", "dashboard", "restore",
                "units", "agency", "new_plan", "plan_details", "audit", "guide"]
ROUNDS = 4


def test_every_menu_dialog_is_destroyed_on_the_gui_thread(qtbot, demo_register: Register) -> None:
    window = MainWindow(demo_register)
    qtbot.addWidget(window)
    window.ops.quiet = True
    window.show()
    gui = threading.get_ident()
    opened: list[str] = []
    died: list[tuple[str, int]] = []

    def close_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog), f"no dialog open after {opened[-1:]}"
        name = type(dialog).__name__
        opened.append(name)
        dialog.destroyed.connect(lambda *_: died.append((name, threading.get_ident())),
                                 Qt.ConnectionType.DirectConnection)
        for box in dialog.findChildren(QMessageBox):
            box.close()
        dialog.reject()

    for _round in range(ROUNDS):
        for action in MENU_DIALOGS:
            window.load_states()  # states compute in a worker while the dialog opens
            QTimer.singleShot(0, close_dialog)
            window.actions_by_name[action].trigger()
            collector.install(QCoreApplication.instance()).tick()
    assert len(opened) == ROUNDS * len(MENU_DIALOGS)
    qtbot.waitUntil(lambda: len(died) == len(opened) and not window.ops.busy, timeout=20000)
    assert sorted(name for name, _thread in died) == sorted(opened)
    assert {thread for _name, thread in died} == {gui}


def test_a_dialog_with_ops_dies_with_its_last_reference() -> None:
    died: list[int] = []
    dialog = QDialog()  # no parent: Python owns it
    dialog.ops = Ops(dialog)  # type: ignore[attr-defined]
    dialog.destroyed.connect(lambda *_: died.append(threading.get_ident()),
                             Qt.ConnectionType.DirectConnection)
    del dialog  # no cycle through Ops.widget: freed now, here, without a collection
    assert died == [threading.get_ident()]
