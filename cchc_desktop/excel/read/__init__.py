"""The tolerant appendix reader: untrusted workbooks (.xlsx/.xlsm/.xls/.ods) checked for safety and
extent, then headers by meaning, rows, structure (sections, groups, tasks), amounts, JSON form.

May import: errors, text, schedule. Writes nothing; the register import is plans.importer.
"""
