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
    "done_late": "đã xong nhưng sau thời hạn; ghi ngày hoàn thành và lý do chậm.",
    "not_done": "không thực hiện; ghi lý do ở cột Lý do chậm / khó khăn, vướng mắc.",
    "deferred": "chuyển sang kỳ sau; ghi lý do ở cột Lý do chậm / khó khăn, vướng mắc.",
}


def guide_spec() -> SheetSpec:
    """Return the spec of the instructions sheet (one wide column, portrait)."""
    return SheetSpec(GUIDE_SHEET, [Column("", 84)], st.plain_styles(), landscape=False)


def guide_rows(unit_name: str, plan: Plan, period: ReportingPeriod, tasks: int,
               partners: int = 0) -> Iterator[Row]:
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
        "văn bản), Ngày hoàn thành (ngày/tháng/năm, không sau ngày báo cáo), Lý do chậm / khó "
        "khăn, vướng mắc (bắt buộc với nhiệm vụ chậm, quá hạn, không thực hiện hoặc chuyển kỳ "
        "sau) và Đề xuất, kiến nghị (nếu có). Lý do và đề xuất được đưa nguyên văn vào báo "
        "cáo của cơ quan.",
        f"3. Nhiệm vụ hoàn thành sau ngày {period.end:%d/%m/%Y} (ngày chốt số liệu) không được "
        "tính là hoàn thành trong kỳ này; ghi Đang thực hiện và nêu dự kiến ngày hoàn thành.",
        "4. Các cột khác được khóa để giữ đúng nội dung nhiệm vụ (khóa trang không đặt mật "
        "khẩu). Không sửa nội dung nhiệm vụ, không xóa hoặc chèn cột, không xóa dòng.",
        "5. Có thể lọc hoặc sắp xếp các dòng: mỗi dòng có mã nhiệm vụ ở cột ẩn, phần mềm nhận "
        "lại đúng nhiệm vụ dù thứ tự dòng thay đổi.",
        "6. Nhiệm vụ không có gì thay đổi trong kỳ thì để nguyên các ô đã điền sẵn.",
        "7. Dòng có vai trò Phối hợp: đơn vị chỉ báo cáo phần việc mình phối hợp (đã tham gia, "
        "góp ý, cung cấp số liệu gì; văn bản nào); trạng thái là tình trạng phần việc phối hợp "
        "của đơn vị. Tình trạng chung của nhiệm vụ do đơn vị chủ trì báo cáo, vì vậy các dòng "
        "phối hợp không điền sẵn." + (f" Biểu mẫu này có {partners} nhiệm vụ phối hợp."
                                     if partners else ""),
        "8. Lưu tệp dạng Excel (.xlsx), không đặt mật khẩu cho tệp, giữ nguyên tên tệp và gửi "
        f"lại trước ngày {deadline:%d/%m/%Y}.",
        "9. Ghi họ tên người lập và trình Thủ trưởng đơn vị ký ở cuối trang “Báo cáo tiến độ”.",
    ]
    for line in lines:
        yield Row("text", [line])
    yield Row("blank", [""], 8.0)
    yield Row("subheading", ["Ý nghĩa các trạng thái"])
    for code, label in STATUS_LABELS.items():
        yield Row("text", [f"- {label}: {STATUS_HELP.get(code, '')}"])
