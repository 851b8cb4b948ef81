"""Restore while another process writes: no acknowledged commit is lost.

A second process (tests/register_worker.py write) adds tasks one commit at a time and prints
"ack ghi-N" after each commit. The test restores an old snapshot in the middle of that stream,
TRIALS times, then checks that every acknowledged task is either in the register or in the
"trước khôi phục" snapshot the restore took, and that the audit history keeps the discarded
changes. Synchronised by the worker's output and a signal, never by sleeping.
"""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register import backup, restore
from cchc_desktop.register.connection import Register, open_register
from tests.register_worker import ForkServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork and SIGUSR1 are POSIX")
TRIALS = 5
BEFORE, AFTER = 15, 15  # acknowledged commits seen before the restore, and after it


def contents(path: Path) -> set[str]:
    """Return the worker's task contents held by a register file."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT content FROM tasks "
                                               "WHERE content LIKE 'ghi-%'")}
    finally:
        conn.close()


def acks_until(server: ForkServer, count: int, acked: set[str]) -> None:
    """Read the worker's markers until count more commits were acknowledged."""
    seen = 0
    while seen < count:
        line = server.readline()
        assert line and not line.startswith("exit "), server.log.read_text()[-2000:]
        if line.startswith("ack "):
            acked.add(line.split()[1])
            seen += 1


def trial(server: ForkServer, register: Register, base: Path, plan_id: int) -> tuple[
        Register, int, int]:
    """Restore base while the worker writes; return the register, lost and carried counts."""
    server.start("write", str(register.path), str(plan_id))
    ready, pid = server.readline().split()
    assert ready == "ready", server.log.read_text()[-2000:]
    acked: set[str] = set()
    acks_until(server, BEFORE, acked)
    register = restore.restore(register, base)
    safety = [s.path for s in backup.list_snapshots(register.path)
              if s.reason == backup.REASON_RESTORE][0]
    acks_until(server, AFTER, acked)
    os.kill(int(pid), signal.SIGUSR1)
    printed, code = server.until_exit()
    acked |= {line.split()[1] for line in printed if line.startswith("ack ")}
    assert code == 0, server.log.read_text()[-2000:]
    kept = contents(register.path) | contents(safety)
    carried = register.db.execute(
        "SELECT after FROM audit_log WHERE action = 'restore' ORDER BY id DESC").fetchone()
    assert carried is not None
    return register, len(acked - kept), len(acked)


def test_no_acknowledged_commit_is_lost_when_restoring_under_load(tmp_path: Path) -> None:
    register = open_register(tmp_path / "so.sqlite")
    plan_id = services.create_plan(register, Plan(0, "Kế hoạch ghi liên tục"))
    base = backup.snapshot(register, backup.REASON_MANUAL)
    server = ForkServer(tmp_path / "worker.log")
    lost: list[int] = []
    try:
        for _ in range(TRIALS):
            register, missing, acked = trial(server, register, base, plan_id)
            lost.append(missing)
            assert acked >= BEFORE + AFTER
    finally:
        server.close()
        register.close()
    assert lost == [0] * TRIALS
