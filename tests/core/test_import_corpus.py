"""The appendix corpus: each file gives exactly the JSON written by hand for it.

tests/fixtures/corpus holds appendices laid out as units really send them (sections written
"Phần I" or "A." in the content cell, lettered and two-level groups, free text under the table,
.ods merged cells, a Word table pasted into Excel, PDF leftovers, odd unit lists), each with
NAME.expected.json. "warning_rows" lists the rows that must carry a located warning; "units" is
the units directory after importing the file into a new register.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.excel.read.reader import appendix_to_json, read_appendix
from cchc_desktop.plans import repository
from cchc_desktop.plans.importer import add_unit_warnings, import_appendix
from cchc_desktop.register.connection import open_register

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
SUFFIXES = (".xlsx", ".ods", ".xls", ".docx", ".pdf")
FILES = sorted(
    p.name
    for p in CORPUS.iterdir()
    if p.suffix in SUFFIXES and (CORPUS / f"{p.stem}.expected.json").exists()
)
SPECIAL = ("units", "warning_rows")


def expected_for(name: str) -> dict[str, Any]:
    """Return the hand-written expected JSON of a corpus file."""
    stem = name.rsplit(".", 1)[0]
    data: dict[str, Any] = json.loads(
        (CORPUS / f"{stem}.expected.json").read_text(encoding="utf-8")
    )
    return data


def normalise(value: Any) -> Any:
    """Collapse white space in texts; an empty text and null are the same."""
    if isinstance(value, str):
        return re.sub(r"\s+", " ", value).strip() or None
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value


def only_expected(got: Any, expected: Any) -> Any:
    """Keep, in what was read, only the fields the expected JSON fixes."""
    if isinstance(expected, dict) and isinstance(got, dict):
        return {key: only_expected(got.get(key), value) for key, value in expected.items()}
    if isinstance(expected, list) and isinstance(got, list):
        kept = [only_expected(g, e) for g, e in zip(got, expected, strict=False)]
        return kept + got[len(expected) :]
    return got


def test_corpus_covers_fourteen_appendices() -> None:
    assert len(FILES) >= 18
    assert {name.rsplit(".", 1)[1] for name in FILES} == {"xlsx", "ods", "xls", "docx", "pdf"}
    for name in FILES:
        assert expected_for(name)["tasks"], name


@pytest.mark.parametrize("name", FILES)
def test_corpus_file_gives_its_expected_json(name: str) -> None:
    expected = expected_for(name)
    got = appendix_to_json(add_unit_warnings(read_appendix(CORPUS / name)))
    compared = {key: value for key, value in expected.items() if key not in SPECIAL}
    for index, task in enumerate(compared["tasks"]):
        if index < len(got["tasks"]):
            assert normalise(only_expected(got["tasks"][index], task)) == normalise(task), index
    assert normalise(only_expected(got, compared)) == normalise(compared)
    warned = {warning["row"] for warning in got["warnings"]}
    missing = [row for row in expected["warning_rows"] if row not in warned]
    assert not missing, (missing, got["warnings"])


@pytest.mark.parametrize(
    "name", [n for n in FILES if n.endswith((".xlsx", ".ods"))]
)
def test_corpus_units_directory_after_import(name: str, tmp_path: Path) -> None:
    register = open_register(tmp_path / "so.sqlite")
    try:
        import_appendix(register, read_appendix(CORPUS / name))
        names = sorted(unit.name for unit in repository.list_units(register.db))
    finally:
        register.close()
    assert names == sorted(expected_for(name)["units"])
