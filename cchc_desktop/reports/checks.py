"""The pre-print check: what a signer would look for and is missing, as structured items.

missing(doc) lists each gap as a Missing(code, Vietnamese message, setting, field) so the
window can offer a button that opens the right setting; a document with gaps is refused unless
it is made as a draft (marked "DỰ THẢO" on every page, blanks left blank).
"""

from __future__ import annotations

from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.model import AUTHORITIES, SETTING_AGENCY, Document, Missing
from cchc_desktop.reports.wording import clean, collective_of, head_title_of

NEEDS_HEAD = ("KT.", "TL.", "TUQ.", "TM.+KT.")
NEEDS_COLLECTIVE = ("TM.", "TM.+KT.")


class MissingInfoError(ReportError):
    """A document lacks what a signer needs; items lists each gap (nothing was written)."""

    def __init__(self, items: list[Missing]) -> None:
        """Keep the items; the message lists them in Vietnamese."""
        self.items = items
        lines = "\n".join(f"- {item.message}" for item in items)
        super().__init__(f"Văn bản còn thiếu thông tin, chưa thể in để ký:\n{lines}\n"
                         "Bổ sung các thông tin trên, hoặc tạo bản dự thảo (--draft).")


def _issuer_items(doc: Document) -> list[Missing]:
    """Return what is missing about the issuing body."""
    items = []
    if not clean(doc.issuer.name):
        items.append(Missing("issuer_name", "Chưa có tên cơ quan ban hành văn bản.",
                             SETTING_AGENCY, "name"))
    if not clean(doc.issuer.place):
        items.append(Missing("place", "Chưa có địa danh cho dòng “…, ngày … tháng … năm …”.",
                             SETTING_AGENCY, "place"))
    if doc.registration.own_number and not clean(doc.issuer.abbreviation) \
            and "/" not in clean(doc.registration.number):
        items.append(Missing("abbreviation", "Chưa có ký hiệu viết tắt của cơ quan để ghi số "
                             "văn bản (ví dụ …/BC-UBND).", SETTING_AGENCY, "abbreviation"))
    return items


def signature_items(doc: Document) -> list[Missing]:
    """Return what is missing about the signer (name, title, head's title, collective)."""
    sig, where = doc.signature, doc.signer_source
    items = []
    if sig.authority not in AUTHORITIES:
        items.append(Missing("authority", f"Quyền hạn ký “{sig.authority}” không hợp lệ.",
                             where, "signer_authority"))
    if not clean(sig.name):
        items.append(Missing("signer_name", "Chưa có họ tên người ký.", where, "signer_name"))
    if not clean(sig.title) and not (sig.authority == "Q." and head_title_of(sig)):
        items.append(Missing("signer_title", "Chưa có chức vụ người ký.", where,
                             "signer_title"))
    if sig.authority in NEEDS_HEAD and not head_title_of(sig):
        items.append(Missing("head_title", f"Ký “{sig.authority.removeprefix('TM.+')}” cần "
                             "chức vụ của người đứng đầu (ví dụ Chủ tịch, Giám đốc).", where,
                             "head_title"))
    if sig.authority in NEEDS_COLLECTIVE and not collective_of(sig.collective):
        items.append(Missing("collective", "Ký “TM.” cần tên tập thể (ví dụ Ủy ban nhân dân).",
                             where, "collective"))
    return items


def missing(doc: Document) -> list[Missing]:
    """Return everything a signer would find missing in the document (empty when complete)."""
    return [*_issuer_items(doc), *signature_items(doc), *doc.problems]


def require_complete(doc: Document) -> None:
    """Raise MissingInfoError listing the gaps, if any."""
    items = missing(doc)
    if items:
        raise MissingInfoError(items)
