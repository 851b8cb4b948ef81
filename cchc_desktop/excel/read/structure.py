"""Second pass: join rows split at page breaks, then tell sections, groups and tasks apart.

Rules (not special cases):
- A row without a number continues the row above when its content is empty (the heading's
  details sit on the next row, so the heading becomes the task), when its content starts in lower
  case, or when it comes right after a repeated header and either has only a content (the rest of
  a cut title) or does not fill every column the row above fills. A numbered row whose
  content is empty or lower case continues an unnumbered row above, and its number moves up.
- A Roman numeral (or a part "A", "Phần I") opens a section. A number with only a title opens a
  group when the next row is a sub-number (1 → 1.1, 1.1 → 1.1.1), a letter, an unnumbered row,
  or numbering restarting at 1; a letter with only a title ("a)", "đ") opens a group over
  numbered rows. Otherwise it is a task with only a content.
- Groups nest by numbering style, outermost first as they appear (1 → 1.1 → a): a heading closes
  the open group of its own style and those inside it; a task sits in the innermost open group.
  A numbered task at the level of a heading whose rows were lettered (1 → a, b → 2) ends that
  heading's block. A section closes every group.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    DETAIL_FIELDS,
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
        if line.block:
            return "block"  # under a TT cell merged down: another paragraph of the row above
        if content and line.filled and prev.num_kind != NUM_ROMAN and not _own_details(line):
            return "paragraph"  # the other cells merged down from the row above
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


def _own_details(line: Line) -> bool:
    """Return True when a column other than content holds text not copied from a merge above."""
    return any(line.fields[i] and not line.filled >> i & 1 for i in DETAIL_FIELDS)


def _fills_all(prev: Line, line: Line) -> bool:
    """Return True when the line fills every column the previous line fills."""
    return all(line.fields[i] for i in _COMPARED_FIELDS if prev.fields[i])


def join_cell(first: str, second: str, separator: str = " ") -> str:
    """Join the two halves of a split cell (a "- " item starts a new line).

    A token cut at a page break ("45/2016/QĐ-" + "TTg") is joined without a space.
    """
    if not first:
        return second
    if not second:
        return first
    if second.startswith(_NEW_LINE_MARKS):
        separator = "\n"
    elif first[-1] in "-/" and len(first) > 1 and not first[-2].isspace() and second[0].isalnum():
        separator = ""
    return first + separator + second


def _join_fields(prev: Line, line: Line, reason: str) -> None:
    """Join a continuation's cells to the row above (cells copied from a merge only once)."""
    paragraphs = reason in ("block", "paragraph")
    fields = prev.fields
    for index, text in enumerate(line.fields):
        if line.filled >> index & 1:
            continue  # the same merged cell as the row above
        fields[index] = join_cell(fields[index], text, "\n" if paragraphs else " ")


def merge_split_rows(lines: list[Line], scanner: BodyScanner) -> list[Line]:
    """Join rows split at page breaks and details rows into the row they belong to."""
    items: list[Line] = []
    for line in lines:
        reason = continuation_reason(items[-1], line) if items else ""
        if not reason:
            items.append(line)
            continue
        prev = items[-1]
        _join_fields(prev, line, reason)
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
        elif reason == "paragraph":
            scanner.warn(
                line.row,
                f"Dòng này không có số thứ tự và các ô khác được gộp với dòng trên; đã ghép "
                f"vào nhiệm vụ ở dòng {prev.row} như một đoạn của nó; hãy kiểm tra.",
            )
        line.info.kind = ROW_CONTINUATION
    return items


def opens_group(item: Line, nxt: Line | None) -> bool:
    """Return True when a title-only numbered or lettered row heads the rows after it."""
    if nxt is None or nxt.num_kind == NUM_ROMAN:
        return False
    if nxt.num_kind == NUM_NONE:
        return bool(nxt.fields[F_CONTENT])
    if item.num_kind == NUM_LETTER:
        return nxt.num_kind == NUM_ARABIC  # "a) Kiểm soát TTHC" over tasks 1, 2, …
    if nxt.num_kind == NUM_LETTER:
        return True
    if nxt.num_kind == NUM_ARABIC:
        sub = nxt.number.startswith(item.number + ".")
        return sub or (item.level == 1 and nxt.number == "1")
    return False


@dataclass
class _OpenGroup:
    """A group heading whose rows are being read, and the numbering style of its rows."""

    number: str
    style: tuple[int, int]
    child_style: tuple[int, int] | None = None


def _style(item: Line) -> tuple[int, int]:
    """Return the numbering style of a row: (kind, depth) — "1.2" is (arabic, 2), "a" a letter."""
    return (item.num_kind, item.level if item.num_kind == NUM_ARABIC else 0)


def _close_for_heading(stack: list[_OpenGroup], style: tuple[int, int]) -> None:
    """Close the open group with the same numbering style as a new heading, and those inside."""
    for depth, group in enumerate(stack):
        if group.style == style:
            del stack[depth:]
            return


def _close_for_task(stack: list[_OpenGroup], style: tuple[int, int]) -> None:
    """End a heading's block of lettered rows at the next number of the heading's own level."""
    if stack[-1].child_style == style:
        return  # the usual case: one more row numbered like the one before
    for depth, group in enumerate(stack):
        lettered = group.child_style is not None and group.child_style[0] == NUM_LETTER
        if group.style == style and lettered:
            del stack[depth:]
            return


def build_structure(items: list[Line], parsed: ParsedAppendix, scanner: BodyScanner) -> None:
    """Turn merged lines into sections, groups and tasks (a task sits in its innermost group)."""
    section: str | None = None
    stack: list[_OpenGroup] = []
    for index, item in enumerate(items):
        if item.num_kind == NUM_ROMAN:
            section, stack = item.number, []
            _add_section(item, parsed, scanner)
        elif not item.fields[F_CONTENT]:
            _skip_without_content(item, scanner)
        elif item.num_kind in (NUM_ARABIC, NUM_LETTER) and _is_group(items, index):
            _open_group(stack, item)
            title = item.fields[F_CONTENT]
            parsed.groups.append(ParsedGroup(section, item.number, title, item.row))
            item.info.kind = ROW_GROUP
        elif stack:
            style = _style(item)
            _close_for_task(stack, style)
            _note_child(stack, style)
            parsed.tasks.append(_task(item, section, stack[-1].number if stack else None))
            item.info.kind = ROW_TASK
        else:
            parsed.tasks.append(_task(item, section, None))
            item.info.kind = ROW_TASK


def _open_group(stack: list[_OpenGroup], item: Line) -> None:
    """Open the group a heading row starts, closing the one of its style first."""
    style = _style(item)
    _close_for_heading(stack, style)
    _note_child(stack, style)
    stack.append(_OpenGroup(item.number, style))


def _note_child(stack: list[_OpenGroup], style: tuple[int, int]) -> None:
    """Remember how the first row inside the innermost open group is numbered."""
    if stack and stack[-1].child_style is None:
        stack[-1].child_style = style


def _is_group(items: list[Line], index: int) -> bool:
    """Return True when the item at index is a title-only heading of the rows after it."""
    item = items[index]
    if item.has_details(ignore_shared=True) or item.budget is not None:
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
