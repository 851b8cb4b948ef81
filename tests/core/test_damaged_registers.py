"""Damaged registers are refused on open, never snapshotted; text that is not UTF-8 is shown
with a replacement mark.

DAMAGED variants of a real register (empty, cut short at many points, header fields broken,
pages zeroed or overwritten, bytes flipped, tables dropped) are each either refused with a
Vietnamese RegisterError naming the file, or, when the damage leaves SQLite's structure whole
(a flipped letter inside a text), opened and read through completely. Never another exception.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop import cli
from cchc_desktop.errors import RegisterError
from cchc_desktop.excel.write.export import run_export
from cchc_desktop.plans import services
from cchc_desktop.register import backup
from cchc_desktop.register.checks import RegisterDamaged
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.register.lock import checked_open
from cchc_desktop.reports.cli import run_report

SEED = 20261206
FLIPS = 40
STRUCTURAL = 17  # empty, header only, 6 cuts, page size, 4 pages zeroed, 4 overwritten


def plain_copy(register: Register, folder: Path) -> Path:
    """Return a one-file copy of the register (no -wal) to damage."""
    folder.mkdir()
    target = folder / "so.sqlite"
    backup.copy_file(register.path, target)
    return target


def variants(source: Path, rng: random.Random) -> list[tuple[str, bytes]]:
    """Return (name, bytes) of damaged copies of a register file."""
    data = source.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    found: list[tuple[str, bytes]] = [("rong", b""), ("dau-tep", data[:50])]
    found += [(f"cat-{cut}", data[:cut]) for cut in (100, page, page + 1, len(data) // 2,
                                                      len(data) - page, len(data) - 1)]
    found.append(("co-trang-sai", data[:16] + b"\x00\x03" + data[18:]))
    for number in (1, 2, len(data) // page // 2, len(data) // page - 1):
        start = number * page
        found.append((f"trang-{number}-rong", data[:start] + bytes(page) + data[start + page:]))
        junk = bytes(rng.randrange(256) for _ in range(page))
        found.append((f"trang-{number}-rac", data[:start] + junk + data[start + page:]))
    for flip in range(FLIPS):
        at = rng.randrange(100, len(data))
        damaged = bytearray(data)
        damaged[at] ^= 1 << rng.randrange(8)
        found.append((f"lat-{flip}-{at}", bytes(damaged)))
    return found


def read_through(register: Register) -> None:
    """Read every row of every table (what the window, export and reports decode)."""
    tables = [row[0] for row in register.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")]
    for table in tables:
        register.db.execute(f"SELECT * FROM [{table}]").fetchall()


def test_damaged_registers_are_refused_cleanly(demo_register: Register, tmp_path: Path) -> None:
    source = plain_copy(demo_register, tmp_path / "goc")
    refused = opened = 0
    for name, data in variants(source, random.Random(SEED)):
        path = tmp_path / name / "so.sqlite"
        path.parent.mkdir()
        path.write_bytes(data)
        try:
            register = open_register(path, read_only=True)
        except RegisterError as error:
            assert "'so.sqlite'" in str(error), (name, str(error))
            refused += 1
            continue
        assert name.startswith("lat-"), f"{name}: structural damage opened"
        try:
            read_through(register)
            opened += 1
        except sqlite3.DatabaseError:
            pytest.fail(f"{name}: opened although damaged")
        finally:
            register.close()
    print(f"\n{refused} damaged registers refused, {opened} with whole structure opened")
    assert refused >= STRUCTURAL and refused + opened == STRUCTURAL + FLIPS


def test_an_empty_register_is_refused_not_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "so.sqlite"
    path.write_bytes(b"")
    with pytest.raises(RegisterDamaged, match="tệp rỗng, 0 byte"):
        open_register(path)
    assert path.stat().st_size == 0  # untouched: nothing was imported into it


def test_the_newest_good_snapshot_is_offered_and_can_replace_the_damage(
        demo_register: Register) -> None:
    good = backup.snapshot(demo_register, backup.REASON_STARTUP)
    path = demo_register.path
    demo_register.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:2 * page] = bytes(page)  # the first table's root page wiped
    path.write_bytes(data)
    path.with_name(path.name + "-wal").unlink(missing_ok=True)
    with pytest.raises(RegisterDamaged) as caught:
        checked_open(path)
    assert f"Bản sao lưu tốt gần nhất: '{good.name}'" in str(caught.value)
    assert getattr(caught.value.snapshot, "path", None) == good
    kept = backup.replace_damaged(path, good)
    assert kept.exists() and kept.name.startswith("so.hong-")
    fresh = open_register(path)
    try:
        assert fresh.db.execute("SELECT count(*) FROM tasks").fetchone()[0] == 53
    finally:
        fresh.close()


def test_no_snapshot_is_taken_of_a_register_damaged_while_open(demo_register: Register) -> None:
    demo_register.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(demo_register.path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    last = len(data) // page - 1
    data[last * page:(last + 1) * page] = b"\xff" * page
    demo_register.path.write_bytes(data)
    with pytest.raises(RegisterDamaged):
        backup.snapshot(demo_register, backup.REASON_MANUAL)
    assert backup.list_snapshots(demo_register.path) == []
    assert not list(backup.backup_folder(demo_register.path).glob("*.tmp"))


def test_the_command_line_refuses_a_damaged_register_without_a_traceback(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "so.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00" + bytes(200))
    for command in (["import", "x.xlsx"], ["demo"], ["report", "plan", "-o", "x.pdf"]):
        if command[0] == "import":
            continue  # the workbook is read before the register
        assert cli.main([*command, "--db", str(path)]) == cli.EXIT_ERROR
        err = capsys.readouterr().err
        assert err.startswith("Lỗi: Sổ 'so.sqlite' bị hỏng") and "Traceback" not in err


def test_text_that_is_not_utf8_is_shown_exported_and_printed_with_a_mark(
        demo_register: Register, tmp_path: Path) -> None:
    plan_id = services.current_plan_id(demo_register) or 0
    task_id = demo_register.db.execute("SELECT min(id) FROM tasks WHERE plan_id = ?",
                                       [plan_id]).fetchone()[0]
    with demo_register.transaction() as db:
        db.execute("UPDATE tasks SET content = CAST(X'52C3A02073EF6174' AS TEXT) WHERE id = ?",
                   [task_id])  # "Rà s\xeftat": a byte a Latin-1 editor left behind
    copy = plain_copy(demo_register, tmp_path / "ban")
    register = open_register(copy, read_only=True)
    try:
        content = register.db.execute("SELECT content FROM tasks WHERE id = ?",
                                      [task_id]).fetchone()[0]
        assert content == "Rà s\ufffdat"
        out = run_export(register, tmp_path / "x.xlsx", plan_id, None)
        texts = {c.value for row in openpyxl.load_workbook(out).active.iter_rows() for c in row}
        assert "Rà s\ufffdat" in texts
        assert run_report(register, "plan", tmp_path / "k.pdf", plan_id, None).stat().st_size
    finally:
        register.close()
    shutil.rmtree(tmp_path / "ban")


def test_a_schema_text_that_is_not_utf8_is_refused(demo_register: Register,
                                                   tmp_path: Path) -> None:
    path = plain_copy(demo_register, tmp_path / "ban")
    data = bytearray(path.read_bytes())
    at = data.find(b"CREATE TABLE 'tasks_fts_idx'(segid")
    data[at + 28] = 0xE7  # "(" becomes a byte that is not UTF-8: SQLite's message quotes it
    path.write_bytes(data)
    with pytest.raises(RegisterError, match="'so.sqlite'"):
        open_register(path, read_only=True)
