"""What the report dialog offers: the periods of a plan's year and a file name for each report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from cchc_desktop.register.connection import Register
from cchc_desktop.reports.common import load_context
from cchc_desktop.reports.period import default_period
from cchc_desktop.schedule.periods import periods_of_year
from cchc_desktop.text.folding import fold


@dataclass(frozen=True)
class PeriodChoice:
    """A reporting period as the dialog lists it ("2021-9M", "9 tháng năm 2021"): the same name
    as in the main window and every period box (ReportingPeriod.title); the report itself keeps
    its formal wording ("9 tháng đầu năm 2021", reports.period.period_phrase)."""

    code: str
    label: str


def period_choices(
    register: Register, plan_id: int, today: date
) -> tuple[list[PeriodChoice], str]:
    """Return the periods of the plan's year and the code to select first."""
    ctx = load_context(register, plan_id)
    default = default_period(ctx, today)
    year = ctx.plan.year or default.year
    choices = [PeriodChoice(p.code, p.title) for p in periods_of_year(year)]
    if default.code not in {c.code for c in choices}:
        choices.append(PeriodChoice(default.code, default.title))
    return choices, default.code


def _slug(text: str) -> str:
    """Return text folded to ASCII words joined by hyphens ("1034/KH-TTr" → "1034-kh-ttr")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def suggested_file_name(register: Register, plan_id: int, kind: str,
                        period_code: str | None, today: date, suffix: str = ".pdf") -> str:
    """Return a file name for a report ("ke-hoach-1034-kh-ttr.pdf"; suffix ".docx" for Word)."""
    if kind == "plan":
        number = load_context(register, plan_id).plan.number
        return f"ke-hoach-{_slug(number)}{suffix}" if _slug(number) else f"ke-hoach{suffix}"
    if kind == "period":
        return f"bao-cao-cchc-{_slug(period_code or today.isoformat())}{suffix}"
    return f"nhiem-vu-cham-tien-do-{today.isoformat()}{suffix}"
