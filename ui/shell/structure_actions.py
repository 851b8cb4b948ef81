"""What the Kế hoạch menu does to the plan's shape: add, rename, move and delete sections
(lĩnh vực) and groups (nhóm), and choose between renumbering TT and keeping printed numbers.
Each change is one undo command (renumbering included)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from cchc_desktop.plans import structure
from cchc_desktop.plans.outline import group_key, is_heading, section_key
from cchc_desktop.plans.queries import KIND_SECTION, AppendixRow
from ui.register.structure_commands import (
    NAMES,
    AddHeadingCommand,
    DeleteHeadingCommand,
    KeepNumbersCommand,
    MoveHeadingCommand,
    RenameHeadingCommand,
)

if TYPE_CHECKING:
    from ui.shell.window import RegisterWindow

AskText = Callable[[str, str, str], str | None]  # title, label, text → typed text or None
AskDelete = Callable[[str], bool | None]  # question → with tasks (True), keep (False), cancel
WITH_TASKS, KEEP_TASKS = "Xóa cả các nhiệm vụ", "Giữ nhiệm vụ, đưa ra ngoài"


class StructureActions:
    """Section and group commands for the main window."""

    def __init__(self, window: RegisterWindow) -> None:
        self.window = window
        self.ask_text: AskText = self._ask_text
        self.ask_delete: AskDelete = self._ask_delete

    def sync_numbers(self) -> None:
        """Tick "Tự đánh số TT" when the plan shown renumbers, untick it when it keeps the
        printed numbers (after a plan switch, the toggle, undo and redo)."""
        action = getattr(self.window, "actions_by_name", {}).get("toggle_numbers")
        if action is None:
            return
        plan_id = self.window.plan_id
        action.setCheckable(True)
        action.setEnabled(plan_id is not None)
        keeps = plan_id is not None and structure.keeps_numbers(self.window.register, plan_id)
        action.setChecked(plan_id is not None and not keeps)
        self.window.model.heading_numbers_editable = keeps

    def heading(self) -> AppendixRow | None:
        """Return the section or group on the current row, or the one above the current task."""
        outline = self.window.view.outline
        key = self.window.table.current_key()
        if key is None:
            return None
        if is_heading(key):
            return outline.headings[key]
        position = outline.index.get(key, -1)
        parent = outline.parent[position] if position >= 0 else -1
        return outline.headings.get(outline.keys[parent]) if parent >= 0 else None

    def _kind(self, row: AppendixRow) -> str:
        return "section" if row.kind == KIND_SECTION else "group"

    def add_section(self) -> None:
        """Add a section (lĩnh vực) at the end of the plan."""
        plan_id = self.window.tasks._plan_id()
        title = self.ask_text("Thêm lĩnh vực", "Tên lĩnh vực:", "") if plan_id else None
        if plan_id is not None and title:
            self.window.tasks.push_shape(AddHeadingCommand(self.window, plan_id, "section",
                                                           title))

    def add_group(self) -> None:
        """Add a group (nhóm) at the end of the current section."""
        plan_id = self.window.tasks._plan_id()
        if plan_id is None:
            return
        row = self.heading()
        section_id = row.section_id if row is not None else None
        title = self.ask_text("Thêm nhóm", "Tên nhóm nhiệm vụ:", "")
        if title:
            self.window.tasks.push_shape(AddHeadingCommand(self.window, plan_id, "group", title,
                                                           section_id))

    def rename(self) -> None:
        """Rename the current section or group; in a plan keeping its printed numbers, its
        TT is asked too (renumbering plans number headings themselves)."""
        row, plan_id = self.heading(), self.window.plan_id
        if row is None or plan_id is None:
            self.window.show_error("Chưa chọn lĩnh vực hay nhóm", "Hãy chọn dòng lĩnh vực "
                                   "hoặc nhóm (hoặc một nhiệm vụ trong đó).")
            return
        kind = self._kind(row)
        title = self.ask_text(f"Đổi tên {NAMES[kind]}", f"Tên {NAMES[kind]}:", row.content)
        number: str | None = row.number
        if title and structure.keeps_numbers(self.window.register, plan_id):
            number = self.ask_text(f"Số TT của {NAMES[kind]}", "Số TT (kế hoạch giữ số như "
                                   "bản in, số này không tự đánh lại):", row.number)
        if title and number is not None and (title.strip(), number.strip()) != (
                row.content, row.number):
            self.window.undo_stack.push(RenameHeadingCommand(self.window, plan_id, kind, row.id,
                                                             title, number))

    def edit_heading(self, key: int, field: str, text: str) -> bool:
        """Rename a section or group from its cell: the title ("content") or, in a plan
        keeping its printed numbers, its TT ("number"); False (with a message) if refused."""
        row, plan_id = self.window.view.outline.headings.get(key), self.window.plan_id
        if row is None or plan_id is None:
            return False
        kind = self._kind(row)
        title, number = (text, row.number) if field == "content" else (row.content, text)
        if not title.strip():
            self.window.show_error("Không sửa được", f"Tên {NAMES[kind]} không được để trống.")
            return False
        if (title.strip(), number.strip()) != (row.content, row.number):
            self.window.undo_stack.push(RenameHeadingCommand(self.window, plan_id, kind, row.id,
                                                             title, number))
        return True

    def move(self, offset: int) -> None:
        """Move the current section or group up (-1) or down (+1)."""
        row, plan_id = self.heading(), self.window.plan_id
        if row is None or plan_id is None:
            return
        kind = self._kind(row)
        if not structure.move_possible(self.window.register, kind, row.id, offset):
            self.window.statusBar().showMessage(
                f"{NAMES[kind].capitalize()} đã ở {'đầu' if offset < 0 else 'cuối'}.", 5000)
            return
        self.window.tasks.push_shape(MoveHeadingCommand(self.window, plan_id, kind, row.id,
                                                        offset))

    def delete(self) -> None:
        """Delete the current section or group, asking what becomes of its tasks."""
        row, plan_id = self.heading(), self.window.plan_id
        if row is None or plan_id is None:
            return
        kind = self._kind(row)
        where = ("thành nhiệm vụ của lĩnh vực phía trên" if kind == "section" else
                 "ở lại trong lĩnh vực")
        answer = self.ask_delete(f"Xóa {NAMES[kind]} “{row.number} {row.content}”? Chọn xóa cả "
                                 f"các nhiệm vụ trong đó, hoặc giữ các nhiệm vụ ({where}). Có "
                                 "thể hoàn tác bằng Ctrl+Z.")
        if answer is None:
            return
        command = DeleteHeadingCommand(self.window, plan_id, kind, row.id, answer,
                                       self._row_after(row))
        self.window.tasks.push_shape(command)
        if command.moved():
            self.window.table.select_keys(command.moved())

    def _row_after(self, row: AppendixRow) -> int | None:
        """Return the row to select once a heading and its rows are gone: the next row shown
        below them, else the nearest above."""
        outline, keys = self.window.view.outline, self.window.model.row_keys()
        key = section_key(row.id) if row.kind == KIND_SECTION else group_key(row.id)
        start = outline.keys.index(key) if key in outline.keys else -1
        end = next((e for s, e in outline.spans if s == start), start + 1)
        gone = set(outline.keys[start:end]) if start >= 0 else {key}
        rows = [r for r, k in enumerate(keys) if k in gone]
        if not rows:
            return None
        below = (k for k in keys[rows[-1] + 1:] if k not in gone)
        above = (k for k in reversed(keys[:rows[0]]) if k not in gone)
        return next(below, next(above, None))

    def toggle(self) -> None:
        """Switch between renumbering TT and keeping the printed numbers; say which is on."""
        plan_id = self.window.plan_id
        if plan_id is None:
            return
        renumber = structure.keeps_numbers(self.window.register, plan_id)
        self.toggle_numbers(renumber)
        self.window.statusBar().showMessage(
            "Số TT được đánh lại sau mỗi lần thêm, chuyển, xóa." if renumber else
            "Giữ số TT như bản in của kế hoạch (không tự đánh lại).", 6000)

    def toggle_numbers(self, renumber: bool) -> None:
        """Renumber TT on every change (True) or keep the numbers as printed (False)."""
        plan_id = self.window.plan_id
        if plan_id is not None and renumber == structure.keeps_numbers(self.window.register,
                                                                       plan_id):
            self.window.undo_stack.push(KeepNumbersCommand(self.window, plan_id, not renumber))

    def _ask_text(self, title: str, label: str, text: str) -> str | None:
        """Ask for a name in a small dialog."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText("Lưu")
        dialog.setCancelButtonText("Hủy")
        dialog.resize(520, dialog.height())
        return dialog.textValue().strip() if dialog.exec() else None

    def _ask_delete(self, question: str) -> bool | None:
        """Ask whether to delete the tasks too (True), keep them (False) or cancel (None)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Xóa", question, parent=self.window)
        with_tasks = box.addButton(WITH_TASKS, QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(KEEP_TASKS, QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is with_tasks else (False if clicked is keep else None)
