"""Shared test set-up: Qt offscreen, temp-file registers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cchc_desktop.register.connection import Register, open_register  # noqa: E402

# CI clones the repo with shared/ beside it.
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


@pytest.fixture
def register(tmp_path: Path) -> Iterator[Register]:
    """A fresh register in a temp file."""
    reg = open_register(tmp_path / "so.sqlite")
    yield reg
    reg.close()


@pytest.fixture
def demo_register(register: Register) -> Register:
    """A temp-file register holding the demo plan."""
    from cchc_desktop.start.demo import create_demo

    create_demo(register)
    return register
