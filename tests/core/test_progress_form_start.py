"""Where the progress form starts (the entry the table shows), and a save that undo reverses
exactly (the period's previous entry, evidence files and document date included)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Plan, TaskDraft
from cchc_desktop.progress.entries import ProgressInput, record_progress, task_states
from cchc_desktop.progress.evidence import evidence_files, save_evidence_files
from cchc_desktop.progress.form_start import form_start, restore_progress, save_progress
from cchc_desktop.register.connection import Register

TODAY = date(2026, 11, 22)


def _plan(register: Register) -> tuple[int, int, int]:
    plan_id = services.create_plan(register, Plan(id=0, title="KH CCHC 2026", year=2026))
    once = services.add_task(register, plan_id, TaskDraft(content="Ban hành KH",
                                                          timeframe="Quý I/2026"))
    quarterly = services.add_task(register, plan_id, TaskDraft(content="Báo cáo quý",
                                                               timeframe="Hằng quý"))
    return plan_id, once, quarterly


def _row(register: Register, task_id: int, period: str) -> dict[str, Any] | None:
    year, kind = period.split("-")
    rows = list(register.db.query(
        "SELECT p.* FROM progress p JOIN periods pe ON pe.id = p.period_id "
        "WHERE p.task_id = ? AND pe.year = ? AND pe.kind = ?", [task_id, int(year), kind]))
    return rows[0] if rows else None


def test_form_starts_from_the_carried_entry_and_a_bare_save_keeps_the_state(
        register: Register) -> None:
    plan_id, once, quarterly = _plan(register)
    record_progress(register, once, "2026-Q1", ProgressInput(
        "done", 100, "Đã ban hành", "12/KH-UBND", "2026-04-02", completed_on="2026-04-02",
        reason="Chờ góp ý"), TODAY)
    save_evidence_files(register, once, "2026-Q1", ["kiem-chung/kh.pdf"])
    record_progress(register, quarterly, "2026-Q1", ProgressInput("done", 100), TODAY)
    start = form_start(register, once, "2026-9M", TODAY)
    assert start is not None and not start.own and start.carried
    assert (start.source_title, start.status, start.percent, start.completed_on) == (
        "Quý I năm 2026", "done_late", 100, date(2026, 4, 2))  # as the table shows it
    assert (start.reason, start.files) == ("Chờ góp ý", ["kiem-chung/kh.pdf"])
    assert form_start(register, quarterly, "2026-9M", TODAY) is None  # recurring: no carry
    own = form_start(register, once, "2026-Q1", TODAY)
    assert own is not None and own.own
    before = [(s.status_label, s.percent) for s in task_states(register, plan_id, "2026-9M",
                                                                 TODAY)]
    save_progress(register, once, "2026-9M", start.entry(), start.files, TODAY)
    after = task_states(register, plan_id, "2026-9M", TODAY)
    assert [(s.status_label, s.percent) for s in after] == before
    assert _row(register, once, "2026-9M")["evidence_date"] == "2026-04-02"


def test_undo_puts_back_exactly_the_previous_entry_and_redo_the_saved_one(
        register: Register) -> None:
    _, once, _ = _plan(register)
    record_progress(register, once, "2026-Q1", ProgressInput(
        "in_progress", 40, "Đang soạn", "05/TTr", "2026-03-01", reason="Thiếu người"), TODAY,
        "Cán bộ A")
    save_evidence_files(register, once, "2026-Q1", ["a.pdf", "b.docx"])
    first = _row(register, once, "2026-Q1")
    before = save_progress(register, once, "2026-Q1", ProgressInput("not_started", 0),
                           ["c.xlsx"], TODAY, "Cán bộ B")
    saved = _row(register, once, "2026-Q1")
    assert saved is not None and saved["status"] == "not_started"
    redo = restore_progress(register, before)
    assert _row(register, once, "2026-Q1") == first
    assert evidence_files(register, once, "2026-Q1") == ["a.pdf", "b.docx"]
    restore_progress(register, redo)
    assert _row(register, once, "2026-Q1") == saved
    assert evidence_files(register, once, "2026-Q1") == ["c.xlsx"]
    fresh = save_progress(register, once, "2026-H1", ProgressInput("done"), ["d.pdf"], TODAY)
    assert fresh.row is None
    restore_progress(register, fresh)
    assert _row(register, once, "2026-H1") is None  # a period that had none has none again
    assert register.db.execute("SELECT COUNT(*) FROM evidence_files WHERE path = 'd.pdf'"
                               ).fetchone()[0] == 0
