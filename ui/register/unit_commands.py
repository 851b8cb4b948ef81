"""Undoable units directory edits: delete an unused unit, split one unit into two."""

from __future__ import annotations

from typing import Any

from cchc_desktop.plans import unit_edits
from ui.register.undo_commands import ServiceCommand, Views


class DeleteUnitCommand(ServiceCommand):
    """Delete a unit no task names; undo brings it back with its id."""

    def __init__(self, views: Views, unit_id: int, name: str) -> None:
        super().__init__(views, f"Xóa đơn vị “{name}”")
        self.unit_id = unit_id
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        self.snapshot = unit_edits.delete_unit(self.register, self.unit_id)
        self.views.units_changed()

    def revert(self) -> None:
        assert self.snapshot is not None
        unit_edits.restore_unit(self.register, self.snapshot)
        self.views.units_changed()


class SplitUnitCommand(ServiceCommand):
    """Split a unit into two names; every task that named it names both."""

    def __init__(self, views: Views, unit_id: int, first: str, second: str) -> None:
        super().__init__(views, f"Tách đơn vị thành “{first}” và “{second}”")
        self.unit_id, self.first, self.second = unit_id, first, second
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        self.snapshot = unit_edits.split_unit(self.register, self.unit_id, self.first,
                                              self.second)
        self.views.units_changed()

    def revert(self) -> None:
        assert self.snapshot is not None
        unit_edits.unsplit_unit(self.register, self.snapshot)
        self.views.units_changed()
