"""The linking benchmark: reports generated from coded events, so that the true clusters are known.

From the facts of gold records (date, place, actors, event type, fatalities; never their note text)
it writes, from our own templates, several differently worded reports per event (figures varying
within a credible range, dates absolute, relative or vague, places 'in X', 'near X' or only the
region), syndicated copies of some of them, and look-alike distractor events: the same place a week
later, the same day about 60 km away, the same actors in an event of another type. Each report comes
with the `Mention` that a perfect extractor would give, so linking is measured on its own; the texts
also go through the real extraction pipeline to measure it end to end.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from conflictdb.link.match import distance_km
from conflictdb.models import Actor, Document, Mention, Place, Response, Span, sha256_hex

OUTLETS = (
    "Northern Courier",
    "Radio Horizon",
    "The Frontline Post",
    "Daily Ledger",
    "Citizen Wire",
    "Regional Observer",
    "Evening Herald",
    "Crisis Monitor",
    "The Morning Star Online",
    "Valley Times",
    "Newsline Agency",
    "Coast FM",
)
COPY_OUTLETS = ("Aggregator One", "NewsNow Hub", "World Digest", "Reprint Daily", "Feed Central", "Headlines 24")
_TYPES = (
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
)
_OTHER_TYPE = {
    "Battles": "Violence against civilians",
    "Violence against civilians": "Battles",
    "Explosions/Remote violence": "Battles",
}
_SUB_FOR_OTHER = {"Battles": "Armed clash", "Violence against civilians": "Attack"}


@dataclass(frozen=True, slots=True)
class Fact:
    """One event's coded facts, as read from a gold record."""

    key: str
    event_date: date
    event_type: str
    sub_event_type: str
    actor1: Actor | None
    actor2: Actor | None
    country: str
    admin1: str
    admin2: str
    location: str
    lat: float
    lon: float
    geo_precision: int
    fatalities: int


@dataclass(frozen=True, slots=True)
class Generated:
    """One generated report: its document, the mention a perfect extractor gives, and its true cluster."""

    document: Document
    mention: Mention
    cluster: str
    distractor_of: str | None = None  # the event this one is a look-alike of


def _plain(name: str) -> str:
    """An actor's name as a report writes it: without ACLED's validity period."""
    return re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name)


def _words(actor: Actor | None, fallback: str) -> str:
    """How a report names an actor: generic ACLED names in plain words."""
    if actor is None:
        return fallback
    name = _plain(actor.name)
    for prefix, words in (
        ("Unidentified", "unidentified gunmen"),
        ("Civilians", "civilians"),
        ("Protesters", "protesters"),
        ("Rioters", "rioters"),
        ("Police Forces of", "police"),
    ):
        if name.startswith(prefix):
            return words
    return name


def _actor(name: str, inter: str) -> Actor | None:
    if not name:
        return None
    return Actor(name=name, inter=int(inter) if inter.isdigit() else 0, words=name)


def read_facts(path: str | Path, *, every: int = 1) -> list[Fact]:
    """The ACLED gold records of a bench file that have a date, a type and coordinates."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n % every:
                continue
            rec = json.loads(line)
            g = rec.get("gold", {})
            try:
                day = date.fromisoformat(g["event_date"])
                lat, lon = float(g["latitude"]), float(g["longitude"])
            except (KeyError, ValueError):
                continue
            etype = g.get("event_type", "")
            if etype == "Protests|Riots":
                etype = "Protests" if g.get("inter1") == "6" else "Riots"
            if etype not in _TYPES or not g.get("location") or not g.get("country"):
                continue
            out.append(
                Fact(
                    key=rec["id"],
                    event_date=day,
                    event_type=etype,
                    sub_event_type=g.get("sub_event_type", ""),
                    actor1=_actor(g.get("actor1", ""), g.get("inter1", "")),
                    actor2=_actor(g.get("actor2", ""), g.get("inter2", "")),
                    country=g["country"],
                    admin1=g.get("admin1", ""),
                    admin2=g.get("admin2", ""),
                    location=g["location"],
                    lat=lat,
                    lon=lon,
                    geo_precision=int(g.get("geo_precision") or 1),
                    fatalities=int(g.get("fatalities") or 0),
                )
            )
    return out


def _distinct(facts: list[Fact]) -> list[Fact]:
    """Drop events that no reader could tell apart from one kept: same family, day, and place."""
    kept: list[Fact] = []
    by_country: dict[str, list[Fact]] = {}
    for f in facts:
        near = by_country.setdefault(f.country, [])
        if any(
            abs((f.event_date - k.event_date).days) <= 10 and distance_km(f.lat, f.lon, k.lat, k.lon) <= 120
            for k in near
        ):
            continue
        near.append(f)
        kept.append(f)
    return kept


class Generator:
    """Writes reports of facts; deterministic for a seed."""

    def __init__(self, facts: list[Fact], *, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.places: dict[str, list[Fact]] = {}
        for f in facts:
            self.places.setdefault(f.country, []).append(f)

    # wording ------------------------------------------------------------------------------------

    def _date_words(self, day: date, published: date) -> tuple[str, int, date]:
        """(words, time_precision, the date a reader takes from them)."""
        r = self.rng.random()
        lag = (published - day).days
        if r < 0.45:
            return f"On {day.day} {day:%B} {day.year}", 1, day
        if r < 0.85 and 0 < lag < 7:
            return f"On {day:%A}", 1, day
        if lag == 1 and r < 0.92:
            return "Yesterday", 1, day
        return "Earlier this week", 2, published - timedelta(days=3)

    def _place_words(self, f: Fact) -> tuple[str, Place]:
        r = self.rng.random()
        base = Place(
            name=f.location,
            country=f.country,
            admin1=f.admin1 or None,
            admin2=f.admin2 or None,
            latitude=f.lat,
            longitude=f.lon,
            geo_precision=f.geo_precision,
        )
        region = f", {f.admin1}" if f.admin1 and f.admin1 != f.location else ""
        if r < 0.6:
            return f"in {f.location}{region}, {f.country}", base
        # One report in ten names only the region (ACLED codes 3% of these events at region precision).
        if r < 0.9:
            return f"near {f.location}{region}, {f.country}", replace(base, geo_precision=2)
        if f.admin1:
            where = Place(name=f.admin1, country=f.country, admin1=f.admin1, geo_precision=3)
            return f"in the {f.admin1} area of {f.country}", where
        return f"in {f.location}, {f.country}", base

    def _figure(self, n: int, *, revised: bool) -> tuple[int, int | None, str]:
        """(figure, high, words): credible variation around the coded toll."""
        if n == 0:
            return 0, None, "No casualties were reported."
        r = self.rng.random()
        if revised:
            m = n + self.rng.randint(1, max(1, n // 3))
            return m, m, f"The toll later rose to {m} dead."
        if r < 0.4:
            return n, n, f"{n} people were killed." if n > 1 else "One person was killed."
        if r < 0.75:
            return n, None, f"At least {n} people were killed." if n > 1 else "At least one person died."
        m = max(n, round(n * self.rng.uniform(1.0, 1.3)))
        return n, m, f"Between {n} and {m} people were killed." if m > n else f"{n} people died."

    def _actors_words(self, f: Fact, actor1: Actor | None, actor2: Actor | None) -> str:
        a1 = _words(actor1, "gunmen")
        a2 = _words(actor2, "")
        t, sub = f.event_type, f.sub_event_type
        if t == "Battles":
            return f"{a1} clashed with {a2 or 'an armed group'}"
        if t == "Violence against civilians":
            if sub == "Abduction/forced disappearance":
                return f"{a1} abducted several villagers"
            return f"{a1} opened fire on civilians"
        if t == "Explosions/Remote violence":
            verb = {
                "Air/drone strike": "carried out an air strike",
                "Shelling/artillery/missile attack": "shelled positions",
                "Remote explosive/landmine/IED": "detonated a roadside bomb",
                "Suicide bomb": "sent a suicide bomber who blew himself up",
                "Grenade": "threw a grenade at a crowd",
            }.get(sub, "carried out a bombing")
            return f"{a1} {verb}"
        if t == "Protests":
            return f"{a1 if actor1 else 'protesters'} held a demonstration"
        if t == "Riots":
            return f"{a1 if actor1 else 'rioters'} rioted, clashing with {a2 or 'residents'}"
        return f"{a1} established a new base"

    # reports ------------------------------------------------------------------------------------

    def report(
        self, f: Fact, cluster: str, *, lag: int, revised: bool = False, distractor_of: str | None = None
    ) -> Generated:
        """One report of `f`, published `lag` days after it."""
        rng = self.rng
        published = f.event_date + timedelta(days=lag)
        outlet = rng.choice(OUTLETS)
        date_words, precision, read_date = self._date_words(f.event_date, published)
        place_words, place = self._place_words(f)
        fat, high, fat_words = self._figure(f.fatalities, revised=revised)
        actor1 = f.actor1 if rng.random() < 0.85 else None
        actor2 = f.actor2 if rng.random() < 0.85 else None
        opening = f"{date_words}, {self._actors_words(f, actor1, actor2)} {place_words}."
        status = "alleged" if rng.random() < 0.2 else "reported"
        sentences = [opening, fat_words, f"{outlet} reported the incident, citing local sources."]
        if status == "alleged":
            sentences[0] = opening.replace(", ", ", it is alleged that ", 1)
        responses: list[Response] = []
        if f.event_type != "Protests" and rng.random() < 0.15:
            text_so_far = f"({outlet}) - " + " ".join(sentences) + " "
            words = "Authorities said an investigation had been opened."
            responses.append(
                Response("investigation", "authorities", Span(len(text_so_far), len(text_so_far) + len(words)))
            )
            sentences.append(words)
        title = f"{f.event_type} reported in {f.location}" if rng.random() < 0.5 else f"{place.name}: {fat} dead"
        text = f"({outlet}) - " + " ".join(sentences)
        doc = Document(
            id=Document.make_id(text),
            text=text,
            sha256=sha256_hex(text.encode()),
            title=title,
            outlet=outlet,
            published=published.isoformat(),
            external_id=f"gen-{cluster}-{rng.randrange(10**9)}",
        )
        mention = Mention(
            document_id=doc.id,
            index=0,
            event_type=f.event_type,
            sub_event_type=f.sub_event_type if rng.random() < 0.8 else "",
            event_date=read_date.isoformat(),
            time_precision=precision,
            actor1=actor1,
            actor2=actor2,
            civilian_targeting=f.event_type == "Violence against civilians"
            or (actor2 is not None and actor2.inter == 7),
            place=place,
            fatalities=fat,
            fatalities_low=fat,
            fatalities_best=fat,
            fatalities_high=high,
            status=status,
            responses=tuple(responses),
        )
        return Generated(doc, mention, cluster, distractor_of)

    def copy(self, g: Generated) -> Generated:
        """A syndicated copy: the same text under another outlet and headline, a day later or the same day."""
        outlet = self.rng.choice(COPY_OUTLETS)
        text = (
            g.document.text.replace(g.document.outlet or "", outlet, 1)
            if self.rng.random() < 0.3
            else g.document.text + f" (Republished by {outlet}.)"
        )
        published = date.fromisoformat(g.document.published or "2000-01-01") + timedelta(days=self.rng.randint(0, 1))
        doc = replace(
            g.document,
            id=Document.make_id(text),
            text=text,
            sha256=sha256_hex(text.encode()),
            outlet=outlet,
            title=f"{outlet}: {g.document.title}",
            published=published.isoformat(),
            external_id=f"{g.document.external_id}-copy-{outlet[:4]}",
        )
        return Generated(doc, replace(g.mention, document_id=doc.id), g.cluster, g.distractor_of)

    def _nearby(self, f: Fact) -> Fact | None:
        """The same event at a known place of the same country 50-80 km away (a real name, so that a
        geocoder can place it), with that place's own toll; None where the gold data has no such place."""
        options = [
            p
            for p in self.places.get(f.country, ())
            if p.location != f.location and 50 <= distance_km(f.lat, f.lon, p.lat, p.lon) <= 80
        ]
        if not options:
            return None
        p = self.rng.choice(sorted(options, key=lambda p: p.key))
        return replace(
            f,
            location=p.location,
            admin1=p.admin1,
            admin2=p.admin2,
            lat=p.lat,
            lon=p.lon,
            geo_precision=1,
            fatalities=p.fatalities,
        )

    def event(self, f: Fact) -> Iterator[Generated]:
        """The reports of one event, their copies, and its distractors with their reports."""
        rng = self.rng
        n = rng.choices((1, 2, 3, 4, 5), weights=(1, 3, 3, 2, 1))[0]
        made = []
        for i in range(n):
            made.append(self.report(f, f.key, lag=rng.randint(1, 3), revised=i > 0 and rng.random() < 0.15))
        for g in list(made):
            if rng.random() < 0.3:
                made += [self.copy(g) for _ in range(rng.randint(1, 3))]
        yield from made
        looks: list[tuple[str, Fact]] = []
        if rng.random() < 0.35:
            later = replace(
                f, event_date=f.event_date + timedelta(days=7), fatalities=max(0, f.fatalities + rng.choice((-1, 1, 2)))
            )
            looks.append(("week", later))
        if rng.random() < 0.35:
            nearby = self._nearby(f)
            if nearby is not None:
                looks.append(("near", nearby))
        if f.event_type in _OTHER_TYPE and rng.random() < 0.35:
            other = _OTHER_TYPE[f.event_type]
            looks.append(
                (
                    "type",
                    replace(
                        f,
                        event_type=other,
                        sub_event_type=_SUB_FOR_OTHER[other],
                        event_date=f.event_date + timedelta(days=rng.randint(0, 2)),
                        fatalities=f.fatalities + rng.randint(1, 5),
                    ),
                )
            )
        for kind, look in looks:
            key = f"{f.key}~{kind}"
            for _ in range(rng.choice((1, 2))):
                yield self.report(replace(look, key=key), key, lag=rng.randint(1, 3), distractor_of=f.key)


def generate(facts: Iterable[Fact], *, events: int = 500, seed: int = 7) -> list[Generated]:
    """Reports of `events` distinct sampled events, with copies and distractors, in a shuffled order."""
    pool = list(facts)
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen = _distinct(pool)[:events]
    gen = Generator(pool, seed=seed)
    out, seen = [], set()
    for g in (g for f in sorted(chosen, key=lambda f: f.key) for g in gen.event(f)):
        if g.document.id not in seen:  # two identical reports are one document
            seen.add(g.document.id)
            out.append(g)
    random.Random(seed + 1).shuffle(out)
    return out


@dataclass(frozen=True, slots=True)
class Scores:
    pairwise_precision: float
    pairwise_recall: float
    pairwise_f1: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    items: int
    distractor_pairs: int
    distractors_merged: int


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(predicted: dict[str, str], gold: dict[str, str], *, distractor_of: dict[str, str] | None = None) -> Scores:
    """Pairwise and B-cubed scores of predicted clusters (item -> label) against gold ones, on gold's items."""
    items = [i for i in gold if i in predicted]
    pred = {i: predicted[i] for i in items}
    joint: dict[tuple[str, str], int] = {}
    psize: dict[str, int] = {}
    gsize: dict[str, int] = {}
    for i in items:
        joint[(pred[i], gold[i])] = joint.get((pred[i], gold[i]), 0) + 1
        psize[pred[i]] = psize.get(pred[i], 0) + 1
        gsize[gold[i]] = gsize.get(gold[i], 0) + 1

    def pairs(n: int) -> int:
        return n * (n - 1) // 2

    tp = sum(pairs(n) for n in joint.values())
    pp = sum(pairs(n) for n in psize.values())
    gp = sum(pairs(n) for n in gsize.values())
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    # B-cubed: for each item, the share of its predicted cluster in its gold cluster, and back.
    bp = sum(n * n / psize[pl] for (pl, _), n in joint.items()) / len(items) if items else 1.0
    br = sum(n * n / gsize[gl] for (_, gl), n in joint.items()) / len(items) if items else 1.0
    merged = total = 0
    if distractor_of:
        clusters_of: dict[str, set[str]] = {}
        for i in items:
            clusters_of.setdefault(gold[i], set()).add(pred[i])
        for look, original in sorted(set(distractor_of.items())):
            if look in clusters_of and original in clusters_of:
                total += 1
                merged += bool(clusters_of[look] & clusters_of[original])
    return Scores(p, r, _f1(p, r), bp, br, _f1(bp, br), len(items), total, merged)


def _store_and_link(gens: list[Generated], mentions: dict[str, list[Mention]]) -> dict[str, str]:
    """Link through the real stage, on a scratch store: mention id -> incident id."""
    from conflictdb.link.stage import link
    from conflictdb.models import Source
    from conflictdb.store.sqlite import SQLiteStore

    with SQLiteStore(":memory:") as store:
        for g in gens:
            doc = g.document
            store.add_document(
                doc,
                original=doc.text.encode(),
                source=Source(
                    uri=f"bench:{doc.external_id}",
                    retrieved="2000-01-01T00:00:00+00:00",
                    sha256=doc.sha256,
                    media_type="text/plain",
                    external_id=doc.external_id,
                    outlet=doc.outlet,
                ),
            )
            store.save_extraction(doc.id, (), mentions.get(doc.id, ()))
        link(store)
        return {mid: inc.id for inc in store.incidents() for mid in inc.mention_ids}


@dataclass(frozen=True, slots=True)
class Evaluation:
    events: int
    reports: int
    copies: int
    distractors: int
    linker: Scores
    end_to_end: Scores | None
    end_to_end_note: str


def evaluate(
    path: str | Path,
    *,
    events: int = 500,
    every: int = 1,
    seed: int = 7,
    end_to_end: bool = True,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
) -> Evaluation:
    """Generate the benchmark from a gold file and measure linking: on perfect mentions, then end to end."""
    gens = generate(read_facts(path, every=every), events=events, seed=seed)
    gold = {g.mention.id: g.cluster for g in gens}
    looks = {g.cluster: g.distractor_of for g in gens if g.distractor_of}
    linked = _store_and_link(gens, {g.document.id: [g.mention] for g in gens})
    linker_scores = score(linked, gold, distractor_of=looks)
    e2e: Scores | None = None
    note = ""
    if end_to_end:
        try:
            from conflictdb.pipeline import analyze, document_stages

            stages = document_stages(model=model, gazetteer=gazetteer)
        except Exception as exc:  # noqa: BLE001 - any failure to build the stages means "not available yet"
            note = f"end to end: not run, the extraction stages are not available ({type(exc).__name__}: {exc})"
        else:
            analyzed = {d.id: d for d in analyze((g.document for g in gens), stages)}
            main = {}
            for doc in analyzed.values():
                first = next((m for m in doc.mentions if not m.background), None)
                if first is not None:
                    main[doc.id] = first
            e2e_gold = {main[g.document.id].id: g.cluster for g in gens if g.document.id in main}
            mentions = {d: list(analyzed[d].mentions) for d in analyzed}
            e2e = score(_store_and_link(gens, mentions), e2e_gold, distractor_of=looks)
            note = f"end to end: {len(main)} of {len(gens)} reports gave a main event"
    return Evaluation(
        events=len({g.cluster for g in gens if not g.distractor_of}),
        reports=len(gens),
        copies=sum(1 for g in gens if "-copy-" in (g.document.external_id or "")),
        distractors=len(looks),
        linker=linker_scores,
        end_to_end=e2e,
        end_to_end_note=note,
    )


def format_scores(label: str, s: Scores) -> str:
    return (
        f"{label}: pairwise P {s.pairwise_precision:.3f} R {s.pairwise_recall:.3f} F1 {s.pairwise_f1:.3f} | "
        f"B-cubed P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} F1 {s.bcubed_f1:.3f} | "
        f"distractors merged {s.distractors_merged} of {s.distractor_pairs} | {s.items} mentions"
    )


def report_lines(ev: Evaluation) -> list[str]:
    """The evaluation as lines for the terminal."""
    lines = [
        f"linking benchmark: {ev.events} events, {ev.reports} reports ({ev.copies} syndicated copies), "
        f"{ev.distractors} look-alike distractor events",
        format_scores("linker (mentions from the known facts)", ev.linker),
    ]
    if ev.end_to_end is not None:
        lines.append(format_scores("end to end (extraction + geocoding + linking)", ev.end_to_end))
    if ev.end_to_end_note:
        lines.append(ev.end_to_end_note)
    return lines
