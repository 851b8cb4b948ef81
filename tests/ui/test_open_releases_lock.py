"""Tệp → Mở another register: the first is released, the second is locked for this window."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.register.connection import open_register
from cchc_desktop.register.lock import RegisterInUse, acquire, lock_path, open_for_writing
from ui.shell.main_window import MainWindow


def test_opening_another_register_moves_the_lock(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "mot.sqlite", tmp_path / "hai.sqlite"
    open_register(second).close()
    window = MainWindow(open_for_writing(first))
    qtbot.addWidget(window)
    window.ops.quiet = True
    assert lock_path(first).exists()
    assert window.files.open_path(second)
    assert not lock_path(first).exists()  # released: another window may now open it
    acquire(first).release()
    with pytest.raises(RegisterInUse):  # the second is this window's now
        acquire(second)
    window.close()
    window.register.close()
    assert not lock_path(second).exists()


def test_a_register_held_elsewhere_is_offered_read_only(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "mot.sqlite", tmp_path / "hai.sqlite"
    open_register(second).close()
    window = MainWindow(open_for_writing(first))
    qtbot.addWidget(window)
    window.ops.quiet = True
    other = acquire(second)  # another window holds the second register
    try:
        window.ops.answer = False
        assert not window.files.open_path(second)
        assert window.register.path == first and lock_path(first).exists()
        window.ops.answer = True
        assert window.files.open_path(second)
        assert window.register.read_only and not lock_path(first).exists()
    finally:
        other.release()
        window.close()
        window.register.close()


def test_opening_a_damaged_register_offers_its_newest_good_snapshot(
        qtbot, tmp_path: Path) -> None:
    from cchc_desktop.register import backup
    from cchc_desktop.start.demo import create_demo

    first, second = tmp_path / "mot.sqlite", tmp_path / "hai.sqlite"
    damaged = open_register(second)
    create_demo(damaged)
    backup.snapshot(damaged, backup.REASON_STARTUP)
    damaged.close()
    second.write_bytes(second.read_bytes()[:-1000])  # cut short (a copy that did not finish)
    window = MainWindow(open_for_writing(first))
    qtbot.addWidget(window)
    window.ops.quiet = True
    window.ops.answer = False
    assert not window.files.open_path(second)
    window.ops.answer = True
    assert window.files.open_path(second)
    assert window.register.path == second and window.plan_box.count() == 1
    assert list(tmp_path.glob("hai.hong-*.sqlite"))
