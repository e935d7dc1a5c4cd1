"""The storage interface that every stage writes through.

It is narrow on purpose: the SQLite store is the default, and a PostgreSQL store implements the
same methods without any stage changing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from conflictdb.models import Document, Incident, Mention, Reject, Sentence, Source


@dataclass(frozen=True, slots=True)
class Added:
    """What `Store.add_document` did: a new document, a new source of a known one, or nothing."""

    document_id: str
    new_document: bool
    new_source: bool


class Store(Protocol):
    def transaction(self) -> AbstractContextManager[None]: ...

    def add_document(self, document: Document, *, source: Source, original: bytes) -> Added: ...

    def document(self, document_id: str) -> Document | None: ...

    def documents(self, *, unextracted: bool = False, ids: Iterable[str] | None = None) -> Iterator[Document]: ...

    def original(self, sha256: str) -> bytes | None: ...

    def search(self, query: str, *, limit: int = 20) -> list[tuple[str, str]]: ...

    def add_reject(self, reject: Reject, *, original: bytes | None = None) -> None: ...

    def rejects(self) -> list[Reject]: ...

    def remove_reject(self, reject_id: str) -> None: ...

    def save_extraction(self, document_id: str, sentences: Iterable[Sentence], mentions: Iterable[Mention]) -> None: ...

    def mentions(self, *, ids: Iterable[str] | None = None) -> Iterator[Mention]: ...

    def save_incidents(self, incidents: Iterable[Incident]) -> None: ...

    def unlinked_mentions(self) -> Iterator[Mention]: ...

    def incidents_of(self, mention_ids: Iterable[str]) -> dict[str, str]: ...

    def incident(self, incident_id: str) -> Incident | None: ...

    def incidents(self, **filters: Any) -> Iterator[Incident]: ...

    def counts(self) -> Mapping[str, int]: ...

    def close(self) -> None: ...
