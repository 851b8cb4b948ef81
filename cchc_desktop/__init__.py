"""CCHC Desktop core: everything an officer's work needs, as plain Python. Never imports Qt.

Packages, named after what an officer does (each one's docstring says what it may import):

- register/     open the SQLite register, the migration set, backups/restore, the lock, audit
- plans/        the plan and its appendix: models, repository, services, units, outline, import
- schedule/     "Thời gian thực hiện" phrases -> due dates; reporting periods; lateness rules
- progress/     progress entries, task states per period, dashboard figures
- inspections/  kiểm tra CCHC, đề cương, results; one-stop figures; targets (chỉ tiêu)
- excel/read/   the tolerant appendix reader; excel/write/ the formatted exports
- exchange/     unit return templates, reading returns, consolidation
- reports/      official documents (NĐ 30/2020): collect -> render
- text/         Vietnamese folding, collation, money in words
- cli.py, errors.py, paths.py, schema.py (every feature's migrations in release order)
"""

__version__ = "0.1.0"

from cchc_desktop import schema as _schema  # noqa: E402,F401 - the migration set is complete
