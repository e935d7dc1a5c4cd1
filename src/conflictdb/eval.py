"""Scoring extraction against human-coded events (the format of ../shared/bench/dev.jsonl).

Each line: {"id", "set", "text", "published", "gold": {ACLED columns | MUC-4 slots}}. The first
event the pipeline returns is compared field by field with `gold`; a gold key that is absent is not
scored. Names are compared lower-cased, without '(2012-)' validity periods; 'A: B' answers to
either part. The file is streamed, never loaded whole.
"""

from __future__ import annotations

import collections
import json
import math
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from conflictdb.errors import InputError
from conflictdb.eval_muc import score_muc
from conflictdb.models import Actor, Document, Mention

ACLED_FIELDS = (
    "event_type",
    "sub_event_type",
    "fatalities",
    "actor1",
    "actor_pair_f1",
    "country",
    "admin1",
    "location",
    "coords_25km",
    "coords_100km",
    "event_date",
    "civilian_targeting",
)
MUC_FIELDS = ("perp_org_recall", "perp_org_precision", "perp_individual_recall", "perp_individual_precision")
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")


def name_forms(name: str) -> set[str]:
    """The forms a name answers to: lower-cased, periods dropped, and each part of 'A: B'."""
    base = " ".join(_PERIOD.sub("", name).lower().replace("’", "'").split())
    forms = {base} if base else set()
    if ": " in base:
        forms.update(part.strip() for part in base.split(": ", 1) if part.strip())
    return forms


def names_match(predicted: str | None, gold: str | None) -> bool:
    """ACLED name comparison; two empty names agree."""
    if not gold:
        return not predicted
    if not predicted:
        return False
    return bool(name_forms(predicted) & name_forms(gold))


def _localized(actor: Actor | None, mention: Mention) -> str:
    if actor is None:
        return ""
    return actor.localize(mention.country).name


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _norm(value: str | None) -> str:
    return " ".join((value or "").lower().replace("-", " ").split())


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


@dataclass
class Scores:
    """Running tallies: (set, field) -> [right, counted]."""

    tallies: dict[tuple[str, str], list[float]] = field(
        default_factory=lambda: collections.defaultdict(lambda: [0.0, 0])
    )
    documents: int = 0
    seconds: float = 0.0
    places: list[tuple[str, float, float]] = field(default_factory=list)
    # gold location names, and how many of them the text itself gives: the rest can only be inferred
    locations: int = 0
    locations_named: int = 0

    def add(self, set_name: str, name: str, right: float, counted: int = 1) -> None:
        for key in ((set_name, name), ("all", name)):
            tally = self.tallies[key]
            tally[0] += right
            tally[1] += counted

    def value(self, set_name: str, name: str) -> tuple[float | None, int]:
        right, counted = self.tallies.get((set_name, name), [0.0, 0])
        return (right / counted if counted else None), int(counted)

    def sets(self) -> list[str]:
        names = sorted({s for s, _ in self.tallies if s != "all"})
        return [*names, "all"]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"documents": self.documents, "seconds": round(self.seconds, 2)}
        out["documents_per_second"] = round(self.documents / self.seconds, 2) if self.seconds else None
        out["sets"] = {}
        for set_name in self.sets():
            row: dict[str, Any] = {}
            for name in (*ACLED_FIELDS, *MUC_FIELDS):
                value, counted = self.value(set_name, name)
                if counted:
                    row[name] = {"score": round(value or 0.0, 4), "n": counted}
            out["sets"][set_name] = row
        out["locations_named_in_text"] = round(self.locations_named / self.locations, 4) if self.locations else None
        return out


def score_acled(
    scores: Scores, set_name: str, gold: Mapping[str, Any], mention: Mention | None, *, text: str = ""
) -> None:
    """Compare the main event with one ACLED record (`text` is the record's text, for the reach diagnostics)."""
    if "event_type" in gold:
        allowed = set(gold["event_type"].split("|"))
        scores.add(set_name, "event_type", float(mention is not None and mention.event_type in allowed))
    if gold.get("sub_event_type") and gold.get("taxonomy", "current") == "current":
        scores.add(
            set_name, "sub_event_type", float(mention is not None and mention.sub_event_type == gold["sub_event_type"])
        )
    if "fatalities" in gold and str(gold["fatalities"]).strip().lstrip("-").isdigit():
        count = (mention.fatalities or 0) if mention is not None else 0
        scores.add(set_name, "fatalities", float(count == int(gold["fatalities"])))
    if "actor1" in gold:
        predicted = _localized(mention.actor1, mention) if mention else ""
        scores.add(set_name, "actor1", float(names_match(predicted, gold["actor1"])))
    if "actor1" in gold and "actor2" in gold:
        gold_actors = [a for a in (gold["actor1"], gold["actor2"]) if a]
        pred_actors = [
            a
            for a in ((_localized(mention.actor1, mention), _localized(mention.actor2, mention)) if mention else ())
            if a
        ]
        unmatched = list(gold_actors)
        tp = 0
        for p in pred_actors:
            hit = next((g for g in unmatched if names_match(p, g)), None)
            if hit is not None:
                unmatched.remove(hit)
                tp += 1
        total = len(gold_actors) + len(pred_actors)
        scores.add(set_name, "actor_pair_f1", (2 * tp / total) if total else 1.0)
    place = mention.place if mention else None
    if "country" in gold:
        scores.add(set_name, "country", float(place is not None and _norm(place.country) == _norm(gold["country"])))
    if gold.get("admin1"):
        scores.add(set_name, "admin1", float(place is not None and _norm(place.admin1) == _norm(gold["admin1"])))
    if gold.get("location"):
        scores.add(set_name, "location", float(place is not None and _norm(place.name) == _norm(gold["location"])))
        scores.locations += 1
        scores.locations_named += named_in(text, gold["location"])
    lat, lon = _float(gold.get("latitude")), _float(gold.get("longitude"))
    if lat is not None and lon is not None:
        if gold.get("location"):
            scores.places.append((gold["location"], lat, lon))
        km = math.inf
        if place is not None and place.latitude is not None and place.longitude is not None:
            km = _km(lat, lon, place.latitude, place.longitude)
        scores.add(set_name, "coords_25km", float(km <= 25))
        scores.add(set_name, "coords_100km", float(km <= 100))
    if gold.get("event_date"):
        scores.add(set_name, "event_date", float(mention is not None and mention.event_date == gold["event_date"]))
    if "civilian_targeting" in gold:
        coded = str(gold["civilian_targeting"]).strip().lower() in ("1", "true", "yes", "civilian targeting")
        scores.add(set_name, "civilian_targeting", float(mention is not None and mention.civilian_targeting == coded))


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def named_in(text: str, name: str) -> bool:
    """Whether the text gives the place's name as a whole word, ignoring case and accents."""
    folded = _fold(name).strip()
    return bool(folded) and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", _fold(text)) is not None


def read_gold(
    path: str | Path, *, limit: int | None = None, sample_every: int = 1, set_name: str | None = None
) -> Iterator[dict[str, Any]]:
    """Records of a gold file, streamed: every `sample_every`-th line of set `set_name`, at most `limit`."""
    taken = 0
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh):
            if sample_every > 1 and number % sample_every:
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"line {number + 1}: not JSON ({exc.msg})", uri=str(path), stage="eval") from exc
            if set_name and not str(record.get("set", "")).startswith(set_name):
                continue
            yield record
            taken += 1
            if limit is not None and taken >= limit:
                return


def document(record: Mapping[str, Any]) -> Document:
    """A Document for one gold record: its text and publication date."""
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"record {record.get('id')!r} has no text", stage="eval")
    return Document(
        id=Document.make_id(text),
        text=text,
        sha256="",
        published=record.get("published") or None,
        outlet=record.get("source") or None,
        external_id=record.get("id"),
    )


def evaluate(
    records: Iterable[Mapping[str, Any]],
    *,
    model: str | Path | None = None,
    gazetteer: str | Path | None = None,
    progress: Any = None,
) -> Scores:
    """Run the pipeline's document stages over `records` and score each main event."""
    from conflictdb.pipeline import analyze, document_stages

    scores = Scores()
    pending: collections.deque[Mapping[str, Any]] = collections.deque()

    def docs() -> Iterator[Document]:
        for record in records:
            pending.append(record)
            yield document(record)

    stages = document_stages(model=model, gazetteer=gazetteer)
    start = time.perf_counter()
    for doc in analyze(docs(), stages):
        record = pending.popleft()
        set_name = str(record.get("set") or "default")
        gold = record.get("gold") or {}
        if "perpetrator_organizations" in gold or "perpetrator_individuals" in gold:
            score_muc(scores, set_name, gold, doc)
        else:
            main = next((m for m in doc.mentions if not m.background), None)
            score_acled(scores, set_name, gold, main, text=doc.text)
        scores.documents += 1
        if progress is not None:
            progress.update(1)
    scores.seconds = time.perf_counter() - start
    return scores


def report(scores: Scores, out: TextIO, *, ceiling: float | None = None) -> None:
    """The scores as a table: fields down, sets across."""
    sets = scores.sets()
    width = max(12, *(len(s) for s in sets))
    out.write("field".ljust(26) + "".join(s[-width:].rjust(width + 2) for s in sets) + "\n")
    for name in (*ACLED_FIELDS, *MUC_FIELDS):
        cells = []
        for set_name in sets:
            value, counted = scores.value(set_name, name)
            cells.append(f"{value:.3f} ({counted})" if counted else "-")
        if any(c != "-" for c in cells):
            out.write(name.ljust(26) + "".join(c.rjust(width + 2) for c in cells) + "\n")
    if ceiling is not None:
        out.write(f"gazetteer ceiling (gold places the gazetteer holds within 25 km): {ceiling:.3f}\n")
    if scores.locations:
        share = scores.locations_named / scores.locations
        out.write(f"gold location names that the text itself gives (any other must be inferred): {share:.3f}\n")
    rate = scores.documents / scores.seconds if scores.seconds else 0.0
    out.write(f"documents: {scores.documents} in {scores.seconds:.1f} s = {rate:.1f} documents/second\n")
