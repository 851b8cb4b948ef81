"""What the report dialog shows and saves: documents besides the plan's own (the inspection
documents: a label, a file name and a function collecting it onto the document model), the
previewed result, and where to save it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from cchc_desktop.register.connection import Register
from cchc_desktop.reports.model import Document, Missing
from ui.widgets import file_dialogs

Builder = Callable[[Register], Document]


@dataclass(frozen=True)
class DocumentChoice:
    """A document offered in the report dialog; build runs in a worker with its own register."""

    key: str
    label: str
    build: Builder
    file_name: str = "van-ban.pdf"


@dataclass
class Rendered:
    """A previewed document: its model, the PDF made from it, and what it still lacks."""

    document: Document
    path: Path
    missing: list[Missing]


def ask_save_path(parent: QWidget, title: str, name: str, suffix: str,
                  draft: bool) -> Path | None:
    """Ask where to save (suffix "" lets the officer choose PDF or Word); None if cancelled."""
    stem = Path(name or "bao-cao.pdf").stem + ("-du-thao" if draft else "")
    filters = {"": "Tệp PDF (*.pdf);;Tệp Word (*.docx)", ".pdf": "Tệp PDF (*.pdf)",
               ".docx": "Tệp Word (*.docx)"}[suffix]
    target, chosen = file_dialogs.get_save_file_name(
        parent, title, str(Path.home() / f"{stem}{suffix or '.pdf'}"), filters)
    if not target:
        return None
    if Path(target).suffix.lower() in (".pdf", ".docx"):
        return Path(target)
    return Path(f"{target}{suffix or ('.docx' if 'docx' in chosen else '.pdf')}")
