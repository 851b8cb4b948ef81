"""Benchmark: export a 10,000-task plan and compare with a bare openpyxl write-only pass.

Run: .venv/bin/python bench/export_bench.py [--tasks 10000] [--repeat 3]

Builds a register (temp dir) with one plan of N tasks in sections and groups (units,
timeframes, some budgets), then prints the best wall time of:
  (a) bare: openpyxl write-only, ws.append() of exactly the cells the appendix sheet holds
      (titles, header, sections, groups, tasks, total and words), no styles, then save;
  (b) export: cchc_desktop.excel.export.export_workbook of the appendix sheet, from the
      register query to the saved file (styles, borders, row heights, merges, print set-up);
  (c) the same with the progress sheet of a period added (for information).
Target: (b) within 1.5x of (a).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedGroup, ParsedSection, ParsedTask
from cchc_desktop.excel.write.export import ExportOptions, appendix_sheet, export_workbook  # noqa: E402
from cchc_desktop.plans.importer import import_appendix  # noqa: E402
from cchc_desktop.plans.models import Plan  # noqa: E402
from cchc_desktop.register.connection import Register, open_register  # noqa: E402

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
UNITS = ["Văn phòng", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch"]
TIMES = ["Quý I/2026", "Thường xuyên", "Trước ngày 30/6/2026", "Tháng 3 - Tháng 10"]


def build_plan(register: Register, tasks: int) -> int:
    """Import a plan with the given number of tasks; return its id."""
    parsed = ParsedAppendix(file_name="bench.xlsx", sheet="Phụ lục")
    per_group, row = 10, 0
    groups = max(1, tasks // (len(ROMAN) * per_group))
    for code in ROMAN:
        row += 1
        parsed.sections.append(ParsedSection(code, f"LĨNH VỰC CẢI CÁCH {code}", row))
        for group in range(1, groups + 1):
            row += 1
            parsed.groups.append(ParsedGroup(code, str(group), f"Nhóm nhiệm vụ {group}", row))
            for item in range(1, per_group + 1):
                row += 1
                n = len(parsed.tasks)
                parsed.tasks.append(ParsedTask(
                    f"{group}.{item}", code, str(group),
                    f"Triển khai nhiệm vụ cải cách hành chính số {n} theo kế hoạch của tỉnh, "
                    "bảo đảm đúng tiến độ và chất lượng", "Báo cáo kết quả thực hiện",
                    UNITS[n % 4], "Các phòng chuyên môn", TIMES[n % 4],
                    float(n % 7) if n % 3 == 0 else None, source_row=row))
    plan = Plan(0, "Kế hoạch cải cách hành chính năm 2026 của UBND xã", number="12/KH-UBND",
                issued_on="2026-01-05", issuer="UBND xã", year=2026)
    return import_appendix(register, parsed, plan)


def bare_write(rows: list[list[object]], path: Path) -> None:
    """Write the same cells with a bare write-only workbook."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục")
    for values in rows:
        sheet.append(values)
    book.save(path)


def timed(runs: list[Callable[[], object]], repeat: int) -> list[tuple[float, float]]:
    """Run each function in turn, repeat times (interleaved, so load changes hit all alike);
    return each one's best and median wall time."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            run()
            times[index].append(time.perf_counter() - start)
    return [(min(t), statistics.median(t)) for t in times]


def main() -> None:
    """Run the benchmark and print the ratio."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        register = open_register(base / "bench.sqlite")
        plan_id = build_plan(register, args.tasks)
        options = ExportOptions(plan_id, progress=False)
        _, rows = appendix_sheet(register, options)
        cells = [list(row.values) for row in rows]
        bare, export = timed([
            lambda: bare_write(cells, base / "bare.xlsx"),
            lambda: export_workbook(register, base / "export.xlsx", options),
        ], args.repeat)
        (full,) = timed([lambda: export_workbook(register, base / "full.xlsx", ExportOptions(
            plan_id, period_code="2026-Q1"))], max(1, args.repeat // 2))
        register.close()
    count = args.tasks
    print(f"{count} tasks, {len(cells)} rows (best / median of {args.repeat})")
    print(f"(a) bare openpyxl write-only:  {bare[0]:.3f} s / {bare[1]:.3f} s")
    print(f"(b) export appendix sheet:     {export[0]:.3f} s / {export[1]:.3f} s")
    print(f"(c) appendix + progress sheet: {full[0]:.3f} s / {full[1]:.3f} s")
    ratio = export[0] / bare[0]
    print(f"ratio (b)/(a): {ratio:.2f}x (target <= 1.5x) -> {'OK' if ratio <= 1.5 else 'SLOW'}")


if __name__ == "__main__":
    main()
