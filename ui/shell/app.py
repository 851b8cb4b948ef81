"""QApplication set-up, the exception hook that never shows a traceback, and main()."""

from __future__ import annotations

import logging
import sys
import traceback
from datetime import date
from pathlib import Path
from types import TracebackType

from platformdirs import user_data_dir
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cchc_desktop.errors import CchcError
from cchc_desktop.register.connection import APP_NAME, Register
from cchc_desktop.register.failures import describe_unexpected
from cchc_desktop.register.lock import InstanceLock
from ui.shell import collector
from ui.shell.translations import install_vietnamese

log = logging.getLogger("cchc_desktop")


def log_file() -> Path:
    """Return the log file in the user data dir (created if needed)."""
    folder = Path(user_data_dir(APP_NAME, appauthor=False)) / "nhat-ky"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "cchc-desktop.log"


def setup_logging() -> None:
    """Send the app's log to the log file (once), whatever else configured logging."""
    path = log_file()
    if any(getattr(h, "baseFilename", None) == str(path) for h in log.handlers):
        return
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def _excepthook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """Log an unexpected error and show a Vietnamese message with the details folded away."""
    details = "".join(traceback.format_exception(kind, error, tb))
    log.error("Lỗi không mong muốn:\n%s", details)
    if QApplication.instance() is None:
        sys.__excepthook__(kind, error, tb)
        return
    install_vietnamese()
    if isinstance(error, CchcError):  # a known problem: its own message says what to do
        text = f"{error}\n\nNhật ký: {log_file()}"
    elif (failure := describe_unexpected(error)) is not None:
        text = f"{failure}\n\nNhật ký: {log_file()}"
    else:
        text = ("Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng.\n"
                f"Nhật ký lỗi: {log_file()}")
    box = QMessageBox(QMessageBox.Icon.Critical, "Lỗi", text)
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
    install_vietnamese()
    collector.install(app)
    return app


def startup_summary(window: QWidget, register: Register, today: date | None = None) -> str:
    """Return (and show, unless turned off) the due-soon/overdue summary of the current plan."""
    from cchc_desktop.plans.services import current_plan_id
    from cchc_desktop.progress.dashboard import alerts_for, startup_summary_enabled

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


def _lock(register_path: Path) -> tuple[InstanceLock | None, bool] | None:
    """Take the register's lock; if another window holds it, offer read-only or cancel."""
    from cchc_desktop.register.lock import LockUnavailable, RegisterInUse, acquire

    try:
        return acquire(register_path), False
    except LockUnavailable as error:  # a read-only folder or medium: view only
        QMessageBox.information(None, "Sổ chỉ mở được để xem", str(error))
        return None, True
    except RegisterInUse as busy:
        box = QMessageBox(QMessageBox.Icon.Warning, "Sổ đang được mở ở nơi khác", str(busy))
        read_only = box.addButton("Mở chỉ đọc", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return (None, True) if box.clickedButton() is read_only else None


def _open(register_path: Path, read_only: bool) -> Register | None:
    """Open the register (snapshotting it first when writable); None after showing why not."""
    from ui.shell.opening import open_at_start, snapshot_at_start

    register = open_at_start(register_path, read_only)
    if register is not None and not read_only:
        snapshot_at_start(register)
    return register


def run_app(register_path: Path, quit_after_start: bool = False) -> int:
    """Open the main window on a register and run the event loop.

    quit_after_start closes the app once the main window has been painted (smoke tests and
    start-up timing of the frozen build).
    """
    from cchc_desktop.start.first_run import first_run_needed
    from ui.shell.first_run import FirstRunWizard
    from ui.shell.main_window import MainWindow
    from ui.shell.opening import IdleCheckpoints

    setup_logging()
    app = make_application()
    sys.excepthook = _excepthook
    locked = _lock(register_path)
    if locked is None:
        return 1
    lock, read_only = locked
    try:
        register = _open(register_path, read_only)
        if register is None:
            return 1
        if lock is not None:  # released when this register is closed (Tệp → Mở, quitting)
            register.on_close.append(lock.release)
        if first_run_needed(register) and not (quit_after_start or read_only):
            FirstRunWizard(register).exec()
        window = MainWindow(register)
        IdleCheckpoints(window)
        window.show()
        if quit_after_start:
            QTimer.singleShot(0, lambda: _report_started(window))
        else:
            startup_summary(window, register)
        code = app.exec()
        window.register.close()
        return int(code)
    finally:
        if lock is not None:
            lock.release()
