"""Units a text names that the gazetteer holds under other names, and the units that enclose a place it lacks.

Used by `Geocoder`: a unit spelt otherwise or named by one part of its name ('Urozgan', 'Ajumako'), the
units where the regional groups a text names act, a people's home unit, and the known place elsewhere in
a text that most likely encloses a name the gazetteer lacks.
"""

from __future__ import annotations

from conflictdb.geocode.checks import significant
from conflictdb.geocode.cues import GENERIC, not_places_words
from conflictdb.geocode.gazetteer import Gazetteer, fold
from conflictdb.geocode.peoples import people_names, regional_units
from conflictdb.geocode.reading import Reading, Toponym
from conflictdb.geocode.respell import UNIT_AFFIXES


def regions(text: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The first-order units (codes) where the regional groups a text names act, the first named first."""
    codes: list[str] = []
    for cc, units in regional_units(text):
        for unit in units.split("|"):
            for e in gazetteer.lookup(fold(unit)):
                if e.cc == cc and e.level == 1 and e.a1 and e.a1 not in codes:
                    codes.append(e.a1)
    return tuple(codes)


def outside_regions(top: Toponym, reading: Reading, gazetteer: Gazetteer) -> bool:
    """Whether a village chosen for a name lies outside the units where the text's regional groups act:
    a namesake of one the gazetteer lacks ('near Vodyane' in a report of the Donetsk ceasefire line)."""
    entry = top.chosen
    return (
        bool(reading.regions)
        and entry is not None
        and entry.level == 3
        and not significant(entry)
        and not top.context
        and entry.cc == reading.regions[0][:2]
        and gazetteer.admin1_of(entry) not in reading.regions
    )


def units_respelt(reading: Reading, gazetteer: Gazetteer) -> None:
    """Give a unit the gazetteer lacks under the text's spelling the units it may be.

    Only names the text gives as units: before a unit word ('Dara i Sufi Bala district') or beside
    a place ('X (Ajumako, Central)', 'X district, Urozgan'). Spelt alike only in the countries the
    text points to, or those of the units named with it, and only where no other unit of the same
    chain is known as written: a unit the text spells as the gazetteer does says more.
    """
    wanted = [
        t
        for t in reading.toponyms
        if not t.entries
        and (t.designator in (1, 2) or t.is_context)
        and t.key not in not_places_words()
        and t.key not in GENERIC
    ]
    if not wanted:
        return
    countries = sorted(reading.votes, key=reading.votes.__getitem__, reverse=True)[:3]
    spelt_as_known: set[int] = set()
    for top in reading.toponyms:
        chain = [top, *top.context]
        known = [c for c in chain if any(e.level in (1, 2) for e in c.entries[:5])]
        countries.extend(e.cc for c in known for e in c.entries[:3] if e.level < 3 and e.cc not in countries)
        if known:
            spelt_as_known.update(id(c) for c in chain)
    for top in wanted:
        # 'Chuadanga Sadar upazila': the unit's name without the word for its seat's subdistrict
        core = " ".join(w for w in top.key.split() if w not in UNIT_AFFIXES)
        entries = tuple(e for e in gazetteer.lookup(core) if e.level in (1, 2)) if core != top.key else ()
        if entries:  # named as the unit is: 'Jessore Sadar Upazila' is Jessore's
            top.surface = " ".join(w for w in top.surface.split() if fold(w) not in UNIT_AFFIXES)
            top.key = core
        entries = entries or gazetteer.unit_like(top.key, countries, spelt_alike=id(top) not in spelt_as_known)
        if entries:
            top.entries, top.respelt = entries, True


def home_unit(reading: Reading, country: str | None) -> Toponym | None:
    """The unit a people named in a text that names no place is named after ('Turkana herders': Turkana).

    Monitors code a clash of peoples to their home county or region; only a unit of that name in the
    country the text is about, and only the one people's.
    """
    if country is None:
        return None
    peoples = people_names()
    homes = {
        (t.surface, e)
        for t in reading.toponyms
        if t.surface in peoples
        for e in t.entries
        if e.cc == country and e.level in (1, 2)
    }
    if len({surface for surface, _ in homes}) != 1:
        return None
    surface, unit = min(homes, key=lambda pair: pair[1].level)
    top = next(t for t in reading.toponyms if t.surface == surface)
    return Toponym(top.span, surface, top.key, (unit,), designator=unit.level, chosen=unit)


def enclosing_elsewhere(top: Toponym, reading: Reading, main: str | None) -> list[Toponym]:
    """The known place elsewhere in the text that most likely encloses a name the gazetteer lacks.

    A unit the text designates ('Nagaland's Phek district') first, then a place the words around
    mark as one, the nearest first: a report's places are mostly in one district or town.
    """
    peoples = people_names()
    found = [
        t
        for t in reading.toponyms
        if t.chosen is not None
        and t is not top
        and not t.partial
        and not t.facility
        and t.designator != 0
        and t.chosen.level > 0
        and (main is None or t.chosen.cc == main)
        and (t.designator in (1, 2) or t.cue or significant(t.chosen))
        and not (t.surface in peoples and not t.designator)
    ]
    found.sort(
        key=lambda t: (
            not (t.designator in (1, 2) and t.chosen is not None and t.chosen.level in (1, 2)),
            -min(t.cue, 2),
            abs(t.span.start - top.span.start),
        )
    )
    return found[:1]
