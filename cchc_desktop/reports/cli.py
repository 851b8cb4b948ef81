"""One entry point for `cchc-desktop report KIND -o OUT.pdf|OUT.docx` and the report dialog.

build_document() collects a kind onto the document model (the dialog lists
checks.missing(doc) before saving); run_report() collects and saves it as .pdf or .docx by
the extension, refusing a document with something missing unless draft=True.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_desktop.plans.services import current_plan_id, plan_task_count
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.common import PlanContext, load_context
from cchc_desktop.reports.model import (
    SETTING_PLAN,
    SETTING_PROGRESS,
    Document,
    Missing,
    Registration,
)
from cchc_desktop.reports.overdue import collect_overdue
from cchc_desktop.reports.period import (
    collect_period,
    period_document,
    period_phrase,
    resolve_period,
)
from cchc_desktop.reports.plan import collect_plan
from cchc_desktop.reports.save import output_format, save_document
from cchc_desktop.reports.wording import term_years
from cchc_desktop.schedule.periods import ReportingPeriod

KIND_PLAN = "plan"
KIND_PERIOD = "period"
KIND_OVERDUE = "overdue"
REPORT_KINDS: dict[str, str] = {
    KIND_PLAN: "Kế hoạch",
    KIND_PERIOD: "Báo cáo kết quả thực hiện công tác CCHC theo kỳ",
    KIND_OVERDUE: "Công văn đôn đốc nhiệm vụ chậm tiến độ",
}


def _plan_id(register: Register, plan_id: int | None) -> int:
    """Return the plan asked for, or the current one; refuse a register without plans."""
    if plan_id is not None:
        return plan_id
    current = current_plan_id(register)
    if current is None:
        raise ReportError("Sổ chưa có kế hoạch nào; hãy nhập phụ lục kế hoạch trước khi in "
                          "báo cáo.")
    return current


def _check_kind(kind: str) -> str:
    """Return the kind in lower case, or raise ReportError listing the kinds there are."""
    key = (kind or "").strip().lower()
    if key not in REPORT_KINDS:
        choices = "; ".join(f"{k} ({label[:1].lower()}{label[1:]})"
                            for k, label in REPORT_KINDS.items())
        raise ReportError(f"Không có loại báo cáo “{kind}”. Chọn một trong: {choices}.")
    return key


def build_document(
    register: Register, kind: str, plan_id: int | None, period_code: str | None, *,
    today: date | None = None, registration: Registration | None = None,
    as_of: date | None = None,
) -> Document:
    """Collect the document KIND (plan, period, overdue) of a plan onto the document model.

    registration fills Số and ngày of a document already registered (blank otherwise);
    as_of is the cut-off the overdue list counts to when no period is chosen.
    """
    key = _check_kind(kind)
    plan = _plan_id(register, plan_id)
    today = today or date.today()
    if key == KIND_PLAN:
        doc = collect_plan(register, plan, today, registration)
        doc.problems += plan_problems(register, plan)
        return doc
    if key == KIND_PERIOD:
        data = collect_period(register, plan, period_code, today, registration)
        doc = period_document(data)
        ctx = load_context(register, plan)
        doc.problems += term_problems(ctx, resolve_period(ctx, period_code, today))
        return doc
    return collect_overdue(register, plan, as_of, period_code, today, registration).document


def plan_problems(register: Register, plan_id: int) -> list[Missing]:
    """Return what a signer would miss in a plan: tasks in its appendix."""
    if plan_task_count(register, plan_id):
        return []
    return [Missing("plan_without_tasks", "Kế hoạch chưa có nhiệm vụ nào trong phụ lục.",
                    SETTING_PLAN, "tasks")]


def term_problems(ctx: PlanContext, period: ReportingPeriod) -> list[Missing]:
    """Return a problem when the period falls outside the plan's year or giai đoạn."""
    span = term_years(ctx.plan.term, ctx.plan.title)
    first, last = span or ((ctx.plan.year, ctx.plan.year) if ctx.plan.year else (None, None))
    if first is None or last is None or first <= period.year <= last:
        return []
    return [Missing("period_outside_plan", f"Kỳ báo cáo {period_phrase(period)} nằm ngoài thời "
                    f"gian của kế hoạch ({ctx.term}); hãy chọn kỳ của kế hoạch.",
                    SETTING_PROGRESS, period.code)]


def run_report(
    register: Register, kind: str, output: Path, plan_id: int | None, period_code: str | None,
    *, today: date | None = None, draft: bool = False,
    registration: Registration | None = None, as_of: date | None = None,
) -> Path:
    """Write the report KIND of a plan to output (.pdf or .docx); return its path.

    Without draft, a document with something missing is refused (checks.MissingInfoError
    lists it) and nothing is written.
    """
    output_format(Path(output))
    doc = build_document(register, kind, plan_id, period_code, today=today,
                         registration=registration, as_of=as_of)
    return save_document(doc, Path(output), draft)
