"""The plan and its appendix: typed records (models), rows <-> records (repository), use cases
each in one transaction (services), the units directory, the outline (sections/groups), the
read-side queries of the window, records for forms, and writing an imported appendix.

May import: errors, text, schedule, register, excel.read. Other features hook in (units merge).
"""
