"""Restoring the table's remembered columns safely, whatever version remembered them.

A header state saved when the table had fewer columns (before Hạn or Ghi chú were added) is
restored by Qt with the new columns appended, but Qt leaves its total width short by theirs:
the table then paints its rows, and the section and group headings that span them, only up
to that short width, and the last columns stay blank. Such a state is replayed instead: the
officer's widths, order and hidden columns, on a header whose total is right.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSignalBlocker
from PySide6.QtWidgets import QHeaderView


def shown_width(header: QHeaderView) -> int:
    """Return the width of the sections shown (what the header's length must be)."""
    return sum(header.sectionSize(s) for s in range(header.count())
               if not header.isSectionHidden(s))


def restore_header(header: QHeaderView, state: QByteArray) -> bool:
    """Restore a saved header state (its sort indicator asks for no sort); False if Qt
    refuses it. A state that leaves the header's length wrong is replayed section by section
    on the header as it was."""
    pristine = header.saveState()
    with QSignalBlocker(header):  # a remembered sort indicator must not sort the table
        if not header.restoreState(state):
            return False
    if header.length() == shown_width(header):
        return True
    sections = [(header.logicalIndex(v), header.sectionSize(header.logicalIndex(v)),
                 header.isSectionHidden(header.logicalIndex(v))) for v in range(header.count())]
    with QSignalBlocker(header):
        header.restoreState(pristine)
    for visual, (logical, size, hidden) in enumerate(sections):
        header.moveSection(header.visualIndex(logical), visual)
        if hidden:
            header.hideSection(logical)
        else:
            header.resizeSection(logical, size)
    return True
