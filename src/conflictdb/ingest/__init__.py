"""Ingest: inputs become Documents with provenance, or Rejects that keep their bytes.

    read.py   files, folders, URLs, stdin; text, HTML, feeds, JSONL/CSV  ->  Items
    save.py   Items into the store; rejects read again (`retry`)
"""

from conflictdb.ingest.read import MAX_BYTES, Fields, Item, Options, read, read_bytes
from conflictdb.ingest.save import IngestReport, retry, store_items

__all__ = ["MAX_BYTES", "Fields", "IngestReport", "Item", "Options", "read", "read_bytes", "retry", "store_items"]
