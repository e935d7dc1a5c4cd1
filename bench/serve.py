"""Serving at scale: a store of 1,000,000 incidents, queried through the real API, the dashboard and exports.

    PYTHONPATH=src python bench/serve.py [--n 1000000] [--db /tmp/serve-bench.db] [--keep]

Generates the store (synthetic incidents, written as the store writes them), starts
`conflictdb serve` (uvicorn) on a free 127.0.0.1 port, and prints:
  - filtered list queries: p50 / p95 over a fixed mix of filters and sorts (target p95 <= 50 ms);
  - aggregates by month, country, actor, event type, unfiltered and filtered (target <= 200 ms);
  - the dashboard's first load: the page, its assets and the API calls it makes (target <= 1 s);
  - exports of every incident to each format (target <= 60 s each).
All traffic stays on 127.0.0.1; every loop is bounded.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from conflictdb.models import EVENT_TYPES, content_id  # noqa: E402
from conflictdb.store import SQLiteStore  # noqa: E402
from conflictdb.store.migrations import MIGRATIONS  # noqa: E402

# (country, ISO alpha-2, latitude, longitude) of places that ACLED codes often.
COUNTRIES = (
    ("Mali", "ML", 17.6, -4.0), ("Burkina Faso", "BF", 12.2, -1.6), ("Niger", "NE", 17.6, 8.1),
    ("Nigeria", "NG", 9.1, 8.7), ("Sudan", "SD", 12.9, 30.2), ("South Sudan", "SS", 6.9, 31.3),
    ("Ethiopia", "ET", 9.1, 40.5), ("Somalia", "SO", 5.2, 46.2), ("Kenya", "KE", 0.0, 37.9),
    ("Democratic Republic of Congo", "CD", -4.0, 21.8), ("Cameroon", "CM", 7.4, 12.4),
    ("Mozambique", "MZ", -18.7, 35.5), ("Libya", "LY", 26.3, 17.2), ("Syria", "SY", 34.8, 39.0),
    ("Iraq", "IQ", 33.2, 43.7), ("Yemen", "YE", 15.6, 48.5), ("Afghanistan", "AF", 33.9, 67.7),
    ("Pakistan", "PK", 30.4, 69.3), ("Myanmar", "MM", 21.9, 95.9), ("Philippines", "PH", 12.9, 121.8),
    ("Ukraine", "UA", 48.4, 31.2), ("Colombia", "CO", 4.6, -74.3), ("Mexico", "MX", 23.6, -102.6),
    ("Haiti", "HT", 18.9, -72.3), ("India", "IN", 20.6, 79.0),
)
ACTORS = (
    ("Wagner Group", 8), ("Military Forces of {c}", 1), ("Police Forces of {c}", 1), ("Civilians ({c})", 7),
    ("Protesters ({c})", 6), ("Rioters ({c})", 5), ("JNIM: Group for Support of Islam and Muslims", 2),
    ("Islamic State (West Africa)", 2), ("Al Shabaab", 2), ("Unidentified Armed Group ({c})", 3),
    ("Communal Militia ({c})", 4),
)
STATUSES = ("alleged", "reported", "confirmed", "denied")
GRADES = ("single source", "corroborated", "contested", "confirmed", "discounted")
WORDS = ("attack", "village", "convoy", "market", "checkpoint", "ambush", "shelling", "protest", "raid", "clash")
# Report words: a Zipf-like vocabulary, ours ranked 50th to 59th, so each is in a few percent of reports.
PSEUDO = tuple(f"w{i}" for i in range(3000))
VOCABULARY = PSEUDO[:50] + WORDS + PSEUDO[50:]
CUMULATIVE = tuple(itertools.accumulate(1 / (rank + 1) for rank in range(len(VOCABULARY))))


def generate(path: Path, *, n: int, seed: int = 7, documents: int = 200_000) -> None:
    """Write `n` synthetic incidents (and a few documents behind them) into a new store at `path`."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    # A bulk load, as a loader would do it: the first schema only, rows in, then the store's own
    # migrations build the serving indexes and rollups over them at once.
    rng = random.Random(seed)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied TEXT)")
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO schema_migrations VALUES (1, '2024-01-01T00:00:00+00:00')")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-200000")
    db.execute("BEGIN")
    doc_ids = []
    for i in range(documents):
        words = " ".join(rng.choices(VOCABULARY, cum_weights=CUMULATIVE, k=30))
        text = f"Report {i}: an {words} in {rng.choice(COUNTRIES)[0]}."
        doc_id = content_id("doc", text)
        doc_ids.append(doc_id)
        db.execute(
            "INSERT INTO documents (id, text, sha256, media_type, title, published, external_id, ingested)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (doc_id, text, content_id("sha", text), "text/plain", f"Report {i}", "2024-01-01", f"ext-{i}",
             "2024-01-01T00:00:00+00:00"),
        )
    types = [(t, s) for t, subs in EVENT_TYPES.items() for s in subs]
    batch: list[tuple[object, ...]] = []
    links: list[tuple[str, str]] = []
    mentions: list[tuple[object, ...]] = []
    for i in range(n):
        event_type, sub = rng.choice(types)
        country, iso, lat, lon = COUNTRIES[(int(rng.paretovariate(1.2)) - 1) % len(COUNTRIES)]
        a1, inter1 = rng.choice(ACTORS)
        a2, inter2 = rng.choice(ACTORS)
        actor1, actor2 = a1.format(c=country), a2.format(c=country)
        day = rng.randrange(0, 365 * 8)
        date = time.strftime("%Y-%m-%d", time.gmtime(1420070400 + day * 86400))
        fatalities = int(rng.expovariate(0.3)) if event_type != "Protests" else 0
        civ = event_type == "Violence against civilians" or inter2 == 7
        status, grade = rng.choice(STATUSES), rng.choice(GRADES)
        admin1 = f"{country} Region {rng.randrange(8) + 1}"
        location = f"Town {rng.randrange(500)}"
        la, lo = lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3)
        doc = doc_ids[i % documents]
        mention_id = content_id("men", doc, str(i // documents))
        incident_id = content_id("inc", str(seed), str(i))
        data = {
            "id": incident_id, "mention_ids": [mention_id], "event_type": event_type, "sub_event_type": sub,
            "event_date": date, "time_precision": 1,
            "actor1": {"name": actor1, "inter": inter1, "words": actor1, "country": country, "known": True},
            "actor2": {"name": actor2, "inter": inter2, "words": actor2, "country": country, "known": True},
            "place": {"name": location, "country": country, "country_code": iso, "admin1": admin1, "admin2": None,
                      "latitude": la, "longitude": lo, "geo_precision": 1, "where_prec": 1, "geonameid": None,
                      "how": "text"},
            "civilian_targeting": civ, "fatalities": fatalities, "fatalities_low": fatalities,
            "fatalities_best": fatalities, "fatalities_high": None, "sources": 1, "documents": 1,
            "status": status, "grade": grade, "grade_reason": "",
            "details": {"founder": mention_id, "documents": [doc], "external_ids": [f"ext-{i % documents}"]},
        }
        batch.append((incident_id, event_type, sub, date, country, admin1, location, la, lo, actor1, actor2,
                       int(civ), fatalities, status, grade, 1, json.dumps(data, separators=(",", ":"))))
        links.append((incident_id, mention_id))
        mentions.append((mention_id, doc, i // documents, event_type, sub, date, country, fatalities,
                         json.dumps({"document_id": doc, "index": i // documents, "event_type": event_type})))
        if len(batch) == 50_000:
            _flush(db, batch, links, mentions)
    _flush(db, batch, links, mentions)
    db.execute("COMMIT")
    db.close()
    with SQLiteStore(path) as store:  # migrations 2 onwards
        store.db.execute("ANALYZE")


def _flush(db: sqlite3.Connection, batch: list, links: list, mentions: list) -> None:  # type: ignore[type-arg]
    db.executemany(
        "INSERT INTO incidents (id, event_type, sub_event_type, event_date, country, admin1, location, latitude,"
        " longitude, actor1, actor2, civilian_targeting, fatalities, status, grade, sources, data)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        batch,
    )
    db.executemany("INSERT INTO incident_mentions (incident_id, mention_id) VALUES (?, ?)", links)
    db.executemany(
        "INSERT INTO mentions (id, document_id, idx, event_type, sub_event_type, event_date, country, fatalities,"
        " data) VALUES (?,?,?,?,?,?,?,?,?)",
        mentions,
    )
    batch.clear()
    links.clear()
    mentions.clear()


# The list queries: what an analyst clicks through on the dashboard.
LIST_QUERIES = (
    {},
    {"country": "Mali"},
    {"country": "Haiti", "sort": "-fatalities"},
    {"event_type": "Violence against civilians", "date_from": "2020-01-01", "date_to": "2020-12-31"},
    {"actor": "Wagner Group"},
    {"actor": "Wagner Group", "country": "Mali", "civilian_targeting": "true"},
    {"fatalities_min": "20"},
    {"fatalities_min": "5", "fatalities_max": "10", "sort": "event_date"},
    {"country": "Nigeria", "admin1": "Nigeria Region 3"},
    {"sub_event_type": "Air/drone strike", "status": "confirmed"},
    {"grade": "contested", "country": "Sudan"},
    {"q": "convoy"},
    {"q": "checkpoint", "country": "Mali"},
    {"q": "w1500"},
    {"country": "Mali", "offset": "500"},
    {"event_type": "Battles", "sort": "-fatalities", "limit": "100"},
    {"date_from": "2022-03-01", "date_to": "2022-03-31", "sort": "-fatalities"},
)
AGGREGATES = ("month", "country", "actor", "event_type")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(url: str, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("server did not start in 30 s")


def _timed(client: httpx.Client, path: str, params: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    r = client.get(path, params=params)
    elapsed = time.perf_counter() - start
    r.raise_for_status()
    return elapsed * 1000


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure_api(db: Path, *, rounds: int) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "conflictdb", "serve", "--db", str(db), "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        _wait(f"{base}/api/health", proc)
        with httpx.Client(base_url=base, timeout=30) as client:
            for q in LIST_QUERIES:  # warm the page cache once, as a running server would be
                client.get("/api/incidents", params=q)
            times: list[float] = []
            worst: dict[str, float] = {}
            for _ in range(rounds):
                for q in LIST_QUERIES:
                    ms = _timed(client, "/api/incidents", q)
                    times.append(ms)
                    key = json.dumps(q)
                    worst[key] = max(worst.get(key, 0.0), ms)
            print(f"list  n={len(times)}  p50={statistics.median(times):.1f} ms  p95={_p(times, 0.95):.1f} ms"
                  f"  max={max(times):.1f} ms  (target p95 <= 50 ms)")
            for key, ms in sorted(worst.items(), key=lambda kv: -kv[1])[:3]:
                print(f"      slowest: {ms:.1f} ms  {key}")
            for by in AGGREGATES:
                for params in ({}, {"country": "Mali"}, {"event_type": "Battles", "date_from": "2021-01-01"}):
                    client.get(f"/api/aggregates/{by}", params=params)
                    runs = [_timed(client, f"/api/aggregates/{by}", params) for _ in range(max(3, rounds // 2))]
                    print(f"aggregate by {by:<10} {json.dumps(params):<55} median={statistics.median(runs):6.1f} ms"
                          f"  max={max(runs):6.1f} ms  (target <= 200 ms)")
            measure_first_load(client)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def measure_first_load(client: httpx.Client) -> None:
    """The dashboard's first load in Debian's chromium (headless, cold cache): navigation to drawn map and list."""
    from playwright.sync_api import sync_playwright

    base = str(client.base_url).rstrip("/")
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
    times = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        for _ in range(5):
            context = browser.new_context()  # a cold cache each time
            page = context.new_page()
            start = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_selector("body[data-ready=overview]", timeout=30_000)
            times.append((time.perf_counter() - start) * 1000)
            markers = page.locator("path.incident-marker").count()
            context.close()
        browser.close()
    print(f"dashboard first load (chromium, cold cache, until map, timeline and list are drawn; {markers} markers):"
          f" median={statistics.median(times):.0f} ms  max={max(times):.0f} ms  (target <= 1000 ms)")


def measure_exports(db: Path, *, n: int) -> None:
    from conflictdb.export import FORMATS, export

    with SQLiteStore(db) as store:
        for fmt in FORMATS:
            out = Path(f"{db}.{fmt}")
            start = time.perf_counter()
            with out.open("wb") as fh:
                count = export(store, fh, format=fmt)
            secs = time.perf_counter() - start
            size = out.stat().st_size / 1e6
            out.unlink()
            print(f"export {fmt:<8} {count:>9,} incidents in {secs:5.1f} s  ({size:,.0f} MB; target <= 60 s)")
            assert count == n or fmt == "ucdp", (count, n)  # UCDP codes no protests or strategic developments


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/conflictdb-serve-bench.db"))
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="use the store at --db if it exists")
    parser.add_argument("--skip-exports", action="store_true")
    args = parser.parse_args()
    if not (args.reuse and args.db.exists()):
        start = time.perf_counter()
        generate(args.db, n=args.n)
        print(f"generated {args.n:,} incidents in {time.perf_counter() - start:.1f} s ({args.db})")
    measure_api(args.db, rounds=args.rounds)
    if not args.skip_exports:
        measure_exports(args.db, n=args.n)


if __name__ == "__main__":
    main()
