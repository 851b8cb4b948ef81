"""Return templates and their re-import: matching, validation, conflicts, one-transaction apply."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from cchc_desktop.errors import ValidationError
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.consolidate import (
    CONFLICT_NEWER,
    CONFLICT_UNITS,
    apply_preview,
    build_preview,
)
from cchc_desktop.exchange.consolidate_status import return_status
from cchc_desktop.exchange.consolidate_write import record_progress_many
from cchc_desktop.exchange.returns import collect_paths
from cchc_desktop.progress.entries import ProgressInput, record_progress
from cchc_desktop.register.connection import Register, open_register
from cchc_desktop.start.demo import create_demo

PERIOD = "2021-H1"
TODAY = date(2021, 6, 15)
VP, P1 = 1, 3  # Văn phòng, Phòng 1 in the demo directory


def unit_id(register: Register, name: str) -> int:
    return int(register.db.execute("SELECT id FROM units WHERE name = ?", [name]).fetchone()[0])


def make_templates(register: Register, folder: Path, *names: str) -> dict[str, Path]:
    ids = [unit_id(register, n) for n in names] if names else None
    files = tpl.write_templates(register, 1, PERIOD, folder, ids, today=TODAY)
    return {f.unit_name: f.path for f in files}


def data_rows(ws: Any) -> dict[str, int]:
    """Map 'section|TT' of each task row to its sheet row (the id column is hidden A)."""
    found: dict[str, int] = {}
    section = ""
    for row in ws.iter_rows(min_row=7):
        if row[0].value is None and row[1].value and str(row[1].value).isalpha():
            section = row[1].value  # a section row (I, II…); group rows (1, 2…) say nothing
        elif row[0].value is not None:
            found[f"{section}|{row[1].value}"] = row[0].row
    return found


def fill(path: Path, values: dict[str, dict[str, Any]], out: Path | None = None,
         edit: Any = None) -> Path:
    """Fill input cells like a unit would: {'I|1.1': {'status': 'Hoàn thành', ...}}."""
    book = openpyxl.load_workbook(path)
    ws = book[tpl.DATA_SHEET]
    rows = data_rows(ws)
    for key, cells in values.items():
        for column, value in cells.items():
            ws.cell(rows[key], tpl.KEYS.index(column) + 1, value)
    if edit:
        edit(ws, rows)
    target = out or path
    book.save(target)
    return target


def test_template_lists_the_units_tasks_with_locked_and_input_cells(
        demo_register: Register, tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    assert path.name == "bao-cao-cchc-2021-h1-phong-1.xlsx"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [tpl.DATA_SHEET, "Hướng dẫn", tpl.META_SHEET]
    assert book[tpl.META_SHEET].sheet_state == "veryHidden" and book.security.lockStructure
    ws = book[tpl.DATA_SHEET]
    assert ws.protection.sheet and not ws.protection.password and not ws.protection.autoFilter
    assert ws.column_dimensions["A"].hidden and ws.auto_filter.ref
    rows = data_rows(ws)
    assert list(rows) == ["I|3.1", "I|3.2"]
    group = ws[rows["I|3.1"] - 1]  # the group row stays above its tasks
    assert (group[0].value, group[1].value, group[2].value) == (None, "3", "Xây dựng kế hoạch")
    assert ws[rows["I|3.1"] - 2][1].value == "I"
    header = [c.value for c in ws[rows["I|3.1"] - 3]]
    assert header[-3:] == ["Ngày hoàn thành", "Lý do chậm / khó khăn, vướng mắc",
                           "Đề xuất, kiến nghị"]
    assert ws.column_dimensions["G"].width >= 12  # "Tỷ lệ hoàn thành (%)" not clipped
    row = ws[rows["I|3.2"]]
    assert [c.value for c in row[:4]][1:] == ["3.2", row[2].value, "Chủ trì"]
    assert isinstance(row[0].value, int)
    locked = [c.protection.locked for c in row]
    assert locked == [True] * 5 + [False] * 7
    texts = [c.value for r in ws.iter_rows(min_row=rows["I|3.2"] + 1) for c in r if c.value]
    assert "NGƯỜI LẬP" in texts and "THỦ TRƯỞNG ĐƠN VỊ" in texts
    assert row[5].value == "Đang thực hiện" and row[6].value == 60  # pre-filled from Q1
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    status = next(dv for ref, dv in rules.items() if ref.startswith("F"))
    assert status.type == "list" and "Hoàn thành trễ hạn" in status.formula1
    assert {dv.type for dv in rules.values()} == {"list", "whole", "date"}
    date_rule = next(dv for dv in rules.values() if dv.type == "date")
    assert str(date_rule.sqref).startswith("J")  # Ngày hoàn thành, not the new text columns
    guide = [c.value for c in book["Hướng dẫn"]["A"] if c.value]
    assert guide[0].startswith("HƯỚNG DẪN") and any("ô nền vàng" in g for g in guide)
    assert any("Phối hợp: đơn vị chỉ báo cáo phần việc mình phối hợp" in g for g in guide)


def test_one_call_writes_every_units_template(demo_register: Register, tmp_path: Path) -> None:
    files = tpl.write_templates(demo_register, 1, PERIOD, tmp_path / "gui", today=TODAY)
    assert len(files) == len(tpl.plan_units(demo_register, 1)) == 10
    assert all(f.path.exists() and f.path.name.isascii() for f in files)
    assert len({f.path.name for f in files}) == 10
    logged = demo_register.db.execute("SELECT count(*) FROM template_log").fetchone()[0]
    assert logged == 10
    name = tpl.safe_file_name("Phòng 1/2: *?", "2021-Q1", set())
    assert name == "bao-cao-cchc-2021-q1-phong-1-2.xlsx"


def test_return_sorted_and_filled_is_matched_by_hidden_id(demo_register: Register,
                                                          tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Văn phòng")["Văn phòng"]

    def reverse_rows(ws: Any, rows: dict[str, int]) -> None:
        first, last = min(rows.values()), max(rows.values())
        block = [[c.value for c in ws[r]] for r in range(first, last + 1)]
        for offset, values in enumerate(reversed(block)):
            for col, value in enumerate(values, start=1):
                ws.cell(first + offset, col).value = value

    fill(path, {"I|2.1": {
        "status": "Hoàn thành", "percent": 100, "result": "Đã cử 2 công chức",
        "evidence": "45/CV-TTr ngày 02/03/2021 Công văn cử cán bộ", "completed": date(2021, 3, 2)}},
        edit=reverse_rows)
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    assert [p for p in preview.problems if p.severity == "error"] == []
    assert [(c.number, c.old, c.conflicts) for c in preview.changes] == [("2.1", None, [])]
    change = preview.changes[0]
    assert change.new is not None and change.new.completed_on == "2021-03-02"
    assert preview.unchanged >= 5  # pre-filled rows sent back as they were
    result = apply_preview(demo_register, preview, officer="Cán bộ")
    assert (result.applied, result.files) == (1, 1)
    row = demo_register.db.execute(
        "SELECT status, percent, evidence_number, evidence_title, reporting_unit_id "
        "FROM progress WHERE task_id = ?", [change.task_id]).fetchone()
    assert row == ("done", 100, "45/CV-TTr", "ngày 02/03/2021 Công văn cử cán bộ", VP)
    log = demo_register.db.execute("SELECT unit_name, changes_applied FROM return_log").fetchall()
    assert log == [("Văn phòng", 1)]
    audit = demo_register.db.execute("SELECT count(*) FROM audit_log WHERE action = 'returns'")
    assert audit.fetchone()[0] == 1


def test_every_bad_value_is_located(demo_register: Register, tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Văn phòng")["Văn phòng"]
    section = "I|"

    def edit(ws: Any, rows: dict[str, int]) -> None:
        ws.cell(rows[section + "1.1"], 3).value = "Nội dung đã bị sửa"
        ws.cell(rows["II|1"], 1).value = 999999

    fill(path, {section + "2.1": {"status": "Xong rồi"},
                section + "3.3": {"status": "Đang thực hiện", "percent": 150},
                section + "4.1": {"status": "Hoàn thành", "completed": date(2030, 1, 1)},
                section + "4.2": {"status": "Đang thực hiện", "percent": "nhiều"},
                section + "4.5": {"percent": 20}}, edit=edit)
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    texts = [str(p) for p in preview.problems]
    assert any("cột F (Trạng thái): Trạng thái “Xong rồi” không hợp lệ" in t for t in texts)
    assert any("cột G" in t and "150% phải từ 0 đến 100" in t for t in texts)
    assert any("cột J" in t and "01/01/2030 ở tương lai" in t for t in texts)
    assert any("cột G" in t and "“nhiều”" in t for t in texts)
    assert any("Chưa chọn Trạng thái" in t for t in texts)
    assert any("999999" in t and "cột A" in t for t in texts)
    assert any("cột C" in t and "Ô được khóa đã bị sửa" in t for t in texts)
    assert all(t.startswith("Tệp 'bao-cao-cchc-2021-h1-van-phong.xlsx', trang 'Báo cáo tiến độ', "
                            "dòng ") for t in texts)
    assert preview.changes == []


def test_id_column_deleted_falls_back_to_number_and_content(demo_register: Register,
                                                            tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    fill(path, {"I|3.2": {"status": "Hoàn thành",
                                                  "completed": date(2021, 5, 20)}},
         edit=lambda ws, rows: ws.delete_cols(1))
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    assert preview.files[0].matched_by_content
    assert any("Cột mã nhiệm vụ" in str(p) and p.severity == "warning" for p in preview.problems)
    assert [c.number for c in preview.changes] == ["3.2"]


def test_unusable_files_are_refused_and_change_nothing(demo_register: Register,
                                                       tmp_path: Path) -> None:
    good = make_templates(demo_register, tmp_path / "t", "Phòng 1")["Phòng 1"]
    other_period = tpl.write_templates(demo_register, 1, "2021-Q3", tmp_path / "q3",
                                       [P1], today=TODAY)[0].path
    other = open_register(tmp_path / "other.sqlite")
    create_demo(other)
    other_plan = tpl.write_templates(other, 1, PERIOD, tmp_path / "o", [P1], today=TODAY)[0].path
    other.close()
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(good.read_bytes()[:3000])
    locked = tmp_path / "mat-khau.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le")
                       + b"\0" * 600)
    no_meta = tmp_path / "chep.xlsx"
    book = openpyxl.load_workbook(good)
    book.security = None
    del book[tpl.META_SHEET]
    book.save(no_meta)
    before = demo_register.db.execute("SELECT count(*) FROM progress").fetchone()[0]
    preview = build_preview(demo_register, 1, PERIOD,
                            [other_period, other_plan, broken, locked, no_meta], today=TODAY)
    assert all(f.rejected for f in preview.files)
    messages = [str(p) for p in preview.problems]
    assert "kỳ 9 tháng" not in messages[0] and "Quý III năm 2021" in messages[0]
    assert "kế hoạch khác" in messages[1]
    assert "bị hỏng" in messages[2]
    assert "mật khẩu" in messages[3]
    assert "không phải biểu mẫu" in messages[4]
    apply_preview(demo_register, preview)
    assert demo_register.db.execute("SELECT count(*) FROM progress").fetchone()[0] == before


def test_units_reporting_differently_is_a_conflict_with_a_choice(demo_register: Register,
                                                                tmp_path: Path) -> None:
    files = make_templates(demo_register, tmp_path, "Văn phòng", "Phòng 1")
    key = "I|3.2"  # Phòng 1 leads, Văn phòng partners
    fill(files["Văn phòng"], {key: {"status": "Hoàn thành", "percent": 100,
                                    "completed": date(2021, 6, 1)}})
    fill(files["Phòng 1"], {key: {"status": "Đang thực hiện", "percent": 90}})
    preview = build_preview(demo_register, 1, PERIOD, [tmp_path], today=TODAY)
    change = next(c for c in preview.changes if c.number == "3.2")
    assert change.conflicts == [CONFLICT_UNITS]
    assert [o.label for o in change.options] == ["Phòng 1", "Văn phòng", "Giữ nguyên trong sổ"]
    assert change.chosen.label == "Phòng 1" and "khác nhau" in change.conflict_text()
    preview.choose(change.task_id, 1)
    apply_preview(demo_register, preview)
    row = demo_register.db.execute("SELECT status, reporting_unit_id FROM progress p JOIN periods "
                                   "pe ON pe.id = p.period_id WHERE task_id = ? AND pe.kind = 'H1'",
                                   [change.task_id]).fetchone()
    assert row == ("done", VP)


def resign(meta: Any, register: Register) -> None:
    """Sign a template's hidden sheet again with the register's secret (after a test edit)."""
    from cchc_desktop.exchange import signing

    rows = [[cell.value for cell in row] for row in meta.iter_rows()]
    values = {row[0]: row[1] for row in rows if row and isinstance(row[0], str)}
    start = next(i for i, row in enumerate(rows) if row[0] == tpl.META_TASKS) + 1
    tasks = [(int(row[0]), str(row[1] or ""), str(row[2] or ""), str(row[3] or ""))
             for row in rows[start:] if row[0] is not None]
    fields = signing.field_values(int(values["plan_id"]), str(values["plan_fingerprint"]),
                                  int(values["unit_id"]), str(values["period"]),
                                  str(values["created_at"]), tasks)
    signatures = signing.sign(signing.register_secret(register), str(values["nonce"]), fields)
    for row in meta.iter_rows():
        key = row[0].value
        if isinstance(key, str) and key.startswith("sig_"):
            row[1].value = signatures[key[4:]]


def test_a_newer_value_in_the_register_is_kept_by_default(demo_register: Register,
                                                          tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    task_id = int(demo_register.db.execute(
        "SELECT id FROM tasks WHERE number = '3.2' ORDER BY position").fetchone()[0])
    demo_register.db.execute("UPDATE template_log SET created_at = '2000-01-01T00:00:00'")
    record_progress(demo_register, task_id, PERIOD, ProgressInput("in_progress", 80), TODAY)
    book = openpyxl.load_workbook(path)
    meta = book[tpl.META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == "created_at":
            row[1].value = "2000-01-01T00:00:00"
    resign(meta, demo_register)  # a template the register really wrote in 2000
    book.save(path)
    fill(path, {"I|3.2": {"status": "Đang thực hiện", "percent": 70}})
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    change = preview.changes[0]
    assert change.conflicts == [CONFLICT_NEWER] and change.new is None
    assert apply_preview(demo_register, preview).kept == 1
    assert demo_register.db.execute("SELECT percent FROM progress WHERE task_id = ? AND "
                                     "recorded_by = ''", [task_id]).fetchall() == [(80,)]


def test_status_of_returns_names_missing_units(demo_register: Register, tmp_path: Path) -> None:
    files = make_templates(demo_register, tmp_path, "Văn phòng", "Phòng 1", "Phòng 2")
    status = return_status(demo_register, 1, PERIOD)
    assert [name for _, name in status.missing] == ["Phòng 1", "Phòng 2", "Văn phòng"]
    preview = build_preview(demo_register, 1, PERIOD, [files["Phòng 2"]], today=TODAY)
    pending = return_status(demo_register, 1, PERIOD, preview.files)
    assert [r.unit_name for r in pending.returned] == ["Phòng 2"] and pending.returned[0].pending
    apply_preview(demo_register, preview)
    status = return_status(demo_register, 1, PERIOD)
    assert status.summary() == "Đã nhận 1/3 đơn vị; còn thiếu: Phòng 1, Văn phòng."
    again = build_preview(demo_register, 1, PERIOD, [files["Phòng 2"]], today=TODAY)
    assert any("đã được nhận lúc" in str(p) for p in again.problems)


def test_many_entries_are_written_all_or_nothing(demo_register: Register) -> None:
    ids = [r[0] for r in demo_register.db.execute("SELECT id FROM tasks LIMIT 3")]
    entries = [(ids[0], ProgressInput("done")), (ids[1], ProgressInput("in_progress", 40)),
               (ids[2], ProgressInput("in_progress", 140))]
    with pytest.raises(ValidationError, match="140% phải từ 0 đến 100"):
        record_progress_many(demo_register, "2021-Q3", entries, TODAY)
    count = "SELECT count(*) FROM progress p JOIN periods pe ON pe.id = p.period_id " \
            "WHERE pe.kind = 'Q3'"
    assert demo_register.db.execute(count).fetchone()[0] == 0
    assert record_progress_many(demo_register, "2021-Q3", entries[:2], TODAY) == 2
    assert demo_register.db.execute(count).fetchone()[0] == 2


def test_one_unit_sending_two_different_files_is_a_conflict(demo_register: Register,
                                                           tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path / "a", "Phòng 1")["Phòng 1"]
    second = shutil.copy(path, tmp_path / "phong-1-lan-2.xlsx")
    fill(path, {"I|3.2": {"status": "Đang thực hiện", "percent": 70}})
    fill(second, {"I|3.2": {"status": "Đang thực hiện", "percent": 75}})
    missing = tmp_path / "khong-co.xlsx"
    preview = build_preview(demo_register, 1, PERIOD, [path, second, missing], today=TODAY)
    labels = [o.label for o in preview.changes[0].options]
    assert labels == [f"Phòng 1 ({path.name})", "Phòng 1 (phong-1-lan-2.xlsx)",
                      "Giữ nguyên trong sổ"]
    assert str(preview.problems[-1]).startswith("Không tìm thấy tệp")


def test_folders_are_expanded_without_lock_files(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"x")
    (tmp_path / "~$a.xlsx").write_bytes(b"x")
    (tmp_path / "ghi-chu.txt").write_text("x")
    assert collect_paths([tmp_path, tmp_path / "a.xlsx"]) == [tmp_path / "a.xlsx"]


def test_a_renamed_untouched_template_changes_nothing(demo_register: Register,
                                                      tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Phòng 1")["Phòng 1"]
    with zipfile.ZipFile(path) as archive:
        assert "xl/worksheets/sheet3.xml" in archive.namelist()
    copy = shutil.copy(path, tmp_path / "ban-sao.xlsx")
    preview = build_preview(demo_register, 1, PERIOD, [copy], today=TODAY)
    assert not preview.files[0].rejected and preview.changes == []


def test_reason_and_proposal_come_back_and_partner_rows_start_empty(
        demo_register: Register, tmp_path: Path) -> None:
    paths = make_templates(demo_register, tmp_path, "Văn phòng", "Phòng 1")
    office = openpyxl.load_workbook(paths["Văn phòng"])[tpl.DATA_SHEET]
    partner_row = office[data_rows(office)["I|3.2"]]  # Văn phòng partners 3.2, Phòng 1 leads
    assert partner_row[3].value == "Phối hợp"
    assert all(c.value is None for c in partner_row[5:])  # not the lead's "Đang thực hiện 60"
    fill(paths["Phòng 1"], {"I|3.2": {
        "status": "Đang thực hiện", "percent": 80, "result": "Đã trình dự thảo",
        "reason": "Chờ số liệu PCI năm 2020 của VCCI", "proposal": "Đề nghị lùi hạn đến quý III",
        "completed": None}})
    preview = build_preview(demo_register, 1, PERIOD, [paths["Phòng 1"]], today=TODAY)
    change = next(c for c in preview.changes if c.number == "3.2")
    assert change.new is not None and change.new.reason == "Chờ số liệu PCI năm 2020 của VCCI"
    apply_preview(demo_register, preview)
    row = demo_register.db.execute("SELECT reason, proposal, result_text FROM progress "
                                   "WHERE task_id = ? AND period_id = (SELECT id FROM periods "
                                   "WHERE kind = 'H1')", [change.task_id]).fetchone()
    assert row == ("Chờ số liệu PCI năm 2020 của VCCI", "Đề nghị lùi hạn đến quý III",
                   "Đã trình dự thảo")


def test_a_completion_after_the_cutoff_is_flagged_on_reading(demo_register: Register,
                                                             tmp_path: Path) -> None:
    path = make_templates(demo_register, tmp_path, "Văn phòng")["Văn phòng"]
    fill(path, {"I|2.1": {"status": "Hoàn thành", "completed": date(2021, 6, 15)}})
    preview = build_preview(demo_register, 1, PERIOD, [path], today=TODAY)
    warnings = [str(p) for p in preview.problems if p.severity == "warning"]
    assert any("sau ngày chốt số liệu kỳ 6 tháng năm 2021 (14/06/2021)" in w for w in warnings)
