"""The words around a name that say whether it is a place, and what kind: the cues of `resolve`.

Designators ('X district'), prepositions ('in X', 'near X', '30 km north of X'), the words that make a
name an organisation's or an actor's ('X University', 'X troops'), unit words only some countries use
('upazila'), and common capitalized words that are never places on their own (data/geo/not_places.txt).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from conflictdb.geocode.gazetteer import fold

WORD_RE = re.compile(r"[^\W\d_](?:[\w'’\-]*\w)?")
# Lower-case words allowed inside a name: 'Sar-e Pol', 'Dar es Salaam', 'Bandar-e Abbas', 'Deir ez Zor'.
CONNECTORS = frozenset(
    [
        "de",
        "del",
        "della",
        "di",
        "da",
        "do",
        "dos",
        "das",
        "du",
        "des",
        "la",
        "le",
        "les",
        "el",
        "al",
        "ad",
        "ag",
        "as",
        "ash",
        "at",
        "az",
        "ar",
        "an",
        "ez",
        "es",
        "e",
        "y",
        "i",
        "los",
        "las",
        "van",
        "von",
        "bin",
        "ibn",
        "wa",
    ]
)

# Designators after a name, and the level of unit each points to (1 first-order ... 3 a place).
DESIGNATOR_LEVEL = {
    "region": 1,
    "regions": 1,
    "province": 1,
    "provinces": 1,
    "state": 1,
    "states": 1,
    "governorate": 1,
    "governorates": 1,
    "counties": 2,
    "towns": 3,
    "cities": 3,
    "oblast": 1,
    "division": 1,
    "prefecture": 2,
    "department": 2,
    "county": 2,
    "district": 2,
    "districts": 2,
    "cercle": 2,
    "circle": 2,
    "raion": 2,
    "rayon": 2,
    "tehsil": 2,
    "upazila": 2,
    "municipality": 2,
    "commune": 3,
    "sub-county": 3,
    "sub county": 3,  # 'Msambweni Sub-County' as a run of capitalized words reads it, folded
    "subcounty": 3,
    "ward": 3,
    "lga": 2,
    "constituency": 2,
    "town": 3,
    "city": 3,
    "village": 3,
    "villages": 3,
    "locality": 3,
    "area": 3,
    "neighbourhood": 3,
    "neighborhood": 3,
    "suburb": 3,
    "camp": 3,
    "market": 3,
    "township": 3,
    "settlement": 3,
    "hamlet": 3,
    "quarter": 3,
    "estate": 3,
    "thana": 2,
    "mouza": 3,
    "panchayat": 3,
    "block": 2,
    "taluk": 2,
    "taluka": 2,
    "mandal": 2,
    "union": 3,
    "kebele": 3,
    "woreda": 2,
    "barangay": 3,
    "agency": 2,
    "emirate": 1,
    "canton": 2,
    "parish": 2,
    "zone": 2,
}
# The words before a name that say where an event is: near it, in it, or only related to it.
_DIRECTIONS = frozenset(
    f"{d}{suffix}"
    for d in (
        "north",
        "south",
        "east",
        "west",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    )
    for suffix in ("", "ern")
)
_DISTANCE_UNITS = frozenset(["km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile"])
_NEAR_WORDS = frozenset(["near", "nearby", "outside", "around", "between", "towards", "toward"])
_NEAR_PAIRS = frozenset({"close to", "vicinity of", "outskirts of", "outside of", "road to", "road from", "way to"})
_STRONG_WORDS = frozenset(["in", "at", "into", "through", "within", "inside", "throughout", "across"])
_STRONG_PAIRS = frozenset(
    f"{unit} of"
    for unit in (
        "town",
        "city",
        "village",
        "district",
        "province",
        "region",
        "area",
        "county",
        "state",
        "parts",
        "centre",
        "center",
        "heart",
        "suburb",
        "outskirts",
    )
)
# The people of a place: 'residents of X protested' acted at home, unless the text puts the act elsewhere.
_HOME_PAIRS = frozenset(f"{people} of" for people in ("residents", "villagers", "inhabitants", "dwellers"))
_WEAK_WORDS = frozenset(
    [
        "of",
        "from",
        "to",
        "on",
        "and",
        "via",
        "the",
        "held",
        "stormed",
        "attacked",
        "raided",
        "hit",
        "entered",
        "reached",
    ]
)
# Adjectives for a part of a place, between a preposition and its name.
_PART_ADJECTIVES = frozenset(
    [
        "central",
        "northern",
        "southern",
        "eastern",
        "western",
        "north-eastern",
        "north-western",
        "south-eastern",
        "south-western",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "downtown",
        "rural",
        "suburban",
        "urban",
        "restive",
    ]
)
# r"[a-z\-]+|\d+" with re.IGNORECASE, spelt out (that flag's [a-z] also takes İ, ı, ſ and the Kelvin sign):
# without the flag the search is faster, and it runs for every name found
_BEFORE_RE = re.compile("[a-zA-Z\\-\u0130\u0131\u017f\u212a]+|\\d+")


def _measured(words: list[str]) -> bool:
    """Whether words end in a direction or a distance: 'N km north (of)', '30 km (from)', 'north (of)'."""
    return bool(words) and (
        words[-1] in _DIRECTIONS or words[-1] in _DISTANCE_UNITS or (len(words) >= 2 and words[-2] in _DISTANCE_UNITS)
    )


def home_before(before: str) -> bool:
    """Whether the words before a name make it the home of people: 'residents of X'."""
    if not before.endswith(("of ", "of the ", "Of ")):
        return False  # most names: no 'of' before them, no regular expression run
    return " ".join(w.lower() for w in _BEFORE_RE.findall(before)[-2:]) in _HOME_PAIRS


def cue_before(before: str) -> tuple[bool, int]:
    """Whether the words before a name put the event near it, and how surely they make it a place (0-2)."""
    words = [w.lower() for w in _BEFORE_RE.findall(before)[-5:]]
    if words and words[-1] in ("the", "al", "el"):
        words.pop()
    if len(words) >= 2 and words[-1] in _PART_ADJECTIVES:
        words.pop()  # 'in central X', 'across rural X': the preposition before the adjective is the cue
        if words and words[-1] == "the":
            words.pop()
    if not words:
        return False, 0
    last = words[-1]
    pair = " ".join(words[-2:])
    if last in _NEAR_WORDS or pair in _NEAR_PAIRS:
        return True, 2
    if last in ("of", "from") and _measured(words[:-1]):
        return True, 2
    if last in _STRONG_WORDS or pair in _STRONG_PAIRS:
        return False, 2
    if last == "capital" and before.rstrip()[-7:].lower() == "capital":
        # 'in capital Colombo', 'at the capital Kabul'; not '158 km away of capital Dhaka', 'district capital = Lodwar'
        lead = [w for w in words[:-1] if w != "the"][-1:]
        return False, 2 if lead in (["in"], ["at"]) else 0
    if last in _WEAK_WORDS:
        return False, 1
    return False, 0


# Words that open a noun phrase: never a name, even before a designator ('The town of X', 'This village').
DETERMINERS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "each", "every", "another", "its", "their"]
)

# Words that name a part of a unit, not a place, even before a designator: 'West District', 'Central Region'
# of a name the text gives in full elsewhere.
GENERIC = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "central",
        "upper",
        "lower",
        "new",
        "old",
        "greater",
        "northern",
        "southern",
        "eastern",
        "western",
        "middle",
    ]
)


# The last word of a law's or a bill's title, whose names are no places: 'the Motor Vehicles Act'.
TITLE_WORDS = frozenset(["act", "bill", "ordinance", "amendment"])

# Words after a name that make it an actor's name: 'Wagner troops', 'Jubaland forces'.
ACTOR_NOUNS = frozenset(
    [
        "troops",
        "forces",
        "fighters",
        "militants",
        "mercenaries",
        "soldiers",
        "army",
        "police",
        "group",
        "rebels",
        "militia",
        "militiamen",
        "gunmen",
        "members",
        "supporters",
        "leaders",
        "officials",
        "government",
        "authorities",
    ]
)
# Words after a name that make it the name of an organisation or a building, not a place.
FACILITY = frozenset(
    [
        "institute",
        "parishad",
        "sangh",
        "sangha",
        "samiti",
        "morcha",
        "manch",
        "sena",
        "dal",
        "jamaat",
        "paribahan",
        "polytechnic",
        "factory",
        "mill",
        "mills",
        "plant",
        "mine",
        "farm",
        "ranch",
        "lodge",
        "clinic",
        "office",
        "hotel",
        "hospital",
        "college",
        "university",
        "school",
        "road",
        "street",
        "highway",
        "avenue",
        "club",
        "party",
        "league",
        "union",
        "front",
        "movement",
        "association",
        "council",
        "committee",
        "court",
        "prison",
        "jail",
        "station",
        "stadium",
        "mosque",
        "church",
        "temple",
        "market",
        "bridge",
        "airport",
        "square",
        "hall",
        "house",
        "bank",
        "company",
        "group",
        "forces",
        "force",
        "army",
        "police",
        "brigade",
        "regiment",
        "battalion",
        "corps",
        "division",
        "government",
        "administration",
        "ministry",
        "times",
        "post",
        "news",
        "radio",
        "tv",
        "television",
        "tribune",
        "herald",
        "express",
        "daily",
        "declaration",
        "agreement",
        "accord",
        "conference",
        "summit",
    ]
)


# Of those, the words that make a name a body of people (a party, a front, a movement): 'Madhesh Morcha' acts,
# it is not where anything happens.
ORGANISATIONS = frozenset(
    str.split(
        "parishad sangh sangha samiti morcha manch sena dal jamaat party league union front movement association "
        "council committee"
    )
)


@lru_cache(maxsize=1)
def not_places_words() -> frozenset[str]:
    text = resources.files("conflictdb").joinpath("data", "geo", "not_places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# Words that end the name of a town's quarter in South Asia: 'Tilak Nagar', 'Lal Chowk', 'Model Colony'.
NAME_ENDINGS = frozenset(["nagar", "chowk", "colony", "mandi", "mohalla", "basti"])

# Features named after a nearby place ('Garo Hills', 'Tirah Valley'): the gazetteer keeps no such features,
# and the town of the same name is not where they are.
NATURAL_FEATURES = frozenset(
    [
        "hills",
        "hill",
        "valley",
        "river",
        "lake",
        "mountains",
        "mountain",
        "range",
        "forest",
        "island",
        "islands",
        "desert",
        "plateau",
        "plain",
        "plains",
        "coast",
        "delta",
        "gulf",
        "bay",
        "sea",
        "swamp",
    ]
)

# Kinds of administrative unit that only one or two countries have.
NATIONAL_UNITS = {
    "upazila": ("BD",),
    "upazilla": ("BD",),
    "union parishad": ("BD",),
    "tehsil": ("IN", "PK"),
    "taluk": ("IN",),
    "taluka": ("IN",),
    "mandal": ("IN",),
    "union council": ("PK",),
    "sub-county": ("KE", "UG"),
    "subcounty": ("KE", "UG"),
    "lga": ("NG",),
    "local government area": ("NG",),
    "cercle": ("ML",),
    "woreda": ("ET",),
    "kebele": ("ET",),
    "barangay": ("PH",),
    "oblast": ("UA", "RU"),
    "raion": ("UA",),
    "vdc": ("NP",),
    "village development committee": ("NP",),
    "gaunpalika": ("NP",),
    "amphoe": ("TH",),
    "tambon": ("TH",),
}
# The lookahead on the first letters lets the search skip most positions without trying every name.
NATIONAL_UNITS_RE = re.compile(
    r"\b(?=["
    + "".join(sorted({unit[0] for unit in NATIONAL_UNITS}))
    + r"])(?:"
    + "|".join(sorted(NATIONAL_UNITS, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


def is_common(surface: str, key: str, not_places: frozenset[str], lower_words: set[str]) -> bool:
    """Whether one capitalized word is more likely a common word, a title or an acronym than a place."""
    return (
        key in not_places or len(key) < 3 or (surface.isupper() and len(surface) <= 4) or surface.lower() in lower_words
    )


_COMPOUND_RE = re.compile(
    r"-(?:owned|led|backed|based|born|run|controlled|held|dominated|affiliated|linked|style)$", re.I
)


def is_not_name(word: str, not_places: frozenset[str], lower_words: set[str], *, cased: bool = True) -> bool:
    """A capitalized word that starts a sentence or clause rather than a name: 'Involving', 'Chinese-owned'."""
    key = fold(word)
    return (
        (cased and word.isupper() and len(word) > 1)  # an acronym ('BNP'), in a text not all in capitals
        or key in not_places
        or word.lower() in lower_words
        or bool(_COMPOUND_RE.search(word))
        or (len(key) > 5 and key.endswith(("ing", "ed", "ly")) and not word.isupper())
    )
