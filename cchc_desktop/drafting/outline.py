"""The báo cáo as printed: the outline of parts I–V, each section the officer's words or the draft.

draft_report() drafts every section from the register (facts → drafters) and lays the
officer's stored text over it. printed() drops what has nothing to say and numbers the rest, so
an area without data is never printed as an empty heading (the editor says so instead).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from cchc_desktop.drafting import areas, assessment, outlook
from cchc_desktop.drafting.facts import PeriodFacts, collect_facts
from cchc_desktop.drafting.model import (
    CAUSES,
    DIRECTION,
    INTRO,
    NEXT,
    OTHER,
    PROPOSALS,
    STRENGTHS,
    WEAKNESSES,
    SectionDraft,
)
from cchc_desktop.drafting.texts import stored_texts
from cchc_desktop.plans.models import AREAS
from cchc_desktop.register.connection import Register

ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII")
PART_TITLES = {
    DIRECTION: "Công tác chỉ đạo, điều hành cải cách hành chính",
    "results": "Kết quả thực hiện các nhiệm vụ cải cách hành chính",
    "assessment": "Đánh giá chung",
    NEXT: "Phương hướng, nhiệm vụ trọng tâm kỳ tới",
    PROPOSALS: "Đề xuất, kiến nghị",
}
OTHER_TITLE = "Các nhiệm vụ khác"


@dataclass
class ReportSection:
    """A section: its draft, and the officer's text when they wrote one."""

    draft: SectionDraft
    written: str | None = None

    @property
    def key(self) -> str:
        """Return the section's key in the register."""
        return self.draft.key

    @property
    def title(self) -> str:
        """Return the section's title."""
        return self.draft.title

    @property
    def edited(self) -> bool:
        """Tell whether the officer's words replace the draft."""
        return self.written is not None

    @property
    def text(self) -> str:
        """Return the text that prints (one paragraph per line)."""
        return self.written if self.written is not None else self.draft.text

    @property
    def paragraphs(self) -> list[str]:
        """Return the paragraphs that print."""
        return [" ".join(line.split()) for line in self.text.splitlines() if line.strip()]


@dataclass
class ReportPart:
    """A part of the outline (I…V) and its sections."""

    key: str
    title: str
    sections: list[ReportSection]


@dataclass
class PrintedPart:
    """A part as printed: "II. KẾT QUẢ …" and its (numbered) sections with paragraphs."""

    heading: str
    sections: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass
class PeriodReport:
    """The báo cáo of a plan and period: the opening, the parts, and the facts behind them."""

    facts: PeriodFacts
    intro: ReportSection
    parts: list[ReportPart]

    def sections(self) -> list[ReportSection]:
        """Return every section in order, the opening first."""
        return [self.intro, *(s for part in self.parts for s in part.sections)]

    def section(self, key: str) -> ReportSection:
        """Return the section with a key."""
        return next(s for s in self.sections() if s.key == key)

    def printed(self) -> list[PrintedPart]:
        """Return the parts that have something to print, numbered I, II… and 1, 2…."""
        result: list[PrintedPart] = []
        for part in self.parts:
            filled = [s for s in part.sections if s.paragraphs]
            if not filled:
                continue
            printed = PrintedPart(f"{ROMANS[len(result)]}. {part.title.upper()}")
            single = len(part.sections) == 1
            for index, section in enumerate(filled, start=1):
                title = "" if single else f"{index}. {section.title}"
                printed.sections.append((title, section.paragraphs))
            result.append(printed)
        return result


def _area_drafts(facts: PeriodFacts) -> list[SectionDraft]:
    """Draft the six areas of NQ 76, then the tasks outside them (when there are any)."""
    drafts = [areas.area_section(facts, key, AREAS[key]) for key in areas.AREA_KEYS]
    if any(s.area is None or s.area not in AREAS for s in facts.states):
        drafts.append(areas.area_section(facts, OTHER, OTHER_TITLE))
    return drafts


DRAFTERS: dict[str, Callable[[PeriodFacts], SectionDraft]] = {
    INTRO: outlook.intro, DIRECTION: areas.direction_section, STRENGTHS: assessment.strengths,
    WEAKNESSES: assessment.weaknesses, CAUSES: assessment.causes, NEXT: outlook.next_steps,
    PROPOSALS: outlook.proposals,
}


def draft_sections(facts: PeriodFacts) -> list[SectionDraft]:
    """Draft every section from the facts, in the order of the outline."""
    fixed = {key: drafter(facts) for key, drafter in DRAFTERS.items()}
    return [fixed[INTRO], fixed[DIRECTION], *_area_drafts(facts), fixed[STRENGTHS],
            fixed[WEAKNESSES], fixed[CAUSES], fixed[NEXT], fixed[PROPOSALS]]


def _parts(sections: dict[str, ReportSection]) -> list[ReportPart]:
    """Group the sections into parts I–V."""
    area_keys = [k for k in sections if k in AREAS or k == OTHER]
    area_keys = [k for k in area_keys if k != DIRECTION]
    groups = [(DIRECTION, [DIRECTION]), ("results", area_keys),
              ("assessment", [STRENGTHS, WEAKNESSES, CAUSES]), (NEXT, [NEXT]),
              (PROPOSALS, [PROPOSALS])]
    return [ReportPart(key, PART_TITLES[key], [sections[k] for k in keys]) for key, keys in groups]


def draft_report(register: Register, plan_id: int, period_code: str,
                 today: date | None = None) -> PeriodReport:
    """Draft the báo cáo of a period and lay the officer's stored words over the drafts."""
    facts = collect_facts(register, plan_id, period_code, today or date.today())
    written = stored_texts(register, plan_id, facts.period.code)
    sections = {d.key: ReportSection(d, written.get(d.key)) for d in draft_sections(facts)}
    intro = sections.pop(INTRO)
    return PeriodReport(facts, intro, _parts(sections))
