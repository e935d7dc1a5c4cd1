"""The REST API, served by a real uvicorn on a free 127.0.0.1 port and called over HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
import uvicorn
from test_query import make_store

from conflictdb.api import _is_local, configured_token, create_app
from conflictdb.models import Incident

TOKEN = "s3cret-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """uvicorn in a thread, for the length of a test module."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="error"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[httpx.Client, list[Incident]]]:
    path = tmp_path_factory.mktemp("api") / "a.db"
    store, incidents = make_store(path, n=80)
    store.close()
    with Server(create_app(path, token=TOKEN)) as base, httpx.Client(base_url=base, timeout=30) as client:
        yield client, incidents


def test_api_lists_filtered_sorted_paged(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, incidents = served
    mali = [i for i in incidents if i.place and i.place.country == "Mali" and i.fatalities is not None]
    r = client.get("/api/incidents", params={"country": "Mali", "fatalities_min": 0, "sort": "-fatalities",
                                             "limit": 10, "offset": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(mali) and body["total_exact"]
    got = [row["fatalities"] for row in body["incidents"]]
    assert got == sorted((i.fatalities for i in mali), reverse=True)[5:15]
    assert all(row["country"] == "Mali" for row in body["incidents"])


def test_api_filters_by_actor_text_and_civilian_targeting(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, incidents = served
    r = client.get("/api/incidents", params={"actor": "Wagner Group", "civilian_targeting": "true", "limit": 500})
    expected = {i.id for i in incidents if i.civilian_targeting and "Wagner Group" in
                {a.name for a in (i.actor1, i.actor2) if a}}
    assert {row["id"] for row in r.json()["incidents"]} == expected
    r = client.get("/api/incidents", params={"q": "ambush", "limit": 500})
    assert r.json()["total"] == sum(1 for n in range(len(incidents)) if n % 6 == 4)


def test_api_one_incident_with_sources_and_evidence(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, incidents = served
    inc = next(i for i in incidents if i.fatalities)
    body = client.get(f"/api/incidents/{inc.id}").json()
    assert body["incident"]["id"] == inc.id
    assert body["incident"]["details"]["external_ids"] == list(inc.details["external_ids"])
    (doc,) = body["documents"]
    (mention,) = body["mentions"]
    span = mention["evidence"]["fatalities"][0]
    assert doc["text"][span["start"]:span["end"]] == str(inc.fatalities)
    assert doc["sources"][0]["external_id"] == inc.details["external_ids"][0]
    assert client.get("/api/incidents/inc_nope").status_code == 404


def test_api_documents_search_and_one_document(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, _ = served
    hits = client.get("/api/documents", params={"q": "market", "limit": 5}).json()["documents"]
    assert len(hits) == 5 and all("market" in h["head"] for h in hits) and all("[market]" in h["snippet"] for h in hits)
    doc = client.get(f"/api/documents/{hits[0]['id']}").json()
    assert doc["id"] == hits[0]["id"] and doc["mentions"][0]["document_id"] == doc["id"]
    assert len(client.get("/api/documents", params={"limit": 3}).json()["documents"]) == 3
    assert client.get("/api/documents/doc_nope").status_code == 404


def test_api_actors_and_aggregates(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, incidents = served
    actors = client.get("/api/actors", params={"q": "wagner"}).json()["actors"]
    assert [a["name"] for a in actors] == ["Wagner Group"]
    assert actors[0]["incidents"] == sum(1 for i in incidents if "Wagner Group" in
                                         {a.name for a in (i.actor1, i.actor2) if a})
    for by in ("month", "country", "actor", "event_type"):
        rows = client.get(f"/api/aggregates/{by}", params={"country": "Niger"}).json()["rows"]
        niger = [i for i in incidents if i.place and i.place.country == "Niger"]
        total = sum(r["incidents"] for r in rows)
        assert total == (2 * len(niger) if by == "actor" else len(niger))
    assert client.get("/api/aggregates/weather").status_code == 404


def test_api_bad_parameters_are_400_with_a_hint(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, _ = served
    r = client.get("/api/incidents", params={"date_from": "yesterday"})
    assert r.status_code == 400 and r.json()["hint"]
    r = client.get("/api/incidents", params={"sort": "nonsense"})
    assert r.status_code == 400 and "sort" in r.json()["detail"]
    assert client.get("/api/incidents", params={"limit": 0}).status_code == 422


def test_api_ingest_needs_the_token(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, _ = served
    doc = {"text": "Gunmen killed 3 villagers near Ayorou on Monday.", "title": "Ayorou", "id": "post-1",
           "published": "2024-05-02", "source": "Test Wire"}
    assert client.post("/api/documents", json=doc).status_code == 401
    assert client.post("/api/documents", json=doc, headers={"Authorization": "Bearer wrong"}).status_code == 401
    r = client.post("/api/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    (doc_id,) = r.json()["document_ids"]
    stored = client.get(f"/api/documents/{doc_id}").json()
    assert stored["text"] == doc["text"] and stored["external_id"] == "post-1" and stored["title"] == "Ayorou"
    again = client.post("/api/documents", json=doc, headers={"Authorization": f"Bearer {TOKEN}"}).json()
    assert again["new_documents"] == 0 and again["document_ids"] == []


def test_api_writes_are_off_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CONFLICTDB_TOKEN", raising=False)
    monkeypatch.setenv("CONFLICTDB_CONFIG", str(tmp_path / "none.yaml"))
    with Server(create_app(tmp_path / "w.db")) as base:
        r = httpx.post(f"{base}/api/documents", json={"text": "x"}, headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "CONFLICTDB_TOKEN" in r.json()["detail"]


def test_api_token_from_environment_or_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.yaml"
    config.write_text("token: from-file\n")
    monkeypatch.setenv("CONFLICTDB_CONFIG", str(config))
    monkeypatch.delenv("CONFLICTDB_TOKEN", raising=False)
    assert configured_token() == "from-file"
    monkeypatch.setenv("CONFLICTDB_TOKEN", "from-env")
    assert configured_token() == "from-env"


def test_api_reads_are_open_only_on_this_machine() -> None:
    assert _is_local(SimpleNamespace(client=SimpleNamespace(host="127.0.0.1")))  # type: ignore[arg-type]
    assert _is_local(SimpleNamespace(client=SimpleNamespace(host="::1")))  # type: ignore[arg-type]
    assert not _is_local(SimpleNamespace(client=SimpleNamespace(host="192.0.2.7")))  # type: ignore[arg-type]


def test_api_openapi_spec_lists_every_endpoint(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, _ = served
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.") and spec["info"]["title"] == "conflictdb"
    paths = spec["paths"]
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/documents", "/api/documents/{document_id}",
                 "/api/actors", "/api/aggregates/{by}", "/api/facets", "/api/health"):
        assert path in paths, path
    assert "post" in paths["/api/documents"]
    params = {p["name"] for p in paths["/api/incidents"]["get"]["parameters"]}
    assert {"country", "admin1", "actor", "event_type", "sub_event_type", "date_from", "date_to", "fatalities_min",
            "fatalities_max", "civilian_targeting", "status", "grade", "q", "sort", "limit", "offset"} <= params


def test_api_docs_pages_load_nothing_from_elsewhere(served: tuple[httpx.Client, list[Incident]]) -> None:
    client, _ = served
    for page in ("/docs", "/redoc", "/"):
        html = client.get(page).text
        assert "cdn" not in html.lower() and "googleapis" not in html, page
        for ref in ("swagger-ui-bundle.js", "swagger-ui.css") if page == "/docs" else (
                ("redoc.standalone.js",) if page == "/redoc" else ("app.js", "app.css")):
            assert ref in html
    for asset in ("/static/vendor/swagger-ui-bundle.js", "/static/vendor/swagger-ui.css",
                  "/static/vendor/redoc.standalone.js", "/static/app.js", "/static/app.css",
                  "/static/countries.json", "/static/favicon.svg"):
        r = client.get(asset)
        assert r.status_code == 200 and len(r.content) > 100, asset
