"""The facts of a reporting period that the báo cáo is drafted from (nothing else is used).

Task states as of the period's data cut-off (progress.states), counts per area and per lead
unit, the plan itself (số, ngày, căn cứ), inspections held inside the data window, one-stop
figures built over the period (inspections.period_sums) and the targets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from cchc_desktop.inspections.inspection_plans import inspections_of, list_plans
from cchc_desktop.inspections.models import STATUS_DONE, Inspection, InspectionPlan
from cchc_desktop.inspections.period_sums import Combined, combined_total
from cchc_desktop.inspections.targets import TargetStatus, targets_for_period
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency, Plan
from cchc_desktop.progress.dashboard import UnitStat, unit_stats
from cchc_desktop.progress.figures import cutoff_for
from cchc_desktop.progress.states import AreaStat, TaskState, area_stats, task_states
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.periods import ReportingPeriod, next_period, parse_period_code


@dataclass
class PeriodFacts:
    """Everything a báo cáo of one plan and period may say."""

    plan: Plan
    agency: Agency
    period: ReportingPeriod
    as_of: date
    states: list[TaskState]
    stats: list[AreaStat]
    units: list[UnitStat]
    following: ReportingPeriod
    inspection_plans: list[InspectionPlan] = field(default_factory=list)
    inspections: list[Inspection] = field(default_factory=list)
    one_stop: Combined | None = None
    targets: list[TargetStatus] = field(default_factory=list)

    @property
    def total(self) -> AreaStat:
        """Return the plan's total counts (the last row of stats)."""
        return self.stats[-1]

    @property
    def issuer(self) -> str:
        """Return the name of the agency reporting (the agency set up, else the plan's issuer)."""
        return " ".join((self.agency.name or self.plan.issuer or "").split())

    @property
    def reported(self) -> int:
        """Count the tasks with an entry of this period (or one with the same cut-off)."""
        return sum(1 for s in self.states if s.reported)


def _in_window(text: str | None, period: ReportingPeriod) -> bool:
    """Tell whether an ISO date falls inside the period's data window."""
    try:
        return text is not None and period.contains(date.fromisoformat(text[:10]))
    except ValueError:
        return False


def _inspections(register: Register, period: ReportingPeriod
                 ) -> tuple[list[InspectionPlan], list[Inspection]]:
    """Return the inspection plans of the year and the inspections held in the window."""
    plans = [p for p in list_plans(register) if p.year == period.year]
    held = [i for p in plans for i in inspections_of(register, p.id)
            if i.status == STATUS_DONE and _in_window(i.actual_on, period)]
    return plans, held


def collect_facts(register: Register, plan_id: int, period_code: str,
                  today: date) -> PeriodFacts:
    """Collect the facts of a period as of its cut-off (or today while it is still open)."""
    period = parse_period_code(period_code)
    as_of = cutoff_for(period.code, today)
    states = task_states(register, plan_id, period.code, as_of)
    plans, held = _inspections(register, period)
    return PeriodFacts(
        plan=repository.get_plan(register.db, plan_id),
        agency=repository.get_agency(register.db), period=period, as_of=as_of, states=states,
        stats=area_stats(states), units=unit_stats(register, plan_id, states),
        following=next_period(period), inspection_plans=plans, inspections=held,
        one_stop=combined_total(register, period.code),
        targets=targets_for_period(register, period.code),
    )
