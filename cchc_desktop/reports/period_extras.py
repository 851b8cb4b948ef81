"""Parts of the period report fed by other registers: targets (chỉ tiêu) and one-stop figures."""

from __future__ import annotations

from cchc_desktop.inspections.one_stop import OneStopFigures, format_rate, period_total
from cchc_desktop.inspections.targets import targets_for_period
from cchc_desktop.register.db import Register
from cchc_desktop.reports.model import (
    CAPTION,
    HEADING,
    ROW_ITEM,
    Block,
    Column,
    Para,
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


def one_stop_sentences(register: Register, period_code: str) -> list[str]:
    """Return the one-stop paragraph(s) of the period, or [] when no figures are recorded."""
    total = period_total(register, period_code)
    if total is None:
        return []
    return [_received(total), _resolved(total)]


def _received(f: OneStopFigures) -> str:
    """Sentence about dossiers received."""
    return (f"Tổng số hồ sơ tiếp nhận: {f.received} hồ sơ (kỳ trước chuyển sang {f.carried_over}, "
            f"tiếp nhận mới {f.received_new}, trong đó trực tuyến {f.online}, trực tiếp "
            f"{f.in_person}, qua dịch vụ bưu chính công ích {f.by_post}; tỷ lệ hồ sơ trực tuyến "
            f"{format_rate(f.online_rate)}).")


def _resolved(f: OneStopFigures) -> str:
    """Sentence about dossiers resolved and pending."""
    return (f"Đã giải quyết {f.resolved} hồ sơ (trước hạn {f.early}, đúng hạn {f.on_time}, trễ "
            f"hạn {f.late}); tỷ lệ giải quyết đúng hạn {format_rate(f.on_time_rate)}. Đang giải "
            f"quyết {f.pending} hồ sơ (trong hạn {f.pending_on_time}, quá hạn "
            f"{f.pending_overdue}); đã gửi {f.apologies} thư xin lỗi tổ chức, cá nhân.")


def extras_story(targets: list[Row], one_stop: list[str], first_number: int) -> list[Block]:
    """Return the numbered headings and content of the targets and one-stop parts."""
    story: list[Block] = []
    number = first_number
    if one_stop:
        story.append(Para(f"{number}. Kết quả giải quyết thủ tục hành chính theo cơ chế một cửa, "
                          "một cửa liên thông", HEADING))
        story += [Para(text) for text in one_stop]
        number += 1
    if targets:
        story.append(Para(f"{number}. Kết quả thực hiện các chỉ tiêu", HEADING))
        story.append(Para("Bảng 2. Kết quả thực hiện chỉ tiêu cải cách hành chính", CAPTION))
        story.append(targets_table(targets))
    return story
