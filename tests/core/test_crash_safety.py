"""SIGKILL a process importing and editing a real register file, 50 times: nothing half-done.

The worker (tests/register_worker.py crash, forked by its `serve` mode) loops: delete the oldest
imported plan once there are three, import a synthetic appendix of TASKS tasks (marking every
chunk written inside the transaction), edit four tasks, record progress. The test kills it right
after a marker chosen by a seeded RNG, then checks the file: integrity, every imported plan
whole (TASKS tasks) or absent, every change the worker saw committed still there, and each edit
with its audit entry.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cchc_desktop.register.connection import open_register
from tests.register_worker import ForkServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
KILLS = 50
LANES = 2
TASKS = 2000
MAX_MARKER = 24  # past one round of delete / import (4 chunks) / 4 edits / progress
SEED = 20260105


@dataclass
class Seen:
    """What the workers reported as committed (or deleted) across all kills."""

    committed: set[int] = field(default_factory=set)
    deleted: set[int] = field(default_factory=set)
    deleting: set[int] = field(default_factory=set)  # killed mid-delete: either outcome is whole
    ever: set[int] = field(default_factory=set)
    killed_at: Counter[str] = field(default_factory=Counter)

    def note(self, line: str) -> None:
        """Record a marker line."""
        word, _, rest = line.partition(" ")
        if word == "imported":
            self.committed.add(int(rest))
        elif word == "deleted":
            self.deleted.add(int(rest))
        elif word == "deleting":
            self.deleting.add(int(rest))


def run_and_kill(server: ForkServer, db: Path, number: int, after: int, seen: Seen) -> None:
    """Start a worker, SIGKILL it right after its after-th marker, then read what it printed."""
    server.start("crash", str(db), str(number), str(TASKS))
    ready, pid = server.readline().split()
    assert ready == "ready", server.log.read_text()
    last = ""
    for _ in range(after):
        last = server.readline()
        assert last and not last.startswith("exit "), server.log.read_text()  # still working
        seen.note(last)
    os.kill(int(pid), signal.SIGKILL)
    printed, code = server.until_exit()  # lines it printed before it died
    for line in printed:
        seen.note(line)
    assert code == -signal.SIGKILL
    seen.killed_at[last.split(" ")[0]] += 1


def rows(conn: sqlite3.Connection, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Run a query and return its rows."""
    return conn.execute(sql, params).fetchall()


def check_register(db: Path, seen: Seen) -> None:
    """Assert the register is sound and holds whole imports and atomic edits only."""
    conn = sqlite3.connect(db)
    try:
        assert rows(conn, "PRAGMA integrity_check") == [("ok",)]
        assert rows(conn, "PRAGMA foreign_key_check") == []
        counts = dict(rows(conn, "SELECT p.id, count(t.id) FROM plans p "
                                 "LEFT JOIN tasks t ON t.plan_id = p.id GROUP BY p.id"))
        assert all(count == TASKS for count in counts.values()), counts
        assert rows(conn, "SELECT count(*) FROM tasks WHERE plan_id NOT IN "
                          "(SELECT id FROM plans)") == [(0,)]
        present = set(counts)
        assert seen.committed - seen.deleted - seen.deleting <= present
        assert not seen.deleted & present
        seen.ever |= present | seen.committed
        logged = {r[0] for r in rows(conn, "SELECT entity_id FROM audit_log WHERE action = "
                                           "'import' AND json_extract(after, '$.tasks') = ?",
                                     TASKS)}
        assert logged == seen.ever
        check_edits(conn)
    finally:
        conn.close()


def check_edits(conn: sqlite3.Connection) -> None:
    """Assert every task edit and progress entry came with its audit entry, and only then."""
    last_edit: dict[object, str] = {}
    for task_id, after in rows(conn, "SELECT entity_id, after FROM audit_log WHERE "
                                     "action = 'edit' AND entity = 'task' ORDER BY id"):
        last_edit[task_id] = json.loads(str(after))["content"]
    for task_id, content in rows(conn, "SELECT id, content FROM tasks"):
        if task_id in last_edit:
            assert content == last_edit[task_id]
        else:
            assert not str(content).startswith("Sửa ")
    progress = {r[0] for r in rows(conn, "SELECT task_id FROM progress")}
    logged = {r[0] for r in rows(conn, "SELECT entity_id FROM audit_log WHERE action = "
                                       "'progress' AND entity_id IN (SELECT id FROM tasks)")}
    assert progress == logged


def kill_lane(folder: Path, lane: int, kills: int) -> Seen:
    """Kill workers on one register file, checking it after each kill."""
    folder.mkdir()
    db = folder / "so-dang-ky.sqlite"
    open_register(db).close()
    rng = random.Random(SEED + lane)
    seen = Seen()
    server = ForkServer(folder / "worker.log")
    try:
        for number in range(kills):
            run_and_kill(server, db, number, rng.randint(1, MAX_MARKER), seen)
            check_register(db, seen)
    finally:
        server.close()
    register = open_register(db)  # the app opens it as usual afterwards
    register.close()
    return seen


def test_fifty_kills_leave_whole_imports_and_a_sound_register(tmp_path: Path) -> None:
    with ThreadPoolExecutor(LANES) as pool:  # two register files side by side: half the time
        lanes = list(pool.map(lambda lane: kill_lane(tmp_path / f"lane{lane}", lane,
                                                     KILLS // LANES), range(LANES)))
    killed_at = sum((seen.killed_at for seen in lanes), Counter[str]())
    committed = sum(len(seen.committed) for seen in lanes)
    deleted = sum(len(seen.deleted) for seen in lanes)
    print(f"\n{KILLS} kills survived; killed after: {dict(killed_at)}; "
          f"plans committed {committed}, deleted {deleted}")
    assert sum(killed_at.values()) == KILLS
    assert killed_at["chunk"] and killed_at["editing"] and killed_at["deleting"]
