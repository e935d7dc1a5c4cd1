"""The geocoding stage: each mention's place, at the precision its text allows.

Reads `Document.text`, `sentences` (commentary is skipped) and each mention's `evidence["event_type"]`
(the trigger) and actors; sets `Mention.place`, `evidence["location"]` (plus "country" and "admin1"
where the text names them apart) and localizes generic actors ('Civilians ({country})').
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from pathlib import Path

from conflictdb.geocode.gazetteer import Entry, Gazetteer, ascii_name, bare_name, distance_km, fold, open_gazetteer
from conflictdb.geocode.resolve import Reading, Toponym, admin_keys, find_toponyms, resolve
from conflictdb.models import Actor, Document, Mention, Place, Span

_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")
_DATELINE_RE = re.compile(
    r"^\s*([A-Z][A-Za-z'\-]+(?:[ ][A-Z][A-Za-z'\-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+)?\s*"
    r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d)|\((?:AFP|Reuters|AP|Xinhua|IRIN)\)|[—–-]{1,2}\s)"
)

# ACLED geo_precision and UCDP where_prec by what the place is.
_PRECISION = {"place": (1, 1), "near": (2, 2), "admin2": (2, 3), "admin1": (3, 4), "country": (3, 6)}


class Geocoder:
    """A callable `Document -> Document` that sets each mention's place."""

    def __init__(self, *, gazetteer: str | Path | Gazetteer | None = None) -> None:
        self.gazetteer = open_gazetteer(gazetteer)
        self._admin_keys = admin_keys(self.gazetteer)
        self._country_by_name = {
            fold(name): cc for cc, (name, *_rest) in self.gazetteer.countries.items()
        }

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        reading = self.read(doc.text)
        mentions = tuple(self._geocode(doc, mention, reading) for mention in doc.mentions)
        return dataclasses.replace(doc, mentions=mentions)

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        return map(self, docs)

    def locate(self, text: str, *, trigger: Span | None = None) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """The place of the event a text reports (its trigger, when given), without a Document."""
        doc = Document(id=Document.make_id(text), text=text, sha256="")
        mention = Mention(document_id=doc.id, index=0, event_type="", evidence={"event_type": (trigger,)} if trigger else {})
        return self.place_for(doc, mention, self.read(text))

    def read(self, text: str, *, actor_countries: tuple[str, ...] = ()) -> Reading:
        """The toponyms of a text, resolved."""
        reading = find_toponyms(text, self.gazetteer)
        resolve(reading, admin_keys=self._admin_keys, actor_countries=actor_countries)
        return reading

    def _actor_countries(self, mention: Mention) -> tuple[str, ...]:
        ccs = []
        for actor in _actors(mention):
            if actor.country and (cc := self._country_by_name.get(fold(actor.country))):
                ccs.append(cc)
        return tuple(ccs)

    def _geocode(self, doc: Document, mention: Mention, reading: Reading) -> Mention:
        actor_ccs = self._actor_countries(mention)
        if actor_ccs:
            resolve(reading, admin_keys=self._admin_keys, actor_countries=actor_ccs)
        place, evidence = self.place_for(doc, mention, reading, actor_countries=actor_ccs)
        country = place.country
        return dataclasses.replace(
            mention,
            place=place,
            evidence={**mention.evidence, **evidence},
            actor1=mention.actor1.localize(country) if mention.actor1 else None,
            actor2=mention.actor2.localize(country) if mention.actor2 else None,
            assoc_actor_1=tuple(a.localize(country) for a in mention.assoc_actor_1),
            assoc_actor_2=tuple(a.localize(country) for a in mention.assoc_actor_2),
        )

    def place_for(
        self, doc: Document, mention: Mention | None, reading: Reading, *, actor_countries: tuple[str, ...] = ()
    ) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """The place nearest the mention's trigger, with its evidence."""
        top = self._pick(doc, mention, reading)
        votes = reading.votes.copy()
        for cc in actor_countries:
            votes[cc] += 3.0
        if top is None:
            dateline = self._dateline(doc.text)
            if dateline is not None:
                top = dateline
        if top is not None and top.chosen is not None and not self._contradicted(top):
            return self._from_entry(top, reading)
        if top is not None and top.context:
            return self._from_context(top, reading)
        # no place named: the country the text is about, if it says
        for t in reading.toponyms:
            if t.chosen is not None:
                votes[t.chosen.cc] += 1.0 if t.cued else 0.5
        if votes:
            cc = votes.most_common(1)[0][0]
            return self._country_place(cc, reading)
        return Place(name="", how="unresolved"), {}

    def _pick(self, doc: Document, mention: Mention | None, reading: Reading) -> Toponym | None:
        sentences = [(s.span.start, s.span.end, s.label) for s in doc.sentences] or [
            (m.start(), m.end(), None) for m in _SENTENCE_RE.finditer(doc.text)
        ]
        trigger = None
        if mention is not None and mention.evidence.get("event_type"):
            trigger = mention.evidence["event_type"][0].start

        def sentence_of(pos: int) -> int:
            for k, (start, end, _label) in enumerate(sentences):
                if start <= pos < end:
                    return k
            return len(sentences)

        trigger_sentence = sentence_of(trigger) if trigger is not None else 0
        main = _main_country(reading)
        dateline = _DATELINE_RE.match(doc.text)
        body = dateline.end(1) if dateline else 0  # the dateline's place counts only when the text names none
        ranked = []
        for top in reading.toponyms:
            if top.span.start < body:
                continue
            if top.is_context or top.designator == 0 or (top.chosen is None and not top.context):
                continue
            k = sentence_of(top.span.start)
            if k < len(sentences) and sentences[k][2] == "commentary":
                continue
            quality = 2 * top.cue + (2 if top.context else 0) + (1 if top.designator else 0)
            entry = top.chosen or next((c.chosen for c in top.context if c.chosen), None)
            unsupported = bool(reading.votes) and entry is not None and entry.cc not in reading.votes
            if top.cue < 2 and not top.context and (len(top.entries) > 3 or top.score < 2.5 or unsupported):
                continue
            foreign = entry is not None and main is not None and entry.cc != main
            if foreign and k != trigger_sentence:
                continue
            distance = abs(k - trigger_sentence) * 2 + (1 if k > trigger_sentence else 0)
            level = entry.level if top.chosen is not None and entry is not None else 3
            ranked.append((foreign, distance, -min(quality, 4), -level, top.span.start, top))
        if not ranked:
            return None
        ranked.sort(key=lambda r: r[:5])
        return ranked[0][5]

    def _dateline(self, text: str) -> Toponym | None:
        m = _DATELINE_RE.match(text)
        if not m:
            return None
        surface = m.group(1)
        reading = self.read(surface.title() if surface.isupper() else surface)
        tops = [t for t in reading.toponyms if t.chosen is not None]
        if not tops:
            return None
        top = tops[0]
        top.span = Span(m.start(1) + top.span.start, m.start(1) + top.span.end)
        top.dateline = True
        return top

    def _from_entry(self, top: Toponym, reading: Reading) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        gaz = self.gazetteer
        entry = top.chosen
        assert entry is not None
        if entry.level == 0:
            return self._country_place(entry.cc, reading, span=top.span)
        level = entry.level
        if top.designator in (1, 2) and level == 3 and entry.fclass == "P":
            level = top.designator
        seat = self._seat(entry, top) if level in (1, 2) else None
        point = seat or entry
        kind = "near" if top.near and level == 3 else {1: "admin1", 2: "admin2"}.get(level, "place")
        geo, where = _PRECISION[kind]
        name = _display(top.surface, None)
        place = Place(
            name=name,
            country=gaz.country_name(entry.cc),
            country_code=entry.cc,
            admin1=self._admin1(entry.a1, reading, top),
            admin2=gaz.admin_name(entry.a2) or (gaz.admin_name(point.a2) if seat else None),
            latitude=point.lat,
            longitude=point.lon,
            geo_precision=geo,
            where_prec=where,
            geonameid=point.gid if point.gid > 0 else None,
            how="dateline" if top.dateline else "text",
        )
        return place, self._evidence(top, reading, entry)

    def _contradicted(self, top: Toponym) -> bool:
        """Whether the units the text gives beside a toponym ('X, Donetsk') exclude the entry chosen for it."""
        entry = top.chosen
        units = [c for c in top.context if c.chosen is not None and c.chosen.level in (1, 2)]
        if entry is None or not units:
            return False
        keys = {self._admin_keys.get(entry.a1 or ""), self._admin_keys.get(entry.a2 or "")}
        return not any(c.key in keys or fold(bare_name(c.surface)) in keys for c in units)

    def _admin1(self, code: str | None, reading: Reading, location: Toponym) -> str | None:
        """The first-order unit's name, spelt as the text spells it when it does ('Erbil', not 'Arbil')."""
        for top in reading.toponyms:
            if top is not location and top.chosen is not None and top.chosen.level == 1 and top.chosen.a1 == code:
                return bare_name(ascii_name(top.surface.title() if top.surface.isupper() else top.surface))
        return self.gazetteer.admin_name(code)

    def _seat(self, unit: Entry, top: Toponym) -> Entry | None:
        """The town that shares a unit's name and lies in it: ACLED's point for 'X district'."""
        towns = [
            e
            for e in self.gazetteer.lookup(top.key)
            if e.fclass == "P" and e.cc == unit.cc and (unit.a1 is None or e.a1 == unit.a1)
            and distance_km(e.lat, e.lon, unit.lat, unit.lon) < 300
        ]
        return max(towns, key=lambda e: e.pop) if towns else None

    def _from_context(self, top: Toponym, reading: Reading) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """A village the gazetteer lacks: its own name, in the best unit the text gives beside it."""
        known = [c for c in top.context if c.chosen is not None]
        if not known:
            return Place(name=top.surface, how="unresolved"), {"location": (top.span,)}
        unit = min(known, key=lambda c: -c.chosen.level if c.chosen else 0)  # the smallest unit
        entry = unit.chosen
        assert entry is not None
        seat = self._seat(entry, unit) if entry.level in (1, 2) else None
        point = seat or entry
        geo, where = (2, 3) if entry.level >= 2 else (2, 4)
        # the second-order unit the text names beside it ('(Bankass, Mopti)'), when the gazetteer has it as one
        admin2 = next(
            (
                e.a2
                for c in known
                for e in c.entries
                if e.level == 2 and e.a2 and (entry.a1 is None or e.a1 == entry.a1)
            ),
            entry.a2 or (point.a2 if seat else None),
        )
        place = Place(
            name=top.surface,
            country=self.gazetteer.country_name(entry.cc),
            country_code=entry.cc,
            admin1=self._admin1(entry.a1, reading, top),
            admin2=self.gazetteer.admin_name(admin2),
            latitude=point.lat,
            longitude=point.lon,
            geo_precision=geo,
            where_prec=where,
            geonameid=None,
            how="text",
        )
        return place, self._evidence(top, reading, entry)

    def _country_place(
        self, cc: str, reading: Reading, *, span: Span | None = None
    ) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        name, lat, lon, gid = self.gazetteer.countries.get(cc, (cc, None, None, None))
        geo, where = _PRECISION["country"]
        place = Place(
            name=name, country=name, country_code=cc, latitude=lat, longitude=lon,
            geo_precision=geo, where_prec=where, geonameid=gid, how="country",
        )
        spans = (span,) if span else tuple(w.span for w in reading.countries if w.cc == cc)[:1]
        evidence: dict[str, tuple[Span, ...]] = {}
        if spans:
            evidence["location"] = spans
            evidence["country"] = spans
        return place, evidence

    def _evidence(self, top: Toponym, reading: Reading, entry: Entry) -> dict[str, tuple[Span, ...]]:
        evidence = {"location": (top.span,)}
        country = [w.span for w in reading.countries if w.cc == entry.cc]
        if country:
            evidence["country"] = (country[0],)
        a1 = self._admin_keys.get(entry.a1 or "")
        for other in [*top.context, *reading.toponyms]:
            if other is not top and a1 and other.key == a1 and other.span != top.span:
                evidence["admin1"] = (other.span,)
                break
        return evidence


def _main_country(reading: Reading) -> str | None:
    """The country the text is mostly about: its country words and its resolved, cued toponyms."""
    votes = reading.votes.copy()
    for top in reading.toponyms:
        if top.chosen is not None and top.designator != 0:
            votes[top.chosen.cc] += 1.5 if top.cue == 2 else 1.0 if top.cue else 0.3
    return votes.most_common(1)[0][0] if votes else None


def _display(surface: str, entry: Entry | None) -> str:
    """The location as ACLED writes it: the gazetteer's ASCII name of a town, else the text's words."""
    if surface.isupper():
        surface = surface.title()
    if entry is not None and fold(entry.name) != fold(surface):
        return ascii_name(entry.name)
    return ascii_name(surface)


def _actors(mention: Mention) -> list[Actor]:
    actors = [a for a in (mention.actor1, mention.actor2) if a is not None]
    return actors + list(mention.assoc_actor_1) + list(mention.assoc_actor_2)
