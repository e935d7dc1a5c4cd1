"""The `conflictdb` command: a thin layer over the library, one module per stage's commands."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from conflictdb import __version__
from conflictdb.errors import ConflictDBError
from conflictdb.store import DEFAULT_DB

# Each module adds its commands to `main`; the order is the order of `conflictdb --help`.
COMMAND_MODULES = ("ingest", "extract", "train", "geocode", "link", "serve")

db_option = click.option(
    "--db", default=DEFAULT_DB, show_default=True, envvar="CONFLICTDB_DB", help="The database file."
)


class _Main(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConflictDBError as exc:
            hint = f" (hint: {exc.hint})" if exc.hint else ""
            click.echo(f"Error: {exc}{hint}", err=True)
            sys.exit(1)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflictdb")
def main() -> None:
    """Turn conflict reporting into a sourced, verifiable database of incidents."""


for _name in COMMAND_MODULES:
    importlib.import_module(f"conflictdb.cli.{_name}")
