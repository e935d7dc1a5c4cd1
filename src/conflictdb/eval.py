"""Scoring extraction against human-coded events (the format of ../shared/bench/dev.jsonl).

Each line: {"id", "set", "text", "published", "gold": {ACLED columns | MUC-4 slots}}. The first
event the pipeline returns is compared field by field with `gold`; a gold key that is absent is not
scored. Names are compared lower-cased, without '(2012-)' validity periods; 'A: B' answers to
either part. The file is streamed, never loaded whole.
"""

from __future__ import annotations

import collections
import functools
import json
import math
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from conflictdb.errors import InputError
from conflictdb.models import Actor, Document, Mention, Span

if TYPE_CHECKING:
    from conflictdb.extract.actor_registry import Entry

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
# Actors that name no organisation: their words are MUC-4's 'perpetrator individuals' ('guerrillas').
_GENERIC = re.compile(r"^(?:civilians|unidentified|protesters|rioters|islamist militia|\{country\})", re.IGNORECASE)


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


def _muc_forms(value: str) -> set[str]:
    text = " ".join(value.lower().replace('"', " ").replace("[", "(").replace("]", ")").split())
    text = re.sub(r"^the\s+", "", text)
    forms = {text}
    # a bracket glosses a name: 'eln [army of national liberation] guerrillas', 'farabundo marti national
    # liberation front [fmln]'; the name is either form, with or without the words after it
    m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*(.*)$", text)
    if m:
        name, gloss, rest = m.groups()
        forms.add(f"{name} {rest}")
        if len(name.split()) == 1 or len(gloss.split()) == 1:
            forms.update({name, gloss, f"{gloss} {rest}"})
    return {f.strip() for f in forms if f.strip()}


def _muc_match(predicted: set[str], gold_entity: list[str]) -> bool:
    gold_forms = set().union(*(_muc_forms(g) for g in gold_entity)) if gold_entity else set()
    return any(p == g or (len(g) > 3 and re.search(rf"\b{re.escape(g)}\b", p)) for p in predicted for g in gold_forms)


# MUC-4 templates are terrorist incidents: attacks on civilians, bombings, kidnappings, arson. A battle
# between two armed sides, an air strike, a riot, a protest, an arrest or an agreement is none.
_TERROR_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
_MILITARY_OPERATIONS = frozenset({"Air/drone strike"})
# Words that name no one in particular: a claim 'by the group' names no organisation.
_NO_NAME = frozenset({
    "the", "a", "an", "this", "that", "group", "groups", "organization", "organisation", "guerrillas", "guerrilla",
    "rebels", "rebel", "terrorists", "terrorist", "men", "people", "persons", "someone", "unknown", "unidentified",
    "armed", "clandestine", "its", "their", "it", "they", "those", "these",
})  # fmt: skip


def _perpetrators(doc: Document) -> tuple[list[set[str]], list[set[str]]]:
    """Organisations and individuals the pipeline names as perpetrators of terrorist incidents: actor1 of
    new attacks on civilians and bombings, whoever claims an attack, and whoever is accused of one. An
    organisation is one entity, named by every form the document gives it (the registry's name, the text's
    words for it)."""
    orgs: dict[str, set[str]] = {}
    people: list[set[str]] = []
    for mention in doc.mentions:
        if mention.background:
            continue
        # a claim of responsibility names a perpetrator, whatever the event; so does an accusation of an act
        # (MUC-4's perpetrators include the 'suspected or accused'). They are read from the whole story, so
        # an old incident that heads it (one dated by its year) does not date them.
        for response in mention.responses:
            words = {"claim_of_responsibility": response.by, "accusation": response.against}.get(response.kind, "")
            words = words.strip()
            organisation = _ORGANISATION.search(words) or _ACRONYM.search(words) or _known_group(words)
            if response.kind == "accusation" and not organisation:
                continue  # one accused person ('Gonzalez', 'certain officers') is no organisation
            if words and set(words.lower().split()) - _NO_NAME:
                claimant = _claimant(doc.text, words)
                if claimant is not None:
                    orgs.setdefault(claimant[0], set()).update(claimant[1])
        if mention.event_type not in _TERROR_TYPES or mention.sub_event_type in _MILITARY_OPERATIONS:
            continue
        if _dated_history(doc.text, mention) or _spoken(doc.text, mention):
            continue
        named_by = [span.of(doc.text) for span in mention.evidence.get("actor1", ())]
        if _voice(mention) or _far_force(doc.text, mention) or _far_group(doc.text, mention):
            continue
        if _victims_side(doc.text, mention):
            continue
        if _abroad(mention):
            continue  # the act is placed outside MUC-4's nine countries (claims and accusations are read above)
        if _named_as_topic(doc.text, mention):
            continue
        for actor, spans in ((mention.actor1, named_by), *((a, []) for a in mention.assoc_actor_1)):
            if actor is None:
                continue
            if _GENERIC.match(actor.name) or not actor.name:
                if actor.words:
                    people.append(_muc_forms(actor.words))
                continue
            if not actor.known and len(actor.name.split()) < 2:
                continue  # one word the registry lacks ('Spanish', 'personnel') is no organisation's name
            if {entry.role for entry in _registry_entries().get(actor.name, ())} == {"party"}:
                continue  # a party named beside an act is its members' or victims' side; accused, it counts above
            names = (actor.name.replace("{country}", ""), actor.words, *spans, *_other_names(doc.text, actor))
            orgs.setdefault(actor.name, set()).update(*(_muc_forms(x) for x in names if x))
            # 'FMLN guerrillas', 'Extraditables hitmen': the organisation's members who did it are MUC-4's
            # perpetrator individuals
            doers = {m.group(1).lower() for x in spans if (m := _DOERS.search(x))}
            if doers:
                people.append(doers)
    # MUC-4 templates incidents in nine Latin American countries only: a group or force of another country
    # (the Contras, the forces of Nicaragua or the United States, a namesake elsewhere) is none of theirs
    return [forms for name, forms in orgs.items() if _of_muc_country(name)], people


# The countries whose terrorist incidents MUC-4 templates (its task definition).
MUC_COUNTRIES = frozenset(
    ["Argentina", "Bolivia", "Chile", "Colombia", "Ecuador", "El Salvador", "Guatemala", "Honduras", "Peru"]
)
_STATE_OF = re.compile(r"^(?:Military Forces|Police Forces|Government) of (?:the )?(.+?)(?: \(\d{4}-\d{0,4}\))?$")


def _abroad(mention: Mention) -> bool:
    """Whether the act's own place lies in a country outside MUC-4's nine."""
    place = mention.place
    return place is not None and bool(place.country) and place.country not in MUC_COUNTRIES


def _of_muc_country(name: str) -> bool:
    """Whether the actor named `name` may act in MUC-4's countries: a state's forces of one of them, a
    registry group of one of them, or an actor whose country is not known."""
    state = _STATE_OF.match(name)
    # a registry actor's own country, or else the countries it operates in ('Wagner Group' in Mali ...)
    entries = _registry_entries().get(name, ())
    own = {c for e in entries for c in ([e.country] if e.country else [c for c, _ in e.operates])}
    countries = {state.group(1)} if state else own
    return not countries or any("{" in c or c in MUC_COUNTRIES for c in countries)


@functools.cache
def _registry_entries() -> dict[str, tuple[Entry, ...]]:
    """The registry's entries by actor name (one name may stand in several regions' lists)."""
    from conflictdb.extract.actor_registry import Registry

    found: dict[str, list[Entry]] = {}
    for _, entry in Registry.load().aliases:
        entries = found.setdefault(entry.name, [])
        if entry not in entries:
            entries.append(entry)
    return {name: tuple(entries) for name, entries in found.items()}


def _voice(mention: Mention) -> bool:
    """Whether the doer's words are the event's source or a responder's ('the army said', 'the police are
    investigating'): a voice about the act, not its author (a claim of responsibility aside)."""
    words = (mention.actor1.words if mention.actor1 else "").lower()
    voices = [*mention.claimed_by, *(r.by for r in mention.responses if r.kind != "claim_of_responsibility")]
    return bool(words) and any(words in v.lower() for v in voices)


def _far_force(text: str, mention: Mention) -> bool:
    """Whether the doer is a state force that the act's own sentence never names: in a long story, the army
    or police named elsewhere (hunting the killers, telling of the act) are seldom its authors."""
    actor = mention.actor1
    triggers = mention.evidence.get("event_type", ())
    if actor is None or not actor.name.startswith(("Military Forces of", "Police Forces of")) or not triggers:
        return False
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, triggers[0].start)), default=0)
    end = _SENTENCE_END.search(text, triggers[0].end)
    stop = end.start() if end else len(text)
    return not any(start <= span.start < stop for span in mention.evidence.get("actor1", ()))


# How many sentences from the act a group may be named and still be taken for its doer: further off, in a
# long story, it is another incident's doer, a victim's party or the subject of commentary.
NEAR_SENTENCES = 4


def _far_group(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer stands more than `NEAR_SENTENCES` sentences from the act."""
    triggers = mention.evidence.get("event_type", ())
    spans = mention.evidence.get("actor1", ())
    if not triggers or not spans:
        return False
    at = triggers[0].start

    def apart(span: Span) -> int:
        low, high = min(span.start, at), max(span.start, at)
        return sum(1 for _ in _SENTENCE_END.finditer(text, low, high))

    return min(apart(span) for span in spans) > NEAR_SENTENCES


# Words after a name that make it the victims' own: 'X members were killed', 'the X policemen died'.
_SUFFERED = re.compile(
    r"[^.;:]{0,40}?\b(?:was|were|have been|has been|had been|being|been)\s+(?:\w+\s+)?(?:killed|murdered|"
    r"assassinated|injured|wounded|kidnapped|kidnaped|abducted|shot|attacked|burned|tortured|executed|massacred|"
    r"beaten|hurt)\b|\s+(?:\w+\s+)?(?:died|burned to death)\b",
    re.IGNORECASE,
)


def _victims_side(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer names the victims' side instead: whose candidate, leader or
    member someone is ('a leader of the X', 'the X mayor'), or the subject of a violent verb's passive ('the
    X policemen were killed'). The actor is read beyond the parse; a perpetrator is its doer."""
    from conflictdb.extract.actor_sides import affiliation

    spans = mention.evidence.get("actor1", ())
    if mention.actor1 is None or not spans:
        return False
    return all(affiliation(text, span) or _SUFFERED.match(text, span.end, span.end + 80) for span in spans)


# 'the demobilization of the X', 'detentions of soldiers': a noun before 'of' that is neither the group's part
# ('members of', 'a unit of') nor its act ('attacks of', 'the involvement of') makes the group a topic.
_OF_HEAD = re.compile(r"\b(\w+)\s+of\s+(?:the\s+)?(?:so-called\s+)?[\"“]?\s*$", re.IGNORECASE)
_PART_OR_ACT = re.compile(
    r"^(?:members?|units?|guerrillas?|terrorists?|rebels?|commandos?|commands?|columns?|cells?|fronts?|squads?|"
    r"groups?|forces|troops|soldiers|militants|men|fighters|elements|detachments?|patrols?|wings?|factions?|gunmen|"
    r"hitmen|personnel|agents|battalions?|brigades?|murders?|killings?|assassinations?|kidnappings?|attacks?|"
    r"bombings?|massacres?|actions?|crimes?|offensive|participation|involvement)$",
    re.IGNORECASE,
)
# 'the conditions demanded by the X': the agent of a verb of no violence.
_BY_NO_ACT = re.compile(
    r"\b(?:demanded|proposed|promoted|called|announced|offered|released|issued|signed|presented|rejected|said)"
    r"\s+by\s+(?:the\s+)?[\"“]?\s*$",
    re.IGNORECASE,
)


def _named_as_topic(text: str, mention: Mention) -> bool:
    """Whether every word that names the doer makes it a topic, not the act's author: the complement of a
    noun that is neither its part nor its act ('the demobilization of the X'), or the agent of a verb of no
    violence ('the conditions demanded by the X')."""
    spans = mention.evidence.get("actor1", ())

    def topic(span: Span) -> bool:
        before = text[max(0, span.start - 60) : span.start]
        head = _OF_HEAD.search(before)
        return bool(head and not _PART_OR_ACT.match(head.group(1))) or bool(_BY_NO_ACT.search(before))

    return mention.actor1 is not None and bool(spans) and all(topic(span) for span in spans)


# Nouns for the members of a group who act: after a group's name they are its perpetrator individuals.
_DOERS = re.compile(
    r"\b(guerrillas?|rebels?|terrorists?|subversives?|insurgents?|soldiers|troops|commandos?|gunmen|hitmen|"
    r"assassins|extremists|militants|sappers|urban commandos?|policemen)\W*$",
    re.IGNORECASE,
)


# A wire story dates its fresh incidents by the day ('today', 'on 12 January'); a date that spells out its
# year ('in November 1985', 'on 22 January 1986') recounts an earlier incident, which MUC-4 does not template.
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _dated_history(text: str, mention: Mention) -> bool:
    return any(_YEAR.search(span.of(text)) for span in mention.evidence.get("event_date", ()))


# A speaker's own words ('we must respond because the FMLN is attacking the people', a recorded interview)
# are rhetoric about the war, not a report of an incident; a claim of responsibility is read above.
_FIRST_PERSON = re.compile(r"\b(?:we|our|ourselves|i|my)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


def _spoken(text: str, mention: Mention) -> bool:
    """Whether every word that names the event stands in a first-person sentence or a recording."""
    triggers = mention.evidence.get("event_type", ())
    return bool(triggers) and all(_in_speech(text, span.start) for span in triggers)


def _in_speech(text: str, at: int) -> bool:
    if text.rfind("(BEGIN RECORDING)", 0, at) > text.rfind("(END RECORDING)", 0, at):
        return True
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, at)), default=0)
    end = _SENTENCE_END.search(text, at)
    return bool(_FIRST_PERSON.search(text, start, end.start() if end else len(text)))


# Words that make an accused phrase an organisation's: a group, a force, a cartel, a government's sectors.
_ORGANISATION = re.compile(
    r"\b(?:front|army|armed forces|air force|forces|movement|militia|brigades?|battalion|groups?|party|cartels?|"
    r"mafias?|gangs?|squads?|commandos?|sectors|organi[sz]ations?|alliance|government|regime|police|guard|services)\b",
    re.IGNORECASE,
)


# A name given with its acronym in brackets is an organisation's: 'the Federation of ... (FEMADE)'.
_ACRONYM = re.compile(r"\w\s*\(\s*[A-Z][A-Z-]{1,11}\s*(?:\)|$)")


def _known_group(words: str) -> bool:
    from conflictdb.extract.actor_registry import Registry

    return any(not m.entry.generic for m in Registry.load().match(words))


def _claimant(text: str, words: str) -> tuple[str, set[str]] | None:
    """The entity a claim names: a group the registry knows ('the ELN's Martha Elena Baron unit' is the ELN),
    with every form the text gives it, or else the claim's own words; None for a generic word ('workers')."""
    from conflictdb.extract.actor_registry import Registry

    forms = _muc_forms(words)
    found = Registry.load().match(words)
    known = [m.entry for m in found if not m.entry.generic]
    if not known:
        whole = len(found) == 1 and " ".join(found[0].words.split()).lower() == " ".join(words.split()).lower()
        return None if whole else (words.lower(), forms)
    actor = known[0].actor(words)
    names = (actor.name, *_other_names(text, actor))
    return actor.name, forms.union(*(_muc_forms(x) for x in names if x))


def _other_names(text: str, actor: Actor) -> list[str]:
    """The words a text uses elsewhere for the same actor: for a named group, every registry match of it
    ('Sendero Luminoso' beside 'Shining Path'); for a state force, 'the army', 'the armed forces' beside
    the soldiers of one sentence."""
    from conflictdb.extract.actor_registry import Registry

    if actor.name.startswith(("Military Forces of", "Police Forces of")):
        generic = "Military Forces of {country}" if actor.name.startswith("Military") else "Police Forces of {country}"
        same: tuple[str, ...] = (actor.name, generic)
    elif actor.known and not actor.generic:
        same = (actor.name,)
    else:
        return []
    return [m.words for m in Registry.load().match(text) if m.entry.name in same]


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def named_in(text: str, name: str) -> bool:
    """Whether the text gives the place's name as a whole word, ignoring case and accents."""
    folded = _fold(name).strip()
    return bool(folded) and re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", _fold(text)) is not None


def score_muc(scores: Scores, set_name: str, gold: Mapping[str, Any], doc: Document) -> None:
    """Perpetrator organisations and individuals: recall over gold entities, precision over predictions."""
    orgs, people = _perpetrators(doc)
    for slot, predicted, prefix in (
        ("perpetrator_organizations", orgs, "perp_org"),
        ("perpetrator_individuals", people, "perp_individual"),
    ):
        entities = [list(e) for e in gold.get(slot, [])]
        found = sum(1 for e in entities if any(_muc_match(p, e) for p in predicted))
        scores.add(set_name, f"{prefix}_recall", found, len(entities))
        unique = []
        for p in predicted:
            if p not in unique:
                unique.append(p)
        right = sum(1 for p in unique if any(_muc_match(p, e) for e in entities))
        scores.add(set_name, f"{prefix}_precision", right, len(unique))


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
