"""Hostile and broken workbooks, generated here: a clear Vietnamese answer, nothing written.

Each file is read in its own process (tests/register_worker.py read, forked by its `serve` mode)
that imports it into a fresh register only if the read succeeds, and reports the outcome and its
peak resident memory (VmHWM; ru_maxrss would include the parent's pages). The process runs under
a data-size cap of CAP_MB so a file that would need gigabytes ends at once instead of swapping
the machine; over budget is a failure either way.
"""

from __future__ import annotations

import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.register.connection import open_register
from tests.core.test_hostile_corpus import CASES, Case
from tests.register_worker import ForkServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork, RLIMIT_DATA are POSIX")
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


def run_case(server: ForkServer, folder: Path, case: Case) -> Outcome:
    """Write one case's file and read it in a capped child process."""
    path = folder / case.file_name
    path.write_bytes(case.build())
    db = folder / f"{case.name}.sqlite"
    open_register(db).close()
    server.start("read", str(path), str(db), str(CAP_MB))
    lines, code = server.until_exit()
    report = json.loads(lines[-1]) if code == 0 and lines else {}
    return Outcome(code, report, server.log.read_text()[-2000:])


def run_lane(folder: Path, lane: int, cases: list[Case]) -> dict[str, Outcome]:
    """Read some of the cases through one fork server."""
    server = ForkServer(folder / f"lane{lane}.log")
    try:
        return {case.name: run_case(server, folder, case) for case in cases}
    finally:
        server.close()


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Read every case once (two lanes) and print the measured table."""
    folder = tmp_path_factory.mktemp("hostile")
    lanes = [CASES[0::2], CASES[1::2]]
    with ThreadPoolExecutor(2) as pool:
        parts = list(pool.map(lambda lane: run_lane(folder, lane, lanes[lane]), range(2)))
    results = {case.name: {**parts[0], **parts[1]}[case.name] for case in CASES}
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
        for fragment in case.fragments:  # kept in a field or the notes, or warned about
            assert fragment in report["texts"] + " ".join(report["warnings"]), report


def test_the_corpus_covers_every_kind_of_hostile_file() -> None:
    names = {case.name for case in CASES}
    for kind in ("zip_bomb", "entity_expansion", "external_entity", "million_rows",
                 "huge_shared_string", "xls", "xlsm", "encrypted", "csv", "empty",
                 "no_table", "wrong_headers", "merged"):
        assert any(kind in name for name in names), kind
