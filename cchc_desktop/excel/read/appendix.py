"""What an appendix reader produces: the parsed table, before anything is written.

The reader (cchc_desktop.excel.reader) fills these; services.import_appendix writes them to the
register in one transaction; the CLI prints to_json() (the contract in DESIGN.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Row kinds shown (and coloured) in the import preview.
ROW_SECTION = "section"
ROW_GROUP = "group"
ROW_TASK = "task"
ROW_CONTINUATION = "continuation"  # second half of a row split at a PDF page break
ROW_HEADER = "header"  # the header row, or a repeated header at a page break
ROW_TOTAL = "total"  # "Tổng cộng" or "(Bằng chữ: …)"
ROW_IGNORED = "ignored"  # blank rows, title rows above the table, column-number rows


@dataclass
class ParsedSection:
    """A section row (lĩnh vực): Roman numeral code and title as printed."""

    code: str
    title: str
    source_row: int = 0


@dataclass
class ParsedGroup:
    """A group row: an Arabic number with only a title, inside a section (or none)."""

    section: str | None
    number: str
    title: str
    source_row: int = 0


@dataclass
class ParsedTask:
    """One task row with every appendix column (text as printed, whitespace kept)."""

    number: str
    section: str | None
    group: str | None
    content: str
    result: str = ""
    lead_units: str = ""
    partner_units: str = ""
    timeframe: str = ""
    budget_million_vnd: float | None = None
    notes: str = ""
    source_row: int = 0


@dataclass
class ImportWarning:
    """A problem worth telling the officer, located by sheet, row and (if known) column."""

    sheet: str
    row: int
    message: str
    column: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the JSON form used by `import --json`."""
        data: dict[str, Any] = {"sheet": self.sheet, "row": self.row, "message": self.message}
        if self.column:
            data["column"] = self.column
        return data


@dataclass
class RowInfo:
    """One sheet row as the preview shows it: its number, kind and cell texts."""

    row: int
    kind: str
    cells: list[str]


@dataclass
class PlanHints:
    """Plan facts found in the title rows ("(Kèm theo Kế hoạch số 1034/KH-TTr ngày …)")."""

    title: str = ""
    number: str = ""
    issued_on: str | None = None  # ISO date
    issuer: str = ""
    year: int | None = None


@dataclass
class ParsedAppendix:
    """Everything read from one appendix sheet."""

    file_name: str
    sheet: str
    sections: list[ParsedSection] = field(default_factory=list)
    groups: list[ParsedGroup] = field(default_factory=list)
    tasks: list[ParsedTask] = field(default_factory=list)
    declared_total: float | None = None
    amount_in_words: str | None = None
    warnings: list[ImportWarning] = field(default_factory=list)
    # column key ("number", "content", "result", "lead_units", "partner_units", "timeframe",
    # "budget", "notes") -> 0-based column index in the sheet
    header_map: dict[str, int] = field(default_factory=dict)
    header_row: int = 0
    unknown_columns: list[str] = field(default_factory=list)
    rows: list[RowInfo] = field(default_factory=list)
    hints: PlanHints = field(default_factory=PlanHints)
    sheet_names: list[str] = field(default_factory=list)

    @property
    def total_budget(self) -> float:
        """Sum of task budgets (millions of đồng)."""
        return float(sum(t.budget_million_vnd or 0 for t in self.tasks))
