"""Two instances on one register: a lock file says who holds it; SQLite keeps the file sound."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register import lock as instance_lock
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.register.lock import LockOwner, RegisterInUse, acquire, lock_path, read_owner

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "register_worker.py"
ADDS = 150


def start_worker(*args: str) -> subprocess.Popen[str]:
    """Start tests/register_worker.py with the repo importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return subprocess.Popen([sys.executable, str(WORKER), *args], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=ROOT)


def write_lock(register_path: Path, **fields: object) -> None:
    """Write a lock file by hand (as another instance or a crash would have left it)."""
    data = {"pid": os.getpid(), "host": socket.gethostname(), "user": "lan",
            "since": "2026-01-05T08:05:00", "token": "khac"} | fields
    lock_path(register_path).write_text(json.dumps(data), encoding="utf-8")


def dead_pid() -> int:
    """Return the id of a process that has just ended."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_file_says_who_and_goes_away(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    with acquire(path) as lock:
        owner = read_owner(path)
        assert owner == lock.owner
        assert owner.pid == os.getpid() and owner.host == socket.gethostname()
        assert lock_path(path).name == "so.sqlite.lock" and lock.held()
    assert not lock_path(path).exists()


def test_another_live_process_holds_the_register(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    open_register(path).close()
    holder = start_worker("hold-lock", str(path))
    try:
        assert holder.stdout is not None
        marker = holder.stdout.readline().split()
        assert marker[0] == "locked"
        with pytest.raises(RegisterInUse) as caught:
            acquire(path)
        assert caught.value.owner is not None and caught.value.owner.pid == int(marker[1])
        message = str(caught.value)
        assert "đang được mở ở nơi khác" in message and "chỉ đọc" in message
        assert f"máy '{socket.gethostname()}'" in message
        reader = open_register(path, read_only=True)  # the offered choice works
        assert reader.read_only and reader.db.execute("SELECT count(*) FROM plans").fetchone()
        reader.close()
        holder.kill()  # crash: the lock file stays behind
        holder.wait()
        assert read_owner(path) is not None
        with acquire(path) as lock:  # … and is taken over because its pid is dead
            assert lock.owner.pid == os.getpid()
    finally:
        holder.kill()
        holder.wait()
        for stream in (holder.stdin, holder.stdout):
            if stream:
                stream.close()


def test_stale_lock_of_a_dead_process_here_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    write_lock(path, pid=dead_pid())
    with acquire(path) as lock:
        assert lock.held() and lock.owner.token != "khac"


def test_lock_nobody_holds_is_taken_over_even_if_its_pid_now_runs(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    write_lock(path, pid=os.getppid(), boot=instance_lock.boot_time() - 3600)  # a power cut
    with acquire(path) as lock:  # no OS lock on the file: its writer has ended
        assert lock.held() and lock.owner.boot == instance_lock.boot_time()
    write_lock(path, pid=os.getppid(), boot=instance_lock.boot_time())  # pid reused since
    with acquire(path) as lock:
        assert lock.held() and lock.owner.pid == os.getpid()


def test_lock_from_another_computer_is_respected_unless_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    write_lock(path, pid=dead_pid(), host="MAY-KE-TOAN-02")
    with pytest.raises(RegisterInUse, match="máy 'MAY-KE-TOAN-02', người dùng 'lan', từ "
                                            "08:05 ngày 05/01/2026"):
        acquire(path)
    with acquire(path, take_over=True) as lock:
        assert lock.held()


def test_empty_lock_left_by_a_full_disk_is_taken_over_at_once(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    lock_path(path).write_bytes(b"")  # fresh: no grace period, nobody holds it
    with acquire(path) as lock:
        assert lock.held()
    assert not lock_path(path).exists()


def test_release_never_removes_someone_elses_lock(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    lock = acquire(path)
    write_lock(path, host="MAY-KHAC")
    lock.release()
    assert read_owner(path) is not None and read_owner(path).host == "MAY-KHAC"  # type: ignore[union-attr]


def test_description() -> None:
    owner = LockOwner(1, "PC", "", "không phải ngày")
    assert owner.describe() == "máy 'PC', không rõ từ lúc nào"


def race(register: Register, on_busy: str) -> tuple[int, list[dict[str, Any]]]:
    """Let two worker processes add ADDS tasks each to one plan at the same moment."""
    plan_id = services.create_plan(register, Plan(id=0, title="Hai cửa sổ cùng ghi"))
    workers = [start_worker("contend", str(register.path), str(plan_id), str(ADDS), on_busy)
               for _ in range(2)]
    for worker in workers:  # both opened the register; now start together
        assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
    outputs = []
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    with ThreadPoolExecutor(2) as pool:
        outputs = list(pool.map(lambda proc: proc.communicate(timeout=60), workers))
    results = []
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        results.append(json.loads(out.splitlines()[-1]))
    return plan_id, results


def test_two_processes_writing_at_once_leave_a_sound_register(register: Register) -> None:
    plan_id, results = race(register, "retry")
    added = [task for result in results for task in result["added"]]
    print(f"\n2 writers × {ADDS} adds: {sum(r['retries'] for r in results)} busy retries")
    db = register.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(set(added)) == 2 * ADDS
    tasks = {row[0] for row in db.execute("SELECT id FROM tasks WHERE plan_id = ?", [plan_id])}
    assert tasks == set(added)
    logged = {row[0] for row in db.execute(
        "SELECT entity_id FROM audit_log WHERE action = 'add' AND entity = 'task'")}
    assert logged == tasks


def test_a_second_writer_waits_instead_of_failing(register: Register) -> None:
    race(register, "fail")
