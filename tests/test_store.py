"""The SQLite store: migrations, the document and extraction round trip, search, rejects."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conflictdb.errors import StoreError
from conflictdb.models import Actor, Document, Mention, Place, Reject, Sentence, Source, Span
from conflictdb.store import SQLiteStore
from conflictdb.store.migrations import MIGRATIONS

TEXT = "Soldiers killed 3 rebels near Gao on 2 May 2024. Officials denied it."


def _doc(text: str = TEXT) -> Document:
    return Document(id=Document.make_id(text), text=text, sha256="ab" * 32, title="Gao", published="2024-05-03")


def _source(uri: str = "a.txt") -> Source:
    return Source(uri=uri, retrieved="2024-05-03T00:00:00+00:00", sha256="ab" * 32, media_type="text/plain")


def test_store_migrates_new_file_to_latest(tmp_path: Path) -> None:
    s = SQLiteStore(tmp_path / "x.db")
    assert s.schema_version == len(MIGRATIONS)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.close()
    assert SQLiteStore(tmp_path / "x.db").schema_version == len(MIGRATIONS)  # reopening applies nothing twice


def test_store_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_store_document_round_trip(store: SQLiteStore) -> None:
    added = store.add_document(_doc(), source=_source(), original=b"raw bytes")
    assert added.new_document and added.new_source
    again = store.add_document(_doc(), source=_source(), original=b"raw bytes")
    assert not again.new_document and not again.new_source
    other = store.add_document(_doc(), source=_source("b.txt"), original=b"raw bytes")
    assert not other.new_document and other.new_source
    loaded = store.document(_doc().id)
    assert loaded is not None
    assert (loaded.text, loaded.title, loaded.published) == (TEXT, "Gao", "2024-05-03")
    assert [s.uri for s in loaded.sources] == ["a.txt", "b.txt"]
    assert store.original("ab" * 32) == b"raw bytes"


def test_store_extraction_round_trip(store: SQLiteStore) -> None:
    doc = _doc()
    store.add_document(doc, source=_source(), original=b"x")
    assert [d.id for d in store.documents(unextracted=True)] == [doc.id]
    mention = Mention(
        document_id=doc.id, index=0, event_type="Battles", sub_event_type="Armed clash",
        actor1=Actor("Military Forces of Mali (2021-)", 1, words="Soldiers"),
        place=Place("Gao", country="Mali", latitude=16.27, longitude=-0.04, geo_precision=2),
        fatalities=3, evidence={"fatalities": (Span(16, 17),), "event_type": (Span(9, 15),)},
    )
    sentences = (Sentence(Span(0, 48), "fact"), Sentence(Span(49, 70), "claim"))
    store.save_extraction(doc.id, sentences, [mention])
    assert list(store.documents(unextracted=True)) == []
    loaded = store.document(doc.id)
    assert loaded is not None and loaded.mentions == (mention,) and loaded.sentences == sentences
    assert list(store.mentions(ids=[mention.id])) == [mention]
    store.save_extraction(doc.id, sentences, [])  # re-extraction replaces, never duplicates
    assert store.counts()["mentions"] == 0


def test_store_full_text_search(store: SQLiteStore) -> None:
    store.add_document(_doc(), source=_source(), original=b"x")
    store.add_document(_doc("Protesters marched in Dakar."), source=_source("c"), original=b"y")
    hits = store.search("rebels")
    assert [h[0] for h in hits] == [_doc().id]
    assert "[rebels]" in hits[0][1]
    with pytest.raises(StoreError):
        store.search('"unbalanced')


def test_store_rejects_keep_bytes(store: SQLiteStore) -> None:
    reject = Reject("rej_1", "bad.txt", "ingest", "EmptyInput: no text", sha256="cd" * 32, options={"kind": None})
    store.add_reject(reject, original=b"   ")
    store.add_reject(reject, original=b"   ")
    (kept,) = store.rejects()
    assert kept.attempts == 2 and kept.options == {"kind": None}
    assert store.original("cd" * 32) == b"   "
    store.remove_reject("rej_1")
    assert store.rejects() == []


def test_store_transaction_rolls_back(store: SQLiteStore) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.add_document(_doc(), source=_source(), original=b"x")
        store.db.execute("INSERT INTO sources (document_id, uri, retrieved, sha256, media_type)"
                         " SELECT document_id, uri, retrieved, sha256, media_type FROM sources")
    assert store.counts()["documents"] == 0


def test_store_document_ids_in_order_and_unextracted(store: SQLiteStore) -> None:
    first, second = _doc(), _doc("Protesters marched in Dakar.")
    store.add_document(first, source=_source(), original=b"x")
    store.add_document(second, source=_source("c"), original=b"y")
    assert store.document_ids() == [first.id, second.id]
    store.save_extraction(first.id, [], [])
    assert store.document_ids(unextracted=True) == [second.id]
