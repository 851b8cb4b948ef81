"""Official documents (Nghị định 30/2020/NĐ-CP): each kind collects its data onto the one
document model (model.py: issuer, số/ngày, trích yếu, blocks, signature, nơi nhận, appendices);
checks.py lists what a signer would find missing; save.py writes it as PDF (pdf_render, with
base/parts/tables) or Word (docx_render, docx_parts, docx_table). wording.py and lines.py hold
the NĐ30 text and line-breaking rules both renderers share. cli.py is the entry point.

May import every core package except cli; never ui.
"""
