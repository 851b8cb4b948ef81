"""Schema migrations of the inspections feature (registered on the register's one migration set)."""

from __future__ import annotations

from cchc_desktop.migrations import migrations, run_script

__all__ = ["migrations", "run_script"]
