"""Undo commands for the plan's shape: sections and groups added, renamed, moved, deleted, and
the TT renumbered after any change of shape (one undo step with the change)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import structure
from cchc_desktop.plans.outline import group_key, section_key
from ui.register.undo_commands import ServiceCommand, Views

NAMES = {"section": "lĩnh vực", "group": "nhóm"}


class AddHeadingCommand(ServiceCommand):
    """Add a section at the end of the plan, or a group at the end of a section."""

    def __init__(self, views: Views, plan_id: int, kind: str, title: str,
                 section_id: int | None = None) -> None:
        super().__init__(views, f"Thêm {NAMES[kind]}")
        self.plan_id, self.kind, self.title, self.section_id = plan_id, kind, title, section_id
        self.row_id: int | None = None
        self.snapshot: dict[str, Any] | None = None

    def apply(self) -> None:
        if self.snapshot is not None:
            structure.restore(self.register, self.snapshot)
        elif self.kind == "section":
            self.row_id = structure.add_section(self.register, self.plan_id, self.title)
        else:
            self.row_id = structure.add_group(self.register, self.plan_id, self.section_id,
                                              self.title)
        self.views.structure_changed(self.plan_id, None)

    def revert(self) -> None:
        assert self.row_id is not None
        self.snapshot = structure.delete(self.register, self.kind, self.row_id, True)
        self.views.structure_changed(self.plan_id, None)


class RenameHeadingCommand(ServiceCommand):
    """Rename a section or group (title and printed number)."""

    def __init__(self, views: Views, plan_id: int, kind: str, row_id: int, title: str,
                 number: str) -> None:
        super().__init__(views, f"Đổi tên {NAMES[kind]}")
        self.plan_id, self.kind, self.row_id = plan_id, kind, row_id
        self.after = (title, number)
        self.before: tuple[str, str] | None = None

    def apply(self) -> None:
        self.before = structure.rename(self.register, self.kind, self.row_id, *self.after)
        self.views.structure_changed(self.plan_id, None)

    def revert(self) -> None:
        assert self.before is not None
        structure.rename(self.register, self.kind, self.row_id, *self.before)
        self.views.structure_changed(self.plan_id, None)


class MoveHeadingCommand(ServiceCommand):
    """Move a section, or a group inside its section, up (-1) or down (+1)."""

    def __init__(self, views: Views, plan_id: int, kind: str, row_id: int, offset: int) -> None:
        super().__init__(views, f"Chuyển {NAMES[kind]} {'lên' if offset < 0 else 'xuống'}")
        self.plan_id, self.kind, self.row_id, self.offset = plan_id, kind, row_id, offset

    def apply(self) -> None:
        if not structure.move(self.register, self.kind, self.row_id, self.offset):
            raise ValidationError(f"{NAMES[self.kind].capitalize()} đã ở đầu (hoặc cuối).")
        self.views.structure_changed(self.plan_id, None)

    def revert(self) -> None:
        structure.move(self.register, self.kind, self.row_id, -self.offset)
        self.views.structure_changed(self.plan_id, None)


class DeleteHeadingCommand(ServiceCommand):
    """Delete a section or group with its tasks, or moving its tasks out of it."""

    def __init__(self, views: Views, plan_id: int, kind: str, row_id: int,
                 with_tasks: bool, select: int | None = None) -> None:
        super().__init__(views, f"Xóa {NAMES[kind]}")
        self.plan_id, self.kind, self.row_id, self.with_tasks = plan_id, kind, row_id, with_tasks
        self.select = select  # the row to select once the heading (and its tasks) are gone
        self.snapshot: dict[str, Any] | None = None

    def moved(self) -> list[int]:
        """Return the tasks a deleted section's tasks moved out (where it was), in order."""
        return list(self.snapshot["moved"]) if self.snapshot else []

    def apply(self) -> None:
        self.snapshot = structure.delete(self.register, self.kind, self.row_id, self.with_tasks)
        moved = self.moved()
        self.views.structure_changed(self.plan_id, moved[0] if moved else self.select)

    def revert(self) -> None:
        assert self.snapshot is not None
        structure.restore(self.register, self.snapshot)
        key = section_key(self.row_id) if self.kind == "section" else group_key(self.row_id)
        self.views.structure_changed(self.plan_id, key)


class Renumbered(ServiceCommand):
    """A change of shape followed by the renumbering it causes, undone as one step (the
    numbers come back exactly, even a plan's own irregular ones)."""

    def __init__(self, views: Views, plan_id: int, inner: ServiceCommand) -> None:
        super().__init__(views, inner.text())
        self.plan_id, self.inner = plan_id, inner
        self.before: dict[str, dict[int, str]] = {}

    def apply(self) -> None:
        self.inner.apply()
        self.before = structure.renumber(self.register, self.plan_id)
        if self.before:
            self.views.structure_changed(self.plan_id, None)

    def revert(self) -> None:
        structure.restore_numbers(self.register, self.plan_id, self.before)
        self.inner.revert()


class KeepNumbersCommand(ServiceCommand):
    """Keep the printed TT numbers, or renumber (renumbering at once)."""

    def __init__(self, views: Views, plan_id: int, keep: bool) -> None:
        super().__init__(views, "Giữ số TT như bản in" if keep else "Tự đánh số TT")
        self.plan_id, self.keep = plan_id, keep
        self.previous = keep
        self.numbers: dict[str, dict[int, str]] = {}

    def apply(self) -> None:
        self.previous = structure.set_keep_numbers(self.register, self.plan_id, self.keep)
        self.numbers = structure.renumber(self.register, self.plan_id)
        self.views.structure_changed(self.plan_id, None)

    def revert(self) -> None:
        structure.restore_numbers(self.register, self.plan_id, self.numbers)
        structure.set_keep_numbers(self.register, self.plan_id, self.previous)
        self.views.structure_changed(self.plan_id, None)


def push_shape_change(stack: QUndoStack, views: Views, plan_id: int,
                      command: ServiceCommand) -> None:
    """Push a change of shape with the renumbering it causes, as one undo step."""
    stack.push(Renumbered(views, plan_id, command))
