"""Rows of text as the clipboard carries them between programs: tab-separated text (what Excel
and Word read as a table) and an HTML table (what they prefer when it is there)."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape


def _tsv_cell(text: str) -> str:
    """Quote a cell holding a tab, a new line or a quote, as Excel writes and reads it."""
    if any(ch in text for ch in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def to_tsv(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return the header and rows as tab-separated lines (ending with a new line)."""
    lines = [headers, *rows]
    return "".join("\t".join(_tsv_cell(c) for c in line) + "\r\n" for line in lines)


def to_html(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Return the header and rows as an HTML table with borders (new lines kept)."""
    def cells(tag: str, line: Sequence[str]) -> str:
        return "".join(f"<{tag}>{escape(c).replace(chr(10), '<br>')}</{tag}>" for c in line)
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return ('<html><head><meta charset="utf-8"></head><body>'
            '<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">'
            f"<tr>{cells('th', headers)}</tr>{body}</table></body></html>")


def from_tsv(text: str) -> list[list[str]]:
    """Read tab-separated text as Excel puts it on the clipboard (quoted cells may hold new
    lines and doubled quotes); empty trailing lines are dropped."""
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    quoted = at_start = True
    quoted = False
    i = 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1:i + 2] == '"':
                cell.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell.append(ch)
        elif ch == '"' and at_start:
            quoted = True
        elif ch == "\t":
            row.append("".join(cell))
            cell = []
        elif ch in "\r\n":
            if ch == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            cell.append(ch)
        at_start = not quoted and (ch in "\t\r\n")
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    return rows
