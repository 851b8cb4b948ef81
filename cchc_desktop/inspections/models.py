"""Typed records of inspections (kiểm tra CCHC): plans, đề cương lines, team, results."""

from __future__ import annotations

from dataclasses import dataclass, field

# Inspection kinds (hình thức kiểm tra), as stored with their printed labels.
KIND_SCHEDULED = "dinh_ky"
KIND_UNANNOUNCED = "dot_xuat"
KIND_SELF = "tu_kiem_tra"
KINDS: dict[str, str] = {
    KIND_SCHEDULED: "Kiểm tra định kỳ",
    KIND_UNANNOUNCED: "Kiểm tra đột xuất",
    KIND_SELF: "Tự kiểm tra",
}

# Roles in the inspection team (đoàn kiểm tra), in printed order.
ROLE_HEAD = "truong_doan"
ROLE_DEPUTY = "pho_truong_doan"
ROLE_MEMBER = "thanh_vien"
ROLES: dict[str, str] = {
    ROLE_HEAD: "Trưởng đoàn",
    ROLE_DEPUTY: "Phó Trưởng đoàn",
    ROLE_MEMBER: "Thành viên",
}

# Lines of a đề cương: a part (I, II), a section (1, 2 — an area) or a checklist item.
LEVEL_PART = "part"
LEVEL_SECTION = "section"
LEVEL_ITEM = "item"
LEVELS = (LEVEL_PART, LEVEL_SECTION, LEVEL_ITEM)

# Which units a đề cương line is asked of: all, the agencies (sở, phòng, ban) or the communes.
SCOPE_ALL = ""
SCOPE_AGENCIES = "co_quan"
SCOPE_COMMUNES = "xa_phuong"
SCOPES: dict[str, str] = {
    SCOPE_ALL: "Mọi đơn vị",
    SCOPE_AGENCIES: "Cơ quan, đơn vị (sở, phòng, ban)",
    SCOPE_COMMUNES: "Ủy ban nhân dân xã, phường",
}

# The answer to a checklist item for an inspected unit.
ANSWERS: dict[str, str] = {
    "": "Chưa đánh giá",
    "dat": "Đạt",
    "chua_dat": "Chưa đạt",
    "khong_ap_dung": "Không áp dụng",
}

STATUS_PLANNED = "planned"
STATUS_DONE = "done"
STATUS_CANCELLED = "cancelled"
INSPECTION_STATUSES: dict[str, str] = {
    STATUS_PLANNED: "Dự kiến",
    STATUS_DONE: "Đã kiểm tra",
    STATUS_CANCELLED: "Hủy",
}

FINDING = "finding"
RECOMMENDATION = "recommendation"

REMEDY_OPEN = "open"
REMEDY_IN_PROGRESS = "in_progress"
REMEDY_CLOSED = "closed"
REMEDY_STATUSES: dict[str, str] = {
    REMEDY_OPEN: "Chưa khắc phục",
    REMEDY_IN_PROGRESS: "Đang khắc phục",
    REMEDY_CLOSED: "Đã khắc phục",
}


@dataclass
class InspectionPlan:
    """A year's inspection plan (Kế hoạch kiểm tra công tác CCHC) and what it prints."""

    id: int
    year: int
    title: str
    number: str = ""
    issued_on: str | None = None
    bases: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    requirements: list[str] = field(default_factory=list)
    implementation: list[str] = field(default_factory=list)
    funding: str = ""
    scope_from: str | None = None
    self_due_h1: str | None = None
    self_due_h2: str | None = None
    signer_name: str = ""
    signer_title: str = ""
    signer_authority: str = ""
    recipients: list[str] = field(default_factory=list)


@dataclass
class OutlineLine:
    """One line of a đề cương: a part, a section (with its area) or a checklist item."""

    id: int
    level: str
    text: str
    number: str = ""
    hint: str = ""
    area: str | None = None
    position: int = 0
    scope: str = SCOPE_ALL


@dataclass
class TeamMember:
    """A member of the inspection team: role, name, chức vụ and unit."""

    id: int
    role: str
    name: str = ""
    title: str = ""
    unit_id: int | None = None
    unit_name: str = ""
    position: int = 0


@dataclass
class Inspection:
    """One unit inspected under a plan: kind, planned and actual dates, conclusion."""

    id: int
    plan_id: int
    unit_id: int
    kind: str
    unit_name: str = ""
    planned_from: str | None = None
    planned_to: str | None = None
    actual_on: str | None = None
    status: str = STATUS_PLANNED
    summary: str = ""
    conclusion_number: str = ""
    conclusion_on: str | None = None
    report_due: str | None = None
    position: int = 0


@dataclass
class Answer:
    """The answer and note for one checklist item of an inspected unit."""

    line_id: int
    answer: str = ""
    note: str = ""


@dataclass
class Finding:
    """A shortcoming found (tồn tại, hạn chế) or a recommendation (kiến nghị)."""

    id: int
    inspection_id: int
    kind: str
    text: str
    line_id: int | None = None
    position: int = 0


@dataclass
class Remediation:
    """A remediation item: what to fix, who, by when, and its status until closed."""

    id: int
    inspection_id: int
    content: str
    owner: str = ""
    deadline: str | None = None
    status: str = REMEDY_OPEN
    closed_on: str | None = None
    result: str = ""
    finding_id: int | None = None
    position: int = 0


@dataclass
class RemediationDraft:
    """The editable fields of a remediation item as the form supplies them."""

    content: str
    owner: str = ""
    deadline: str | None = None
    finding_id: int | None = None


@dataclass
class SelfReport:
    """A unit's self-inspection for one half-year: received (date, number) or missing."""

    inspection_id: int
    unit_id: int
    unit_name: str
    half: int
    due: str | None
    received_on: str | None = None
    document_number: str = ""
    note: str = ""
    state: str = ""
    state_label: str = ""
