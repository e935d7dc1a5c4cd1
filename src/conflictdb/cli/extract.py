"""Commands: extract (files in, coded events out, no database) and eval (scores against coded data)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO

import click
from tqdm import tqdm

from conflictdb.cli import main
from conflictdb.cli.ingest import batch_options, options_from
from conflictdb.models import Document, Mention, to_dict

TABLE_COLUMNS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "country", "fatalities")


def _event(mention: Mention) -> dict[str, Any]:
    """One event as output: every field, the ACLED codes derived from them, and the evidence."""
    data: dict[str, Any] = to_dict(mention)
    data.update(
        inter1=mention.inter1,
        inter2=mention.inter2,
        interaction=mention.interaction,
        type_of_violence=mention.type_of_violence,
        country=mention.country,
    )
    return data


def _documents(paths: tuple[str, ...], kwargs: dict[str, Any], rejected: list[str]) -> Iterator[Document]:
    from conflictdb.ingest import read

    for item in read(paths, options=options_from(kwargs)):
        if item.document is not None:
            yield item.document
        elif item.reject is not None:
            rejected.append(f"{item.reject.uri}: {item.reject.reason}")
            click.echo(f"rejected {item.reject.uri}: {item.reject.reason}", err=True)


def _table_row(doc_id: str, mention: Mention) -> str:
    place = mention.place
    values = {
        "event_date": mention.event_date or "",
        "event_type": mention.event_type,
        "sub_event_type": mention.sub_event_type,
        "actor1": mention.actor1.name if mention.actor1 else "",
        "actor2": mention.actor2.name if mention.actor2 else "",
        "location": place.label if place else "",
        "country": (place.country or "") if place else "",
        "fatalities": "" if mention.fatalities is None else str(mention.fatalities),
    }
    return "\t".join([doc_id, str(mention.index), *(values[c] for c in TABLE_COLUMNS)])


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Output file (default: stdout)."
)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "table"]), default="jsonl", show_default=True)
@click.option(
    "--model", type=click.Path(exists=True, dir_okay=False), default=None, help="A model file from `conflictdb train`."
)
@click.option("--gazetteer", type=click.Path(), default=None, help="Gazetteer database (default: the bundled one).")
@click.option("--no-geocode", is_flag=True, help="Leave places empty (extraction only).")
@batch_options
def extract(
    inputs: tuple[str, ...],
    output: TextIO,
    fmt: str,
    model: str | None,
    gazetteer: str | None,
    no_geocode: bool,
    **kwargs: Any,
) -> None:
    """Code the events in INPUTS (JSONL/CSV batches, text or HTML files, folders, '-'), without a database.

    Writes one line per input record: {"id": ..., "events": [...]}, events ordered by salience,
    the first being the document's main incident; every value with its evidence spans.
    """
    from conflictdb.extract import Extractor
    from conflictdb.pipeline import analyze, document_stages

    stages = (Extractor(model=model),) if no_geocode else document_stages(model=model, gazetteer=gazetteer)
    rejected: list[str] = []
    stream = analyze(_documents(inputs, kwargs, rejected), stages)
    bar = tqdm(stream, unit="doc", file=sys.stderr, disable=not sys.stderr.isatty(), desc="extract")
    collected: list[dict[str, Any]] = []
    if fmt == "table":
        output.write("\t".join(["id", "index", *TABLE_COLUMNS]) + "\n")
    for doc in bar:
        doc_id = doc.external_id or doc.id
        if fmt == "table":
            for mention in doc.mentions:
                output.write(_table_row(doc_id, mention) + "\n")
            continue
        record = {"id": doc_id, "events": [_event(m) for m in doc.mentions]}
        if fmt == "json":
            collected.append(record)
        else:
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
    if fmt == "json":
        json.dump(collected, output, ensure_ascii=False, indent=2)
        output.write("\n")
    if rejected:
        sys.exit(3)


@main.command(name="eval")
@click.option(
    "--gold",
    "gold_path",
    required=False,
    type=click.Path(exists=True, dir_okay=False),
    help="Coded events, JSONL (bench format).",
)
@click.option(
    "--links", is_flag=True, help="Score incident linking on reports generated from the gold facts (--limit: events)."
)
@click.option("--limit", type=int, default=None, help="Score at most N records.")
@click.option("--sample-every", type=int, default=1, show_default=True, help="Take every K-th line only.")
@click.option("--set", "set_name", default=None, help="Only records whose set starts with NAME.")
@click.option(
    "--model", type=click.Path(exists=True, dir_okay=False), default=None, help="A model file from `conflictdb train`."
)
@click.option("--gazetteer", type=click.Path(), default=None, help="Gazetteer database (default: the bundled one).")
@click.option(
    "--json",
    "json_out",
    type=click.File("w", encoding="utf-8"),
    default=None,
    help="Also write the scores as JSON here.",
)
def eval_command(
    gold_path: str | None,
    limit: int | None,
    sample_every: int,
    set_name: str | None,
    model: str | None,
    gazetteer: str | None,
    json_out: TextIO | None,
    links: bool = False,
) -> None:
    """Score extraction and geocoding against coded events: per field and per set, and documents/second."""
    if links:
        from conflictdb.cli.link import eval_links

        eval_links(
            gold_path, events=limit, every=max(1, sample_every), model=model, gazetteer=gazetteer, json_out=json_out
        )
        return
    if gold_path is None:
        raise click.UsageError("Missing option '--gold'.")
    from conflictdb import eval as evaluation

    records = evaluation.read_gold(gold_path, limit=limit, sample_every=max(1, sample_every), set_name=set_name)
    with tqdm(unit="doc", file=sys.stderr, disable=not sys.stderr.isatty(), desc="eval") as bar:
        scores = evaluation.evaluate(records, model=model, gazetteer=gazetteer, progress=bar)
    ceiling = _ceiling(gazetteer, scores.places)
    evaluation.report(scores, sys.stdout, ceiling=ceiling)
    if json_out is not None:
        data = scores.to_dict()
        data["gazetteer_ceiling"] = ceiling
        json.dump(data, json_out, indent=2)
        json_out.write("\n")


def _ceiling(gazetteer: str | None, places: list[tuple[str, float, float]]) -> float | None:
    if not places:
        return None
    try:
        from conflictdb.geocode import gazetteer_ceiling
    except ImportError:
        return None
    return gazetteer_ceiling(gazetteer, places)
