"""One entry point for `cchc-desktop report KIND -o OUT.pdf` and the in-app preview."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_desktop.plans.services import current_plan_id
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.common import load_context
from cchc_desktop.reports.overdue import collect_overdue, render_overdue
from cchc_desktop.reports.period import collect_period, render_period, resolve_period
from cchc_desktop.reports.plan import collect_plan, render_plan

KIND_PLAN = "plan"
KIND_PERIOD = "period"
KIND_OVERDUE = "overdue"
REPORT_KINDS: dict[str, str] = {
    KIND_PLAN: "Kế hoạch",
    KIND_PERIOD: "Báo cáo kết quả thực hiện công tác CCHC theo kỳ",
    KIND_OVERDUE: "Danh mục nhiệm vụ chậm tiến độ",
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


def run_report(
    register: Register,
    kind: str,
    output: Path,
    plan_id: int | None,
    period_code: str | None,
    *,
    today: date | None = None,
) -> Path:
    """Write the report KIND (plan, period, overdue) of a plan to output; return its path."""
    key = _check_kind(kind)
    plan = _plan_id(register, plan_id)
    today = today or date.today()
    output = Path(output)
    if key == KIND_PLAN:
        return render_plan(collect_plan(register, plan, today), output)
    if key == KIND_PERIOD:
        return render_period(collect_period(register, plan, period_code, today), output)
    period = None
    as_of = today
    if period_code:
        period = resolve_period(load_context(register, plan), period_code, today)
        as_of = min(today, period.end)
    return render_overdue(collect_overdue(register, plan, as_of, period), output)
