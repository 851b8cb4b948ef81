"""Opening the register at start-up: a damaged one offers its newest good snapshot, and a
start-up snapshot that fails is shown (not only logged)."""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from cchc_desktop.errors import CchcError
from cchc_desktop.register import backup
from cchc_desktop.register.checks import (
    ForeignWal,
    NetworkRegister,
    RegisterDamaged,
    set_aside_wal,
)
from cchc_desktop.register.connection import ReadOnlyRegister, Register, open_register
from cchc_desktop.register.files import copy_to_this_pc
from cchc_desktop.register.lock import open_for_writing
from ui.shell.window import RegisterWindow

log = logging.getLogger("cchc_desktop")


def ask_recover(offered: RegisterDamaged) -> bool:
    """Ask whether to use the offered snapshot instead of the damaged register."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Sổ bị hỏng", str(offered))
    use = box.addButton("Dùng bản sao lưu này", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use


def set_aside_and_open(register_path: Path, read_only: bool, ask: bool = True) -> Register:
    """Move a -wal that is not the register's aside (after asking), then open the register."""
    question = (f"{ForeignWal(register_path)}\n\nĐể riêng tệp -wal (giữ lại, không xóa) và mở "
                "sổ như tệp hiện có?")
    if ask and QMessageBox.question(None, "Tệp -wal không khớp", question) != (
            QMessageBox.StandardButton.Yes):
        raise ForeignWal(register_path)
    set_aside_wal(register_path, datetime.now().strftime("%Y%m%d-%H%M%S"))
    return open_register(register_path, read_only=read_only)


def copy_here_and_open(remote: NetworkRegister) -> Register:
    """Offer to copy a register from a network folder to this PC; open the copy (locked)."""
    answer = QMessageBox.question(None, "Sổ trên thư mục mạng",
                                  f"{remote}\n\nChép sổ về máy này và mở bản chép?")
    if answer != QMessageBox.StandardButton.Yes:
        raise remote
    return open_for_writing(copy_to_this_pc(remote.path))


def open_at_start(register_path: Path, read_only: bool) -> Register | None:
    """Open the register (the caller holds its lock when writable); None after saying why."""
    try:
        try:
            return open_register(register_path, read_only=read_only)
        except ForeignWal:
            return set_aside_and_open(register_path, read_only)
        except NetworkRegister as remote:
            return copy_here_and_open(remote)
        except ReadOnlyRegister as error:
            QMessageBox.information(None, "Sổ chỉ mở được để xem", str(error))
            return open_register(register_path, read_only=True)
    except RegisterDamaged as damaged:
        offered = backup.offer_snapshot(damaged)
        good = offered.snapshot
        if read_only or not isinstance(good, backup.Snapshot) or not ask_recover(offered):
            if read_only or good is None:
                QMessageBox.critical(None, "Không mở được sổ", str(offered))
            return None
        try:
            kept = backup.replace_damaged(register_path, good.path)
            register = open_register(register_path)
        except CchcError as error:
            QMessageBox.critical(None, "Không mở được sổ", str(error))
            return None
        QMessageBox.information(None, "Đã dùng bản sao lưu",
                                f"Sổ đã được thay bằng bản sao lưu '{good.path.name}'. Tệp hỏng "
                                f"được giữ lại: '{kept}'.")
        return register
    except CchcError as error:
        QMessageBox.critical(None, "Không mở được sổ", str(error))
        return None


def snapshot_at_start(register: Register) -> str:
    """Clean half-written snapshots, take the start-up snapshot; return (and show) a failure."""
    backup.clean_temp_files(register.path)  # left by a copy killed mid-way (we hold the lock)
    if register.path.stat().st_size == 0:
        return ""
    try:
        backup.snapshot(register, backup.REASON_STARTUP)
    except CchcError as error:
        log.warning("Không sao lưu được khi khởi động: %s", error)
        QMessageBox.warning(None, "Không sao lưu được khi mở sổ",
                            f"{error}\n\nSổ vẫn mở được; hãy xử lý lỗi trên rồi dùng Tệp → Khôi "
                            "phục → Sao lưu ngay.")
        return str(error)
    return ""


IDLE_CHECKPOINT_MS = 10_000


class IdleCheckpoints(QObject):
    """Every few seconds while no background work runs, copy the WAL into the register file,
    so a plain copy of the file is current (the window's register, whichever it is now)."""

    def __init__(self, window: RegisterWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(IDLE_CHECKPOINT_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def tick(self) -> bool:
        """Checkpoint now unless work runs; True when the file alone is current."""
        if self.window.ops.busy:
            return False
        return self.window.register.checkpoint()
