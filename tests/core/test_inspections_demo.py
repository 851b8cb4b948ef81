"""The demo inspections on the demo register, and both documents printed from them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import results as res
from cchc_desktop.inspections import targets
from cchc_desktop.inspections.demo import add_inspection_demo
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.checks import MissingInfoError
from cchc_desktop.reports.inspection_kinds import run_inspection_report


def test_demo_inspections(register: Register, tmp_path: Path) -> None:
    demo_register = register
    plan_id = add_inspection_demo(demo_register)
    units = [(i.unit_name, i.kind) for i in ins.inspections_of(demo_register, plan_id)]
    assert units == [("Phòng 1", "dinh_ky"), ("Phòng 2", "dinh_ky"),
                     ("Văn phòng", "tu_kiem_tra"), ("Phòng 3", "tu_kiem_tra")]
    assert len(res.open_remediations(demo_register, date(2021, 12, 31))) == 1
    statuses = {s.target.name: s for s in targets.targets_for_period(demo_register, "2021-H1")}
    assert statuses["Tỷ lệ giải quyết hồ sơ đúng hạn"].actual_text == "97,5%"
    # A register without agency settings: refused as a document to sign, made as a draft.
    with pytest.raises(MissingInfoError, match="Chưa có tên cơ quan ban hành"):
        run_inspection_report(demo_register, "kiem-tra", tmp_path / "kh.pdf")
    assert not (tmp_path / "kh.pdf").exists()
    assert run_inspection_report(demo_register, "kiem-tra", tmp_path / "kh.pdf",
                                 draft=True).is_file()
    assert run_inspection_report(demo_register, "ket-luan", tmp_path / "tb.pdf",
                                 unit="Phòng 1", draft=True).is_file()
    assert run_inspection_report(demo_register, "ket-luan", tmp_path / "tb.docx",
                                 draft=True).is_file()
