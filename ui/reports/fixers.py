"""What the report dialog opens to fix a missing item when the main window gives nothing better.

The main window passes its own (undoable) commands; these defaults open the same dialogs and
save through the core services, so the report dialog also works on its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QMessageBox

from cchc_desktop.plans import records, services
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.model import (
    SETTING_AGENCY,
    SETTING_INSPECTION,
    SETTING_PLAN,
    SETTING_PROGRESS,
    Missing,
)
from ui.register.plan_dialog import PlanDialog
from ui.shell.agency_dialog import AgencyDialog
from ui.shell.ops import Ops

ELSEWHERE = {
    SETTING_PROGRESS: "Ghi tiến độ của kỳ trong cửa sổ chính (Tiến độ → Ghi tiến độ nhiệm vụ…, "
                      "Ctrl+R), rồi bấm “Xem trước”.",
    SETTING_INSPECTION: "Bổ sung trong cửa sổ Kiểm tra CCHC (Công cụ → Kiểm tra CCHC…), rồi "
                        "bấm “Xem trước”.",
}


def default_fixers(parent: QDialog, ops: Ops, register: Register,
                   plan_id: int) -> dict[str, Callable[[Missing], object]]:
    """Return a fixer per setting: open the agency or plan dialog, or say where to go."""

    def agency(item: Missing) -> None:
        """Edit the agency and its default signer, the field at fault focused."""
        dialog = AgencyDialog(records.agency(register), parent)
        dialog.focus_field(item.field)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ops.attempt(lambda: services.save_agency(register, dialog.agency()))

    def plan(item: Missing) -> None:
        """Edit the plan's details (number, date, its own signer)."""
        dialog = PlanDialog(records.plan(register, plan_id), "Thông tin kế hoạch", parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            ops.attempt(lambda: services.save_plan(register, dialog.plan()))

    def elsewhere(item: Missing) -> None:
        """Say where the missing data is recorded."""
        QMessageBox.information(parent, "Bổ sung thông tin",
                                f"{item.message}\n\n{ELSEWHERE.get(item.setting, '')}")

    return {SETTING_AGENCY: agency, SETTING_PLAN: plan, SETTING_PROGRESS: elsewhere,
            SETTING_INSPECTION: elsewhere}
