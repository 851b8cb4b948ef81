"""Subprocess helper for the crash, two-instance and hostile-file tests (run as a script).

    python tests/register_worker.py crash DB SEED TASKS   import/edit/delete forever, marking steps
    python tests/register_worker.py contend DB PLAN N [retry|fail]  add N tasks racing a writer
    python tests/register_worker.py write DB PLAN         add tasks "ghi-N", print "ack ghi-N" after
                                                          each commit, until SIGUSR1
    python tests/register_worker.py lock-disk-full DB     take the lock on a full disk, then die
    python tests/register_worker.py hold-lock DB          take the instance lock, wait for stdin EOF
    python tests/register_worker.py read FILE DB CAP_MB   read a workbook, import it if readable
    python tests/register_worker.py serve                 fork a child per tab-separated stdin
                                                          line ("crash\tDB\t…"), print its exit

Every line printed is a marker the parent waits on (flushed at once), so the parent kills the
process during real work without sleeping. `serve` (POSIX) saves the interpreter start-up and
imports per child: each command runs in a fresh forked process that the parent may SIGKILL.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import sys
import time
import traceback
from datetime import date
from pathlib import Path
from typing import Any

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedGroup, ParsedSection, ParsedTask
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.importer import import_appendix
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import Register, open_register

UNITS = ["Văn phòng UBND", "Phòng Nội vụ", "Phòng Tư pháp", "UBND xã Đắk Ha",
         "Phòng Tài chính - Kế hoạch", "Công an huyện", "Phòng Văn hóa và Thông tin"]
IMPORT_TITLE = "Kế hoạch thử sập nguồn"


def mark(text: str) -> None:
    """Print one marker line and flush it to the parent."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def synthetic(size: int, tag: str) -> ParsedAppendix:
    """Return a parsed appendix of size tasks in 3 sections with groups."""
    parsed = ParsedAppendix(file_name=f"thu-{tag}.xlsx", sheet="Phụ lục")
    for index, code in enumerate(("I", "II", "III")):
        parsed.sections.append(ParsedSection(code, f"Lĩnh vực {code} {tag}", index * size))
        parsed.groups.append(ParsedGroup(code, "1", f"Nhóm 1 của {code}", index * size + 1))
    for number in range(1, size + 1):
        code = ("I", "II", "III")[number * 3 // (size + 1)]
        parsed.tasks.append(ParsedTask(
            number=f"1.{number}", section=code, group="1",
            content=f"Rà soát, đơn giản hóa thủ tục hành chính số {number} ({tag})",
            result="Báo cáo kết quả", lead_units=UNITS[number % len(UNITS)],
            partner_units=UNITS[(number * 3) % len(UNITS)], timeframe="Quý II/2026",
            budget_million_vnd=float(number % 7), source_row=number + 10,
        ))
    return parsed


def import_plans(register: Register) -> list[int]:
    """Return the ids of the plans this worker imported, oldest first."""
    rows = register.db.execute("SELECT id FROM plans WHERE title LIKE ? ORDER BY id",
                               [IMPORT_TITLE + "%"]).fetchall()
    return [int(row[0]) for row in rows]


def _chunk_done(done: int, total: int) -> bool:
    """Mark each chunk an import writes (inside its transaction); never cancel."""
    mark(f"chunk {done}/{total}")
    return True


def crash_round(register: Register, rng: random.Random, size: int, tag: str) -> None:
    """Delete the oldest import if there are three, import once, edit a few tasks."""
    plans = import_plans(register)
    if len(plans) >= 3:
        mark(f"deleting {plans[0]}")
        services.delete_plan(register, plans[0])
        mark(f"deleted {plans[0]}")
    mark("importing")
    plan = Plan(id=0, title=f"{IMPORT_TITLE} {tag}", number=str(size))
    plan_id = import_appendix(register, synthetic(size, tag), plan, progress=_chunk_done)
    mark(f"imported {plan_id}")
    tasks = [t.id for t in repository.list_tasks(register.db, plan_id)]
    for step in range(4):
        task_id = rng.choice(tasks)
        draft = services.draft_of(repository.get_task(register.db, task_id))
        draft.content = f"Sửa {tag}-{step}"
        mark(f"editing {task_id}")
        services.update_task(register, task_id, draft)
    entry = ProgressInput(status="Đang thực hiện", percent=rng.randint(0, 99))
    mark("progress")
    record_progress(register, tasks[0], "2026-Q1", entry, today=date(2026, 3, 1))


def crash(db_path: str, seed: str, size: str) -> None:
    """Import, edit and delete in a loop until killed."""
    register = open_register(db_path)
    rng = random.Random(int(seed))
    mark(f"ready {os.getpid()}")
    for round_number in range(1, 1000):
        crash_round(register, rng, int(size), f"{seed}-{round_number}")


def contend(db_path: str, plan_id: str, count: str, on_busy: str = "retry") -> None:
    """Add tasks to a plan racing another process (after "go" on stdin); retry or fail if busy."""
    from cchc_desktop.errors import RegisterError

    register = open_register(db_path)
    mark("ready")
    sys.stdin.readline()
    added: list[int] = []
    retries = 0
    while len(added) < int(count):
        draft = TaskDraft(content=f"Nhiệm vụ {len(added)} của tiến trình {sys.argv[0]}")
        try:
            added.append(services.add_task(register, int(plan_id), draft))
        except (sqlite3.OperationalError, RegisterError) as error:
            busy = "locked" in str(error) or getattr(error, "kind", "") == "busy"
            if on_busy != "retry" or not busy:
                raise
            retries += 1
    mark(json.dumps({"added": added, "retries": retries}))
    register.close()


def write(db_path: str, plan_id: str) -> None:
    """Add tasks one commit at a time, acknowledging each, until SIGUSR1 asks to stop."""
    import signal

    from cchc_desktop.errors import RegisterError

    stop: list[int] = []
    signal.signal(signal.SIGUSR1, lambda number, _frame: stop.append(number))
    register = open_register(db_path)
    mark(f"ready {os.getpid()}")
    number = 0
    while not stop:
        number += 1
        try:
            services.add_task(register, int(plan_id), TaskDraft(content=f"ghi-{number}"))
        except (sqlite3.OperationalError, RegisterError) as error:
            mark(f"failed ghi-{number} {error}")
            continue
        mark(f"ack ghi-{number}")
    register.close()
    mark("done")


def lock_disk_full(db_path: str) -> None:
    """Take the instance lock with no room to write a byte (a full disk), then die holding it."""
    import resource
    import signal

    from cchc_desktop.register.lock import acquire

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes fail with EFBIG instead of a signal
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))
    try:
        acquire(db_path)
    except Exception as error:  # noqa: BLE001 - reported to the parent
        mark(f"failed {type(error).__name__}")
    else:
        mark("locked")
    sys.stdout.flush()
    os._exit(0)  # like a crash: nothing released


def hold_lock(db_path: str) -> None:
    """Take the instance lock of a register and hold it until stdin closes."""
    from cchc_desktop.register.lock import acquire

    lock = acquire(db_path)
    mark(f"locked {lock.owner.pid}")
    sys.stdin.read()
    lock.release()


def peak_mb() -> float:
    """Return this process's peak resident memory in MB (VmHWM: since exec, not the parent's)."""
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    # ru_maxrss also counts the parent's pages inherited at fork (KB on Linux, bytes on macOS)
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale


def read(file_path: str, db_path: str, cap_mb: str) -> None:
    """Read a workbook (import it only if readable) and report outcome and peak memory."""
    import resource

    cap = int(cap_mb) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (cap, cap))
    from cchc_desktop.errors import AppendixError
    from cchc_desktop.excel.read.reader import read_appendix

    register = open_register(db_path)
    count = "SELECT count(*) FROM tasks"
    result: dict[str, Any] = {"before": register.db.execute(count).fetchone()[0]}
    result["baseline_mb"] = peak_mb()
    started = time.perf_counter()
    try:
        parsed = read_appendix(Path(file_path))
    except AppendixError as error:
        result.update(outcome="error", message=str(error))
    else:
        result.update(outcome="ok", tasks=len(parsed.tasks),
                      warnings=[w.message for w in parsed.warnings][:5],
                      longest=max(len(t.content) for t in parsed.tasks),
                      texts=" ".join(t.content + t.result + t.notes for t in parsed.tasks)[:2000])
        import_appendix(register, parsed)
    result["seconds"] = round(time.perf_counter() - started, 3)
    result["after"] = register.db.execute(count).fetchone()[0]
    result["peak_mb"] = peak_mb()
    register.close()
    mark(json.dumps(result, ensure_ascii=False))


def serve() -> None:
    """Run each tab-separated command from stdin in a forked child; print "exit PID CODE"."""
    for line in sys.stdin:
        args = line.rstrip("\n").split("\t")
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                MODES[args[0]](*args[1:])
            except BaseException:  # noqa: BLE001 - report and leave the child, never the server
                traceback.print_exc()
                code = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        mark(f"exit {pid} {os.waitstatus_to_exitcode(status)}")


class ForkServer:
    """The parent's side of `serve`: start commands, read their markers, learn their exit."""

    def __init__(self, log: Path) -> None:
        import subprocess

        root = Path(__file__).resolve().parents[1]
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(root), env.get("PYTHONPATH", "")])
        self.log = log
        self._errors = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, __file__, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._errors, text=True, env=env, cwd=root)

    def start(self, *args: str) -> None:
        """Run one command (mode and arguments) in a new child."""
        assert self.proc.stdin is not None
        self.proc.stdin.write("\t".join(args) + "\n")
        self.proc.stdin.flush()

    def readline(self) -> str:
        """Return the next marker line (empty if the server died)."""
        assert self.proc.stdout is not None
        return self.proc.stdout.readline().rstrip("\n")

    def until_exit(self) -> tuple[list[str], int]:
        """Return the lines printed until the current child's exit, and its exit code."""
        lines = []
        while True:
            line = self.readline()
            assert line, f"the fork server died: {self.log.read_text()[-2000:]}"
            if line.startswith("exit "):
                return lines, int(line.split()[2])
            lines.append(line)

    def close(self) -> None:
        """Stop the server."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()
        self._errors.close()


MODES = {"crash": crash, "contend": contend, "write": write, "hold-lock": hold_lock,
         "lock-disk-full": lock_disk_full, "read": read,
         "serve": serve}

if __name__ == "__main__":
    MODES[sys.argv[1]](*sys.argv[2:])
