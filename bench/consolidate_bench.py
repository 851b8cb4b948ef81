"""Benchmark: consolidate 30 returned templates of 100 tasks each.

Run: .venv/bin/python bench/consolidate_bench.py [--units 30] [--tasks 100] [--repeat 3]

Builds a register (temp dir) with one plan where each of N units leads M tasks, writes the N
return templates, fills every row as a unit would (status, percent, result, evidence,
completion date; openpyxl, not timed), then times on a fresh copy of the register:
  (a) build_preview: read every file (checks, hidden id, validation) and compare with the
      register;
  (b) apply_preview: write every change, the return log and the audit in one transaction.
Target: (a) + (b) at most 3 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedSection, ParsedTask  # noqa: E402
from cchc_desktop.exchange import templates as tpl  # noqa: E402
from cchc_desktop.exchange.consolidate import apply_preview, build_preview  # noqa: E402
from cchc_desktop.plans.importer import import_appendix  # noqa: E402
from cchc_desktop.plans.models import Plan  # noqa: E402
from cchc_desktop.register.connection import open_register  # noqa: E402

PERIOD = "2026-H1"
TODAY = date(2026, 6, 15)
STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện"]


def build_register(path: Path, units: int, tasks: int) -> None:
    """Create a register whose plan gives each unit `tasks` tasks to lead."""
    register = open_register(path)
    parsed = ParsedAppendix(file_name="bench.xlsx", sheet="Phụ lục")
    parsed.sections.append(ParsedSection("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 1))
    for n in range(units * tasks):
        parsed.tasks.append(ParsedTask(
            str(n + 1), "I", None, f"Nhiệm vụ cải cách hành chính số {n + 1} của đơn vị",
            "Báo cáo", f"Phòng số {n // tasks + 1}", "", "Quý II/2026", source_row=n + 2))
    plan = Plan(0, "Kế hoạch CCHC năm 2026", number="5/KH-UBND", issued_on="2026-01-05",
                year=2026)
    import_appendix(register, parsed, plan)
    register.close()


def fill_templates(path: Path, folder: Path) -> list[Path]:
    """Write every unit's template and fill each task row."""
    register = open_register(path)
    files = tpl.write_templates(register, 1, PERIOD, folder, today=TODAY)
    register.close()
    for item in files:
        book = openpyxl.load_workbook(item.path)
        ws = book[tpl.DATA_SHEET]
        for index, row in enumerate(ws.iter_rows(min_row=7)):
            if row[0].value is None:
                continue
            status = STATUSES[index % 3]
            row[5].value = status
            row[6].value = 100 if status == "Hoàn thành" else (50 if index % 3 == 1 else None)
            row[7].value = f"Đã thực hiện phần việc {index}" if index % 3 < 2 else None
            row[8].value = f"{index}/BC-UBND Báo cáo kết quả" if index % 3 == 0 else None
            row[9].value = date(2026, 5, 1 + index % 28) if index % 3 == 0 else None
        book.save(item.path)
    return [f.path for f in files]


def main() -> None:
    """Run the benchmark and print the timings."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=30)
    parser.add_argument("--tasks", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        build_register(base / "base.sqlite", args.units, args.tasks)
        paths = fill_templates(base / "base.sqlite", base / "returns")
        reads, applies, changes = [], [], 0
        for attempt in range(args.repeat):
            copy = base / f"run{attempt}.sqlite"
            shutil.copy(base / "base.sqlite", copy)
            register = open_register(copy)
            start = time.perf_counter()
            preview = build_preview(register, 1, PERIOD, [base / "returns"], today=TODAY)
            middle = time.perf_counter()
            result = apply_preview(register, preview, officer="bench")
            end = time.perf_counter()
            register.close()
            reads.append(middle - start)
            applies.append(end - middle)
            changes = result.applied
            errors = [p for p in preview.problems if p.severity == "error"]
            assert not errors, errors[:3]
    total = [r + a for r, a in zip(reads, applies, strict=True)]
    print(f"{len(paths)} returns x {args.tasks} tasks, {changes} changes applied "
          f"(best / median of {args.repeat})")
    print(f"(a) build_preview: {min(reads):.3f} s / {statistics.median(reads):.3f} s")
    print(f"(b) apply_preview: {min(applies):.3f} s / {statistics.median(applies):.3f} s")
    best = min(total)
    print(f"total: {best:.3f} s (target <= 3 s) -> {'OK' if best <= 3 else 'SLOW'}")


if __name__ == "__main__":
    main()
