"""A name the gazetteer lacks, read as a place it holds under another spelling or without a unit word."""

from __future__ import annotations

import dataclasses

from conflictdb.geocode.checks import main_country
from conflictdb.geocode.choose import top_country
from conflictdb.geocode.gazetteer import Entry, Gazetteer, ascii_name, fold
from conflictdb.geocode.reading import Reading, Toponym

# Words in a name the gazetteer lacks that name the kind of place, not the place: 'X Sadar' is X's own
# subdistrict, 'X bazaar' its market, 'Taluka X' the subdistrict X.
AFFIXES = frozenset(
    [
        "sadar",
        "bazaar",
        "bazar",
        "town",
        "city",
        "village",
        "junction",
        "chowk",
        "taluka",
        "tehsil",
        "upazila",
        "barangay",
        "commune",
    ]
)
# Of those, the words a unit's name carries: 'Chuadanga Sadar upazila' is in Chuadanga district.
UNIT_AFFIXES = frozenset(["sadar", "taluka", "tehsil", "upazila"])

# How alike (rapidfuzz ratio) a name the gazetteer lacks and a known name must be to be one place misspelt.
_RESPELT_RATIO = 88.0


def respelt_name(
    top: Toponym, reading: Reading, votes: dict[str, float], gazetteer: Gazetteer, *, units: tuple[Entry, ...] = ()
) -> Toponym | None:
    """A name the gazetteer lacks, as a place it holds under a close spelling ('Colongelgan', 'Eldoretg').

    Only in the country that the units beside it, or the text, point to, and inside the first-order unit of
    the places named beside it (a town too: 'Mallian village in Tarn Taran' is no Maliya elsewhere) or of
    the `units` the text names elsewhere, when it names none beside it.
    """
    if len(top.key) < 5:
        return None
    beside = [c.chosen for c in top.context if c.chosen is not None and c.chosen.level > 0]
    largest = min((u.level for u in beside or units), default=3)
    # the largest unit named says where: 'Tilak Nagar area of Chembur (Mumbai Suburban, Maharashtra)'
    regions = {u.a1 for u in beside or units if u.a1 and u.level == largest}
    units = tuple(c.chosen for c in top.context if c.chosen is not None and c.chosen.level in (0, 1, 2))
    cc = units[0].cc if units else (main_country(reading) or top_country(votes))
    if cc is None:
        return None
    words = top.key.split()
    core = " ".join(w for w in words if w not in AFFIXES)
    if core and core != top.key and len(core) >= 3:
        # 'Chapainawabganj Sadar', 'Taluka Sijawal Junejo', 'Oinam bazaar': the place without the unit word
        found = [
            e
            for e in gazetteer.lookup(core)
            if e.cc == cc
            and e.level >= 2
            and not any(u.level in (1, 2) and u.a1 != e.a1 for u in units)
            and (not regions or e.a1 in regions)
        ]
        if found:
            entry = max(found, key=lambda e: (e.level == 3, e.pop))
            name = ascii_name(entry.name)
            return dataclasses.replace(top, surface=name, key=fold(name), entries=(entry,), chosen=entry)
    best: tuple[float, int, Entry] | None = None
    for ratio, key in gazetteer.spelt_alike(top.key, min_ratio=_RESPELT_RATIO):
        for entry in gazetteer.lookup(key):
            if entry.cc != cc or entry.level < 3 or entry.fclass not in ("P", "A"):
                continue
            if any(u.level in (1, 2) and u.a1 != entry.a1 for u in units) or (regions and entry.a1 not in regions):
                continue
            if best is None or (ratio, entry.pop) > best[:2]:
                best = (ratio, entry.pop, entry)
    if best is None:
        return None
    entry = best[2]
    name = ascii_name(entry.name)
    return dataclasses.replace(top, surface=name, key=fold(name), entries=(entry,), chosen=entry, score=0.0)
