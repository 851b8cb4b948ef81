"""The command line: thin wrappers over services. `cchc-desktop --help` lists the commands."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from cchc_desktop.errors import CchcError
from cchc_desktop.register.connection import Register, default_register_path
from cchc_desktop.register.failures import describe
from cchc_desktop.register.lock import open_for_reading, open_for_writing

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
PLAN_HELP = "mã kế hoạch (mặc định: kế hoạch mở hoặc nhập gần nhất)"


# Vietnamese for argparse's own words ("usage", "options", its error messages).
ARGPARSE_TEXTS = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng đối số %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "%(prog)s: error: ": "%(prog)s: lỗi: ",
}


def _translate(text: str) -> str:
    """Return the Vietnamese of one argparse text (the text itself when it has none)."""
    return ARGPARSE_TEXTS.get(text, text)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    """Return the Vietnamese of argparse's counted texts ("expected %s argument")."""
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if count == 1 else plural


def _argparse_in_vietnamese() -> None:
    """Make argparse speak Vietnamese in this process (it looks `_` up when it formats)."""
    argparse._ = _translate  # type: ignore[attr-defined]
    argparse.ngettext = _translate_plural  # type: ignore[attr-defined]


def _add_db(parser: argparse.ArgumentParser) -> None:
    """Add the --db option (the register file)."""
    parser.add_argument("--db", type=Path, default=None, metavar="TỆP_SỔ",
                        help="tệp sổ đăng ký (mặc định: trong thư mục dữ liệu người dùng)")


def _agency_parser(sub: Any) -> None:
    """Add `agency`: show or set the agency settings and the default signer."""
    agency = sub.add_parser("agency", help="xem hoặc đặt thông tin cơ quan và người ký mặc định")
    for option, metavar, text in (
        ("--name", "TÊN", "tên cơ quan ban hành"), ("--parent", "TÊN", "cơ quan chủ quản"),
        ("--place", "ĐỊA_DANH", "địa danh ghi trước ngày tháng"),
        ("--abbreviation", "KÝ_HIỆU", "ký hiệu viết tắt (UBND, SNV…)"),
        ("--drafting-unit", "ĐƠN_VỊ", "đơn vị soạn thảo ghi ở “Lưu: VT, …”"),
        ("--signer-name", "HỌ_TÊN", "họ tên người ký mặc định"),
        ("--signer-title", "CHỨC_VỤ", "chức vụ người ký"),
        ("--authority", "QUYỀN_HẠN", "\"\" | TM. | KT. | Q. | TL. | TUQ. | TM.+KT."),
        ("--head-title", "CHỨC_VỤ", "chức vụ người đứng đầu (sau KT., TL., TUQ., Q.)"),
        ("--collective", "TẬP_THỂ", "tập thể sau TM. (ví dụ Ủy ban nhân dân)"),
    ):
        agency.add_argument(option, default=None, metavar=metavar, help=text)
    _add_db(agency)


def _import_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `import FILE`: read an appendix (Excel, Word, PDF) into the register."""
    imp = sub.add_parser("import", help="nhập phụ lục kế hoạch từ Excel, Word hoặc PDF")
    imp.add_argument("file", type=Path, metavar="TỆP",
                     help="tệp phụ lục hoặc kế hoạch: .xlsx, .xlsm, .xls, .ods, .docx, .pdf")
    imp.add_argument("--sheet", default=None, metavar="TRANG",
                     help="tên trang tính (hoặc 'Bảng 2' trong tệp Word/PDF) chứa bảng nhiệm vụ")
    imp.add_argument("--dry-run", action="store_true", help="chỉ đọc, không ghi vào sổ")
    imp.add_argument("--json", action="store_true", help="in kết quả đọc dạng JSON")
    _add_db(imp)


def _export_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `export OUT.xlsx`: the plan in appendix layout."""
    exp = sub.add_parser("export", help="xuất phụ lục ra Excel")
    exp.add_argument("out", type=Path, metavar="TỆP_RA", help="tệp .xlsx sẽ ghi")
    exp.add_argument("--plan", type=int, default=None, metavar="MÃ", help=PLAN_HELP)
    exp.add_argument("--unit", default=None, metavar="ĐƠN_VỊ",
                     help="chỉ các nhiệm vụ của đơn vị này")
    _add_db(exp)


def _report_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `report KIND -o OUT.pdf|OUT.docx`: an official document."""
    rep = sub.add_parser("report", help="in văn bản (PDF hoặc Word) theo Nghị định 30/2020")
    rep.add_argument("kind", metavar="LOẠI",
                     help="plan | period | overdue | kiem-tra | ket-luan")
    rep.add_argument("-o", "--output", type=Path, required=True, metavar="TỆP_RA",
                     help="tệp .pdf hoặc .docx sẽ ghi")
    rep.add_argument("--draft", action="store_true",
                     help="tạo bản dự thảo (ghi “DỰ THẢO” trên mọi trang) dù còn thiếu thông tin")
    rep.add_argument("--number", default=None, metavar="SỐ",
                     help="số văn bản đã đăng ký (mặc định để trống cho văn thư)")
    rep.add_argument("--date", default=None, metavar="NGÀY",
                     help="ngày văn bản đã đăng ký, YYYY-MM-DD (mặc định để trống)")
    rep.add_argument("--as-of", default=None, metavar="NGÀY",
                     help="ngày tính quá hạn khi không chọn kỳ (overdue), YYYY-MM-DD")
    rep.add_argument("--plan", type=int, default=None, metavar="MÃ", help=PLAN_HELP)
    rep.add_argument("--period", default=None, metavar="KỲ",
                     help="2026-Q1 | 2026-H1 | 2026-Q3 | 2026-9M | 2026")
    rep.add_argument("--unit", default=None, metavar="ĐƠN_VỊ",
                     help="đơn vị được kiểm tra (cho ket-luan)")
    _add_db(rep)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of every command (its help and errors in Vietnamese)."""
    _argparse_in_vietnamese()
    parser = argparse.ArgumentParser(
        prog="cchc-desktop",
        description="CCHC Desktop — sổ theo dõi kế hoạch cải cách hành chính.",
    )
    _add_db(parser)
    parser.add_argument("--quit-after-start", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--check-modules", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", title="lệnh", metavar="LỆNH")
    _import_parser(sub)
    _export_parser(sub)
    _report_parser(sub)
    from cchc_desktop.progress.command import add_parser as add_progress_parser

    add_progress_parser(sub, _add_db, PLAN_HELP)
    _agency_parser(sub)
    demo = sub.add_parser("demo", help="tạo sổ mẫu với kế hoạch CCHC mẫu")
    _add_db(demo)
    return parser


def _register_path(args: argparse.Namespace) -> Path:
    """Return the register the command acts on."""
    return Path(args.db) if args.db else default_register_path()


def _open(args: argparse.Namespace) -> Register:
    """Open the command's register to write, under its lock (a holder is named; closing the
    register releases it)."""
    return open_for_writing(_register_path(args))


def _open_to_read(args: argparse.Namespace) -> Register:
    """Open the command's register to read (read-only, no lock needed)."""
    return open_for_reading(_register_path(args))


def cmd_demo(args: argparse.Namespace) -> int:
    """Create a demo register."""
    from cchc_desktop.start.demo import create_demo

    register = _open(args)
    try:
        plan_id = create_demo(register)
        count = register.db.execute("SELECT count(*) FROM tasks WHERE plan_id = ?", [plan_id])
        print(f"Đã tạo sổ mẫu '{register.path}': kế hoạch #{plan_id}, "
              f"{count.fetchone()[0]} nhiệm vụ.")
    finally:
        register.close()
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Read an appendix (workbook, Word or PDF) and (unless --dry-run) write it as a new plan."""
    from cchc_desktop.excel.read.reader import appendix_to_json, read_appendix
    from cchc_desktop.plans.importer import add_unit_warnings, import_appendix
    from cchc_desktop.register import backup

    parsed = add_unit_warnings(read_appendix(args.file, sheet=args.sheet))
    if args.json:
        json.dump(appendix_to_json(parsed), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for warning in parsed.warnings:
            print(f"Cảnh báo: trang '{warning.sheet}', dòng {warning.row}: {warning.message}",
                  file=sys.stderr)
    if args.dry_run:
        return EXIT_OK
    register = _open(args)
    try:
        backup.snapshot(register, backup.REASON_IMPORT)
        plan_id = import_appendix(register, parsed)
    finally:
        register.close()
    if not args.json:
        print(f"Đã nhập {len(parsed.tasks)} nhiệm vụ ({len(parsed.sections)} lĩnh vực, "
              f"{len(parsed.groups)} nhóm) vào kế hoạch #{plan_id}.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """Write an official document (.pdf or .docx, NĐ 30/2020 layout); 2 if incomplete."""
    from cchc_desktop.reports.report_cli import write_report

    register = _open_to_read(args)
    try:
        return write_report(register, args)
    finally:
        register.close()


def cmd_agency(args: argparse.Namespace) -> int:
    """Print the agency settings, after setting those given."""
    from cchc_desktop.reports.agency_cli import agency_text, update_agency

    register = _open(args)
    try:
        print(agency_text(update_agency(register, vars(args))))
    finally:
        register.close()
    return EXIT_OK


def cmd_progress(args: argparse.Namespace) -> int:
    """Record one task's progress in a period."""
    from cchc_desktop.plans.services import current_plan_id
    from cchc_desktop.progress.command import run

    register = _open(args)
    try:
        plan_id = args.plan if args.plan is not None else current_plan_id(register)
        if plan_id is None:
            raise CchcError("Sổ chưa có kế hoạch nào; hãy nhập phụ lục kế hoạch trước.")
        for line in run(register, plan_id, args):
            print(line)
    finally:
        register.close()
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """Write the plan (or one unit's tasks) as an appendix workbook."""
    from cchc_desktop.excel.write.export import run_export

    register = _open_to_read(args)
    try:
        path = run_export(register, args.out, args.plan, args.unit)
    finally:
        register.close()
    print(f"Đã xuất '{path}'.")
    return EXIT_OK


def cmd_open(args: argparse.Namespace) -> int:
    """Open the desktop app on the register."""
    from ui.shell.app import run_app

    return run_app(_register_path(args), quit_after_start=args.quit_after_start)


def _commands() -> dict[str | None, Callable[[argparse.Namespace], int]]:
    """Return the handler of each command, adding those provided by optional modules."""
    commands: dict[str | None, Callable[[argparse.Namespace], int]] = {
        None: cmd_open, "demo": cmd_demo, "import": cmd_import,
        "export": cmd_export, "report": cmd_report, "progress": cmd_progress,
        "agency": cmd_agency,
    }
    return commands


def check_modules() -> int:
    """Import every module of the app (a frozen build must carry them all); 0 if all load."""
    import importlib
    import pkgutil

    import cchc_desktop
    import ui

    failed = []
    for package in (cchc_desktop, ui):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            try:
                importlib.import_module(info.name)
            except Exception as error:  # noqa: BLE001 - reported, the check goes on
                failed.append(f"{info.name}: {error}")
    print("\n".join(failed) or "Đủ mọi mô-đun.")
    return EXIT_ERROR if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = build_parser().parse_args(argv)
    if args.check_modules:
        return check_modules()
    try:
        return _commands()[args.command](args)
    except CchcError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into `head`: stop quietly
        sys.stderr.close()
        return EXIT_OK
    except (sqlite3.Error, OSError) as error:  # disk full, read-only medium, permission…
        where = getattr(error, "filename", None) or _register_path(args)
        print(f"Lỗi: {describe(error, where)}", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
