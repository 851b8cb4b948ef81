"""The plans feature's tables: agency, units, plans, sections, groups, tasks, progress, search.

Registered on the register's one migration set (cchc_desktop.register.migrations) in release
order by cchc_desktop/__init__.py. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database

from cchc_desktop.register.migrations import migrations, run_script

_INITIAL = """
CREATE TABLE agency (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL DEFAULT '',
    parent_name TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    abbreviation TEXT NOT NULL DEFAULT '',
    officer_name TEXT NOT NULL DEFAULT ''
);
INSERT INTO agency (id) VALUES (1);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'khac'
        CHECK (kind IN ('phong', 'xa_phuong', 'so', 'khac')),
    aliases TEXT NOT NULL DEFAULT '[]',
    folded TEXT NOT NULL,
    confirmed INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE UNIQUE INDEX units_folded ON units(folded);

CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    issued_on TEXT,
    issuer TEXT NOT NULL DEFAULT '',
    year INTEGER,
    term TEXT NOT NULL DEFAULT '',
    bases TEXT NOT NULL DEFAULT '[]',
    signer_name TEXT NOT NULL DEFAULT '',
    signer_title TEXT NOT NULL DEFAULT '',
    signer_authority TEXT NOT NULL DEFAULT ''
        CHECK (signer_authority IN ('', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.')),
    recipients TEXT NOT NULL DEFAULT '[]',
    source_file TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    opened_at TEXT NOT NULL DEFAULT (datetime('now'))
);

CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    area TEXT,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sections_plan ON sections(plan_id, position);

CREATE TABLE task_groups (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE CASCADE,
    number TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX task_groups_plan ON task_groups(plan_id, position);

CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES sections(id) ON DELETE SET NULL,
    group_id INTEGER REFERENCES task_groups(id) ON DELETE SET NULL,
    number TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL CHECK (length(trim(content)) > 0),
    result TEXT NOT NULL DEFAULT '',
    lead_text TEXT NOT NULL DEFAULT '',
    partner_text TEXT NOT NULL DEFAULT '',
    timeframe TEXT NOT NULL DEFAULT '',
    budget_million_vnd REAL CHECK (budget_million_vnd IS NULL OR budget_million_vnd >= 0),
    notes TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    due_override TEXT,
    source_row INTEGER,
    created_at TEXT NOT NULL DEFAULT (datetime('now')),
    updated_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX tasks_plan ON tasks(plan_id, position);
CREATE INDEX tasks_group ON tasks(group_id);
CREATE INDEX tasks_section ON tasks(section_id);

CREATE TABLE task_units (
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'partner')),
    original_text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (task_id, unit_id, role)
);
CREATE INDEX task_units_unit ON task_units(unit_id, role);

CREATE TABLE periods (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('Q1', 'H1', 'Q3', '9M', 'Y')),
    label TEXT NOT NULL,
    start TEXT NOT NULL,
    "end" TEXT NOT NULL,
    due TEXT NOT NULL,
    UNIQUE (year, kind)
);

CREATE TABLE progress (
    id INTEGER PRIMARY KEY,
    task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    period_id INTEGER NOT NULL REFERENCES periods(id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    percent INTEGER CHECK (percent IS NULL OR (percent BETWEEN 0 AND 100)),
    result_text TEXT NOT NULL DEFAULT '',
    evidence_number TEXT NOT NULL DEFAULT '',
    evidence_date TEXT,
    evidence_title TEXT NOT NULL DEFAULT '',
    evidence_file TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    reporting_unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
    recorded_by TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT (datetime('now')),
    UNIQUE (task_id, period_id)
);
CREATE INDEX progress_period ON progress(period_id);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')),
    officer TEXT NOT NULL DEFAULT '',
    os_user TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    before TEXT,
    after TEXT
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

_TASK_SEARCH = """
ALTER TABLE tasks ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
CREATE VIRTUAL TABLE tasks_fts USING fts5(
    search_text, content='tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER tasks_fts_ai AFTER INSERT ON tasks BEGIN
    INSERT INTO tasks_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER tasks_fts_ad AFTER DELETE ON tasks BEGIN
    INSERT INTO tasks_fts(tasks_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER tasks_fts_au AFTER UPDATE OF search_text ON tasks BEGIN
    INSERT INTO tasks_fts(tasks_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO tasks_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
"""


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    run_script(db, _INITIAL)


@migrations(name="0002_task_search")
def _task_search(db: Database) -> None:
    run_script(db, _TASK_SEARCH)


@migrations(name="0003_narratives")
def _narratives(db: Database) -> None:
    run_script(db, """
CREATE TABLE narratives (
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    period_code TEXT NOT NULL,
    area TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, period_code, area)
);
""")


@migrations(name="0006_document_signers")
def _document_signers(db: Database) -> None:
    """Add the default signer to the agency (every NĐ 30 form) and the head/collective to plans.

    The signer name and title the first run used to keep in settings move to the agency row.
    """
    run_script(db, """
ALTER TABLE agency ADD COLUMN signer_name TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN signer_title TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN signer_authority TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN head_title TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN collective TEXT NOT NULL DEFAULT '';
ALTER TABLE agency ADD COLUMN drafting_unit TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_head_title TEXT NOT NULL DEFAULT '';
ALTER TABLE plans ADD COLUMN signer_collective TEXT NOT NULL DEFAULT '';
UPDATE agency SET
    signer_name = coalesce((SELECT value FROM settings WHERE key = 'default_signer_name'), ''),
    signer_title = coalesce((SELECT value FROM settings WHERE key = 'default_signer_title'), '')
WHERE id = 1;
""")


@migrations(name="0015_search_prefixes")
def _search_prefixes(db: Database) -> None:
    """Index 2- and 3-letter word beginnings for search as you type.

    A keystroke's query ends in a prefix ("ph"*); without a prefix index FTS5 merges every word
    that starts so (a few ms even for the top of a plan); with it the first rows of a
    100,000-task plan are found in about a millisecond. The index is rebuilt from tasks.
    """
    run_script(db, """
DROP TABLE tasks_fts;
CREATE VIRTUAL TABLE tasks_fts USING fts5(
    search_text, content='tasks', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);
INSERT INTO tasks_fts(tasks_fts) VALUES ('rebuild');
""")
