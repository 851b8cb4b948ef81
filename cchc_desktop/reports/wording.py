"""The NĐ 30/2020 wording rules, written once for both renderers (and the UI's live preview).

Pure text in, text out: the number line, the place-and-date line (blank for the văn thư by
default), the signature block's lines for every quyền hạn, nơi nhận lines, how a document is
cited ("Quyết định số 1271/QĐ-UBND ngày 18/8/2021 của …"), a plan's term ("năm 2021",
"giai đoạn 2021 - 2025"), the collective's name without its place, and sentence case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from cchc_desktop.reports.model import Document, Registration, Signature
from cchc_desktop.text.folding import fold, nfc
from cchc_desktop.text.money_words import capitalize_first

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
DRAFT_MARK = "DỰ THẢO"
BLANK = " " * 6
# Level words before a place name: the place after them is never split across lines.
PLACE_LEVELS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
_TERM_RE = re.compile(r"(?:giai\s+đoạn\s+)?((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)", re.I)
_SYLLABLE = re.compile(r"^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnpqrstvx])?"
                       r"[aeiouy]+(ch|ng|nh|[cmnptk])?$")
_KIND_BY_CODE = {"qd": "Quyết định", "kh": "Kế hoạch", "bc": "Báo cáo", "tb": "Thông báo",
                 "ct": "Chỉ thị", "nq": "Nghị quyết", "ctr": "Chương trình"}


def clean(text: str | None) -> str:
    """Return text in NFC with surrounding spaces removed ('' for None)."""
    return nfc(text or "").strip()


def upper(text: str | None) -> str:
    """Return NFC upper case text ("Thanh tra tỉnh Đắk Nông" → "THANH TRA TỈNH ĐẮK NÔNG")."""
    return clean(text).upper()


def day_month(day: date) -> tuple[str, str]:
    """Return day and month as NĐ 30 writes them: a zero before days < 10 and months 1, 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{day.day:02d}", month


def cite_date(day: date | None) -> str:
    """Return a date as a citation writes it ("18/8/2021", "05/01/2026"; '' for None)."""
    if day is None:
        return ""
    dd, mm = day_month(day)
    return f"{dd}/{mm}/{day.year}"


def date_line(place: str, registration: Registration) -> str:
    """Return "Đắk Nông, ngày 05 tháng 01 năm 2026", or with day and month left blank."""
    prefix = f"{clean(place)}, " if clean(place) else ""
    day = registration.day
    if day is None:
        year = registration.year or date.today().year
        return f"{prefix}ngày{BLANK}tháng{BLANK}năm {year}"
    dd, mm = day_month(day)
    return f"{prefix}ngày {dd} tháng {mm} năm {day.year}"


def number_symbol(doc: Document) -> str:
    """Return the symbol after the number: "KH-UBND"; a công văn "UBND-VP"."""
    abbreviation = clean(doc.issuer.abbreviation)
    if not doc.kind.code:
        unit = clean(doc.issuer.drafting_unit)
        return "-".join(p for p in (abbreviation, unit) if p)
    return "-".join(p for p in (doc.kind.code, abbreviation) if p)


def number_line(doc: Document) -> str:
    """Return "Số: 12/KH-UBND", or "Số:      /KH-UBND" left for the văn thư ('' if none)."""
    if not doc.registration.own_number:
        return ""
    number = clean(doc.registration.number)
    if "/" in number:
        return f"Số: {number}"
    if number:
        return f"Số: {number}/{number_symbol(doc)}"
    return f"Số:{BLANK}/{number_symbol(doc)}"


def collective_of(name: str | None) -> str:
    """Return a collective body's name without its place ("Ủy ban nhân dân tỉnh X" → "Ủy ban
    nhân dân"), as NĐ 30 prints it after "TM."."""
    text = clean(name)
    words = text.split()
    folded = [fold(w) for w in words]
    for index in range(1, len(words)):
        for level in PLACE_LEVELS:
            size = len(level.split())
            if folded[index:index + size] == fold(level).split():
                return " ".join(words[:index])
    return text


def head_title_of(signature: Signature) -> str:
    """Return the head's title a deputy signs for ("Phó Chánh Thanh tra" → "Chánh Thanh tra")."""
    if clean(signature.head_title):
        return clean(signature.head_title)
    own = clean(signature.title)
    if fold(own).startswith("pho ") and signature.authority in ("KT.", "TM.+KT.", "Q."):
        return capitalize_first(own[4:].strip())
    return ""


def signature_lines(signature: Signature) -> list[str]:
    """Return the upper-case lines above the signature for any NĐ 30 quyền hạn.

    "" → [CHỨC VỤ]; KT. → [KT. THỦ TRƯỞNG, PHÓ…]; TM. → [TM. TẬP THỂ, CHỨC VỤ];
    TM.+KT. → [TM. TẬP THỂ, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]; Q. → [Q. THỦ TRƯỞNG];
    TL./TUQ. → [TL. THỦ TRƯỞNG, CHỨC VỤ NGƯỜI KÝ]. A part not given is left out, never
    replaced by a made-up one.
    """
    authority = clean(signature.authority)
    own = upper(signature.title)
    head = upper(head_title_of(signature))
    collective = upper(collective_of(signature.collective))
    if authority == "Q.":
        acting = head or own
        return [f"Q. {acting}"] if acting else []
    lines: list[str] = []
    if authority in ("TM.", "TM.+KT.") and collective:
        lines.append(f"TM. {collective}")
    if authority in ("KT.", "TM.+KT.", "TL.", "TUQ.") and head:
        lines.append(f"{authority.removeprefix('TM.+')} {head}")
    if own:
        lines.append(own)
    return lines


def signature_preview(signature: Signature) -> list[str]:
    """Return the block as printed, for a live preview: the lines, a gap, the name."""
    return [*signature_lines(signature), "", "", clean(signature.name)]


def recipient_lines(recipients: Sequence[str]) -> list[str]:
    """Return the "- …;" lines of Nơi nhận, ending with "- Lưu: VT, …." (added if missing)."""
    items = [clean(r).rstrip(" ;.,") for r in recipients if clean(r).rstrip(" ;.,")]
    items = [item.lstrip("-+• ").strip() for item in items]
    archive = [item for item in items if fold(item).startswith("luu")]
    items = [item for item in items if item not in archive] + (archive[-1:] or ["Lưu: VT"])
    return [f"- {item};" for item in items[:-1]] + [f"- {items[-1]}."]


def archive_line(drafting_unit: str) -> str:
    """Return "Lưu: VT, VP" (the drafting unit after the văn thư when known)."""
    return f"Lưu: VT, {clean(drafting_unit)}" if clean(drafting_unit) else "Lưu: VT"


def kind_of_number(number: str) -> str:
    """Return what a number says a document is ("1271/QĐ-UBND" → "Quyết định"), or ''."""
    symbol = clean(number).partition("/")[2]
    code = fold(symbol.partition("-")[0])
    return _KIND_BY_CODE.get(code, "")


def citation(kind: str, number: str, issued: date | None, issuer: str) -> str:
    """Return how a document is cited: "Quyết định số 1271/QĐ-UBND ngày 18/8/2021 của …"."""
    parts = [f"{kind} số {clean(number)}" if clean(number) else kind]
    if issued:
        parts.append(f"ngày {cite_date(issued)}")
    if clean(issuer):
        parts.append(f"của {clean(issuer)}")
    return " ".join(parts)


def term_years(*texts: str | None) -> tuple[int, int] | None:
    """Return the first "2021 - 2025" span found in the texts, or None."""
    for text in texts:
        match = _TERM_RE.search(clean(text))
        if match and int(match[1]) < int(match[2]):
            return int(match[1]), int(match[2])
    return None


def term_phrase(year: int | None, *texts: str | None) -> str:
    """Return a plan's term: "giai đoạn 2021 - 2025" when the texts name one, else "năm 2021"."""
    span = term_years(*texts)
    if span:
        return f"giai đoạn {span[0]} - {span[1]}"
    return f"năm {year}" if year else ""


def _is_acronym(word: str) -> bool:
    """Tell whether an upper-case word is an acronym kept in capitals ("CCHC", "UBND").

    A word that cannot be one Vietnamese syllable (consonant, vowels, final) is an acronym.
    """
    letters = "".join(c for c in fold(word) if c.isalpha())
    return len(letters) >= 2 and not _SYLLABLE.match(letters)


def sentence_case(text: str, names: Iterable[str] = ()) -> str:
    """Return a title in capitals as a sentence ("KẾ HOẠCH CẢI CÁCH…" → "Kế hoạch cải cách…").

    Acronyms stay upper case; the given proper names (the issuer, the place) and the place
    after a level word ("tỉnh Đắk Nông") keep their capitals. Mixed-case text is kept as is.
    """
    text = clean(text)
    if not text or text != text.upper():
        return capitalize_first(text)
    words = [w if _is_acronym(w) else w.lower() for w in text.split()]
    result = capitalize_first(" ".join(words))
    for name in sorted({clean(n) for n in names if clean(n)}, key=len, reverse=True):
        pattern = re.compile(re.escape(name.lower()), re.IGNORECASE)
        result = pattern.sub(name, result)
        result = capitalize_first(result)
    return _capitalise_places(result)


def _capitalise_places(text: str) -> str:
    """Capitalise the words of a place name that follows a level word ("tỉnh đắk nông")."""
    words = text.split()
    out: list[str] = []
    index = 0
    while index < len(words):
        out.append(words[index])
        size = next((len(level.split()) for level in PLACE_LEVELS
                     if [fold(w) for w in words[index:index + len(level.split())]]
                     == fold(level).split()), 0)
        if size:
            out += words[index + 1:index + size]
            index += size
            while index < len(words) and fold(words[index]) not in _STOP_WORDS \
                    and not any(ch.isdigit() for ch in words[index]):
                word = words[index]
                out.append(word[:1].upper() + word[1:].lower())
                index += 1
            continue
        index += 1
    return " ".join(out)


_STOP_WORDS = {"nam", "giai", "ve", "va", "cua", "trong", "tai", "theo", "den", "tu", "dot",
               "quy", "thang", "nhiem", "ke", "bao", "cong", "ket", "hoi"}


def summary_of(title: str, kind_name: str, names: Iterable[str] = ()) -> str:
    """Return the trích yếu: the title without its leading tên loại, in sentence case."""
    text = sentence_case(title, names)
    words = text.split()
    size = len(kind_name.split())
    if size and fold(" ".join(words[:size])) == fold(kind_name) and len(words) > size:
        text = " ".join(words[size:])
    return capitalize_first(text)


def own_citation(doc: Document) -> str:
    """Return how the document's appendix cites it ("Báo cáo số      /BC-UBND ngày …")."""
    reg = doc.registration
    number = clean(reg.number)
    if "/" not in number:
        number = f"{number or BLANK}/{number_symbol(doc)}"
    day = cite_date(reg.day) if reg.day else f"{BLANK}/{BLANK}/{reg.year or date.today().year}"
    kind = doc.kind.name or "Công văn"
    issuer = f" của {clean(doc.issuer.name)}" if clean(doc.issuer.name) else ""
    return f"{kind} số {number} ngày {day}{issuer}"
