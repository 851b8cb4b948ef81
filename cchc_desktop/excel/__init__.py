"""Excel files: read/ is the tolerant appendix reader; write/ the formatted workbooks.
"""
