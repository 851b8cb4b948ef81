"""An unexpected error never shows a traceback: a Vietnamese box with "Chi tiết", and a log."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from ui.shell import app


@pytest.fixture
def log_to_tmp(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Point the user log dir at tmp and attach the file handler run_app would configure."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    path = app.log_file()
    handler = logging.FileHandler(path, encoding="utf-8")
    logger = logging.getLogger("cchc_desktop")
    logger.addHandler(handler)
    try:
        yield path
    finally:
        logger.removeHandler(handler)
        handler.close()


def close_box_when_shown(seen: dict[str, str]) -> None:
    """Once the hook's modal box is up, note what it says and close it."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, lambda: close_box_when_shown(seen))
        return
    seen.update(title=box.windowTitle(), text=box.text(), details=box.detailedText(),
                buttons=" ".join(b.text() for b in box.buttons()))
    box.done(0)


@pytest.mark.qt_no_exception_capture
def test_error_in_a_slot_shows_vietnamese_message_with_details_and_logs_it(
    qtbot, monkeypatch: pytest.MonkeyPatch, log_to_tmp: Path
) -> None:
    monkeypatch.setattr(sys, "excepthook", app._excepthook)
    button = QPushButton("Lưu")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: {}["so-khong-co"])
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: close_box_when_shown(seen))
    button.click()
    assert seen["title"] == "Lỗi"
    assert seen["text"].startswith("Đã xảy ra lỗi không mong muốn.")
    assert str(log_to_tmp) in seen["text"] and "Traceback" not in seen["text"]
    assert "Traceback" in seen["details"] and "KeyError: 'so-khong-co'" in seen["details"]
    logged = log_to_tmp.read_text(encoding="utf-8")
    assert "Lỗi không mong muốn" in logged and "KeyError: 'so-khong-co'" in logged


def test_hook_called_directly_also_logs(qtbot, log_to_tmp: Path) -> None:
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: close_box_when_shown(seen))
    try:
        raise ZeroDivisionError("chia cho không")
    except ZeroDivisionError as error:
        app._excepthook(type(error), error, error.__traceback__)
    assert "ZeroDivisionError: chia cho không" in seen["details"]
    assert "ZeroDivisionError" in log_to_tmp.read_text(encoding="utf-8")


def test_details_button_is_in_vietnamese(qtbot, log_to_tmp: Path) -> None:
    seen: dict[str, str] = {}
    QTimer.singleShot(0, lambda: close_box_when_shown(seen))
    try:
        raise RuntimeError("lỗi thử")
    except RuntimeError as error:
        app._excepthook(type(error), error, error.__traceback__)
    assert "Show Details" not in seen["buttons"] and "Chi tiết" in seen["buttons"]
