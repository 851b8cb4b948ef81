"""The tolerant appendix reader: untrusted workbooks (.xlsx/.xlsm/.xls/.ods) and whole plans as
Word (.docx) or PDF, checked for safety and extent, then headers by meaning, rows, structure
(sections, groups, tasks), amounts, JSON form.

Workbooks: safety, extent, workbook (python-calamine), ods_merged. Documents: document_safety
(size, zip, defusedxml, PDF bounds), docx_reader + docx_blocks (python-docx), pdf_reader +
pdf_tables (pdfplumber), documents (the task table among the document's tables) and
document_hints (số, ngày, cơ quan, trích yếu). Every table then goes through reader → headers →
rows (with leftovers: PDF page numbers, initials, notes, pasted paragraphs) → structure.

May import: errors, text, schedule. Writes nothing; the register import is plans.importer.
"""
