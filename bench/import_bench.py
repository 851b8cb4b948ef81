"""Benchmark: the whole `cchc-desktop import` process against a bare read of the same file.

Run: .venv/bin/python bench/import_bench.py [--tasks 10000] [--pdf-tasks 1000] [--repeat 3]

Builds, in a temp dir, one appendix shaped like a real one (title rows, sections, groups, tasks
with units, timeframes and some budgets, a total row) as .xlsx, as a Word document and as a
ruled PDF, then prints the best wall time of separate processes (start-up included, as the
officer waits for it):
  (a) .xlsx: `cchc-desktop import FILE --db NEW` (read, new register, snapshot, one committed
      transaction) and `--dry-run` against a bare python-calamine read of every value;
  (b) .docx: the same import against a bare python-docx read of the table (cell texts of every
      row of the document's last table);
  (c) .pdf: the same import against a bare pdfplumber read (extract_tables() of every page).
Aims: (a) at most 3x the bare read, (b) and (c) at most 2x. The in-process read_appendix time
is printed too (for the reader alone).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
UNITS = ["Văn phòng", "Phòng Nội vụ", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch"]
TIMES = ["Quý I/2026", "Thường xuyên", "Trước ngày 30/6/2026", "Tháng 3 - Tháng 10"]
HEADER = ["TT", "Nội dung, nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp",
          "Thời gian thực hiện", "Kinh phí (Triệu đồng)"]  # fmt: skip
TITLE = ["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026 CỦA UBND XÃ",
         "(Kèm theo Kế hoạch số: 12/KH-UBND, ngày 05 tháng 01 năm 2026 của UBND xã)"]  # fmt: skip
BARE_XLSX = """
import sys, python_calamine
with open(sys.argv[1], "rb") as handle:
    book = python_calamine.CalamineWorkbook.from_filelike(handle)
    book.get_sheet_by_index(0).to_python(skip_empty_area=False)
"""
BARE_DOCX = """
import sys, docx
table = docx.Document(sys.argv[1]).tables[-1]
rows = [[cell.text for cell in row.cells] for row in table.rows]
"""
BARE_PDF = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    tables = [page.extract_tables() for page in pdf.pages]
"""


def appendix_rows(tasks: int) -> Iterator[list[object]]:
    """Yield the table rows of an appendix with about this many tasks (sections, groups)."""
    written = total = 0
    per_group = 10
    groups = max(1, tasks // (len(ROMAN) * per_group))
    for code in ROMAN:
        yield [code, f"LĨNH VỰC {code}", None, None, None, None, None]
        for group in range(1, groups + 1):
            yield [str(group), f"Nhóm nhiệm vụ {group} của lĩnh vực {code}",
                   None, None, None, None, None]  # fmt: skip
            for item in range(1, per_group + 1):
                written += 1
                budget = written % 7 if written % 3 == 0 else None
                total += budget or 0
                yield [f"{group}.{item}", f"Thực hiện nhiệm vụ cải cách hành chính số {written}",
                       "Báo cáo kết quả", UNITS[written % len(UNITS)], "Các phòng chuyên môn",
                       TIMES[written % len(TIMES)], budget]  # fmt: skip
    yield ["", "Tổng cộng", None, None, None, None, total]


def count_tasks(tasks: int) -> int:
    """Return how many tasks appendix_rows writes."""
    return sum(1 for row in appendix_rows(tasks) if "." in str(row[0]))


def build_xlsx(path: Path, tasks: int) -> None:
    """Write the appendix as a workbook (openpyxl write-only)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Phụ lục")
    for line in TITLE:
        sheet.append([line])
    sheet.append([])
    sheet.append(HEADER)
    for row in appendix_rows(tasks):
        sheet.append(row)
    book.save(path)


def build_docx(path: Path, tasks: int) -> None:
    """Write the appendix as a Word document (the table's rows written as XML at once)."""
    import docx

    document = docx.Document()
    for line in TITLE:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=7)
    for cell, text in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = text
    seed = path.with_suffix(".seed.docx")
    document.save(str(seed))
    rows = "".join(_docx_row(row) for row in appendix_rows(tasks))
    with zipfile.ZipFile(seed) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:tbl>", rows.encode() + b"</w:tbl>", 1)
            new.writestr(info, data)
    seed.unlink()


def _docx_row(row: list[object]) -> str:
    """Return one table row as WordprocessingML."""
    cells = "".join(
        f"<w:tc><w:p><w:r><w:t>{escape('' if v is None else str(v))}</w:t></w:r></w:p></w:tc>"
        for v in row
    )
    return f"<w:tr>{cells}</w:tr>"


def build_pdf(path: Path, tasks: int) -> None:
    """Write the appendix as a ruled PDF table across pages (header repeated)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

    font = ROOT / "resources" / "fonts" / "LiberationSerif-Regular.ttf"
    pdfmetrics.registerFont(TTFont("Serif", str(font)))
    style = ParagraphStyle("t", fontName="Serif", fontSize=11)
    rows = [HEADER] + [["" if v is None else str(v) for v in row] for row in appendix_rows(tasks)]
    table = Table(rows, repeatRows=1, style=[("FONT", (0, 0), (-1, -1), "Serif", 8),
                                             ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    story = [Paragraph(line, style) for line in TITLE] + [table]
    SimpleDocTemplate(str(path), pagesize=landscape(A4)).build(story)


def best_process(args: list[str], repeat: int) -> float:
    """Return the best wall time of running a process (it must succeed)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        best = min(best, time.perf_counter() - start)
    return best


def import_times(path: Path, folder: Path, repeat: int) -> tuple[float, float]:
    """Return the best times of the whole import process and of its --dry-run."""
    runs = iter(range(1000))
    best = float("inf")
    for _ in range(repeat):
        db = folder / f"so-{next(runs)}.sqlite"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "import", str(path), "--db",
                        str(db)], check=True, capture_output=True, cwd=ROOT)  # fmt: skip
        best = min(best, time.perf_counter() - start)
    dry = best_process([sys.executable, "-m", "cchc_desktop.cli", "import", str(path),
                        "--dry-run"], repeat)  # fmt: skip
    return best, dry


def compare(label: str, path: Path, bare: str, folder: Path, repeat: int, aim: float) -> None:
    """Print the import process, its dry run and the bare read of one file."""
    from cchc_desktop.excel.read.reader import read_appendix

    base = best_process([sys.executable, "-c", bare, str(path)], repeat)
    full, dry = import_times(path, folder, repeat)
    start = time.perf_counter()
    tasks = len(read_appendix(path).tasks)
    reader = time.perf_counter() - start
    verdict = "OK" if full / base <= aim else "MISSED"
    print(f"{label}: {tasks} tasks, {path.stat().st_size / 1024:.0f} KB")
    print(f"   bare read process            {base:6.3f} s")
    print(f"   cchc-desktop import          {full:6.3f} s  ({full / base:.2f}x bare; aim <= "
          f"{aim:g}x: {verdict})")  # fmt: skip
    print(f"   cchc-desktop import --dry-run{dry:6.3f} s  ({dry / base:.2f}x bare)")
    print(f"   read_appendix in process     {reader:6.3f} s")


def main() -> None:
    """Build the three files and print each comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--pdf-tasks", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        xlsx, docx_path, pdf = folder / "a.xlsx", folder / "a.docx", folder / "a.pdf"
        build_xlsx(xlsx, args.tasks)
        build_docx(docx_path, args.tasks)
        build_pdf(pdf, args.pdf_tasks)
        compare("(a) .xlsx", xlsx, BARE_XLSX, folder, args.repeat, 3)
        compare("(b) .docx", docx_path, BARE_DOCX, folder, args.repeat, 2)
        compare("(c) .pdf ", pdf, BARE_PDF, folder, args.repeat, 2)


if __name__ == "__main__":
    main()
