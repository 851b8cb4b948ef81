"""Records the windows read whole: the agency, the plans, one plan, one task, the units.

The public read face for ui/ (which never reaches the repository or `register.db`): each call
takes the open Register and returns typed records from cchc_desktop.plans.models.
"""

from __future__ import annotations

from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency, Plan, Task, Unit
from cchc_desktop.register.connection import Register


def agency(register: Register) -> Agency:
    """Return the agency settings (tên cơ quan, chủ quản, địa danh, người ký mặc định…)."""
    return repository.get_agency(register.db)


def plans(register: Register) -> list[Plan]:
    """Return every plan of the register, the most recently opened first."""
    return repository.list_plans(register.db)


def plan(register: Register, plan_id: int) -> Plan:
    """Return one plan."""
    return repository.get_plan(register.db, plan_id)


def task(register: Register, task_id: int) -> Task:
    """Return one task."""
    return repository.get_task(register.db, task_id)


def units(register: Register) -> list[Unit]:
    """Return the units directory."""
    return repository.list_units(register.db)


def unit(register: Register, unit_id: int) -> Unit:
    """Return one unit."""
    return repository.get_unit(register.db, unit_id)
