"""Save an inspection document (Kế hoạch kiểm tra, Thông báo kết luận) as PDF or Word.

When the pre-print check finds something missing, the officer is told what and offered a draft
(marked "DỰ THẢO" on every page) instead of a document that looks ready to sign.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from cchc_desktop.errors import CchcError
from cchc_desktop.reports.checks import MissingInfoError
from ui.inspections.forms import attempt, show_error
from ui.widgets import file_dialogs

FILTERS = "Tệp PDF (*.pdf);;Tệp Word (*.docx)"
Writer = Callable[[Path, bool], object]


def ask_path(parent: QWidget, title: str, default: Path) -> Path | None:
    """Ask where to save (PDF or Word); return the path with its extension, None if cancelled."""
    target, chosen = file_dialogs.get_save_file_name(parent, title, str(default), FILTERS)
    if not target:
        return None
    path = Path(target)
    if path.suffix.lower() not in (".pdf", ".docx"):
        path = path.with_name(f"{path.name}{'.docx' if 'docx' in chosen else '.pdf'}")
    return path


def save_or_offer_draft(parent: QWidget, path: Path, write: Writer) -> bool:
    """Write the document; if something is missing, say what and offer to save a draft."""
    try:
        write(path, False)
    except MissingInfoError as error:
        parent.setProperty("last_error", str(error))
        answer = QMessageBox.question(
            parent, "Văn bản còn thiếu thông tin",
            f"{error}\n\nLưu bản dự thảo (có chữ “DỰ THẢO” trên mỗi trang) vào {path.name}?")
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return attempt(parent, lambda: write(path, True))
    except CchcError as error:
        parent.setProperty("last_error", str(error))
        show_error(parent, error)
        return False
    parent.setProperty("last_error", "")
    return True
