"""Excel exchange with units: return templates per unit and period, reading returned files,
which units have returned, consolidating returns into progress in one transaction.

May import: errors, text, schedule, register, plans, progress, excel.read, excel.write.
"""
