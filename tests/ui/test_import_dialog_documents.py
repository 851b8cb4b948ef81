"""The import preview dialog on Word and PDF plans and on a PDF-converted workbook."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.register.connection import Register
from ui.register.import_dialog import ImportDialog


def _tasks(register: Register) -> int:
    return int(register.db.execute("SELECT count(*) FROM tasks").fetchone()[0])


CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"


@pytest.mark.parametrize("name", ["c15-ke-hoach-day-du.docx", "c15-ke-hoach-day-du.pdf"])
def test_word_and_pdf_plans_preview_like_a_workbook(qtbot, register: Register, name: str) -> None:
    dialog = ImportDialog(register, path=CORPUS / name)
    qtbot.addWidget(dialog)
    assert "11 nhiệm vụ" in dialog.summary.text() and "Bảng" in dialog.summary.text()
    assert dialog.mapping_boxes["partner_units"].currentText().startswith("D")
    combo = dialog.mapping_boxes["result"]
    combo.setCurrentIndex(0)  # (không dùng): the same table is read again
    dialog._mapping_changed()
    assert dialog.parsed is not None and len(dialog.parsed.tasks) == 11
    assert all(task.result == "" for task in dialog.parsed.tasks)
    assert _tasks(register) == 0


def test_warnings_name_the_sheet_and_row(qtbot, register: Register) -> None:
    dialog = ImportDialog(register, path=CORPUS / "c11-pdf-sang-excel.xlsx")
    qtbot.addWidget(dialog)
    texts = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any(t.startswith("Trang 'Phụ lục', dòng 9:") and "'LM'" in t for t in texts)
    assert any(t.startswith("Trang 'Phụ lục', dòng 7, cột D:") for t in texts)
