"""Formatted workbooks the app writes (openpyxl write-only): the styled sheet writer, the plan
export with its progress sheet, the audit-trail export.

May import: errors, text, schedule, register, plans, progress.
"""
