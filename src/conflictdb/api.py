"""The REST API and the dashboard: a thin FastAPI layer over `conflictdb.query` and the store.

    app = create_app("incidents.db")            # uvicorn serves it: `conflictdb serve`

Reads are open to clients on this machine (loopback); writes (POST /api/documents) and reads from
elsewhere need the token from configuration: `create_app(token=...)`, else the environment's
CONFLICTDB_TOKEN, else `token:` in the config file (CONFLICTDB_CONFIG, or
~/.config/conflictdb/config.yaml). The interactive docs (/docs, /redoc) and the dashboard (/) load
only files served from here: nothing comes from a CDN.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import yaml
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from conflictdb import __version__
from conflictdb.errors import ConfigError, ConflictDBError
from conflictdb.models import EVENT_TYPES, INTER_CODES, STATUSES, to_dict
from conflictdb.query import AGGREGATES, COLUMNS, SORTS, Filters, actors, aggregate, list_incidents, tune
from conflictdb.store import SQLiteStore

STATIC = Path(__file__).parent / "web" / "static"
GRADES = ("confirmed", "corroborated", "contested", "single source", "discounted")
CONFIG_PATH = Path.home() / ".config" / "conflictdb" / "config.yaml"


def configured_token() -> str | None:
    """The API token: CONFLICTDB_TOKEN, else `token:` in the config file; None when neither is set."""
    if os.environ.get("CONFLICTDB_TOKEN"):
        return os.environ["CONFLICTDB_TOKEN"]
    path = Path(os.environ.get("CONFLICTDB_CONFIG") or CONFIG_PATH)
    if not path.is_file():
        return None
    try:
        config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read config file {path}: {exc}", hint="it must be YAML, e.g. `token: ...`") from exc
    token = config.get("token") if isinstance(config, dict) else None
    return str(token) if token else None


class DocumentIn(BaseModel):
    """A report to ingest: its text and what is known of where it came from."""

    text: str = Field(min_length=1, description="The report's text (plain text or HTML).")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date or datetime of publication.")
    source: str | None = Field(None, description="The outlet.")
    id: str | None = Field(None, description="The report's own id in your system (kept as its external id).")


class Stores:
    """One connection per serving thread: SQLite connections are not shared across threads."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.local = threading.local()
        SQLiteStore(path).close()  # migrate (and fail) once, at start-up

    def get(self) -> SQLiteStore:
        store: SQLiteStore | None = getattr(self.local, "store", None)
        if store is None:
            store = SQLiteStore(self.path)
            tune(store.db)
            self.local.store = store
        return store


def _is_local(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in ("localhost", "testclient")


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    return header[7:] if header.lower().startswith("bearer ") else ""


def filters_from(
    country: str | None = None,
    admin1: str | None = None,
    actor: Annotated[str | None, Query(description="Either side of the incident.")] = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    date_from: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY, inclusive.")] = None,
    date_to: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY, inclusive.")] = None,
    fatalities_min: Annotated[int | None, Query(ge=0)] = None,
    fatalities_max: Annotated[int | None, Query(ge=0)] = None,
    civilian_targeting: bool | None = None,
    status: str | None = None,
    grade: str | None = None,
    q: Annotated[str | None, Query(description="Words in the reports behind the incident.")] = None,
) -> Filters:
    return Filters(
        country=country or None, admin1=admin1 or None, actor=actor or None, event_type=event_type or None,
        sub_event_type=sub_event_type or None, date_from=date_from or None, date_to=date_to or None,
        fatalities_min=fatalities_min, fatalities_max=fatalities_max, civilian_targeting=civilian_targeting,
        status=status or None, grade=grade or None, text=q or None,
    )


def create_app(db_path: str | Path, *, token: str | None = None) -> FastAPI:
    """The API and dashboard over the store at `db_path`."""
    stores = Stores(str(db_path))
    secret = token if token is not None else configured_token()
    app = FastAPI(
        title="conflictdb",
        version=__version__,
        description="Incidents of political violence and protest, each with its sources and evidence.",
        docs_url=None,
        redoc_url=None,
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def check_read(request: Request) -> None:
        if _is_local(request):
            return
        if secret is None or not hmac.compare_digest(_bearer(request), secret):
            raise HTTPException(401, "reads from other machines need the API token (Authorization: Bearer ...)")

    def check_write(request: Request) -> None:
        if secret is None:
            raise HTTPException(403, "writes are off: set CONFLICTDB_TOKEN (or token: in the config file)")
        if not hmac.compare_digest(_bearer(request), secret):
            raise HTTPException(401, "writes need the API token (Authorization: Bearer ...)")

    read = [Depends(check_read)]

    @app.exception_handler(ConflictDBError)
    async def _error(request: Request, exc: ConflictDBError) -> JSONResponse:
        return JSONResponse({"detail": str(exc), "hint": exc.hint}, status_code=400)

    @contextmanager
    def db() -> Iterator[SQLiteStore]:
        yield stores.get()

    # pages -------------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="conflictdb API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js", swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(
            openapi_url="/openapi.json", title="conflictdb API", redoc_js_url="/static/vendor/redoc.standalone.js",
            redoc_favicon_url="/static/favicon.svg", with_google_fonts=False,
        )

    # reads -------------------------------------------------------------------------------------

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, Any]:
        """Liveness, and how much the store holds."""
        with db() as store:
            return {"ok": True, "version": __version__, "counts": dict(store.counts())}

    @app.get("/api/facets", tags=["meta"], dependencies=read)
    def facets() -> dict[str, Any]:
        """The codebook the filters choose from: event types and sub-types, statuses, grades, sorts."""
        return {
            "event_types": {k: list(v) for k, v in EVENT_TYPES.items()},
            "statuses": list(STATUSES),
            "grades": list(GRADES),
            "inter_codes": {str(k): v for k, v in INTER_CODES.items()},
            "sorts": list(SORTS),
            "aggregates": list(AGGREGATES),
            "columns": list(COLUMNS),
        }

    @app.get("/api/incidents", tags=["incidents"], dependencies=read)
    def incidents(
        filters: Annotated[Filters, Depends(filters_from)],
        sort: Annotated[str, Query(description="A column, '-' first for descending: " + ", ".join(SORTS))] = (
            "-event_date"),
        limit: Annotated[int, Query(ge=1, le=5000)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """Incidents matching the filters, one page at a time. `total` is exact when `total_exact`."""
        with db() as store:
            page = list_incidents(store.db, filters, sort=sort, limit=limit, offset=offset)
        # Plain rows of JSON types: serialized directly, not walked value by value by FastAPI's encoder.
        return _json({
            "total": page.total, "total_exact": page.total_exact, "limit": page.limit, "offset": page.offset,
            "sort": page.sort, "filters": filters.to_dict(), "incidents": page.rows,
        })

    @app.get("/api/incidents/{incident_id}", tags=["incidents"], dependencies=read)
    def incident(incident_id: str) -> dict[str, Any]:
        """One incident: the merged record, its mentions with their evidence, and its documents' text."""
        with db() as store:
            found = store.incident(incident_id)
            if found is None:
                raise HTTPException(404, f"no incident {incident_id}")
            mentions = list(store.mentions(ids=found.mention_ids)) if found.mention_ids else []
            doc_ids = list(dict.fromkeys(m.document_id for m in mentions))
            documents = {d.id: d for d in store.documents(ids=doc_ids)} if doc_ids else {}
        return {
            "incident": to_dict(found),
            "mentions": [{"id": m.id, **to_dict(m)} for m in mentions],
            "documents": [_document_json(documents[d]) for d in doc_ids if d in documents],
        }

    @app.get("/api/documents", tags=["documents"], dependencies=read)
    def documents(
        q: Annotated[str | None, Query(description="Full-text search (FTS5).")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 20,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        """Documents, newest ingest first; with `q`, those matching it, best first, with a snippet."""
        with db() as store:
            if q:
                hits = store.search(q, limit=offset + limit)[offset:]
                snippets = dict(hits)
                ids = [h[0] for h in hits]
            else:
                ids = [r[0] for r in store.db.execute(
                    "SELECT id FROM documents ORDER BY rowid DESC LIMIT ? OFFSET ?", (limit, offset))]
                snippets = {}
            rows = {r["id"]: r for r in _document_rows(store, ids)}
        return {"documents": [{**rows[i], "snippet": snippets.get(i)} for i in ids if i in rows]}

    @app.get("/api/documents/{document_id}", tags=["documents"], dependencies=read)
    def document(document_id: str) -> dict[str, Any]:
        """One document: its text, provenance, sentences and mentions."""
        with db() as store:
            found = store.document(document_id)
        if found is None:
            raise HTTPException(404, f"no document {document_id}")
        return {
            **_document_json(found),
            "sentences": to_dict(found.sentences),
            "mentions": [{"id": m.id, **to_dict(m)} for m in found.mentions],
        }

    @app.get("/api/actors", tags=["actors"], dependencies=read)
    def actor_list(
        q: Annotated[str | None, Query(description="Part of the name.")] = None,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> dict[str, Any]:
        """Actors with their incident counts, most active first."""
        with db() as store:
            return {"actors": actors(store.db, q=q, limit=limit)}

    @app.get("/api/aggregates/{by}", tags=["aggregates"], dependencies=read)
    def aggregates(by: str, filters: Annotated[Filters, Depends(filters_from)]) -> Response:
        """Incidents and fatalities by month, year, country, admin1, actor, event type, sub-type, status or grade."""
        if by not in AGGREGATES:
            raise HTTPException(404, f"cannot count by {by!r}: use one of {', '.join(AGGREGATES)}")
        with db() as store:
            rows = aggregate(store.db, by, filters)
        return _json({"by": by, "filters": filters.to_dict(), "rows": rows})

    # writes ------------------------------------------------------------------------------------

    @app.post("/api/documents", tags=["documents"], status_code=201, dependencies=[Depends(check_write)])
    def ingest_document(body: DocumentIn) -> dict[str, Any]:
        """Ingest one report (needs the token). `conflictdb run` or the next pipeline run extracts and links it."""
        from conflictdb.ingest import read_bytes, store_items

        record = json.dumps(body.model_dump(), ensure_ascii=False).encode("utf-8") + b"\n"
        with db() as store:
            report = store_items(store, read_bytes(record, uri="api:POST /api/documents", kind="jsonl"))
        if report.rejected:
            raise HTTPException(422, "the document was rejected: see `conflictdb rejects`")
        return {
            "new_documents": report.new_documents, "new_sources": report.new_sources,
            "unchanged": report.unchanged, "document_ids": report.document_ids,
        }

    return app


def _json(content: dict[str, Any]) -> Response:
    body = json.dumps(content, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Response(body.encode("utf-8"), media_type="application/json")


def _document_json(doc: Any) -> dict[str, Any]:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "outlet": doc.outlet, "author": doc.author,
        "published": doc.published, "language": doc.language, "external_id": doc.external_id,
        "media_type": doc.media_type, "text": doc.text, "sources": to_dict(doc.sources),
    }


def _document_rows(store: SQLiteStore, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    sql = (
        "SELECT id, title, url, outlet, published, external_id, substr(text, 1, 300) AS head FROM documents"
        f" WHERE id IN ({','.join('?' * len(ids))})"
    )
    return [dict(r) for r in store.db.execute(sql, ids)]
