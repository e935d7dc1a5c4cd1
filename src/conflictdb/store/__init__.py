"""Storage: the `Store` interface and its embedded SQLite default."""

from __future__ import annotations

from pathlib import Path

from conflictdb.store.base import Added, Store
from conflictdb.store.sqlite import SQLiteStore

DEFAULT_DB = "conflictdb.db"


def open_store(url: str | Path = DEFAULT_DB) -> Store:
    """Open a store: a SQLite file path, or a postgresql:// URL once that backend exists."""
    return SQLiteStore(url)


__all__ = ["Added", "DEFAULT_DB", "SQLiteStore", "Store", "open_store"]
