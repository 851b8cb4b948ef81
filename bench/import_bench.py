"""Benchmark: import a 10,000-task appendix and compare with a bare read.

Run: .venv/bin/python bench/import_bench.py [--tasks 10000] [--repeat 5]

Builds an appendix .xlsx (openpyxl write_only, in a temp dir) shaped like a real one (title rows,
sections, groups, tasks with units, timeframes and some budgets, a total row), then prints the
best and median wall time of:
  (a) a bare read of its values with python-calamine, and with openpyxl read-only for comparison;
  (b) read_appendix (file checks, sheet choice, header mapping, row classification);
  (c) a full import committed to a new register: read_appendix + open_register +
      services.import_appendix, the whole process from the file to the committed transaction.
Targets: (c) at least 20,000 tasks/s and at most 3x the bare calamine read.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.excel.read.reader import read_appendix  # noqa: E402

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
UNITS = ["Văn phòng", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch"]
TIMES = ["Quý I/2026", "Thường xuyên", "Trước ngày 30/6/2026", "Tháng 3 - Tháng 10"]


def build_appendix(path: Path, tasks: int) -> int:
    """Write an appendix with the given number of tasks; return the count written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục")
    sheet.append(["PHỤ LỤC"])
    sheet.append(["NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA UBND XÃ"])
    sheet.append(["(Kèm theo Kế hoạch số: 12/KH-UBND, ngày 05 tháng 01 năm 2026 của UBND xã)"])
    sheet.append([])
    sheet.append(["TT", "Nội dung, nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì",
                  "Cơ quan phối hợp", "Thời gian thực hiện", "Kinh phí (Triệu đồng)"])  # fmt: skip
    written = 0
    total = 0
    per_group = 10
    groups = max(1, tasks // (len(ROMAN) * per_group))
    for code in ROMAN:
        sheet.append([code, f"LĨNH VỰC {code}"])
        for group in range(1, groups + 1):
            sheet.append([str(group), f"Nhóm nhiệm vụ {group} của lĩnh vực {code}"])
            for item in range(1, per_group + 1):
                written += 1
                budget = written % 7 if written % 3 == 0 else None
                total += budget or 0
                sheet.append([
                    f"{group}.{item}",
                    f"Thực hiện nhiệm vụ cải cách hành chính số {written} theo kế hoạch năm",
                    "Báo cáo kết quả thực hiện",
                    UNITS[written % len(UNITS)],
                    "Các phòng chuyên môn",
                    TIMES[written % len(TIMES)],
                    budget,
                ])  # fmt: skip
    sheet.append(["", "Tổng cộng", "", "", "", "", total])
    book.save(path)
    return written


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Return the best and the median wall time of an action."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def bare_calamine(path: Path) -> None:
    """Read every value of the first sheet with python-calamine."""
    with path.open("rb") as handle:
        book = CalamineWorkbook.from_filelike(handle)
        book.get_sheet_by_index(0).to_python(skip_empty_area=False)
        book.close()


def bare_openpyxl(path: Path) -> None:
    """Read every value of the first sheet with openpyxl in read-only mode."""
    book = load_workbook(path, read_only=True, data_only=True)
    for _row in book.worksheets[0].iter_rows(values_only=True):
        pass
    book.close()


def full_import_action(path: Path, folder: Path) -> Callable[[], object] | None:
    """Return the full import (read + register + commit), or None if services is missing."""
    try:
        from cchc_desktop.plans.services import import_appendix
        from cchc_desktop.register.db import open_register
    except ImportError as exc:
        print(f"(c) skipped: the import service is not available yet ({exc}).")
        return None
    counter = iter(range(1_000_000))

    def run() -> int:
        """Read, open a new register and import in one committed transaction."""
        parsed = read_appendix(path)
        register = open_register(folder / f"r{next(counter)}.sqlite")
        try:
            return import_appendix(register, parsed)
        finally:
            close = getattr(register, "close", None)
            if callable(close):
                close()

    return run


def main() -> None:
    """Build the appendix, time each stage and print rates and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "phu-luc-10000.xlsx"
        tasks = build_appendix(path, args.tasks)
        size = path.stat().st_size / 1024
        print(f"Appendix: {tasks} tasks, {size:.0f} KB ({path.name})")
        bare, bare_median = timed(lambda: bare_calamine(path), args.repeat)
        opx, _ = timed(lambda: bare_openpyxl(path), 1)
        print(f"(a) bare read, python-calamine : best {bare:.3f} s, median {bare_median:.3f} s")
        print(f"    bare read, openpyxl r/o    : {opx:.3f} s ({opx / bare:.1f}x calamine)")
        parsed = read_appendix(path)
        assert len(parsed.tasks) == tasks, (len(parsed.tasks), tasks)
        best, median = timed(lambda: read_appendix(path), args.repeat)
        _report("(b) read_appendix", tasks, best, median, bare)
        action = full_import_action(path, folder)
        if action is not None:
            best, median = timed(action, args.repeat)
            _report("(c) full import committed", tasks, best, median, bare)
            verdict = "OK" if tasks / best >= 20_000 and best / bare <= 3 else "MISSED"
            print(f"Target >= 20,000 tasks/s and <= 3x bare read: {verdict}")


def _report(label: str, tasks: int, best: float, median: float, bare: float) -> None:
    """Print one stage's time, rate and ratio to the bare read."""
    print(
        f"{label:<27}: best {best:.3f} s ({tasks / best:,.0f} tasks/s, {best / bare:.2f}x bare), "
        f"median {median:.3f} s ({tasks / median:,.0f} tasks/s, {median / bare:.2f}x bare)"
    )


if __name__ == "__main__":
    main()
