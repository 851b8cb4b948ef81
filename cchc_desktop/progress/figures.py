"""One source of truth for the figures an officer reads: tasks, done, in progress, overdue…

The status bar, the dashboard, the period report and the Excel export all count through
count_figures, over the states of progress.states.task_states, for the same tasks (select_tasks:
search, lĩnh vực, đơn vị, vai trò, trạng thái, quá hạn), the same period and the same cut-off
date (cutoff_for). So the same filter and period give the same numbers in every window.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from cchc_desktop.plans.outline import Outline, load_outline
from cchc_desktop.plans.queries import matching_ids, typing_query, unit_task_ids
from cchc_desktop.progress.states import NO_REPORT, NO_REPORT_LABEL, SHOWN_LABELS, task_states
from cchc_desktop.register.connection import Register
from cchc_desktop.schedule.lateness import (
    DEFERRED,
    DONE,
    DONE_LATE,
    DONE_STATUSES,
    IN_PROGRESS,
    NOT_DONE,
    NOT_STARTED,
    STATUS_LABELS,
)
from cchc_desktop.schedule.periods import parse_period_code
from cchc_desktop.text.numbers import format_count, format_percent

# The "Trạng thái" filter's choices: code -> (label, the states it lists). Each choice lists
# exactly the tasks one figure counts: "Hoàn thành" the done ones, on time or late (the
# "hoàn thành" figure), "Chưa có báo cáo" those nobody reported on in the period.
STATUS_CHOICES: dict[str, tuple[str, frozenset[str]]] = {
    NOT_STARTED: (STATUS_LABELS[NOT_STARTED], frozenset({NOT_STARTED})),
    IN_PROGRESS: (STATUS_LABELS[IN_PROGRESS], frozenset({IN_PROGRESS})),
    DONE: ("Hoàn thành (kể cả trễ hạn)", DONE_STATUSES),
    DONE_LATE: (STATUS_LABELS[DONE_LATE], frozenset({DONE_LATE})),
    NOT_DONE: (STATUS_LABELS[NOT_DONE], frozenset({NOT_DONE})),
    DEFERRED: (STATUS_LABELS[DEFERRED], frozenset({DEFERRED})),
    NO_REPORT: (NO_REPORT_LABEL, frozenset({NO_REPORT})),
}


class StateLike(Protocol):
    """What counting needs of a task's state (progress TaskState or the table's TaskStatus)."""

    @property
    def status(self) -> str: ...  # noqa: D102

    @property
    def overdue(self) -> bool: ...  # noqa: D102


@dataclass(frozen=True)
class Filters:
    """The officer's filters in the register window; empty values mean "all"."""

    text: str = ""
    section_id: int | None = None
    unit_id: int | None = None
    unit_role: str | None = None  # "lead", "partner" or None (either)
    status: str | None = None
    overdue: bool = False

    def active(self) -> bool:
        """Tell whether anything narrows the view."""
        return self != replace(Filters(), text=self.text) or bool(typing_query(self.text))

    def by_state(self) -> bool:
        """Tell whether the filters need the tasks' states (status or overdue)."""
        return bool(self.status) or self.overdue


@dataclass(frozen=True)
class Figures:
    """Counts of the tasks selected in a period (counts by status are None until known)."""

    tasks: int
    total: int
    by_status: Mapping[str, int] | None = None
    overdue: int | None = None
    known: bool = field(default=False)

    def _of(self, *codes: str) -> int:
        """Count the selected tasks in any of these statuses."""
        return sum((self.by_status or {}).get(code, 0) for code in codes)

    @property
    def done(self) -> int:
        """Tasks done, on time or late."""
        return self._of(DONE, DONE_LATE)

    @property
    def done_late(self) -> int:
        """Tasks done after their due date."""
        return self._of(DONE_LATE)

    @property
    def in_progress(self) -> int:
        """Tasks under way."""
        return self._of(IN_PROGRESS)

    @property
    def not_started(self) -> int:
        """Tasks not started."""
        return self._of(NOT_STARTED)

    @property
    def no_report(self) -> int:
        """Tasks nobody has reported on."""
        return self._of(NO_REPORT)

    @property
    def not_done(self) -> int:
        """Tasks the officer marked as not to be done."""
        return self._of(NOT_DONE)

    @property
    def deferred(self) -> int:
        """Tasks moved to the next period."""
        return self._of(DEFERRED)

    @property
    def percent_done(self) -> float:
        """Share of the selected tasks done, in percent."""
        return 100.0 * self.done / self.tasks if self.tasks else 0.0

    def text(self) -> str:
        """Say the figures in one line: "12 nhiệm vụ (trên 53) · 3 hoàn thành · 10 quá hạn"."""
        parts = [f"{format_count(self.tasks)} nhiệm vụ"]
        if self.tasks != self.total:
            parts[0] += f" (trên {format_count(self.total)})"
        if self.known:
            parts += [f"{format_count(self.done)} hoàn thành",
                      f"{format_count(self.overdue or 0)} quá hạn"]
        return " · ".join(parts)

    def sentence(self) -> str:
        """Say the figures as a sentence (Excel foot, report)."""
        line = (f"Tổng số: {format_count(self.tasks)} nhiệm vụ; hoàn thành: "
                f"{format_count(self.done)} (trễ hạn: {format_count(self.done_late)}); "
                f"đang thực hiện: {format_count(self.in_progress)}; chưa thực hiện: "
                f"{format_count(self.not_started)}; chưa có báo cáo: "
                f"{format_count(self.no_report)}; ")
        for count, label in ((self.not_done, "không thực hiện"), (self.deferred, "chuyển kỳ sau")):
            line += f"{label}: {format_count(count)}; " if count else ""
        return line + (f"quá hạn: {format_count(self.overdue or 0)}; tỷ lệ hoàn thành: "
                       f"{format_percent(self.percent_done)}.")


# Each state a task can be shown in as one byte (1, 2, …), with OVERDUE_BIT added when overdue:
# a view of 100,000 tasks is counted with bytes.count, at C speed.
STATE_CODES: dict[str, int] = {status: code for code, status in enumerate(SHOWN_LABELS, 1)}
OVERDUE_BIT = 0x80


def state_code(state: StateLike) -> int:
    """Return the byte a task's state is counted by (0 for no task)."""
    return STATE_CODES[state.status] | (OVERDUE_BIT if state.overdue else 0)


def count_figures(states: Mapping[int, StateLike] | None, ids: Iterable[int] | None,
                  total: int, shown: int | None = None) -> Figures:
    """Count the tasks `ids` (None: every task in states) by status and overdue.

    `shown` is the number of tasks selected when it is known without the states (the view
    counts its rows); without states only that number and the total are known.
    """
    if states is None:
        return Figures(shown if shown is not None else len(list(ids or ())), total)
    chosen = states.values() if ids is None else map(
        states.__getitem__, filter(states.__contains__, ids))
    return count_codes(bytes(map(state_code, chosen)), total, shown)


def count_codes(codes: bytes, total: int, shown: int | None = None) -> Figures:
    """Count tasks given as their state_code bytes (0 bytes are no task): what count_figures
    and the register window's status bar count with."""
    by_status = {status: codes.count(code) + codes.count(code | OVERDUE_BIT)
                 for status, code in STATE_CODES.items()}
    by_status = {status: count for status, count in by_status.items() if count}
    overdue = sum(codes.count(code | OVERDUE_BIT) for code in STATE_CODES.values())
    tasks = shown if shown is not None else sum(by_status.values())
    return Figures(tasks, total, by_status, overdue, True)


def cutoff_for(period_code: str, today: date) -> date:
    """Return the day the figures of a period are counted on: today, or the period's last day
    when it has ended (a past period is judged as it stood when it closed)."""
    return min(today, parse_period_code(period_code).end)


def select_tasks(register: Register, plan_id: int, filters: Filters, outline: Outline,
                 states: Mapping[int, StateLike] | None,
                 search: Callable[[str], set[int]] | None = None,
                 with_section: bool = True) -> set[int] | None:
    """Return the plan's tasks passing the filters (None: every task, nothing narrows).

    The status and overdue filters need the states (ignored while they are None); `search`
    runs an FTS query (the view passes its cache); `with_section` adds the lĩnh vực filter.
    """
    sets: list[Collection[int]] = []
    query = typing_query(filters.text)
    if query:
        sets.append((search or (lambda q: matching_ids(register, q)))(query))
    if filters.unit_id is not None:
        sets.append(unit_task_ids(register, plan_id, filters.unit_id, filters.unit_role))
    if states is not None and filters.by_state():
        sets.append({t for t, s in states.items() if state_matches(filters, s)})
    if with_section and filters.section_id is not None:
        low, high = outline.section_spans.get(filters.section_id, (0, 0))
        sets.append(set(filter(None, outline.task_at[low:high])))
    if not sets:
        return None
    sets.sort(key=len)
    if len(sets) == 1 and isinstance(sets[0], set):
        return sets[0]  # may be the caller's remembered search: read it, never change it
    allowed = set(sets[0])
    for other in sets[1:]:
        allowed.intersection_update(other)
    return allowed


def state_matches(filters: Filters, state: StateLike) -> bool:
    """Tell whether a task's state passes the status and overdue filters (a status choice of
    STATUS_CHOICES lists the states it names; any other code, that state)."""
    wanted = filters.status
    listed = STATUS_CHOICES[wanted][1] if wanted in STATUS_CHOICES else frozenset({wanted})
    return (not wanted or state.status in listed) and (not filters.overdue or state.overdue)


def plan_figures(register: Register, plan_id: int, period_code: str, today: date,
                 filters: Filters | None = None) -> Figures:
    """Return the figures of a plan's tasks passing the filters, in a period, as of its
    cut-off day: what the status bar, the dashboard, the report and the export say."""
    states = {s.task.id: s for s in task_states(register, plan_id, period_code,
                                                cutoff_for(period_code, today))}
    return figures_of_states(register, plan_id, states, filters or Filters())


def figures_of_states(register: Register, plan_id: int, states: Mapping[int, StateLike],
                      filters: Filters) -> Figures:
    """Count computed states (by task id, in appendix order) under the filters."""
    return count_figures(states, chosen_ids(register, plan_id, states, filters), len(states))


def chosen_ids(register: Register, plan_id: int, states: Mapping[int, StateLike],
               filters: Filters) -> list[int] | None:
    """Return the ids of the states passing the filters, in order (None: all of them)."""
    outline = load_outline(register, plan_id) if filters.section_id is not None else Outline()
    chosen = select_tasks(register, plan_id, filters, outline, states)
    return None if chosen is None else [t for t in states if t in chosen]
