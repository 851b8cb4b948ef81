"""The progress feature's own migrations (the progress table itself is in plans/schema.py).

0007_progress_reasons: a unit's reason for lateness (lý do chậm, khó khăn, vướng mắc) and its
proposal (đề xuất, kiến nghị) get their own columns instead of a "Lý do: " line in the result
text; old entries keep that line and are still read (states.split_reason). The officer's words
of the báo cáo live in the narratives table (0003), one row per plan, period and section key,
with the time of the last edit added here.
"""

from __future__ import annotations

from sqlite_utils import Database

from cchc_desktop.register.migrations import migrations, run_script

_REASONS = """
ALTER TABLE progress ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE progress ADD COLUMN proposal TEXT NOT NULL DEFAULT '';
ALTER TABLE narratives ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
"""


@migrations(name="0007_progress_reasons")
def _reasons(db: Database) -> None:
    run_script(db, _REASONS)


_EVIDENCE_FILES = """
CREATE TABLE evidence_files (
    progress_id INTEGER NOT NULL REFERENCES progress(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    path TEXT NOT NULL,
    PRIMARY KEY (progress_id, position)
);
INSERT INTO evidence_files (progress_id, position, path)
    SELECT id, 0, evidence_file FROM progress WHERE evidence_file != '';
"""


@migrations(name="0010_evidence_files")
def _evidence_files(db: Database) -> None:
    """Several evidence files per progress entry (the old single file becomes the first)."""
    run_script(db, _EVIDENCE_FILES)
