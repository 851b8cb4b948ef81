"""`cchc-desktop agency`: show the agency settings and default signer, or set some of them."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from cchc_desktop.errors import ValidationError
from cchc_desktop.plans import services
from cchc_desktop.plans.models import SIGNER_AUTHORITIES, Agency
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.issuing import default_signature
from cchc_desktop.reports.wording import signature_lines

# Command line option -> agency field, with the label printed for it.
AGENCY_OPTIONS: dict[str, tuple[str, str]] = {
    "name": ("name", "Tên cơ quan (cơ quan ban hành)"),
    "parent": ("parent_name", "Cơ quan chủ quản"),
    "place": ("place", "Địa danh"),
    "abbreviation": ("abbreviation", "Ký hiệu viết tắt"),
    "drafting_unit": ("drafting_unit", "Đơn vị soạn thảo (Lưu: VT, …)"),
    "signer_name": ("signer_name", "Người ký mặc định"),
    "signer_title": ("signer_title", "Chức vụ người ký"),
    "authority": ("signer_authority", "Quyền hạn ký"),
    "head_title": ("head_title", "Chức vụ người đứng đầu (sau KT./TL./TUQ./Q.)"),
    "collective": ("collective", "Tập thể lãnh đạo (sau TM.)"),
}


def agency_text(agency: Agency) -> str:
    """Return the settings as printed by `cchc-desktop agency`, with the signature block."""
    values = asdict(agency)
    lines = [f"{label}: {values[key] or '(chưa có)'}" for key, label in AGENCY_OPTIONS.values()]
    block = signature_lines(default_signature(agency))
    lines.append("Khối chữ ký: " + (" / ".join(block) if block else "(chưa có)")
                 + (f" / {agency.signer_name}" if agency.signer_name else ""))
    return "\n".join(lines)


def update_agency(register: Register, options: dict[str, Any]) -> Agency:
    """Set the given options (None = unchanged) on the agency settings; return the result."""
    changes = {field: options[option] for option, (field, _) in AGENCY_OPTIONS.items()
               if options.get(option) is not None}
    if not changes:
        return services.get_agency(register)
    agency = replace(services.get_agency(register), **changes)
    if agency.signer_authority not in SIGNER_AUTHORITIES:
        choices = ", ".join(a or '""' for a in SIGNER_AUTHORITIES)
        raise ValidationError(f"Quyền hạn ký “{agency.signer_authority}” không hợp lệ; chọn một "
                              f"trong: {choices}.")
    # A register being set up step by step may not have its name and place yet.
    services.save_agency(register, agency, validate=bool(agency.name and agency.place))
    return services.get_agency(register)
