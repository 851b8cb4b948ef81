"""Every window of the program closes from the keyboard: a Đóng button, Esc and Ctrl+W; the
buttons write "Xóa" as everywhere else."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from cchc_desktop.plans import services
from cchc_desktop.register.connection import Register
from ui.inspections.one_stop_window import OneStopWindow
from ui.inspections.targets_window import TargetsWindow
from ui.inspections.window import InspectionWindow
from ui.progress.dashboard_dialog import DashboardDialog
from ui.shell.audit_dialog import AuditDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _texts(window: QWidget) -> list[str]:
    texts = [b.text() for b in window.findChildren(QAbstractButton)]
    return texts + [a.text() for a in window.actions()] + [
        a.text() for w in window.findChildren(QWidget) for a in w.actions()]


def _key(qtbot: Any, window: QWidget, key: Qt.Key,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard is (then let go of the modifier)."""
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)
    if modifier == CTRL:
        qtbot.keyRelease(target, Qt.Key.Key_Control)


@pytest.mark.parametrize("kind", [OneStopWindow, TargetsWindow, InspectionWindow])
def test_tool_windows_close_by_button_esc_and_ctrl_w(qtbot: Any, demo_register: Register,
                                                     kind: type[QWidget]) -> None:
    window = kind(demo_register)
    qtbot.addWidget(window)
    texts = _texts(window)
    assert not [t for t in texts if "Xoá" in t]
    close = [b for b in window.findChildren(QAbstractButton) if b.text() == "Đó&ng"]
    assert len(close) == 1
    for press in (lambda: _key(qtbot, window, Qt.Key.Key_Escape),
                  lambda: _key(qtbot, window, Qt.Key.Key_W, CTRL),
                  close[0].click):
        window.show()
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        press()
        assert not window.isVisible()


def test_dashboard_and_audit_close_with_ctrl_w(qtbot: Any, demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register) or 0
    for dialog in (DashboardDialog(demo_register, plan_id), AuditDialog(demo_register)):
        qtbot.addWidget(dialog)
        assert "Đó&ng" in [b.text() for b in dialog.findChildren(QAbstractButton)]
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        _key(qtbot, dialog, Qt.Key.Key_W, CTRL)
        assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_program_writes_xoa_one_way() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    found = [f"{p.relative_to(root)}:{n}" for folder in ("ui", "cchc_desktop", "docs")
             for p in (root / folder).rglob("*") if p.suffix in (".py", ".md")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if "xoá" in line.lower()]
    assert found == []  # "Xóa", as everywhere else
