"""What the table shows: a plan's outline narrowed by filters and search, or sorted flat.

No Qt here: the window feeds filters in and gets row keys and counts out, so the logic is
tested (and benchmarked) without widgets. Reads go through cchc_desktop.queries/outline.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from cchc_desktop.plans.outline import Outline, load_outline
from cchc_desktop.plans.queries import matching_ids, sorted_task_ids, typing_query, unit_task_ids
from cchc_desktop.register.db import Register
from ui.register.task_table_model import TaskStatus

_SEARCH_CACHE = 16
_STATE_SORTS = ("status", "due", "progress")


@dataclass(frozen=True)
class Filters:
    """The officer's filters; empty values mean "all"."""

    text: str = ""
    section_id: int | None = None
    unit_id: int | None = None
    unit_role: str | None = None  # "lead", "partner" or None (either)
    status: str | None = None
    overdue: bool = False

    def active(self) -> bool:
        """Tell whether anything narrows the view."""
        return self != replace(Filters(), text=self.text) or bool(typing_query(self.text))


@dataclass(frozen=True)
class Counts:
    """Counts for the status bar (done and overdue are None until states are known)."""

    tasks: int
    total: int
    done: int | None = None
    overdue: int | None = None


class AppendixView:
    """The row keys of one plan under the current filters and sort order."""

    def __init__(self, register: Register) -> None:
        self.register = register
        self.plan_id: int | None = None
        self.outline = Outline()
        self.filters = Filters()
        self.sort_column: str | None = None  # a queries.SORT_COLUMNS key, or None: appendix
        self.descending = False
        self.states: dict[int, TaskStatus] | None = None
        self.search_terms: list[str] = []
        self._searches: OrderedDict[str, set[int]] = OrderedDict()
        self._sorted: dict[tuple[str, bool], list[int]] = {}
        self._allowed: set[int] | None = None
        self._done: set[int] = set()
        self._overdue: set[int] = set()

    def load(self, plan_id: int | None) -> None:
        """Read a plan's outline (after switching plans or a change of structure)."""
        self.plan_id = plan_id
        self.outline = load_outline(self.register, plan_id) if plan_id is not None else Outline()
        self.data_changed()

    def data_changed(self) -> None:
        """Forget cached searches and sort orders (task text changed)."""
        self._searches.clear()
        self._sorted.clear()

    def set_states(self, states: dict[int, TaskStatus] | None) -> None:
        """Use the tasks' states in the chosen period (None while being computed)."""
        self.states = states
        self._done = {t for t, s in (states or {}).items() if s.done}
        self._overdue = {t for t, s in (states or {}).items() if s.overdue}
        self._sorted = {k: v for k, v in self._sorted.items() if k[0] not in _STATE_SORTS}

    # Computing the view ------------------------------------------------------------------------

    def keys(self) -> list[int]:
        """Return the row keys to show under the filters and sort order."""
        allowed = self._allowed_tasks()
        self._allowed = allowed
        section = self.filters.section_id
        if self.sort_column is None:
            return self.outline.view(allowed, section)
        ordered = self._sorted_ids()
        if section is not None:
            low, high = self.outline.section_spans.get(section, (0, 0))
            in_section = set(self.outline.task_at[low:high])
            allowed = in_section if allowed is None else allowed & in_section
        return ordered if allowed is None else list(filter(allowed.__contains__, ordered))

    def _allowed_tasks(self) -> set[int] | None:
        """Intersect the task sets of the active filters (None: every task)."""
        sets: list[set[int]] = []
        query = typing_query(self.filters.text)
        self.search_terms = [t.strip('"*') for t in query.split()]
        if query:
            sets.append(self._search(query))
        if self.filters.unit_id is not None and self.plan_id is not None:
            sets.append(unit_task_ids(self.register, self.plan_id, self.filters.unit_id,
                                      self.filters.unit_role))
        if self.states is not None and (self.filters.status or self.filters.overdue):
            sets.append({t for t, s in self.states.items() if self._state_matches(s)})
        if not sets:
            return None
        sets.sort(key=len)
        allowed = sets[0]
        for other in sets[1:]:
            allowed = allowed & other
        return allowed

    def _state_matches(self, state: TaskStatus) -> bool:
        """Tell whether a task's state passes the status and overdue filters."""
        wanted = self.filters.status
        return (not wanted or state.status == wanted) and (not self.filters.overdue
                                                           or state.overdue)

    def _search(self, query: str) -> set[int]:
        """Return the tasks matching an FTS query (recent queries are remembered)."""
        found = self._searches.get(query)
        if found is None:
            found = matching_ids(self.register, query)
        self._searches[query] = found
        self._searches.move_to_end(query)
        if len(self._searches) > _SEARCH_CACHE:
            self._searches.popitem(last=False)
        return found

    def _sorted_ids(self) -> list[int]:
        """Return every task of the plan in the sort order (remembered until data changes)."""
        assert self.sort_column is not None
        key = (self.sort_column, self.descending)
        if key not in self._sorted:
            if self.plan_id is None:
                self._sorted[key] = []
            elif self.sort_column in _STATE_SORTS:
                self._sorted[key] = self._sorted_by_state(self.sort_column)
            else:
                self._sorted[key] = sorted_task_ids(self.register, self.plan_id,
                                                    self.sort_column, self.descending)
        return self._sorted[key]

    def _sorted_by_state(self, column: str) -> list[int]:
        """Sort tasks by status, due date or percent (unknown values last)."""
        states = self.states or {}
        tasks = self.outline.task_ids
        if column == "status":
            def status_key(t: int) -> str:
                state = states.get(t)
                return "0" if state and state.overdue else (state.label if state else "~")
            return sorted(tasks, key=status_key, reverse=self.descending)
        attr = "due" if column == "due" else "percent"
        known = [t for t in tasks if getattr(states.get(t), attr, None) is not None]
        have = set(known)
        known.sort(key=lambda t: getattr(states[t], attr), reverse=self.descending)
        return known + [t for t in tasks if t not in have]

    # Counts ----------------------------------------------------------------------------------

    def counts(self, keys: list[int], headings: int) -> Counts:
        """Return the status-bar counts of the shown tasks (keys holding `headings` headings)."""
        shown = len(keys) - headings
        total = self.outline.task_count()
        if self.states is None:
            return Counts(shown, total)
        done, overdue = self._done, self._overdue
        if shown != total:
            visible = set(keys) if self.filters.section_id is not None or (
                self._allowed is None) else self._allowed
            done &= visible
            overdue &= visible
        return Counts(shown, total, len(done), len(overdue))
