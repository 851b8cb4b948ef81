"""The register's whole schema: every feature's migrations, registered in release order.

Imported by the package itself (cchc_desktop/__init__.py), so opening a register always applies
the complete set. To add a table: write a named migration in the feature's own `schema.py`
(plans/, exchange/, inspections/ …) and, for a new feature, import its module here, last.
The set is then put in release order (the number that starts each name); never renumber:
the names are already applied in registers in the field.
"""

from __future__ import annotations

from cchc_desktop.exchange import schema as exchange_schema  # 0004_exchange
from cchc_desktop.inspections import schema as inspections_schema  # 0005_*
from cchc_desktop.plans import schema as plans_schema  # 0001_initial … 0003_narratives
from cchc_desktop.register.migrations import put_in_release_order

FEATURES = (plans_schema, exchange_schema, inspections_schema)
put_in_release_order()
