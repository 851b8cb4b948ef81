"""Exceptions the core raises; every message is Vietnamese and shown to the officer as is."""

from __future__ import annotations


class CchcError(Exception):
    """Base of every error the officer may see; str(error) is the Vietnamese message."""


class RegisterError(CchcError):
    """The register file cannot be opened or written (not SQLite, read-only, newer schema…)."""


class AppendixError(CchcError):
    """An appendix workbook cannot be read; the message names file, sheet, row and column."""


class ValidationError(CchcError):
    """A value the officer typed is not acceptable (empty content, negative budget…)."""


class NotFoundError(CchcError):
    """A plan, task or unit asked for does not exist (any more)."""
