"""The "Hướng dẫn" sheet of a return template: how a unit fills and returns it."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_desktop.excel.write import writer_styles as st
from cchc_desktop.excel.write.writer import Column, Row, SheetSpec
from cchc_desktop.plans.models import Plan
from cchc_desktop.schedule.lateness import STATUS_LABELS
from cchc_desktop.schedule.periods import ReportingPeriod

GUIDE_SHEET = "Hướng dẫn"
STATUS_HELP = {
    "not_started": "chưa bắt đầu thực hiện.",
    "in_progress": "đang làm; ghi tỷ lệ hoàn thành ước tính.",
    "done": "đã xong; ghi ngày hoàn thành và văn bản kiểm chứng.",
    "done_late": "đã xong nhưng sau thời hạn; ghi ngày hoàn thành và lý do chậm trong Kết quả.",
    "not_done": "không thực hiện; ghi lý do trong Kết quả.",
    "deferred": "chuyển sang kỳ sau; ghi lý do trong Kết quả.",
}


def guide_spec() -> SheetSpec:
    """Return the spec of the instructions sheet (one wide column, portrait)."""
    return SheetSpec(GUIDE_SHEET, [Column("", 84)], st.plain_styles(), landscape=False)


def guide_rows(unit_name: str, plan: Plan, period: ReportingPeriod, tasks: int) -> Iterator[Row]:
    """Yield the instruction lines for one unit's template."""
    deadline = period.units_cutoff or period.due
    plan_name = f"Kế hoạch số {plan.number}" if plan.number else f"Kế hoạch “{plan.title}”"
    yield Row("heading", ["HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO TIẾN ĐỘ CẢI CÁCH HÀNH CHÍNH"])
    yield Row("text", [f"Đơn vị: {unit_name} — Kỳ báo cáo: {period.title} — {plan_name}."])
    yield Row("blank", [""], 8.0)
    lines = [
        f"1. Trang “Báo cáo tiến độ” liệt kê {tasks} nhiệm vụ đơn vị chủ trì hoặc phối hợp. "
        "Các ô đã điền sẵn là số liệu đang có trong sổ theo dõi; hãy cập nhật đến cuối kỳ "
        f"báo cáo (số liệu đến ngày {period.end:%d/%m/%Y}).",
        "2. Chỉ điền vào các ô nền vàng: Trạng thái (chọn trong danh sách), Tỷ lệ hoàn thành "
        "(số nguyên từ 0 đến 100), Kết quả thực hiện, Tài liệu kiểm chứng (số, ngày, trích yếu "
        "văn bản) và Ngày hoàn thành (ngày/tháng/năm, không sau ngày báo cáo).",
        "3. Các cột khác được khóa để giữ đúng nội dung nhiệm vụ (khóa trang không đặt mật "
        "khẩu). Không sửa nội dung nhiệm vụ, không xóa hoặc chèn cột, không xóa dòng.",
        "4. Có thể lọc hoặc sắp xếp các dòng: mỗi dòng có mã nhiệm vụ ở cột ẩn, phần mềm nhận "
        "lại đúng nhiệm vụ dù thứ tự dòng thay đổi.",
        "5. Nhiệm vụ không có gì thay đổi trong kỳ thì để nguyên các ô đã điền sẵn.",
        "6. Lưu tệp dạng Excel (.xlsx), không đặt mật khẩu cho tệp, giữ nguyên tên tệp và gửi "
        f"lại trước ngày {deadline:%d/%m/%Y}.",
    ]
    for line in lines:
        yield Row("text", [line])
    yield Row("blank", [""], 8.0)
    yield Row("subheading", ["Ý nghĩa các trạng thái"])
    for code, label in STATUS_LABELS.items():
        yield Row("text", [f"- {label}: {STATUS_HELP.get(code, '')}"])
