"""A drafted section of the báo cáo: its key in the register, heading, paragraphs, where from."""

from __future__ import annotations

from dataclasses import dataclass, field

INTRO = "intro"
DIRECTION = "direction"
STRENGTHS = "strengths"
WEAKNESSES = "weaknesses"
CAUSES = "causes"
NEXT = "next"
PROPOSALS = "proposals"
OTHER = "other"
# The officer's "đánh giá chung" of earlier versions is shown as their Ưu điểm.
LEGACY = {"overview": STRENGTHS}


@dataclass
class SectionDraft:
    """One section as drafted from the register.

    paragraphs are printed (when the officer has not written their own); sources are the data
    lines the draft came from, shown beside it in the editor; notes speak to the officer only
    (a section with no data says so here, never in the printed text).
    """

    key: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """Return the paragraphs as the editor shows them (one per line)."""
        return "\n".join(self.paragraphs)


@dataclass
class Part:
    """A numbered part of the báo cáo (I…V) with its sections (one when it has no subsections)."""

    title: str
    sections: list[SectionDraft]
    numbered: bool = True
