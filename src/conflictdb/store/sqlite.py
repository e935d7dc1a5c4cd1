"""The embedded default store: one SQLite file, WAL, migrations, full-text search."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from conflictdb.errors import StoreError
from conflictdb.models import Document, Incident, Mention, Reject, Sentence, Source, from_dict, to_dict
from conflictdb.store.base import Added
from conflictdb.store.migrations import MIGRATIONS


def _json(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


class SQLiteStore:
    """A `Store` in one SQLite file."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}", hint="is it a conflictdb database?") from exc

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT)")
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        for version, sql in enumerate(MIGRATIONS, start=1):
            if version in done:
                continue
            with self.transaction():
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, _now()))

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0])

    def transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # documents ---------------------------------------------------------------------------------

    def add_document(self, document: Document, *, source: Source, original: bytes) -> Added:
        with self.transaction():
            self.db.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
                (source.sha256, len(original), original),
            )
            cur = self.db.execute(
                "INSERT OR IGNORE INTO documents (id, text, sha256, media_type, title, url, outlet, author,"
                " published, language, external_id, ingested) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    document.id,
                    document.text,
                    document.sha256,
                    document.media_type,
                    document.title,
                    document.url,
                    document.outlet,
                    document.author,
                    document.published,
                    document.language,
                    document.external_id,
                    _now(),
                ),
            )
            new_document = cur.rowcount == 1
            cur = self.db.execute(
                "INSERT OR IGNORE INTO sources (document_id, uri, retrieved, sha256, media_type, external_id, outlet)"
                " VALUES (?,?,?,?,?,?,?)",
                (document.id, source.uri, source.retrieved, source.sha256, source.media_type, source.external_id,
                 source.outlet),
            )
            return Added(document.id, new_document, cur.rowcount == 1)

    def document(self, document_id: str) -> Document | None:
        return next(self.documents(ids=[document_id]), None)

    def document_ids(self, *, unextracted: bool = False) -> list[str]:
        """Every document's id in storage order; only those not yet analysed with `unextracted`."""
        sql = "SELECT d.id FROM documents d"
        if unextracted:
            sql += " LEFT JOIN analyses a ON a.document_id = d.id WHERE a.document_id IS NULL"
        return [row[0] for row in self.db.execute(sql + " ORDER BY d.rowid")]

    def documents(self, *, unextracted: bool = False, ids: Iterable[str] | None = None) -> Iterator[Document]:
        sql = "SELECT d.*, a.sentences FROM documents d LEFT JOIN analyses a ON a.document_id = d.id"
        args: list[Any] = []
        if unextracted:
            sql += " WHERE a.document_id IS NULL"
        if ids is not None:
            id_list = list(ids)
            if not id_list:
                return
            sql += (" AND" if unextracted else " WHERE") + f" d.id IN ({','.join('?' * len(id_list))})"
            args += id_list
        sql += " ORDER BY d.rowid"
        for row in self.db.execute(sql, args).fetchall():
            yield self._document(row)

    def _document(self, rec: sqlite3.Row) -> Document:
        sources = tuple(
            Source(uri=r[0], retrieved=r[1], sha256=r[2], media_type=r[3], external_id=r[4], outlet=r[5])
            for r in self.db.execute(
                "SELECT uri, retrieved, sha256, media_type, external_id, outlet FROM sources"
                " WHERE document_id = ? ORDER BY rowid",
                (rec["id"],),
            )
        )
        sentences = tuple(from_dict(Sentence, s) for s in json.loads(rec["sentences"])) if rec["sentences"] else ()
        mentions = tuple(self.mentions(document_id=rec["id"])) if rec["sentences"] is not None else ()
        return Document(
            id=rec["id"],
            text=rec["text"],
            sha256=rec["sha256"],
            media_type=rec["media_type"],
            title=rec["title"],
            url=rec["url"],
            outlet=rec["outlet"],
            author=rec["author"],
            published=rec["published"],
            language=rec["language"],
            external_id=rec["external_id"],
            sources=sources,
            sentences=sentences,
            mentions=mentions,
        )

    def original(self, sha256: str) -> bytes | None:
        row = self.db.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
        return bytes(row[0]) if row else None

    def search(self, query: str, *, limit: int = 20) -> list[tuple[str, str]]:
        """Documents matching an FTS5 query, best first, as (id, snippet)."""
        try:
            rows = self.db.execute(
                "SELECT d.id, snippet(documents_fts, 1, '[', ']', '…', 12) FROM documents_fts"
                " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
                " ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"bad search query {query!r}: {exc}", hint='quote phrases: "women and children"') from exc
        return [(r[0], r[1]) for r in rows]

    # rejects -----------------------------------------------------------------------------------

    def add_reject(self, reject: Reject, *, original: bytes | None = None) -> None:
        with self.transaction():
            if original is not None and reject.sha256:
                self.db.execute(
                    "INSERT OR IGNORE INTO blobs (sha256, size, data) VALUES (?, ?, ?)",
                    (reject.sha256, len(original), original),
                )
            self.db.execute(
                "INSERT INTO rejects (id, uri, stage, reason, sha256, created, attempts, options)"
                " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET attempts = attempts + 1,"
                " reason = excluded.reason",
                (reject.id, reject.uri, reject.stage, reject.reason, reject.sha256, reject.created or _now(),
                 reject.attempts, json.dumps(dict(reject.options))),
            )

    def rejects(self) -> list[Reject]:
        rows = self.db.execute(
            "SELECT id, uri, stage, reason, sha256, created, attempts, options FROM rejects ORDER BY created, id"
        ).fetchall()
        return [Reject(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7] or "{}")) for r in rows]

    def remove_reject(self, reject_id: str) -> None:
        self.db.execute("DELETE FROM rejects WHERE id = ?", (reject_id,))

    # extraction --------------------------------------------------------------------------------

    def save_extraction(self, document_id: str, sentences: Iterable[Sentence], mentions: Iterable[Mention]) -> None:
        with self.transaction():
            self.db.execute("DELETE FROM mentions WHERE document_id = ?", (document_id,))
            self.db.execute(
                "INSERT OR REPLACE INTO analyses (document_id, sentences, extracted) VALUES (?,?,?)",
                (document_id, _json(list(sentences)), _now()),
            )
            self.db.executemany(
                "INSERT INTO mentions (id, document_id, idx, event_type, sub_event_type, event_date, country,"
                " fatalities, background, data) VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (m.id, document_id, m.index, m.event_type, m.sub_event_type, m.event_date, m.country,
                     m.fatalities, int(m.background), _json(m))
                    for m in mentions
                ],
            )

    def mentions(self, *, ids: Iterable[str] | None = None, document_id: str | None = None) -> Iterator[Mention]:
        sql, args = "SELECT data FROM mentions", []
        if ids is not None:
            id_list = list(ids)
            if not id_list:
                return
            sql += f" WHERE id IN ({','.join('?' * len(id_list))})"
            args = id_list
        elif document_id is not None:
            sql += " WHERE document_id = ?"
            args = [document_id]
        sql += " ORDER BY document_id, idx"
        for (data,) in self.db.execute(sql, args):
            yield from_dict(Mention, json.loads(data))

    # incidents ---------------------------------------------------------------------------------

    def save_incidents(self, incidents: Iterable[Incident]) -> None:
        with self.transaction():
            for inc in incidents:
                place = inc.place
                self.db.execute(
                    "INSERT OR REPLACE INTO incidents (id, event_type, sub_event_type, event_date, country, admin1,"
                    " location, latitude, longitude, actor1, actor2, civilian_targeting, fatalities, status, grade,"
                    " sources, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        inc.id, inc.event_type, inc.sub_event_type, inc.event_date,
                        place.country if place else None, place.admin1 if place else None,
                        place.name if place else None, place.latitude if place else None,
                        place.longitude if place else None, inc.actor1.name if inc.actor1 else None,
                        inc.actor2.name if inc.actor2 else None, int(inc.civilian_targeting), inc.fatalities,
                        inc.status, inc.grade, inc.sources, _json(inc),
                    ),
                )
                self.db.execute("DELETE FROM incident_mentions WHERE incident_id = ?", (inc.id,))
                self.db.executemany(
                    "INSERT OR REPLACE INTO incident_mentions (incident_id, mention_id) VALUES (?, ?)",
                    [(inc.id, m) for m in inc.mention_ids],
                )

    def delete_incidents(self, ids: Iterable[str]) -> None:
        with self.transaction():
            for incident_id in ids:
                self.db.execute("DELETE FROM incident_mentions WHERE incident_id = ?", (incident_id,))
                self.db.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))

    def unlinked_mentions(self) -> Iterator[Mention]:
        """Mentions that no incident holds yet, in document order."""
        sql = (
            "SELECT data FROM mentions WHERE id NOT IN (SELECT mention_id FROM incident_mentions)"
            " ORDER BY document_id, idx"
        )
        for (data,) in self.db.execute(sql).fetchall():
            yield from_dict(Mention, json.loads(data))

    def incidents_of(self, mention_ids: Iterable[str]) -> dict[str, str]:
        """The incident holding each of these mentions, where one does."""
        ids, out = list(mention_ids), {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            sql = f"SELECT mention_id, incident_id FROM incident_mentions WHERE mention_id IN ({marks})"
            out.update({m: inc for m, inc in self.db.execute(sql, chunk)})
        return out

    def incidents_near(self, *, countries: Iterable[str], start: str, end: str) -> Iterator[Incident]:
        """Incidents in these countries dated from `start` to `end` (ISO dates) or undated: what linking may join."""
        for country in sorted(set(countries)):
            rows = self.db.execute(
                "SELECT data FROM incidents WHERE country = ? AND (event_date BETWEEN ? AND ? OR event_date IS NULL)"
                " ORDER BY event_date, id",
                (country, start, end),
            ).fetchall()
            for (data,) in rows:
                yield from_dict(Incident, json.loads(data))

    def incident(self, incident_id: str) -> Incident | None:
        row = self.db.execute("SELECT data FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        return from_dict(Incident, json.loads(row[0])) if row else None

    def incidents(self, **filters: Any) -> Iterator[Incident]:
        where, args = [], []
        for column in ("country", "admin1", "event_type", "sub_event_type", "status", "grade"):
            if filters.get(column):
                where.append(f"{column} = ?")
                args.append(filters[column])
        sql = "SELECT data FROM incidents" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY event_date, id"
        for (data,) in self.db.execute(sql, args):
            yield from_dict(Incident, json.loads(data))

    def counts(self) -> Mapping[str, int]:
        tables = ("documents", "sources", "rejects", "mentions", "incidents")
        return {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on error; nested uses join the outer one."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.outer = False

    def __enter__(self) -> None:
        if not self.db.in_transaction:
            self.db.execute("BEGIN IMMEDIATE")
            self.outer = True

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if not self.outer:
            return
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _statements(sql: str) -> list[str]:
    """Split a script into statements; trigger bodies hold semicolons, so ask SQLite where each ends."""
    out, buf = [], ""
    for line in sql.strip().splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
