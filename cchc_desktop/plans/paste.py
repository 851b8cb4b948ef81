"""Rows copied from Excel (tab-separated text on the clipboard) read as new tasks.

Columns are recognised by meaning, as the appendix reader does (classify_label: "Nội dung",
"Đơn vị chủ trì", "Thời gian hoàn thành"…). Without a header row, the appendix's own column
order is assumed (TT when the first cell looks like a number, then Nội dung, Sản phẩm, Chủ trì,
Phối hợp, Thời gian, Kinh phí, Ghi chú). Rows without content are left out with a warning
naming the row; a budget that is not a number is left empty with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from cchc_desktop.excel.read import headers as h
from cchc_desktop.excel.read.amounts import parse_budget
from cchc_desktop.plans import services, structure, unit_edits
from cchc_desktop.plans.models import TaskDraft
from cchc_desktop.plans.units import UnitIndex, split_unit_names
from cchc_desktop.register.connection import Register
from cchc_desktop.text.folding import fold
from cchc_desktop.text.tables import from_tsv

FIELDS = {h.NUMBER: "number", h.CONTENT: "content", h.RESULT: "result", h.LEAD: "lead_text",
          h.PARTNER: "partner_text", h.TIMEFRAME: "timeframe", h.BUDGET: "budget_million_vnd",
          h.NOTES: "notes"}
ORDER = [h.NUMBER, h.CONTENT, h.RESULT, h.LEAD, h.PARTNER, h.TIMEFRAME, h.BUDGET, h.NOTES]
_NUMBER_RE = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*|[IVXLC]+|[a-zđ])\.?$", re.IGNORECASE)


@dataclass
class PastedTasks:
    """What the pasted rows give: the tasks, which column means what, and warnings."""

    drafts: list[TaskDraft] = field(default_factory=list)
    columns: dict[str, int] = field(default_factory=dict)  # reader key -> column index
    header: bool = False
    warnings: list[str] = field(default_factory=list)


def _columns(rows: list[list[str]]) -> tuple[dict[str, int], bool]:
    """Return (key -> column, whether the first row is a header)."""
    found: dict[str, int] = {}
    for index, text in enumerate(rows[0]):
        key = h.classify_label(text)
        if key is not None and key not in found:
            found[key] = index
    if h.CONTENT in found:
        return found, True
    width = max(len(r) for r in rows)
    first = rows[0][0].strip() if rows[0] else ""
    keys = ORDER if width > 1 and _NUMBER_RE.match(first) else ORDER[1:]
    return {key: index for index, key in enumerate(keys[:width])}, False


def _draft(row: list[str], columns: dict[str, int], line: int,
           warnings: list[str]) -> TaskDraft | None:
    """Return the task of one pasted row (None when it has no content)."""
    values = {FIELDS[k]: (row[i].strip() if i < len(row) else "") for k, i in columns.items()}
    if not values.get("content"):
        if any(values.values()):
            warnings.append(f"Dòng {line}: không có nội dung nhiệm vụ, bỏ qua.")
        return None
    budget_text = str(values.pop("budget_million_vnd", "") or "")
    budget, understood = parse_budget(budget_text) if budget_text else (None, True)
    if not understood:
        warnings.append(f"Dòng {line}, cột Kinh phí: '{budget_text}' không phải số, để trống.")
        budget = None
    return TaskDraft(budget_million_vnd=budget, **values)


def read_pasted_tasks(text: str) -> PastedTasks:
    """Read tab-separated rows copied from Excel as tasks (nothing is written)."""
    rows = [r for r in from_tsv(text) if any(c.strip() for c in r)]
    result = PastedTasks()
    if not rows:
        result.warnings.append("Bộ nhớ tạm không có dòng nào. Hãy chọn các dòng trong Excel rồi "
                               "chép (Ctrl+C).")
        return result
    result.columns, result.header = _columns(rows)
    for offset, row in enumerate(rows[1:] if result.header else rows):
        draft = _draft(row, result.columns, offset + (2 if result.header else 1), result.warnings)
        if draft is not None:
            result.drafts.append(draft)
    return result


# Adding the pasted tasks (one transaction), taking them away and putting them back -------------


def new_unit_names(register: Register, drafts: list[TaskDraft]) -> list[str]:
    """Return the unit names in the pasted Chủ trì/Phối hợp that the directory does not know
    (they would be added as new units), each once, in order."""
    index = UnitIndex(register.db)
    found: dict[str, str] = {}
    for draft in drafts:
        for text in (draft.lead_text, draft.partner_text):
            for name in split_unit_names(text):
                if index.find(name) is None:
                    found.setdefault(fold(name), name)
    return list(found.values())


def add_pasted(register: Register, plan_id: int, drafts: list[TaskDraft],
               section_id: int | None, group_id: int | None,
               after_task_id: int | None) -> tuple[list[int], list[int]]:
    """Add the pasted tasks in order after a task (or at the end of the group), each numbered
    as an inserted task (a plan that keeps its printed numbers keeps a pasted TT); return the
    new tasks' ids and the ids of the units their texts added to the directory."""
    keep = structure.keeps_numbers(register, plan_id)
    with register.transaction() as db:
        known = {r[0] for r in db.execute("SELECT id FROM units")}
        ids: list[int] = []
        after = after_task_id
        for draft in drafts:
            after = structure.add_task(register, plan_id, draft if keep else replace(
                draft, number=""), section_id, group_id, after)
            ids.append(after)
        units = [r[0] for r in db.execute("SELECT id FROM units ORDER BY id") if r[0] not in known]
    return ids, units


def remove_pasted(register: Register, task_ids: list[int], unit_ids: list[int]
                  ) -> dict[str, Any]:
    """Take the pasted tasks away, and the units they added that nothing else names now;
    return what restore_pasted puts back."""
    with register.transaction():
        tasks = [services.delete_task(register, t) for t in task_ids]
        units = [unit_edits.delete_unit(register, u) for u in unit_ids
                 if not unit_edits.unit_used(register, u)]
    return {"tasks": tasks, "units": units}


def restore_pasted(register: Register, snapshot: dict[str, Any]) -> None:
    """Put back what remove_pasted took away (units first: the tasks name them)."""
    with register.transaction():
        for unit in snapshot["units"]:
            unit_edits.restore_unit(register, unit)
        for task in snapshot["tasks"]:
            services.restore_task(register, task)
