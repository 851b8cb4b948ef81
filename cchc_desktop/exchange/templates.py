"""Return templates: one workbook per unit listing the tasks it leads or partners.

The unit fills the shaded input columns (Trạng thái from a drop-down list of the six Vietnamese
labels, Tỷ lệ %, Kết quả, Tài liệu kiểm chứng, Ngày hoàn thành, Lý do chậm / khó khăn, vướng
mắc, Đề xuất, kiến nghị); every other cell is locked by
sheet protection WITHOUT a password (it guards against slips; Review → Unprotect Sheet lifts
it), and the workbook structure is locked the same way so the hidden sheet stays put. Column A
(hidden) holds each task's stable id and the very hidden sheet "_cchc" holds the plan
fingerprint, unit, period and the tasks as sent, so cchc_desktop.excel.returns can read the file
back after the unit sorts or filters its rows, and notice edits to locked cells.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from cchc_desktop.excel.write import writer_styles as st
from cchc_desktop.excel.write.export import attachment_line
from cchc_desktop.excel.write.export_progress import title_rows
from cchc_desktop.excel.write.writer import (
    DATE_FORMAT,
    CellStyle,
    Column,
    Row,
    SheetSpec,
    SheetWriter,
)
from cchc_desktop.excel.write.writer_book import BookWriter
from cchc_desktop.exchange import signing
from cchc_desktop.exchange.returns_model import CurrentEntry, current_entries, plan_fingerprint
from cchc_desktop.exchange.template_units import plan_units
from cchc_desktop.exchange.templates_guide import guide_rows, guide_spec
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Plan, Unit
from cchc_desktop.plans.queries import KIND_TASK, appendix_rows
from cchc_desktop.progress.entries import task_states
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import STATUS_LABELS
from cchc_desktop.schedule.periods import ReportingPeriod, parse_period_code
from cchc_desktop.text.folding import fold

FORMAT_NAME = "cchc-desktop/return-template"
FORMAT_VERSION = 2  # 2: metadata signed (exchange/signing.py)
DATA_SHEET = "Báo cáo tiến độ"
META_SHEET = "_cchc"
META_TASKS = "tasks"
ROLE_LABELS = {"lead": "Chủ trì", "partner": "Phối hợp"}

# Column keys in template order, with the header each is written (and read back) with.
ID, NUMBER, CONTENT, ROLE, TIMEFRAME = "id", "number", "content", "role", "timeframe"
STATUS, PERCENT, RESULT, EVIDENCE, COMPLETED, REASON, PROPOSAL = (
    "status", "percent", "result", "evidence", "completed", "reason", "proposal")
COLUMNS: dict[str, Column] = {
    ID: Column("Mã NV (không sửa)", 9, hidden=True),
    NUMBER: Column("TT", 5),
    CONTENT: Column("Nội dung nhiệm vụ", 32),
    ROLE: Column("Vai trò", 8),
    TIMEFRAME: Column("Thời hạn", 13),
    STATUS: Column("Trạng thái", 14),
    PERCENT: Column("Tỷ lệ hoàn thành (%)", 12),
    RESULT: Column("Kết quả thực hiện", 25),
    EVIDENCE: Column("Tài liệu kiểm chứng (số, ngày, trích yếu)", 17),
    COMPLETED: Column("Ngày hoàn thành", 11),
    REASON: Column("Lý do chậm / khó khăn, vướng mắc", 20),
    PROPOSAL: Column("Đề xuất, kiến nghị", 18),
}
KEYS = list(COLUMNS)
INPUTS = range(KEYS.index(STATUS), KEYS.index(PROPOSAL) + 1)
LOCKED_KEYS = (NUMBER, CONTENT, ROLE)


@dataclass(frozen=True)
class TemplateFile:
    """A template written for a unit."""

    unit_id: int
    unit_name: str
    path: Path
    tasks: int


@dataclass(frozen=True)
class TemplateTask:
    """A task as a template lists it."""

    id: int
    number: str
    content: str
    role: str
    timeframe: str
    section: tuple[str, str] | None
    group: tuple[str, str] | None = None


def unit_tasks(register: Register, plan_id: int, unit_id: int) -> list[TemplateTask]:
    """Return the plan's tasks the unit leads or partners, in appendix order."""
    sql = ("SELECT tu.task_id, min(tu.role) FROM task_units tu JOIN tasks t ON t.id = tu.task_id "
           "WHERE t.plan_id = ? AND tu.unit_id = ? GROUP BY tu.task_id")
    roles = {r[0]: r[1] for r in register.db.execute(sql, [plan_id, unit_id])}
    tasks: list[TemplateTask] = []
    section: tuple[str, str] | None = None
    group: tuple[str, str] | None = None
    for row in appendix_rows(register, plan_id):
        if row.kind == "section":
            section, group = (row.number, row.content), None
        elif row.kind == "group":
            group = (row.number, row.content)
        elif row.kind == KIND_TASK and row.id in roles:
            tasks.append(TemplateTask(row.id, row.number, row.content, roles[row.id],
                                      row.timeframe, section,
                                      group if row.group_id is not None else None))
    return tasks


def _timeframe(task: TemplateTask, due: date | None) -> str:
    """Return the timeframe cell: the plan's wording and the computed due date."""
    text = " ".join(task.timeframe.split())
    return f"{text}\n(hạn {due:%d/%m/%Y})" if due and text else text


def _inputs(entry: CurrentEntry | None, role: str) -> list[object]:
    """Return the input cells pre-filled with what the register holds for the period.

    A partner's rows start empty: the register's entry is the lead's report, not the partner's.
    """
    if entry is None or role != "lead":
        return [None] * len(INPUTS)
    rep = entry.reported
    completed = date.fromisoformat(rep.completed_on[:10]) if rep.completed_on else None
    return [STATUS_LABELS.get(rep.status, rep.status), rep.percent, rep.result_text,
            rep.evidence, completed, rep.reason, rep.proposal]


def _data_rows(tasks: list[TemplateTask], entries: dict[int, CurrentEntry],
               dues: dict[int, date | None]) -> Iterator[Row]:
    """Yield the header, section and group rows (above their tasks) and one row per task."""
    yield Row("header", [c.title for c in COLUMNS.values()])
    section = group = None
    for task in tasks:
        if task.section and task.section != section:
            section, group = task.section, None
            yield Row("section", [None, *section])
        if task.group and task.group != group:
            group = task.group
            yield Row("group", [None, *group])
        yield Row("task", [task.id, task.number, task.content, ROLE_LABELS[task.role],
                           _timeframe(task, dues.get(task.id)),
                           *_inputs(entries.get(task.id), task.role)])


def _sign_rows() -> Iterator[Row]:
    """Yield the lines under the table: who drew it up, and the head of the unit."""
    yield Row("blank", [""], 12.0)
    yield Row("sign", [None, None, "NGƯỜI LẬP", None, None, None, None, "THỦ TRƯỞNG ĐƠN VỊ"])
    yield Row("sign_note", [None, None, "(Ký, ghi rõ họ tên)", None, None, None, None,
                            "(Ký tên, đóng dấu)"])
    yield Row("blank", [""], 60.0)


def _styles() -> dict[str, CellStyle | list[CellStyle]]:
    """Return the template's styles: shaded inputs, the date column, group and sign rows."""
    styles = st.template_styles(len(COLUMNS), INPUTS)
    task = list(styles["task"]) if isinstance(styles["task"], list) else []
    for key in (COMPLETED, REASON, PROPOSAL):
        task[KEYS.index(key)] = CellStyle(fill=st.INPUT_FILL, locked=False)
    task[KEYS.index(COMPLETED)] = CellStyle(fill=st.INPUT_FILL, locked=False, align="center",
                                               number_format=DATE_FORMAT)
    styles["task"] = task
    styles["group"] = styles["section"]
    styles["sign"] = CellStyle(bold=True, align="center", border=False)
    styles["sign_note"] = CellStyle(italic=True, align="center", border=False)
    return styles


@dataclass
class _Context:
    """Everything one unit's template needs."""

    plan: Plan
    unit: Unit
    period: ReportingPeriod
    tasks: list[TemplateTask]
    entries: dict[int, CurrentEntry]
    dues: dict[int, date | None]
    fingerprint: str
    created_at: str
    secret: bytes = b""  # the register's signing secret (exchange/signing.py)
    nonce: str = ""

    def signatures(self) -> dict[str, str]:
        """Return the signature of each metadata field of this unit's template."""
        values = signing.field_values(self.plan.id, self.fingerprint, self.unit.id,
                                      self.period.code, self.created_at,
                                      ((t.id, t.number, t.content, t.role) for t in self.tasks))
        return signing.sign(self.secret, self.nonce, values)


def _title_lines(ctx: _Context) -> list[tuple[str, str]]:
    """Return the title lines of the data sheet."""
    deadline = ctx.period.units_cutoff or ctx.period.due
    return [
        ("title", "BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"),
        ("attachment", f"Kỳ báo cáo: {ctx.period.title} — Đơn vị: {ctx.unit.name}"),
        ("attachment", attachment_line(ctx.plan)),
        ("attachment", f"Chỉ điền các ô nền vàng; gửi lại trước ngày {deadline:%d/%m/%Y}. "
                       "Xem trang “Hướng dẫn”."),
        ("blank", ""),
    ]


def _data_sheet(book: BookWriter, ctx: _Context) -> SheetWriter:
    """Write the data sheet with its drop-down and number/date checks."""
    titles = _title_lines(ctx)
    header = len(titles) + 1
    spec = SheetSpec(DATA_SHEET, list(COLUMNS.values()), _styles(),
                     header_row=header, freeze_column=KEYS.index(CONTENT) + 1,
                     merged_kinds=st.MERGED_KINDS, protect=True, autofilter=True)

    def rows() -> Iterator[Row]:
        """Yield the title rows, then the table."""
        yield from title_rows(titles)
        yield from _data_rows(ctx.tasks, ctx.entries, ctx.dues)
        yield from _sign_rows()

    sheet = book.add_sheet(spec, rows())
    last = header + _table_rows(ctx.tasks)
    if last > header:
        _add_validations(sheet, header + 1, last)
    return sheet


def _table_rows(tasks: list[TemplateTask]) -> int:
    """Count the body rows of the table: tasks and the section and group rows above them."""
    return sum(1 for _ in _data_rows(tasks, {}, {})) - 1


def _letter(key: str) -> str:
    """Return the column letter of a template column."""
    return chr(ord("A") + KEYS.index(key))


def _add_validations(sheet: SheetWriter, first: int, last: int) -> None:
    """Add the status drop-down, the 0–100 percent check and the completion date check."""
    def add(key: str, rule: DataValidation, prompt: str, error: str) -> None:
        """Attach a rule with its messages to a column's body cells."""
        rule.error, rule.errorTitle, rule.showErrorMessage = error, "Giá trị không hợp lệ", True
        rule.prompt, rule.promptTitle, rule.showInputMessage = prompt, COLUMNS[key].title[:32], True
        rule.add(f"{_letter(key)}{first}:{_letter(key)}{last}")
        sheet.ws.data_validations.append(rule)

    labels = ",".join(STATUS_LABELS.values())
    add(STATUS, DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True),
        "Chọn trạng thái trong danh sách.", "Hãy chọn một trạng thái trong danh sách.")
    add(PERCENT, DataValidation(type="whole", operator="between", formula1="0", formula2="100",
                                allow_blank=True),
        "Số nguyên từ 0 đến 100.", "Tỷ lệ hoàn thành phải là số nguyên từ 0 đến 100.")
    add(COMPLETED, DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)",
                                  formula2="TODAY()", allow_blank=True),
        "Ngày/tháng/năm, không sau hôm nay.",
        "Ngày hoàn thành phải là một ngày (ngày/tháng/năm) không sau hôm nay.")


def _meta_rows(ctx: _Context) -> Iterator[Row]:
    """Yield the hidden sheet: format, plan fingerprint, unit, period, tasks as sent."""
    pairs: list[tuple[str, object]] = [
        ("format", FORMAT_NAME), ("version", FORMAT_VERSION), ("plan_id", ctx.plan.id),
        ("plan_fingerprint", ctx.fingerprint), ("plan_label", _plan_label(ctx.plan)),
        ("unit_id", ctx.unit.id), ("unit_name", ctx.unit.name), ("period", ctx.period.code),
        ("created_at", ctx.created_at), ("nonce", ctx.nonce),
        *((f"sig_{key}", value) for key, value in ctx.signatures().items()),
    ]
    for key, value in pairs:
        yield Row("data", [key, value])
    yield Row("data", [META_TASKS, "number", "content", "role"])
    for task in ctx.tasks:
        yield Row("data", [task.id, task.number, task.content, task.role])


def _plan_label(plan: Plan) -> str:
    """Return how messages name a plan ("1034/KH-TTr — Kế hoạch …")."""
    title = " ".join(plan.title.split())
    return f"{plan.number} — {title}" if plan.number else title


def write_template(ctx: _Context, path: Path) -> Path:
    """Write one unit's template workbook."""
    with BookWriter() as book:
        _data_sheet(book, ctx)
        partners = sum(1 for task in ctx.tasks if task.role != "lead")
        book.add_sheet(guide_spec(), guide_rows(ctx.unit.name, ctx.plan, ctx.period,
                                                len(ctx.tasks), partners))
        meta = SheetSpec(META_SHEET, [Column("", 18), Column("", 12), Column("", 40),
                                      Column("", 10)],
                         st.plain_styles(), print_setup=False, hidden="veryHidden")
        book.add_sheet(meta, _meta_rows(ctx))
        book.book.security = WorkbookProtection(lockStructure=True)
        return book.save(path)


def safe_file_name(unit_name: str, period_code: str, taken: set[str]) -> str:
    """Return a file name without marks or odd characters, unique among taken (lowercase)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(unit_name)).strip("-")[:50].strip("-") or "don-vi"
    base = f"bao-cao-cchc-{period_code.lower()}-{slug}"
    name, counter = f"{base}.xlsx", 2
    while name.lower() in taken:
        name, counter = f"{base}-{counter}.xlsx", counter + 1
    taken.add(name.lower())
    return name


def write_templates(register: Register, plan_id: int, period_code: str, folder: Path,
                    unit_ids: Collection[int] | None = None,
                    today: date | None = None) -> list[TemplateFile]:
    """Write a template for every unit of the plan (or the chosen ones) into a folder."""
    today = today or date.today()
    plan = repository.get_plan(register.db, plan_id)
    period = parse_period_code(period_code)
    entries = current_entries(register, plan_id, period.code, today)
    dues = {s.task.id: s.due for s in task_states(register, plan_id, period.code, today)}
    fingerprint = plan_fingerprint(register, plan_id)
    secret = signing.register_secret(register)
    created_at = datetime.now().isoformat(timespec="seconds")
    chosen = [u for u in plan_units(register, plan_id) if unit_ids is None or u.id in unit_ids]
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    written: list[TemplateFile] = []
    for unit in chosen:
        ctx = _Context(plan, repository.get_unit(register.db, unit.id), period,
                       unit_tasks(register, plan_id, unit.id), entries, dues, fingerprint,
                       created_at, secret, signing.new_nonce())
        path = write_template(ctx, folder / safe_file_name(unit.name, period.code, taken))
        written.append(TemplateFile(unit.id, unit.name, path, len(ctx.tasks)))
    _log_templates(register, plan_id, period.code, written, created_at)
    return written


def _log_templates(register: Register, plan_id: int, period_code: str,
                   files: list[TemplateFile], created_at: str) -> None:
    """Remember which units were sent a template for the period."""
    if register.read_only or not files:
        return
    rows = [{"plan_id": plan_id, "period_code": period_code, "unit_id": f.unit_id,
             "unit_name": f.unit_name, "file_name": f.path.name, "tasks": f.tasks,
             "created_at": created_at} for f in files]
    with register.transaction() as db:
        db.table("template_log").insert_all(rows)

