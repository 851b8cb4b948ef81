"""What the table shows: a plan's outline narrowed by filters and search, or sorted flat.

No Qt here: the window feeds filters in and gets row keys and counts out, so the logic is
tested (and benchmarked) without widgets. Reads go through cchc_desktop.queries/outline.
"""

from __future__ import annotations

from collections import OrderedDict
from itertools import compress

from cchc_desktop.plans.outline import Outline, load_outline
from cchc_desktop.plans.queries import (
    matching_ids,
    matching_ids_between,
    sorted_task_ids,
    typing_query,
)
from cchc_desktop.progress.figures import (
    Figures,
    Filters,
    count_codes,
    count_figures,
    select_tasks,
    state_code,
)
from cchc_desktop.register.connection import Register
from ui.register.task_table_model import TaskStatus

_SEARCH_CACHE = 16
_FIRST_CHUNK = 256  # plan positions searched first for the top of the view
_FIRST_LIMIT = 16_384  # beyond this many positions the whole search is about as quick
_SCATTER = 8  # ids spread over more than 8× the tasks searched: the range reads too much
_STATE_SORTS = ("status", "due", "progress")


Counts = Figures  # the status bar's counts are the core's figures


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
        self._shown: tuple[list[int], bytearray] | None = None  # last keys() and their flags
        self._codes: bytes | None = None  # state_code at each outline position (0: heading)

    def load(self, plan_id: int | None) -> None:
        """Read a plan's outline (after switching plans or a change of structure)."""
        self.plan_id = plan_id
        self.outline = load_outline(self.register, plan_id) if plan_id is not None else Outline()
        self._codes = self._shown = None
        self.data_changed()

    def data_changed(self) -> None:
        """Forget cached searches and sort orders (task text changed)."""
        self._searches.clear()
        self._sorted.clear()

    def set_states(self, states: dict[int, TaskStatus] | None) -> None:
        """Use the tasks' states in the chosen period (None while being computed)."""
        self.states = states
        self._codes = None
        self._sorted = {k: v for k, v in self._sorted.items() if k[0] not in _STATE_SORTS}

    # Computing the view ------------------------------------------------------------------------

    def keys(self) -> list[int]:
        """Return the row keys to show under the filters and sort order."""
        allowed = self._allowed_tasks()
        section = self.filters.section_id
        self._shown = None
        if self.sort_column is None:
            keys, flags = self.outline.view_with_flags(allowed, section)
            if flags is not None:
                self._shown = (keys, flags)
            return keys
        ordered = self._sorted_ids()
        if section is not None:
            low, high = self.outline.section_spans.get(section, (0, 0))
            in_section = set(self.outline.task_at[low:high])
            allowed = in_section if allowed is None else allowed & in_section
        return ordered if allowed is None else list(filter(allowed.__contains__, ordered))

    def first_rows(self, wanted: int) -> list[int] | None:
        """Return the top of the view, holding at least `wanted` tasks (or every match), by
        searching only the top of the plan; None when only the whole view will do: sorted, a
        filter other than search and lĩnh vực, ids scattered.

        The rows are the first rows keys() gives (a heading whose matches all lie further down
        comes with the whole view); the window shows them at once and the whole view after.
        """
        query = typing_query(self.filters.text)
        narrow = self.filters.unit_id is not None or self.filters.by_state()
        if self.plan_id is None or self.sort_column or narrow or not query:
            return None
        known = self._searches.get(query)
        low, high = self.outline.section_spans.get(self.filters.section_id, (0, 0)) if (
            self.filters.section_id is not None) else (0, len(self.outline.keys))
        found: set[int] = set()
        start, chunk = low, _FIRST_CHUNK
        while start < high and len(found) < wanted:
            if start - low > _FIRST_LIMIT:
                return None
            ids = set(filter(None, self.outline.task_at[start:min(start + chunk, high)]))
            if ids and max(ids) - min(ids) > _SCATTER * len(ids) + 64:
                return None
            if ids and known is not None:
                found |= known & ids
            elif ids:
                found |= matching_ids_between(self.register, query, min(ids), max(ids)) & ids
            start, chunk = start + chunk, chunk * 4
        self.search_terms = [t.strip('"*') for t in query.split()]
        return self.outline.view_between(found, low, min(start, high))

    def _allowed_tasks(self) -> set[int] | None:
        """Return the tasks passing every filter but the lĩnh vực (None: every task)."""
        query = typing_query(self.filters.text)
        self.search_terms = [t.strip('"*') for t in query.split()]
        if self.plan_id is None:
            return None
        return select_tasks(self.register, self.plan_id, self.filters, self.outline, self.states,
                            search=self._search, with_section=False)

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

    def counts(self, keys: list[int], headings: int) -> Figures:
        """Return the status-bar figures of the shown tasks (keys holding `headings` headings),
        counted by the core's count_codes like the dashboard, the report and the export."""
        shown = len(keys) - headings
        total = self.outline.task_count()
        if self.states is None:
            return count_figures(None, None, total, shown)
        codes = self._position_codes()
        if shown == total:
            return count_codes(codes, total, shown)
        if self._shown is not None and self._shown[0] is keys:
            return count_codes(bytes(compress(codes, self._shown[1])), total, shown)
        return count_figures(self.states, filter((0).__lt__, keys), total, shown)

    def heading_rows(self, keys: list[int]) -> list[int]:
        """Return the rows of keys() that hold headings."""
        flags = self._shown[1] if self._shown is not None and self._shown[0] is keys else None
        return self.outline.heading_rows(keys, flags)

    def _position_codes(self) -> bytes:
        """Return the state code at each outline position (tasks in the same state share
        their state, so each distinct state is coded once)."""
        if self._codes is None:
            states, coded = self.states or {}, dict[int, int]()
            codes = bytearray(len(self.outline.task_at))
            for position, task_id in enumerate(self.outline.task_at):
                state = states.get(task_id) if task_id else None
                if state is not None:
                    code = coded.get(id(state))
                    codes[position] = code if code is not None else coded.setdefault(
                        id(state), state_code(state))
            self._codes = bytes(codes)
        return self._codes
