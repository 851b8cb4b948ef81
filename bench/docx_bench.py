"""Benchmark: a 1,000-task Kế hoạch as a Word copy against a bare python-docx table.

Run: .venv/bin/python bench/docx_bench.py [--tasks 1000] [--repeat 5]

Prints the best and median wall time of:
  (a) bare python-docx: a landscape A4 document with one 'Table Grid' table of the same cells
      (header row, then table.add_row() and cell.text for every cell), saved;
  (b) the same rows as CCHC Desktop writes them: the appendix section of the document model
      (NĐ 30 page setup and page numbers, header row repeated on every page, rows never cut,
      section and group rows spanning the columns and kept with the next row), saved;
  (c) the whole Kế hoạch of a register with that many tasks (collect, header table, body,
      signature, the appendix), saved as .docx.
Targets: (c) ≤ 3 s; (b) within 1.5x of (a).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.report_bench import make_rows, timed, whole_plan  # noqa: E402
from cchc_desktop.reports.docx_render import render_docx  # noqa: E402
from cchc_desktop.reports.model import (  # noqa: E402
    KE_HOACH,
    ROW_ITEM,
    Appendix,
    Document,
    Issuer,
    Registration,
    Row,
    Signature,
    TableBlock,
)
from cchc_desktop.reports.plan import PLAN_COLUMNS  # noqa: E402


def bare(rows: list[Row], path: Path) -> None:
    """Write the same cells as one plain python-docx table."""
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    table = document.add_table(rows=1, cols=len(PLAN_COLUMNS))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, PLAN_COLUMNS, strict=True):
        cell.text = column.header
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row.cells, strict=False):
            cell.text = text
    document.save(str(path))


def ours(rows: list[Row], path: Path) -> None:
    """Write the rows as the Kế hoạch's appendix section (the document model's Word copy)."""
    doc = Document(KE_HOACH, Issuer("Ủy ban nhân dân xã Ea Tiêu", "", "UBND", "Ea Tiêu"),
                   Registration("12", None, 2026), "Cải cách hành chính năm 2026",
                   Signature("", "Chủ tịch", "Nguyễn Văn A"),
                   appendices=[Appendix("Phụ lục", "Nhiệm vụ cải cách hành chính năm 2026",
                                        "(Kèm theo Kế hoạch số 12/KH-UBND)",
                                        [TableBlock(PLAN_COLUMNS, rows)])])
    render_docx(doc, path)


def main() -> int:
    """Run the benchmark and print times and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    rows = make_rows(args.tasks)
    tasks = sum(1 for row in rows if row.kind == ROW_ITEM)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        print(f"{tasks} tasks, {len(rows)} rows, best of {args.repeat}")
        a = timed("(a) bare python-docx table", lambda p: bare(rows, p), base / "a.docx",
                  args.repeat)
        b = timed("(b) CCHC appendix section (NĐ 30, repeated header)",
                  lambda p: ours(rows, p), base / "b.docx", args.repeat)
        plan = whole_plan(base, tasks)
        c = timed("(c) whole Kế hoạch from the register, .docx",
                  lambda p: plan(p.with_suffix(".docx")), base / "c.docx", args.repeat)
        print(f"ratio (b)/(a): {b / a:.2f}x (target ≤ 1.5x); whole plan {c:.2f} s "
              "(target ≤ 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
