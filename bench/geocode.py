"""Geocoding benchmark: place resolutions per second on one core, and the gazetteer's start-up time.

Each generated report names a town drawn at random from the gazetteer (so lookups are not all cached),
with its admin unit in parentheses or a 'near' cue, plus distractor sentences; one mention per report.
Prints mentions geocoded per CPU second (a mention's place: every toponym of its text found, resolved
in context, and the event's chosen), and toponyms resolved per CPU second. CPU time, since the machine
may be shared. With --gold, the texts of a JSONL file are timed too.

    python bench/geocode.py                       # the default gazetteer, 5,000 reports
    python bench/geocode.py --gazetteer /tmp/g.sqlite --n 20000 --gold ../shared/bench/dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from conflictdb.geocode import Gazetteer, Geocoder  # noqa: E402
from conflictdb.models import Document, Mention, Span  # noqa: E402

VERBS = ["killed", "attacked", "abducted", "clashed with", "fired on", "dispersed"]
ACTORS = ["Gunmen", "Soldiers", "Militants", "Police", "Rebels", "Protesters"]


def _towns(path: Path, n: int, rng: random.Random) -> list[tuple[str, str]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT p.name, coalesce(a.name, '') FROM place p LEFT JOIN admin a ON a.code = p.a1 "
        "WHERE p.fclass = 'P' AND p.pop > 1000 ORDER BY random() LIMIT ?",
        (n,),
    ).fetchall()
    conn.close()
    rng.shuffle(rows)
    return rows


def _report(rng: random.Random, town: str, admin: str) -> str:
    actor, verb = rng.choice(ACTORS), rng.choice(VERBS)
    where = f"in {town} ({admin})" if admin and rng.random() < 0.5 else f"near {town}"
    return (
        f"On {rng.randint(1, 28)} May 2024, {actor.lower()} {verb} {rng.randint(1, 40)} people {where}. "
        f"Witnesses said the {rng.choice(ACTORS).lower()} fled on motorbikes. The toll could rise."
    )


def _documents(texts: list[str]) -> list[Document]:
    docs = []
    for i, text in enumerate(texts):
        verb = next((v for v in VERBS if v in text), None)
        evidence = {}
        if verb:
            start = text.index(verb)
            evidence["event_type"] = (Span(start, start + len(verb)),)
        mention = Mention(document_id=str(i), index=0, event_type="Battles", evidence=evidence)
        docs.append(Document(id=str(i), text=text, sha256="", mentions=(mention,)))
    return docs


def _time(geocoder: Geocoder, docs: list[Document]) -> tuple[float, float, int, int]:
    """CPU seconds (this process, one core: the machine may be shared), wall seconds, mentions, toponyms."""
    geocoder(docs[0])  # one-time loads (the actor registry, word lists) are start-up, not throughput
    cpu, wall = time.process_time(), time.perf_counter()
    resolved = sum(1 for doc in docs if geocoder(doc).mentions[0].place is not None)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    toponyms = sum(len(geocoder.read(doc.text).toponyms) for doc in docs)
    return cpu, wall, resolved, toponyms


def _print(label: str, docs: list[Document], result: tuple[float, float, int, int]) -> None:
    cpu, wall, resolved, toponyms = result
    print(
        f"{label}: {len(docs):,} mentions geocoded in {cpu:.2f} s CPU ({wall:.2f} s wall): "
        f"{resolved / cpu:,.0f} mentions/s; {toponyms:,} toponyms resolved in context: {toponyms / cpu:,.0f} toponyms/s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", default=None, help="Gazetteer file (default: the user's).")
    parser.add_argument("--n", type=int, default=5000, help="Generated reports.")
    parser.add_argument("--gold", default=None, help="Also time the texts of this JSONL file.")
    parser.add_argument("--limit", type=int, default=5000, help="At most this many texts from --gold.")
    args = parser.parse_args()

    started = time.perf_counter()
    gazetteer = Gazetteer(args.gazetteer)
    geocoder = Geocoder(gazetteer=gazetteer)
    ready = time.perf_counter() - started
    print(f"gazetteer {gazetteer.path}: ready in {ready:.2f} s")

    rng = random.Random(7)
    towns = _towns(gazetteer.path, args.n, rng)
    docs = _documents([_report(rng, town, admin) for town, admin in towns])
    _print("generated reports", docs, _time(geocoder, docs))

    if args.gold:
        texts = []
        with open(args.gold, encoding="utf-8") as handle:
            for line in handle:
                texts.append(json.loads(line)["text"])
                if len(texts) >= args.limit:
                    break
        docs = _documents(texts)
        _print(args.gold, docs, _time(geocoder, docs))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
