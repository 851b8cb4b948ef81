"""Dialogs of the inspection window: plan, unit inspected, team member, finding, remediation…"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from cchc_desktop.inspections.models import (
    FINDING,
    KINDS,
    LEVELS,
    RECOMMENDATION,
    ROLES,
    SCOPES,
    Finding,
    InspectionPlan,
    OutlineLine,
    RemediationDraft,
    TeamMember,
)
from cchc_desktop.plans.models import AREAS, AUTHORITIES, Unit
from ui.inspections.forms import FormDialog, combo, date_field, text_lines

LEVEL_LABELS = {"part": "Phần (I, II…)", "section": "Mục (1, 2…)", "item": "Nội dung kiểm tra"}


def _lines_edit(lines: list[str], rows: int = 3) -> QPlainTextEdit:
    """Return a multi-line field, one paragraph per line."""
    edit = QPlainTextEdit("\n".join(lines))
    edit.setFixedHeight(22 * rows + 8)
    return edit


def unit_choices(units: list[Unit], empty: str | None = None) -> list[tuple[int | None, str]]:
    """Return (id, name) pairs for a unit combo, with an optional empty first choice."""
    pairs: list[tuple[int | None, str]] = [(None, empty)] if empty is not None else []
    return pairs + [(u.id, u.name) for u in units]


class PlanDialog(FormDialog):
    """Create or edit an inspection plan: number, title, dates, wording, signer, recipients."""

    def __init__(self, plan: InspectionPlan, parent: QWidget | None = None) -> None:
        super().__init__("Kế hoạch kiểm tra", parent, scroll=True)
        self.plan = plan
        self.year = QSpinBox()
        self.year.setRange(1900, 2999)
        self.year.setValue(plan.year)
        self.number = QLineEdit(plan.number)
        self.title_edit = QLineEdit(plan.title)
        self.issued = date_field(plan.issued_on)
        self.bases = _lines_edit(plan.bases, 2)
        self.purposes = _lines_edit(plan.purposes)
        self.requirements = _lines_edit(plan.requirements)
        self.implementation = _lines_edit(plan.implementation)
        self.funding = _lines_edit([plan.funding], 2)
        self.scope_from = date_field(plan.scope_from)
        self.due_h1, self.due_h2 = date_field(plan.self_due_h1), date_field(plan.self_due_h2)
        self.authority = combo([(a, a or "(không)") for a in AUTHORITIES], plan.signer_authority)
        self.signer_title = _lines_edit(plan.signer_title.splitlines(), 2)
        self.signer_name = QLineEdit(plan.signer_name)
        self.recipients = _lines_edit(plan.recipients, 3)
        self._layout_fields()

    def _layout_fields(self) -> None:
        """Place the fields in the form."""
        for label, widget in [
            ("Năm", self.year), ("Số, ký hiệu", self.number), ("Trích yếu", self.title_edit),
            ("Ngày ban hành", self.issued), ("Căn cứ (mỗi dòng một căn cứ)", self.bases),
            ("Mục đích", self.purposes), ("Yêu cầu", self.requirements),
            ("Thời điểm kiểm tra từ ngày", self.scope_from),
            ("Hạn báo cáo tự kiểm tra 6 tháng đầu năm", self.due_h1),
            ("Hạn báo cáo tự kiểm tra 6 tháng cuối năm", self.due_h2),
            ("Kinh phí", self.funding), ("Tổ chức thực hiện", self.implementation),
            ("Quyền hạn ký", self.authority), ("Chức vụ người ký", self.signer_title),
            ("Họ tên người ký", self.signer_name), ("Nơi nhận", self.recipients),
        ]:
            self.add_row(label, widget)
        self.resize(760, 680)

    def value(self) -> InspectionPlan:
        """Return the plan as typed."""
        return replace(
            self.plan, year=self.year.value(), number=self.number.text(),
            title=self.title_edit.text(), issued_on=self.issued.text() or None,
            bases=text_lines(self.bases), purposes=text_lines(self.purposes),
            requirements=text_lines(self.requirements),
            implementation=text_lines(self.implementation),
            funding=self.funding.toPlainText().strip(), scope_from=self.scope_from.text() or None,
            self_due_h1=self.due_h1.text() or None, self_due_h2=self.due_h2.text() or None,
            signer_authority=self.authority.currentData(),
            signer_title=self.signer_title.toPlainText(), signer_name=self.signer_name.text(),
            recipients=text_lines(self.recipients))


class InspectionUnitDialog(FormDialog):
    """Add a unit to the plan: which unit, how (định kỳ, đột xuất, tự kiểm tra), when."""

    def __init__(self, units: list[Unit], parent: QWidget | None = None) -> None:
        super().__init__("Thêm đơn vị vào kế hoạch kiểm tra", parent)
        self.unit = self.add_row("Đơn vị", combo(unit_choices(units)))
        self.kind = self.add_row("Hình thức", combo(KINDS))
        self.planned_from = self.add_row("Ngày kiểm tra dự kiến", date_field())
        self.planned_to = self.add_row("Đến ngày", date_field())


class MemberDialog(FormDialog):
    """Add or edit a member of the inspection team."""

    def __init__(self, units: list[Unit], member: TeamMember | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Thành viên Đoàn kiểm tra", parent)
        self.member = member or TeamMember(0, "thanh_vien")
        self.role = self.add_row("Vai trò", combo(ROLES, self.member.role))
        self.name = self.add_row("Họ và tên", QLineEdit(self.member.name))
        self.title_edit = self.add_row("Chức vụ", QLineEdit(self.member.title))
        self.unit = self.add_row("Đơn vị", combo(unit_choices(units, "(không ghi)"),
                                                 self.member.unit_id))

    def value(self) -> TeamMember:
        """Return the member as typed."""
        return replace(self.member, role=self.role.currentData(), name=self.name.text(),
                       title=self.title_edit.text(), unit_id=self.unit.currentData())


class FindingDialog(FormDialog):
    """Record a finding (tồn tại, hạn chế) or a recommendation (kiến nghị)."""

    def __init__(self, items: list[OutlineLine], finding: Finding | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Tồn tại, hạn chế / kiến nghị", parent)
        kind = finding.kind if finding else FINDING
        self.kind = self.add_row("Loại", combo({FINDING: "Tồn tại, hạn chế",
                                                RECOMMENDATION: "Kiến nghị"}, kind))
        self.kind.setEnabled(finding is None)
        self.text_edit = self.add_row("Nội dung", _lines_edit([finding.text] if finding else [],
                                                              4))
        choices = [(None, "(không gắn)")] + [(i.id, i.text[:90]) for i in items]
        self.line = self.add_row("Nội dung đề cương liên quan",
                                 combo(choices, finding.line_id if finding else None))


class RemediationDialog(FormDialog):
    """Add or edit a remediation item: what, who, by when, for which finding."""

    def __init__(self, findings: list[Finding], draft: RemediationDraft | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Nội dung khắc phục", parent)
        draft = draft or RemediationDraft("")
        self.content = self.add_row("Nội dung khắc phục", _lines_edit([draft.content], 3))
        self.owner = self.add_row("Người, bộ phận thực hiện", QLineEdit(draft.owner))
        self.deadline = self.add_row("Thời hạn", date_field(draft.deadline))
        choices = [(None, "(không gắn)")] + [(f.id, f.text[:90]) for f in findings
                                              if f.kind == FINDING]
        self.finding = self.add_row("Tồn tại liên quan", combo(choices, draft.finding_id))

    def value(self) -> RemediationDraft:
        """Return the remediation item as typed."""
        return RemediationDraft(self.content.toPlainText(), self.owner.text(),
                                self.deadline.text() or None, self.finding.currentData())


class CloseRemediationDialog(FormDialog):
    """Mark a remediation item Đã khắc phục: on which day, with what result."""

    def __init__(self, content: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Xác nhận đã khắc phục", parent)
        label = QLabel(content)
        label.setWordWrap(True)
        self.add_row("Nội dung", label)
        self.closed_on = self.add_row("Ngày hoàn thành", date_field(today.isoformat()))
        self.result_edit = self.add_row("Kết quả khắc phục", _lines_edit([], 3))


class SelfReportDialog(FormDialog):
    """Record a self-inspection report as received."""

    def __init__(self, label: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__("Ghi nhận báo cáo tự kiểm tra", parent)
        self.add_row("Đơn vị, kỳ", QLabel(label))
        self.received_on = self.add_row("Ngày nhận", date_field(today.isoformat()))
        self.number = self.add_row("Số, ký hiệu báo cáo", QLineEdit())
        self.note = self.add_row("Ghi chú", QLineEdit())


class OutlineLineDialog(FormDialog):
    """Add or edit a line of a đề cương: part, section (with its area) or checklist item."""

    def __init__(self, line: OutlineLine | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Dòng đề cương", parent)
        self.line = line or OutlineLine(0, "item", "")
        self.level = self.add_row("Cấp", combo([(v, LEVEL_LABELS[v]) for v in LEVELS],
                                               self.line.level))
        self.number = self.add_row("Số thứ tự", QLineEdit(self.line.number))
        self.text_edit = self.add_row("Nội dung", _lines_edit([self.line.text], 4))
        self.hint = self.add_row("Gợi ý (in nghiêng)", _lines_edit([self.line.hint], 2))
        self.area = self.add_row("Lĩnh vực (cho mục)", combo([(None, "(không)"),
                                                              *AREAS.items()], self.line.area))
        self.scope = self.add_row("Áp dụng cho", combo(list(SCOPES.items()), self.line.scope))

    def value(self) -> OutlineLine:
        """Return the line as typed."""
        return replace(self.line, level=self.level.currentData(), number=self.number.text(),
                       text=self.text_edit.toPlainText(), hint=self.hint.toPlainText(),
                       area=self.area.currentData(), scope=self.scope.currentData())
