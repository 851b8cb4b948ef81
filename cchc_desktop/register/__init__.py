"""The register itself: open the SQLite file, the one migration set, backups and restore, the
one-writer lock, the audit trail and its reading, register files (new, save a copy).

May import: errors, text. Imports no feature package: features register their own tables on
`register.migrations.migrations` (see cchc_desktop/__init__.py).
"""
