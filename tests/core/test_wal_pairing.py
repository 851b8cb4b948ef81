"""A copy of the register file alone is current once the WAL is checkpointed, and a -wal left
beside another version of the file (an older copy put back) is recognised, never replayed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop import cli
from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register.checks import ForeignWal
from cchc_desktop.register.connection import Register, open_register


def plans_in(path: Path) -> set[str]:
    """Return the plan titles of a register file opened alone (its -wal ignored)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM plans")}
    finally:
        conn.close()


def crash_image(register: Register, folder: Path) -> Path:
    """Copy the register file and its -wal as a crash would leave them; return the copy."""
    folder.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(register.path.with_name(register.path.name + suffix),
                    folder / f"so.sqlite{suffix}")
    return folder / "so.sqlite"


def test_a_checkpointed_register_file_alone_is_current(register: Register,
                                                       tmp_path: Path) -> None:
    assert register.checkpoint()  # the new register's tables are in the file
    services.create_plan(register, Plan(0, "Kế hoạch vừa ghi"))
    assert "Kế hoạch vừa ghi" not in plans_in(register.path)  # still only in the -wal
    assert register.checkpoint()
    copy = tmp_path / "ban-chep.sqlite"
    shutil.copy(register.path, copy)  # Explorer copies the one file the officer sees
    assert plans_in(copy) == {"Kế hoạch vừa ghi"}


def test_an_older_copy_put_back_beside_a_newer_wal_is_refused(register: Register,
                                                              tmp_path: Path) -> None:
    services.create_plan(register, Plan(0, "Kế hoạch cũ"))
    register.checkpoint()
    older = tmp_path / "cu.sqlite"
    shutil.copy(register.path, older)  # the copy on the USB stick
    for number in range(3):
        services.create_plan(register, Plan(0, f"Kế hoạch mới {number}"))
        register.checkpoint()
    services.create_plan(register, Plan(0, "Kế hoạch chỉ có trong -wal"))
    image = crash_image(register, tmp_path / "sap")
    sound = open_register(image, read_only=True)  # the pair as it was: whole
    assert len(sound.db.execute("SELECT id FROM plans").fetchall()) == 5
    sound.close()
    shutil.copy(older, image)  # the officer copies the old file back; the -wal stays
    with pytest.raises(ForeignWal, match="không thuộc về tệp sổ này"):
        open_register(image)
    assert cli.main(["export", str(tmp_path / "x.xlsx"), "--db", str(image)]) == cli.EXIT_ERROR
    assert plans_in(image) == {"Kế hoạch cũ"}  # nothing replayed into it
