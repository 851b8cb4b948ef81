"""A register on a shared network folder is recognised at open (SQLite's WAL does not work
across computers): UNC paths and mapped drives on Windows, NFS/SMB/CIFS mounts on Linux."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from cchc_desktop.register.checks import NetworkRegister, network_kind

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
/dev/sdb1 /home ext4 rw 0 0
//may-chu/cchc /mnt/phong\\040noi\\040vu cifs rw,vers=3.0 0 0
may-chu:/srv/chung /srv/chung nfs4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "expected"), [
    (r"\\MAY-CHU\CCHC\so-dang-ky.sqlite", "thư mục mạng dùng chung"),
    ("//may-chu/cchc/so.sqlite", "thư mục mạng dùng chung"),
    (r"\\?\UNC\may-chu\cchc\so.sqlite", "thư mục mạng dùng chung"),
    (r"C:\Users\lan\AppData\Local\CCHC Desktop\so.sqlite", None),
    (r"\\?\C:\so.sqlite", None),
])
def test_windows_paths(path: str, expected: str | None) -> None:
    assert network_kind(PureWindowsPath(path), windows=True) == expected


@pytest.mark.parametrize(("path", "expected"), [
    ("/mnt/phong noi vu/so.sqlite", "thư mục mạng (cifs)"),
    ("/srv/chung/2026/so.sqlite", "thư mục mạng (nfs4)"),
    ("/srv/chung-khac/so.sqlite", None),
    ("/home/lan/.local/share/CCHC Desktop/so.sqlite", None),
    ("/tmp/so.sqlite", None),
])
def test_linux_mounts(path: str, expected: str | None) -> None:
    assert network_kind(Path(path), windows=False, mounts=MOUNTS) == expected


def test_the_message_says_it_must_live_on_this_pc() -> None:
    message = str(NetworkRegister(Path("/srv/chung/so.sqlite"), "thư mục mạng (nfs4)"))
    assert "phải để trên ổ đĩa của chính máy này" in message and "chép sổ về máy" in message


def test_a_local_register_is_not_a_network_one(tmp_path: Path) -> None:
    assert network_kind(tmp_path / "so.sqlite") is None
