"""What the documents of one plan share: the plan with its term and citation, who issues and
who signs them, area titles."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from cchc_desktop.errors import NotFoundError
from cchc_desktop.plans import repository
from cchc_desktop.plans.models import AREAS, Agency, Plan, Section
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.issuing import (
    default_signature,
    is_agency,
    issuer_of,
    own_signature,
    plan_issuer,
)
from cchc_desktop.reports.model import SETTING_AGENCY, SETTING_PLAN, Issuer, Signature
from cchc_desktop.reports.wording import (
    citation,
    clean,
    kind_of_number,
    sentence_case,
    summary_of,
    term_phrase,
)
from cchc_desktop.text.folding import fold
from cchc_desktop.text.money_words import capitalize_first


@dataclass(frozen=True)
class PlanContext:
    """The plan a document is about, with the agency that keeps the register."""

    plan: Plan
    agency: Agency

    @property
    def plan_issuer(self) -> Issuer:
        """Return who issued the plan (its own document's letterhead)."""
        return plan_issuer(self.plan, self.agency)

    @property
    def report_issuer(self) -> Issuer:
        """Return who issues the reports on the plan: the agency (the plan's issuer if unset)."""
        return issuer_of(self.agency) if clean(self.agency.name) else self.plan_issuer

    @property
    def issuer(self) -> str:
        """Return the name of the body issuing the reports ('' when none is set)."""
        return self.report_issuer.name

    @property
    def term(self) -> str:
        """Return the plan's term: "năm 2021" or "giai đoạn 2021 - 2025"."""
        return term_phrase(self.plan.year, self.plan.term, self.plan.title)

    @property
    def year_phrase(self) -> str:
        """Return the plan's term (kept for callers of the old name)."""
        return self.term

    @property
    def parent_kind(self) -> str:
        """Return what the plan's number says it is: "Quyết định" or "Kế hoạch"."""
        return kind_of_number(self.plan.number) or "Kế hoạch"

    @property
    def by_decision(self) -> bool:
        """Tell whether the plan was issued by a Quyết định (its number is a QĐ's)."""
        return self.parent_kind == "Quyết định"

    @property
    def reference(self) -> str:
        """Return how documents cite the plan ("Quyết định số 1271/QĐ-UBND ngày 18/8/2021 của
        …", "Kế hoạch số 1034/KH-TTr ngày 31/12/2020 của …")."""
        issuer = self.plan_issuer.name
        if not clean(self.plan.number):
            what = f"Kế hoạch cải cách hành chính {self.term}".strip()
            return f"{what} của {issuer}" if issuer else what
        return citation(self.parent_kind, self.plan.number, iso_day(self.plan.issued_on), issuer)

    @property
    def summary(self) -> str:
        """Return the plan's trích yếu in sentence case, without a leading "Kế hoạch"."""
        names = [self.plan_issuer.name, self.agency.place, self.agency.name]
        return summary_of(self.plan.title, "Kế hoạch", names)

    def plan_signature(self) -> tuple[Signature, str]:
        """Return who signs the plan's own document, and where that signer is set."""
        own = self._own_signature()
        if own is not None:
            return own, SETTING_PLAN
        if is_agency(self.agency, self.plan.issuer):
            return default_signature(self.agency), SETTING_AGENCY
        return Signature(), SETTING_PLAN

    def report_signature(self) -> tuple[Signature, str]:
        """Return who signs a report on the plan: the agency's default signer, else the plan's."""
        default = default_signature(self.agency)
        own = self._own_signature()
        same_body = is_agency(self.agency, self.plan.issuer)
        if clean(default.name) or clean(default.title) or own is None or not same_body:
            return default, SETTING_AGENCY
        return own, SETTING_PLAN

    def _own_signature(self) -> Signature | None:
        """Return the plan's own signer, if it has one."""
        plan = self.plan
        return own_signature(plan.signer_authority, plan.signer_title, plan.signer_name,
                             plan.signer_head_title, plan.signer_collective)

    @property
    def head_title(self) -> str:
        """Return the title of the issuer's head ("Chánh Thanh tra"), '' when unknown."""
        signature, _ = self.report_signature()
        if signature.authority in ("KT.", "TL.", "TUQ.", "TM.+KT.", "Q."):
            return clean(signature.head_title) or _without_deputy(signature.title)
        return clean(signature.title)

    @property
    def abbreviation(self) -> str:
        """Return the report issuer's abbreviation for document symbols ("TTr")."""
        return self.report_issuer.abbreviation


def _without_deputy(title: str) -> str:
    """Return "Chánh Thanh tra" for "Phó Chánh Thanh tra"."""
    own = clean(title)
    return capitalize_first(own[4:]) if fold(own).startswith("pho ") else own


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


def section_title(section: Section) -> str:
    """Return a section's title in sentence case (the area's usual title when known)."""
    if section.area and section.area in AREAS:
        return AREAS[section.area]
    return sentence_case(section.title)


def main_lead(leads: Sequence[str]) -> str:
    """Return the lead unit named most often ('' when none)."""
    counts = Counter(clean(lead) for lead in leads if clean(lead))
    return counts.most_common(1)[0][0] if counts else ""


def strip_doc_type(title: str, doc_type: str) -> str:
    """Drop a leading document type from a title ("Kế hoạch triển khai…" → "Triển khai…")."""
    return summary_of(title, doc_type)
