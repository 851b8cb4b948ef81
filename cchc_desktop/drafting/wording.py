"""How the báo cáo says things: counts with denominators and percentages, tasks, dates, lists."""

from __future__ import annotations

from datetime import date

from cchc_desktop.inspections.one_stop import format_rate
from cchc_desktop.progress.documents import cite
from cchc_desktop.progress.states import TaskState
from cchc_desktop.text.folding import collapse_spaces, fold


def rate(part: int, whole: int) -> str:
    """Return a share as reports print it ("41,33%"; "0%" of nothing)."""
    return format_rate(100.0 * part / whole) if whole else "0%"


def ratio(part: int, whole: int, noun: str = "nhiệm vụ") -> str:
    """Return "31/75 nhiệm vụ, đạt 41,33%"."""
    return f"{part}/{whole} {noun}, đạt {rate(part, whole)}"


def day(value: date | None) -> str:
    """Return a date as reports cite it ("05/3/2021"; '' for None)."""
    return "" if value is None else f"{value.day:02d}/{value.month}/{value.year}"


def lower_first(text: str) -> str:
    """Lower the first letter unless the first word is an abbreviation or a name ("UBND")."""
    text = collapse_spaces(text)
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or any(ch.isdigit() for ch in first)):
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """Capitalise the first letter."""
    text = collapse_spaces(text)
    return text[:1].upper() + text[1:]


def bare(text: str) -> str:
    """Return text without spaces or closing punctuation at the end."""
    return collapse_spaces(text).rstrip(" .;,:")


def task_name(state: TaskState) -> str:
    """Return a task as a report names it: its content, trimmed."""
    return upper_first(bare(state.task.content))


def document_of(state: TaskState) -> str:
    """Cite the document a unit gave as evidence ("Báo cáo số 12/BC-TTr ngày 05/3/2021")."""
    title = "" if state.evidence_number else state.evidence.strip()
    return cite(state.evidence_number, state.evidence_date, title)


def result_words(state: TaskState) -> str:
    """Say what a unit reported for a task, in its own words, with its document."""
    if state.after_cutoff is not None:
        return (f"đến ngày chốt số liệu đang thực hiện (đơn vị báo cáo hoàn thành ngày "
                f"{day(state.after_cutoff)}, sau ngày chốt số liệu kỳ này)")
    said = bare(state.result_text)
    document = document_of(state)
    if document and state.evidence_number and state.evidence_number in said:
        document = ""
    if not said:
        if state.done:
            said = "đã hoàn thành" + (f" ngày {day(state.completed_on)}"
                                      if state.completed_on else "")
        elif state.percent:
            said = f"đang thực hiện, đạt khoảng {state.percent}%"
        else:
            said = "đang thực hiện"
    elif not state.done and state.percent and f"{state.percent}%" not in said:
        said = f"{lower_first(said)} (đạt khoảng {state.percent}%)"
    said = lower_first(said)
    return f"{said} ({document})" if document else said


def bullet(text: str) -> str:
    """Return a list item as reports write them ("- …;" closed by the caller)."""
    return f"- {upper_first(bare(text))}"


def close_list(items: list[str]) -> list[str]:
    """End list items with ";" and the last with "."."""
    return [item + ("." if index == len(items) - 1 else ";") for index, item in enumerate(items)]


def join_names(names: list[str]) -> str:
    """Join names the Vietnamese way ("A, B và C")."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " và " + names[-1]


def plan_topic(title: str, issuer: str) -> str:
    """Return what a plan is about, as a citation continues ("triển khai công tác CCHC năm 2021").

    The leading "Kế hoạch" and a trailing "của <issuer>" are dropped; "về" is added unless the
    topic already starts with a verb plans use.
    """
    text = bare(title)
    if text.isupper():
        text = text.lower()
    if fold(text).startswith("ke hoach "):
        text = text[len("Kế hoạch "):]
    tail = f" của {collapse_spaces(issuer)}"
    if issuer and fold(text).endswith(fold(tail)):
        text = text[: len(text) - len(tail)]
    text = lower_first(text)
    if not text:
        return "về cải cách hành chính"
    starts = ("trien khai", "thuc hien", "ve ", "cai cach")
    return text if fold(text).startswith(starts[:3]) else f"về {text}"


def cite_plan(number: str, issued: date | None, title: str, issuer: str) -> str:
    """Cite a plan: "Kế hoạch số 1034/KH-TTr ngày 31/12/2020 triển khai công tác …"."""
    numbered = any(ch.isdigit() for ch in number.partition("/")[0])
    head = f"Kế hoạch số {number.strip()}" if numbered else "Kế hoạch"
    when = f" ngày {day(issued)}" if issued else ""
    return f"{head}{when} {plan_topic(title, issuer)}"
