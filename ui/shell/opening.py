"""Opening the register at start-up: a damaged one offers its newest good snapshot, and a
start-up snapshot that fails is shown (not only logged)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from cchc_desktop.errors import CchcError
from cchc_desktop.register import backup
from cchc_desktop.register.checks import RegisterDamaged
from cchc_desktop.register.db import Register, open_register

log = logging.getLogger("cchc_desktop")


def ask_recover(offered: RegisterDamaged) -> bool:
    """Ask whether to use the offered snapshot instead of the damaged register."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Sổ bị hỏng", str(offered))
    use = box.addButton("Dùng bản sao lưu này", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is use


def open_at_start(register_path: Path, read_only: bool) -> Register | None:
    """Open the register (the caller holds its lock when writable); None after saying why."""
    try:
        return open_register(register_path, read_only=read_only)
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
