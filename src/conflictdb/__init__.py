"""conflictdb: conflict reporting turned into a sourced, verifiable, queryable database of incidents."""

from conflictdb.errors import ConflictDBError
from conflictdb.models import Actor, Document, Incident, Mention, Place, Reject, Response, Sentence, Source, Span
from conflictdb.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ConflictDBError",
    "Document",
    "Incident",
    "Mention",
    "Place",
    "Reject",
    "Response",
    "Sentence",
    "Source",
    "Span",
    "Store",
    "__version__",
    "open_store",
]
