"""Command `show`: one incident as linking made it (the merged record, its sources, their disagreements,
the evidence); and `eval_links`, which `conflictdb eval --links` runs on the generated linking benchmark."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any, TextIO

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from conflictdb.cli import db_option, main
from conflictdb.errors import ConflictDBError
from conflictdb.models import Document, Incident
from conflictdb.store import open_store

_QUOTE = 160  # characters of evidence shown around a value


def _fatalities(inc: Incident) -> str:
    if inc.fatalities is None and inc.fatalities_best is None:
        return "unknown"
    parts = [f"{inc.fatalities} (lowest credible)"]
    parts.append(f"UCDP low {_n(inc.fatalities_low)} / best {_n(inc.fatalities_best)} / high {_n(inc.fatalities_high)}")
    return "; ".join(parts)


def _n(value: Any) -> str:
    return "-" if value is None else str(value)


def _record(inc: Incident) -> Table:
    t = Table.grid(padding=(0, 2))
    t.add_column(style="bold")
    t.add_column()
    place = inc.place
    if place is None:
        where = "unknown"
    elif place.how == "country":  # ACLED's convention codes it at the capital; the text named no town
        where = f"{place.country}: only the country is known, coded at its capital ({place.name})"
    else:
        where = ", ".join(dict.fromkeys(x for x in (place.label, place.admin1, place.country) if x))
    if place and place.latitude is not None:
        where += f"  ({place.latitude:.4f}, {place.longitude:.4f}; precision {_n(place.geo_precision)})"
    rows = [
        ("event", f"{inc.event_type}" + (f" / {inc.sub_event_type}" if inc.sub_event_type else "")),
        ("date", f"{_n(inc.event_date)} (time precision {inc.time_precision})"),
        ("where", where),
        ("actor1", inc.actor1.name if inc.actor1 else "-"),
        ("actor2", inc.actor2.name if inc.actor2 else "-"),
        ("civilians targeted", "yes" if inc.civilian_targeting else "no"),
        ("fatalities", _fatalities(inc)),
        ("status", inc.status),
        ("grade", f"{inc.grade}: {inc.grade_reason}"),
        ("sources", f"{inc.sources} independent lineage(s), {inc.documents} document(s)"),
    ]
    for k, v in rows:
        t.add_row(k, Text(v))
    return t


def _sources(inc: Incident) -> Table:
    t = Table(title="Sources", title_justify="left", show_lines=False)
    for col in (
        "published",
        "outlet",
        "external id",
        "lineage",
        "type",
        "date",
        "place",
        "actor1",
        "fatalities",
        "status",
    ):
        t.add_column(col)
    for r in inc.details.get("reports", []):
        lineage = str(r.get("lineage", ""))[-6:]
        if r.get("copy_of"):
            lineage += " (copy)"
        t.add_row(
            *(
                Text(str(x))
                for x in (
                    _n(r.get("published")),
                    _n(r.get("outlet")),
                    _n(r.get("external_id")),
                    lineage,
                    r.get("event_type", ""),
                    _n(r.get("event_date")),
                    _n(r.get("location")),
                    _n(r.get("actor1")),
                    _n(r.get("fatalities")),
                    r.get("status", "") + (" (background)" if r.get("background") else ""),
                )
            )
        )
    return t


def _disagreements(inc: Incident) -> Table | None:
    rows = inc.details.get("disagreements", [])
    if not rows:
        return None
    t = Table(title="Disagreements", title_justify="left")
    t.add_column("field")
    t.add_column("value")
    t.add_column("said by")
    for d in rows:
        for v in d["values"]:
            t.add_row(d["field"], Text(str(v["value"])), ", ".join(x[-8:] for x in v["documents"]))
    return t


def _timeline(inc: Incident) -> Table | None:
    steps = inc.details.get("timeline", [])
    if not steps:
        return None
    t = Table(title="Status timeline", title_justify="left")
    for col in ("date", "step", "by", "quote"):
        t.add_column(col)
    for s in steps:
        t.add_row(*(Text(str(x)) for x in (_n(s.get("date")), s.get("step", ""), s.get("by", ""), s.get("quote", ""))))
    return t


def _evidence(inc: Incident, docs: dict[str, Document]) -> list[Text]:
    out = []
    for r in inc.details.get("reports", []):
        doc = docs.get(r["document_id"])
        if doc is None:
            continue
        head = Text(f"{r.get('outlet') or r['document_id']} ({_n(r.get('published'))})", style="bold")
        out.append(head)
        for field, spans in sorted(r.get("evidence", {}).items()):
            for start, end in spans[:2]:
                words = doc.text[start:end]
                if len(words) > _QUOTE:
                    words = words[:_QUOTE] + "…"
                line = Text(f"  {field}: ")
                line.append(words, style="yellow")  # a Text holds article words literally: no markup runs
                out.append(line)
    return out


@main.command()
@click.argument("incident_id")
@db_option
def show(incident_id: str, db: str) -> None:
    """Show one incident: the merged record, its sources, their disagreements and the evidence."""
    store = open_store(db)
    try:
        inc = store.incident(incident_id)
        if inc is None:
            raise ConflictDBError(f"no incident {incident_id!r}", hint="list them with `conflictdb incidents`")
        docs = {d.id: d for d in store.documents(ids=list(inc.details.get("documents", [])))}
    finally:
        store.close()
    # Piped output gets a fixed width wide enough for the sources table (rich assumes 80 columns otherwise).
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 140)
    console.print(Text(f"Incident {inc.id}", style="bold underline"))
    console.print(_record(inc))
    console.print(_sources(inc))
    for table in (_disagreements(inc), _timeline(inc)):
        if table is not None:
            console.print(table)
    evidence = _evidence(inc, docs)
    if evidence:
        console.print(Text("Evidence", style="bold"))
        for line in evidence:
            console.print(line)


DEFAULT_GOLD = "../shared/bench/dev.jsonl"


def eval_links(
    gold_path: str | None,
    *,
    events: int | None = None,
    every: int = 1,
    model: str | None = None,
    gazetteer: str | None = None,
    json_out: TextIO | None = None,
) -> None:
    """`conflictdb eval --links`: generate the linking benchmark from a gold file's facts and score linking."""
    from conflictdb.link.benchmark import evaluate, report_lines

    path = gold_path or DEFAULT_GOLD
    if not Path(path).is_file():
        raise ConflictDBError(f"no gold file at {path}", hint="pass --gold FILE.jsonl (the ../shared/bench format)")
    ev = evaluate(path, events=events or 500, every=every, model=model, gazetteer=gazetteer)
    for line in report_lines(ev):
        click.echo(line)
    if json_out is not None:
        json.dump(dataclasses.asdict(ev), json_out, indent=2)
        json_out.write("\n")
