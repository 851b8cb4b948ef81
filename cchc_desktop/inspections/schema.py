"""Schema migrations of the inspections feature (registered on the register's one migration set).

Issue 8: inspections (kiểm tra CCHC) with their đề cương, one-stop figures (một cửa) and targets
(chỉ tiêu). Units referenced here are never deleted silently: a unit that an inspection or a
figure names cannot be deleted (no ON DELETE action), so merging units must move these rows
first (see cchc_desktop.inspections.move_unit_references).
"""

from __future__ import annotations

from sqlite_utils import Database

from cchc_desktop.inspections.inspection_plans import move_unit_references
from cchc_desktop.plans import units
from cchc_desktop.register.migrations import migrations, run_script

__all__ = ["migrations", "run_script"]

_INSPECTIONS = """
CREATE TABLE outline_lines (
    id INTEGER PRIMARY KEY,
    position INTEGER NOT NULL DEFAULT 0,
    level TEXT NOT NULL CHECK (level IN ('part', 'section', 'item')),
    number TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    hint TEXT NOT NULL DEFAULT '',
    area TEXT
);

CREATE TABLE inspection_plans (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    issued_on TEXT,
    bases TEXT NOT NULL DEFAULT '[]',
    purposes TEXT NOT NULL DEFAULT '[]',
    requirements TEXT NOT NULL DEFAULT '[]',
    implementation TEXT NOT NULL DEFAULT '[]',
    funding TEXT NOT NULL DEFAULT '',
    scope_from TEXT,
    self_due_h1 TEXT,
    self_due_h2 TEXT,
    signer_name TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT ''
        CHECK (signer_authority IN ('', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.')),
    recipients TEXT NOT NULL DEFAULT '[]',
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE inspection_outline (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES inspection_plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL DEFAULT 0,
    level TEXT NOT NULL CHECK (level IN ('part', 'section', 'item')),
    number TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    hint TEXT NOT NULL DEFAULT '',
    area TEXT
);
CREATE INDEX inspection_outline_plan ON inspection_outline(plan_id, position);

CREATE TABLE inspection_team (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES inspection_plans(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('truong_doan', 'pho_truong_doan', 'thanh_vien')),
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    unit_id INTEGER REFERENCES units(id),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspection_team_plan ON inspection_team(plan_id, position);

CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES inspection_plans(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    kind TEXT NOT NULL CHECK (kind IN ('dinh_ky', 'dot_xuat', 'tu_kiem_tra')),
    planned_from TEXT,
    planned_to TEXT,
    actual_on TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'done', 'cancelled')),
    summary TEXT NOT NULL DEFAULT '',
    conclusion_number TEXT NOT NULL DEFAULT '',
    conclusion_on TEXT,
    report_due TEXT,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspections_plan ON inspections(plan_id, position);
CREATE INDEX inspections_unit ON inspections(unit_id);

CREATE TABLE inspection_answers (
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    line_id INTEGER NOT NULL REFERENCES inspection_outline(id) ON DELETE CASCADE,
    answer TEXT NOT NULL DEFAULT '' CHECK (answer IN ('', 'dat', 'chua_dat', 'khong_ap_dung')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, line_id)
);

CREATE TABLE inspection_findings (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('finding', 'recommendation')),
    line_id INTEGER REFERENCES inspection_outline(id) ON DELETE SET NULL,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inspection_findings_inspection ON inspection_findings(inspection_id, position);

CREATE TABLE remediations (
    id INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    finding_id INTEGER REFERENCES inspection_findings(id) ON DELETE SET NULL,
    content TEXT NOT NULL CHECK (length(trim(content)) > 0),
    owner TEXT NOT NULL DEFAULT '',
    deadline TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'closed')),
    closed_on TEXT,
    result TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX remediations_inspection ON remediations(inspection_id, position);

CREATE TABLE self_inspection_reports (
    inspection_id INTEGER NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
    half INTEGER NOT NULL CHECK (half IN (1, 2)),
    received_on TEXT NOT NULL,
    document_number TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (inspection_id, half)
);
"""

_COUNT_COLUMNS = (
    "carried_over", "received_new", "online", "in_person", "by_post", "early", "on_time",
    "late", "pending_on_time", "pending_overdue", "apologies",
)

_ONE_STOP = f"""
CREATE TABLE one_stop_figures (
    unit_id INTEGER NOT NULL REFERENCES units(id),
    period_code TEXT NOT NULL,
    {", ".join(f"{c} INTEGER NOT NULL DEFAULT 0 CHECK ({c} >= 0)" for c in _COUNT_COLUMNS)},
    note TEXT NOT NULL DEFAULT '',
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (unit_id, period_code)
);
CREATE INDEX one_stop_period ON one_stop_figures(period_code);
"""

_TARGETS = """
CREATE TABLE targets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    area TEXT,
    comparator TEXT NOT NULL CHECK (comparator IN ('>=', '<=', '=')),
    value REAL NOT NULL,
    unit TEXT NOT NULL CHECK (unit IN ('%', 'so')),
    source TEXT NOT NULL DEFAULT 'typed',
    year INTEGER,
    note TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE target_actuals (
    target_id INTEGER NOT NULL REFERENCES targets(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    value REAL NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (target_id, period_code)
);
"""


@migrations(name="0005_inspections")
def _inspections(db: Database) -> None:
    from cchc_desktop.inspections.outline import default_outline, write_lines

    run_script(db, _INSPECTIONS)
    write_lines(db, default_outline(), None)


@migrations(name="0005_one_stop")
def _one_stop(db: Database) -> None:
    run_script(db, _ONE_STOP)


@migrations(name="0005_targets")
def _targets(db: Database) -> None:
    run_script(db, _TARGETS)


# When units are merged, inspections, team members and one-stop figures follow the kept unit.
units.on_unit_merge(move_unit_references)


@migrations(name="0012_outline_scope")
def _outline_scope(db: Database) -> None:
    """Đề cương lines say which units they are asked of; old đề cương gain tổ chức bộ máy."""
    from cchc_desktop.inspections.outline_upgrade import upgrade_all

    run_script(db, """
ALTER TABLE outline_lines ADD COLUMN scope TEXT NOT NULL DEFAULT ''
    CHECK (scope IN ('', 'co_quan', 'xa_phuong'));
ALTER TABLE inspection_outline ADD COLUMN scope TEXT NOT NULL DEFAULT ''
    CHECK (scope IN ('', 'co_quan', 'xa_phuong'));
""")
    upgrade_all(db)
