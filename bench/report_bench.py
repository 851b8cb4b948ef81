"""Benchmark: a 1,000-task appendix PDF against a bare ReportLab table of the same cells.

Run: .venv/bin/python bench/report_bench.py [--tasks 1000] [--repeat 5]

Prints the best and median wall time of:
  (a) bare ReportLab: SimpleDocTemplate on landscape A4 with one Table of Paragraph cells in the
      same embedded fonts, styles, widths and paddings, header repeated, a grid; section titles
      in their own column (no spans), no keep-with-next, no page numbers;
  (b) the appendix as CCHC Desktop renders it: NĐ 30 page templates and page numbers, section
      and group rows spanning the columns and kept with the next row, total and in-words rows,
      written atomically (build_pdf);
  (c) for information, the whole Kế hoạch (body, signature, appendix) collected from a register.
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

from reportlab.lib.colors import black
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.plans import services  # noqa: E402
from cchc_desktop.plans.models import Plan, TaskDraft  # noqa: E402
from cchc_desktop.register.connection import open_register  # noqa: E402
from cchc_desktop.reports.base import (  # noqa: E402
    BOTTOM_MARGIN,
    FONT,
    LANDSCAPE,
    LEFT_MARGIN,
    RIGHT_MARGIN,
    STYLES,
    TOP_MARGIN,
    DocumentInfo,
    build_pdf,
    content_width,
    register_fonts,
)
from cchc_desktop.reports.model import Appendix  # noqa: E402
from cchc_desktop.reports.parts import appendix_heading, markup  # noqa: E402
from cchc_desktop.reports.plan import PLAN_COLUMNS, collect_plan, render_plan  # noqa: E402
from cchc_desktop.reports.tables import (  # noqa: E402
    ROW_GROUP,
    ROW_ITEM,
    ROW_NOTE,
    ROW_SECTION,
    ROW_TOTAL,
    Row,
    build_table,
    column_widths,
)

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
UNITS = ["Văn phòng", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch"]
TIMES = ["Quý I/2026", "Thường xuyên", "Trước ngày 30/6/2026", "Tháng 3 - Tháng 10"]
PER_GROUP = 10


def make_rows(tasks: int) -> list[Row]:
    """Return appendix rows: ten sections, groups of ten tasks, a total and words row."""
    rows: list[Row] = []
    groups = max(1, tasks // (len(ROMAN) * PER_GROUP))
    count = 0
    for code in ROMAN:
        rows.append(Row(ROW_SECTION, [code, f"LĨNH VỰC CẢI CÁCH {code}"]))
        for group in range(1, groups + 1):
            rows.append(Row(ROW_GROUP, [str(group), f"Nhóm nhiệm vụ {group} lĩnh vực {code}"]))
            for item in range(1, PER_GROUP + 1):
                count += 1
                content = "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền giải quyết" + (
                    ", đề xuất phương án đơn giản hóa" if count % 3 else "")
                rows.append(Row(ROW_ITEM, [
                    f"{group}.{item}", f"{content} (nhiệm vụ {count})",
                    "Báo cáo kết quả; văn bản đề xuất", UNITS[count % 4], UNITS[(count + 1) % 4],
                    TIMES[count % 4], "3" if count % 5 == 0 else "",
                ]))
    rows.append(Row(ROW_TOTAL, ["Tổng cộng", str(3 * (count // 5))]))
    rows.append(Row(ROW_NOTE, ["(Bằng chữ: Sáu trăm triệu đồng)"]))
    return rows


def bare(rows: list[Row], path: Path) -> None:
    """Render the same cells as one plain ReportLab table (same fonts, styles, widths)."""
    styles = [STYLES.cell_center, STYLES.cell, STYLES.cell, STYLES.cell_center,
              STYLES.cell_center, STYLES.cell_center, STYLES.cell_center]
    data = [[Paragraph(markup(c.header), STYLES.cell_bold_center) for c in PLAN_COLUMNS]]
    for row in rows:
        cells = row.cells + [""] * (len(PLAN_COLUMNS) - len(row.cells))
        data.append([Paragraph(markup(text), style) if text else ""
                     for text, style in zip(cells, styles, strict=True)])
    width = content_width(LANDSCAPE)
    table = Table(data, colWidths=column_widths(PLAN_COLUMNS, width), repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, black),
                               ("FONTNAME", (0, 0), (-1, -1), FONT),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 2),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    doc = SimpleDocTemplate(str(path), pagesize=LANDSCAPE, leftMargin=LEFT_MARGIN,
                            rightMargin=RIGHT_MARGIN, topMargin=TOP_MARGIN,
                            bottomMargin=BOTTOM_MARGIN, initialFontName=FONT)
    doc.build([table])


def ours(rows: list[Row], path: Path) -> None:
    """Render the appendix the way the Kế hoạch does (heading, page templates, table)."""
    def story() -> list:  # type: ignore[type-arg]
        heading = appendix_heading(Appendix("Phụ lục", "Nhiệm vụ cải cách hành chính năm 2026",
                                            "(Kèm theo Kế hoạch số 12/KH-UBND ngày "
                                            "05/01/2026)"))
        return [*heading[1:], build_table(PLAN_COLUMNS, rows, content_width(LANDSCAPE))]
    build_pdf(path, story, DocumentInfo("Phụ lục"))


def whole_plan(folder: Path, tasks: int) -> Callable[[Path], None]:
    """Return a function rendering the whole Kế hoạch of a register with that many tasks."""
    register = open_register(folder / "bench.sqlite")
    plan_id = services.create_plan(register, Plan(id=0, title="Kế hoạch CCHC năm 2026",
                                                  year=2026, number="12/KH-UBND",
                                                  issued_on="2026-01-05"))
    for index in range(tasks):
        services.add_task(register, plan_id, TaskDraft(
            content=f"Rà soát thủ tục hành chính số {index}", lead_text=UNITS[index % 4],
            timeframe=TIMES[index % 4], budget_million_vnd=1.5 if index % 5 == 0 else None))
    return lambda path: render_plan(collect_plan(register, plan_id), path, draft=True)


def timed(label: str, work: Callable[[Path], object], path: Path, repeat: int) -> float:
    """Run work repeat times; print and return the best time."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work(path)
        times.append(time.perf_counter() - start)
    best = min(times)
    print(f"{label:<52} best {best:6.3f} s   median {statistics.median(times):6.3f} s")
    return best


def main() -> int:
    """Run the benchmark and print times and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    register_fonts()
    rows = make_rows(args.tasks)
    tasks = sum(1 for row in rows if row.kind == ROW_ITEM)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        print(f"{tasks} tasks, {len(rows)} rows, best of {args.repeat}")
        a = timed("(a) bare ReportLab table", lambda p: bare(rows, p), base / "a.pdf",
                  args.repeat)
        b = timed("(b) CCHC appendix (NĐ 30 templates, keep-with-next)",
                  lambda p: ours(rows, p), base / "b.pdf", args.repeat)
        plan = whole_plan(base, tasks)
        timed("(c) whole Kế hoạch from the register", plan, base / "c.pdf", args.repeat)
        print(f"ratio (b)/(a): {b / a:.2f}x (target ≤ 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
