"""Tệp → Khôi phục, driven through its widgets: list, confirm, restore, refuse."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QDialog, QMessageBox

from cchc_desktop.plans import services
from cchc_desktop.register import backup
from cchc_desktop.register.connection import Register, open_register
from ui.shell.restore_dialog import COL_REASON, COL_TASKS, COL_WHEN, RestoreDialog

T0 = datetime(2026, 3, 14, 9, 30, 5)


def tasks(register: Register) -> int:
    """Count the register's tasks."""
    return int(register.db.execute("SELECT count(*) FROM tasks").fetchone()[0])


def two_snapshots(register: Register) -> None:
    """Snapshot the demo (53 tasks), delete its plan, snapshot again (0 tasks)."""
    backup.snapshot(register, backup.REASON_STARTUP, now=T0)
    services.delete_plan(register, services.current_plan_id(register) or 0)
    backup.snapshot(register, backup.REASON_IMPORT, now=T0 + timedelta(hours=2))


def press(box: QMessageBox | None, text: str) -> None:
    """Click the button of a message box that carries this text."""
    assert box is not None and box.isVisible()
    [button] = [b for b in box.buttons() if b.text() == text]
    button.click()


def test_lists_snapshots_newest_first(qtbot, demo_register: Register) -> None:
    two_snapshots(demo_register)
    dialog = RestoreDialog(demo_register)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    cell = dialog.table.item
    assert cell(0, COL_WHEN).text() == "14/03/2026 11:30:05"
    assert cell(0, COL_REASON).text() == "Trước khi nhập phụ lục"
    assert cell(0, COL_TASKS).text() == "0"
    assert (cell(1, COL_REASON).text(), cell(1, COL_TASKS).text()) == ("Khi mở phần mềm", "53")
    assert "so-sao-luu" in dialog.folder_label.text()


def test_cancel_then_confirm_restores_and_hands_over_the_new_register(
    qtbot, demo_register: Register
) -> None:
    two_snapshots(demo_register)
    dialog = RestoreDialog(demo_register)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(1)
    dialog.restore_button.click()
    assert "09:30:05 ngày 14/03/2026" in dialog.confirm_box.text()  # type: ignore[union-attr]
    press(dialog.confirm_box, "Hủy")
    assert dialog.restored_register is None and tasks(demo_register) == 0
    dialog.restore_button.click()
    with qtbot.waitSignal(dialog.restored) as signal:
        press(dialog.confirm_box, "Khôi phục")
    fresh = signal.args[0]
    try:
        assert fresh is dialog.restored_register and tasks(fresh) == 53
        assert dialog.result() == QDialog.DialogCode.Accepted
        reasons = [s.reason for s in backup.list_snapshots(fresh.path)]
        assert reasons.count(backup.REASON_RESTORE) == 1
    finally:
        fresh.close()


def test_damaged_snapshot_cannot_be_chosen(qtbot, register: Register) -> None:
    folder = backup.backup_folder(register.path)
    folder.mkdir()
    (folder / "2026-03-14_09-30-05_khoi-dong.sqlite").write_bytes(b"hong" * 100)
    dialog = RestoreDialog(register)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, COL_TASKS).text() == "không đọc được"
    assert not dialog.restore_button.isEnabled()


def test_snapshot_broken_after_listing_gives_a_message_and_changes_nothing(
    qtbot, demo_register: Register
) -> None:
    path = backup.snapshot(demo_register, backup.REASON_STARTUP, now=T0)
    dialog = RestoreDialog(demo_register)
    qtbot.addWidget(dialog)
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    dialog.restore_button.click()
    press(dialog.confirm_box, "Khôi phục")
    assert dialog.message_box is not None and dialog.message_box.isVisible()
    assert dialog.message_box.windowTitle() == "Không khôi phục được"
    assert "không thay đổi" in dialog.message_box.text()
    assert dialog.restored_register is None and tasks(demo_register) == 53


def test_snapshot_now_and_read_only(qtbot, register: Register) -> None:
    dialog = RestoreDialog(register)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 0 and "Chưa có bản sao lưu" in dialog.folder_label.text()
    dialog.snapshot_button.click()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, COL_REASON).text() == "Sao lưu thủ công"
    reader = open_register(register.path, read_only=True)
    try:
        view = RestoreDialog(reader)
        qtbot.addWidget(view)
        assert not view.restore_button.isEnabled() and "chỉ đọc" in view.folder_label.text()
    finally:
        reader.close()


def test_officer_deletes_a_snapshot_kept_outside_rotation(qtbot, demo_register: Register) -> None:
    two_snapshots(demo_register)
    dialog = RestoreDialog(demo_register)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)  # Trước khi nhập phụ lục: never rotated away
    dialog.delete_button.click()
    press(dialog.confirm_box, "Hủy")
    assert dialog.table.rowCount() == 2
    dialog.delete_button.click()
    press(dialog.confirm_box, "Xóa")
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, COL_REASON).text() == "Khi mở phần mềm"
