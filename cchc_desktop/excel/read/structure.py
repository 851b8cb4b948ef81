"""Second pass: join rows split at page breaks, then tell sections, groups and tasks apart.

Rules (not special cases):
- A row without a number continues the row above when its content is empty (the heading's
  details sit on the next row, so the heading becomes the task), when its content starts in lower
  case, or when it comes right after a repeated header and either has only a content (the rest of
  a cut title) or does not fill every column the row above fills. A numbered row whose
  content is empty or lower case continues an unnumbered row above, and its number moves up.
- A Roman numeral opens a section. An Arabic number with only a title opens a group when the
  next row is a sub-number (1 → 1.1), an unnumbered row, or numbering restarting at 1; otherwise
  it is a task with only a content. A group lasts until the next group or section.
"""

from __future__ import annotations

from cchc_desktop.excel.read.amounts import format_million, words_to_dong
from cchc_desktop.excel.read.appendix import (
    ROW_CONTINUATION,
    ROW_GROUP,
    ROW_IGNORED,
    ROW_SECTION,
    ROW_TASK,
    ParsedAppendix,
    ParsedGroup,
    ParsedSection,
    ParsedTask,
)
from cchc_desktop.excel.read.rows import (
    F_CONTENT,
    F_LEAD,
    F_PARTNER,
    F_RESULT,
    F_TIME,
    NUM_ARABIC,
    NUM_LETTER,
    NUM_NONE,
    NUM_ROMAN,
    BodyScan,
    BodyScanner,
    Line,
)

_COMPARED_FIELDS = (F_CONTENT, F_RESULT, F_LEAD, F_PARTNER, F_TIME)
_NEW_LINE_MARKS = ("- ", "+ ", "• ")


def starts_lower(text: str) -> bool:
    """Return True when the first letter of the text is lower case."""
    for char in text:
        if char.isalpha():
            return char.islower()
        if char.isdigit():
            return False
    return False


def continuation_reason(prev: Line, line: Line) -> str:
    """Say why a line continues the previous one ("" when it does not)."""
    if line.num_kind == NUM_ROMAN:
        return ""
    content = line.fields[F_CONTENT]
    if line.num_kind == NUM_NONE:
        if not content:
            return "details" if prev.num_kind != NUM_ROMAN and line.has_details() else ""
        if starts_lower(content):
            return "lower"
        if line.after_header and (
            not line.has_details() or (prev.num_kind != NUM_ROMAN and not _fills_all(prev, line))
        ):
            return "page"  # the rest of a title or row cut by the page break
        return ""
    if prev.num_kind != NUM_NONE or not prev.fields[F_CONTENT]:
        return ""
    moves_up = starts_lower(content) if content else line.has_details()
    return "number" if moves_up else ""


def _fills_all(prev: Line, line: Line) -> bool:
    """Return True when the line fills every column the previous line fills."""
    return all(line.fields[i] for i in _COMPARED_FIELDS if prev.fields[i])


def join_cell(first: str, second: str) -> str:
    """Join the two halves of a split cell (a "- " item starts a new line)."""
    if not first:
        return second
    if not second:
        return first
    return first + ("\n" if second.startswith(_NEW_LINE_MARKS) else " ") + second


def merge_split_rows(lines: list[Line], scanner: BodyScanner) -> list[Line]:
    """Join rows split at page breaks and details rows into the row they belong to."""
    items: list[Line] = []
    for line in lines:
        reason = continuation_reason(items[-1], line) if items else ""
        if not reason:
            items.append(line)
            continue
        prev = items[-1]
        prev.fields = [join_cell(a, b) for a, b in zip(prev.fields, line.fields, strict=True)]
        if line.budget is not None:
            if prev.budget is not None:
                scanner.warn(
                    line.row,
                    "Nửa sau của dòng bị ngắt trang có kinh phí riêng; "
                    "kinh phí hai nửa được cộng lại, hãy kiểm tra.",
                    scanner.budget_col,
                )
            prev.budget = (prev.budget or 0.0) + line.budget
        if reason == "number":
            prev.number, prev.num_kind, prev.level = line.number, line.num_kind, line.level
        if reason == "page":
            scanner.warn(
                line.row,
                f"Dòng này được ghép vào dòng {prev.row} (dòng bị ngắt "
                "sang trang sau khi chuyển từ PDF); hãy kiểm tra.",
            )
        line.info.kind = ROW_CONTINUATION
    return items


def opens_group(item: Line, nxt: Line | None) -> bool:
    """Return True when a title-only numbered row heads the rows after it."""
    if nxt is None or nxt.num_kind == NUM_ROMAN:
        return False
    if nxt.num_kind == NUM_NONE:
        return bool(nxt.fields[F_CONTENT])
    if nxt.num_kind == NUM_LETTER:
        return True
    if nxt.num_kind == NUM_ARABIC:
        return nxt.number.startswith(item.number + ".") or nxt.number == "1"
    return False


def build_structure(items: list[Line], parsed: ParsedAppendix, scanner: BodyScanner) -> None:
    """Turn merged lines into sections, groups and tasks."""
    section: str | None = None
    group: str | None = None
    for index, item in enumerate(items):
        if item.num_kind == NUM_ROMAN:
            section, group = item.number, None
            _add_section(item, parsed, scanner)
        elif not item.fields[F_CONTENT]:
            _skip_without_content(item, scanner)
        elif item.level == 1 and item.num_kind == NUM_ARABIC and _is_group(items, index):
            group = item.number
            parsed.groups.append(ParsedGroup(section, group, item.fields[F_CONTENT], item.row))
            item.info.kind = ROW_GROUP
        else:
            parsed.tasks.append(_task(item, section, group))
            item.info.kind = ROW_TASK


def _is_group(items: list[Line], index: int) -> bool:
    """Return True when the item at index is a title-only heading of the rows after it."""
    item = items[index]
    if item.has_details(ignore_shared=True):
        return False
    return opens_group(item, items[index + 1] if index + 1 < len(items) else None)


def _add_section(item: Line, parsed: ParsedAppendix, scanner: BodyScanner) -> None:
    """Record a section row (warn when it carries task details)."""
    parsed.sections.append(ParsedSection(item.number, item.fields[F_CONTENT], item.row))
    item.info.kind = ROW_SECTION
    if item.has_details() or item.budget:
        scanner.warn(
            item.row,
            f"Dòng mục {item.number} có thêm dữ liệu ngoài tên mục; "
            "phần này không được nhập như một nhiệm vụ.",
        )


def _skip_without_content(item: Line, scanner: BodyScanner) -> None:
    """Warn about a row that has no task wording and leave it out."""
    item.info.kind = ROW_IGNORED
    col = scanner.cols[F_CONTENT]
    if item.has_details() or item.budget is not None:
        message = "Dòng có dữ liệu nhưng ô Nội dung trống; dòng này không được nhập."
    else:
        message = f"Dòng chỉ có số thứ tự '{item.number}', không có nội dung; đã bỏ qua."
    scanner.warn(item.row, message, col)


def _task(item: Line, section: str | None, group: str | None) -> ParsedTask:
    """Build the task of one merged line (positional: this runs once per task)."""
    content, result, lead, partner, timeframe, notes = item.fields
    number = item.number if item.num_kind != NUM_NONE else ""
    return ParsedTask(
        number, section, group, content, result, lead, partner, timeframe, item.budget, notes,
        item.row,
    )  # fmt: skip


def check_totals(parsed: ParsedAppendix, scan: BodyScan, scanner: BodyScanner) -> None:
    """Compare the declared total and the amount in words with the sum of budgets."""
    total = parsed.total_budget
    declared = parsed.declared_total
    if declared is not None and abs(declared - total) > 0.0005:
        scanner.warn(
            scan.total_row,
            f"Dòng Tổng cộng ghi {format_million(declared)} triệu đồng nhưng tổng kinh phí "
            f"các nhiệm vụ là {format_million(total)} triệu đồng.",
            None if scan.total_column is None else _column_index(scan.total_column),
        )
    words = parsed.amount_in_words
    reference = declared if declared is not None else total
    if words and reference:
        dong = words_to_dong(words)
        if dong is not None and abs(dong - reference * 1_000_000) > 0.5:
            scanner.warn(
                _words_row(parsed),
                f"Số tiền bằng chữ ({f'{dong:,}'.replace(',', '.')} đồng) không khớp với "
                f"tổng {format_million(reference)} triệu đồng.",
            )


def _column_index(letter: str) -> int:
    """Return the 0-based index of a column letter."""
    index = 0
    for char in letter:
        index = index * 26 + ord(char) - 64
    return index - 1


def _words_row(parsed: ParsedAppendix) -> int:
    """Return the sheet row of the amount-in-words line."""
    for info in reversed(parsed.rows):
        if info.cells and parsed.amount_in_words in info.cells:
            return info.row
    return 0
