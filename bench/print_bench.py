"""Benchmark: printing a 1,000-task Kế hoạch (In… in the report dialog) into a PDF printer.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/print_bench.py [--tasks 1000]

Prints time, output size and size per page of:
  (a) pictures: each page rendered by QtPdf at 300 dpi and drawn on the sheet (what In… did
      before: a page-sized image per page);
  (b) CCHC Desktop: each page read back as words, rules and boxes (reports.page_drawing) and
      replayed with QPainter (ui/reports/printing.py): text and vectors, 100 %, own orientation.
Target: (b) far smaller than (a) per page, and not slower.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QMarginsF, QRectF, QSize  # noqa: E402
from PySide6.QtGui import QPageLayout, QPageSize, QPainter  # noqa: E402
from PySide6.QtPdf import QPdfDocument  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.report_bench import whole_plan  # noqa: E402
from cchc_desktop.reports.page_drawing import read_drawings  # noqa: E402
from ui.reports.printing import print_pages  # noqa: E402


def pdf_printer(path: Path) -> QPrinter:
    """Return a high-resolution printer writing a PDF file."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setFullPage(True)
    return printer


def pictures(source: Path, out: Path) -> int:
    """Print every page as a 300 dpi picture (the old way); return pages."""
    document = QPdfDocument()
    document.load(str(source))
    printer, painter = pdf_printer(out), QPainter()
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        landscape = size.width() > size.height()
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                          QPageLayout.Orientation.Landscape if landscape
                                          else QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        if page == 0:
            painter.begin(printer)
        else:
            printer.newPage()
        image = document.render(page, QSize(round(size.width() * 300 / 72),
                                            round(size.height() * 300 / 72)))
        painter.drawImage(QRectF(painter.viewport()), image)
    painter.end()
    return int(document.pageCount())


def replay(source: Path, out: Path) -> int:
    """Print every page as text and rules (CCHC Desktop); return pages."""
    return print_pages(pdf_printer(out), read_drawings(source))


def main() -> int:
    """Make the plan's PDF once, then print it both ways and report."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=1000)
    args = parser.parse_args()
    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="cchc-print-bench-"))
    source = folder / "ke-hoach.pdf"
    whole_plan(folder, args.tasks)(source)
    results = {}
    for label, work in (("(a) page pictures, 300 dpi", pictures),
                        ("(b) text and rules (CCHC)", replay)):
        out = folder / f"{label[1]}.pdf"
        start = time.perf_counter()
        pages = work(source, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size
        results[label] = (seconds, size)
        print(f"{label}: {pages} pages, {seconds:.2f} s, {size / 1e6:.2f} MB, "
              f"{size / pages / 1e3:.0f} kB/page")
    (ta, sa), (tb, sb) = results.values()
    print(f"ratio (b)/(a): time {tb / ta:.2f}x, size {sb / sa:.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
