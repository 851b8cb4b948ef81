"""Tabs of the inspection window: team, self-inspection reports, đề cương, follow-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import outline
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections import self_reports as selfcheck
from cchc_desktop.inspections.models import (
    LEVEL_ITEM,
    REMEDY_STATUSES,
    ROLES,
    SCOPES,
    OutlineLine,
    SelfReport,
    TeamMember,
)
from cchc_desktop.plans import records
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register.connection import Register
from ui.inspections.dialogs import (
    CloseRemediationDialog,
    MemberDialog,
    OutlineLineDialog,
    SelfReportDialog,
)
from ui.inspections.forms import FormDialog, attempt, show_date
from ui.inspections.models import HEADING_BRUSH, OK_BRUSH, WARN_BRUSH, Col, RecordTableModel
from ui.inspections.tables import button_row, fixed_width, selected_row, table


class PlanTab(QWidget):
    """A tab showing one part of the current plan; emits changed after a write."""

    changed = Signal()

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today = today
        self.plan_id: int | None = None
        self.dialog: FormDialog | None = None
        self.layout_ = QVBoxLayout(self)

    def set_plan(self, plan_id: int | None) -> None:
        """Show the tab's part of a plan."""
        self.plan_id = plan_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the rows (overridden)."""

    def open_dialog(self, dialog: FormDialog, submit: Callable[[], object]) -> FormDialog:
        """Open a dialog whose OK runs submit, then refreshes and emits changed."""
        def run() -> None:
            submit()
            self.refresh()
            self.changed.emit()

        dialog.submit = run
        self.dialog = dialog
        dialog.open()
        return dialog

    def buttons(self, *pairs: tuple[str, Callable[[], None]]) -> None:
        """Add a row of buttons under the table."""
        widgets = []
        for label, slot in pairs:
            button = QPushButton(label)
            button.clicked.connect(slot)
            widgets.append(button)
        self.layout_.addLayout(button_row(*widgets))

    def write(self, action: Callable[[], object]) -> None:
        """Run a service call, then refresh and emit changed (errors are shown)."""
        if attempt(self, action):
            self.refresh()
            self.changed.emit()


class TeamTab(PlanTab):
    """The inspection team: trưởng đoàn, phó trưởng đoàn, thành viên with their units."""

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(register, today, parent)
        self.model = RecordTableModel[TeamMember]([
            Col[TeamMember]("Vai trò", lambda m: ROLES[m.role]),
            Col[TeamMember]("Họ và tên", lambda m: m.name),
            Col[TeamMember]("Chức vụ", lambda m: m.title),
            Col[TeamMember]("Đơn vị", lambda m: m.unit_name)])
        self.view = table(self.model, "teamTable", 3)
        self.layout_.addWidget(self.view)
        self.buttons(("Thêm…", self.add), ("Sửa…", self.edit), ("Xóa", self.delete))

    def refresh(self) -> None:
        """Reload the team."""
        self.model.set_rows(ins.team(self.register, self.plan_id) if self.plan_id else [])

    def add(self) -> None:
        """Ask for a new member."""
        if self.plan_id is None:
            return
        plan_id = self.plan_id
        dialog = MemberDialog(records.units(self.register), parent=self)
        self.open_dialog(dialog, lambda: ins.add_member(self.register, plan_id, dialog.value()))

    def edit(self) -> None:
        """Edit the selected member."""
        row = selected_row(self.view)
        if row is None:
            return
        dialog = MemberDialog(records.units(self.register), self.model.row_at(row),
                              parent=self)
        self.open_dialog(dialog, lambda: ins.update_member(self.register, dialog.value()))

    def delete(self) -> None:
        """Remove the selected member."""
        row = selected_row(self.view)
        if row is not None:
            member_id = self.model.row_at(row).id
            self.write(lambda: ins.delete_member(self.register, member_id))


class SelfReportTab(PlanTab):
    """Self-inspection reports of the units that self-inspect: received or missing."""

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(register, today, parent)
        self.model = RecordTableModel[SelfReport]([
            Col[SelfReport]("Đơn vị", lambda r: r.unit_name),
            Col[SelfReport]("Kỳ", lambda r: selfcheck.HALVES[r.half], center=True),
            Col[SelfReport]("Hạn", lambda r: show_date(r.due), center=True),
            Col[SelfReport]("Tình trạng", lambda r: r.state_label),
            Col[SelfReport]("Số báo cáo", lambda r: r.document_number)],
            tint=lambda r: {selfcheck.RECEIVED: OK_BRUSH,
                            selfcheck.MISSING: WARN_BRUSH}.get(r.state))
        self.view = table(self.model, "selfReportTable", 4)
        self.layout_.addWidget(self.view)
        self.buttons(("Đã nhận báo cáo…", self.receive), ("Bỏ ghi nhận", self.clear))

    def refresh(self) -> None:
        """Reload the reports' states as of today."""
        rows = selfcheck.self_reports(self.register, self.plan_id, self.today()) if (
            self.plan_id) else []
        self.model.set_rows(rows)

    def receive(self) -> None:
        """Record the selected report as received."""
        row = selected_row(self.view)
        if row is None:
            return
        report = self.model.row_at(row)
        label = f"{report.unit_name} — {selfcheck.HALVES[report.half]}"
        dialog = SelfReportDialog(label, self.today(), parent=self)
        self.open_dialog(dialog, lambda: selfcheck.record_self_report(
            self.register, report.inspection_id, report.half, dialog.received_on.text(),
            self.today(), dialog.number.text(), dialog.note.text()))

    def clear(self) -> None:
        """Remove the selected report's record."""
        row = selected_row(self.view)
        if row is not None:
            report = self.model.row_at(row)
            self.write(lambda: selfcheck.clear_self_report(self.register, report.inspection_id,
                                                           report.half))


class OutlineTab(PlanTab):
    """The đề cương of the plan, or the register's template, edited line by line."""

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(register, today, parent)
        self.scope = QComboBox()
        self.scope.addItem("Đề cương của kế hoạch đang chọn", "plan")
        self.scope.addItem("Đề cương mẫu (dùng cho kế hoạch lập sau)", "template")
        self.scope.currentIndexChanged.connect(self.refresh)
        self.model = RecordTableModel[OutlineLine]([
            Col[OutlineLine]("TT", lambda line: line.number, center=True),
            Col[OutlineLine]("Nội dung", lambda line: line.text),
            Col[OutlineLine]("Gợi ý", lambda line: line.hint),
            Col[OutlineLine]("Lĩnh vực", lambda line: AREAS.get(line.area or "", "")),
            Col[OutlineLine]("Áp dụng cho", lambda line: SCOPES[line.scope] if line.scope
                             else "")],
            tint=lambda line: None if line.level == LEVEL_ITEM else HEADING_BRUSH,
            bold=lambda line: line.level != LEVEL_ITEM)
        self.view = table(self.model, "outlineTable", 1, wrap=True)
        fixed_width(self.view, 2, 260)
        self.layout_.addWidget(self.scope)
        self.layout_.addWidget(self.view)
        self.buttons(("Thêm dòng…", self.add), ("Sửa…", self.edit), ("Xóa", self.delete),
                     ("Lên", lambda: self.move_line(-1)), ("Xuống", lambda: self.move_line(1)),
                     ("Khôi phục đề cương mẫu gốc", self.reset))

    def target(self) -> int | None:
        """Return the plan id edited (None for the template)."""
        return None if self.scope.currentData() == "template" else self.plan_id

    def refresh(self) -> None:
        """Reload the lines of the chosen đề cương."""
        if self.scope.currentData() == "template":
            self.model.set_rows(outline.outline_template(self.register))
        else:
            self.model.set_rows(outline.plan_outline(self.register, self.plan_id)
                                if self.plan_id else [])

    def _selected(self) -> OutlineLine | None:
        """Return the selected line."""
        row = selected_row(self.view)
        return None if row is None else self.model.row_at(row)

    def add(self) -> None:
        """Ask for a new line after the selected one."""
        if self.scope.currentData() == "plan" and self.plan_id is None:
            return
        after, scope = self._selected(), self.target()
        dialog = OutlineLineDialog(parent=self)
        self.open_dialog(dialog, lambda: outline.add_line(
            self.register, dialog.value(), scope, after.id if after else None))

    def edit(self) -> None:
        """Edit the selected line."""
        line, scope = self._selected(), self.target()
        if line is not None:
            dialog = OutlineLineDialog(line, parent=self)
            self.open_dialog(dialog, lambda: outline.update_line(self.register, dialog.value(),
                                                                 scope))

    def delete(self) -> None:
        """Delete the selected line."""
        line, scope = self._selected(), self.target()
        if line is not None:
            self.write(lambda: outline.delete_line(self.register, line.id, scope))

    def move_line(self, offset: int) -> None:
        """Move the selected line up or down."""
        line, scope = self._selected(), self.target()
        row = selected_row(self.view)
        if line is not None and row is not None:
            self.write(lambda: outline.move_line(self.register, line.id, offset, scope))
            self.view.selectRow(max(0, min(self.model.rowCount() - 1, row + offset)))

    def reset(self) -> None:
        """Put the shipped đề cương back as the template."""
        self.write(lambda: outline.reset_template(self.register))


class FollowUpTab(PlanTab):
    """Remediation items of every plan still open, overdue first."""

    def __init__(self, register: Register, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(register, today, parent)
        self.model = RecordTableModel[res.RemediationView]([
            Col[res.RemediationView]("Đơn vị", lambda v: v.unit_name),
            Col[res.RemediationView]("Nội dung khắc phục", lambda v: v.remediation.content),
            Col[res.RemediationView]("Người thực hiện", lambda v: v.remediation.owner),
            Col[res.RemediationView]("Thời hạn", lambda v: show_date(v.remediation.deadline),
                                     center=True),
            Col[res.RemediationView]("Trạng thái", lambda v: (
                f"Quá hạn {v.days_overdue} ngày" if v.overdue
                else REMEDY_STATUSES[v.remediation.status]))],
            tint=lambda v: WARN_BRUSH if v.overdue else None)
        self.view = table(self.model, "followUpTable", 1, wrap=True)
        self.layout_.addWidget(self.view)
        self.buttons(("Đã khắc phục…", self.close_selected))

    def refresh(self) -> None:
        """Reload the open items of every plan."""
        self.model.set_rows(res.open_remediations(self.register, self.today()))

    def close_selected(self) -> None:
        """Ask for the day and result, then close the selected item."""
        row = selected_row(self.view)
        if row is None:
            return
        item = self.model.row_at(row).remediation
        dialog = CloseRemediationDialog(item.content, self.today(), parent=self)
        self.open_dialog(dialog, lambda: res.close_remediation(
            self.register, item.id, self.today(), dialog.closed_on.text(),
            dialog.result_edit.toPlainText()))
