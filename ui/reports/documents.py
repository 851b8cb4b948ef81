"""Documents the report dialog can show besides the plan's own (the inspection documents):
each is a label, a file name and a function that collects it onto the document model."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cchc_desktop.register.db import Register
from cchc_desktop.reports.model import Document

Builder = Callable[[Register], Document]


@dataclass(frozen=True)
class DocumentChoice:
    """A document offered in the report dialog; build runs in a worker with its own register."""

    key: str
    label: str
    build: Builder
    file_name: str = "van-ban.pdf"
