"""Editors: unit names complete without marks and keep the names typed before; Enter saves."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ui.widgets.editors import SubmitTextEdit, unit_edit
from ui.widgets.highlight import match_ranges


def test_unit_names_complete_without_marks(qtbot: Any) -> None:
    edit = unit_edit(["Văn phòng", "Phòng Tư pháp", "UBND xã Tân Phú"])
    qtbot.addWidget(edit)
    completer = edit.completer()
    edit.setText("Văn phòng; phong tu")
    assert completer.splitPath(edit.text()) == ["phong tu"]
    completer.setCompletionPrefix("phong tu")
    assert completer.completionCount() == 1
    assert completer.currentCompletion() == "Văn phòng; Phòng Tư pháp"
    completer.setCompletionPrefix("tan phu")
    assert completer.currentCompletion() == "Văn phòng; UBND xã Tân Phú"


def test_enter_submits_and_shift_enter_breaks_the_line(qtbot: Any) -> None:
    edit = SubmitTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("Dòng một")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    with qtbot.waitSignal(edit.submitted, timeout=1000):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == "Dòng một\n"


def test_matches_are_found_where_words_start() -> None:
    text = "Đăng tải trên Cổng; cập nhật đăng ký"
    spans = match_ranges(text, ("dang",))
    assert [text[a:a + n] for a, n in spans] == ["Đăng", "đăng"]
    assert match_ranges("UBND xã", ("ubnd", "xa")) == ((0, 4), (5, 2))
    assert match_ranges("Thường xuyên", ("uyen",)) == ()
