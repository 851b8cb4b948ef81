"""One entry point for `cchc-desktop report KIND -o OUT.pdf|OUT.docx` and the report dialog.

build_document() collects a kind onto the document model (the dialog lists
checks.missing(doc) before saving); run_report() collects and saves it as .pdf or .docx by
the extension, refusing a document with something missing unless draft=True.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_desktop.plans.services import current_plan_id
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.model import Document, Registration
from cchc_desktop.reports.overdue import collect_overdue
from cchc_desktop.reports.period import collect_period, period_document
from cchc_desktop.reports.plan import collect_plan
from cchc_desktop.reports.save import output_format, save_document

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
        return collect_plan(register, plan, today)
    if key == KIND_PERIOD:
        return period_document(collect_period(register, plan, period_code, today, registration))
    return collect_overdue(register, plan, as_of, period_code, today, registration).document


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
