"""Several evidence files per progress entry, kept beside the register, opened with the
system's default program."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.evidence import evidence_files
from cchc_desktop.register.connection import Register
from ui.progress.progress_panel import ProgressDialog


class _Opener(QObject):
    """Stands in for the desktop's file opener through Qt's own hook (setUrlHandler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toLocalFile())


def test_two_evidence_files_are_kept_and_opened(qtbot: Any, register: Register,
                                                tmp_path: Path) -> None:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    task_id = services.add_task(register, plan_id, TaskDraft(content="Ban hành kế hoạch",
                                                            timeframe="Quý I/2026"))
    sources = []
    for name, body in (("ke-hoach.docx", b"PK docx"), ("bien-ban.pdf", b"%PDF-1.4")):
        path = tmp_path / "tai-lieu" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(body)
        sources.append(str(path))
    dialog = ProgressDialog(register, task_id, "2026-Q1", today=date(2026, 3, 20))
    qtbot.addWidget(dialog)
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.evidence.add_paths(sources)
    assert dialog.save()
    files = evidence_files(register, task_id, "2026-Q1")
    assert [Path(f).name for f in files] == ["ke-hoach.docx", "bien-ban.pdf"]
    assert all((register.path.parent / f).read_bytes()[:2] in (b"PK", b"%P") for f in files)
    again = ProgressDialog(register, task_id, "2026-Q1", today=date(2026, 3, 20))
    qtbot.addWidget(again)
    assert again.evidence.files() == files
    opener = _Opener()
    QDesktopServices.setUrlHandler("file", opener, "open")
    try:
        again.evidence.list.setCurrentRow(1)
        assert again.evidence.open_current()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert opener.urls == [str(register.path.parent / files[1])]
    again.evidence.list.setCurrentRow(0)
    again.evidence.remove_current()
    assert again.save()
    assert evidence_files(register, task_id, "2026-Q1") == files[1:]
