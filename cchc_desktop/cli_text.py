"""Vietnamese for argparse's own words ("usage", "options", its error messages).

argparse looks its texts up through the module-level gettext names `_` and `ngettext` at the
moment it formats them; `install()` points those at this table, so `cchc-desktop --help` and
every usage error read entirely in Vietnamese.
"""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "unrecognized arguments: %s": "đối số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "đối số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "cần nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "not allowed with argument %s": "không dùng cùng đối số %s",
    "ambiguous option: %(option)s could match %(matches)s":
        "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "ignored explicit argument %r": "bỏ qua giá trị %r",
    "one of the arguments %s is required": "cần một trong các đối số %s",
    "unexpected option string: %s": "tùy chọn không mong đợi: %s",
    "%(prog)s: error: ": "%(prog)s: lỗi: ",
}


def translate(text: str) -> str:
    """Return the Vietnamese of one argparse text (the text itself when it has none)."""
    return TEXTS.get(text, text)


def translate_plural(singular: str, plural: str, count: int) -> str:
    """Return the Vietnamese of argparse's counted texts ("expected %s argument")."""
    if singular == "expected %s argument":
        return "cần %s giá trị"
    return singular if count == 1 else plural


def install() -> None:
    """Make argparse speak Vietnamese in this process."""
    argparse._ = translate  # type: ignore[attr-defined]
    argparse.ngettext = translate_plural  # type: ignore[attr-defined]
