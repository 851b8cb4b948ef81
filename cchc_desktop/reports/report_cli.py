"""`cchc-desktop report KIND -o OUT.pdf|OUT.docx [--draft]`: write, or refuse with exit 2."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from cchc_desktop.register.connection import Register
from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.checks import MissingInfoError
from cchc_desktop.reports.cli import run_report
from cchc_desktop.reports.inspection_kinds import INSPECTION_REPORT_KINDS, run_inspection_report
from cchc_desktop.reports.model import Registration

EXIT_OK, EXIT_MISSING = 0, 2


def _day(text: str | None, option: str) -> date | None:
    """Read an ISO date option, or raise ReportError naming it."""
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise ReportError(f"{option} “{text}” không phải ngày dạng YYYY-MM-DD.") from error


def write_report(register: Register, args: argparse.Namespace) -> int:
    """Write the document the arguments ask for; print what is missing and return 2 if any."""
    try:
        if args.kind.strip().lower() in INSPECTION_REPORT_KINDS:
            path = run_inspection_report(register, args.kind, args.output, args.plan, args.unit,
                                         draft=args.draft)
        else:
            day = _day(args.date, "--date")
            registration = Registration(args.number or "", day, day.year if day else None) \
                if (args.number or day) else None
            path = run_report(register, args.kind, args.output, args.plan, args.period,
                              draft=args.draft, registration=registration,
                              as_of=_day(args.as_of, "--as-of"))
    except MissingInfoError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_MISSING
    what = "bản dự thảo" if args.draft else "văn bản"
    print(f"Đã ghi {what} '{path}'.")
    return EXIT_OK
