"""The period report carries the one-stop figures and the targets of the period."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.plans import services
from cchc_desktop.register.connection import Register
from cchc_desktop.reports.period import collect_period, render_period

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")


def _text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True)
    return " ".join(done.stdout.split())


def test_quarter_report_prints_one_stop_rates_and_met_targets(demo_register: Register,
                                                              tmp_path: Path) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    data = collect_period(demo_register, plan_id, "2021-Q1", today=date(2021, 3, 20))
    assert len(data.one_stop) == 2
    assert [p.code for p in data.problems] == ["most_tasks_unreported"]  # 6 of 53 reported
    pdf = render_period(data, tmp_path / "bao-cao-quy-1.pdf", draft=True)
    text = _text(pdf)
    assert "Kết quả giải quyết thủ tục hành chính theo cơ chế một cửa" in text
    assert "trước hạn và đúng hạn 39/40 hồ sơ, đạt 97,5%" in text
    assert "Kết quả thực hiện các chỉ tiêu" in text
    assert "Tỷ lệ giải quyết hồ sơ đúng hạn ≥ 96% 97,5% Đạt" in text


def test_period_without_figures_says_nothing_about_one_stop(demo_register: Register) -> None:
    plan_id = services.current_plan_id(demo_register)
    assert plan_id is not None
    data = collect_period(demo_register, plan_id, "2021-Q3", today=date(2021, 9, 20))
    assert data.one_stop == []
    assert data.targets  # the targets table is always there, with "Chưa có số liệu"
