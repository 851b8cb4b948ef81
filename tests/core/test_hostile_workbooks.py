"""Hostile and broken workbooks, generated here: a clear Vietnamese answer, nothing written.

Each file is read in its own process (tests/register_worker.py read) that imports it into a
fresh register only if the read succeeds, and reports the outcome and its peak resident memory
(ru_maxrss). The process runs under a data-size cap of CAP_MB so a file that would need gigabytes
ends at once instead of swapping the machine; over budget is a failure either way.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.db import open_register
from tests.core.test_hostile_corpus import CASES, Case

pytest.importorskip("resource")  # ru_maxrss and RLIMIT_DATA are POSIX

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "tests" / "register_worker.py"
BUDGET_MB = 500
CAP_MB = 768
MAX_SECONDS = 10
_VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


@dataclass
class Outcome:
    """What reading one hostile file did."""

    returncode: int
    report: dict[str, Any]
    stderr: str


def run_case(folder: Path, case: Case) -> Outcome:
    """Write one case's file and read it in a capped subprocess."""
    path = folder / case.file_name
    path.write_bytes(case.build())
    db = folder / f"{case.name}.sqlite"
    open_register(db).close()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    proc = subprocess.run(
        [sys.executable, str(WORKER), "read", str(path), str(db), str(CAP_MB)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )
    lines = proc.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if proc.returncode == 0 and lines else {}
    return Outcome(proc.returncode, report, proc.stderr[-2000:])


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Read every case once (two at a time) and print the measured table."""
    folder = tmp_path_factory.mktemp("hostile")
    slow_first = sorted(CASES, key=lambda case: not case.slow)
    run: Callable[[Case], Outcome] = lambda case: run_case(folder, case)  # noqa: E731
    with ThreadPoolExecutor(2) as pool:
        results = dict(zip((c.name for c in slow_first), pool.map(run, slow_first), strict=True))
    print(f"\n{len(results)} hostile files tried (peak RSS MB, read seconds, outcome):")
    for name, outcome in results.items():
        report = outcome.report
        answer = report.get("message", report.get("warnings", ""))
        print(f"  {name:36} {report.get('peak_mb', 0):6.1f} {report.get('seconds', 0):5.2f} "
              f"{report.get('outcome', f'exit {outcome.returncode}')}: {answer}")
    return results


def _params() -> list[Any]:
    """Return one pytest param per case, xfail where the reader is known to mis-handle it."""
    params = []
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.xfail)] if case.xfail else []
        params.append(pytest.param(case, id=case.name, marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_hostile_file_gets_a_clear_answer(case: Case, outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes[case.name]
    assert outcome.returncode == 0, f"the reading process died:\n{outcome.stderr}"
    report = outcome.report
    assert report["peak_mb"] < BUDGET_MB, report
    assert report["seconds"] < MAX_SECONDS, report
    assert report["outcome"] in case.allowed, report
    if report["outcome"] == "error":
        message = report["message"]
        assert case.file_name in message and _VIETNAMESE.search(message), message
        assert "Traceback" not in message and "root:" not in message
        assert report["after"] == report["before"] == 0  # nothing written
        for fragment in case.fragments:
            assert fragment in message, message
    else:
        assert report["after"] == report["before"] + report["tasks"]
        assert report["longest"] <= 32_767, "a cell longer than Excel allows was imported"
        assert "root:" not in report["texts"]  # no external entity was resolved
        for fragment in case.fragments:
            assert fragment in report["texts"], report


def test_the_corpus_covers_every_kind_of_hostile_file() -> None:
    names = {case.name for case in CASES}
    for kind in ("zip_bomb", "entity_expansion", "external_entity", "million_rows",
                 "huge_shared_string", "xls", "xlsm", "encrypted", "csv", "empty",
                 "no_table", "wrong_headers", "merged"):
        assert any(kind in name for name in names), kind
