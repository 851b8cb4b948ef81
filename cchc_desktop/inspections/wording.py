"""Default wording of a new inspection plan, adapted from the Đắk Hà 2022 Kế hoạch kiểm tra.

The officer edits every paragraph; these only spare typing the usual text.
"""

from __future__ import annotations

from cchc_desktop.inspections.models import InspectionPlan
from cchc_desktop.plans.models import Agency
from cchc_desktop.text.folding import fold

PURPOSES = (
    "Kiểm tra, đánh giá kết quả thực hiện công tác cải cách hành chính nói chung và giải quyết "
    "thủ tục hành chính nói riêng tại các cơ quan, đơn vị, địa phương; kịp thời chỉ rõ những "
    "tồn tại, hạn chế, tìm ra nguyên nhân và đề xuất biện pháp khắc phục nhằm tiếp tục đẩy mạnh "
    "công tác cải cách hành chính, góp phần nâng cao hiệu lực, hiệu quả quản lý của các cơ quan "
    "hành chính nhà nước.",
    "Thông qua việc kiểm tra nhằm chấn chỉnh, nâng cao hiệu quả công tác cải cách hành chính; "
    "tăng cường kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức, người lao động, "
    "góp phần nâng cao ý thức, trách nhiệm trong hoạt động công vụ để phục vụ các tổ chức, cá "
    "nhân.",
)

REQUIREMENTS = (
    "Công tác kiểm tra phải đảm bảo tính chính xác, khách quan và có chất lượng. Việc kiểm tra "
    "phải đảm bảo công khai, đúng quy định, không làm cản trở hoạt động thực thi công vụ của cơ "
    "quan, tổ chức, cá nhân liên quan.",
    "Các cơ quan, đơn vị, địa phương được kiểm tra chuẩn bị đầy đủ nội dung theo đề cương, cử "
    "công chức liên quan đến các lĩnh vực kiểm tra để phối hợp, cung cấp thông tin cho Đoàn "
    "kiểm tra.",
    "Các thành viên trong Đoàn kiểm tra phải sắp xếp công việc, tham gia đầy đủ và đúng thời "
    "gian quy định.",
)

IMPLEMENTATION = (
    "Cơ quan thường trực công tác cải cách hành chính chủ trì tham mưu quyết định thành lập Đoàn "
    "kiểm tra, xây dựng chương trình, thời gian, địa điểm kiểm tra cụ thể; thông báo đến các "
    "đơn vị được kiểm tra và các thành viên Đoàn kiểm tra; kết thúc đợt kiểm tra tổng hợp, báo "
    "cáo kết quả và tham mưu thông báo kết luận kiểm tra, theo dõi việc khắc phục tồn tại, hạn "
    "chế.",
    "Các cơ quan, đơn vị, địa phương thuộc đối tượng được kiểm tra chuẩn bị đầy đủ các nội dung "
    "phục vụ công tác kiểm tra (bố trí phòng làm việc; báo cáo theo đề cương gửi kèm; phân công "
    "công chức chuyên môn làm việc với Đoàn kiểm tra).",
    "Các cơ quan, đơn vị tự kiểm tra tiến hành tự kiểm tra và báo cáo kết quả tự kiểm tra theo "
    "đề cương.",
    "Các cơ quan, đơn vị có trong thành phần Đoàn kiểm tra cử công chức tham gia Đoàn kiểm tra "
    "đầy đủ và đúng thời gian theo quy định.",
)

RECIPIENTS = (
    "Sở Nội vụ (b/c)",
    "Các cơ quan, đơn vị được kiểm tra (t/h)",
    "Thành viên Đoàn kiểm tra (t/h)",
)


def title_for(year: int) -> str:
    """Return the usual trích yếu of a year's inspection plan."""
    return f"Kiểm tra công tác cải cách hành chính nhà nước năm {year}"


def funding_for(year: int) -> str:
    """Return the usual funding paragraph (kinh phí thực hiện) of a year's plan."""
    return (f"Kinh phí phục vụ cho công tác kiểm tra cải cách hành chính tại Kế hoạch này được "
            f"sử dụng từ nguồn kinh phí thực hiện cải cách hành chính năm {year}.")


def _collective(name: str) -> bool:
    """Tell whether an agency signs collectively (TM.): a People's Committee (UBND)."""
    folded = fold(name)
    return folded.startswith(("uy ban nhan dan", "ubnd"))


def new_plan(year: int, agency: Agency) -> InspectionPlan:
    """Return a new year's inspection plan filled with the usual wording (not saved)."""
    archive = f"Lưu: VT, {agency.abbreviation}" if agency.abbreviation else "Lưu: VT"
    return InspectionPlan(
        id=0, year=year, title=title_for(year),
        purposes=list(PURPOSES), requirements=list(REQUIREMENTS),
        implementation=list(IMPLEMENTATION), funding=funding_for(year),
        scope_from=f"{year}-01-01", self_due_h1=f"{year}-06-30", self_due_h2=f"{year}-11-30",
        signer_authority="TM." if _collective(agency.name) else "",
        recipients=[*RECIPIENTS, archive],
    )
