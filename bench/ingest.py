"""Ingest benchmark: N generated documents, half plain text and half HTML, into a fresh SQLite store.

Prints documents/second and peak memory (max RSS). Each size runs in its own process, so the
peak memory of 2,000 and 10,000 documents can be compared: it must not grow with N.

    python bench/ingest.py            # 2,000 and 10,000 documents
    python bench/ingest.py --n 50000
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Gao", "Kidal", "Mopti", "Djibo", "Tillaberi", "Maiduguri", "Beni", "Kandahar", "Idlib", "Marawi"]
ACTORS = ["gunmen", "soldiers", "militants", "police", "rebels", "an armed group", "protesters"]
VERBS = ["killed", "attacked", "abducted", "clashed with", "fired on", "dispersed"]


def _report(rng: random.Random, n: int) -> str:
    sentences = [
        f"On {rng.randint(1, 28)} May 2024, {rng.choice(ACTORS)} {rng.choice(VERBS)} "
        f"{rng.randint(1, 40)} people in {rng.choice(PLACES)}, report number {n}."
    ]
    sentences += [
        f"{rng.choice(['Witnesses', 'Officials', 'Residents'])} said {rng.choice(ACTORS)} "
        f"{rng.choice(VERBS)} villagers near {rng.choice(PLACES)}."
        for _ in range(rng.randint(3, 12))
    ]
    return " ".join(sentences)


def generate(folder: Path, n: int) -> None:
    rng = random.Random(42)
    for i in range(n):
        text = _report(rng, i)
        if i % 2:
            page = (
                f"<html><head><title>Report {i}</title></head><body><nav>Home | World</nav>"
                f"<article><h1>Report {i}</h1><p>{text}</p></article><footer>(c) Example</footer></body></html>"
            )
            (folder / f"{i:06d}.html").write_text(page)
        else:
            (folder / f"{i:06d}.txt").write_text(text)


WORKERS = 2  # this machine's cores


def measure(n: int) -> None:
    from conflictdb.ingest import read, store_items
    from conflictdb.store import SQLiteStore

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "docs"
        folder.mkdir()
        generate(folder, n)
        store = SQLiteStore(Path(tmp) / "bench.db")
        start = time.perf_counter()
        report = store_items(store, read([str(folder)], workers=WORKERS))
        elapsed = time.perf_counter() - start
        store.close()
    assert report.new_documents == n, report.summary()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"ingest  n={n:>7,}  {n / elapsed:8,.0f} documents/s  ({elapsed:.1f} s)  "
        f"peak memory {peak_mb:.0f} MB (main), {worker_mb:.0f} MB (largest of {WORKERS} workers)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, nargs="*", default=[2_000, 10_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        measure(args.one)
        return
    for n in args.n:
        subprocess.run([sys.executable, __file__, "--one", str(n)], check=True)


if __name__ == "__main__":
    main()
