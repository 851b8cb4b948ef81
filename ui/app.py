"""QApplication set-up, the exception hook that never shows a traceback, and main()."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import date
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cchc_desktop.db import APP_NAME, Register, open_register
from cchc_desktop.errors import CchcError

log = logging.getLogger("cchc_desktop")


def log_file() -> Path:
    """Return the log file in the user's log dir (created if needed)."""
    folder = Path(user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "cchc-desktop.log"


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and show a Vietnamese message with the details folded away."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("Lỗi không mong muốn:\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi",
                      "Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.\n"
                      f"Nhật ký lỗi: {log_file()}")
    box.setDetailedText(details)
    box.exec()


def make_application(argv: list[str] | None = None) -> QApplication:
    """Return the QApplication (creating it once) with the app's names set."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    return app


def startup_summary(window: QWidget, register: Register, today: date | None = None) -> str:
    """Return (and show, unless turned off) the due-soon/overdue summary of the current plan."""
    from cchc_desktop.dashboard import alerts_for, startup_summary_enabled
    from cchc_desktop.services import current_plan_id

    plan_id = current_plan_id(register)
    if plan_id is None or not startup_summary_enabled(register):
        return ""
    alerts = alerts_for(register, plan_id, today or date.today())
    if alerts.empty:
        return ""
    box = QMessageBox(QMessageBox.Icon.Information, "Nhắc việc", alerts.summary(), parent=window)
    box.setInformativeText("Xem chi tiết: Tiến độ → Tổng quan (Ctrl+D). "
                           "Có thể tắt nhắc việc khi mở chương trình trong cửa sổ Tổng quan.")
    box.setModal(False)
    box.show()
    return alerts.summary()


def _report_started(window: QWidget) -> None:
    """Print what the main window shows, then quit (used with --quit-after-start)."""
    window.repaint()
    print(f"Cửa sổ chính đã mở: {window.windowTitle()}", flush=True)
    QApplication.quit()


def run_app(register_path: Path, quit_after_start: bool = False) -> int:
    """Open the main window on a register and run the event loop.

    quit_after_start closes the app once the main window has been painted (smoke tests and
    start-up timing of the frozen build).
    """
    from ui.first_run import FirstRunWizard
    from ui.main_window import MainWindow

    logging.basicConfig(filename=log_file(), level=logging.INFO, encoding="utf-8")
    app = make_application()
    sys.excepthook = _excepthook
    try:
        register = open_register(register_path)
    except CchcError as error:
        QMessageBox.critical(None, "Không mở được sổ", str(error))
        return 1
    from cchc_desktop.first_run import first_run_needed

    if first_run_needed(register) and not quit_after_start:
        FirstRunWizard(register).exec()
    window = MainWindow(register)
    window.show()
    if quit_after_start:
        QTimer.singleShot(0, lambda: _report_started(window))
    else:
        startup_summary(window, register)
    code = app.exec()
    window.register.close()
    return int(code)
