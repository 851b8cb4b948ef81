"""Open a checked Word document with python-docx and hand out its body as blocks.

document_safety.check_docx has bounded the zip and refused DTDs (defusedxml) before python-docx
parses anything; python-docx's lxml parser never resolves entities. Library errors become a
plain Vietnamese message naming the file.
"""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.errors import AppendixError
from cchc_desktop.excel.read.document_safety import check_docx
from cchc_desktop.excel.read.docx_blocks import Block, Numbering, body_blocks
from cchc_desktop.excel.read.safety import Limits


def docx_blocks(path: Path, limits: Limits) -> list[Block]:
    """Return the paragraphs and tables of a .docx body in document order."""
    check_docx(path, limits)
    try:
        import docx

        document = docx.Document(str(path))
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        return body_blocks(document.element.body, Numbering(numbering))
    except AppendixError:
        raise
    except Exception as exc:  # a hostile or damaged file must never show a traceback
        cause = "tệp không có phần nội dung chính" if isinstance(exc, KeyError) else ""
        raise AppendixError(
            f"Tệp '{path.name}' bị hỏng hoặc không đúng định dạng Word nên không đọc được"
            f"{f' ({cause})' if cause else ''}. Hãy mở bằng Word rồi lưu lại dạng .docx."
        ) from None
