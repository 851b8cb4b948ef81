"""Công cụ → Nhật ký thay đổi, driven through its widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from cchc_desktop.errors import CchcError
from cchc_desktop.plans import repository, services
from cchc_desktop.plans.models import Agency
from cchc_desktop.register.connection import Register
from ui.shell.audit_dialog import COL_ACTION, COL_OFFICER, HEADERS, AuditDialog


@pytest.fixture
def trail(demo_register: Register) -> Register:
    """The demo register with one edit by a named officer and five entries dated 2025."""
    with demo_register.transaction() as db:
        agency = repository.get_agency(db)
        repository.save_agency(db, Agency(**{**agency.__dict__, "officer_name": "Lê Văn An"}))
    task = repository.list_tasks(demo_register.db, services.current_plan_id(demo_register) or 0)[0]
    draft = services.draft_of(task)
    draft.content = "Nội dung đã sửa lại"
    services.update_task(demo_register, task.id, draft)
    demo_register.db.execute("UPDATE audit_log SET at = '2025-06-01T08:00:00' WHERE id IN "
                             "(SELECT id FROM audit_log ORDER BY id LIMIT 5)")
    demo_register.db.conn.commit()
    return demo_register


def select(box, text: str) -> None:
    """Choose the item of a combo box with this text."""
    index = box.findText(text)
    assert index >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(index)


def test_shows_the_trail_and_filters_it(qtbot, trail: Register) -> None:
    dialog = AuditDialog(trail)
    qtbot.addWidget(dialog)
    total = dialog.model.rowCount()
    assert total > 15 and dialog.count_label.text() == f"{total} thay đổi"
    horizontal = Qt.Orientation.Horizontal
    assert [dialog.model.headerData(c, horizontal) for c in range(len(HEADERS))] == HEADERS
    select(dialog.action_box, "Sửa")
    edits = trail.db.execute("SELECT count(*) FROM audit_log WHERE action = 'edit'").fetchone()
    assert dialog.model.rowCount() == edits[0]
    assert dialog.model.index(0, COL_OFFICER).data() == "Lê Văn An"  # newest first
    dialog.table.selectRow(0)
    detail = dialog.detail.toPlainText()
    assert detail.startswith("Sửa · Nhiệm vụ I/1.1 Tổ chức họp")
    assert "Sau:   Nội dung đã sửa lại" in detail
    select(dialog.action_box, "Mọi thao tác")
    qtbot.keyClicks(dialog.search_box, "DA SUA LAI")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)  # refreshed once typing stopped
    dialog.search_box.clear()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == total)
    select(dialog.officer_box, "Lê Văn An")
    assert dialog.model.rowCount() == 1
    select(dialog.officer_box, "Mọi người sửa")
    dialog.to_date.setDate(QDate(2025, 12, 31))
    dialog.to_check.setChecked(True)
    assert dialog.model.rowCount() == 5
    assert dialog.model.index(0, COL_ACTION).data() in {"Thêm", "Nhập phụ lục", "Sửa"}


def test_export_to_a_missing_folder_is_refused(qtbot, trail: Register, tmp_path: Path) -> None:
    dialog = AuditDialog(trail)
    qtbot.addWidget(dialog)
    with pytest.raises(CchcError, match="không tồn tại"):
        dialog.export_to(tmp_path / "khong-co" / "nhat-ky.xlsx")


def test_export_writes_every_matching_entry(qtbot, trail: Register, tmp_path: Path) -> None:
    dialog = AuditDialog(trail)
    qtbot.addWidget(dialog)
    select(dialog.entity_box, "Đơn vị")
    shown = dialog.model.rowCount()
    out = tmp_path / "nhat-ky.xlsx"
    assert dialog.export_to(out) == shown > 0
    sheet = load_workbook(out).active
    assert sheet.max_row == shown + 1
    assert {row[4].value for row in sheet.iter_rows(min_row=2)} == {"Đơn vị"}
