"""Entry point for printing the inspection documents from the command line or the app.

`cchc-desktop report kiem-tra -o KH.pdf [--inspection-plan ID]` prints the Kế hoạch kiểm tra;
`cchc-desktop report ket-luan -o TB.pdf --unit "UBND xã Đắk Long"` prints the Thông báo kết
luận kiểm tra of that unit in the (latest) inspection plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from cchc_desktop.inspections import inspection_plans as inspections
from cchc_desktop.inspections.models import STATUS_DONE, Inspection
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.inspection_conclusion import print_conclusion
from cchc_desktop.reports.inspection_plan import print_inspection_plan
from cchc_desktop.text.folding import fold

KIND_INSPECTION_PLAN = "kiem-tra"
KIND_CONCLUSION = "ket-luan"
INSPECTION_REPORT_KINDS: dict[str, str] = {
    KIND_INSPECTION_PLAN: "Kế hoạch kiểm tra công tác cải cách hành chính",
    KIND_CONCLUSION: "Thông báo kết luận kiểm tra (cần --unit)",
}


def latest_plan_id(register: Register, plan_id: int | None = None) -> int:
    """Return the inspection plan asked for, or the latest one; refuse a register with none."""
    if plan_id is not None:
        return plan_id
    plans = inspections.list_plans(register)
    if not plans:
        raise ReportError("Sổ chưa có kế hoạch kiểm tra nào; hãy lập kế hoạch kiểm tra trước.")
    return plans[0].id


def find_inspection(register: Register, plan_id: int, unit: str | None) -> Inspection:
    """Return the inspection of a unit (named loosely) in a plan, or the only one done."""
    items = inspections.inspections_of(register, plan_id)
    if unit:
        found = [i for i in items if fold(i.unit_name) == fold(unit)]
        found = found or [i for i in items if fold(unit) in fold(i.unit_name)]
        done = [i for i in found if i.status == STATUS_DONE]
        if found:
            return (done or found)[0]
        raise ReportError(f"Kế hoạch kiểm tra không có đơn vị “{unit}”.")
    done = [i for i in items if i.status == STATUS_DONE]
    if len(done) == 1:
        return done[0]
    raise ReportError("Hãy chọn đơn vị cần in thông báo kết luận (--unit \"tên đơn vị\").")


def run_inspection_report(register: Register, kind: str, output: Path,
                          plan_id: int | None = None, unit: str | None = None,
                          today: date | None = None, draft: bool = False) -> Path:
    """Write an inspection document (kiem-tra, ket-luan) to output (.pdf/.docx); return it."""
    key = (kind or "").strip().lower()
    if key not in INSPECTION_REPORT_KINDS:
        raise ReportError(f"Không có loại văn bản kiểm tra “{kind}”.")
    plan = latest_plan_id(register, plan_id)
    if key == KIND_INSPECTION_PLAN:
        return print_inspection_plan(register, plan, Path(output), today, draft)
    inspection = find_inspection(register, plan, unit)
    return print_conclusion(register, inspection.id, Path(output), today, draft)
