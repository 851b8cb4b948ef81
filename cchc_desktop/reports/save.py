"""Save a Document as PDF or Word by the file's extension, after the pre-print check."""

from __future__ import annotations

from pathlib import Path

from cchc_desktop.reports.base import ReportError
from cchc_desktop.reports.checks import require_complete
from cchc_desktop.reports.model import Document

FORMATS = {".pdf": "PDF", ".docx": "Word"}


def output_format(path: Path) -> str:
    """Return ".pdf" or ".docx" for a path, or raise ReportError naming the formats."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ReportError(f"Không lưu được văn bản dạng “{Path(path).suffix or Path(path).name}”"
                          "; hãy đặt tên tệp kết thúc bằng .pdf hoặc .docx.")
    return suffix


def save_document(doc: Document, path: Path, draft: bool = False) -> Path:
    """Write the document to path (.pdf or .docx); refuse an incomplete one unless a draft."""
    suffix = output_format(path)
    if not draft:
        require_complete(doc)
    if suffix == ".docx":
        from cchc_desktop.reports.docx_render import render_docx

        return render_docx(doc, Path(path), draft)
    from cchc_desktop.reports.pdf_render import render_pdf

    return render_pdf(doc, Path(path), draft)
