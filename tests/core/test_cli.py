"""The command line, run as a real subprocess."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "cchc_desktop.cli", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_demo_writes_a_register_with_the_sample_plan(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    done = run_cli("demo", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "53 nhiệm vụ" in done.stdout
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT number FROM plans").fetchone()[0] == "1034/KH-TTr"
    assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53
    assert conn.execute("SELECT count(*) FROM units WHERE name = 'Văn phòng'").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM progress").fetchone()[0] > 0
    conn.close()


def test_bad_register_gives_a_vietnamese_message_not_a_traceback(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    db.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    done = run_cli("demo", "--db", str(db))
    assert done.returncode == 1
    assert "không phải là sổ đăng ký CCHC" in done.stderr
    assert "Traceback" not in done.stderr
    assert db.read_text(encoding="utf-8") == "không phải cơ sở dữ liệu"


def test_help_lists_the_commands() -> None:
    done = run_cli("--help")
    assert done.returncode == 0
    for command in ("import", "export", "report", "demo"):
        assert command in done.stdout
