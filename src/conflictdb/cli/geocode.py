"""Commands: gazetteer import, gazetteer info, geocode (one text, for checking)."""

from __future__ import annotations

import json
import time

import click

from conflictdb.cli import main
from conflictdb.geocode import Gazetteer, Geocoder, default_path, import_files
from conflictdb.models import to_dict

gazetteer_option = click.option(
    "--gazetteer",
    default=None,
    envvar="CONFLICTDB_GAZETTEER",
    help="The gazetteer file (default: the user data directory's conflictdb/gazetteer.sqlite).",
)


@main.group()
def gazetteer() -> None:
    """The gazetteer every command geocodes with: registry packages plus imported GeoNames dumps."""


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@gazetteer_option
def import_command(files: tuple[str, ...], gazetteer: str | None) -> None:
    """Add GeoNames dumps (ML.txt, allCountries.txt, admin1CodesASCII.txt, admin2Codes.txt ...)."""
    path = gazetteer or default_path()
    started = time.perf_counter()
    for name, rows in import_files(path, files):
        click.echo(f"{name}: {rows:,} rows")
    click.echo(
        f"imported into {path} in {time.perf_counter() - started:.1f} s (GeoNames data: CC BY 4.0, geonames.org)"
    )


@gazetteer.command("info")
@gazetteer_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def info_command(gazetteer: str | None, as_json: bool) -> None:
    """Where the gazetteer is and what it holds (built from the registry packages on first use)."""
    started = time.perf_counter()
    info = Gazetteer(gazetteer).info()
    info["ready_s"] = round(time.perf_counter() - started, 2)
    if as_json:
        click.echo(json.dumps(info, indent=2))
        return
    for key in ("path", "size_mb", "places", "names", "admin_units", "countries", "ready_s"):
        click.echo(f"{key}: {info[key]}")
    imported = info["imported"]
    assert isinstance(imported, list)
    click.echo(f"imported files: {len(imported)}")
    for item in imported:
        click.echo(f"  {item['path']} ({item['rows']:,} rows, {item['imported']})")


@gazetteer.command("find")
@click.argument("name")
@gazetteer_option
def find_command(name: str, gazetteer: str | None) -> None:
    """List the entries known under a name."""
    gaz = Gazetteer(gazetteer)
    for e in sorted(gaz.find(name), key=lambda e: -e.pop):
        a1, a2 = gaz.admin_name(e.a1) or "", gaz.admin_name(e.a2) or ""
        click.echo(f"{e.gid}\t{e.name}\t{e.cc}\t{a1}\t{a2}\t{e.fcode}\t{e.lat:.4f}\t{e.lon:.4f}\tpop {e.pop:,}")


@main.command("geocode")
@click.argument("text")
@gazetteer_option
def geocode_command(text: str, gazetteer: str | None) -> None:
    """Show the place a text names, as the geocoding stage resolves it."""
    geocoder = Geocoder(gazetteer=gazetteer)
    place, evidence = geocoder.locate(text)
    out = to_dict(place)
    out["evidence"] = {k: [s.of(text) for s in spans] for k, spans in evidence.items()}
    click.echo(json.dumps(out, ensure_ascii=False, indent=2))
