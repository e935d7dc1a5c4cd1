"""Checks on a toponym chosen for an event: whether it is a namesake abroad, what ACLED would name it.

Used by `Geocoder`: a place's significance, the country a text is mostly about, the town a body is
named after, and whether an unknown name is a part of the known place named with it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import fuzz

from conflictdb.geocode.choose import top_country
from conflictdb.geocode.cues import GENERIC
from conflictdb.geocode.gazetteer import Entry, ascii_name, distance_km, fold, prominent
from conflictdb.geocode.reading import Reading, Toponym

SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|\n|$)")
# The word or two after a name, compiled once rather than looked up in re's cache at each call.
_FOLLOWER_RE = re.compile(r"\s*([A-Za-z]+)")
_HYPHEN_FOLLOWER_RE = re.compile(r"[\s\-]+([A-Za-z]+)")
_SECOND_FOLLOWER_RE = re.compile(r"[\s\-]+[A-Za-z]+\s+([A-Za-z]+)")

# Parts of a town or district: ACLED codes an unlisted one to the known place it is in.
PART_WORDS = frozenset(
    str.split(
        "village villages area areas neighbourhood neighborhood locality location camp estate quarter suburb "
        "sector ward mouza hamlet settlement market square colony mohalla bazaar bazar"
    )
)


def inside_known(top: Toponym, unit: Toponym, text: str, *, unit_names: tuple[str, ...] = ()) -> bool:
    """Whether an unknown name is a part of the known place named with it ('X village in Y district').

    A news report's unlisted village, area or neighbourhood is coded to the known place it is in, which
    ACLED then names; so is an unlisted name given as a part of a town ('X in Y town', 'X, Y city'). A
    name given with its units in parentheses ('X village (A, B)'), as coders write the places their
    gazetteer holds, is a place of its own; parentheses after the known place ('X area of Y (B)') are Y's.
    `unit_names` are the names of the units the known place lies in: one it shares may be meant instead.
    """
    if top.key == "sadar":
        return True  # 'Sadar upazila of X': the headquarters subdistrict of the district named with it, coded to X
    after = _FOLLOWER_RE.match(text[top.span.end : top.span.end + 20])
    word, word_end = (after.group(1).lower(), top.span.end + after.end()) if after else ("", top.span.end)
    tail = text[top.span.end : top.run_end].split() if top.run_end > top.span.end else []
    if tail and tail[-1].lower() in PART_WORDS:
        word, word_end = tail[-1].lower(), top.run_end  # the run's last word: 'Bat Galim Square of Haifa city'
    if word in PART_WORDS:
        if unit.possessive and unit.span.end < top.span.start:
            return False  # "Visakha's Siribala area": a place of its own, which the name before 's encloses
        if unit.span.start > top.span.end:
            return "(" not in text[top.span.end : unit.span.start]
        return "(" not in text[top.span.end : word_end + 3]
    between = _PART_OF_RE.fullmatch(text, top.span.end, unit.span.start) if unit.span.start > top.span.end else None
    if between is None or unit.chosen is None or unit.designator == 1:
        return False
    if _TOWN_WORD_RE.match(text, unit.span.end):
        return True  # 'Moyale town', 'Khulna city'
    if "," in between.group():
        return False  # 'X, Y' is how coders give a place and its unit ('Alxanli, Fizuli')
    # a town by its size, a capital or a unit's seat; not a unit spelt otherwise than the text spells it
    # ('Saraqab in Idleb', where the gazetteer's Idlib is the governorate)
    entry = unit.chosen
    # the town itself, or the town of a unit that shares its name ('Mwangaza in Isiolo': Isiolo town)
    towns = [e for e in unit.entries if e.fclass == "P" and e.a1 == entry.a1]
    town = entry if entry.fclass == "P" else (towns[0] if towns else None)
    return (
        town is not None
        and (town.pop >= 20_000 or town.fcode in ("PPLC", "PPLA", "PPLA2"))
        and not any(variant(name, unit.surface) for name in unit_names if fold(name) != unit.key)
    )


# Parts of a town that a coder codes to the town even when the gazetteer lists them as places of their own.
QUARTER_WORDS = frozenset(
    str.split("neighbourhood neighborhood quarter suburb estate market bazaar bazar colony mohalla locality")
)


def town_of_quarter(top: Toponym, text: str) -> Toponym | None:
    """The town a listed quarter or market is given as a part of ('Etiler neighbourhood of Besiktas', 'X market
    in Y'), when that town is larger: the place a coder names, with the quarter as its locality."""
    entry = top.chosen
    after = _FOLLOWER_RE.match(text, top.span.end, top.span.end + 20)
    if entry is None or entry.level != 3 or after is None or after.group(1).lower() not in QUARTER_WORDS:
        return None
    town = next((c for c in top.context if c.span.start > top.span.end), None)
    if town is None or town.chosen is None or town.chosen.cc != entry.cc or "(" in text[top.span.end : town.span.start]:
        return None
    if town.chosen.level < 3 or town.chosen.pop > entry.pop:
        return town
    return None


# A camp named after a town, which a coder names as the camp: 'Kakuma refugee camp'.
_FEATURE_RE = re.compile(r" (refugee camp)\b(?! (?:road|district|area|of)\b)", re.IGNORECASE)


def named_feature(top: Toponym, text: str, reading: Reading | None = None) -> str:
    """A place's name as the text gives it, with the camp named after it: 'Dadaab Refugee Camp' (the town's own
    point still stands for it)."""
    m = _FEATURE_RE.match(text, top.span.end)
    surface = top.surface
    if (
        surface.endswith("s")
        and top.chosen is not None
        and fold(surface) == fold(top.chosen.name) + "s"
        and text[top.span.end : top.span.end + 2].strip()[:1].isupper()
    ):
        surface = ascii_name(top.chosen.name)  # 'Nairobis CBD': a possessive without its apostrophe
    if _UNITS_AFTER_RE.match(text, top.span.end):
        # 'Sheikh Barrow village (Lafey, Mandera)': a coder's note gives its place's whole name before the
        # units, though a word of it is common ('Sheikh') or a place elsewhere ('Bab')
        start = top.span.start
        while (word := _WORD_BEFORE_RE.search(text, max(0, start - 30), start)) and not _names_apart(word, reading):
            start = word.start(1)
        surface = text[start : top.span.start] + surface
    key = fold(surface)
    if top.chosen is not None and key.endswith((" town", " city")) and fold(top.chosen.name) == key[:-5]:
        surface = surface[:-5]  # 'Kisii Town', a town known as Kisii; not 'Quezon City', whose name it is
    return f"{surface} {m.group(1).title()}" if m else surface


# A coder's units after a place's name: 'X (A, B)', 'X village (A, B)'.
_UNITS_AFTER_RE = re.compile(r"(?: (?:village|town|area))? \([A-Z]")
# The word right before a name, joined to it: 'Sheikh ', 'Bab ', 'Wadi al-'.
_WORD_BEFORE_RE = re.compile(r"(?<![\w'’])([A-Z][a-z]+|al|el)[ \-]$")


def _names_apart(word: re.Match[str], reading: Reading | None) -> bool:
    """Whether the word before a name is no part of it: a word that opens a phrase, a country's word or a
    region's name ('Karnataka Rakshana Vedike')."""
    if word.group(1) in _NOT_NAME_WORDS:
        return True
    if reading is None:
        return False
    at = word.start(1)
    return any(w.span.start <= at < w.span.end for w in reading.countries) or any(
        t.span.start <= at < t.span.end and any(e.level in (1, 2) for e in t.entries) for t in reading.toponyms
    )


# Capitalized words that open a sentence or a phrase, never a place's name.
_NOT_NAME_WORDS = frozenset(str.split("In At On Near The A An Of From To And Around Between Outside Inside Into By"))

# Between a part and the town it is in: 'X in Y', 'X, Y', 'X of Y'.
_PART_OF_RE = re.compile(r"\s*(?:,|in|of|at)\s*(?:the\s+)?", re.IGNORECASE)
_TOWN_WORD_RE = re.compile(r"\s+(?:town|city|municipality|township)\b", re.IGNORECASE)


def variant(gazetteer_name: str, text_name: str) -> bool:
    """Whether the text spells the seat's own name another way ('Ghoryan' for 'Ghoriyan', 'Saydabad' for
    'Markaz-e Sayyidabad'): the text's spelling is then kept, as ACLED's notes spell their places."""
    key = fold(text_name)
    full = fold(gazetteer_name)
    if f" {key} " in f" {full} ":
        return True  # the name without the word for the seat before it ('Alaqahdari Shah Joy', 'Hukumat-e Nad Ali')
    return any(fuzz.ratio(word, key) >= 75 for word in full.split() + [full])


def body_of(reading: Reading, country: str, text: str) -> Toponym | None:
    """The town a body is named after, when the text names no place: 'Maseno University', 'Mirpur police station'.

    ACLED puts such an event in that town. Only a town of the country the text is about, and a known one
    or the only one of its name there; 'Wagner troops' and 'Delhi police' name actors, not bodies.
    """
    for top in reading.toponyms:
        entry = top.chosen
        if entry is None or top.designator == 0 or entry.cc != country or entry.level == 0:
            continue
        after = _HYPHEN_FOLLOWER_RE.match(text[top.span.end : top.span.end + 24])
        follower = after.group(1).lower() if after else ""
        if follower == "police":
            rest = _SECOND_FOLLOWER_RE.match(text[top.span.end : top.span.end + 40])
            follower = "station" if rest and rest.group(1).lower() in ("station", "post", "headquarters") else ""
        # or the last word of the name it opens ('Sandema Senior High School', 'Kibos Sugar Factory')
        last = text[top.span.end : top.run_end].rsplit(None, 1)[-1].lower() if top.run_end > top.span.end else ""
        if follower not in _BODY_WORDS and last not in _BODY_WORDS:
            continue
        if significant(entry) or sum(1 for e in top.entries if e.cc == country) == 1:
            return top
    return None


# Bodies and buildings named after the town they are in.
_BODY_WORDS = frozenset(
    str.split(
        "university universitys college school station hospital market bazaar road highway office offices "
        "court prison jail stadium campus airport port harbour harbor municipality corporation based "
        # a town's press club, council or a party's branch there: 'X Press Club', 'the X unit of the party'
        "press municipal unit chapter branch factory mosque church temple"
    )
)


def unsupported(cc: str, support: dict[str, float]) -> bool:
    """Whether the text's evidence points firmly to a country other than `cc` and not at all to `cc`."""
    return bool(support) and max(support.values()) >= 3.0 and not support.get(cc)


def stray(
    top: Toponym,
    support: dict[str, float],
    *,
    said: dict[str, float] | None = None,
    centres: dict[str, tuple[float, float]] | None = None,
) -> bool:
    """Whether a small place's entry is likely a namesake abroad of a village the gazetteer lacks.

    'Protest in Nyaguku' reported by a Kenyan paper, when the only Nyaguku known is elsewhere: the
    text's evidence for another country outweighs a village's own, so the name is kept in that country.
    A town of some size is a namesake only where the text's own words and outlet (`said`), not its actors'
    countries, point elsewhere ('al Shabaab attacked Wajir' is in Kenya's Wajir), and only far from the country
    they point to (`centres`: a point in each country): a town across a border is likely the place itself.
    """
    entry = top.chosen
    known_units = any(c.chosen is not None for c in top.context)
    if entry is None or known_units or not support or entry.level == 0 or entry.level == 2 and prominent(entry):
        return False
    if entry.level == 1 and fold(entry.name) not in GENERIC:
        return False  # a named first-order unit is what it says; 'Western Province' may be another country's
    town = not (top.designator in (1, 2) and entry.fclass == "P")  # not 'Chora district', a namesake of Chios
    if entry.level == 3 and _large(entry) and town:
        return False  # a city, named from abroad as often as at home
    if entry.level == 3 and significant(entry) and town:
        support = said or {}
        best_cc = max(support, key=support.__getitem__, default=None)
        centre = centres.get(best_cc) if centres and best_cc else None
        if centre is not None and distance_km(entry.lat, entry.lon, *centre) < _NEIGHBOURS_KM:
            return False
    # the text's words and outlet, not its actors' countries: forces and groups act abroad ('US forces struck
    # Tarinkot', 'al Shabaab attacked Dadaab'), so they do not make a place a namesake
    support = said if said is not None else support
    best = max(support.values(), default=0.0)
    return best >= 3.0 and support.get(entry.cc, 0.0) == 0.0


def _large(entry: Entry) -> bool:
    """A town known well beyond its country, which a text may name from abroad: a capital or a city."""
    return entry.pop >= STRAY_POP or entry.fcode in ("PPLC", "PPLA")


# Within this distance of the country the text points to, a town abroad may be the place itself (a border raid).
_NEIGHBOURS_KM = 1500

# Below this size a town abroad, when the text points firmly elsewhere, is taken for a namesake the gazetteer lacks:
# a city's suburb or a district town ('Eastleigh' in Nairobi, 'Mirpur' in Dhaka) shares its name with towns of
# 100,000 or more elsewhere, which a gazetteer of towns holds when it lacks the quarter.
STRAY_POP = 250_000


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    for m in SENTENCE_RE.finditer(text):
        if m.start() <= pos < m.end():
            return m.start(), m.end()
    return 0, len(text)


def significant(entry: Entry | None) -> bool:
    """Whether a place is known well enough to be taken without a cue: a unit, or a town of some size."""
    return entry is not None and (entry.level < 3 or entry.pop >= 20_000 or entry.fcode in ("PPLC", "PPLA"))


def main_country(reading: Reading, *, besides: Toponym | None = None) -> str | None:
    """The country the text is mostly about: its country words and its resolved, cued toponyms (`besides` one
    whose entry was judged a namesake abroad)."""
    votes: defaultdict[str, float] = defaultdict(float, reading.votes)
    for top in reading.toponyms:
        if (
            top is not besides
            and top.chosen is not None
            and top.designator != 0
            and not top.partial
            and (top.cue or significant(top.chosen))
        ):
            # a place of some size that the words mark as the event's ('in Wajir') says as much as the country's
            # name, and more than the actors' demonyms ('Turkish forces shelled ... in Ar-Raqqa')
            # a unit the text names as one ('in Dadaab District') is as sure as a place of some size
            strong = 3.0 if significant(top.chosen) or top.designator in (1, 2) else 1.5
            votes[top.chosen.cc] += strong if top.cue == 2 else 1.0 if top.cue else 0.3
            if top.coherent and any(c.chosen is not None and c.chosen.cc == top.chosen.cc for c in top.context):
                # a place given with its units ('Lafey (Mandera)') says as much as the country's name
                votes[top.chosen.cc] += 3.0
    return top_country(votes)


def display(surface: str, entry: Entry | None) -> str:
    """The location as ACLED writes it: the gazetteer's ASCII name of a town, else the text's words."""
    if surface.isupper():
        surface = surface.title()
    if entry is not None and fold(entry.name) != fold(surface):
        return ascii_name(entry.name)
    name = ascii_name(surface)
    return name[:1].upper() + name[1:]  # 'el Hermel' -> 'El Hermel'
