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
- start/        the first run and the demo register
- cli.py (the command line), errors.py (Vietnamese errors), paths.py (bundled resources)

The register's schema: every feature owns its tables in its own `schema.py` and registers named
migrations on the one set (register/migrations.py). Importing this package imports each
feature's schema module below, so opening a register always applies the complete set, in
release order (by name: "0004_exchange" after "0003_narratives"). To add a table: a new named
migration in the feature's `schema.py`; for a new feature, import its schema module here.
"""

__version__ = "0.1.0"

from cchc_desktop.exchange import schema as _exchange_schema  # noqa: E402,F401
from cchc_desktop.inspections import schema as _inspections_schema  # noqa: E402,F401
from cchc_desktop.plans import schema as _plans_schema  # noqa: E402,F401
from cchc_desktop.progress import schema as _progress_schema  # noqa: E402,F401
from cchc_desktop.register.migrations import put_in_release_order  # noqa: E402

put_in_release_order()
