"""The báo cáo editor: drafts beside their data, the officer's words kept, undone and redrawn."""

from __future__ import annotations

from datetime import date

from cchc_desktop.drafting.outline import draft_report
from cchc_desktop.drafting.texts import stored_texts
from cchc_desktop.register.connection import Register
from ui.reports.report_editor import ReportEditor

TODAY = date(2021, 6, 18)


def _select(editor: ReportEditor, key: str) -> None:
    row = next(i for i in range(editor.sections.count())
               if editor.sections.item(i).data(256) == key)
    editor.sections.setCurrentRow(row)


def test_sections_show_draft_notes_and_data(qtbot, demo_register: Register) -> None:
    editor = ReportEditor(demo_register, plan_id=1, today=TODAY)
    qtbot.addWidget(editor)
    assert editor.period_code() == "2021-H1"
    labels = [editor.sections.item(i).text() for i in range(editor.sections.count())]
    assert labels[0] == "Mở đầu" and labels[1].startswith("I. Công tác chỉ đạo, điều hành")
    assert labels[2].startswith("II.1 Cải cách thể chế")
    assert any(label.startswith("V. Đề xuất, kiến nghị") and label.endswith("⚠")
               for label in labels)
    _select(editor, "direction")
    assert "đã tổ chức họp rút kinh nghiệm Chỉ số CCHC năm 2020 (Báo cáo số 12/BC-TTr" in \
        editor.text.toPlainText()
    assert "I/1.1 Tổ chức họp đánh giá" in editor.sources.toPlainText()
    assert editor.state_label.text().startswith("Đang in: bản nháp")
    _select(editor, "organisation")
    assert not editor.notes.isHidden() and "Chưa có số liệu" in editor.notes.text()


def test_officer_words_are_kept_undone_and_redrawn(qtbot, demo_register: Register) -> None:
    editor = ReportEditor(demo_register, plan_id=1, today=TODAY)
    qtbot.addWidget(editor)
    _select(editor, "strengths")
    editor.text.setPlainText("Lãnh đạo quan tâm chỉ đạo sát sao.\nCông chức nắm vững nhiệm vụ.")
    editor.save_button.click()
    assert stored_texts(demo_register, 1, "2021-H1")["strengths"].startswith("Lãnh đạo")
    assert editor.state_label.text().startswith("Đang in: đoạn văn anh/chị đã sửa")
    assert editor.sections.currentItem().text().endswith("✎")
    # reopening the period shows the officer's words
    again = ReportEditor(demo_register, plan_id=1, today=TODAY)
    qtbot.addWidget(again)
    _select(again, "strengths")
    assert again.text.toPlainText().startswith("Lãnh đạo quan tâm chỉ đạo sát sao.")
    report = draft_report(demo_register, 1, "2021-H1", TODAY)
    assert report.section("strengths").paragraphs[1] == "Công chức nắm vững nhiệm vụ."
    editor.undo_button.click()
    assert "strengths" not in stored_texts(demo_register, 1, "2021-H1")
    assert editor.text.toPlainText().startswith("Đã hoàn thành")
    editor.redo_button.click()
    assert editor.text.toPlainText().startswith("Lãnh đạo")
    editor.redraw_button.click()  # Tạo lại từ số liệu
    assert "strengths" not in stored_texts(demo_register, 1, "2021-H1")
    assert editor.text.toPlainText().startswith("Đã hoàn thành")
    assert not editor.redraw_button.isEnabled()


def test_typing_then_moving_on_keeps_the_text(qtbot, demo_register: Register) -> None:
    editor = ReportEditor(demo_register, plan_id=1, today=TODAY)
    qtbot.addWidget(editor)
    _select(editor, "proposals")
    editor.text.setPlainText("Đề nghị Sở Nội vụ tổ chức tập huấn chấm điểm Chỉ số CCHC.")
    _select(editor, "next")
    assert stored_texts(demo_register, 1, "2021-H1")["proposals"].startswith("Đề nghị Sở Nội vụ")
    assert editor.current() is not None and editor.current().key == "next"
