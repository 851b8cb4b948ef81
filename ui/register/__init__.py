"""The register window's content: the appendix table (model, view, delegates, filter bar), task
and plan forms, undo commands, the units directory, the import dialog, task states source.
"""
