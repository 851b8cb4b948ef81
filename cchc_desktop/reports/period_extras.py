"""Parts of the period report fed by other registers: targets (chỉ tiêu) and one-stop figures."""

from __future__ import annotations

from cchc_desktop.drafting.one_stop_words import one_stop_paragraphs
from cchc_desktop.inspections.period_sums import Combined
from cchc_desktop.inspections.targets import targets_for_period
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.model import (
    ROW_ITEM,
    Column,
    Row,
    TableBlock,
)

TARGET_COLUMNS = (
    Column("TT", 8, "center"),
    Column("Chỉ tiêu", 80),
    Column("Mục tiêu", 20, "center"),
    Column("Kết quả", 20, "center"),
    Column("Đánh giá", 22, "center"),
)


def target_rows(register: Register, period_code: str) -> list[Row]:
    """Return one table row per target of the period's year, with actual and met/not met."""
    rows = []
    for index, status in enumerate(targets_for_period(register, period_code), start=1):
        rows.append(Row(ROW_ITEM, [str(index), status.target.name, status.target.goal,
                                   status.actual_text, status.met_text]))
    return rows


def targets_table(rows: list[Row]) -> TableBlock:
    """Return the targets table."""
    return TableBlock(TARGET_COLUMNS, rows)


def one_stop_sentences(combined: Combined | None) -> list[str]:
    """Return the one-stop paragraphs of the period, or [] when no figures are recorded."""
    return one_stop_paragraphs(combined)
