"""Money as officers type it: budgets in cells ("1.500", "1,5") and amounts in words.

Vietnamese writes thousands with a dot and decimals with a comma: "1.500" is one thousand five
hundred, "1,5" is one and a half. Numbers typed the English way ("1.5", "1,500,000") are still
understood when they cannot mean anything else.
"""

from __future__ import annotations

import re
from math import isfinite

from cchc_desktop.text.folding import fold

_VN_THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_VN_DECIMAL_RE = re.compile(r"^-?\d+(?:,\d+)?$")
_EN_DECIMAL_RE = re.compile(r"^-?\d+\.\d+$")
_EN_THOUSANDS_RE = re.compile(r"^-?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^-?\d{1,3}(?:,\d{3})+\.\d+$")
_UNIT_SUFFIX_RE = re.compile(r"(?:triệu\s*đồng|triệu|trđ|tr\.?đ|đồng|đ)\.?$", re.IGNORECASE)
_EMPTY_MARKS = {"", "-", "–", "—", "x", "0"}

_DIGITS = {
    "khong": 0, "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5,
    "nham": 5, "sau": 6, "bay": 7, "bey": 7, "tam": 8, "chin": 9,
}  # fmt: skip
_SCALES = {"nghin": 1_000, "ngan": 1_000, "trieu": 1_000_000, "ty": 1_000_000_000,
           "ti": 1_000_000_000}  # fmt: skip


def parse_budget(value: object) -> tuple[float | None, bool]:
    """Read a budget cell in millions of đồng; return (amount, understood)."""
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int | float):
        return (float(value), True) if isfinite(value) else (None, False)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = _UNIT_SUFFIX_RE.sub("", text).strip()
    if text in _EMPTY_MARKS:
        return (0.0, True) if text == "0" else (None, True)
    if _VN_THOUSANDS_RE.match(text):
        return float(text.replace(".", "").replace(",", ".")), True
    if _EN_THOUSANDS_RE.match(text):
        return float(text.replace(",", "")), True
    if _VN_DECIMAL_RE.match(text):
        return float(text.replace(",", ".")), True
    if _EN_DECIMAL_RE.match(text):
        return float(text), True
    return None, False


def budget_unit(header_text: str) -> tuple[int, int]:
    """Return (multiplier, divisor) turning a budget column's numbers into millions of đồng.

    "Kinh phí (triệu đồng)" or no unit → (1, 1); "(nghìn đồng)" → (1, 1000); "(đồng)" →
    (1, 1000000); "(tỷ đồng)" → (1000, 1).
    """
    folded = fold(header_text)
    if "trieu" in folded or "tr.d" in folded or "trd" in folded:
        return 1, 1
    if "ty dong" in folded or "ti dong" in folded:
        return 1000, 1
    if "nghin dong" in folded or "ngan dong" in folded:
        return 1, 1000
    if re.search(r"\bdong\b|\bvnd\b", folded):
        return 1, 1_000_000
    return 1, 1


def format_million(amount: float) -> str:
    """Format an amount of millions the Vietnamese way (1.500,5)."""
    whole = f"{amount:,.3f}".rstrip("0").rstrip(".")
    return whole.replace(",", " ").replace(".", ",").replace(" ", ".")


def words_to_dong(text: str) -> int | None:
    """Read an amount written in Vietnamese words ("Chín mươi ba triệu đồng") as đồng."""
    words = re.findall(r"[a-z]+", fold(text.split(":", 1)[-1]))
    if "phay" in words:
        return None
    parts: list[tuple[int, int]] = []  # (value, scale) read so far, larger scales first
    block = 0  # hundreds of the group being read
    current = 0  # tens and units of the group being read
    seen = False
    previous = ""
    for word in words:
        if word in _DIGITS:
            current += _DIGITS[word]
            seen = True
        elif word == "muoi":
            current += _DIGITS[previous] * 9 if previous in _DIGITS else 10
            seen = True
        elif word == "tram":
            block, current = block + (current if previous in _DIGITS else 1) * 100, 0
        elif word in _SCALES:
            scale = _SCALES[word]
            value = block + current
            while parts and parts[-1][1] < scale:  # "một nghìn năm trăm … triệu"
                value += parts.pop()[0]
            parts.append(((value or 1) * scale, scale))
            block = current = 0
        previous = word
    if not seen:
        return None
    return sum(value for value, _scale in parts) + block + current
