"""The application shell: QApplication and the exception hook (app), the main window and the
protocol its helpers see (window), menus/actions and their handlers, the ops helper that runs
work off the GUI thread, Qt string translations, first-run wizard, agency, restore, audit, help.
"""
