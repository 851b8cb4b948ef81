"""`cchc-desktop progress`: one entry from the command line, into a real register file."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.cli import main
from cchc_desktop.progress.documents import cite, parse_document
from cchc_desktop.register.connection import open_register


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "so.sqlite"
    assert main(["demo", "--db", str(path)]) == 0
    return path


def _entry(path: Path, section: str, number: str, kind: str) -> tuple[object, ...]:
    register = open_register(path)
    try:
        return tuple(register.db.execute(
            "SELECT p.status, p.percent, p.result_text, p.evidence_number, p.evidence_date, "
            "p.evidence_title, p.completed_on, p.reason, p.proposal FROM progress p "
            "JOIN tasks t ON t.id = p.task_id JOIN sections s ON s.id = t.section_id "
            "JOIN periods pe ON pe.id = p.period_id WHERE s.code = ? AND t.number = ? "
            "AND pe.kind = ?", [section, number, kind]).fetchone())
    finally:
        register.close()


def test_progress_records_every_field(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["progress", "II/6", "--db", str(demo_file), "--period", "2021-H1",
                 "--status", "late", "--done-on", "2021-04-02", "--result", "Đã ban hành",
                 "--document", "25/KH-TTr ngày 20/3/2021 Kế hoạch theo dõi thi hành pháp luật",
                 "--reason", "Chờ hướng dẫn của Sở Tư pháp", "--proposal", "Đề nghị gia hạn"])
    assert code == 0
    assert "Hoàn thành trễ hạn" in capsys.readouterr().out
    assert _entry(demo_file, "II", "6", "H1") == (
        "done_late", 100, "Đã ban hành", "25/KH-TTr", "2021-03-20",
        "Kế hoạch theo dõi thi hành pháp luật", "2021-04-02", "Chờ hướng dẫn của Sở Tư pháp",
        "Đề nghị gia hạn")


def test_completion_after_the_cutoff_is_flagged(demo_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "II/6", "--db", str(demo_file), "--period", "2021-Q1",
                 "--status", "done", "--done-on", "2021-04-02"]) == 0
    out = capsys.readouterr().out
    assert "sau ngày chốt số liệu kỳ Quý I năm 2021 (14/03/2021)" in out


def test_ambiguous_and_unknown_tasks_are_refused_with_candidates(
        demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["progress", "1.1", "--db", str(demo_file), "--period", "2021-Q1",
                 "--status", "done"]) == 1
    err = capsys.readouterr().err
    assert "Có 4 nhiệm vụ số “1.1”" in err and "I/1.1 (" in err and "III/1.1 (" in err
    assert main(["progress", "VIII/3", "--db", str(demo_file), "--period", "2021-Q1",
                 "--status", "done"]) == 1
    assert "Không có nhiệm vụ “VIII/3”" in capsys.readouterr().err
    assert main(["progress", "II/6", "--db", str(demo_file), "--period", "2021-Q1",
                 "--status", "xong"]) == 1
    assert "Trạng thái “xong” không hợp lệ" in capsys.readouterr().err
    assert main(["progress", "ii / 6", "--db", str(demo_file), "--period", "2021-Q1",
                 "--status", "Đang thực hiện", "--percent", "30"]) == 0


def test_documents_are_read_and_cited_as_reports_do() -> None:
    doc = parse_document("Số: 12/BC-TTr ngày 05/03/2021 Báo cáo kết quả họp")
    assert (doc.number, doc.day and doc.day.isoformat(), doc.title) == (
        "12/BC-TTr", "2021-03-05", "Báo cáo kết quả họp")
    assert cite(doc.number, doc.day) == "Báo cáo số 12/BC-TTr ngày 05/3/2021"
    assert cite("215/KH-TTr", None) == "Kế hoạch số 215/KH-TTr"
    assert cite("", None, "Công văn cử cán bộ") == "Công văn cử cán bộ"
