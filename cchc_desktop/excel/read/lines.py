"""A body row of the task table as the row passes see it: its number, fields and merge marks."""

from __future__ import annotations

from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.appendix import RowInfo

# Text fields of a Line, in this order.
TEXT_KEYS = (h.CONTENT, h.RESULT, h.LEAD, h.PARTNER, h.TIMEFRAME, h.NOTES)
F_CONTENT, F_RESULT, F_LEAD, F_PARTNER, F_TIME, F_NOTES = range(6)
DETAIL_FIELDS = (F_RESULT, F_LEAD, F_PARTNER, F_TIME, F_NOTES)
FILL_DOWN_KEYS = (h.RESULT, h.LEAD, h.PARTNER, h.TIMEFRAME, h.NOTES)


class Line:
    """A body row that may be a section, group, task or part of one."""

    __slots__ = ("after_header", "block", "budget", "fields", "filled", "info", "level",
                 "num_kind", "number", "row", "shared")  # fmt: skip

    def __init__(
        self, info: RowInfo, number: str, num_kind: int, level: int, fields: list[str]
    ) -> None:
        self.info = info
        self.row = info.row
        self.number = number
        self.num_kind = num_kind
        self.level = level
        self.fields = fields
        self.budget: float | None = None
        self.after_header = False
        self.shared = 0  # bit i set: field i is the top of a cell merged down over later rows
        self.filled = 0  # bit i set: field i was copied down from a merged cell above
        self.block = False  # inside a TT cell merged down: a further paragraph of the row above

    @property
    def content(self) -> str:
        """Return the task wording."""
        return self.fields[F_CONTENT]

    def has_details(self, ignore_shared: bool = False) -> bool:
        """Return True when a column other than content (and budget) holds text."""
        fields = self.fields
        for index in DETAIL_FIELDS:
            if fields[index] and not (ignore_shared and self.shared >> index & 1):
                return True
        return False
