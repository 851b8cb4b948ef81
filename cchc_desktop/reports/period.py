"""Document 2, Báo cáo kết quả thực hiện công tác CCHC for a period (Quý I, 6 tháng, …).

The figures come from the register (progress_states.task_states and area_stats, as of the end
of the period's data window or today if earlier); the officer's narrative per area comes from
get_narratives(), with a plain default sentence where none was written. Narrative keys besides
the areas: "overview" (đánh giá chung), "next" (phương hướng) and "proposals" (kiến nghị).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from cchc_desktop.plans.models import AREAS
from cchc_desktop.progress.entries import (
    AreaStat,
    TaskState,
    area_stats,
    get_narratives,
    task_states,
)
from cchc_desktop.register.db import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.common import PlanContext, load_context
from cchc_desktop.reports.model import (
    BAO_CAO,
    HEADING,
    LEAD_IN,
    SETTING_PROGRESS,
    Appendix,
    Block,
    Document,
    Issuer,
    Missing,
    Para,
    Registration,
    Signature,
)
from cchc_desktop.reports.parts import clean, short_date
from cchc_desktop.reports.period_extras import extras_story, one_stop_sentences, target_rows
from cchc_desktop.reports.progress_tables import (
    OTHER_TASKS,
    area_title,
    late_rows,
    late_table,
    progress_rows,
    progress_table,
    stats_table,
)
from cchc_desktop.reports.save import save_document
from cchc_desktop.reports.tables import Row
from cchc_desktop.reports.wording import archive_line, own_citation
from cchc_desktop.schedule.periods import (
    PERIOD_KINDS,
    YEAR,
    PeriodError,
    ReportingPeriod,
    parse_period_code,
    periods_of_year,
)
from cchc_desktop.text.folding import fold
from cchc_desktop.text.money_words import format_number

DOC_TYPE = "Báo cáo"
PHRASES = {"Q1": "quý I", "H1": "6 tháng đầu năm", "Q3": "quý III", "9M": "9 tháng đầu năm"}
EXTRA_NARRATIVES = ("overview", "next", "proposals")
# A report is still being written this many days after its due date.
GRACE_DAYS = 10


def period_phrase(period: ReportingPeriod) -> str:
    """Return how a report names its period ("quý I năm 2026", "6 tháng đầu năm 2026")."""
    if period.kind == YEAR:
        return f"năm {period.year}"
    phrase = PHRASES.get(period.kind, period.label.lower())
    joiner = " " if phrase.endswith("năm") else " năm "
    return f"{phrase}{joiner}{period.year}"


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
class AreaPart:
    """One area of the report: its counts sentence and the officer's paragraphs."""

    title: str
    counts: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class PeriodDocument:
    """Everything the period report prints (collected, then put on the document model)."""

    issuer: Issuer
    registration: Registration
    summary: str
    intro: str
    overview: list[str]
    stats: list[AreaStat]
    areas: list[AreaPart]
    late: list[Row]
    next_steps: list[str]
    proposals: list[str]
    closing: str
    signature: Signature
    recipients: list[str]
    appendix_title: str
    progress: list[Row]
    title: str
    targets: list[Row] = field(default_factory=list)
    one_stop: list[str] = field(default_factory=list)
    signer_source: str = "agency"
    problems: list[Missing] = field(default_factory=list)


def _paragraphs(text: str | None) -> list[str]:
    """Split an officer's text into paragraphs at line breaks."""
    return [clean(line) for line in (text or "").splitlines() if clean(line)]


def _percent(value: float) -> str:
    """Format a percentage with one decimal ("5,7")."""
    return format_number(round(value, 1), 1)


def _counts_tail(stat: AreaStat) -> str:
    """Describe done, late, open and overdue counts ("đã hoàn thành 3 nhiệm vụ (5,7%)…")."""
    done = stat.done + stat.done_late
    text = f"đã hoàn thành {done} nhiệm vụ ({_percent(stat.percent_done)}%)"
    if stat.done_late:
        text += f", trong đó {stat.done_late} nhiệm vụ hoàn thành trễ hạn"
    text += f"; đang thực hiện {stat.in_progress}; chưa thực hiện {stat.not_started}"
    if stat.overdue:
        text += f"; {stat.overdue} nhiệm vụ quá hạn chưa hoàn thành"
    return text


def counts_sentence(stat: AreaStat) -> str:
    """Describe an area's counts in one sentence."""
    return f"Có {stat.tasks} nhiệm vụ; {_counts_tail(stat)}."


def _default_narrative(stat: AreaStat) -> str:
    """Return the sentence printed for an area the officer wrote nothing about."""
    title = area_title(stat)
    if stat.area in AREAS:
        tasks = f"các nhiệm vụ {title[:1].lower()}{title[1:]}"
    elif fold(title) not in ("", fold(OTHER_TASKS)):
        tasks = f"các nhiệm vụ thuộc mục “{title}”"
    else:
        tasks = "các nhiệm vụ"
    if stat.done + stat.done_late + stat.in_progress:
        return (f"Các đơn vị đã triển khai {tasks} theo Kế hoạch; kết quả từng nhiệm vụ tại "
                "Phụ lục kèm theo.")
    return (f"Trong kỳ, {tasks} chưa có kết quả được báo cáo; tình trạng từng nhiệm vụ tại "
            "Phụ lục kèm theo.")


def _area_parts(stats: list[AreaStat], narratives: dict[str, str]) -> list[AreaPart]:
    """Return one part per area with the officer's text or a default sentence."""
    parts = []
    for stat in stats[:-1]:
        key = stat.area or ""
        written = _paragraphs(narratives.get(key)) if key else []
        default = _default_narrative(stat)
        parts.append(AreaPart(area_title(stat), counts_sentence(stat), written or [default]))
    return parts


def _overview(total: AreaStat, as_of: date, text: str | None) -> list[str]:
    """Return the general assessment: the figures in words, then the officer's text."""
    figures = (f"Tính đến ngày {short_date(as_of)}, Kế hoạch có {total.tasks} nhiệm vụ; "
               f"{_counts_tail(total)}.")
    return [figures, *_paragraphs(text)]


def _intro(ctx: PlanContext, period: ReportingPeriod) -> str:
    """Return the opening paragraph naming the plan and the data window."""
    topic = "" if ctx.plan.number.strip() == "" else \
        f" về cải cách hành chính {ctx.year_phrase}".replace("  ", " ")
    return (f"Thực hiện {ctx.reference}{topic}, {ctx.issuer} báo cáo kết quả thực hiện công "
            f"tác cải cách hành chính {period_phrase(period)} (số liệu từ ngày "
            f"{short_date(period.start)} đến ngày {short_date(period.end)}) như sau:")


def _next_steps(states: list[TaskState], text: str | None) -> list[str]:
    """Return the officer's next steps, or the usual ones."""
    written = _paragraphs(text)
    if written:
        return written
    steps = ["Tiếp tục triển khai các nhiệm vụ còn lại của Kế hoạch, bảo đảm tiến độ và "
             "chất lượng sản phẩm."]
    if any(s.overdue for s in states):
        steps.append("Tập trung chỉ đạo hoàn thành các nhiệm vụ chậm tiến độ nêu tại Mục II.")
    return steps


def _recipients(ctx: PlanContext) -> list[str]:
    """Return who the report goes to: the body above "(b/c)", then "Lưu: VT, …"."""
    upward = clean(ctx.report_issuer.parent)
    return [f"{upward} (b/c)" if upward else "", archive_line(ctx.report_issuer.drafting_unit)]


def _problems(states: list[TaskState], period: ReportingPeriod) -> list[Missing]:
    """Return what the signer would miss: a period without any recorded progress."""
    own = {period.code, f"{period.year}-{period.kind}"}
    if any(s.entry_period in own for s in states):
        return []
    return [Missing("period_without_data", f"Kỳ báo cáo {period_phrase(period)} chưa có số liệu "
                    "tiến độ nào được ghi nhận (cập nhật tiến độ hoặc nhận báo cáo của đơn vị).",
                    SETTING_PROGRESS, period.code)]


def collect_period(register: Register, plan_id: int, period_code: str | None,
                   today: date | None = None,
                   registration: Registration | None = None) -> PeriodDocument:
    """Collect the period report of a plan (Số and ngày blank unless registration is given)."""
    today = today or date.today()
    ctx = load_context(register, plan_id)
    period = resolve_period(ctx, period_code, today)
    as_of = min(today, period.end)
    states = task_states(register, plan_id, period.code, as_of)
    stats = area_stats(states)
    narratives = get_narratives(register, plan_id, period.code)
    phrase = period_phrase(period)
    summary = f"Kết quả thực hiện công tác cải cách hành chính {phrase}"
    issuer = ctx.report_issuer
    registration = registration or Registration(year=today.year)
    signature, source = ctx.report_signature()
    return PeriodDocument(
        issuer=issuer, registration=registration, summary=summary, intro=_intro(ctx, period),
        overview=_overview(stats[-1], as_of, narratives.get("overview")),
        stats=stats, areas=_area_parts(stats, narratives),
        late=late_rows(states), next_steps=_next_steps(states, narratives.get("next")),
        proposals=_paragraphs(narratives.get("proposals")),
        closing=f"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {phrase} "
                f"của {issuer.name}./.",
        signature=signature, signer_source=source, recipients=_recipients(ctx),
        appendix_title=f"Tiến độ thực hiện nhiệm vụ cải cách hành chính {phrase}",
        progress=progress_rows(register, plan_id, states),
        title=f"Báo cáo CCHC {phrase}",
        targets=target_rows(register, period.code),
        one_stop=one_stop_sentences(register, period.code),
        problems=_problems(states, period),
    )


def _letter(index: int) -> str:
    """Return the Vietnamese list letter for an index (a, b, c, d, đ, e, g, h…)."""
    letters = "abcdđeghiklmnopqrstuvxy"
    return letters[index % len(letters)]


def _results_part(data: PeriodDocument) -> list[Block]:
    """Return part I: overview, statistics table and one part per area."""
    story: list[Block] = [Para("I. KẾT QUẢ THỰC HIỆN", HEADING),
                          Para("1. Đánh giá chung", HEADING)]
    story += [Para(text) for text in data.overview]
    story.append(Para("Bảng 1. Kết quả thực hiện nhiệm vụ theo lĩnh vực", "caption"))
    story.append(stats_table(data.stats))
    story.append(Para("2. Kết quả theo từng lĩnh vực", HEADING))
    for index, area in enumerate(data.areas):
        story.append(Para(f"{_letter(index)}) {area.title}", HEADING))
        story += [Para(area.counts)]
        story += [Para(text) for text in area.paragraphs]
    story += extras_story(data.targets, data.one_stop, 3)
    return story


def period_body(data: PeriodDocument) -> list[Block]:
    """Return the body of the period report (before the closing paragraph)."""
    story = [Para(data.intro), *_results_part(data)]
    story.append(Para("II. NHIỆM VỤ CHẬM TIẾN ĐỘ, NGUYÊN NHÂN", HEADING))
    if data.late:
        story.append(Para(f"Có {sum(1 for r in data.late if r.kind == 'item')} nhiệm vụ "
                          "chậm tiến độ (quá hạn hoặc hoàn thành trễ hạn):", LEAD_IN))
        story.append(late_table(data.late))
    else:
        story.append(Para("Trong kỳ không có nhiệm vụ chậm tiến độ."))
    story.append(Para("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", HEADING))
    story += [Para(text) for text in data.next_steps]
    if data.proposals:
        story.append(Para("IV. KIẾN NGHỊ, ĐỀ XUẤT", HEADING))
        story += [Para(text) for text in data.proposals]
    return story


def period_document(data: PeriodDocument) -> Document:
    """Put the period report on the document model."""
    doc = Document(
        kind=BAO_CAO, issuer=data.issuer, registration=data.registration,
        summary=data.summary, signature=data.signature, signer_source=data.signer_source,
        body=period_body(data), closing=[Para(data.closing)],
        recipients=[r for r in data.recipients if r], title=data.title,
        problems=list(data.problems),
    )
    doc.appendices.append(Appendix("Phụ lục", data.appendix_title,
                                   f"(Kèm theo {own_citation(doc)})",
                                   [progress_table(data.progress)]))
    return doc


def render_period(data: PeriodDocument, path: Path, draft: bool = False) -> Path:
    """Save the period report as .pdf or .docx (by the extension); return its path."""
    return save_document(period_document(data), path, draft)
