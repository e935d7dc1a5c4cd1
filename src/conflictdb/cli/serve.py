"""Commands to read the database: `incidents`, `export` and `serve`."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import click
from tqdm import tqdm

from conflictdb.cli import db_option, main
from conflictdb.errors import ConfigError, StoreError
from conflictdb.query import COLUMNS, SORTS, Filters, count, iter_incidents, list_incidents, tune
from conflictdb.store import SQLiteStore

NO_DB_HINT = "give --db FILE, or build one with `conflictdb run FILES --db FILE`"


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The incident filters, as options shared by `incidents` and `export`."""
    options = [
        click.option("--country", help="Country name, as stored (e.g. Mali)."),
        click.option("--admin1", help="First-level administrative unit."),
        click.option("--actor", help="An actor on either side, by its registry name."),
        click.option("--event-type", "event_type", help="ACLED event type, e.g. 'Violence against civilians'."),
        click.option("--sub-event-type", "sub_event_type", help="ACLED sub-event type, e.g. Attack."),
        click.option("--since", "date_from", help="From this date: YYYY-MM-DD, YYYY-MM or YYYY."),
        click.option("--until", "date_to", help="Up to this date, inclusive."),
        click.option("--min-fatalities", "fatalities_min", type=click.IntRange(min=0)),
        click.option("--max-fatalities", "fatalities_max", type=click.IntRange(min=0)),
        click.option("--civilian-targeting/--no-civilian-targeting", "civilian_targeting", default=None,
                     help="Only incidents that target civilians (or only those that do not)."),
        click.option("--status", help="alleged, reported, confirmed or denied."),
        click.option("--grade", help="Credibility grade, e.g. 'single source' or corroborated."),
        click.option("--text", "text", help="Words in the reports behind the incident (full-text search)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _filters(kwargs: dict[str, Any]) -> Filters:
    names = ("country", "admin1", "actor", "event_type", "sub_event_type", "date_from", "date_to",
             "fatalities_min", "fatalities_max", "civilian_targeting", "status", "grade", "text")
    return Filters(**{name: kwargs.pop(name) for name in names if kwargs.get(name) is not None})


def _open(db: str) -> SQLiteStore:
    if db != ":memory:" and not Path(db).exists():
        raise StoreError(f"no database at {db}", hint=NO_DB_HINT)
    store = SQLiteStore(db)
    tune(store.db)
    return store


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv", "jsonl"]), default="table",
              show_default=True, help="jsonl: one whole incident a line, with its documents' external ids.")
@click.option("--sort", default="-event_date", show_default=True,
              help="Sort column, '-' first for descending: " + ", ".join(SORTS) + ".")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help="How many to list (default 50; jsonl: all). 0 for all (json, csv, jsonl).")
@click.option("--offset", type=click.IntRange(min=0), default=0)
def incidents(db: str, fmt: str, sort: str, limit: int | None, offset: int, **kwargs: Any) -> None:
    """List incidents matching the filters."""
    filters = _filters(kwargs)
    if limit is None:
        limit = 0 if fmt == "jsonl" else 50
    with _open(db) as store:
        if fmt == "jsonl" or (limit == 0 and fmt != "table"):
            _stream(store, filters, fmt=fmt, limit=limit, offset=offset)
            return
        if limit == 0:
            raise ConfigError("--limit 0 lists everything, which a table cannot show", hint="use --format csv or jsonl")
        page = list_incidents(store.db, filters, sort=sort, limit=limit, offset=offset)
        if fmt == "json":
            click.echo(json.dumps({"total": page.total, "total_exact": page.total_exact, "incidents": page.rows},
                                  ensure_ascii=False, indent=2))
        elif fmt == "csv":
            writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(page.rows)
        else:
            _table(page.rows, total=page.total, exact=page.total_exact, offset=offset)


def _stream(store: SQLiteStore, filters: Filters, *, fmt: str, limit: int, offset: int) -> None:
    """Every match (or `limit` of them), in date order, straight from the store."""
    from conflictdb.export import document_ids, one_line

    total, exact = count(store.db, filters, cap=10**9)
    rows = iter_incidents(store.db, filters, by_date=True)
    bar = tqdm(total=min(total, limit) if limit else total, unit="incident", disable=not sys.stderr.isatty(),
               file=sys.stderr)
    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n") if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    batch: list[tuple[str, str]] = []

    def flush() -> None:
        docs = document_ids(store.db, [i for i, _ in batch]) if fmt == "jsonl" else {}
        for incident_id, data in batch:
            rec = json.loads(data)
            if fmt == "jsonl":
                pairs = docs.get(incident_id, [])
                rec["document_ids"] = [d for d, _ in pairs]
                rec["external_ids"] = [e for _, e in pairs if e]
                click.echo(one_line(json.dumps(rec, ensure_ascii=False, separators=(",", ":"))))
            elif writer is not None:
                writer.writerow(_summary(rec))
            else:
                click.echo(json.dumps(rec, ensure_ascii=False))
        bar.update(len(batch))
        batch.clear()

    for n, item in enumerate(rows):
        if n < offset:
            continue
        if limit and n >= offset + limit:
            break
        batch.append(item)
        if len(batch) == 1000:
            flush()
    flush()
    bar.close()


def _summary(rec: dict[str, Any]) -> dict[str, Any]:
    place = rec.get("place") or {}
    return {
        "id": rec["id"], "event_date": rec.get("event_date"), "event_type": rec["event_type"],
        "sub_event_type": rec.get("sub_event_type"), "country": place.get("country"), "admin1": place.get("admin1"),
        "location": place.get("name"), "latitude": place.get("latitude"), "longitude": place.get("longitude"),
        "actor1": (rec.get("actor1") or {}).get("name"), "actor2": (rec.get("actor2") or {}).get("name"),
        "civilian_targeting": rec.get("civilian_targeting"), "fatalities": rec.get("fatalities"),
        "status": rec.get("status"), "grade": rec.get("grade"), "sources": rec.get("sources"),
    }


def _table(rows: list[dict[str, Any]], *, total: int, exact: bool, offset: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for name in ("id", "date", "event", "actors", "where", "fatalities", "status", "credibility"):
        table.add_column(name, justify="right" if name == "fatalities" else "left", overflow="fold")
    for r in rows:
        where = ", ".join(dict.fromkeys(v for v in (r["location"], r["admin1"], r["country"]) if v))
        event = r["event_type"] + (f" / {r['sub_event_type']}" if r["sub_event_type"] else "")
        table.add_row(
            r["id"], r["event_date"] or "?", event, " — ".join(a for a in (r["actor1"], r["actor2"]) if a), where,
            "?" if r["fatalities"] is None else str(r["fatalities"]), r["status"] or "", r["grade"] or "",
        )
    console = Console()
    console.print(table)
    shown = f"{offset + 1}-{offset + len(rows)}" if rows else "none"
    console.print(f"{shown} of {'' if exact else 'more than '}{total:,} incidents"
                  " (show one with `conflictdb show ID`)", highlight=False)


@main.command()
@db_option
@filter_options
@click.option("--format", "fmt", type=click.Choice(["acled", "ucdp", "geojson", "parquet", "jsonl"]), required=True,
              help="acled: ACLED's CSV columns; ucdp: UCDP GED's; geojson; parquet; jsonl.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default="-", show_default=True,
              help="The file to write; '-' is standard output.")
def export(db: str, fmt: str, output: str, **kwargs: Any) -> None:
    """Export incidents as ACLED or UCDP GED CSV, GeoJSON, Parquet or JSON lines."""
    from conflictdb.export import export as run_export

    filters = _filters(kwargs)
    if fmt == "parquet" and output == "-" and sys.stdout.isatty():
        raise ConfigError("Parquet is binary and standard output is a terminal", hint="give -o FILE.parquet")
    with _open(db) as store:
        total, _ = count(store.db, filters, cap=10**9)
        bar = tqdm(total=total, unit="incident", desc=f"export {fmt}", disable=not sys.stderr.isatty(),
                   file=sys.stderr)
        out: BinaryIO = sys.stdout.buffer if output == "-" else open(output, "wb")  # noqa: SIM115
        try:
            n = run_export(store, out, format=fmt, filters=filters, progress=bar.update)
        finally:
            if output != "-":
                out.close()
            else:
                out.flush()
            bar.close()
    if output != "-":
        click.echo(f"{n:,} incidents written to {output}", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; reads from other machines need the token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the REST API and the dashboard (http://HOST:PORT/, API docs at /docs)."""
    import uvicorn

    from conflictdb.api import create_app

    if not Path(db).exists():
        raise StoreError(f"no database at {db}", hint=NO_DB_HINT)
    app = create_app(db)
    click.echo(f"conflictdb: serving {db} on http://{host}:{port}/ (API docs: /docs); Ctrl-C stops", err=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc}", hint="choose another --port") from exc
