"""How much a country's name or demonym in a text says that the text is about that country.

'Ethiopian raiders' is about people, who may be anywhere; 'a Kenyan village' about a place; 'raiders from
Uganda' about where people came from, and 'the Burma Market' about a building named after a country.
Used by `resolve.find_toponyms` when it reads a text's country words.
"""

from __future__ import annotations

import re

from conflictdb.geocode.grievance import in_grievance
from conflictdb.geocode.reading import CountryWord

_NEXT_TITLE_RE = re.compile(r" ([A-Z][a-z]+)")


def possessive_country(
    text: str, start: int, key: str, words: dict[str, list[tuple[str, str]]]
) -> list[tuple[str, str]] | None:
    """A country's name with the possessive's apostrophe lost ('Kenyas capital', as notes often write it),
    read as its demonym ('Somalias Al-Shabab' is a Somali group); never a demonym's plural ('Somalis'), nor
    'the Americas'."""
    hits = words.get(key[:-1])
    if not hits or any(kind != "name" for _, kind in hits) or key[-2:-1] == "s":
        return None
    return None if text[max(0, start - 4) : start].lower() == "the " else [(cc, "demonym") for cc, _ in hits]


_FROM_RE = re.compile(
    r"\b(?:from|fled to|fleeing to|deported to|returned to|returning to)(?:\s+the)?\s*$", re.IGNORECASE
)
# A demonym before these nouns names the country of a place, or of people at home there: 'a Kenyan
# village', 'Kenyan herders' (raided where they live), 'Kenyan police' (who serve at home).
_PLACE_NOUNS_RE = re.compile(
    r"\s+(?:village|villages|town|towns|city|territory|soil|side|outpost|camp|refugee camps?|coast|capital|countryside|"
    r"homesteads?|farms?|waters|airspace|"
    r"border town|police post|army post|military post|province|region|district|"
    r"civilians|villagers|residents|herders|herdsmen|pastoralists|farmers|fishermen|police|policemen)\b",
    re.IGNORECASE,
)


# One person named by their origin: 'an Irish priest', 'a Canadian aid worker'.
_PERSON_NOUNS_RE = re.compile(
    r"\s+(?:(?:Muslim|Christian|Catholic)\s+)?(?:priest|cleric|missionary|nun|nuns|pastor|preacher|man|woman|boy|"
    r"girl|journalist|reporter|photographer|businessman|businesswoman|aid worker|doctor|engineer|investor)\b",
    re.IGNORECASE,
)


# A country's people or offices abroad: 'the Chinese embassy', 'Somali refugees', 'two British nationals', 'a
# businessman of Indian origin' are where they are because they are not at home; but 'a Kenyan refugee camp' is
# a place in Kenya.
_ABROAD_AFTER_RE = re.compile(
    r"(?:\s+|-)(?:embassy|embassies|consulate|consulates|high commission|ambassador|envoy|diplomats?|"
    r"refugees?(?!\s+camps?\b)|nationals|tourists?|expatriates?|expats|migrants?|immigrants?|asylum[- ]seekers?|"
    r"exiles?|diaspora|origin|descent|born)\b",
    re.IGNORECASE,
)
_ABROAD_BEFORE_RE = re.compile(
    r"\b(?:embassy|consulate|high commission|ambassador|envoy)\s+(?:of|to)\s+(?:the\s+)?$", re.IGNORECASE
)
# A country beside the place, not the place's: 'near the border with Somalia', 'a camp near Somalia'.
_BESIDE_RE = re.compile(
    r"\b(?:border with|borders? of|near|close to|bordering|neighbou?ring)\s+(?:the\s+)?$", re.IGNORECASE
)
_BORDER_RE = re.compile(r"\s+border\b(?!\s+towns?\b)", re.IGNORECASE)
_INSIDE_RE = re.compile(r"\b(?:inside|within|into|across|cross|crossed|crossing|crosses)\s+the\s+$", re.IGNORECASE)


def country_word_weight(text: str, word: CountryWord) -> float:
    """How much a country word says the text is about that country.

    A name weighs more than a demonym ('Ethiopian raiders' is about people), a demonym before a place
    noun ('a Kenyan village') as much as a name, and a country someone comes from ('raiders from
    Uganda') little: the event is where they arrived; so does the country a protest is against or about
    ('protested against the Israeli bombing of Gaza').
    """
    weight = _weight(text, word)
    return min(weight, 1.0) if weight > 1.0 and in_grievance(text, word.span.start) else weight


def _weight(text: str, word: CountryWord) -> float:
    before = text[max(0, word.span.start - 30) : word.span.start]
    if _ABROAD_AFTER_RE.match(text, word.span.end) or _ABROAD_BEFORE_RE.search(before):
        return 0.0
    if _FROM_RE.search(before[-20:]) or _BESIDE_RE.search(before):
        return 1.0
    if _BORDER_RE.match(text, word.span.end):
        # 'near the Somali border': a place on either side of it; 'crossed the Kenyan border': inside
        return 3.0 if _INSIDE_RE.search(text, max(0, word.span.start - 20), word.span.start) else 1.0
    if word.demonym:
        if _PERSON_NOUNS_RE.match(text, word.span.end):
            return 1.0  # 'an Irish priest', 'a Jamaican cleric': one person's origin, who may live anywhere
        return 3.0 if _PLACE_NOUNS_RE.match(text, word.span.end) else 2.0
    return 3.0


# Buildings and streets named after a country, which are elsewhere: 'Burma Market, Nairobi'.
_BUILDINGS = frozenset(
    ["market", "hotel", "street", "road", "avenue", "square", "restaurant", "embassy", "lane"]
    # and firms named after their home country, which work abroad: 'China Harbour Engineering Company'
    + ["harbour", "harbor", "engineering", "construction", "company", "corporation", "airways", "airlines", "railway"]
)


def names_a_building(text: str, end: int) -> bool:
    """Whether a country word opens a building's or a firm's name ('Burma Market', 'Somalia Embassy')."""
    m = _NEXT_TITLE_RE.match(text[end : end + 16])
    return bool(m and m.group(1).lower() in _BUILDINGS)
