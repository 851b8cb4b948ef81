"""Benchmark: the register window on a 100,000-task register.

Run: .venv/bin/python bench/ui_bench.py [--tasks 100000] [--db PATH] [--keep]

Builds (or reuses with --db) a register holding one plan of varied, realistic tasks: 10
sections, groups of 100 tasks, contents made of CCHC phrases, ~200 communes and departments as
units, timeframes and budgets. Then, in a fresh process (Qt offscreen) so time and memory start
from zero, it prints:
  (a) open: from open_register to the first painted table, and the resident memory then;
      the states of every task (Trạng thái, Hạn, Tiến độ; a worker thread) ready after the
      first paint; the task rows read so far, and after jumping through the table (the model
      reads a page at a time);
  (b) search as you type: the officer's phrases typed one key at a time; each keystroke timed
      until the table first paints its answer (the rows in view: ui/shell/live_search.py) and
      until every row and the counts are in, next to the raw FTS5 query of the same keystroke
      (SELECT rowid … MATCH, fetchall); p50/p95 and the ratios to the raw query;
  (c) the peak resident memory of the whole run.
Run it with QT_QPA_PLATFORM=xcb under an X server (Xvfb) for the xcb figures.
Targets: states <= 1.0 s after the first paint; <= 250 MB; keystroke → table repainted
p95 <= 30 ms and <= 1.5x the raw query.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SECTIONS = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
            "CẢI CÁCH TỔ CHỨC BỘ MÁY", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", "CẢI CÁCH TÀI CHÍNH CÔNG",
            "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "CÔNG TÁC KIỂM TRA",
            "CÔNG TÁC TUYÊN TRUYỀN", "NHIỆM VỤ KHÁC"]
VERBS = ["Rà soát", "Xây dựng", "Tổ chức", "Triển khai", "Kiểm tra", "Hướng dẫn", "Đánh giá",
         "Cập nhật", "Tuyên truyền", "Số hóa", "Công khai", "Tập huấn", "Báo cáo", "Ban hành",
         "Theo dõi", "Đôn đốc", "Chuẩn hóa", "Niêm yết", "Tiếp nhận", "Giải quyết"]
OBJECTS = ["thủ tục hành chính lĩnh vực đất đai", "hồ sơ một cửa liên thông",
           "dịch vụ công trực tuyến toàn trình", "văn bản quy phạm pháp luật",
           "kế hoạch cải cách hành chính", "chỉ số hài lòng của người dân",
           "quy chế làm việc", "vị trí việc làm", "biên chế công chức", "cơ sở dữ liệu dân cư",
           "chữ ký số", "hệ thống quản lý văn bản", "đăng ký hộ tịch", "đăng ký kinh doanh",
           "cấp phép xây dựng", "chứng thực bản sao", "phản ánh, kiến nghị", "tài sản công",
           "quỹ lương", "đề án vị trí việc làm", "bộ phận tiếp nhận và trả kết quả",
           "thanh toán trực tuyến", "kho dữ liệu điện tử", "công tác văn thư, lưu trữ",
           "đạo đức công vụ", "kỷ luật, kỷ cương hành chính", "chính sách tinh giản biên chế",
           "tự chủ tài chính đơn vị sự nghiệp", "hồ sơ điện tử", "Chỉ số PAR INDEX"]
PLACES = ["Tân Phú", "Đắk Mil", "Gia Nghĩa", "Quảng Khê", "Nam Dong", "Đạo Nghĩa", "Kiến Đức",
          "Ea Pô", "Thuận An", "Đức Minh", "Nâm N'Jang", "Trường Xuân", "Quảng Sơn", "Đắk Ha",
          "Hòa Bình", "Phú Lợi", "Tâm Thắng", "Cư Knia", "Đắk Wil", "Nghĩa Thắng"]
DEPARTMENTS = ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính", "Sở Kế hoạch và Đầu tư",
               "Sở Thông tin và Truyền thông", "Sở Tài nguyên và Môi trường", "Văn phòng UBND tỉnh",
               "Sở Xây dựng", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Thanh tra tỉnh", "Công an tỉnh"]
TIMES = ["Quý I/2026", "Quý II/2026", "Trước ngày 30/6/2026", "Thường xuyên", "Hằng quý",
         "Tháng 3 - Tháng 10", "Năm 2026", "Trước ngày 15/12/2026", "Theo kế hoạch", "Quý IV/2026"]
TYPED = ["cai cach", "ubnd xa tan phu", "dang ky ho tich", "so noi vu", "mot cua lien thong",
         "van ban quy pham", "so hoa", "dat dai", "kiem tra cong vu", "thu tuc hanh chinh"]


def _unit(rng: random.Random) -> str:
    """Return a unit name: a commune's UBND or a department."""
    if rng.random() < 0.55:
        return f"UBND {rng.choice(['xã', 'phường'])} {rng.choice(PLACES)}"
    return rng.choice(DEPARTMENTS)


def _task(rng: random.Random, number: str, section: str, group: str, line: int) -> object:
    """Return one ParsedTask with varied wording."""
    from cchc_desktop.excel.read.appendix import ParsedTask

    content = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    if rng.random() < 0.3:
        content += f" tại UBND xã {rng.choice(PLACES)}"
    if rng.random() < 0.15:
        content += " theo kế hoạch cải cách hành chính năm 2026"
    partners = "; ".join(_unit(rng) for _ in range(rng.randint(0, 3)))
    budget = round(rng.random() * 50, 1) if rng.random() < 0.3 else None
    return ParsedTask(number, section, group, content, f"Báo cáo kết quả {rng.choice(OBJECTS)}",
                      _unit(rng), partners, rng.choice(TIMES), budget, "", line)


def build_register(path: Path, tasks: int) -> None:
    """Write a register with one plan of `tasks` tasks (10 sections, groups of 100)."""
    from cchc_desktop.excel.read.appendix import ParsedAppendix, ParsedGroup, ParsedSection
    from cchc_desktop.plans.importer import import_appendix
    from cchc_desktop.plans.models import Plan
    from cchc_desktop.register.connection import open_register

    rng = random.Random(2026)
    parsed = ParsedAppendix(file_name="bench.xlsx", sheet="Phụ lục")
    line, per_group = 0, 100
    groups = max(1, tasks // (len(SECTIONS) * per_group))
    for index, title in enumerate(SECTIONS, start=1):
        code = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][index - 1]
        line += 1
        parsed.sections.append(ParsedSection(code, title, line))
        for group in range(1, groups + 1):
            line += 1
            parsed.groups.append(ParsedGroup(code, str(group), f"Nhóm nhiệm vụ {group}", line))
            for item in range(1, per_group + 1):
                line += 1
                parsed.tasks.append(_task(rng, f"{group}.{item}", code, str(group), line))
    register = open_register(path)
    try:
        import_appendix(register, parsed, Plan(0, "Kế hoạch CCHC năm 2026 (thử tải)",
                                               number="1/KH-UBND", year=2026))
    finally:
        register.close()


def rss_mb() -> tuple[float, float]:
    """Return (resident, peak resident) memory of this process in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


class PaintClock:
    """Records when the table's viewport paints (an event filter on it), and how many times
    the table's rows had been replaced by then (a paint of new rows, not a stale one)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QEvent, QObject

        clock = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    clock.paints.append((time.perf_counter(), clock.resets))
                return False

        self.paints: list[tuple[float, int]] = []
        self.resets = 0
        self.filter = Filter()

    def reset(self) -> None:
        """The table's rows were replaced."""
        self.resets += 1

    def first_paint_after(self, resets: int) -> float | None:
        """Return when the viewport first painted rows replaced after `resets` replacements."""
        return next((at for at, seen in self.paints if seen > resets), None)


def child(db: Path) -> None:
    """Measure opening and typing in this (fresh) process."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.register.connection import open_register
    from ui.shell.main_window import MainWindow

    app = QApplication([])
    imported = time.perf_counter()
    settings = QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat)
    opened = time.perf_counter()
    window = MainWindow(open_register(db), settings)
    clock = PaintClock()
    window.table.viewport().installEventFilter(clock.filter)
    window.show()
    window.model.modelReset.connect(clock.reset)
    while not clock.paints:
        app.processEvents()
    first_paint = clock.paints[0][0]
    rss, _ = rss_mb()
    loaded = window.model.loaded_count()
    print(f"(a) imports (Python, Qt, app)      : {imported - START:.2f} s")
    print(f"    open_register → first paint    : {first_paint - opened:.2f} s "
          f"(process start → first paint {first_paint - START:.2f} s)")
    print(f"    resident memory at first paint : {rss:.0f} MB")
    print(f"    rows in table {window.model.rowCount():,}; task rows read: {loaded}")
    _wait_states(app, window, first_paint)
    _scroll(app, window)
    _typing(app, window, clock)
    window.close()
    print(f"(c) peak resident memory over the whole run: {rss_mb()[1]:.0f} MB")


def _scroll(app: object, window: object) -> None:
    """Jump through the table and report how many task rows were read."""
    table, model = window.table, window.model  # type: ignore[attr-defined]
    for fraction in (0.1, 0.35, 0.5, 0.75, 0.99, 0.2):
        table.scrollTo(model.index(int(model.rowCount() * fraction), 1))
        table.viewport().repaint()
    print(f"    after 6 jumps through the table, task rows held: {model.loaded_count()} "
          f"(of {model.task_count():,})")


def _wait_states(app: object, window: object, first_paint: float) -> None:
    """Wait for the states (Trạng thái, Hạn) computed in the worker thread."""
    while window.view.states is None and time.perf_counter() - first_paint < 300:  # type: ignore[attr-defined]
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.005)
    rss, peak = rss_mb()
    print(f"    states of every task ready {time.perf_counter() - first_paint:.2f} s after the "
          f"first paint (worker thread); memory now {rss:.0f} MB, peak {peak:.0f} MB")


def _typing(app: object, window: object, clock: PaintClock) -> None:
    """Type the phrases key by key; time each keystroke and the raw FTS5 query."""
    from cchc_desktop.plans.queries import typing_query

    box, db = window.filter_bar.search, window.register.db  # type: ignore[attr-defined]
    first, every, raw, counts, typed = [], [], [], [], []
    for phrase in TYPED:
        window.view.data_changed()  # type: ignore[attr-defined]  # no answers remembered
        for end in range(1, len(phrase) + 1):
            text = phrase[:end]
            clock.paints.clear()
            resets = clock.resets
            start = time.perf_counter()
            box.setText(text)
            while window.searching:  # type: ignore[attr-defined]
                app.processEvents()  # type: ignore[attr-defined]
            window.table.viewport().repaint()  # type: ignore[attr-defined]
            every.append(time.perf_counter() - start)
            answered = clock.first_paint_after(resets)  # None: the rows shown already answer
            first.append(every[-1] if answered is None else answered - start)
            query = typing_query(text)
            start = time.perf_counter()
            rows = db.execute("SELECT rowid FROM tasks_fts WHERE tasks_fts MATCH ?",
                              [query]).fetchall() if query else []
            raw.append(time.perf_counter() - start)
            counts.append(len(rows))
            typed.append(text)
        box.setText("")
        while window.searching:  # type: ignore[attr-defined]
            app.processEvents()  # type: ignore[attr-defined]
    _report_typing(first, every, raw, counts)
    slowest = sorted(zip(first, typed, strict=True), reverse=True)[:6]
    print("    slowest to repaint: " + ", ".join(f"'{t}' {1000 * s:.0f} ms" for s, t in slowest))


def _p(values: list[float], q: float) -> float:
    """Return a percentile in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _report_typing(first: list[float], every: list[float], raw: list[float],
                   counts: list[int]) -> None:
    """Print keystroke percentiles and ratios to the raw query."""
    print(f"(b) {len(first)} keystrokes over {len(TYPED)} phrases; matches per keystroke "
          f"median {statistics.median(counts):,.0f}, max {max(counts):,}")
    rows = (("raw FTS5 query (fetchall)", raw), ("keystroke → table repainted", first),
            ("keystroke → every row, counts", every))
    for label, values in rows:
        print(f"    {label} : p50 {_p(values, 0.5):.1f} ms, p95 {_p(values, 0.95):.1f} ms, "
              f"max {1000 * max(values):.1f} ms")
    base = max(_p(raw, 0.95), 1e-3)
    print(f"    p95 ratios to the raw query: table repainted {_p(first, 0.95) / base:.2f}x, "
          f"every row and count {_p(every, 0.95) / base:.2f}x")


def main() -> None:
    """Build the register if needed, then measure in a fresh process."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or build) this register")
    parser.add_argument("--child", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "so-100000.sqlite"
        if not db.exists():
            started = time.perf_counter()
            build_register(db, args.tasks)
            print(f"Built {args.tasks:,} tasks in {time.perf_counter() - started:.1f} s: {db}")
        subprocess.run([sys.executable, __file__, "--child", str(db)], check=True)


if __name__ == "__main__":
    main()
