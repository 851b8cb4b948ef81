"""Start-up behaviour of the app: the due/overdue reminder."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.progress.dashboard import set_startup_summary
from cchc_desktop.progress.figures import plan_figures
from cchc_desktop.register.connection import Register
from ui.shell.app import startup_summary


def test_startup_reminder_names_overdue_count_and_can_be_turned_off(
        qtbot, demo_register: Register) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    text = startup_summary(parent, demo_register, today=date(2021, 3, 25))
    assert "2 nhiệm vụ quá hạn" in text
    boxes = parent.findChildren(QMessageBox)
    assert len(boxes) == 1 and boxes[0].text() == text
    boxes[0].close()
    set_startup_summary(demo_register, False)
    assert startup_summary(parent, demo_register, today=date(2021, 3, 25)) == ""


def test_reminder_for_a_past_plan_speaks_of_its_own_year(qtbot, demo_register: Register) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    text = startup_summary(parent, demo_register, today=date(2026, 11, 22))
    assert text.startswith("Kỳ Năm 2021 (đã kết thúc ngày 14/12/2021): ")
    figures = plan_figures(demo_register, 1, "2021", date(2026, 11, 22))
    assert f": {figures.overdue} nhiệm vụ quá hạn." in text  # as the status bar counts Năm 2021


def test_a_failed_start_up_snapshot_is_shown(qtbot, register: Register) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.register import backup
    from ui.shell.opening import snapshot_at_start

    backup.backup_folder(register.path).write_text("một tệp chắn chỗ thư mục", encoding="utf-8")
    shown: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(f"{box.windowTitle()}: {box.text()}")
        box.close()
    QTimer.singleShot(0, read_and_close)
    failure = snapshot_at_start(register)
    assert "Không tạo được bản sao lưu" in failure
    assert shown and shown[0].startswith("Không sao lưu được khi mở sổ: Không tạo được bản sao")
