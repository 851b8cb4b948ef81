"""Read-side queries for big views: outline, pages of rows, search as you type, sorting."""

from __future__ import annotations

import random

import pytest

from cchc_desktop.plans import services
from cchc_desktop.plans.outline import group_key, is_heading, load_outline, section_key
from cchc_desktop.plans.queries import (
    KIND_GROUP,
    KIND_SECTION,
    appendix_rows,
    matching_ids,
    plan_units,
    sorted_task_ids,
    task_rows,
    typing_query,
    unit_names,
    unit_task_ids,
)
from cchc_desktop.register.connection import Register
from cchc_desktop.text.collation import sort_ids, vi_sort_key
from cchc_desktop.text.folding import fold


def _key(row) -> int:  # type: ignore[no-untyped-def]
    if row.kind == KIND_SECTION:
        return section_key(row.id)
    return group_key(row.id) if row.kind == KIND_GROUP else row.id


def _brute_view(outline, allowed: set[int], low: int, high: int) -> list[int]:  # type: ignore[no-untyped-def]
    ends = dict(outline.spans)
    shown = []
    for position in range(low, high):
        key = outline.keys[position]
        if not is_heading(key):
            if key in allowed:
                shown.append(key)
        else:
            below = range(position + 1, min(ends[position], high))
            if any(outline.keys[p] in allowed for p in below):
                shown.append(key)
    return shown


def test_outline_has_the_appendix_order(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    outline = load_outline(demo_register, plan_id)
    assert outline.keys == [_key(r) for r in appendix_rows(demo_register, plan_id)]
    assert outline.task_count() == 53
    assert outline.view() == outline.keys


def test_outline_view_keeps_only_headings_above_shown_tasks(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    outline = load_outline(demo_register, plan_id)
    chooser = random.Random(4)
    sections = list(outline.section_spans)
    for size in (0, 1, 2, 5, 20, 53):
        for _ in range(15):
            allowed = set(chooser.sample(outline.task_ids, size)) | {10**9}
            assert outline.view(allowed) == _brute_view(outline, allowed, 0, len(outline.keys))
            section = chooser.choice(sections)
            low, high = outline.section_spans[section]
            assert outline.view(allowed, section) == _brute_view(outline, allowed, low, high)
            keys, flags = outline.view_with_flags(allowed, section)
            headings = [row for row, key in enumerate(keys) if is_heading(key)]
            assert outline.heading_rows(keys, flags) == headings


def test_task_rows_reads_one_page(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    ids = load_outline(demo_register, plan_id).task_ids[:3]
    rows = task_rows(demo_register, ids)
    assert list(rows) == ids
    assert rows[ids[0]].content.startswith("Tổ chức họp đánh giá")


@pytest.mark.parametrize("typed, query", [
    ("c", ""), ("cai c", '"cai"*'), ("cải cách", '"cai"* "cach"*'), ("y te", '"y" "te"*'),
    ("ubnd ", '"ubnd"*'), ('"x', ""), ("Đăng", '"dang"*'),
])
def test_typing_query_waits_for_a_second_letter(typed: str, query: str) -> None:
    assert typing_query(typed) == query


@pytest.mark.parametrize("typed, found", [
    ("cai cach", "cải cách"), ("dang", "đăng"), ("ubnd", "UBND"), ("doan thanh", "Đoàn Thanh"),
])
def test_search_as_you_type_ignores_marks_and_case(demo_register: Register, typed: str,
                                                   found: str) -> None:
    ids = matching_ids(demo_register, typing_query(typed))
    assert ids
    texts = [" ".join([r.number, r.content, r.result, r.lead, r.partner, r.timeframe, r.notes])
             for r in task_rows(demo_register, sorted(ids)).values()]
    assert all(fold(typed) in fold(text) for text in texts)
    assert any(found in text for text in texts)


def test_sorting_uses_vietnamese_order(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    ordered = sorted_task_ids(demo_register, plan_id, "lead")
    leads = [task_rows(demo_register, [t])[t].lead for t in ordered]
    assert leads == sorted(leads, key=vi_sort_key)
    assert sorted_task_ids(demo_register, plan_id, "number") == load_outline(
        demo_register, plan_id).task_ids
    budgets = sorted_task_ids(demo_register, plan_id, "budget", descending=True)
    first = task_rows(demo_register, budgets[:1])[budgets[0]]
    assert first.budget == max(r.budget or 0 for r in task_rows(demo_register, budgets).values())


def test_collation_orders_letters_tones_and_case() -> None:
    words = ["Đà Nẵng", "Dak Lak", "Âu", "Ăn", "An Giang", "bạ", "bá", "ba", "Ba", "bà"]
    assert sorted(words, key=vi_sort_key) == [
        "An Giang", "Ăn", "Âu", "ba", "Ba", "bà", "bá", "bạ", "Dak Lak", "Đà Nẵng"]
    assert [words[i] for i in sort_ids(list(enumerate(words)))] == sorted(words,
                                                                          key=vi_sort_key)


def test_unit_filters_and_names(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    units = dict((name, unit_id) for unit_id, name in plan_units(demo_register, plan_id))
    office = units["Văn phòng"]
    lead = unit_task_ids(demo_register, plan_id, office, "lead")
    either = unit_task_ids(demo_register, plan_id, office, None)
    assert lead and lead <= either
    assert all(task_rows(demo_register, [t])[t].lead.startswith("Văn phòng") for t in lead)
    names = unit_names(demo_register)
    assert "Văn phòng" in names and "VP" in names
    assert names == sorted(names, key=vi_sort_key)
