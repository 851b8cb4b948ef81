"""Round trip through a real spreadsheet program: LibreOffice re-saves what the app wrote.

An office PC opens the exported appendix or a unit's filled template and saves it again; the
app must read it back the same. One soffice call converts both workbooks (about 3 s).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.excel.write.export import run_export
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.consolidate import apply_preview, build_preview
from cchc_desktop.plans import services
from cchc_desktop.plans.models import TaskDraft
from cchc_desktop.plans.queries import appendix_rows
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.start.demo import create_demo

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: apt-get install "
    "libreoffice-calc-nogui")
TODAY = date(2021, 6, 15)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def resave(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """Have LibreOffice open and save the workbooks as .xlsx, as an office PC would."""
    out.mkdir()
    assert SOFFICE is not None
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, files)],
        check=True, capture_output=True, timeout=180)
    saved = [out / f.name for f in files]
    assert all(p.exists() for p in saved), list(out.iterdir())
    return saved


@pytest.fixture(scope="module")
def resaved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Register, list[Path]]]:
    """A demo register, its exported appendix and a filled template, both re-saved."""
    base = tmp_path_factory.mktemp("libreoffice")
    register = open_register(base / "so.sqlite")
    create_demo(register)
    last = appendix_rows(register, 1)[-1]
    services.add_task(register, 1, TaskDraft("=1+2 (công thức?)", number="9", result="+84 912",
                                             lead_text="@Văn phòng", partner_text="-Phòng 1"),
                      section_id=last.section_id, after_task_id=last.id)
    appendix = run_export(register, base / "phu-luc.xlsx", 1, None, today=TODAY)
    template = tpl.write_templates(register, 1, "2021-H1", base / "gui", [3], today=TODAY)[0].path
    book = openpyxl.load_workbook(template)
    ws = book[tpl.DATA_SHEET]
    row = next(r for r in ws.iter_rows(min_row=7) if r[1].value == "3.2")
    row[5].value, row[6].value = "Hoàn thành", 100
    row[9].value, row[7].value = date(2021, 6, 2), "- Đã ban hành kế hoạch PCI"
    book.save(template)
    yield register, resave([appendix, template], base / "out", base / "profile")
    register.close()


def test_appendix_resaved_by_libreoffice_reads_back_the_same(
        resaved: tuple[Register, list[Path]]) -> None:
    register, (appendix, _) = resaved
    rows = appendix_rows(register, 1)
    parsed = read_appendix(appendix)
    assert [(s.code, s.title) for s in parsed.sections] == [
        (r.number, r.content) for r in rows if r.kind == "section"]
    assert [(g.number, g.title) for g in parsed.groups] == [
        (r.number, r.content) for r in rows if r.kind == "group"]
    assert [(t.number, _norm(t.content), _norm(t.result), _norm(t.lead_units),
             _norm(t.partner_units), _norm(t.timeframe), t.budget_million_vnd)
            for t in parsed.tasks] == [
        (r.number, _norm(r.content), _norm(r.result), _norm(r.lead), _norm(r.partner),
         _norm(r.timeframe), r.budget) for r in rows if r.kind == "task"]
    assert parsed.declared_total == 93
    last = parsed.tasks[-1]  # text that looks like a formula stayed text
    assert (last.content, last.result, last.lead_units) == ("=1+2 (công thức?)", "+84 912",
                                                           "@Văn phòng")


def test_template_resaved_by_libreoffice_is_read_back(
        resaved: tuple[Register, list[Path]]) -> None:
    register, (_, template) = resaved
    book = openpyxl.load_workbook(template)
    ws = book[tpl.DATA_SHEET]
    assert ws.protection.sheet and ws.column_dimensions["A"].hidden
    assert tpl.META_SHEET in book.sheetnames
    assert any(dv.type == "list" for dv in ws.data_validations.dataValidation)
    preview = build_preview(register, 1, "2021-H1", [template], today=TODAY)
    assert [str(p) for p in preview.problems if p.severity == "error"] == []
    assert [c.number for c in preview.changes] == ["3.2"]
    new = preview.changes[0].new
    assert new is not None and (new.status, new.completed_on) == ("done", "2021-06-02")
    assert new.result_text == "- Đã ban hành kế hoạch PCI"
    assert apply_preview(register, preview).applied == 1
