"""What the Kế hoạch, Danh mục, Tiến độ, Báo cáo and Trợ giúp menus do."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from cchc_desktop.plans import records, services
from cchc_desktop.plans.models import Plan
from cchc_desktop.register import backup
from cchc_desktop.start.first_run import first_run_needed
from ui.register.plan_dialog import PlanDialog
from ui.register.undo_commands import CreatePlanCommand, SaveAgencyCommand, SavePlanCommand
from ui.register.units_dialog import UnitsDialog
from ui.shell.agency_dialog import AgencyDialog
from ui.widgets.dialogs import run_dialog

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow


def optional_dialog(module: str, name: str) -> Any:
    """Return a dialog class from a module that may not be in this build yet (else None)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class PlanActions:
    """Plan, agency, directory, report and help commands for the main window."""

    def __init__(self, window: RegisterWindow) -> None:
        self.window = window

    def _missing(self, what: str) -> None:
        """Say that a part of the program is not in this build yet."""
        self.window.show_error(what, f"Chức năng “{what}” chưa có trong bản này.")

    # Plans -----------------------------------------------------------------------------------

    def new_plan(self) -> None:
        """Create an empty plan from its details (no signer of its own: the agency's default
        signer, in whatever NĐ 30 form it is set, signs until one is typed)."""
        register = self.window.register
        year = self.window.today.year
        draft = Plan(id=0, title=f"Kế hoạch cải cách hành chính năm {year}", year=year,
                     issuer=services.get_agency(register).name)
        dialog = PlanDialog(draft, "Kế hoạch mới", self.window)
        if run_dialog(dialog):
            self.window.undo_stack.push(CreatePlanCommand(self.window, dialog.plan()))

    def plan_details(self) -> None:
        """Edit the details of the plan shown."""
        plan = self.window.plan
        if plan is None:
            self.window.tasks._plan_id()
            return
        dialog = PlanDialog(plan, "Thông tin kế hoạch", self.window)
        if run_dialog(dialog) and dialog.plan() != plan:
            self.window.undo_stack.push(SavePlanCommand(self.window, dialog.plan()))

    def delete_plan(self) -> None:
        """Delete the plan shown after asking, with a backup taken first."""
        plan = self.window.plan
        if plan is None:
            return
        count = services.plan_task_count(self.window.register, plan.id)
        if not self.window.ops.confirm(
                "Xóa kế hoạch", f"Xóa kế hoạch “{plan.title}” cùng {count} nhiệm vụ và tiến độ "
                "đã ghi? Việc này không hoàn tác được bằng Ctrl+Z; một bản sao lưu của sổ được "
                "tạo trước khi xóa, lấy lại bằng Tệp → Khôi phục từ bản sao lưu "
                "(Ctrl+Shift+R)."):
            return
        register = self.window.register
        saved = self.window.ops.call(lambda: backup.snapshot(register, "truoc-xoa-ke-hoach"))
        if saved is None:
            return
        if self.window.ops.attempt(lambda: services.delete_plan(register, plan.id)):
            self.window.undo_stack.clear()
            self.window.reload_plans()
            self.window.statusBar().showMessage(f"Đã xóa kế hoạch; bản sao lưu: {saved}", 10000)

    def choose_plan(self) -> None:
        """Put the focus on the plan switcher and open it."""
        self.window.plan_box.setFocus()
        self.window.plan_box.showPopup()

    def step_plan(self, offset: int) -> None:
        """Show the next (+1) or previous (-1) plan of the switcher."""
        box = self.window.plan_box
        if box.count():
            box.setCurrentIndex((box.currentIndex() + offset) % box.count())

    def first_run(self) -> None:
        """Ask for the agency's details on a register that has never been set up."""
        register = self.window.register
        if not first_run_needed(register):
            return
        wizard = optional_dialog("ui.shell.first_run", "FirstRunWizard")
        if wizard is None:
            self.agency()
            return
        dialog = wizard(register, self.window)
        run_dialog(dialog)
        self.window.reload_plans(getattr(dialog, "demo_plan_id", None))

    # Agency and units --------------------------------------------------------------------------

    def agency(self) -> None:
        """Edit the agency settings."""
        before = services.get_agency(self.window.register)
        dialog = AgencyDialog(before, self.window)
        if run_dialog(dialog) and dialog.agency() != before:
            self.window.undo_stack.push(SaveAgencyCommand(self.window, dialog.agency()))

    def units(self) -> None:
        """Open the units directory."""
        run_dialog(UnitsDialog(self.window, self.window.undo_stack, self.window))

    # Other people's dialogs ----------------------------------------------------------------------

    def import_appendix(self) -> None:
        """Import a plan's appendix from an Excel file and show the new plan."""
        dialog_class = optional_dialog("ui.register.import_dialog", "ImportDialog")
        if dialog_class is None:
            self._missing("Nhập phụ lục từ Excel")
            return
        dialog = dialog_class(self.window.register, self.window)
        if run_dialog(dialog):
            self.window.undo_stack.clear()
            self.window.reload_plans(select=getattr(dialog, "plan_id", None))

    def report(self) -> None:
        """Open the reports dialog for the plan shown."""
        dialog_class = optional_dialog("ui.reports.report_dialog", "ReportDialog")
        if dialog_class is None:
            self._missing("Báo cáo")
            return
        if self.window.tasks._plan_id() is not None:
            fixers = {"agency": lambda _item: self.agency(),
                      "plan": lambda _item: self.plan_details()}  # undoable (Ctrl+Z)
            run_dialog(dialog_class(self.window.register, self.window.plan_id, self.window,
                                    fixers=fixers))

    def dashboard(self) -> None:
        """Open the progress overview of the plan shown."""
        dialog_class = optional_dialog("ui.progress.dashboard_dialog", "DashboardDialog")
        if dialog_class is None:
            self._missing("Tổng quan tiến độ")
            return
        if self.window.tasks._plan_id() is not None:
            run_dialog(dialog_class(self.window.register, self.window.plan_id, self.window.today,
                                    self.window.filter_bar.period_code() or None, self.window,
                                    filters=self.window.view.filters))
            self.window.load_states()

    def restore(self) -> None:
        """Restore the register from one of its snapshots (Tệp → Khôi phục)."""
        dialog_class = optional_dialog("ui.shell.restore_dialog", "RestoreDialog")
        if dialog_class is None:
            self._missing("Khôi phục")
            return
        dialog = dialog_class(self.window.register, self.window)
        dialog.restored.connect(self.window.switch_register)
        run_dialog(dialog)

    def tool(self, module: str, name: str, title: str) -> None:
        """Open another window of the program (audit trail, inspections, one-stop, targets)."""
        window_class = optional_dialog(module, name)
        if window_class is None:
            self._missing(title)
            return
        tool = window_class(self.window.register, self.window)
        if isinstance(tool, QDialog):
            run_dialog(tool)
            return
        self.tools = [t for t in getattr(self, "tools", []) if t.isVisible()] + [tool]
        tool.show()

    def exchange(self, name: str) -> None:
        """Open an Excel exchange dialog: export, templates for units, or returned files."""
        dialog_class = optional_dialog("ui.exchange.exchange_dialog", name)
        if dialog_class is None:
            self._missing("Trao đổi Excel")
            return
        if self.window.tasks._plan_id() is None:
            return
        extra: dict[str, Any] = {}
        if name == "ReturnsDialog":
            extra["officer"] = records.agency(self.window.register).officer_name
        run_dialog(dialog_class(self.window.register, self.window.plan_id, self.window,
                                today=self.window.today, **extra))
        self.window.load_states()

    # Help ------------------------------------------------------------------------------------

    def guide(self) -> None:
        """Open the user guide (Trợ giúp → Hướng dẫn sử dụng)."""
        from ui.shell.help_dialog import HelpDialog

        run_dialog(HelpDialog(self.window))

    def shortcuts(self) -> None:
        """List every command with its shortcut (a list that fits the screen and scrolls)."""
        from ui.shell.help_dialog import MOUSE_ROWS, ShortcutsDialog

        rows = []
        for action in self.window.actions_by_name.values():
            keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                             for k in action.shortcuts())
            if keys:
                rows.append((action.text().replace("&", ""), keys))
        rows.extend(MOUSE_ROWS)
        run_dialog(ShortcutsDialog(rows, self.window))

    def about(self) -> None:
        """Say what the program is."""
        from html import escape

        from cchc_desktop import __version__

        text = (f"<b>CCHC Desktop</b> phiên bản {__version__}<br>Sổ theo dõi kế hoạch cải cách "
                "hành chính: phụ lục nhiệm vụ, tiến độ theo kỳ, báo cáo theo Nghị định "
                "30/2020/NĐ-CP. Chạy hoàn toàn trên máy.<br><br>Sổ đăng ký đang mở: "
                f"{escape(str(self.window.register.path))}")
        box = QMessageBox(QMessageBox.Icon.Information, "Giới thiệu", text,
                          QMessageBox.StandardButton.Close, self.window)
        box.button(QMessageBox.StandardButton.Close).setText("Đóng")
        run_dialog(box)
