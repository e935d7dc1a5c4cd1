"""Command: train (fit the trainable parts on a user's own coded events)."""

from __future__ import annotations

import json
import time

import click

from conflictdb.cli import main


@main.command()
@click.option(
    "--gold", required=True, type=click.Path(exists=True, dir_okay=False), help="Coded events, JSONL (bench format)."
)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="The model file to write (.npz).")
@click.option(
    "--holdout", default=0, show_default=True, help="Score on every N-th record, fitted on the others, first (0: skip)."
)
@click.option("--set", "set_name", default=None, help="Only records whose set starts with NAME.")
@click.option("--alpha", default=0.1, show_default=True, help="Naive Bayes smoothing.")
@click.option(
    "--min-alias-count", default=2, show_default=True, help="Texts an actor's name must appear in to be learned."
)
def train(gold: str, output: str, holdout: int, set_name: str | None, alpha: float, min_alias_count: int) -> None:
    """Fit the event-type classifier and actor aliases on coded events; `--model FILE` loads the result."""
    from conflictdb.extract.train import evaluate, read_records
    from conflictdb.extract.train import train as fit

    records = [r for r in read_records(gold) if not set_name or str(r.get("set", "")).startswith(set_name)]
    if holdout > 1:
        rest = [r for i, r in enumerate(records) if i % holdout]
        held = [r for i, r in enumerate(records) if not i % holdout]
        scores = evaluate(fit(rest, alpha=alpha, min_alias_count=min_alias_count), held)
        click.echo(f"held out every {holdout}th record: " + json.dumps({k: _round(v) for k, v in scores.items()}))
    started = time.perf_counter()
    model = fit(records, alpha=alpha, min_alias_count=min_alias_count)
    model.save(output)
    info = dict(model.info)
    click.echo(
        f"trained on {info['examples']:,} coded events ({len(model.classes)} event/sub-event types, "
        f"{info['features']:,} features, {len(model.actor_aliases):,} actor aliases) in "
        f"{time.perf_counter() - started:.1f} s -> {output}"
    )


def _round(value: object) -> object:
    return round(value, 4) if isinstance(value, float) else value
