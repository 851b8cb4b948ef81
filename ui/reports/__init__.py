"""The report dialog: choose a document and period, preview, save, print.
"""
