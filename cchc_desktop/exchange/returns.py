"""Read returned unit templates: find each row's task, check every value, locate problems.

A returned file is matched to the plan by the fingerprint in its hidden sheet and each row to
its task by the hidden id column, so sorted or filtered rows still match; when the id column
was deleted, rows are matched by TT and content and the file says so. A file that cannot be
used at all (damaged, password-protected, not a template, another plan or period) is rejected
with one Vietnamese message; a row with a bad value is left out with a problem naming file,
sheet, row and column. Nothing here writes to the register (see consolidate.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.safety import check_workbook_file
from cchc_desktop.excel.read.workbook import SheetGrid, Workbook, cell_text, open_workbook
from cchc_desktop.exchange import returns_cells as rc
from cchc_desktop.exchange import signing
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.returns_formulas import uncomputed_formulas
from cchc_desktop.exchange.returns_model import (
    WARNING,
    Problem,
    Reported,
    ReturnFileError,
    file_fingerprint,
    plan_fingerprint,
)
from cchc_desktop.progress.entries import cutoff_warning
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_STATUSES
from cchc_desktop.text.folding import collapse_spaces, fold

RETURN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


@dataclass
class ReturnRow:
    """One usable row of a returned file: the task it reports and what it says."""

    task_id: int
    row: int
    reported: Reported


@dataclass
class ReturnFile:
    """What was read from one returned file (rejected files keep only their problems)."""

    path: Path
    file_name: str
    fingerprint: str = ""
    unit_id: int | None = None
    unit_name: str = ""
    period_code: str = ""
    created_at: str = ""
    sheet: str = ""
    rows: list[ReturnRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rejected: bool = False
    matched_by_content: bool = False


@dataclass
class PlanTasks:
    """The plan's tasks as matching needs them: by id and by (TT, content)."""

    by_id: dict[int, tuple[str, str]]
    by_text: dict[tuple[str, str], list[int]]

    @classmethod
    def load(cls, register: Register, plan_id: int) -> PlanTasks:
        """Load the tasks of a plan."""
        sql = "SELECT id, number, content FROM tasks WHERE plan_id = ?"
        by_id: dict[int, tuple[str, str]] = {}
        by_text: dict[tuple[str, str], list[int]] = {}
        for task_id, number, content in register.db.execute(sql, [plan_id]):
            by_id[task_id] = (number, content)
            by_text.setdefault(text_key(number, content), []).append(task_id)
        return cls(by_id, by_text)


@dataclass
class ReturnContext:
    """What every returned file is checked against: the plan, the period and today."""

    register: Register
    plan_id: int
    period_code: str
    today: date
    fingerprint: str
    plan_label: str
    tasks: PlanTasks

    @classmethod
    def load(cls, register: Register, plan_id: int, period_code: str,
             today: date) -> ReturnContext:
        """Build the context of a consolidation."""
        row = register.db.execute("SELECT number, title FROM plans WHERE id = ?",
                                  [plan_id]).fetchone()
        label = (f"{row[0]} — {row[1]}" if row[0] else row[1]) if row else str(plan_id)
        return cls(register, plan_id, period_code, today, plan_fingerprint(register, plan_id),
                   label, PlanTasks.load(register, plan_id))


def text_key(number: str, content: str) -> tuple[str, str]:
    """Return the key that matches a row to a task without its id (TT and content)."""
    return fold(number or "").replace(" ", ""), fold(content or "")


def collect_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders into their workbooks (not Office lock files), keeping order, no repeats."""
    found: list[Path] = []
    for item in map(Path, paths):
        if item.is_dir():
            found += sorted(p for p in item.iterdir() if p.is_file()
                            and p.suffix.lower() in RETURN_SUFFIXES and not p.name.startswith("~$"))
        else:
            found.append(item)
    unique: list[Path] = []
    for path in found:
        if path.resolve() not in {p.resolve() for p in unique}:
            unique.append(path)
    return unique


def read_return(path: Path, ctx: ReturnContext) -> ReturnFile:
    """Read one returned file; a file that cannot be used comes back rejected with a reason."""
    result = ReturnFile(Path(path), Path(path).name)
    try:
        check_workbook_file(Path(path))
        result.fingerprint = file_fingerprint(Path(path).read_bytes())
        with open_workbook(Path(path)) as book:
            meta = _meta(book, result.file_name)
            _check_meta(meta, ctx, result)
            grid = _data_grid(book, result.file_name)
    except (AppendixError, ReturnFileError) as error:
        result.rejected = True
        result.problems.append(Problem(result.file_name, str(error)))
        return result
    except OSError as error:
        result.rejected = True
        message = f"Tệp '{result.file_name}' không đọc được ({error.strerror or error})."
        result.problems.append(Problem(result.file_name, message))
        return result
    result.sheet = grid.name
    _read_rows(grid, meta, ctx, result)
    _report_formulas(Path(path), grid, result)
    return result


def _report_formulas(path: Path, grid: SheetGrid, result: ReturnFile) -> None:
    """Name the input cells holding a formula without a computed value (they read empty)."""
    header = rc.find_header(grid.rows)
    if header is None:
        return
    at = rc.Locator(result.file_name, grid.name, header.columns)
    inputs = {header.columns[tpl.KEYS[i]]: tpl.KEYS[i] for i in tpl.INPUTS
              if tpl.KEYS[i] in header.columns}
    for row, col in sorted(uncomputed_formulas(path, grid.name)):
        if row > header.row + 1 and col in inputs:
            result.problems.append(at.problem(
                row, inputs[col], "Ô có công thức nhưng không có giá trị đã tính (tệp được lưu "
                "bằng chương trình không tính công thức) nên không nhận được. Hãy mở tệp bằng "
                "Excel, lưu lại rồi gửi lại, hoặc gõ giá trị thay cho công thức."))


def _meta(book: Workbook, file_name: str) -> rc.Meta:
    """Read the hidden sheet of a template, or refuse a file that has none."""
    if tpl.META_SHEET not in book.sheet_names:
        raise ReturnFileError(
            f"Tệp '{file_name}' không phải biểu mẫu báo cáo do CCHC Desktop tạo (không có "
            "thông tin biểu mẫu; có thể trang ẩn đã bị xóa hoặc số liệu đã được chép sang tệp "
            "khác). Hãy tạo lại biểu mẫu cho đơn vị và đề nghị điền vào tệp đó."
        )
    return rc.parse_meta(book.grid(tpl.META_SHEET).rows, file_name)


def _check_meta(meta: rc.Meta, ctx: ReturnContext, result: ReturnFile) -> None:
    """Refuse a template of another plan or period, or from a newer version of the app."""
    name = result.file_name
    if meta.version > tpl.FORMAT_VERSION:
        raise ReturnFileError(f"Tệp '{name}' được tạo bởi phiên bản CCHC Desktop mới hơn; hãy "
                              "cập nhật phần mềm rồi nhận lại tệp.")
    if meta.fingerprint != ctx.fingerprint:
        raise ReturnFileError(
            f"Tệp '{name}' là biểu mẫu của kế hoạch khác ({meta.plan_label or 'không rõ'}), "
            f"không phải kế hoạch đang tổng hợp ({ctx.plan_label}). Không có gì được ghi.")
    if meta.period != ctx.period_code:
        raise ReturnFileError(
            f"Tệp '{name}' là biểu mẫu kỳ {rc.period_title(meta.period)}, không phải kỳ đang "
            f"tổng hợp ({rc.period_title(ctx.period_code)}). Hãy chọn đúng kỳ báo cáo.")
    _check_signature(meta, ctx, name)
    result.unit_id, result.unit_name = rc.resolve_unit(ctx.register, meta)
    result.period_code, result.created_at = meta.period, meta.created_at


def _check_signature(meta: rc.Meta, ctx: ReturnContext, name: str) -> None:
    """Refuse a file whose signed metadata was altered (or that carries no signature)."""
    secret = signing.register_secret(ctx.register)
    if not meta.nonce or not meta.signatures or not secret:
        raise ReturnFileError(
            f"Tệp '{name}' không có chữ ký của sổ này (biểu mẫu tạo bằng phiên bản cũ, ở sổ "
            "khác, hoặc trang ẩn đã bị sửa). Hãy tạo lại biểu mẫu cho đơn vị. Không có gì "
            "được ghi.")
    values = signing.field_values(meta.plan_id or 0, meta.fingerprint, meta.unit_id,
                                  meta.period, meta.created_at,
                                  ((task_id, *task) for task_id, task in meta.tasks.items()))
    changed = signing.altered(secret, meta.nonce, values, meta.signatures)
    if changed:
        raise ReturnFileError(
            f"Tệp '{name}' bị từ chối: thông tin biểu mẫu đã bị sửa ({', '.join(changed)}) "
            "nên không biết chắc số liệu là của đơn vị nào, kỳ nào. Hãy đề nghị đơn vị điền vào "
            "đúng tệp đã nhận. Không có gì được ghi.")


def _data_grid(book: Workbook, file_name: str) -> SheetGrid:
    """Return the report sheet: the one named so, else the first with a Trạng thái header."""
    names = list(book.sheet_names)
    ordered = [tpl.DATA_SHEET] if tpl.DATA_SHEET in names else []
    ordered += [n for n in names if n not in (tpl.DATA_SHEET, tpl.META_SHEET)]
    for name in ordered:
        grid: SheetGrid = book.grid(name)
        if rc.find_header(grid.rows) is not None:
            return grid
    raise ReturnFileError(f"Tệp '{file_name}' không còn trang báo cáo có cột “Trạng thái” "
                          "(trang hoặc dòng tiêu đề đã bị xóa). Không có gì được ghi.")


def _read_rows(grid: SheetGrid, meta: rc.Meta, ctx: ReturnContext, result: ReturnFile) -> None:
    """Read every body row of the report sheet into rows and located problems."""
    header = rc.find_header(grid.rows)
    assert header is not None
    columns = header.columns
    at = rc.Locator(result.file_name, grid.name, columns)
    if tpl.ID not in columns:
        result.matched_by_content = True
        result.problems.append(at.problem(
            header.row + 1, "", "Cột mã nhiệm vụ (cột ẩn “Mã NV”) đã bị xóa; các dòng được khớp "
            "theo số TT và nội dung nhiệm vụ. Hãy kiểm tra kỹ phần xem trước.", WARNING))
    seen: dict[int, int] = {}
    for index in range(header.row + 1, len(grid.rows)):
        row = grid.rows[index]
        task_id = _row_task(row, index + 1, meta, ctx, at, result)
        if task_id is None:
            continue
        if task_id in seen:
            result.problems.append(at.problem(index + 1, tpl.ID, f"Nhiệm vụ này đã có ở dòng "
                                              f"{seen[task_id]}; dòng lặp lại bị bỏ qua."))
            continue
        seen[task_id] = index + 1
        _check_locked(row, index + 1, task_id, meta, ctx, at, result)
        reported = rc.read_values(row, index + 1, at, ctx.today, result.problems)
        if reported is not None:
            result.rows.append(ReturnRow(task_id, index + 1, reported))
            late = cutoff_warning(ctx.period_code, reported.completed_on)
            if late and reported.status in DONE_STATUSES:
                result.problems.append(at.problem(index + 1, tpl.COMPLETED, late, WARNING))


def _row_task(row: list[Any], number: int, meta: rc.Meta, ctx: ReturnContext,
              at: rc.Locator, result: ReturnFile) -> int | None:
    """Return the task a row reports, or None for section rows, blank rows and bad ids."""
    if tpl.ID in at.columns:
        raw = at.value(row, tpl.ID)
        if raw in (None, ""):
            return None
        task_id = rc.as_id(raw)
        if task_id is None or task_id not in ctx.tasks.by_id:
            result.problems.append(at.problem(number, tpl.ID, f"Mã nhiệm vụ “{cell_text(raw)}” "
                                              "không có trong kế hoạch (nhiệm vụ đã bị xóa khỏi "
                                              "sổ hoặc dòng bị sửa); dòng bị bỏ qua."))
            return None
        if task_id not in meta.tasks:  # the signed list of what was sent to this unit
            result.problems.append(at.problem(number, tpl.ID, f"Mã nhiệm vụ “{task_id}” không "
                                              "có trong biểu mẫu đã gửi cho đơn vị này (mã bị "
                                              "sửa hoặc dòng chép từ tệp khác); dòng bị bỏ qua."))
            return None
        return task_id
    return _match_by_text(row, number, meta, ctx, at, result)


def _match_by_text(row: list[Any], number: int, meta: rc.Meta, ctx: ReturnContext,
                   at: rc.Locator, result: ReturnFile) -> int | None:
    """Match a row without an id by TT and content (the unit's tasks first)."""
    tt = cell_text(at.value(row, tpl.NUMBER))
    content = cell_text(at.value(row, tpl.CONTENT))
    if not content or not rc.has_inputs(row, at):
        return None
    key = text_key(tt, content)
    sent = [task_id for task_id, task in meta.tasks.items() if text_key(*task[:2]) == key]
    found = sent or ctx.tasks.by_text.get(key, [])
    if len(found) == 1:
        return found[0]
    reason = "trùng với nhiều nhiệm vụ" if found else "không khớp nhiệm vụ nào trong kế hoạch"
    result.problems.append(at.problem(number, tpl.CONTENT, f"Dòng “{tt} {content[:60]}” {reason} "
                                      "theo TT và nội dung; dòng bị bỏ qua."))
    return None


def _check_locked(row: list[Any], number: int, task_id: int, meta: rc.Meta, ctx: ReturnContext,
                  at: rc.Locator, result: ReturnFile) -> None:
    """Warn when a locked cell was edited, or the task changed in the register since sending."""
    sent = meta.tasks.get(task_id)
    if sent is None:
        return  # matched by text to a task of the plan (the id column was deleted)
    expected = {tpl.NUMBER: sent[0], tpl.CONTENT: sent[1], tpl.ROLE: tpl.ROLE_LABELS.get(sent[2],
                                                                                        "")}
    for key, value in expected.items():
        if key in at.columns and collapse_spaces(cell_text(at.value(row, key))) != \
                collapse_spaces(value):
            result.problems.append(at.problem(number, key, "Ô được khóa đã bị sửa; phần mềm giữ "
                                              "nguyên nội dung trong sổ, chỉ nhận các cột báo "
                                              "cáo.", WARNING))
    current = ctx.tasks.by_id.get(task_id)
    if current and collapse_spaces(current[1]) != collapse_spaces(sent[1]):
        result.problems.append(at.problem(number, tpl.CONTENT, "Nội dung nhiệm vụ đã được sửa "
                                          "trong sổ sau khi gửi biểu mẫu (biểu mẫu cũ); số liệu "
                                          "vẫn được nhận theo mã nhiệm vụ.", WARNING))
