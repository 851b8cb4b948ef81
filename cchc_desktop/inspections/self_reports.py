"""Self-inspection reports (báo cáo tự kiểm tra), twice a year, recorded as received or missing.

Units a plan lists as "Tự kiểm tra" report for the first half-year (due self_due_h1, default
30/6) and the second (self_due_h2, default 30/11). A report not received by its due date is
missing; before it, it is awaited.
"""

from __future__ import annotations

from datetime import date

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections.models import KIND_SELF, STATUS_CANCELLED, SelfReport
from cchc_desktop.inspections.rows import fetch_one, parse_date, vn_date
from cchc_desktop.register import audit
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import collapse_spaces

RECEIVED = "received"
MISSING = "missing"
AWAITED = "awaited"
HALVES: dict[int, str] = {1: "6 tháng đầu năm", 2: "6 tháng cuối năm"}


def _state(due: date | None, received: str | None, today: date) -> tuple[str, str]:
    """Return the state of a report and its label ("Đã nhận 02/07/2026", "Thiếu…")."""
    if received:
        return RECEIVED, f"Đã nhận {vn_date(received)}"
    if due is None or due >= today:
        return AWAITED, f"Chưa đến hạn ({vn_date(due)})" if due else "Chưa nhận"
    return MISSING, f"Thiếu (quá hạn {vn_date(due)})"


def self_reports(register: Register, plan_id: int, today: date) -> list[SelfReport]:
    """Return, for each self-inspecting unit of a plan, its two half-year reports' states."""
    sql = ("SELECT i.id AS inspection_id, i.unit_id, u.name AS unit_name, h.half, "
           "CASE h.half WHEN 1 THEN p.self_due_h1 ELSE p.self_due_h2 END AS due, "
           "s.received_on, coalesce(s.document_number, '') AS document_number, "
           "coalesce(s.note, '') AS note FROM inspections i "
           "JOIN units u ON u.id = i.unit_id JOIN inspection_plans p ON p.id = i.plan_id "
           "JOIN (SELECT 1 AS half UNION ALL SELECT 2) h "
           "LEFT JOIN self_inspection_reports s ON s.inspection_id = i.id AND s.half = h.half "
           "WHERE i.plan_id = ? AND i.kind = ? AND i.status != ? "
           "ORDER BY i.position, i.id, h.half")
    reports = []
    for row in register.db.query(sql, [plan_id, KIND_SELF, STATUS_CANCELLED]):
        state, label = _state(parse_date(row["due"], "Hạn"), row["received_on"], today)
        reports.append(SelfReport(**row, state=state, state_label=label))
    return reports


def missing_self_reports(register: Register, plan_id: int, today: date) -> list[SelfReport]:
    """Return the self-inspection reports past their due date and not received."""
    return [r for r in self_reports(register, plan_id, today) if r.state == MISSING]


def record_self_report(register: Register, inspection_id: int, half: int, received_on: str,
                       today: date, document_number: str = "", note: str = "") -> None:
    """Record a unit's self-inspection report for a half-year as received."""
    if half not in HALVES:
        raise ValidationError("Kỳ tự kiểm tra phải là 1 (6 tháng đầu năm) hoặc 2 (cuối năm).")
    day = parse_date(received_on, "Ngày nhận báo cáo")
    if day is None:
        raise ValidationError("Hãy nhập ngày nhận báo cáo tự kiểm tra.")
    if day > today:
        raise ValidationError(f"Ngày nhận báo cáo {day:%d/%m/%Y} ở tương lai.")
    with register.transaction() as db:
        row = fetch_one(db, "SELECT i.kind, u.name FROM inspections i JOIN units u ON "
                        "u.id = i.unit_id WHERE i.id = ?", [inspection_id], "đơn vị trong kế hoạch")
        if row["kind"] != KIND_SELF:
            raise ValidationError(f"{row['name']} không thuộc diện tự kiểm tra trong kế hoạch.")
        values = {"inspection_id": inspection_id, "half": half, "received_on": day.isoformat(),
                  "document_number": collapse_spaces(document_number), "note": note.strip()}
        before = list(db.query("SELECT * FROM self_inspection_reports WHERE inspection_id = ? "
                               "AND half = ?", [inspection_id, half]))
        db.table("self_inspection_reports").upsert(values, pk=("inspection_id", "half"))
        audit.record(db, "self_report", "inspection", inspection_id,
                     before=before[0] if before else None, after=values)


def clear_self_report(register: Register, inspection_id: int, half: int) -> None:
    """Remove a recorded self-inspection report (it counts as not received again)."""
    with register.transaction() as db:
        before = list(db.query("SELECT * FROM self_inspection_reports WHERE inspection_id = ? "
                               "AND half = ?", [inspection_id, half]))
        db.execute("DELETE FROM self_inspection_reports WHERE inspection_id = ? AND half = ?",
                   [inspection_id, half])
        audit.record(db, "self_report_clear", "inspection", inspection_id,
                     before=before[0] if before else None)
