"""Document 2, Báo cáo kết quả thực hiện công tác CCHC for a period (Quý I, 6 tháng, …).

The text is the báo cáo drafted by cchc_desktop.drafting (I. chỉ đạo, điều hành; II. the six
areas of NQ 76; III. đánh giá chung; IV. phương hướng; V. đề xuất, kiến nghị), with the
officer's own words wherever they wrote some in the editor; the figures are as of the period's
cut-off. Appendices: progress per area and per unit, late tasks with the units' reasons, the
one-stop figures and targets, every task's progress. A báo cáo goes upward: its nơi nhận names
the bodies it reports to with "(b/c)", and the agency's default signer signs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cchc_desktop.drafting.outline import PeriodReport, draft_report
from cchc_desktop.drafting.outlook import period_phrase
from cchc_desktop.progress.states import NO_REPORT, AreaStat
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.checks import PeriodData, period_data_checks
from cchc_desktop.reports.common import PlanContext, load_context
from cchc_desktop.reports.model import (
    BAO_CAO,
    CAPTION,
    HEADING,
    Appendix,
    Block,
    Document,
    Issuer,
    Missing,
    Para,
    Registration,
    Row,
    Signature,
)
from cchc_desktop.reports.parts import clean
from cchc_desktop.reports.period_extras import one_stop_sentences, target_rows, targets_table
from cchc_desktop.reports.period_tables import area_table, late_table, one_stop_table, unit_table
from cchc_desktop.reports.progress_tables import progress_rows, progress_table
from cchc_desktop.reports.save import save_document
from cchc_desktop.reports.wording import archive_line, own_citation
from cchc_desktop.schedule.periods import (
    PERIOD_KINDS,
    PeriodError,
    ReportingPeriod,
    parse_period_code,
    periods_of_year,
)
from cchc_desktop.text.folding import fold

__all__ = ["collect_period", "default_period", "period_document", "period_phrase",
           "render_period", "reporting_period_for", "resolve_period"]

DOC_TYPE = "Báo cáo"
# Bodies a báo cáo reports to ("(b/c)"), recognised in the plan's nơi nhận by how they start.
UPWARD = ("so noi vu", "ubnd", "uy ban nhan dan", "bo ", "ban chi dao", "van phong ubnd",
          "thanh tra tinh", "hdnd", "tinh uy", "huyen uy", "dang uy")
LEADERS = ("lanh dao", "chu tich", "giam doc", "chanh thanh tra", "thuong truc")
# The pre-print check warns when fewer tasks than this share have a report for the period.
# A report is still being written this many days after its due date.
GRACE_DAYS = 10


def reporting_period_for(today: date) -> ReportingPeriod:
    """Return the period being reported on a day: the first due on or after ten days ago."""
    since = today - timedelta(days=GRACE_DAYS)
    periods = [p for year in (today.year - 1, today.year, today.year + 1)
               for p in periods_of_year(year)]
    due = sorted((p for p in periods if p.due >= since),
                 key=lambda p: (p.due, PERIOD_KINDS.index(p.kind)))
    return due[0]


def default_period(ctx: PlanContext, today: date) -> ReportingPeriod:
    """Return the period a report is about when none is given, within the plan's year."""
    year = ctx.plan.year
    current = reporting_period_for(today)
    if year is None or current.year == year:
        return current
    return parse_period_code(str(year) if year < today.year else f"{year}-Q1")


def resolve_period(ctx: PlanContext, code: str | None, today: date) -> ReportingPeriod:
    """Read a period code (or choose the default) with a Vietnamese error when it is wrong."""
    if not clean(code):
        return default_period(ctx, today)
    try:
        return parse_period_code(clean(code))
    except PeriodError as error:
        raise ReportError(str(error)) from error


@dataclass
class PeriodDocument:
    """Everything the period report prints (collected, then put on the document model)."""

    issuer: Issuer
    registration: Registration
    summary: str
    report: PeriodReport
    closing: str
    signature: Signature
    recipients: list[str]
    title: str
    progress: list[Row]
    targets: list[Row] = field(default_factory=list)
    one_stop: list[str] = field(default_factory=list)
    signer_source: str = "agency"
    problems: list[Missing] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the figures rest on (not blocking)

    @property
    def stats(self) -> list[AreaStat]:
        """Return the counts per area as of the cut-off, the total last (the same figures as
        the status bar, the dashboard and the export)."""
        return self.report.facts.stats

    @property
    def phrase(self) -> str:
        """Return how the report names its period ("6 tháng đầu năm 2021")."""
        return period_phrase(self.report.facts.period)


def _upward(name: str, issuer: str) -> bool:
    """Tell whether a recipient is a body the report goes up to."""
    folded = fold(name)
    return folded != fold(issuer) and folded.startswith(UPWARD)


def recipients_for(ctx: PlanContext) -> list[str]:
    """Return the báo cáo's nơi nhận: the bodies above "(b/c)", the leaders, "Lưu: VT, …".

    The cơ quan chủ quản first, then the plan's recipients that are bodies above (Sở Nội vụ…)
    or the agency's leaders; the units it assigned tasks to are not sent the báo cáo.
    """
    issuer = ctx.report_issuer
    names = [clean(issuer.parent)] if clean(issuer.parent) else []
    leaders: list[str] = []
    archive = ""
    for item in ctx.plan.recipients:
        name = clean(item).lstrip("-+• ").rstrip(" ;.,")
        folded = fold(name)
        if folded.startswith("luu"):
            archive = name
        elif _upward(name, issuer.name) and fold(name) not in map(fold, names):
            names.append(name.removesuffix("(b/c)").strip())
        elif folded.startswith(LEADERS):
            leaders.append(name)
    unit = clean(issuer.drafting_unit)
    last = archive_line(unit) if unit or not archive else archive
    return [*(f"{n} (b/c)" for n in names), *leaders, last]


def _data_checks(report: PeriodReport) -> tuple[list[Missing], list[str]]:
    """Return what blocks the report for want of data, and notes on what its figures rest on
    (entries of the period, or carried forward from earlier periods)."""
    facts = report.facts
    with_data = [s for s in facts.states if s.status != NO_REPORT]
    carried = {s.entry_period for s in with_data if not s.reported and s.entry_period}
    sources = [period_phrase(p) for p in sorted(map(parse_period_code, carried),
                                                key=lambda p: (p.end, p.start))]
    return period_data_checks(PeriodData(
        period_phrase(facts.period), facts.period.code, facts.total.tasks, len(with_data),
        facts.reported, sources))


def collect_period(register: Register, plan_id: int, period_code: str | None,
                   today: date | None = None,
                   registration: Registration | None = None) -> PeriodDocument:
    """Collect the period report of a plan (Số and ngày blank unless registration is given)."""
    today = today or date.today()
    ctx = load_context(register, plan_id)
    period = resolve_period(ctx, period_code, today)
    report = draft_report(register, plan_id, period.code, today)
    problems, notes = _data_checks(report)
    phrase = period_phrase(period)
    summary = f"Kết quả thực hiện công tác cải cách hành chính {phrase}"
    issuer = ctx.report_issuer
    signature, source = ctx.report_signature()
    return PeriodDocument(
        issuer=issuer, registration=registration or Registration(year=today.year),
        summary=summary, report=report,
        closing=f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {phrase} "
                f"của {issuer.name}./.",
        signature=signature, signer_source=source, recipients=recipients_for(ctx),
        title=f"Báo cáo CCHC {phrase}",
        progress=progress_rows(register, plan_id, report.facts.states),
        targets=target_rows(register, period.code),
        one_stop=one_stop_sentences(report.facts.one_stop), problems=problems, notes=notes,
    )


def period_body(data: PeriodDocument) -> list[Block]:
    """Return the body: the opening, then parts I–V as the officer left them."""
    story: list[Block] = [Para(text) for text in data.report.intro.paragraphs]
    for part in data.report.printed():
        story.append(Para(part.heading, HEADING))
        for title, paragraphs in part.sections:
            if title:
                story.append(Para(title, HEADING))
            story += [Para(text) for text in paragraphs]
    return story


def _appendices(data: PeriodDocument, note: str) -> list[Appendix]:
    """Return the appendices of figures (those with something to show), numbered I, II…."""
    facts = data.report.facts
    found: list[tuple[str, list[Block]]] = [
        (f"Kết quả thực hiện nhiệm vụ cải cách hành chính {data.phrase}",
         [Para("1. Theo lĩnh vực", CAPTION), area_table(facts.stats),
          Para("2. Theo đơn vị chủ trì", CAPTION), unit_table(facts)]),
    ]
    late = late_table(facts.states)
    if late is not None:
        found.append(("Danh mục nhiệm vụ chậm tiến độ và lý do", [late]))
    figures: list[Block] = []
    one_stop = one_stop_table(facts)
    if one_stop is not None:
        figures += [Para("1. Giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên "
                         "thông", CAPTION), one_stop]
    if data.targets:
        number = "2. " if figures else ""
        figures += [Para(f"{number}Kết quả thực hiện các chỉ tiêu", CAPTION),
                    targets_table(data.targets)]
    if figures:
        found.append(("Kết quả giải quyết thủ tục hành chính và thực hiện chỉ tiêu", figures))
    found.append((f"Kết quả thực hiện từng nhiệm vụ {data.phrase}",
                  [progress_table(data.progress)]))
    romans = ("I", "II", "III", "IV", "V")
    return [Appendix(f"Phụ lục {romans[i]}", title, note, blocks)
            for i, (title, blocks) in enumerate(found)]


def period_document(data: PeriodDocument) -> Document:
    """Put the period report on the document model."""
    doc = Document(
        kind=BAO_CAO, issuer=data.issuer, registration=data.registration,
        summary=data.summary, signature=data.signature, signer_source=data.signer_source,
        body=period_body(data), closing=[Para(data.closing)],
        recipients=[r for r in data.recipients if r], title=data.title,
        problems=list(data.problems), notes=list(data.notes),
    )
    doc.appendices += _appendices(data, f"(Kèm theo {own_citation(doc)})")
    return doc


def render_period(data: PeriodDocument, path: Path, draft: bool = False) -> Path:
    """Save the period report as .pdf or .docx (by the extension); return its path."""
    return save_document(period_document(data), path, draft)
