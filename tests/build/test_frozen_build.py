"""The PyInstaller one-folder build (build.spec) runs headless: demo, report, main window.

Slow (about a minute): set CCHC_SKIP_BUILD=1 to leave it out of a quick local run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(os.environ.get("CCHC_SKIP_BUILD") == "1",
                                reason="CCHC_SKIP_BUILD=1")


@pytest.fixture(scope="module")
def frozen(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    work = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(out),
         "--workpath", str(work), str(ROOT / "build.spec")],
        capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr[-3000:]
    exe = out / "cchc-desktop" / ("cchc-desktop.exe" if os.name == "nt" else "cchc-desktop")
    assert exe.exists()
    return exe


def _run(exe: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=120)


def _folder_mb(folder: Path) -> float:
    files = [f for f in folder.rglob("*") if f.is_file() and not f.is_symlink()]
    return sum(f.stat().st_size for f in files) / 1e6


def test_frozen_program_makes_demo_report_and_opens_its_window(frozen: Path,
                                                                 tmp_path: Path) -> None:
    db = tmp_path / "so.sqlite"
    demo = _run(frozen, "demo", "--db", str(db))
    assert demo.returncode == 0, demo.stderr
    assert "53 nhiệm vụ" in demo.stdout
    pdf = tmp_path / "ke-hoach.pdf"
    report = _run(frozen, "report", "plan", "-o", str(pdf), "--db", str(db))
    assert report.returncode == 0, report.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True).stdout
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    word = tmp_path / "ke-hoach.docx"
    report = _run(frozen, "report", "plan", "-o", str(word), "--db", str(db))
    assert report.returncode == 0, report.stderr
    with zipfile.ZipFile(word) as package:
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in package.read("word/document.xml").decode()
    modules = _run(frozen, "--check-modules")
    assert modules.returncode == 0, modules.stdout + modules.stderr
    start = time.perf_counter()
    window = _run(frozen, "--db", str(db), "--quit-after-start")
    elapsed = time.perf_counter() - start
    assert window.returncode == 0, window.stderr
    assert "Cửa sổ chính đã mở" in window.stdout
    size = _folder_mb(frozen.parent)
    print(f"\nfrozen build: {size:.0f} MB, main window after {elapsed:.2f} s")
    assert size < 250
