"""One lock discipline for the window and every command that writes; readers may read."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.register.connection import open_register
from cchc_desktop.register.lock import RegisterInUse, acquire, lock_path, read_owner
from tests.core.test_instance_lock import ROOT, start_worker


def tasks_in(path: Path) -> int:
    """Count the tasks of a register file (read-only)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM tasks").fetchone()[0])
    finally:
        conn.close()


def test_a_writing_command_names_the_holder_and_stops_a_reader_reads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "so.sqlite"
    assert cli.main(["demo", "--db", str(path)]) == 0
    holder = start_worker("hold-lock", str(path))  # the window of another process
    try:
        assert holder.stdout is not None and holder.stdout.readline().startswith("locked ")
        capsys.readouterr()
        assert cli.main(["demo", "--db", str(path)]) == cli.EXIT_ERROR
        err = capsys.readouterr().err
        assert "đang được mở ở nơi khác (máy '" in err and "người dùng" in err
        assert "Lệnh này ghi vào sổ nên đã dừng và không thay đổi gì" in err
        assert tasks_in(path) == 53
        out = tmp_path / "ke-hoach.pdf"
        assert cli.main(["report", "plan", "-o", str(out), "--db", str(path)]) == 0
        assert out.stat().st_size > 0
        assert cli.main(["export", str(tmp_path / "x.xlsx"), "--db", str(path)]) == 0
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
        assert holder.stderr is not None
        holder.stderr.close()
    assert cli.main(["demo", "--db", str(path)]) == 0  # released: the command now runs
    assert tasks_in(path) == 106 and not lock_path(path).exists()


def test_a_full_disk_at_start_up_does_not_leave_a_lock_that_refuses_the_next(
        tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    worker = start_worker("lock-disk-full", str(path))
    out, err = worker.communicate(timeout=60)
    assert out.strip() in ("locked", "failed OSError"), err
    assert lock_path(path).exists() and lock_path(path).stat().st_size == 0
    with acquire(path) as lock:  # the process that wrote nothing has ended: taken over
        assert lock.held() and read_owner(path) == lock.owner


def test_a_reading_command_leaves_the_windows_wal_alone(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    assert cli.main(["demo", "--db", str(path)]) == 0
    window = open_register(path)  # the window's connection: WAL and shared memory in use
    try:
        window.db.execute("CREATE TABLE IF NOT EXISTS _thu (x)")
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT),
                                                           os.environ.get("PYTHONPATH", "")]))
        done = subprocess.run(
            [sys.executable, "-m", "cchc_desktop.cli", "report", "overdue", "-o",
             str(tmp_path / "qua-han.pdf"), "--db", str(path)],
            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert wal.exists() and path.with_name(path.name + "-shm").exists()
        with window.transaction() as db:
            db.execute("INSERT INTO _thu VALUES (1)")  # the window still writes
    finally:
        window.close()


def test_the_same_process_cannot_take_the_lock_twice(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    with acquire(path), pytest.raises(RegisterInUse):
        acquire(path)
