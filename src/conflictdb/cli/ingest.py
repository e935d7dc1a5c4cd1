"""Commands: ingest, run, rejects, retry, reanalyse, search."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import click
from tqdm import tqdm

from conflictdb.cli import db_option, main
from conflictdb.errors import ConflictDBError
from conflictdb.ingest import MAX_BYTES, Fields, IngestReport, Options, read, retry, store_items
from conflictdb.pipeline import RunReport, analyze_stored, reanalyse, run
from conflictdb.store import open_store

# Exit code when some inputs were rejected: the run worked, but not everything went in.
EXIT_REJECTED = 3


def batch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that say how to read JSONL/CSV batches; `extract` uses the same."""
    options = [
        click.option("--text-field", default="text", show_default=True, help="Field with the report text."),
        click.option("--id-field", default="id", show_default=True, help="Field with the record's own id."),
        click.option("--published-field", default="published", show_default=True, help="Publication date field."),
        click.option("--url-field", default="url", show_default=True, help="URL field."),
        click.option("--title-field", default="title", show_default=True, help="Title field."),
        click.option("--source-field", default="source", show_default=True, help="Outlet / source field."),
        click.option("--max-bytes", default=MAX_BYTES, show_default=True, help="Reject inputs larger than this."),
        click.option("--encoding", default=None, help="Encoding of inputs that are not UTF-8 (e.g. cp1252)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def options_from(kwargs: dict[str, Any]) -> Options:
    fields = Fields(
        text=kwargs.pop("text_field"),
        id=kwargs.pop("id_field"),
        published=kwargs.pop("published_field"),
        url=kwargs.pop("url_field"),
        title=kwargs.pop("title_field"),
        source=kwargs.pop("source_field"),
    )
    return Options(fields=fields, max_bytes=kwargs.pop("max_bytes"), encoding=kwargs.pop("encoding"))


def _progress() -> bool:
    return sys.stderr.isatty()


def _workers() -> int:
    return min(os.cpu_count() or 1, 4)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@batch_options
def ingest(paths: tuple[str, ...], db: str, **kwargs: Any) -> None:
    """Store text, HTML, feeds, JSONL/CSV batches, folders or URLs ("-" reads standard input)."""
    options = options_from(kwargs)
    store = open_store(db)
    items = tqdm(read(paths, options=options, workers=_workers()), desc="ingest", unit="doc", disable=not _progress())
    report = store_items(store, items)
    click.echo(report.summary())
    if report.rejected:
        click.echo("Some inputs were rejected: see `conflictdb rejects`, fix, then `conflictdb retry`.", err=True)
        sys.exit(EXIT_REJECTED)


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--model", default=None, help="A model file made by `conflictdb train`.")
@click.option("--gazetteer", default=None, envvar="CONFLICTDB_GAZETTEER", help="Gazetteer to geocode with.")
@batch_options
def run_command(paths: tuple[str, ...], db: str, model: str | None, gazetteer: str | None, **kwargs: Any) -> None:
    """Ingest, extract, geocode and link: the whole pipeline, into the database."""
    store = open_store(db)
    report = run(
        store, paths, options=options_from(kwargs), model=model, gazetteer=gazetteer, progress=_progress(),
        workers=_workers(),
    )
    _print_stored(store, report)
    click.echo(report.summary())
    if report.ingest.rejected or report.failed:
        click.echo("Some inputs were rejected: see `conflictdb rejects`.", err=True)
        sys.exit(EXIT_REJECTED)


def _print_stored(store: Any, report: RunReport) -> None:
    """One line per new document: its main event as stored."""
    for document_id in report.ingest.document_ids[:50]:
        document = store.document(document_id)
        if document is None:
            continue
        main_events = [m for m in document.mentions if not m.background]
        head = (document.title or document.text[:60].replace("\n", " ")).strip()
        if not main_events:
            click.echo(f"{document_id}  {head[:60]!r}: no event")
            continue
        m = main_events[0]
        actors = " vs ".join(a.name for a in (m.actor1, m.actor2) if a)
        where = m.place.label if m.place else "?"
        deaths = "?" if m.fatalities is None else m.fatalities
        click.echo(
            f"{document_id}  {m.event_type} / {m.sub_event_type} | {actors} | {where} | "
            f"{m.event_date or '?'} | fatalities {deaths} | {m.status}"
        )


@main.command()
@db_option
def rejects(db: str) -> None:
    """List inputs that could not be taken, with the stage and the reason."""
    items = open_store(db).rejects()
    for r in items:
        click.echo(f"{r.id}  {r.stage:<8} {r.uri}  {r.reason}  (attempts: {r.attempts})")
    click.echo(f"{len(items)} rejects")


@main.command("retry")
@click.argument("ids", nargs=-1)
@db_option
@click.option("--model", default=None, help="A model file made by `conflictdb train`.")
@click.option("--gazetteer", default=None, envvar="CONFLICTDB_GAZETTEER", help="Gazetteer to geocode with.")
@batch_options
def retry_command(ids: tuple[str, ...], db: str, model: str | None, gazetteer: str | None, **kwargs: Any) -> None:
    """Read rejected inputs again (all, or the IDS given), with any options changed."""
    store = open_store(db)
    wanted = set(ids) or None
    report = retry(store, ids=wanted, options=options_from(kwargs))
    failed_extraction = [
        r for r in store.rejects() if r.stage == "extract" and (wanted is None or r.id in wanted)
    ]
    for r in failed_extraction:
        store.remove_reject(r.id)
    run_report = RunReport(ingest=report)
    analyze_stored(
        store,
        run_report,
        ids=[r.options["document_id"] for r in failed_extraction] + report.document_ids,
        model=model,
        gazetteer=gazetteer,
    )
    # a document whose re-analysis failed kept its old events: analyse it again
    unextracted = set(store.document_ids(unextracted=True))
    again = [r.options["document_id"] for r in failed_extraction if r.options["document_id"] not in unextracted]
    if again:
        reanalyse(store, run_report, ids=again, model=model, gazetteer=gazetteer)
    click.echo(f"retried: {report.summary()}; {run_report.analyzed} documents analysed")
    left = len(store.rejects())
    if left:
        click.echo(f"{left} rejects remain: see `conflictdb rejects`.", err=True)
        sys.exit(EXIT_REJECTED)


@main.command("reanalyse")
@click.argument("ids", nargs=-1)
@db_option
@click.option("--model", default=None, help="A model file made by `conflictdb train`.")
@click.option("--gazetteer", default=None, envvar="CONFLICTDB_GAZETTEER", help="Gazetteer to geocode with.")
def reanalyse_command(ids: tuple[str, ...], db: str, model: str | None, gazetteer: str | None) -> None:
    """Extract, geocode and link stored documents again (all, or the document IDS given): after an upgrade,
    or with a model from `conflictdb train`. Incidents that held their old events are linked afresh."""
    store = open_store(db)
    report = RunReport(ingest=IngestReport())
    reanalyse(store, report, ids=ids or None, model=model, gazetteer=gazetteer, progress=_progress())
    click.echo(f"{report.analyzed} documents analysed again, {report.mentions} events, {report.failed} failed; "
               f"{report.incidents} incidents in the store")
    if report.failed:
        click.echo("Some documents failed and keep their old events: see `conflictdb rejects`.", err=True)
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("query")
@db_option
@click.option("--limit", default=20, show_default=True)
def search(query: str, db: str, limit: int) -> None:
    """Full-text search over stored documents (SQLite FTS5 syntax: "women and children", wagner OR fama)."""
    for document_id, snippet in open_store(db).search(query, limit=limit):
        click.echo(f"{document_id}  {snippet}")


@main.command()
@click.argument("document_id")
@db_option
@click.option("--original", is_flag=True, help="Write the original bytes, unchanged, to standard output.")
def document(document_id: str, db: str, original: bool) -> None:
    """Show a stored document with its provenance, or its original bytes (--original)."""
    store = open_store(db)
    doc = store.document(document_id)
    if doc is None:
        raise ConflictDBError(f"no document {document_id}", hint="list them with `conflictdb search` or the API")
    if original:
        data = store.original(doc.sources[0].sha256)
        sys.stdout.buffer.write(data or b"")
        return
    for name in ("id", "title", "url", "outlet", "author", "published", "media_type", "external_id", "sha256"):
        value = getattr(doc, name)
        if value:
            click.echo(f"{name:<12} {value}")
    for src in doc.sources:
        click.echo(f"source       {src.uri}  retrieved {src.retrieved}  sha256 {src.sha256[:16]}…")
    click.echo("")
    click.echo(doc.text)
