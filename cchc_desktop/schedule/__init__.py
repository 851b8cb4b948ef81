"""Time: "Thời gian thực hiện" phrases -> schedule rules and due dates (phrases, lexicon, tokens),
the reporting calendar of periods and data windows (periods), and lateness rules (lateness).

Pure functions; "today" is always an argument. May import: errors, text.
"""
