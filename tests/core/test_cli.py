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


def test_report_writes_a_pdf_and_refuses_unknown_kinds(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    out = tmp_path / "bao-cao.pdf"
    done = run_cli("report", "period", "-o", str(out), "--db", str(db), "--period", "2021-Q1")
    assert done.returncode == 2
    assert "Mới có 6/53 nhiệm vụ (11,32%) có số liệu tiến độ" in done.stderr
    assert not out.exists()  # most tasks have no report in the demo's Quý I: a draft only
    done = run_cli("report", "period", "-o", str(out), "--db", str(db), "--period", "2021-Q1",
                   "--draft")
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = run_cli("report", "lich", "-o", str(tmp_path / "y.pdf"), "--db", str(db))
    assert bad.returncode == 1 and "Không có loại báo cáo" in bad.stderr
    assert not (tmp_path / "y.pdf").exists()


def test_inspection_plan_report_from_the_demo(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    out = tmp_path / "kiem-tra.pdf"
    done = run_cli("report", "kiem-tra", "-o", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_export_then_import_gives_the_same_tasks(tmp_path: Path) -> None:
    import json

    db = tmp_path / "x.sqlite"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    out = tmp_path / "phu-luc.xlsx"
    done = run_cli("export", str(out), "--db", str(db))
    assert done.returncode == 0, done.stderr
    back = run_cli("import", str(out), "--dry-run", "--json")
    assert back.returncode == 0, back.stderr
    data = json.loads(back.stdout)
    assert len(data["tasks"]) == 53 and len(data["sections"]) == 7
    assert data["declared_total_million_vnd"] == 93.0
    conn = sqlite3.connect(db)
    first = conn.execute("SELECT content FROM tasks ORDER BY position LIMIT 1").fetchone()[0]
    conn.close()
    assert data["tasks"][0]["content"] == first


def test_import_snapshots_the_register_first(tmp_path: Path) -> None:
    sample = (Path(__file__).resolve().parents[3] / "shared" / "samples"
              / "phu-luc-ke-hoach-cchc-2022-so-noi-vu-dong-nai.xlsx")
    if not sample.exists():
        import pytest

        pytest.skip("shared samples are not beside the repository")
    db = tmp_path / "so.sqlite"
    assert run_cli("demo", "--db", str(db)).returncode == 0
    done = run_cli("import", str(sample), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert "Đã nhập 28 nhiệm vụ" in done.stdout
    snapshots = list((tmp_path / "so-sao-luu").glob("*truoc-nhap*.sqlite"))
    assert len(snapshots) == 1
    conn = sqlite3.connect(snapshots[0])
    assert conn.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53  # the state before
    conn.close()
