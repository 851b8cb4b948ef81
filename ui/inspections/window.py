"""The inspections window (Kiểm tra CCHC): plans per year, units inspected, results, follow-up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections.models import INSPECTION_STATUSES, KINDS, Inspection
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans import records
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.inspection_conclusion import collect_conclusion
from cchc_desktop.reports.inspection_plan import collect_inspection_plan, print_inspection_plan
from cchc_desktop.reports.model import SETTING_INSPECTION
from ui.inspections.detail import InspectionDetail
from ui.inspections.dialogs import InspectionUnitDialog, PlanDialog
from ui.inspections.forms import FormDialog, attempt, show_date
from ui.inspections.models import Col, RecordTableModel
from ui.inspections.saving import ask_path, save_or_offer_draft
from ui.inspections.tables import button_row, selected_row, table
from ui.inspections.tabs import FollowUpTab, OutlineTab, PlanTab, SelfReportTab, TeamTab
from ui.reports.documents import DocumentChoice
from ui.reports.report_dialog import ReportDialog
from ui.widgets.closing import close_button


def _dates(item: Inspection) -> str:
    """Return the planned dates of an inspection as shown in the table."""
    first, last = show_date(item.planned_from), show_date(item.planned_to)
    return f"{first} - {last}" if first and last and first != last else first or last


UNIT_COLUMNS = [
    Col[Inspection]("Đơn vị", lambda i: i.unit_name),
    Col[Inspection]("Hình thức", lambda i: KINDS[i.kind]),
    Col[Inspection]("Dự kiến", _dates, center=True),
    Col[Inspection]("Thực tế", lambda i: show_date(i.actual_on), center=True),
    Col[Inspection]("Trạng thái", lambda i: INSPECTION_STATUSES[i.status], center=True),
]


class InspectionWindow(QMainWindow):
    """Plan inspections, record what was found at each unit and follow remediation up."""

    def __init__(self, register: Register, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.register = register
        self.today: Callable[[], date] = date.today
        self.plan_id: int | None = None
        self.dialog: FormDialog | None = None
        self.setWindowTitle("Kiểm tra công tác cải cách hành chính")
        self.resize(1280, 780)
        self.plan_box = QComboBox()
        self.plan_box.setObjectName("inspectionPlanBox")
        self.units_model = RecordTableModel[Inspection](UNIT_COLUMNS)
        self.units_view = table(self.units_model, "inspectedUnitsTable")
        self.detail = InspectionDetail(register, lambda: self.today(), self)
        self.team_tab = TeamTab(register, lambda: self.today())
        self.self_tab = SelfReportTab(register, lambda: self.today())
        self.outline_tab = OutlineTab(register, lambda: self.today())
        self.follow_tab = FollowUpTab(register, lambda: self.today())
        self.tabs = QTabWidget()
        self._build()
        self.reload_plans()

    # Building --------------------------------------------------------------------------------

    def _build(self) -> None:
        """Create the toolbar and the tabs."""
        bar = QToolBar("Kế hoạch kiểm tra")
        bar.setMovable(False)
        bar.addWidget(QLabel(" Kế hoạch kiểm tra: "))
        self.plan_box.setMinimumWidth(380)
        self.plan_box.currentIndexChanged.connect(self._plan_chosen)
        bar.addWidget(self.plan_box)
        actions: list[tuple[str, Callable[[], object]]] = [
            ("Kế hoạch mới…", self.new_plan), ("Sửa kế hoạch…", self.edit_plan),
            ("Lưu kế hoạch kiểm tra…", self._ask_print_plan),
            ("Xem trước, in, lưu Word…", self.documents)]
        for label, slot in actions:
            bar.addAction(label, slot)
        self.addToolBar(bar)
        self.tabs.addTab(self._units_page(), "Đơn vị được kiểm tra")
        for tab, title in [(self.team_tab, "Đoàn kiểm tra"), (self.self_tab, "Tự kiểm tra"),
                           (self.outline_tab, "Đề cương"),
                           (self.follow_tab, "Theo dõi khắc phục")]:
            tab.changed.connect(self._changed)
            self.tabs.addTab(tab, title)
        self.detail.changed.connect(self._changed)
        self.tabs.setCornerWidget(close_button(self))
        self.setCentralWidget(self.tabs)

    def _units_page(self) -> QWidget:
        """Return the page listing the units of the plan beside the selected unit's results."""
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.addWidget(self.units_view)
        add, remove = QPushButton("Thêm đơn vị…"), QPushButton("Xóa khỏi kế hoạch")
        add.clicked.connect(self.add_unit)
        remove.clicked.connect(self.remove_unit)
        layout.addLayout(button_row(add, remove))
        self.units_view.selectionModel().selectionChanged.connect(self._unit_chosen)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setSizes([480, 800])
        return splitter

    # Plans -----------------------------------------------------------------------------------

    def reload_plans(self, select: int | None = None) -> None:
        """Fill the plan switcher and show the chosen (or latest) plan."""
        plans = ins.list_plans(self.register)
        self.plan_box.blockSignals(True)
        self.plan_box.clear()
        for plan in plans:
            number = f" — {plan.number}" if plan.number else ""
            self.plan_box.addItem(f"Năm {plan.year}{number}: {plan.title}", plan.id)
        index = self.plan_box.findData(select) if select is not None else 0
        self.plan_box.setCurrentIndex(max(index, 0) if plans else -1)
        self.plan_box.blockSignals(False)
        self.show_plan(self.plan_box.currentData() if plans else None)

    def show_plan(self, plan_id: int | None) -> None:
        """Show a plan's units, team, self-reports and đề cương."""
        self.plan_id = plan_id
        for tab in self._tabs():
            tab.set_plan(plan_id)
        self.refresh_units()

    def _tabs(self) -> list[PlanTab]:
        """Return the tabs that show a part of the plan."""
        return [self.team_tab, self.self_tab, self.outline_tab, self.follow_tab]

    def _plan_chosen(self, index: int) -> None:
        """Switch to the plan picked in the switcher."""
        self.show_plan(self.plan_box.itemData(index))

    def _open(self, dialog: FormDialog, submit: Callable[[], None]) -> FormDialog:
        """Open a dialog whose OK runs submit."""
        dialog.submit = submit
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_plan(self) -> FormDialog:
        """Ask for a new year's inspection plan (pre-filled with the usual wording)."""
        agency = records.agency(self.register)
        dialog = PlanDialog(new_plan(self.today().year, agency), self)

        def submit() -> None:
            self.reload_plans(ins.create_plan(self.register, dialog.value()))

        return self._open(dialog, submit)

    def edit_plan(self) -> FormDialog | None:
        """Edit the current plan's details."""
        return self._edit_plan(None)

    def _edit_plan(self, parent: QWidget | None) -> FormDialog | None:
        """Edit the plan's details, modal over parent when one is given (the report dialog)."""
        if self.plan_id is None:
            return None
        dialog = PlanDialog(ins.get_plan(self.register, self.plan_id), parent or self)

        def submit() -> None:
            ins.save_plan(self.register, dialog.value())
            self.reload_plans(dialog.plan.id)

        if parent is None:
            return self._open(dialog, submit)
        dialog.submit = submit
        dialog.exec()
        return dialog

    def documents(self) -> ReportDialog | None:
        """Open the Kế hoạch kiểm tra and the shown unit's Thông báo kết luận in the report
        dialog: check, preview, save as PDF or Word, print."""
        plan_id, today, item = self.plan_id, self.today(), self.detail.inspection
        if plan_id is None:
            return None
        choices = [DocumentChoice("kiem-tra", "Kế hoạch kiểm tra", lambda r: (
            collect_inspection_plan(r, plan_id, today)), f"ke-hoach-kiem-tra-{plan_id}.pdf")]
        if item is not None and not self.detail.conclusion_refused():
            key = item.id
            choices.append(DocumentChoice(
                "ket-luan", f"Thông báo kết luận — {item.unit_name}",
                lambda r: collect_conclusion(r, key, today), f"thong-bao-ket-luan-{key}.pdf"))
        dialog = ReportDialog(self.register, plan_id, self, today=today, documents=choices)
        dialog.fixers[SETTING_INSPECTION] = lambda _missing: self._edit_plan(dialog)
        dialog.open()
        return dialog

    def print_plan_to(self, path: Path, draft: bool = False) -> bool:
        """Save the current plan's Kế hoạch kiểm tra to path (.pdf or .docx), or a draft."""
        plan_id = self.plan_id
        if plan_id is None:
            return False
        return attempt(self, lambda: print_inspection_plan(self.register, plan_id, path,
                                                           self.today(), draft))

    def _ask_print_plan(self) -> None:
        """Ask where to save the Kế hoạch kiểm tra (PDF or Word), then save it or a draft."""
        plan_id = self.plan_id
        if plan_id is None:
            return
        path = ask_path(self, "Lưu kế hoạch kiểm tra",
                        self.register.path.parent / f"ke-hoach-kiem-tra-{plan_id}.pdf")
        if path is not None:
            save_or_offer_draft(self, path, lambda target, draft: print_inspection_plan(
                self.register, plan_id, target, self.today(), draft))

    # Units -----------------------------------------------------------------------------------

    def refresh_units(self, select: int | None = None) -> None:
        """Reload the plan's units and keep (or pick) the selected one."""
        current = select if select is not None else (
            self.detail.inspection.id if self.detail.inspection else None)
        rows = ins.inspections_of(self.register, self.plan_id) if self.plan_id else []
        self.units_model.set_rows(rows)
        ids = [i.id for i in rows]
        if current in ids:
            self.units_view.selectRow(ids.index(current))
        else:
            self.detail.show_inspection(None)

    def _unit_chosen(self) -> None:
        """Show the results of the unit selected in the table."""
        row = selected_row(self.units_view)
        self.detail.show_inspection(None if row is None else self.units_model.row_at(row).id)

    def select_unit(self, unit_name: str) -> None:
        """Select a unit of the plan by name (as the officer clicks it)."""
        for row, item in enumerate(self.units_model.rows()):
            if item.unit_name == unit_name:
                self.units_view.selectRow(row)
                return

    def add_unit(self) -> FormDialog | None:
        """Ask which unit to add to the plan, how and when."""
        plan_id = self.plan_id
        if plan_id is None:
            return None
        dialog = InspectionUnitDialog(records.units(self.register), self)

        def submit() -> None:
            new_id = ins.add_inspection(
                self.register, plan_id, dialog.unit.currentData(), dialog.kind.currentData(),
                dialog.planned_from.text() or None, dialog.planned_to.text() or None)
            self.refresh_units(new_id)
            self.self_tab.refresh()

        return self._open(dialog, submit)

    def remove_unit(self) -> None:
        """Remove the selected unit from the plan (refused once it has results)."""
        row = selected_row(self.units_view)
        if row is not None:
            key = self.units_model.row_at(row).id
            if attempt(self, lambda: ins.delete_inspection(self.register, key)):
                self.refresh_units()
                self.self_tab.refresh()

    def _changed(self) -> None:
        """Refresh what depends on results after a write anywhere in the window."""
        self.refresh_units()
        self.follow_tab.refresh()
        if self.detail.inspection is not None:
            self.detail.refresh()

    def open_remediation_count(self) -> int:
        """Return how many remediation items of every plan are still open."""
        return len(res.open_remediations(self.register, self.today()))

