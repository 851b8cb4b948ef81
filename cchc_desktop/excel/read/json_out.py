"""The `import --json` form of a parsed appendix (the contract in DESIGN.md)."""

from __future__ import annotations

from typing import Any

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedTask
from cchc_desktop.schedule.phrases import parse_timeframe


def appendix_to_json(parsed: ParsedAppendix) -> dict[str, Any]:
    """Return what was read as the JSON-ready dict printed by `import --json`."""
    year = parsed.hints.year
    hints = parsed.hints
    return {
        "sheet": parsed.sheet,
        "plan": {
            "title": hints.title,
            "number": hints.number,
            "issued_on": hints.issued_on,
            "issuer": hints.issuer,
            "year": year,
        },
        "sections": [{"code": s.code, "title": s.title} for s in parsed.sections],
        "groups": [
            {"section": g.section, "number": g.number, "title": g.title} for g in parsed.groups
        ],
        "tasks": [_task_json(task, year) for task in parsed.tasks],
        "total_budget_million_vnd": parsed.total_budget,
        "declared_total_million_vnd": parsed.declared_total,
        "amount_in_words": parsed.amount_in_words,
        "warnings": [warning.to_json() for warning in parsed.warnings],
    }


def _task_json(task: ParsedTask, year: int | None) -> dict[str, Any]:
    """Return one task's JSON object, with its schedule kind and due date."""
    kind, due = _schedule(task.timeframe, year)
    data: dict[str, Any] = {
        "number": task.number,
        "section": task.section,
        "group": task.group,
        "content": task.content,
        "result": task.result,
        "lead_units": task.lead_units,
        "partner_units": task.partner_units,
        "timeframe": task.timeframe,
        "budget_million_vnd": task.budget_million_vnd,
        "schedule": kind,
        "due": due,
    }
    if task.notes:
        data["notes"] = task.notes
    return data


def _schedule(timeframe: str, year: int | None) -> tuple[str, str | None]:
    """Ask the schedule module what a timeframe phrase means."""
    try:
        schedule = parse_timeframe(timeframe, year)
    except Exception:  # a phrase from an untrusted file must never end in a traceback
        return "unknown", None
    due = schedule.due.isoformat() if schedule.due is not None else None
    return schedule.kind, due
