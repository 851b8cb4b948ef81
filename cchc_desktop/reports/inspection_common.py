"""What the two inspection documents share: the plan and agency, header, signer, wording."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cchc_desktop.errors import NotFoundError
from cchc_desktop.inspections import inspection_plans as inspections
from cchc_desktop.inspections.models import InspectionPlan, TeamMember
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import Agency
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.common import iso_day
from cchc_desktop.reports.issuing import default_signature, issuer_of, own_signature
from cchc_desktop.reports.model import (
    BODY,
    SETTING_AGENCY,
    SETTING_INSPECTION,
    Issuer,
    Para,
    Registration,
    Signature,
)
from cchc_desktop.reports.parts import clean, short_date


@dataclass(frozen=True)
class InspectionContext:
    """An inspection plan with the agency that issues its documents."""

    plan: InspectionPlan
    agency: Agency

    @property
    def issuer(self) -> str:
        """Return the issuing agency's name ("Ủy ban nhân dân huyện Đắk Hà"), '' if unset."""
        return clean(self.agency.name)

    @property
    def issuing_body(self) -> Issuer:
        """Return the agency as the issuer of the inspection documents."""
        return issuer_of(self.agency)

    def signature(self) -> tuple[Signature, str]:
        """Return the inspection plan's own signer, else the agency's default, with its source."""
        plan = self.plan
        own = own_signature(plan.signer_authority, plan.signer_title, plan.signer_name)
        if own is not None:
            return own, SETTING_INSPECTION
        return default_signature(self.agency), SETTING_AGENCY

    @property
    def abbreviation(self) -> str:
        """Return the agency's symbol for document numbers ("UBND"), '' when unknown."""
        return clean(self.agency.abbreviation)

    def plan_reference(self) -> str:
        """Return "Kế hoạch số 45/KH-UBND ngày 10/01/2026 của …" (number left blank if none)."""
        suffix = f"-{self.abbreviation}" if self.abbreviation else ""
        number = clean(self.plan.number) or f"{' ' * 6}/KH{suffix}"
        issued = iso_day(self.plan.issued_on)
        day = f" ngày {short_date(issued)}" if issued else ""
        return f"Kế hoạch số {number}{day} của {self.issuer}"


def load_inspection_context(register: Register, plan_id: int) -> InspectionContext:
    """Read an inspection plan and the agency, or raise ReportError naming the missing plan."""
    try:
        plan = inspections.get_plan(register, plan_id)
    except NotFoundError as error:
        raise ReportError(f"Không có kế hoạch kiểm tra số {plan_id} trong sổ; không tạo được "
                          "văn bản.") from error
    return InspectionContext(plan, repository.get_agency(register.db))


def registration(number: str, issued_on: str | None, year: int) -> Registration:
    """Return Số and ngày as registered (blank for the văn thư when not)."""
    return Registration(clean(number), iso_day(issued_on), year)


def archive_line(ctx: InspectionContext) -> str:
    """Return "Lưu: VT, NV" (with the agency's symbol when known)."""
    return f"Lưu: VT, {ctx.abbreviation}" if ctx.abbreviation else "Lưu: VT"


def member_text(member: TeamMember) -> str:
    """Describe a team member: "Nguyễn Văn A – Trưởng phòng, Phòng Nội vụ", "Lãnh đạo Phòng…"."""
    name = clean(member.name)
    title, unit = clean(member.title), clean(member.unit_name)
    if not name:
        return " ".join(p for p in (title, unit) if p)
    position = ", ".join(p for p in (title, unit) if p)
    return f"{name} – {position}" if position else name


def date_range(start: str | None, end: str | None) -> str:
    """Return "15/06/2026", "15/06/2026 - 16/06/2026" or '' for planned dates."""
    first, last = short_date(iso_day(start)), short_date(iso_day(end))
    if first and last and first != last:
        return f"{first} - {last}"
    return first or last


def with_hint(text: str, hint: str, bullet: str = "- ") -> Para:
    """Return a paragraph "- text (hint in italics)"."""
    return Para(f"{bullet}{clean(text)}", BODY, clean(hint))


def bullets(lines: Sequence[str]) -> list[Para]:
    """Return body paragraphs "- line" (a line already starting with "-" or "+" is kept)."""
    items = []
    for line in lines:
        text = clean(line)
        items.append(Para(text if text[:1] in "-+" else f"- {text}"))
    return items


def numbered(lines: Sequence[str]) -> list[Para]:
    """Return body paragraphs "1. line", "2. line"…."""
    return [Para(f"{index}. {clean(line)}") for index, line in enumerate(lines, start=1)]
