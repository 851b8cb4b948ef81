"""The PySide6 windows. No SQL, no repository, no raw database handle: reads and writes go
through the core public functions (services, queries, records). Packages mirror the core:
shell/ (app, main window, menus), widgets/, register/, progress/, exchange/, reports/,
inspections/.
"""
