"""Search as you type on a big plan: the rows in view first, then every row and the counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedGroup, ParsedSection, ParsedTask
from cchc_desktop.plans.importer import import_appendix
from cchc_desktop.plans.models import Plan
from cchc_desktop.register.connection import Register, open_register
from ui.register.appendix_view import AppendixView
from ui.shell.main_window import MainWindow

WORDS = ["Rà soát thủ tục hành chính", "Số hóa hồ sơ một cửa", "Kiểm tra công vụ",
         "Tuyên truyền cải cách hành chính", "Đăng ký hộ tịch trực tuyến"]
UNITS = ["UBND xã Tân Phú", "Sở Nội vụ", "Sở Tư pháp", "UBND phường Đức Minh"]
QUERIES = ["so", "so noi", "tan ph", "ho tich", "kiem tra cong vu", "duc minh"]


@pytest.fixture(scope="module")
def big_register(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A register of 3 sections × 10 groups × 40 tasks; rare words far down the plan."""
    parsed, line = ParsedAppendix(file_name="lon.xlsx", sheet="Phụ lục"), 0
    for s, code in enumerate(("I", "II", "III")):
        parsed.sections.append(ParsedSection(code, f"LĨNH VỰC {code}", line := line + 1))
        for g in range(1, 11):
            parsed.groups.append(ParsedGroup(code, str(g), f"Nhóm {g}", line := line + 1))
            for t in range(1, 41):
                n = (s * 10 + g) * 40 + t
                lead = UNITS[n % 4] if n < 1000 else "UBND phường Đức Minh"
                parsed.tasks.append(ParsedTask(f"{g}.{t}", code, str(g), WORDS[n % 5 if n % 7
                                               else 4], "Báo cáo", lead, "", "Quý II/2026",
                                               None, "", line := line + 1))
    path = tmp_path_factory.mktemp("lon") / "so.sqlite"
    register = open_register(path)
    import_appendix(register, parsed, Plan(0, "Kế hoạch thử", year=2026))
    register.close()
    return path


@pytest.fixture
def register(big_register: Path) -> Iterator[Register]:
    reg = open_register(big_register)
    yield reg
    reg.close()


@pytest.mark.parametrize("text", QUERIES)
def test_first_rows_are_the_top_of_the_whole_view(register: Register, text: str) -> None:
    view = AppendixView(register)
    view.load(1)
    view.filters = replace(view.filters, text=text)
    first = view.first_rows(20)
    whole = view.keys()
    assert first is not None and whole
    assert first == whole[:len(first)]
    assert sum(k > 0 for k in first) >= min(20, sum(k > 0 for k in whole))


def test_lĩnh_vực_filter_keeps_the_top_inside_the_section(register: Register) -> None:
    view = AppendixView(register)
    view.load(1)
    section = next(r.id for r in view.outline.headings.values() if r.number == "II")
    view.filters = replace(view.filters, text="so", section_id=section)
    first = view.first_rows(20)
    assert first is not None and first == view.keys()[:len(first)]
    assert view.outline.headings[first[0]].number == "II"


def test_typing_shows_the_top_then_every_row_and_the_counts(
        qtbot: Any, register: Register, tmp_path: Path) -> None:
    window = MainWindow(register, QSettings(str(tmp_path / "gd.ini"),
                                            QSettings.Format.IniFormat), today=date(2026, 5, 1))
    window.ops.quiet = True
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.filter_bar.status.isEnabled, timeout=15000)
    window.live_search.big_plan = 100  # this plan counts as big
    shown: list[tuple[list[int], str]] = []
    window.model.modelReset.connect(
        lambda: shown.append((list(window.model.row_keys()), window.counts_label.text())))
    window.filter_bar.search.setText("duc minh")
    qtbot.waitUntil(lambda: not window.searching)
    (first, _), (whole, meanwhile) = shown  # the status bar as it read before each step
    assert meanwhile == "Đang tìm…" and len(first) < len(whole) == len(window.model.row_keys())
    assert first == whole[:len(first)]
    tasks = sum(k > 0 for k in whole)
    assert window.counts_label.text().startswith(f"{tasks:,}".replace(",", ".") + " nhiệm vụ")

    window.filter_bar.search.setText("duc minh ")  # the same search: the table stays as it is
    qtbot.waitUntil(lambda: not window.searching)
    assert len(shown) == 2 and window.model.row_keys() == whole
    window.ops.wait()
