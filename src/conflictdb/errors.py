"""Errors.

ConflictDBError
 ├── InputError          an input a stage cannot read (kept as a Reject, never dropped)
 │    ├── EmptyInput
 │    ├── BinaryInput
 │    ├── DecodeError
 │    ├── MalformedInput  broken HTML, feed, JSONL line or CSV row
 │    └── TooLarge
 ├── StoreError          the database cannot be opened or written
 ├── GazetteerError      gazetteer data missing or unreadable
 └── ConfigError         a bad option or configuration value
"""

from __future__ import annotations


class ConflictDBError(Exception):
    """Base of every conflictdb error. `hint` says what to try next."""

    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint


class InputError(ConflictDBError):
    """An input that a stage cannot read. `uri` and `stage` say which and where."""

    def __init__(self, message: str, *, uri: str = "", stage: str = "ingest", hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.uri = uri
        self.stage = stage


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class DecodeError(InputError):
    pass


class MalformedInput(InputError):
    pass


class TooLarge(InputError):
    pass


class StoreError(ConflictDBError):
    pass


class GazetteerError(ConflictDBError):
    pass


class ConfigError(ConflictDBError):
    pass
