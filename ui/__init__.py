"""The PySide6 windows. No SQL, no repository, no register.db: reads and writes go through the
core public functions (services, queries, records). Packages mirror the core: shell/ (app,
main window, menus), widgets/, register/, progress/, exchange/, reports/, inspections/.
"""
