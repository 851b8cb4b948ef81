"""Targets: validation, example set, actuals typed or computed, met per period."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.inspections import inspection_plans as ins
from cchc_desktop.inspections import one_stop, targets
from cchc_desktop.inspections.models import KIND_SCHEDULED, RemediationDraft
from cchc_desktop.inspections.results import add_remediation, close_remediation
from cchc_desktop.inspections.targets import Target
from cchc_desktop.inspections.wording import new_plan
from cchc_desktop.plans.models import Agency, Unit
from cchc_desktop.plans.units import add_unit
from cchc_desktop.register.connection import Register


def _by_name(register: Register, code: str) -> dict[str, targets.TargetStatus]:
    return {s.target.name: s for s in targets.targets_for_period(register, code)}


def test_example_targets_from_the_dong_nai_plan(register: Register) -> None:
    assert targets.load_example_targets(register) == 24
    assert targets.load_example_targets(register) == 0
    listed = targets.list_targets(register)
    assert listed[0].area == "direction" and listed[-1].area == "digital_government"
    on_time = next(t for t in listed if t.name == "Tỷ lệ giải quyết hồ sơ đúng hạn")
    assert (on_time.goal, on_time.source) == ("≥ 96%", targets.SOURCE_ON_TIME)
    count = next(t for t in listed if t.unit == "so" and t.value == 102)
    assert count.goal == "≥ 102"
    online = next(t for t in listed if t.source == targets.SOURCE_ONLINE)
    assert online.goal == "≥ 60%"


def test_target_validation(register: Register) -> None:
    good = Target(0, "Tỷ lệ TTHC công khai", "=", 100, "%", "procedures")
    for bad, message in [
        (replace(good, name=" "), "Tên chỉ tiêu không được để trống."),
        (replace(good, comparator=">"), "Phép so sánh “>” không hợp lệ (≥, ≤, =)."),
        (replace(good, unit="lần"), "Đơn vị tính “lần” không hợp lệ (%, số)."),
        (replace(good, value=120), "Chỉ tiêu tỷ lệ không thể lớn hơn 100% (đã nhập 120)."),
        (replace(good, value=-5), "Giá trị chỉ tiêu không được âm (đã nhập -5)."),
        (replace(good, value="chín mươi"),  # type: ignore[arg-type]
         "Giá trị chỉ tiêu “chín mươi” không phải là số."),
        (replace(good, area="x"), "Lĩnh vực “x” không hợp lệ."),
        (replace(good, unit="so", source=targets.SOURCE_ON_TIME),
         "Chỉ tiêu tính từ số liệu là tỷ lệ; đơn vị tính phải là %."),
    ]:
        with pytest.raises(ValidationError) as caught:
            targets.add_target(register, bad)
        assert str(caught.value) == message
    target_id = targets.add_target(register, replace(good, value="99,5"))  # type: ignore[arg-type]
    assert targets.get_target(register, target_id).value == 99.5


def test_typed_actual_and_met_for_each_comparator(register: Register) -> None:
    ge = targets.add_target(register, Target(0, "Bồi dưỡng CCVC", ">=", 50, "%"))
    le = targets.add_target(register, Target(0, "Hồ sơ trễ hạn", "<=", 2, "%"))
    eq = targets.add_target(register, Target(0, "Số TTHC đơn giản hóa", "=", 13, "so"))
    for target_id, value in ((ge, "50"), (le, 2.5), (eq, 13)):
        targets.record_actual(register, target_id, "2026-H1", value)
    got = _by_name(register, "2026-H1")
    assert [(s.actual_text, s.met_text) for s in got.values()] == [
        ("50%", "Đạt"), ("2,5%", "Không đạt"), ("13", "Đạt")]
    assert _by_name(register, "2026-Q3")["Bồi dưỡng CCVC"].met is None
    assert _by_name(register, "2026-Q3")["Bồi dưỡng CCVC"].met_text == "Chưa có số liệu"
    with pytest.raises(ValidationError, match="không thể lớn hơn 100%"):
        targets.record_actual(register, ge, "2026-H1", 101)
    with pytest.raises(ValidationError, match="Kết quả thực hiện không được âm"):
        targets.record_actual(register, eq, "2026-H1", -1)
    assert targets.record_actual(register, ge, "2026-H1", 40) == 50
    targets.clear_actual(register, ge, "2026-H1")
    assert _by_name(register, "2026-H1")["Bồi dưỡng CCVC"].actual is None


def test_rate_targets_come_from_the_one_stop_figures(register: Register) -> None:
    targets.load_example_targets(register)
    unit = add_unit(register, Unit(id=0, name="UBND xã Đắk Long"))
    one_stop.save_figures(register, unit, "2026-Q1", {
        "received_new": 100, "online": 55, "in_person": 45, "early": 30, "on_time": 60,
        "late": 5, "pending_on_time": 5, "apologies": 5})
    got = _by_name(register, "2026-Q1")
    on_time = got["Tỷ lệ giải quyết hồ sơ đúng hạn"]
    assert (on_time.actual, on_time.met, on_time.detail) == (94.74, False, "90/95 hồ sơ")
    assert on_time.origin == "Tính từ số liệu"
    online = got["Tỷ lệ hồ sơ trực tuyến mức độ 3 và 4 trên tổng số hồ sơ"]
    assert (online.actual_text, online.met_text) == ("55%", "Không đạt")
    targets.record_actual(register, on_time.target.id, "2026-Q1", 97)
    typed = _by_name(register, "2026-Q1")["Tỷ lệ giải quyết hồ sơ đúng hạn"]
    assert (typed.actual, typed.met, typed.origin) == (97.0, True, "Nhập tay")
    assert typed.detail == "theo số liệu: 94,74% (90/95 hồ sơ)"
    assert _by_name(register, "2026-H1")["Tỷ lệ giải quyết hồ sơ đúng hạn"].actual is None


def test_remediation_target_counts_closed_items(register: Register) -> None:
    targets.load_example_targets(register)
    unit = add_unit(register, Unit(id=0, name="UBND xã Đắk Mar"))
    plan_id = ins.create_plan(register, new_plan(2026, Agency()))
    inspection = ins.add_inspection(register, plan_id, unit, KIND_SCHEDULED)
    first = add_remediation(register, inspection, RemediationDraft("Niêm yết TTHC"))
    add_remediation(register, inspection, RemediationDraft("Xin lỗi hồ sơ trễ hạn"))
    name = ("Tồn tại, hạn chế qua kiểm tra được khắc phục hoặc kiến nghị cấp có thẩm quyền xử "
            "lý trong năm")
    assert _by_name(register, "2026")[name].actual_text == "0%"
    close_remediation(register, first, date(2026, 8, 1))
    status = _by_name(register, "2026-Q3")[name]
    assert (status.actual, status.met, status.detail) == (50.0, False, "1/2 nội dung đã khắc phục")


def test_year_targets_and_edits(register: Register) -> None:
    every = targets.add_target(register, Target(0, "Chung", ">=", 1, "so"))
    only_2025 = targets.add_target(register, Target(0, "Riêng 2025", ">=", 1, "so", year=2025))
    assert [s.target.id for s in targets.targets_for_period(register, "2026")] == [every]
    assert {s.target.id for s in targets.targets_for_period(register, "2025-Q1")} == {
        every, only_2025}
    before = targets.update_target(register, replace(targets.get_target(register, every),
                                                     value=2))
    assert before.value == 1 and targets.get_target(register, every).value == 2
    targets.delete_target(register, only_2025)
    assert [t.id for t in targets.list_targets(register)] == [every]
