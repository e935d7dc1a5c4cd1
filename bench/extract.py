"""Extraction speed on both cores: ACLED-note-size texts and ~600-word news articles.

    PYTHONPATH=src python bench/extract.py [--notes 3000] [--articles 200] [--n-process 2]

Texts are generated here from templates (never copied from the benchmark data). Prints texts per
second for each kind and the peak resident memory of the process and its workers.
Targets (issue 3): >= 150 notes/s, >= 20 articles/s, peak memory <= 1.5 GB.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from conflictdb.extract import Extractor  # noqa: E402
from conflictdb.models import Document  # noqa: E402

PLACES = [
    "Gao",
    "Mopti",
    "Kidal",
    "Garissa",
    "Mandera",
    "Kisumu",
    "Tamale",
    "Bawku",
    "Maiduguri",
    "Jos",
    "Beni",
    "Goma",
]
COUNTRIES = ["Mali", "Kenya", "Ghana", "Nigeria", "Democratic Republic of Congo", "Burkina Faso"]
ACTORS = ["unidentified gunmen", "Al Shabaab militants", "JNIM fighters", "police officers", "soldiers", "bandits"]
VICTIMS = ["civilians", "villagers", "a trader", "two farmers", "a teacher", "women and children", "three herders"]
CROWDS = ["students", "traders", "teachers", "residents", "health workers", "opposition supporters"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]

NOTE_TEMPLATES = [
    "On {d} {m} 2021, {actor} attacked {victims} in {place} ({country}), killing {n} people and injuring {k}. {n} fatalities.",
    "On {d} {m} 2021, {crowd} protested in {place} town ({country}) demanding better pay and the release of colleagues. [size=no report]",
    "Around {d} {m} 2021 (as reported), {actor} clashed with {actor2} near {place}, {country}. {n} were killed on both sides.",
    "On {d} {m} 2021, an IED planted by {actor} exploded under a vehicle near {place} ({country}), wounding {k} passengers.",
    "On {d} {m} 2021, {crowd} rioted in {place} and burned tyres after police shot a man; police fired tear gas to disperse them.",
]
ARTICLE_SENTENCES = [
    "{actor} attacked {victims} in the village of {place} on Tuesday, killing at least {n} people, residents said.",
    "Witnesses told reporters that the attackers arrived on motorbikes shortly after dawn and opened fire on the market.",
    "A local official, who asked not to be named, said {k} others were injured and taken to hospital in {place}.",
    "The army said it had launched an investigation and deployed reinforcements to the area.",
    "The attack is the latest in a string of assaults on communities in the region, where armed groups have operated for years.",
    "In a statement, the government of {country} condemned the killings and promised that those responsible would be found.",
    "Humanitarian groups say the violence has forced thousands of people from their homes since the start of the year.",
    "Last month, {actor2} were accused of killing {n2} villagers in a similar attack near {place2}, an allegation they denied.",
    "Residents of {place} said they had asked for more protection after earlier threats, but no soldiers had been stationed there.",
    "The United Nations mission in {country} said it was deeply concerned by the rising number of attacks on civilians.",
    "Local leaders called for calm and urged young people not to take revenge.",
    "A spokesman for {actor2} denied any involvement in the attack and blamed rival groups.",
    "Security analysts say the groups exploit local disputes over land and grazing to recruit fighters.",
    "Markets in {place2} remained closed on Wednesday as families buried their dead.",
    "The regional governor visited the scene and said the death toll could rise as some of the injured were in critical condition.",
]


def _fill(template: str, rng: random.Random) -> str:
    actor, actor2 = rng.sample(ACTORS, 2)
    place, place2 = rng.sample(PLACES, 2)
    return template.format(
        actor=actor.capitalize() if template.startswith("{actor}") else actor,
        actor2=actor2,
        victims=rng.choice(VICTIMS),
        crowd=rng.choice(CROWDS),
        place=place,
        place2=place2,
        country=rng.choice(COUNTRIES),
        n=rng.randint(1, 40),
        n2=rng.randint(2, 30),
        k=rng.randint(1, 20),
        d=rng.randint(1, 28),
        m=rng.choice(MONTHS),
    )


def notes(count: int, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return [_fill(rng.choice(NOTE_TEMPLATES), rng) for _ in range(count)]


def articles(count: int, seed: int = 2, words: int = 600) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        sentences: list[str] = []
        while sum(len(s.split()) for s in sentences) < words:
            sentences.append(_fill(rng.choice(ARTICLE_SENTENCES), rng))
        out.append(" ".join(sentences[:4]) + "\n\n" + " ".join(sentences[4:]))
    return out


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(extractor: Extractor, texts: list[str], *, published: str = "2021-06-10") -> tuple[float, float, float]:
    """Texts per wall-clock second and per CPU-second (this process and its workers), and the peak
    memory of the workers (summed) in MB."""
    docs = [Document(id=Document.make_id(t), text=t, sha256="", published=published) for t in texts]
    start, cpu = time.perf_counter(), _cpu()
    n = sum(1 for _ in extractor.pipe(docs))
    wall = time.perf_counter() - start
    workers = sum(_peak_kb(p.pid) for p in multiprocessing.active_children()) / 1024
    extractor.close()  # waits for the workers, so that their CPU time is counted
    return n / wall, n / max(1e-9, _cpu() - cpu), workers


def _peak_kb(pid: int | None) -> int:
    """A live process's peak resident memory (VmHWM), in kB."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((x for x in status.splitlines() if x.startswith("VmHWM:")), "VmHWM: 0 kB")
    return int(line.split()[1])


def peak_mb() -> float:
    """This process's peak resident memory plus its largest finished worker's, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--n-process", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    extractor = Extractor(n_process=args.n_process, batch_size=args.batch_size)
    run(extractor, notes(50, seed=9))  # warm up: load the model
    note_rate, note_cpu, note_workers = run(extractor, notes(args.notes))
    article_rate, article_cpu, article_workers = run(extractor, articles(args.articles))
    load = os.getloadavg()[0]
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # On a shared machine the wall-clock rate depends on the neighbours; the CPU-second rate does not:
    # two idle cores give at most twice it.
    print(
        f"notes:    {note_rate:7.1f} texts/s wall, {note_cpu:7.1f} per CPU-second (target >= 150/s; {args.notes} texts of ~35 words)"
    )
    print(
        f"articles: {article_rate:7.1f} texts/s wall, {article_cpu:7.1f} per CPU-second (target >= 20/s; {args.articles} texts of ~600 words)"
    )
    print(f"load average while measuring: {load:.1f} on {os.cpu_count()} cores")
    print(f"peak memory (process + largest worker, max RSS): {peak_mb():.0f} MB   (target <= 1536 MB)")
    # forked workers share the model's pages with this process, so this sum counts them more than once
    print(f"peak memory (process + every worker, summed): {own + max(note_workers, article_workers):.0f} MB")
    print(f"n_process={args.n_process} batch_size={args.batch_size}")


if __name__ == "__main__":
    main()
