"""Keep the tasks' stored positions in the order the appendix prints them.

Lists read tasks by position (task_states: the báo cáo, the exports, the return templates); the
window reads the outline (sections in their order, then each section's loose tasks and groups
by position). Moving a section or a group changes the outline but not its tasks' positions, so
after such a move every position is rewritten from the row's place in the outline (in steps of
10, as tasks are added, so inserting still finds room).
"""

from __future__ import annotations

from cchc_desktop.plans.outline import load_outline
from cchc_desktop.register.connection import Register

STEP = 10  # as services.POSITION_STEP


def resequence(register: Register, plan_id: int) -> None:
    """Give every task and group of the plan a position from its row's place in the outline
    (inside the caller's transaction; rows already in place are not written)."""
    keys = load_outline(register, plan_id).keys
    tasks = [(STEP * p, key, STEP * p) for p, key in enumerate(keys, 1) if key > 0]
    groups = [(STEP * p, -key // 2, STEP * p) for p, key in enumerate(keys, 1)
              if key < 0 and key % 2 == 0]
    conn = register.db.conn
    conn.executemany("UPDATE tasks SET position = ? WHERE id = ? AND position IS NOT ?", tasks)
    conn.executemany("UPDATE task_groups SET position = ? WHERE id = ? AND position IS NOT ?",
                     groups)
