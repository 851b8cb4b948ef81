"""Results of inspecting a unit: checklist answers, findings, recommendations, remediation.

Remediation items (nội dung khắc phục) have a deadline, an owner and a status and are tracked
until closed; open_remediations() lists what is still open, overdue ones first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlite_utils import Database

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.models import (
    ANSWERS,
    FINDING,
    LEVEL_ITEM,
    RECOMMENDATION,
    REMEDY_CLOSED,
    REMEDY_STATUSES,
    Answer,
    Finding,
    OutlineLine,
    Remediation,
    RemediationDraft,
)
from cchc_desktop.inspections.rows import (
    fetch_one,
    from_row,
    insert,
    iso_date,
    next_position,
    parse_date,
    required_text,
    to_row,
)
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces


@dataclass
class ChecklistRow:
    """A đề cương line with the unit's answer and note (headings have none)."""

    line: OutlineLine
    answer: str = ""
    note: str = ""


@dataclass
class RemediationView:
    """A remediation item as the follow-up list shows it: unit, plan year, overdue days."""

    remediation: Remediation
    unit_name: str
    year: int
    overdue: bool
    days_overdue: int = 0


def _plan_of(db: Database, inspection_id: int) -> int:
    """Return the plan id of an inspection (NotFoundError if it is gone)."""
    row = fetch_one(db, "SELECT plan_id FROM inspections WHERE id = ?", [inspection_id],
                    f"đợt kiểm tra có mã {inspection_id}")
    return int(row["plan_id"])


# Checklist answers --------------------------------------------------------------------------


def checklist(register: Register, inspection_id: int) -> list[ChecklistRow]:
    """Return the plan's đề cương with this unit's answer and note on each item."""
    plan_id = _plan_of(register.db, inspection_id)
    sql = ("SELECT o.*, coalesce(a.answer, '') AS answer, coalesce(a.note, '') AS note "
           "FROM inspection_outline o LEFT JOIN inspection_answers a "
           "ON a.line_id = o.id AND a.inspection_id = ? WHERE o.plan_id = ? "
           "ORDER BY o.position, o.id")
    return [ChecklistRow(from_row(OutlineLine, row), row["answer"], row["note"])
            for row in register.db.query(sql, [inspection_id, plan_id])]


def _check_answer(db: Database, plan_id: int, entry: Answer) -> Answer:
    """Refuse an unknown answer or a line that is not an item of the plan's đề cương."""
    if entry.answer not in ANSWERS:
        raise ValidationError(f"Kết quả “{entry.answer}” không hợp lệ.")
    row = fetch_one(db, "SELECT level FROM inspection_outline WHERE id = ? AND plan_id = ?",
                    [entry.line_id, plan_id], "nội dung này trong đề cương của kế hoạch")
    if row["level"] != LEVEL_ITEM:
        raise ValidationError("Chỉ ghi kết quả cho nội dung kiểm tra, không cho tiêu đề mục.")
    return replace(entry, note=entry.note.strip())


def save_answers(register: Register, inspection_id: int, answers: list[Answer]) -> list[Answer]:
    """Write a unit's answers and notes for checklist items; return the previous ones."""
    with register.transaction() as db:
        plan_id = _plan_of(db, inspection_id)
        previous = []
        for entry in answers:
            entry = _check_answer(db, plan_id, entry)
            old = list(db.query(
                "SELECT answer, note FROM inspection_answers WHERE inspection_id = ? "
                "AND line_id = ?", [inspection_id, entry.line_id]))
            previous.append(Answer(entry.line_id, **old[0]) if old else Answer(entry.line_id))
            db.table("inspection_answers").upsert(
                {"inspection_id": inspection_id, **to_row(entry, drop=())},
                pk=("inspection_id", "line_id"))
        audit.record(db, "answers", "inspection", inspection_id, before=previous, after=answers)
    return previous


# Findings and recommendations ---------------------------------------------------------------


def findings(register: Register, inspection_id: int, kind: str | None = None) -> list[Finding]:
    """Return an inspection's findings (tồn tại, hạn chế) and/or recommendations, in order."""
    sql = ("SELECT * FROM inspection_findings WHERE inspection_id = ? AND (? IS NULL OR kind = ?) "
           "ORDER BY position, id")
    return [from_row(Finding, row) for row in register.db.query(sql, [inspection_id, kind, kind])]


def _check_finding(db: Database, plan_id: int, item: Finding) -> Finding:
    """Refuse an empty text, an unknown kind or a line outside the plan's đề cương."""
    if item.kind not in (FINDING, RECOMMENDATION):
        raise ValidationError(f"Loại “{item.kind}” không hợp lệ.")
    what = "Nội dung tồn tại, hạn chế" if item.kind == FINDING else "Nội dung kiến nghị"
    text = required_text(item.text, f"{what} không được để trống.")
    if item.line_id is not None:
        fetch_one(db, "SELECT id FROM inspection_outline WHERE id = ? AND plan_id = ?",
                  [item.line_id, plan_id], "nội dung này trong đề cương của kế hoạch")
    return replace(item, text=text)


def add_finding(register: Register, inspection_id: int, text: str, kind: str = FINDING,
                line_id: int | None = None) -> int:
    """Record a finding (tồn tại, hạn chế) or a recommendation (kiến nghị); return its id."""
    with register.transaction() as db:
        plan_id = _plan_of(db, inspection_id)
        item = _check_finding(db, plan_id, Finding(0, inspection_id, kind, text, line_id))
        item.position = next_position(db, "inspection_findings", "inspection_id", inspection_id)
        finding_id = insert(db, "inspection_findings", to_row(item))
        audit.record(db, "add", "inspection_finding", finding_id, after=item)
    return finding_id


def _get_finding(db: Database, finding_id: int) -> Finding:
    """Return one finding or recommendation."""
    row = fetch_one(db, "SELECT * FROM inspection_findings WHERE id = ?", [finding_id],
                    "tồn tại hoặc kiến nghị này")
    return from_row(Finding, row)


def update_finding(register: Register, finding_id: int, text: str,
                   line_id: int | None = None) -> Finding:
    """Rewrite a finding or recommendation; return the previous version."""
    with register.transaction() as db:
        before = _get_finding(db, finding_id)
        plan_id = _plan_of(db, before.inspection_id)
        after = _check_finding(db, plan_id, replace(before, text=text, line_id=line_id))
        db.table("inspection_findings").update(finding_id, {"text": after.text,
                                                            "line_id": after.line_id})
        audit.record(db, "edit", "inspection_finding", finding_id, before=before, after=after)
    return before


def delete_finding(register: Register, finding_id: int) -> None:
    """Delete a finding or recommendation (its remediation items stay, unlinked)."""
    with register.transaction() as db:
        before = _get_finding(db, finding_id)
        db.execute("DELETE FROM inspection_findings WHERE id = ?", [finding_id])
        audit.record(db, "delete", "inspection_finding", finding_id, before=before)


# Remediation --------------------------------------------------------------------------------


def remediations(register: Register, inspection_id: int) -> list[Remediation]:
    """Return an inspection's remediation items, in order."""
    sql = "SELECT * FROM remediations WHERE inspection_id = ? ORDER BY position, id"
    return [from_row(Remediation, row) for row in register.db.query(sql, [inspection_id])]


def _check_draft(db: Database, inspection_id: int, draft: RemediationDraft) -> RemediationDraft:
    """Refuse an empty content, a bad deadline or a finding of another inspection."""
    content = required_text(draft.content, "Nội dung khắc phục không được để trống.")
    if draft.finding_id is not None:
        finding = _get_finding(db, draft.finding_id)
        if finding.inspection_id != inspection_id:
            raise ValidationError("Tồn tại được chọn thuộc đơn vị khác.")
    return replace(draft, content=content, owner=collapse_spaces(draft.owner),
                   deadline=iso_date(draft.deadline, "Thời hạn khắc phục"))


def add_remediation(register: Register, inspection_id: int, draft: RemediationDraft) -> int:
    """Add a remediation item (content, owner, deadline) to an inspection; return its id."""
    with register.transaction() as db:
        _plan_of(db, inspection_id)
        draft = _check_draft(db, inspection_id, draft)
        row = {**to_row(draft, drop=()), "inspection_id": inspection_id,
               "position": next_position(db, "remediations", "inspection_id", inspection_id)}
        remediation_id = insert(db, "remediations", row)
        audit.record(db, "add", "remediation", remediation_id, after=row)
    return remediation_id


def _get_remediation(db: Database, remediation_id: int) -> Remediation:
    """Return one remediation item."""
    row = fetch_one(db, "SELECT * FROM remediations WHERE id = ?", [remediation_id],
                    "nội dung khắc phục này")
    return from_row(Remediation, row)


def get_remediation(register: Register, remediation_id: int) -> Remediation:
    """Return one remediation item."""
    return _get_remediation(register.db, remediation_id)


def update_remediation(register: Register, remediation_id: int,
                       draft: RemediationDraft) -> Remediation:
    """Edit a remediation item's content, owner, deadline or finding; return the old one."""
    with register.transaction() as db:
        before = _get_remediation(db, remediation_id)
        draft = _check_draft(db, before.inspection_id, draft)
        db.table("remediations").update(remediation_id, to_row(draft, drop=()))
        audit.record(db, "edit", "remediation", remediation_id, before=before, after=draft)
    return before


def set_remediation_status(register: Register, remediation_id: int, status: str, today: date,
                           closed_on: str | None = None, result: str = "") -> Remediation:
    """Move an item to Chưa/Đang/Đã khắc phục (closing needs a date, not in the future)."""
    if status not in REMEDY_STATUSES:
        raise ValidationError(f"Trạng thái khắc phục “{status}” không hợp lệ.")
    closed = parse_date(closed_on, "Ngày hoàn thành khắc phục") or today
    if status == REMEDY_CLOSED and closed > today:
        raise ValidationError(f"Ngày hoàn thành khắc phục {closed:%d/%m/%Y} ở tương lai.")
    with register.transaction() as db:
        before = _get_remediation(db, remediation_id)
        values = {"status": status, "result": result.strip() or before.result,
                  "closed_on": closed.isoformat() if status == REMEDY_CLOSED else None}
        db.table("remediations").update(remediation_id, values)
        audit.record(db, "status", "remediation", remediation_id, before=before, after=values)
    return before


def close_remediation(register: Register, remediation_id: int, today: date,
                      closed_on: str | None = None, result: str = "") -> Remediation:
    """Mark a remediation item Đã khắc phục (on closed_on, default today); return the old one."""
    return set_remediation_status(register, remediation_id, REMEDY_CLOSED, today, closed_on,
                                  result)


def delete_remediation(register: Register, remediation_id: int) -> None:
    """Delete a remediation item."""
    with register.transaction() as db:
        before = _get_remediation(db, remediation_id)
        db.execute("DELETE FROM remediations WHERE id = ?", [remediation_id])
        audit.record(db, "delete", "remediation", remediation_id, before=before)


def open_remediations(register: Register, today: date,
                      plan_id: int | None = None) -> list[RemediationView]:
    """List remediation items not yet closed, overdue first, then by deadline."""
    sql = ("SELECT r.*, u.name AS unit_name, p.year AS plan_year FROM remediations r "
           "JOIN inspections i ON i.id = r.inspection_id JOIN units u ON u.id = i.unit_id "
           "JOIN inspection_plans p ON p.id = i.plan_id WHERE r.status != 'closed' "
           "AND (? IS NULL OR i.plan_id = ?) ORDER BY r.deadline IS NULL, r.deadline, r.id")
    views = []
    for row in register.db.query(sql, [plan_id, plan_id]):
        deadline = parse_date(row["deadline"], "Thời hạn")
        late = (today - deadline).days if deadline and deadline < today else 0
        views.append(RemediationView(from_row(Remediation, row), row["unit_name"],
                                     row["plan_year"], late > 0, late))
    return sorted(views, key=lambda v: not v.overdue)


def remediation_counts(register: Register, year: int) -> tuple[int, int]:
    """Return (items, items closed) of remediation from the year's inspection plans."""
    sql = ("SELECT count(*) AS n, coalesce(sum(r.status = 'closed'), 0) AS closed "
           "FROM remediations r JOIN inspections i ON i.id = r.inspection_id "
           "JOIN inspection_plans p ON p.id = i.plan_id WHERE p.year = ?")
    row = next(iter(register.db.query(sql, [year])))
    return int(row["n"]), int(row["closed"])
