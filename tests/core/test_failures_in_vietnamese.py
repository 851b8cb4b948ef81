"""Disk full, unsupported zip compression, a library panic, too little free space: a
Vietnamese message naming the file and what to do, never a traceback; nothing half-written."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop import cli
from cchc_desktop.errors import RegisterError
from cchc_desktop.excel.read.workbook import quiet_stderr
from cchc_desktop.register.failures import describe, ensure_free_space
from tests.core.test_instance_lock import ROOT

LIMIT = 2 * 1024 * 1024  # the biggest file the "disk" lets the import write


def appendix(path: Path, tasks: int) -> Path:
    """Write an appendix workbook of many tasks."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
                  "Thời gian hoàn thành"])
    sheet.append(["I", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"])
    for number in range(1, tasks + 1):
        sheet.append([number, f"Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực số {number} "
                      "theo Nghị quyết của Chính phủ " * 3, "Báo cáo kết quả rà soát",
                      "Phòng Nội vụ", "Các phòng, ban chuyên môn", "Quý II/2026"])
    book.save(path)
    return path


def full_disk() -> None:
    """In the child: files may not grow past LIMIT (writes then fail like a full disk)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, resource.getrlimit(
        resource.RLIMIT_FSIZE)[1]))


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_during_import_is_a_message_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "so.sqlite"
    assert cli.main(["demo", "--db", str(db)]) == 0
    workbook = appendix(tmp_path / "phu-luc.xlsx", 6000)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT),
                                                       os.environ.get("PYTHONPATH", "")]))
    done = subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "import", str(workbook),
                           "--db", str(db)], capture_output=True, text=True, env=env, cwd=ROOT,
                          preexec_fn=full_disk, timeout=120)  # noqa: PLW1509 - POSIX only
    assert done.returncode == cli.EXIT_ERROR
    assert "Traceback" not in done.stderr and done.stderr.startswith("Lỗi: ")
    assert "so.sqlite" in done.stderr and ("đã đầy" in done.stderr or "đọc/ghi" in done.stderr)
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53
    finally:
        conn.close()


def test_a_zip_member_with_an_unsupported_compression_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = appendix(tmp_path / "nen-la.xlsx", 3)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset:at + offset + 2] = struct.pack("<H", 9)  # Deflate64
            at = data.find(signature, at + 4)
    path.write_bytes(data)
    assert cli.main(["import", str(path), "--dry-run"]) == cli.EXIT_ERROR
    err = capsys.readouterr().err
    assert "'nen-la.xlsx' dùng kiểu nén không đọc được" in err and "Save As" in err
    assert "Traceback" not in err and "NotImplementedError" not in err


def test_what_a_library_prints_on_fd_2_is_silenced_meanwhile(
        capfd: pytest.CaptureFixture[str]) -> None:
    with quiet_stderr():
        os.write(2, b"thread '<unnamed>' panicked at src/xlsb/mod.rs\n")
    os.write(2, b"sau\n")
    assert capfd.readouterr().err == "sau\n"


def test_too_little_free_space_is_refused_before_starting(tmp_path: Path) -> None:
    import shutil

    free = shutil.disk_usage(tmp_path).free
    with pytest.raises(RegisterError, match="MB trống; cần khoảng .* MB để sao lưu sổ"):
        ensure_free_space(tmp_path, free, "sao lưu sổ")
    ensure_free_space(tmp_path, 0, "sao lưu sổ")


@pytest.mark.parametrize(("error", "words"), [
    (sqlite3.OperationalError("database or disk is full"), "đã đầy"),
    (OSError(28, "No space left on device"), "đã đầy"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "chỉ cho phép đọc"),
    (PermissionError(13, "Permission denied"), "Không có quyền"),
    (sqlite3.DatabaseError("database disk image is malformed"), "bị hỏng"),
    (sqlite3.OperationalError("database is locked"), "đang được một cửa sổ"),
    (sqlite3.OperationalError("disk I/O error"), "lỗi đọc/ghi"),
])
def test_each_failure_names_the_file_and_what_to_do(error: Exception, words: str) -> None:
    message = describe(error, "so.sqlite")
    assert "so.sqlite" in message and words in message


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions do not bind root; POSIX modes")
def test_a_read_only_folder_opens_for_viewing(tmp_path: Path) -> None:
    from cchc_desktop.register.connection import ReadOnlyRegister, open_register
    from cchc_desktop.register.lock import LockUnavailable, acquire

    folder = tmp_path / "the-nho"
    folder.mkdir()
    db = folder / "so.sqlite"
    assert cli.main(["demo", "--db", str(db)]) == 0
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        with pytest.raises(LockUnavailable, match="chỉ mở được để xem"):
            acquire(db)
        with pytest.raises(ReadOnlyRegister):
            open_register(db)
        viewer = open_register(db, read_only=True)  # no -shm, no lock: still readable
        assert viewer.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53
        viewer.close()
    finally:
        folder.chmod(0o755)
