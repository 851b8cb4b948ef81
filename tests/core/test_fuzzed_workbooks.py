"""Mutated appendices and return templates (bits flipped, cut short, members recompressed with
methods nobody supports, parts mangled, pages zeroed): each is read or refused with a
Vietnamese message — never another exception, never anything printed by a library."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest

from cchc_desktop.errors import CchcError
from cchc_desktop.excel.read.reader import read_appendix
from cchc_desktop.exchange import templates as tpl
from cchc_desktop.exchange.returns import ReturnContext, read_return
from cchc_desktop.register.connection import Register
from tests.core.test_failures_in_vietnamese import appendix

FILES = 160
SEED = 20261206


def _flip(data: bytearray, rng: random.Random) -> bytearray:
    for _ in range(rng.randint(1, 20)):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return data


def _method(data: bytearray, rng: random.Random) -> bytearray:
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at >= 0:
            if rng.random() < 0.5:
                data[at + offset:at + offset + 2] = struct.pack("<H", rng.choice([1, 9, 12, 14,
                                                                                   99]))
            at = data.find(signature, at + 4)
    return data


def _mangle(data: bytearray, rng: random.Random) -> bytearray:
    source = zipfile.ZipFile(io.BytesIO(bytes(data)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for info in source.infolist():
            body = bytearray(source.read(info))
            if body and rng.random() < 0.3:
                for _ in range(rng.randint(1, 30)):
                    body[rng.randrange(len(body))] = rng.randrange(256)
            book.writestr(info.filename, bytes(body))
    return bytearray(out.getvalue())


def mutate(data: bytes, rng: random.Random) -> bytes:
    """Return a damaged copy of a workbook."""
    copy = bytearray(data)
    how = rng.randrange(5)
    if how == 1:
        return bytes(copy[:rng.randrange(len(copy))])
    if how == 4:
        at = rng.randrange(len(copy))
        copy[at:at + 512] = bytes(512)
        return bytes(copy)
    return bytes((_flip, _method, _mangle)[(0, 0, 1, 2)[how]](copy, rng))


def test_fuzzed_workbooks_are_read_or_refused_cleanly(
        demo_register: Register, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    template = tpl.write_templates(demo_register, 1, "2021-H1", tmp_path / "t", [3],
                                   today=date(2021, 6, 15))[0].path
    sources = [appendix(tmp_path / "phu-luc.xlsx", 40), template]
    ctx = ReturnContext.load(demo_register, 1, "2021-H1", date(2021, 6, 15))
    rng = random.Random(SEED)
    refused = read = 0
    for number in range(FILES):
        source = sources[number % 2]
        path = tmp_path / f"hong-{number}.xlsx"
        path.write_bytes(mutate(source.read_bytes(), rng))
        try:
            if source == template:
                rejected = read_return(path, ctx).rejected
            else:
                read_appendix(path)
                rejected = False
        except CchcError as error:
            assert path.name in str(error), str(error)
            rejected = True
        refused += rejected
        read += not rejected
    print(f"\n{FILES} fuzzed workbooks: {refused} refused with a message, {read} read")
    assert refused > FILES // 2
    assert capfd.readouterr().err == ""  # no library output, no traceback
