"""The import preview dialog on the real shared samples, with a real register."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.register.connection import Register
from ui.register.import_dialog import ImportDialog

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"

DAK_NONG = SAMPLES / "phu-luc-ke-hoach-cchc-2021-thanh-tra-dak-nong.xlsx"
pytestmark = pytest.mark.skipif(not DAK_NONG.exists(), reason="shared samples not beside repo")


def _tasks(register: Register) -> int:
    return int(register.db.execute("SELECT count(*) FROM tasks").fetchone()[0])


def test_preview_shows_kinds_mapping_and_counts(qtbot, register: Register) -> None:
    dialog = ImportDialog(register, path=DAK_NONG)
    qtbot.addWidget(dialog)
    assert "53 nhiệm vụ" in dialog.summary.text()
    assert dialog.mapping_boxes["content"].currentText().startswith("B")
    kinds = {dialog.rows_table.item(r, 0).text() for r in range(dialog.rows_table.rowCount())}
    assert {"Lĩnh vực", "Nhóm", "Nhiệm vụ", "Tổng cộng"} <= kinds
    assert dialog.import_button.isEnabled()
    assert _tasks(register) == 0  # preview writes nothing


def test_import_writes_the_plan_in_one_go(qtbot, register: Register) -> None:
    dialog = ImportDialog(register, path=DAK_NONG)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=20000):
        dialog.import_button.click()
    assert dialog.plan_id is not None
    assert _tasks(register) == 53


def test_cancelled_import_leaves_register_unchanged(qtbot, register: Register) -> None:
    dialog = ImportDialog(register, path=DAK_NONG)
    qtbot.addWidget(dialog)
    dialog.cancel_requested = True  # the officer pressed Hủy as the import started
    dialog.start_import()
    qtbot.waitUntil(lambda: "Chưa nhập" in dialog.summary.text(), timeout=20000)
    assert _tasks(register) == 0
    assert register.db.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def test_reassigning_a_column_rereads_the_sheet(qtbot, register: Register) -> None:
    dialog = ImportDialog(register, path=DAK_NONG)
    qtbot.addWidget(dialog)
    combo = dialog.mapping_boxes["result"]
    combo.setCurrentIndex(0)  # (không dùng)
    dialog._mapping_changed()
    assert dialog.parsed is not None
    assert all(task.result == "" for task in dialog.parsed.tasks)


def test_unreadable_file_is_explained(qtbot, register: Register, tmp_path) -> None:
    bad = tmp_path / "bao-cao.xlsx"
    bad.write_text("TT,Nội dung\n1,abc\n", encoding="utf-8")
    dialog = ImportDialog(register, path=bad)
    qtbot.addWidget(dialog)
    assert "Không đọc được" in dialog.summary.text()
    assert "bao-cao.xlsx" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
