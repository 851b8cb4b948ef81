"""Cell styles of the workbooks the app writes, per row kind (Times New Roman 12–14)."""

from __future__ import annotations

from cchc_desktop.excel.write.writer import DATE_FORMAT, CellStyle

INPUT_FILL = "FFF2CC"  # light yellow: the cells a unit fills in
LATE_COLOR = "C00000"
INTEGER = "#,##0"
DECIMAL = "#,##0.0##"

MERGED_KINDS = frozenset({"appendix", "title", "attachment", "blank", "words", "summary"})

BODY = CellStyle()
CENTER = CellStyle(align="center")
BOLD = CellStyle(bold=True)
BOLD_CENTER = CellStyle(bold=True, align="center")
NO_BORDER = CellStyle(border=False)
HEADER = CellStyle(bold=True, align="center", valign="center")
TITLE_STYLES: dict[str, CellStyle] = {
    "appendix": CellStyle(size=14, bold=True, align="center", valign="center", border=False),
    "title": CellStyle(size=13, bold=True, align="center", valign="center", border=False),
    "attachment": CellStyle(size=13, italic=True, align="center", valign="center",
                            border=False),
    "blank": NO_BORDER,
    "summary": CellStyle(italic=True, border=False),
    "words": CellStyle(italic=True, align="center", valign="center"),
}


def _row(first: CellStyle, second: CellStyle, rest: CellStyle, count: int) -> list[CellStyle]:
    """Return styles for a row: number cell, content cell, then the others."""
    return [first, second] + [rest] * (count - 2)


def appendix_styles(count: int) -> dict[str, CellStyle | list[CellStyle]]:
    """Return the styles of every row kind of the appendix sheet (count columns)."""
    def task(number_format: str) -> list[CellStyle]:
        """Return a task row's styles with the budget in a number format."""
        styles = _row(CENTER, BODY, BODY, count)
        styles[5] = CENTER
        styles[6] = CellStyle(align="right", number_format=number_format)
        return styles

    def total(number_format: str) -> list[CellStyle]:
        """Return the total row's styles."""
        styles = _row(BOLD_CENTER, BOLD_CENTER, BOLD, count)
        styles[6] = CellStyle(bold=True, align="right", number_format=number_format)
        return styles

    return {
        **TITLE_STYLES,
        "header": HEADER,
        "section": _row(BOLD_CENTER, BOLD, BOLD, count),
        "group": _row(BOLD_CENTER, BOLD, BOLD, count),
        "task": task(INTEGER),
        "task_dec": task(DECIMAL),
        "total": total(INTEGER),
        "total_dec": total(DECIMAL),
    }


def progress_styles(count: int) -> dict[str, CellStyle | list[CellStyle]]:
    """Return the styles of every row kind of the progress sheet (count columns)."""
    task = _row(CENTER, BODY, BODY, count)
    for index in (3, 8):
        task[index] = CellStyle(align="center", number_format=DATE_FORMAT)
    task[4] = CENTER
    task[5] = CellStyle(align="center", number_format="0")
    task[9] = CellStyle(align="center", color=LATE_COLOR, bold=True)
    return {
        **TITLE_STYLES,
        "header": HEADER,
        "section": _row(BOLD_CENTER, BOLD, BOLD, count),
        "task": task,
    }


def template_styles(count: int, inputs: range) -> dict[str, CellStyle | list[CellStyle]]:
    """Return the styles of a return template: input columns unlocked and shaded."""
    task = _row(CENTER, CENTER, BODY, count)
    task[0] = CellStyle(align="center", number_format="0")
    task[3] = CENTER
    task[4] = CENTER
    for index in inputs:
        task[index] = CellStyle(fill=INPUT_FILL, locked=False)
    task[inputs.start] = CellStyle(fill=INPUT_FILL, locked=False, align="center")
    task[inputs.start + 1] = CellStyle(fill=INPUT_FILL, locked=False, align="center",
                                       number_format="0")
    task[inputs.stop - 1] = CellStyle(fill=INPUT_FILL, locked=False, align="center",
                                      number_format=DATE_FORMAT)
    header = [HEADER] * count
    for index in inputs:
        header[index] = CellStyle(bold=True, align="center", valign="center", fill=INPUT_FILL)
    return {
        **TITLE_STYLES,
        "header": header,
        "section": _row(BOLD_CENTER, BOLD_CENTER, BOLD, count),
        "task": task,
    }


def plain_styles() -> dict[str, CellStyle | list[CellStyle]]:
    """Return the styles of text-only sheets (instructions, hidden data)."""
    return {
        "heading": CellStyle(size=14, bold=True, border=False, valign="center"),
        "subheading": CellStyle(size=13, bold=True, border=False),
        "text": CellStyle(size=13, border=False),
        "data": CellStyle(border=False, wrap=False),
        "blank": NO_BORDER,
    }
