"""What the documents of one plan share: agency, header, signer, area titles, the story frame."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, KeepTogether

from cchc_desktop.errors import NotFoundError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AREAS, Agency, Plan, Section
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import PORTRAIT, ReportError, content_width, register_fonts
from cchc_desktop.reports.parts import (
    Letterhead,
    LetterheadFlowable,
    SignOff,
    clean,
    sign_off_block,
    title_block,
)
from cchc_desktop.text.folding import fold
from cchc_desktop.text.money_words import capitalize_first


@dataclass(frozen=True)
class PlanContext:
    """The plan a document is about, with the agency that keeps the register."""

    plan: Plan
    agency: Agency

    @property
    def issuer(self) -> str:
        """Return the name of the agency issuing the documents (cơ quan ban hành)."""
        return clean(self.plan.issuer) or clean(self.agency.name)

    @property
    def year_phrase(self) -> str:
        """Return "năm 2021" for the plan's year (or its term as written)."""
        if self.plan.year:
            return f"năm {self.plan.year}"
        term = clean(self.plan.term)
        return term[:1].lower() + term[1:] if term else ""

    @property
    def reference(self) -> str:
        """Return how documents cite the plan ("Kế hoạch số 1034/KH-TTr ngày 31/12/2020 của …")."""
        number = clean(self.plan.number)
        issued = iso_day(self.plan.issued_on)
        if not number:
            return f"Kế hoạch cải cách hành chính {self.year_phrase} của {self.issuer}".replace(
                "  ", " ")
        day = f" ngày {issued.day:02d}/{issued.month:02d}/{issued.year}" if issued else ""
        return f"Kế hoạch số {number}{day} của {self.issuer}"

    @property
    def head_title(self) -> str:
        """Return the title of the agency's head ("Chánh Thanh tra"; "Giám đốc" for a deputy)."""
        parts = [clean(p) for p in (self.plan.signer_title or "").splitlines() if clean(p)]
        if len(parts) > 1:
            return parts[0]
        own = parts[0] if parts else ""
        if fold(own).startswith("pho "):
            return capitalize_first(own[4:])
        return own or "Thủ trưởng cơ quan"

    @property
    def abbreviation(self) -> str:
        """Return the issuer's abbreviation for document symbols ("TTr")."""
        if clean(self.agency.abbreviation):
            return clean(self.agency.abbreviation)
        symbol = clean(self.plan.number).rpartition("-")[2]
        return symbol if "/" not in symbol else ""


def load_context(register: Register, plan_id: int) -> PlanContext:
    """Read the plan and the agency, or raise ReportError naming the missing plan."""
    try:
        plan = repository.get_plan(register.db, plan_id)
    except NotFoundError as error:
        raise ReportError(f"Không có kế hoạch số {plan_id} trong sổ; không tạo được báo cáo.") \
            from error
    return PlanContext(plan, repository.get_agency(register.db))


def iso_day(text: str | None) -> date | None:
    """Return the date of an ISO text, or None when empty or not a date."""
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def letterhead(ctx: PlanContext, number_line: str, day: date) -> Letterhead:
    """Return the header of a document of this plan issued on a day."""
    return Letterhead(clean(ctx.agency.parent_name), ctx.issuer, number_line,
                      clean(ctx.agency.place), day)


def sign_off(ctx: PlanContext, recipients: Sequence[str] | None = None) -> SignOff:
    """Return the plan's signer with the given recipients (the plan's own by default)."""
    plan = ctx.plan
    chosen = list(plan.recipients if recipients is None else recipients)
    return SignOff(plan.signer_authority, plan.signer_title, plan.signer_name, ctx.issuer,
                   chosen)


def section_title(section: Section) -> str:
    """Return a section's title in sentence case (the area's usual title when known)."""
    if section.area and section.area in AREAS:
        return AREAS[section.area]
    title = clean(section.title)
    return capitalize_first(title.lower()) if title.isupper() else title


def main_lead(leads: Sequence[str]) -> str:
    """Return the lead unit named most often ('' when none)."""
    counts = Counter(clean(lead) for lead in leads if clean(lead))
    return counts.most_common(1)[0][0] if counts else ""


def strip_doc_type(title: str, doc_type: str) -> str:
    """Drop a leading document type from a title ("Kế hoạch triển khai…" → "Triển khai…")."""
    text = clean(title)
    words = len(doc_type.split())
    head = " ".join(text.split()[:words])
    if fold(head) == fold(doc_type) and len(text.split()) > words:
        text = " ".join(text.split()[words:])
    return capitalize_first(text)


def front_matter(head: Letterhead, doc_type: str, summary: str) -> list[Flowable]:
    """Return the header and the title block of a portrait document."""
    register_fonts()
    return [LetterheadFlowable(head), *title_block(doc_type, summary, content_width(PORTRAIT))]


def closing(last: Sequence[Flowable], sign: SignOff) -> Flowable:
    """Keep the last paragraphs with the signature block on one page."""
    return KeepTogether([*last, sign_off_block(sign, content_width(PORTRAIT))])
