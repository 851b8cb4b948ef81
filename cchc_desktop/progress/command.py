"""`cchc-desktop progress TASK --period P --status S …`: record one entry from the command line.

TASK is the task as the appendix prints it: SECTION/NUMBER ("I/1.1", "II/2"), or the number
alone when only one task of the plan has it. An unknown or ambiguous TASK is refused with the
candidates listed.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Task
from cchc_desktop.progress.documents import parse_document
from cchc_desktop.progress.entries import ProgressInput, cutoff_warning, record_progress
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import DONE_LATE, STATUS_LABELS, parse_status
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.text.folding import fold

# Words a script may use besides the codes and the Vietnamese labels.
STATUS_ALIASES = {"late": DONE_LATE, "done-late": DONE_LATE, "not-started": "not_started",
                  "in-progress": "in_progress", "not-done": "not_done"}
MAX_CANDIDATES = 8


@dataclass(frozen=True)
class TaskRef:
    """A task with how it is printed ("I/1.1")."""

    task: Task
    label: str


def _refs(register: Register, plan_id: int) -> list[TaskRef]:
    """Return every task of the plan labelled SECTION/NUMBER as printed."""
    sections = {s.id: s.code for s in repository.list_sections(register.db, plan_id)}
    refs = []
    for task in repository.list_tasks(register.db, plan_id):
        code = sections.get(task.section_id or 0, "")
        refs.append(TaskRef(task, f"{code}/{task.number}" if code else task.number))
    return refs


def _short(text: str, limit: int = 60) -> str:
    """Shorten a task's content at a word for a list of candidates."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"


def _describe(refs: list[TaskRef]) -> str:
    """List candidate tasks for a message."""
    shown = [f"{r.label} ({_short(r.task.content)})" for r in refs[:MAX_CANDIDATES]]
    more = f"; và {len(refs) - MAX_CANDIDATES} nhiệm vụ khác" if len(refs) > MAX_CANDIDATES else ""
    return "; ".join(shown) + more


def find_task(register: Register, plan_id: int, spec: str) -> Task:
    """Return the task SECTION/NUMBER (or a unique NUMBER) names; refuse with candidates."""
    text = "".join((spec or "").split())
    refs = _refs(register, plan_id)
    section, _, number = text.rpartition("/")
    found = [r for r in refs if r.task.number == number and (
        not section or fold(r.label.rpartition("/")[0]) == fold(section))]
    if len(found) == 1:
        return found[0].task
    if found:
        raise ValidationError(f"Có {len(found)} nhiệm vụ số “{spec}”; hãy ghi kèm mục "
                              f"(MỤC/SỐ): {_describe(found)}.")
    near = [r for r in refs if r.task.number == number] or [
        r for r in refs if fold(r.label.rpartition("/")[0]) == fold(section)]
    hint = f" Có thể là: {_describe(near)}." if near else " Ghi dạng MỤC/SỐ như in trong " \
        "phụ lục, ví dụ I/1.1."
    raise ValidationError(f"Không có nhiệm vụ “{spec}” trong kế hoạch.{hint}")


def status_code(text: str) -> str:
    """Read a status given on the command line (code, alias or Vietnamese label)."""
    key = (text or "").strip().lower()
    return STATUS_ALIASES.get(key) or parse_status(text)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
               add_db: object, plan_help: str) -> None:
    """Add the `progress` command to the command line."""
    parser = sub.add_parser("progress", help="ghi tiến độ một nhiệm vụ trong một kỳ báo cáo")
    if callable(add_db):
        add_db(parser)
    parser.add_argument("task", metavar="NHIỆM_VỤ",
                        help="nhiệm vụ dạng MỤC/SỐ như in trong phụ lục (I/1.1) hoặc số")
    parser.add_argument("--plan", type=int, default=None, metavar="MÃ", help=plan_help)
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2026-Q1, 2026-H1, 2026-Q3, 2026-9M, 2026")
    codes = ", ".join(["late", *STATUS_LABELS])
    parser.add_argument("--status", required=True, metavar="TRẠNG_THÁI", help=f"một trong: {codes}")
    parser.add_argument("--percent", type=int, default=None, metavar="N", help="tỷ lệ hoàn thành")
    parser.add_argument("--result", default="", metavar="VĂN_BẢN", help="kết quả thực hiện")
    parser.add_argument("--document", default="", metavar="VĂN_BẢN",
                        help="văn bản kiểm chứng: số, ngày, trích yếu")
    parser.add_argument("--done-on", default=None, metavar="NĂM-THÁNG-NGÀY",
                        help="ngày hoàn thành")
    parser.add_argument("--reason", default="", metavar="VĂN_BẢN",
                        help="lý do chậm, khó khăn, vướng mắc")
    parser.add_argument("--proposal", default="", metavar="VĂN_BẢN", help="đề xuất, kiến nghị")


def run(register: Register, plan_id: int, args: argparse.Namespace,
        today: date | None = None) -> list[str]:
    """Record the entry the arguments describe; return the lines to print."""
    today = today or date.today()
    period = parse_period_code(args.period)
    task = find_task(register, plan_id, args.task)
    document = parse_document(args.document)
    entry = ProgressInput(status_code(args.status), args.percent, args.result.strip(),
                          document.number, document.day.isoformat() if document.day else None,
                          document.title, completed_on=args.done_on, reason=args.reason,
                          proposal=args.proposal)
    record_progress(register, task.id, period.code, entry, today)
    lines = [f"Đã ghi tiến độ nhiệm vụ {args.task} kỳ {period.title}: "
             f"{STATUS_LABELS[entry.status]}."]
    warning = cutoff_warning(period.code, args.done_on)
    return lines + ([f"Lưu ý: {warning}"] if warning else [])
