"""Typed records of the register: agency, units, plans, sections, groups, tasks, progress."""

from __future__ import annotations

from dataclasses import dataclass, field

# The seven areas of a CCHC plan (lĩnh vực), as keys with their usual printed titles.
AREAS: dict[str, str] = {
    "direction": "Công tác chỉ đạo, điều hành",
    "institutions": "Cải cách thể chế",
    "procedures": "Cải cách thủ tục hành chính",
    "organisation": "Cải cách tổ chức bộ máy",
    "civil_service": "Cải cách chế độ công vụ",
    "public_finance": "Cải cách tài chính công",
    "digital_government": "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
}

UNIT_KINDS: dict[str, str] = {
    "phong": "Phòng, ban",
    "xa_phuong": "Xã, phường",
    "so": "Sở, ban, ngành",
    "khac": "Đơn vị khác",
}

AUTHORITIES = ("", "TM.", "KT.", "Q.", "TL.", "TUQ.")
# The agency's default signer may also sign "TM. <tập thể> / KT. <chức vụ> / <phó…>".
SIGNER_AUTHORITIES = (*AUTHORITIES, "TM.+KT.")

ROLE_LEAD = "lead"
ROLE_PARTNER = "partner"


@dataclass
class Agency:
    """The agency that keeps the register (cơ quan ban hành) and its parent (cơ quan chủ quản)."""

    name: str = ""
    parent_name: str = ""
    place: str = ""
    abbreviation: str = ""
    officer_name: str = ""
    signer_name: str = ""
    signer_title: str = ""
    signer_authority: str = ""
    head_title: str = ""
    collective: str = ""
    drafting_unit: str = ""


@dataclass
class Unit:
    """A unit in the directory (phòng, xã/phường, sở…); aliases are other spellings."""

    id: int
    name: str
    short_name: str = ""
    kind: str = "khac"
    aliases: list[str] = field(default_factory=list)
    confirmed: bool = True


@dataclass
class Plan:
    """A plan document (kế hoạch) whose appendix holds the tasks."""

    id: int
    title: str
    number: str = ""
    issued_on: str | None = None
    issuer: str = ""
    year: int | None = None
    term: str = ""
    bases: list[str] = field(default_factory=list)
    signer_name: str = ""
    signer_title: str = ""
    signer_authority: str = ""
    recipients: list[str] = field(default_factory=list)
    source_file: str = ""
    signer_head_title: str = ""
    signer_collective: str = ""


@dataclass
class Section:
    """A section of the appendix (lĩnh vực), with its code as printed ("I", "II"…)."""

    id: int
    plan_id: int
    code: str
    title: str
    area: str | None = None
    position: int = 0


@dataclass
class Group:
    """A group of tasks inside a section, with its number as printed ("1", "2"…)."""

    id: int
    plan_id: int
    section_id: int | None
    number: str
    title: str
    position: int = 0


@dataclass
class Task:
    """One task of the appendix, with every column as printed."""

    id: int
    plan_id: int
    section_id: int | None
    group_id: int | None
    number: str
    content: str
    result: str = ""
    lead_text: str = ""
    partner_text: str = ""
    timeframe: str = ""
    budget_million_vnd: float | None = None
    notes: str = ""
    position: int = 0
    due_override: str | None = None


@dataclass
class TaskDraft:
    """The editable columns of a task, as the form and the import supply them."""

    content: str
    number: str = ""
    result: str = ""
    lead_text: str = ""
    partner_text: str = ""
    timeframe: str = ""
    budget_million_vnd: float | None = None
    notes: str = ""


@dataclass
class Progress:
    """The state of a task in one reporting period."""

    id: int
    task_id: int
    period_id: int
    status: str
    percent: int | None = None
    result_text: str = ""
    evidence_number: str = ""
    evidence_date: str | None = None
    evidence_title: str = ""
    evidence_file: str = ""
    completed_on: str | None = None
    reporting_unit_id: int | None = None
    recorded_by: str = ""
    recorded_at: str = ""


@dataclass
class Period:
    """A reporting period of a year (Quý I, 6 tháng, Quý III, 9 tháng, Năm)."""

    id: int
    year: int
    kind: str
    label: str
    start: str
    end: str
    due: str


@dataclass
class TaskRow:
    """A task as the register table shows it: the task plus its section and group labels."""

    task: Task
    section_code: str = ""
    section_title: str = ""
    group_number: str = ""
    group_title: str = ""
    status: str = ""
    percent: int | None = None
