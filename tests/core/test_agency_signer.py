"""The agency's default signer: migrated from an old register, saved by the first run, used by
every document without a signer of its own, never borrowed by another issuer's plan."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from cchc_desktop.plans import services
from cchc_desktop.plans.models import Agency, Plan
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.reports.checks import missing
from cchc_desktop.reports.cli import build_document
from cchc_desktop.reports.wording import signature_lines
from cchc_desktop.start.first_run import complete_first_run, default_signer

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "registers" / \
    "schema-0003_narratives.sqlite"


def test_an_old_register_keeps_its_default_signer_in_the_agency(tmp_path: Path) -> None:
    copy = tmp_path / "cu.sqlite"
    shutil.copy(FIXTURE, copy)
    with sqlite3.connect(copy) as conn:
        conn.executemany("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                         [("default_signer_name", "Phạm Thị Trà My"),
                          ("default_signer_title", "Chánh Thanh tra")])
    register = open_register(copy)
    try:
        agency = services.get_agency(register)
        assert (agency.signer_name, agency.signer_title) == ("Phạm Thị Trà My",
                                                             "Chánh Thanh tra")
        assert agency.signer_authority == "" and agency.collective == ""
    finally:
        register.close()


def test_first_run_signer_signs_an_imported_plan(register: Register) -> None:
    complete_first_run(register, Agency(name="Ủy ban nhân dân xã Ea Tiêu", place="Ea Tiêu",
                                        abbreviation="UBND", signer_authority="TM.",
                                        collective="Ủy ban nhân dân"),
                       signer_name="Y Ngông", signer_title="Chủ tịch")
    assert default_signer(register) == ("Y Ngông", "Chủ tịch")
    plan_id = services.create_plan(register, Plan(id=0, title="KẾ HOẠCH CCHC NĂM 2026",
                                                  year=2026))
    doc = build_document(register, "plan", plan_id, None)
    assert signature_lines(doc.signature) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert doc.signature.name == "Y Ngông" and doc.signer_source == "agency"


def test_another_bodys_plan_is_printed_under_that_body_alone(register: Register) -> None:
    services.save_agency(register, Agency(
        name="Ủy ban nhân dân thành phố Gia Nghĩa", parent_name="Ủy ban nhân dân tỉnh Đắk Nông",
        place="Gia Nghĩa", abbreviation="UBND", signer_name="Lê A", signer_title="Chủ tịch"))
    plan_id = services.create_plan(register, Plan(
        id=0, title="Kế hoạch CCHC năm 2021", year=2021, number="1034/KH-TTr",
        issuer="Thanh tra tỉnh Đắk Nông"))
    plan = build_document(register, "plan", plan_id, None)
    assert (plan.issuer.name, plan.issuer.parent) == ("Thanh tra tỉnh Đắk Nông", "")
    assert plan.signature.name == "", "the agency's signer does not sign another body's plan"
    assert plan.signer_source == "plan"
    report = build_document(register, "period", plan_id, "2021-H1")
    assert report.issuer.name == "Ủy ban nhân dân thành phố Gia Nghĩa"
    assert report.issuer.parent == "Ủy ban nhân dân tỉnh Đắk Nông"
    assert report.signature.name == "Lê A"


def test_the_check_names_an_empty_plan_and_a_period_outside_its_term(register: Register) -> None:
    services.save_agency(register, Agency(name="Sở Nội vụ tỉnh Đồng Nai", place="Đồng Nai",
                                          abbreviation="SNV", signer_name="Lê A",
                                          signer_title="Giám đốc"))
    plan_id = services.create_plan(register, Plan(
        id=0, title="Kế hoạch cải cách hành chính giai đoạn 2021 - 2025", year=2021))
    assert [m.code for m in missing(build_document(register, "plan", plan_id, None))] == [
        "plan_without_tasks"]
    inside = missing(build_document(register, "period", plan_id, "2024-Q1"))
    assert "period_outside_plan" not in [m.code for m in inside]
    outside = missing(build_document(register, "period", plan_id, "2026-Q1"))
    message = next(m.message for m in outside if m.code == "period_outside_plan")
    assert message == ("Kỳ báo cáo quý I năm 2026 nằm ngoài thời gian của kế hoạch (giai đoạn "
                       "2021 - 2025); hãy chọn kỳ của kế hoạch.")
