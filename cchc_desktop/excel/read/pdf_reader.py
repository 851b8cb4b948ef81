"""Open a PDF plan with pdfplumber and hand out its text and tables as blocks.

pdfplumber (over pdfminer.six, pure Python, kept up to date) gives every character with its
position and the ruling lines, which is what a table without a text structure needs. A PDF is
refused before its pages are laid out when it is encrypted, damaged, longer than MAX_PDF_PAGES
or has more than MAX_PDF_OBJECTS_PER_PAGE objects on a page, and when no page has any text (a
scan: no OCR here). Ruled tables come from pdfplumber's line finder, cell by cell with their
merges (pdf_tables.ruled_table); a table without ruling lines is laid out from the words'
positions under its header (pdf_tables.UnruledTable). Text outside the tables becomes
paragraph blocks, for the plan's number, date, issuer and trích yếu.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.document_safety import (
    MAX_PDF_OBJECTS_PER_PAGE,
    MAX_PDF_PAGES,
    check_size,
)
from cchc_desktop.excel.read.docx_blocks import Block, TableBlock
from cchc_desktop.excel.read.pdf_tables import Line, UnruledTable, page_lines, ruled_table
from cchc_desktop.excel.read.safety import Limits

_LINES = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def pdf_blocks(path: Path, limits: Limits) -> list[Block]:
    """Return the text lines and tables of a PDF plan in reading order."""
    check_size(path, limits)
    name = path.name
    try:
        import pdfplumber
        from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

        with pdfplumber.open(str(path)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise AppendixError(
                    f"Tệp '{name}' có {len(pdf.pages)} trang, quá nhiều so với một kế hoạch "
                    f"(chỉ đọc tệp đến {MAX_PDF_PAGES} trang)."
                )
            return _read_pages(name, pdf.pages)
    except AppendixError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise AppendixError(
            f"Tệp '{name}' được đặt mật khẩu nên không đọc được; hãy xin bản PDF không đặt "
            "mật khẩu hoặc bản Word."
        ) from None
    except Exception as exc:  # a hostile or damaged file must never show a traceback
        if "password" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise AppendixError(
                f"Tệp '{name}' được đặt mật khẩu nên không đọc được; hãy xin bản PDF không "
                "đặt mật khẩu hoặc bản Word."
            ) from None
        raise AppendixError(
            f"Tệp '{name}' bị hỏng hoặc không phải PDF hợp lệ nên không đọc được; hãy xin đơn "
            "vị gửi lại tệp (hoặc bản Word)."
        ) from None


def _read_pages(name: str, pages: list[Any]) -> list[Block]:
    """Read every page: its tables, and its other lines as paragraphs."""
    blocks: list[Block] = []
    unruled: UnruledTable | None = None
    text_found = False
    for number, page in enumerate(pages, start=1):
        objects = len(page.objects.get("char", ())) + len(page.objects.get("line", ()))
        objects += len(page.objects.get("rect", ())) + len(page.objects.get("curve", ()))
        if objects > MAX_PDF_OBJECTS_PER_PAGE:
            raise AppendixError(
                f"Tệp '{name}', trang {number}: có hơn {MAX_PDF_OBJECTS_PER_PAGE:,} đối tượng "
                "vẽ, bất thường với một kế hoạch; không đọc vì an toàn.".replace(",", ".")
            )
        tables = [t for t in page.find_tables(_LINES) if _is_grid(t)]
        lines = page_lines(_outside(page, [table.bbox for table in tables]))
        text_found = text_found or bool(lines) or bool(tables)
        if any(len(t.rows[0].cells) >= 5 for t in tables):
            unruled = None  # the task table is ruled on this page
        found, unruled = _page_blocks(lines, tables, unruled)
        blocks += found
    if not text_found:
        raise AppendixError(
            f"Tệp '{name}' là bản chụp (scan): các trang chỉ có hình ảnh, không có lớp chữ nên "
            "không đọc được bảng. Hãy xin đơn vị bản Word hoặc bản PDF xuất từ Word."
        )
    for index, block in enumerate(b for b in blocks if isinstance(b, TableBlock)):
        block.index = index + 1
    return blocks


def _outside(page: Any, boxes: list[tuple[float, float, float, float]]) -> Any:
    """Return the page without the characters inside its ruled tables (read cell by cell)."""
    if not boxes:
        return page

    def keep(obj: dict[str, Any]) -> bool:
        """Keep an object that is not inside a table."""
        if obj.get("object_type") != "char":
            return True
        x, y = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
        return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

    return page.filter(keep)


def _is_grid(table: Any) -> bool:
    """Return True for a ruled table with at least two rows and three columns."""
    return len(table.rows) >= 2 and max(len(row.cells) for row in table.rows) >= 3


def _page_blocks(lines: list[Line], tables: list[Any], unruled: UnruledTable | None
                 ) -> tuple[list[Block], UnruledTable | None]:  # fmt: skip
    """Return a page's blocks top to bottom: ruled tables, a table without lines, text."""
    boxes = [table.bbox for table in tables]
    placed: list[tuple[float, Block]] = [(t.bbox[1], ruled_table(t)) for t in tables]
    outside = [line for line in lines if not any(
        b[0] - 2 <= line.x0 <= b[2] and b[1] - 2 <= line.top and line.bottom <= b[3] + 2
        for b in boxes)]  # fmt: skip
    start = 0
    if unruled is None:
        for index in range(len(outside)):
            unruled = UnruledTable.from_header(outside, index)
            if unruled is not None:
                start = index
                break
        else:
            start = len(outside)
    placed += [(line.top, line.text) for line in outside[:start]]
    if unruled is not None and outside[start:]:
        block, used = unruled.lay_out(outside[start:])
        if block.rows:
            placed.append((outside[start].top, block))
        if start + used < len(outside):  # running text under the table: it has ended
            placed += [(line.top, line.text) for line in outside[start + used :]]
            unruled = None
    placed.sort(key=lambda item: item[0])
    return [block for _top, block in placed], unruled
