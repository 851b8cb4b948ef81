"""The pre-print check: what a signer would look for and is missing, as structured items.

missing(doc) lists each gap as a Missing(code, Vietnamese message, setting, field) so the
window can offer a button that opens the right setting; a document with gaps is refused unless
it is made as a draft (marked "DỰ THẢO" on every page, blanks left blank).

A period report's figures count every task with data speaking for the period: its own entry, or
— for a one-off task — one carried forward from an earlier period (the same figures as the
table and the dashboard). period_data_checks refuses a report without any such data, or with
fewer than half the tasks having some (draft only), and otherwise says in a note, which does not
block, when the figures come from earlier periods ("chưa có báo cáo riêng của kỳ năm …").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_desktop.drafting.wording import rate
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.model import (
    AUTHORITIES,
    SETTING_AGENCY,
    SETTING_PROGRESS,
    Document,
    Missing,
)
from cchc_desktop.reports.wording import clean, collective_of, head_title_of

NEEDS_HEAD = ("KT.", "TL.", "TUQ.", "TM.+KT.")
NEEDS_COLLECTIVE = ("TM.", "TM.+KT.")
MOST_UNREPORTED = 0.5  # fewer tasks with data than this share: a draft only


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


@dataclass(frozen=True)
class PeriodData:
    """What a period report's figures rest on: tasks, tasks with data speaking for the period,
    those with an entry of the period itself, and the earlier periods the rest come from."""

    phrase: str  # "năm 2021", "9 tháng đầu năm 2021"
    code: str
    tasks: int
    with_data: int
    own: int
    sources: list[str] = field(default_factory=list)  # "Quý I năm 2021", …


def _basis(data: PeriodData) -> str:
    """Say which figures come from earlier periods ('' when every one is the period's own)."""
    carried = data.with_data - data.own
    if carried <= 0:
        return ""
    where = f"các kỳ trước ({', '.join(data.sources)})" if data.sources else "các kỳ trước"
    if not data.own:
        return f"Kỳ {data.phrase} chưa có báo cáo riêng; số liệu lấy từ {where}."
    return (f"{carried} nhiệm vụ chưa có báo cáo riêng của kỳ {data.phrase}; số liệu của các "
            f"nhiệm vụ này lấy từ {where}.")


def period_data_checks(data: PeriodData) -> tuple[list[Missing], list[str]]:
    """Return what blocks a period report for want of data, and the notes on what its figures
    rest on (shown above the preview, never blocking)."""
    basis = _basis(data)
    if not data.with_data:
        return [Missing("period_without_data", f"Kỳ báo cáo {data.phrase} chưa có số liệu tiến "
                        "độ nào, kể cả số liệu chuyển từ các kỳ trước (cập nhật tiến độ hoặc "
                        "nhận báo cáo của đơn vị).", SETTING_PROGRESS, data.code)], []
    if data.tasks and data.with_data < MOST_UNREPORTED * data.tasks:
        return [Missing("most_tasks_unreported", f"Mới có {data.with_data}/{data.tasks} nhiệm "
                        f"vụ ({rate(data.with_data, data.tasks)}) có số liệu tiến độ kỳ "
                        f"{data.phrase}. {basis + ' ' if basis else ''}Phần lớn nhiệm vụ in là "
                        "“Chưa có báo cáo”. Hãy nhận báo cáo của các đơn vị hoặc in bản dự thảo.",
                        SETTING_PROGRESS, data.code)], []
    return [], [basis] if basis else []
