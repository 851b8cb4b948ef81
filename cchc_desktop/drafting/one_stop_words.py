"""The one-stop figures (một cửa) of a period in a report's words, under cải cách TTHC."""

from __future__ import annotations

from cchc_desktop.drafting.wording import day, join_names, ratio
from cchc_desktop.inspections.period_sums import Combined


def one_stop_paragraphs(combined: Combined | None) -> list[str]:
    """Say how many dossiers were received and resolved, with denominators and rates."""
    if combined is None:
        return []
    f = combined.figures
    window = ""
    if not combined.own:
        pieces = join_names([p.title.lower() for p in combined.pieces])
        window = f" (tổng hợp số liệu {pieces}"
        window += ")" if combined.complete else f", số liệu đến ngày {day(combined.covered_to)})"
    received = (f"Kết quả giải quyết thủ tục hành chính theo cơ chế một cửa, một cửa liên "
                f"thông{window}: tiếp nhận {f.received} hồ sơ (kỳ trước chuyển sang "
                f"{f.carried_over}, tiếp nhận mới {f.received_new}")
    if f.received_new:
        received += (f", trong đó trực tuyến {ratio(f.online, f.received_new, 'hồ sơ')}, trực "
                     f"tiếp {f.in_person}, qua dịch vụ bưu chính công ích {f.by_post}")
    received += ")."
    resolved = f"Đã giải quyết {f.resolved} hồ sơ"
    if f.resolved:
        resolved += (f", trong đó trước hạn và đúng hạn "
                     f"{ratio(f.early + f.on_time, f.resolved, 'hồ sơ')}, trễ hạn {f.late} hồ sơ")
    resolved += f"; đang giải quyết {f.pending} hồ sơ"
    if f.pending_overdue:
        resolved += f" (quá hạn {f.pending_overdue} hồ sơ)"
    if f.apologies:
        resolved += f"; đã gửi {f.apologies} văn bản xin lỗi tổ chức, cá nhân"
    return [received, resolved + "."]
