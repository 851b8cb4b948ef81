"""Text derived from tasks and sections: the folded search text, the CCHC area of a title."""

from __future__ import annotations

from cchc_desktop.errors import CchcError
from cchc_desktop.plans.models import Task, TaskDraft
from cchc_desktop.text.folding import fold, search_fold

_AREA_KEYWORDS = (
    ("chi dao", "direction"),
    ("the che", "institutions"),
    ("thu tuc", "procedures"),
    ("to chuc bo may", "organisation"),
    ("bo may", "organisation"),
    ("cong vu", "civil_service"),
    ("tai chinh", "public_finance"),
    ("chinh quyen", "digital_government"),
    ("chinh phu dien tu", "digital_government"),
)


class ImportCancelled(CchcError):
    """The officer cancelled an import; nothing was written."""


def area_of(title: str) -> str | None:
    """Return the CCHC area key a section title names, if it names one."""
    folded = fold(title)
    for keyword, area in _AREA_KEYWORDS:
        if keyword in folded:
            return area
    return None


def search_text(task: Task | TaskDraft) -> str:
    """Return the folded text that search matches for a task."""
    parts = [task.number, task.content, task.result, task.lead_text, task.partner_text]
    return search_fold(" ".join([*parts, task.timeframe, task.notes]))
