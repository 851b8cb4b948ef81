"""Export a plan to Excel in appendix layout, with a progress sheet for a period.

Collect, then write: appendix_sheet() yields Row values from the register and
writer.SheetWriter turns them into styled cells. The layout is the printed appendix (Phụ lục,
NĐ 30/2020): "PHỤ LỤC", the title, "(Kèm theo Kế hoạch số …)", the header, bold section and
group rows, the tasks, then "Tổng cộng" and "(Bằng chữ: …)" when budgets exist; an exported
appendix reads back with cchc_desktop.excel.reader as the same sections, groups and tasks.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_desktop.errors import NotFoundError
from cchc_desktop.excel.write import writer_styles as st
from cchc_desktop.excel.write.export_progress import progress_sheet, title_rows
from cchc_desktop.excel.write.writer import Column, Row, SheetSpec
from cchc_desktop.excel.write.writer_book import BookWriter, check_target
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Plan
from cchc_desktop.plans.queries import (
    KIND_GROUP,
    KIND_SECTION,
    KIND_TASK,
    AppendixRow,
    appendix_rows,
)
from cchc_desktop.plans.units import UnitIndex
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import fold
from cchc_desktop.text.money_words import million_vnd_in_words

APPENDIX_SHEET = "Phụ lục"
# Widths in Times New Roman digits: about 123 fill an A4 landscape page at 100 %.
NOTES_COLUMN = Column("Ghi chú", 13)
APPENDIX_COLUMNS = (
    Column("TT", 5),
    Column("Nội dung, nhiệm vụ", 38),
    Column("Sản phẩm", 24),
    Column("Cơ quan chủ trì", 15),
    Column("Cơ quan phối hợp", 16),
    Column("Thời gian thực hiện", 13),
    Column("Kinh phí (triệu đồng)", 10),
)
BUDGET_INDEX = 6


@dataclass
class ExportOptions:
    """What to export: a plan, optionally only some tasks, and the progress period."""

    plan_id: int
    task_ids: Collection[int] | None = None
    period_code: str | None = None
    subtitle: str = ""
    today: date | None = None
    progress: bool = True


def appendix_title(plan: Plan) -> str:
    """Return the appendix title line ("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2021 CỦA …")."""
    title = " ".join(plan.title.split())
    if fold(title).startswith("ke hoach "):
        title = "Nhiệm vụ " + title[len("Kế hoạch "):]
    return title.upper()


def attachment_line(plan: Plan) -> str:
    """Return "(Kèm theo Kế hoạch số 1034/KH-TTr ngày 31 tháng 12 năm 2020 của …)"."""
    parts = ["Kèm theo Kế hoạch"]
    if plan.number:
        parts.append(f"số {plan.number}")
    if plan.issued_on:
        year, month, day = plan.issued_on[:10].split("-")
        parts.append(f"ngày {day} tháng {month} năm {year}")
    if plan.issuer:
        parts.append(f"của {plan.issuer}")
    if len(parts) == 1:
        parts.append(f"“{' '.join(plan.title.split())}”")
    return "(" + " ".join(parts) + ")"


def select_rows(rows: list[AppendixRow], task_ids: Collection[int] | None) -> list[AppendixRow]:
    """Keep the chosen tasks with the sections and groups above them."""
    if task_ids is None:
        return rows
    wanted = set(task_ids)
    sections = {r.section_id for r in rows if r.kind == KIND_TASK and r.id in wanted}
    groups = {r.group_id for r in rows if r.kind == KIND_TASK and r.id in wanted}
    return [r for r in rows if (r.kind == KIND_TASK and r.id in wanted)
            or (r.kind == KIND_SECTION and r.id in sections)
            or (r.kind == KIND_GROUP and r.id in groups)]


def appendix_sheet(register: Register, options: ExportOptions) -> tuple[SheetSpec, Iterator[Row]]:
    """Return the appendix sheet's spec and its rows."""
    plan = repository.get_plan(register.db, options.plan_id)
    rows = select_rows(appendix_rows(register, options.plan_id), options.task_ids)
    with_notes = any(r.notes for r in rows if r.kind == KIND_TASK)
    columns = (*APPENDIX_COLUMNS, NOTES_COLUMN) if with_notes else APPENDIX_COLUMNS
    titles = [("appendix", "PHỤ LỤC"), ("title", appendix_title(plan)),
              ("attachment", attachment_line(plan))]
    if options.subtitle:
        titles.append(("attachment", options.subtitle))
    titles.append(("blank", ""))
    spec = SheetSpec(APPENDIX_SHEET, columns, st.appendix_styles(len(columns)),
                     header_row=len(titles) + 1, merged_kinds=st.MERGED_KINDS)

    def all_rows() -> Iterator[Row]:
        """Yield the title, header and body rows."""
        yield from title_rows(titles)
        yield Row("header", [c.title for c in columns])
        yield from body_rows(rows, with_notes)

    return spec, all_rows()


def body_rows(rows: list[AppendixRow], with_notes: bool) -> Iterator[Row]:
    """Yield section, group and task rows, then the total when budgets exist."""
    total = 0.0
    budgets = False
    for item in rows:
        if item.kind != KIND_TASK:
            yield Row(item.kind, [item.number, item.content])
            continue
        values: list[object] = [item.number, item.content, item.result, item.lead,
                                item.partner, item.timeframe, item.budget]
        if with_notes:
            values.append(item.notes)
        if item.budget is not None:
            budgets = True
            total += item.budget
        whole = item.budget is None or float(item.budget).is_integer()
        yield Row("task" if whole else "task_dec", values)
    if budgets:
        yield from total_rows(round(total, 6), len(APPENDIX_COLUMNS) + with_notes)


def total_rows(total: float, count: int) -> Iterator[Row]:
    """Yield the "Tổng cộng" row and the "(Bằng chữ: …)" line."""
    values: list[object] = [None] * count
    values[1] = "Tổng cộng"
    values[BUDGET_INDEX] = total
    yield Row("total" if float(total).is_integer() else "total_dec", values)
    yield Row("words", [f"(Bằng chữ: {million_vnd_in_words(total)})"])


def default_period_code(register: Register, plan_id: int, today: date) -> str:
    """Return the latest period with progress for the plan, else the plan's year report."""
    sql = (
        'SELECT pe.year, pe.kind FROM progress p JOIN periods pe ON pe.id = p.period_id '
        'JOIN tasks t ON t.id = p.task_id WHERE t.plan_id = ? ORDER BY pe."end" DESC, '
        "pe.start LIMIT 1"
    )
    found = register.db.execute(sql, [plan_id]).fetchone()
    if found:
        year, kind = found
        return str(year) if kind == "Y" else f"{year}-{kind}"
    plan = repository.get_plan(register.db, plan_id)
    return str(plan.year or today.year)


def export_workbook(register: Register, out: Path, options: ExportOptions) -> Path:
    """Write the appendix sheet (and the progress sheet of a period) to an .xlsx file."""
    out = check_target(Path(out))
    today = options.today or date.today()
    with BookWriter() as book:
        book.add_sheet(*appendix_sheet(register, options))
        if options.progress:
            plan = repository.get_plan(register.db, options.plan_id)
            period = options.period_code or default_period_code(register, options.plan_id, today)
            extra = tuple(t for t in (attachment_line(plan), options.subtitle) if t)
            book.add_sheet(*progress_sheet(register, plan, period, today, options.task_ids,
                                           extra))
        return book.save(out)


def unit_task_ids(register: Register, plan_id: int, unit_id: int) -> list[int]:
    """Return the plan's tasks the unit leads or partners, in appendix order."""
    sql = (
        "SELECT DISTINCT t.id, t.position FROM tasks t JOIN task_units tu ON tu.task_id = t.id "
        "WHERE t.plan_id = ? AND tu.unit_id = ? ORDER BY t.position, t.id"
    )
    return [row[0] for row in register.db.execute(sql, [plan_id, unit_id])]


def find_unit(register: Register, name: str) -> int:
    """Return the id of the unit with this name, short name or alias (marks ignored)."""
    unit_id = UnitIndex(register.db).find(name.strip())
    if unit_id is None:
        names = ", ".join(u.name for u in repository.list_units(register.db)[:30])
        raise NotFoundError(f"Không có đơn vị '{name}' trong danh mục. Các đơn vị: {names}.")
    return unit_id


def resolve_plan(register: Register, plan_id: int | None) -> int:
    """Return the plan asked for, or the most recently opened one."""
    if plan_id is not None:
        return repository.get_plan(register.db, plan_id).id
    plans = repository.list_plans(register.db)
    if not plans:
        raise NotFoundError("Sổ chưa có kế hoạch nào; hãy nhập phụ lục kế hoạch trước.")
    return plans[0].id


def run_export(register: Register, out: Path, plan_id: int | None, unit: str | None,
               *, period: str | None = None, today: date | None = None,
               progress: bool = True) -> Path:
    """Export a plan (or one unit's tasks) for `cchc-desktop export OUT.xlsx`; return the path."""
    options = ExportOptions(resolve_plan(register, plan_id), period_code=period, today=today,
                            progress=progress)
    if unit:
        unit_id = find_unit(register, unit)
        options.task_ids = unit_task_ids(register, options.plan_id, unit_id)
        unit_name = repository.get_unit(register.db, unit_id).name
        options.subtitle = f"(Nhiệm vụ do {unit_name} chủ trì hoặc phối hợp)"
        if not options.task_ids:
            raise NotFoundError(f"Đơn vị '{unit_name}' không chủ trì hay phối hợp nhiệm vụ nào "
                                "trong kế hoạch này.")
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        out = out.with_name(out.name + ".xlsx")
    return export_workbook(register, out, options)
