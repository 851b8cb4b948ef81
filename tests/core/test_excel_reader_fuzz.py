"""Any cell values under a real header give a result or an AppendixError, never a crash."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.reader import appendix_to_json, read_grid
from cchc_desktop.excel.read.workbook import SheetGrid

HEADER = ["TT", "Nội dung", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"]
_texts = st.sampled_from([
    "", "", "", "1", "1.1", "2.", "I", "II", "a)", "-", "A", "Rà soát", "thuộc Sở", "- Báo cáo",
    "Tổng cộng", "Cộng", "(Bảng chữ: Ba triệu đồng)", "KT. GIÁM ĐỐC", "Trang 2", "1.500", "1,5",
    "abc", "(1)", "TT", "Nội dung", "Quý I/2026", "Thường xuyên",
])  # fmt: skip
_cells = st.one_of(
    _texts,
    st.text(max_size=12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-10, max_value=10_000),
    st.booleans(),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
)
_rows = st.lists(st.lists(_cells, min_size=0, max_size=9), max_size=25)


@settings(max_examples=150, deadline=None)
@given(rows=_rows)
def test_arbitrary_rows_never_crash(rows: list[list[Any]]) -> None:
    width = max([len(HEADER), *(len(row) for row in rows)])
    grid_rows = [row + [""] * (width - len(row)) for row in [HEADER, *rows]]
    try:
        parsed = read_grid(SheetGrid("Trang 1", grid_rows))
    except AppendixError:
        return
    data = appendix_to_json(parsed)
    assert len(data["tasks"]) == len(parsed.tasks) >= 1
    assert [info.row for info in parsed.rows] == list(range(1, len(grid_rows) + 1))
