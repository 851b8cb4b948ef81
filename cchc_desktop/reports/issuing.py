"""Who issues and who signs: the issuer and signature of a document from the register's data.

The agency settings hold the issuing body (cơ quan ban hành, chủ quản, địa danh, ký hiệu) and
the default signer; a plan (or an inspection plan) may carry a signer of its own. A document has
ONE issuer: a plan issued by another body is printed under that body alone (never under the
register's cơ quan chủ quản), and the agency's default signer is not borrowed for it.
"""

from __future__ import annotations

from cchc_desktop.plans.models import Agency, Plan
from cchc_desktop.reports.model import SETTING_AGENCY, SETTING_PLAN, Issuer, Signature
from cchc_desktop.reports.wording import clean
from cchc_desktop.text.folding import fold


def issuer_of(agency: Agency) -> Issuer:
    """Return the agency as the issuer of its own documents."""
    return Issuer(clean(agency.name), clean(agency.parent_name), clean(agency.abbreviation),
                  clean(agency.place), clean(agency.drafting_unit))


def default_signature(agency: Agency) -> Signature:
    """Return the agency's default signer (used by every document without its own)."""
    return Signature(clean(agency.signer_authority), clean(agency.signer_title),
                     clean(agency.signer_name), clean(agency.head_title), clean(agency.collective))


def own_signature(authority: str, title: str, name: str, head_title: str = "",
                  collective: str = "") -> Signature | None:
    """Return a document's own signer, or None when it has none (then the default is used).

    A title written on two lines ("Chánh Thanh tra" / "Phó Chánh Thanh tra") gives the head's
    title (or, after TM., the collective) and the signer's own; TM. with a head's title is the
    three-line chain TM. … / KT. … / ….
    """
    parts = [clean(p) for p in (title or "").splitlines() if clean(p)]
    if not parts and not clean(name):
        return None
    own = parts[-1] if parts else ""
    principal = parts[0] if len(parts) > 1 else ""
    authority = clean(authority)
    head, body = clean(head_title), clean(collective)
    if principal and authority == "TM." and not body:
        body = principal
    elif principal and not head:
        head = principal
    if authority == "TM." and head:
        authority = "TM.+KT."
    return Signature(authority, own, clean(name), head, body)


def is_agency(agency: Agency, issuer_name: str) -> bool:
    """Tell whether a name is the agency's own (or empty, meaning the agency)."""
    return not clean(issuer_name) or fold(issuer_name) == fold(agency.name)


def plan_issuer(plan: Plan, agency: Agency) -> Issuer:
    """Return the issuer of a plan's own document: the agency, or the plan's issuer alone."""
    if is_agency(agency, plan.issuer):
        return issuer_of(agency)
    symbol = clean(plan.number).partition("/")[2].partition("-")[2]
    return Issuer(clean(plan.issuer), "", symbol, clean(agency.place))


def plan_signature(plan: Plan, agency: Agency) -> tuple[Signature, str]:
    """Return who signs a plan's document and where that is set (the plan or the agency)."""
    own = own_signature(plan.signer_authority, plan.signer_title, plan.signer_name,
                        plan.signer_head_title, plan.signer_collective)
    if own is not None:
        return own, SETTING_PLAN
    if is_agency(agency, plan.issuer):
        return default_signature(agency), SETTING_AGENCY
    return Signature(), SETTING_PLAN
