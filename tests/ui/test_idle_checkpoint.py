"""The window copies the WAL into the register file when idle; a -wal that is not the
register's is set aside (kept) after asking, never replayed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register.connection import open_register
from cchc_desktop.register.lock import open_for_writing
from ui.shell.main_window import MainWindow
from ui.shell.opening import IdleCheckpoints


def titles_in_file_alone(path: Path) -> set[str]:
    """Return the plan titles the register file holds without its -wal."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?immutable=1", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM plans")}
    finally:
        conn.close()


def test_idle_checkpoint_makes_a_file_copy_current(qtbot, tmp_path: Path) -> None:
    window = MainWindow(open_for_writing(tmp_path / "so.sqlite"))
    qtbot.addWidget(window)
    idle = IdleCheckpoints(window)
    assert idle.timer.isActive()
    services.create_plan(window.register, Plan(0, "Kế hoạch chưa chép vào tệp"))
    assert idle.tick()
    copy = tmp_path / "ban-sao.sqlite"
    shutil.copy(window.register.path, copy)
    assert titles_in_file_alone(copy) == {"Kế hoạch chưa chép vào tệp"}


def test_a_foreign_wal_is_set_aside_after_asking(qtbot, tmp_path: Path) -> None:
    other = tmp_path / "khac" / "so.sqlite"
    other.parent.mkdir()
    register = open_register(other)
    register.checkpoint()
    older = tmp_path / "cu.sqlite"
    shutil.copy(other, older)
    for number in range(2):
        services.create_plan(register, Plan(0, f"Mới {number}"))
        register.checkpoint()
    services.create_plan(register, Plan(0, "Chỉ trong -wal"))
    image = tmp_path / "anh" / "so.sqlite"
    image.parent.mkdir()
    shutil.copy(other.with_name("so.sqlite-wal"), image.with_name("so.sqlite-wal"))
    shutil.copy(older, image)  # an older file put back beside the newer -wal
    register.close()
    window = MainWindow(open_for_writing(tmp_path / "mot.sqlite"))
    qtbot.addWidget(window)
    window.ops.quiet = True
    window.ops.answer = False
    assert not window.files.open_path(image)
    window.ops.answer = True
    assert window.files.open_path(image)
    assert window.register.path == image and window.plan_box.count() == 0
    assert list(image.parent.glob("so.sqlite-wal.khong-khop-*"))
