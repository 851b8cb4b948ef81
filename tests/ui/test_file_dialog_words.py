"""Qt's own file dialog shows Vietnamese everywhere: types, sizes, dates, headings whole."""

from __future__ import annotations

import os
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QTreeView

from ui.shell.translations import install_vietnamese
from ui.widgets import file_dialogs

ENGLISH = ("document", "bytes", "byte(s)", "kib", "mib", "folder", "size", "type",
           "date modified", "worksheet", "database", "file", "microsoft", "plain", "name")


def test_the_file_dialog_lists_files_in_vietnamese(qtbot: Any, tmp_path: Path) -> None:
    install_vietnamese()
    file_dialogs.use_settings(QSettings(str(tmp_path / "cai-dat.ini"),
                                        QSettings.Format.IniFormat))
    folder = tmp_path / "tep"
    (folder / "thu-muc").mkdir(parents=True)
    (folder / "bang.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 18556)
    (folder / "ghi-chu.txt").write_text("minh chứng 1\n")
    (folder / "phu-luc.xlsx").write_bytes(b"PK\x03\x04" + b"0" * 2000)
    (folder / "dan.tsv").write_text("a\tb\n")
    (folder / "so.sqlite").write_bytes(b"SQLite format 3\x00" + b"0" * 100)
    (folder / "to-trinh.docx").write_bytes(b"PK\x03\x04")
    stamp = datetime(2026, 12, 6, 19, 37).timestamp()
    for path in folder.iterdir():
        os.utime(path, (stamp, stamp))
    dialog = file_dialogs.file_dialog(None, "Mở", str(folder), "Mọi tệp (*)",
                                      QFileDialog.FileMode.ExistingFile)
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 7)
    root = view.rootIndex()
    rows = {model.index(r, 0, root).data(): [model.index(r, c, root).data() for c in range(1, 4)]
            for r in range(model.rowCount(root))}
    assert rows["bang.pdf"] == ["18,1 KB", "Tệp PDF", "06/12/2026 19:37"]
    assert rows["ghi-chu.txt"][:2] == ["15 byte", "Tệp văn bản"]
    assert rows["phu-luc.xlsx"][1] == "Sổ Excel"
    assert rows["dan.tsv"][1] == "Bảng TSV"
    assert rows["so.sqlite"][1] == "Sổ đăng ký CCHC"
    assert rows["to-trinh.docx"][1] == "Văn bản Word"
    assert rows["thu-muc"][:2] == ["", "Thư mục"]
    header = view.header()
    headings = [model.headerData(c, header.orientation()) for c in range(4)]
    assert headings == ["Tên", "Kích thước", "Loại", "Ngày sửa"]
    seen = " ".join(str(t) for line in rows.values() for t in line) + " " + " ".join(headings)
    assert [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", seen.lower())] == []
    metrics = header.fontMetrics()
    for column in range(1, 4):
        assert header.sectionSize(column) > metrics.horizontalAdvance(headings[column]) + 16
    for line in rows.values():
        for column, text in enumerate(line, start=1):
            assert metrics.horizontalAdvance(text) < header.sectionSize(column)
