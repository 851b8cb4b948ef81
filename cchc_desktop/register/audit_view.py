"""Read the audit trail (nhật ký thay đổi): filter it, describe each change, export to Excel.

audit.py writes one row per change inside the change's transaction (who: officer name and OS
user; when; before → after as JSON). This module only reads: query() with an AuditFilter,
AuditEntry.changes() for a field-by-field "before → after", export_xlsx() for the officer's
inspector (through excel.writer: text never becomes a formula). Search text is folded (no case,
no marks, đ→d) like every other search in the app.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from cchc_desktop.register.audit_words import Names, load_names
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import fold, search_fold
from cchc_desktop.text.numbers import format_decimal

ACTION_LABELS = {
    "add": "Thêm", "edit": "Sửa", "delete": "Xóa", "restore": "Khôi phục",
    "move": "Đổi thứ tự", "regroup": "Đổi nhóm", "due_override": "Đặt hạn",
    "import": "Nhập phụ lục", "progress": "Cập nhật tiến độ", "narrative": "Sửa phần đánh giá",
    "merge": "Gộp đơn vị", "unmerge": "Hủy gộp đơn vị", "reset": "Đặt lại",
    "split": "Tách đơn vị", "unsplit": "Hủy tách đơn vị", "evidence": "Cập nhật tệp minh chứng",
    "report_text": "Sửa nội dung báo cáo",
    "returns": "Tổng hợp báo cáo đơn vị", "first_run": "Thiết lập ban đầu",
    "answers": "Ghi kết quả theo đề cương", "self_report": "Ghi báo cáo tự kiểm tra",
    "self_report_clear": "Xóa báo cáo tự kiểm tra", "status": "Đổi tình trạng",
    "one_stop": "Cập nhật số liệu một cửa", "delete_one_stop": "Xóa số liệu một cửa",
    "actual": "Ghi kết quả chỉ tiêu", "clear_actual": "Xóa kết quả chỉ tiêu",
    "rename": "Đổi tên", "renumber": "Đánh lại số TT", "keep_numbers": "Chọn cách đánh số TT",
}  # fmt: skip
ENTITY_LABELS = {
    "plan": "Kế hoạch", "task": "Nhiệm vụ", "unit": "Đơn vị", "register": "Sổ đăng ký",
    "agency": "Cơ quan", "period": "Kỳ báo cáo", "inspection": "Cuộc kiểm tra",
    "inspection_plan": "Kế hoạch kiểm tra", "inspection_team": "Thành viên đoàn kiểm tra",
    "inspection_finding": "Tồn tại qua kiểm tra", "remediation": "Khắc phục sau kiểm tra",
    "outline_template": "Đề cương kiểm tra", "outline_lines": "Đề cương kiểm tra (mẫu)",
    "inspection_outline": "Đề cương của kế hoạch kiểm tra", "target": "Chỉ tiêu",
    "section": "Lĩnh vực", "group": "Nhóm nhiệm vụ",
}  # fmt: skip
FIELD_LABELS = {
    "title": "Trích yếu", "number": "Số", "content": "Nội dung", "result": "Sản phẩm",
    "lead_text": "Chủ trì", "partner_text": "Phối hợp", "timeframe": "Thời gian thực hiện",
    "budget_million_vnd": "Kinh phí (triệu đồng)", "notes": "Ghi chú", "position": "Thứ tự",
    "due_override": "Hạn", "status": "Tình trạng", "percent": "Tỷ lệ (%)",
    "result_text": "Kết quả", "completed_on": "Ngày hoàn thành", "period": "Kỳ báo cáo",
    "name": "Tên", "short_name": "Tên viết tắt", "kind": "Loại", "aliases": "Tên khác",
    "issued_on": "Ngày ban hành", "issuer": "Cơ quan ban hành", "year": "Năm",
    "tasks": "Số nhiệm vụ", "file": "Tệp", "sheet": "Trang", "group_id": "Nhóm",
    "section_id": "Lĩnh vực", "evidence_number": "Số văn bản kiểm chứng",
    "evidence_title": "Trích yếu văn bản kiểm chứng", "evidence_file": "Tệp kiểm chứng",
    "snapshot": "Bản sao lưu", "backup": "Sao lưu trạng thái trước",
    "comparator": "So sánh", "value": "Giá trị", "unit": "Đơn vị tính", "area": "Lĩnh vực",
    "source": "Nguồn số liệu", "confirmed": "Đã xác nhận", "recorded_by": "Người ghi",
    "unit_name": "Đơn vị", "owner": "Người thực hiện", "deadline": "Thời hạn",
    "period_code": "Kỳ báo cáo", "carried_over": "Kỳ trước chuyển qua",
    "received_new": "Tiếp nhận mới", "online": "Trực tuyến", "in_person": "Trực tiếp",
    "by_post": "Qua bưu chính", "early": "Trước hạn", "on_time": "Đúng hạn", "late": "Quá hạn",
    "pending_on_time": "Đang giải quyết trong hạn", "pending_overdue": "Đang giải quyết quá hạn",
    "apologies": "Thư xin lỗi", "text": "Nội dung", "role": "Vai trò",
    "planned_from": "Dự kiến từ ngày", "planned_to": "Dự kiến đến ngày", "half": "Đợt",
    "received_on": "Ngày nhận", "document_number": "Số văn bản", "actual_on": "Ngày thực hiện",
    "evidence_date": "Ngày văn bản kiểm chứng", "reason": "Lý do", "proposal": "Đề xuất",
    "reporting_unit_id": "Đơn vị báo cáo", "area_key": "Lĩnh vực", "body": "Nội dung",
    "summary": "Tóm tắt", "code": "Ký hiệu", "conclusion_number": "Số thông báo kết luận",
    "conclusion_on": "Ngày kết luận", "report_due": "Hạn báo cáo khắc phục",
    "closed_on": "Ngày khắc phục xong", "bases": "Căn cứ", "purposes": "Mục đích",
    "requirements": "Yêu cầu", "implementation": "Tổ chức thực hiện", "funding": "Kinh phí",
    "scope_from": "Phạm vi từ ngày", "scope_to": "Phạm vi đến ngày",
    "self_due_h1": "Hạn tự kiểm tra 6 tháng đầu năm", "self_due_h2": "Hạn tự kiểm tra cả năm",
    "signer_name": "Người ký", "signer_title": "Chức vụ người ký", "recipients": "Nơi nhận",
    "sections": "Số lĩnh vực", "groups": "Số nhóm",
    "plan_year": "Năm kế hoạch", "officer_name": "Người ghi", "names": "Tên các đơn vị mới",
    "scope": "Áp dụng cho",
}  # fmt: skip
# Bookkeeping columns that change with every edit and tell the officer nothing.
_NOISE = {"search_text", "updated_at", "created_at", "recorded_at", "opened_at", "folded", "id",
          "task_id", "period_id", "plan_id", "unit_id", "inspection_id", "finding_id", "new_id"}
_VALUE = "Giá trị"
_NAMING = ("number", "code", "content", "title", "name")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
@dataclass(frozen=True)
class AuditFilter:
    """What the officer narrows the trail to; empty fields mean "any"."""

    start: date | None = None
    end: date | None = None  # inclusive
    officer: str = ""  # an officer name or an OS user, exactly
    entity: str = ""
    action: str = ""
    text: str = ""  # found anywhere (values, names, labels), ignoring case and marks
    limit: int = 5000


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: its label and the before and after values as text."""

    field: str
    label: str
    before: str
    after: str


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit trail with its JSON decoded."""

    id: int
    at: str
    officer: str
    os_user: str
    action: str
    entity: str
    entity_id: int | None
    before: Any
    after: Any
    before_json: str
    after_json: str
    names: Names = field(default_factory=Names, compare=False, repr=False)

    @property
    def action_label(self) -> str:
        """Return the action as the officer reads it."""
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def entity_label(self) -> str:
        """Return the kind of record as the officer reads it."""
        return ENTITY_LABELS.get(self.entity, self.entity)

    @property
    def when(self) -> datetime | None:
        """Return the time of the change, or None if it is not a valid ISO time."""
        try:
            return datetime.fromisoformat(self.at)
        except ValueError:
            return None

    def _own(self) -> dict[str, Any]:
        """Return the record's fields as this entry logged them (before, else after)."""
        for side in (self.before, self.after):
            if isinstance(side, dict) and any(k in side for k in _NAMING):
                return side
        return {}

    @property
    def subject(self) -> str:
        """Return the record's short name: a task's TT ("I/1.2"), a section's code, the id."""
        own = self._own()
        number = str(own.get("number") or own.get("code") or "")
        if self.entity == "task" and number:
            code = self.names.section_codes.get(own.get("section_id") or 0, "")
            return f"{code}/{number}" if code else number
        return self.names.subject(self.entity, self.entity_id)

    @property
    def title(self) -> str:
        """Return the record in words ("I/1.2 Tổ chức họp…"), as this entry logged it when
        it did (a deleted task, an id used again)."""
        own = self._own()
        words = [str(own.get(k) or "") for k in _NAMING[2:]]
        if not any(words):
            return self.names.title(self.entity, self.entity_id)
        prefix = self.subject if self.entity == "task" else ""
        return _clip(" ".join(w for w in (prefix, *words) if w), 70)

    def _show(self, key: str, value: Any) -> str:
        """Return a logged value in words (statuses, kinds, sections, groups by name)."""
        named = self.names.value(self.entity, key, value)
        return named if named is not None else show(value)

    def changes(self) -> list[FieldChange]:
        """Return the fields that differ between before and after."""
        before, after = self.before, self.after
        renumbered = self.names.renumbering(before, after) if self.action == "renumber" else None
        if renumbered is not None:
            return [FieldChange("renumber", "Số thứ tự (trước → sau)", "", renumbered)]
        if isinstance(before, dict) or isinstance(after, dict):
            old = before if isinstance(before, dict) else {}
            new = after if isinstance(after, dict) else {}
            keys = [*old, *(key for key in new if key not in old)]
            pairs = [(key, self._show(key, old.get(key)), self._show(key, new.get(key)))
                     for key in keys if key not in _NOISE]
            return [FieldChange(key, FIELD_LABELS.get(key, key), was, now)
                    for key, was, now in pairs if was != now]
        if show(before) == show(after):
            return []
        return [FieldChange("", _VALUE, show(before), show(after))]

    def summary(self, width: int = 80) -> str:
        """Describe the change on one line ("Nội dung: 'cũ' → 'mới'; …")."""
        parts = []
        for change in self.changes():
            old, new = _clip(change.before, width), _clip(change.after, width)
            if not change.before:
                parts.append(f"{change.label}: {new}")
            elif not change.after:
                parts.append(f"{change.label}: {old} → (trống)")
            else:
                parts.append(f"{change.label}: {old} → {new}")
        return "; ".join(parts)


def show(value: Any) -> str:
    """Format a logged value as text (lists joined, numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, float):
        return format_decimal(value, 3)
    if isinstance(value, list):
        return "; ".join(show(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{FIELD_LABELS.get(str(k), k)}: {show(v)}" for k, v in value.items())
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return f"{value[8:10]}/{value[5:7]}/{value[:4]}"
    return str(value)


def _clip(text: str, width: int) -> str:
    """Shorten text to width characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _decode(raw: str | None) -> Any:
    """Decode a logged JSON value (raw text if it is not JSON)."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _label_keys(labels: dict[str, str], folded: str) -> list[str]:
    """Return the keys whose Vietnamese label contains the folded text."""
    return [key for key, label in labels.items() if folded in search_fold(label)]


def _where(flt: AuditFilter) -> tuple[str, list[Any]]:
    """Build the WHERE clause and its parameters for a filter."""
    clauses: list[str] = []
    params: list[Any] = []
    if flt.start:
        clauses.append("at >= ?")
        params.append(flt.start.isoformat())
    if flt.end:
        clauses.append("at < ?")
        params.append((flt.end + timedelta(days=1)).isoformat())
    if flt.officer:
        clauses.append("(officer = ? OR os_user = ?)")
        params += [flt.officer, flt.officer]
    for column, value in (("entity", flt.entity), ("action", flt.action)):
        if value:
            clauses.append(f"{column} = ?")
            params.append(value)
    folded = search_fold(flt.text)
    if folded:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", folded) + "%"
        text = ("cchc_fold(officer || ' ' || os_user || ' ' || action || ' ' || entity || ' ' "
                "|| coalesce(entity_id, '') || ' ' || coalesce(before, '') || ' ' "
                "|| coalesce(after, '')) LIKE ? ESCAPE '\\'")
        ors, extra = [text], [pattern]
        for column, labels in (("action", ACTION_LABELS), ("entity", ENTITY_LABELS)):
            keys = _label_keys(labels, folded)
            if keys:
                ors.append(f"{column} IN ({', '.join('?' * len(keys))})")
                extra += keys
        clauses.append("(" + " OR ".join(ors) + ")")
        params += extra
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _prepare(register: Register) -> None:
    """Register the folding function the text filter uses on this connection."""
    register.db.conn.create_function("cchc_fold", 1, search_fold, deterministic=True)


def query(register: Register, flt: AuditFilter | None = None) -> list[AuditEntry]:
    """Return the entries matching a filter, newest first (at most flt.limit)."""
    flt = flt or AuditFilter()
    _prepare(register)
    where, params = _where(flt)
    sql = ("SELECT id, at, officer, os_user, action, entity, entity_id, before, after "
           f"FROM audit_log{where} ORDER BY at DESC, id DESC LIMIT ?")
    rows = register.db.execute(sql, [*params, flt.limit]).fetchall()
    decoded = [(row, _decode(row[7]), _decode(row[8])) for row in rows]
    names = load_names(register, ((row[5], row[6], old, new) for row, old, new in decoded))
    return [
        AuditEntry(row[0], row[1], row[2] or "", row[3] or "", row[4], row[5], row[6],
                   old, new, row[7] or "", row[8] or "", names)
        for row, old, new in decoded
    ]


def count(register: Register, flt: AuditFilter | None = None) -> int:
    """Return how many entries match a filter (ignoring its limit)."""
    _prepare(register)
    where, params = _where(flt or AuditFilter())
    return int(register.db.execute(f"SELECT count(*) FROM audit_log{where}", params).fetchone()[0])


def choices(register: Register) -> dict[str, list[str]]:
    """Return the officers (and OS users), entities and actions present, for filter lists."""
    db = register.db
    people = {str(row[0]) for row in db.execute(
        "SELECT officer FROM audit_log UNION SELECT os_user FROM audit_log") if row[0]}
    return {
        "officer": sorted(people, key=fold),
        "entity": [str(r[0]) for r in db.execute("SELECT DISTINCT entity FROM audit_log")],
        "action": [str(r[0]) for r in db.execute("SELECT DISTINCT action FROM audit_log")],
    }
