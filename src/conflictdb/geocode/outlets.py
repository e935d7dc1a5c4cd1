"""The country of a report's outlet: a national paper mostly reports its own country.

From the outlet's name: a country in parentheses ('Star (Kenya)'), a country's name or demonym
in it ('Kenya Standard', 'Pajhwok Afghan News'), else a small hand-written table of well-known
national outlets (data/geo/outlets.tsv). International agencies (AFP, Reuters) say nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from conflictdb.geocode.cues import not_places_words
from conflictdb.geocode.gazetteer import Gazetteer, fold

_PAREN_RE = re.compile(r"\(([^()]*)\)")
_WORD_RE = re.compile(r"[a-z]+")
_DOMAIN_RE = re.compile(r"\.(?:com|net|org|info|news|co|com\.[a-z]{2}|co\.[a-z]{2}|[a-z]{2})$", re.IGNORECASE)
# Names that hold a country's word but belong to outlets that report from everywhere.
_INTERNATIONAL = re.compile(
    r"\b(?:voice of america|radio free|liberty|international|internationale|international crisis|"
    r"human rights watch|world|global|worldwide|"
    # agencies named after their home country, or after the language of one of their services
    # ('Agence France Presse', 'Xinhua News Agency - French'), which report from everywhere
    r"agence france|xinhua|deutsche welle|radio france|france 24)\b"
)
_QUALIFIED_RE = re.compile(r"^(?:daily|weekly|the daily|the weekly) (?:the )?")
# Countries whose big outlets report from everywhere ('Guardian (United Kingdom)', 'Irish Times'): their
# country says little about where the event was.
GLOBAL_PRESS = frozenset(
    {"US", "GB", "FR", "DE", "IE", "CN", "QA", "RU", "ES", "IT", "CA", "AU", "JP", "CH", "BE", "NL"}
)


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    text = resources.files("conflictdb").joinpath("data", "geo", "outlets.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, cc = line.split("\t")
        table[name.strip()] = cc.strip()
    return table


def _key(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=4096)  # a feed's reports share a few outlets
def _one(name: str, gazetteer: Gazetteer) -> str | None:
    """The country of one outlet's name, or None."""
    words = gazetteer.country_words
    for inner in _PAREN_RE.findall(name):
        hits = {cc for cc, _kind in words.get(fold(inner), ())}
        if len(hits) == 1:
            return hits.pop()
    bare = _DOMAIN_RE.sub("", _PAREN_RE.sub(" ", name).strip())  # 'EKantipur.com' is 'EKantipur'
    key = _key(bare)
    if not key:
        return None
    table = outlet_table()
    if key in table:
        return table[key]
    if fold(bare) in table:
        return table[fold(bare)]  # a name listed with its article, which is a common word without it ('The News')
    # the qualifiers feeds put before a paper's own name ('Daily The Pak Banker' is The Pak Banker)
    plain = _QUALIFIED_RE.sub("", key)
    if plain in table:
        return table[plain]
    if _INTERNATIONAL.search(key):
        return None
    tokens = _WORD_RE.findall(key)  # 'Libya24' is 'libya'
    found = set()
    for n in (3, 2, 1):
        for k in range(len(tokens) - n + 1):
            for cc, _kind in words.get(" ".join(tokens[k : k + n]), ()):
                found.add(cc)
    if len(found) == 1:
        return found.pop()
    # a table name with the outlet's own qualifier after it: 'Daily Nation Kenya', 'Dawn News'
    for n in range(len(tokens) - 1, 0, -1):
        if " ".join(tokens[:n]) in table:
            return table[" ".join(tokens[:n])]
    # a spelt-out name in parentheses that holds a country's word: 'UNI (United News of India)'
    for inner in _PAREN_RE.findall(name):
        found = {cc for word in _WORD_RE.findall(fold(inner)) for cc, _kind in words.get(word, ())}
        if len(found) == 1:
            return found.pop()
    return _home_place(tokens, gazetteer)


# Words of outlets' names that are also places somewhere ('Free' State, 'Gulf' Province).
_OUTLET_WORDS = frozenset(
    str.split(
        "free press news times daily post gulf sun star tribune herald mirror express standard nation observer "
        "monitor voice radio network media online journal today world weekly chronicle guardian telegraph "
        "independent republic citizen leader sol diario noticias"
    )
)


def _home_place(tokens: list[str], gazetteer: Gazetteer) -> str | None:
    """The country of a region or big city an outlet is named after ('Assam Tribune', 'Nairobi News').

    Outlets of the global press are named after their city too ('New York Times') but report from
    everywhere: their country says nothing here.
    """
    found = set()
    common = not_places_words()
    for n in (3, 2, 1):
        for k in range(len(tokens) - n + 1):
            key = " ".join(tokens[k : k + n])
            if len(key) < 5 or key in common or any(t in _OUTLET_WORDS for t in tokens[k : k + n]):
                continue
            for entry in gazetteer.lookup(key):
                if entry.level == 1 or entry.fcode in ("PPLC", "PPLA") or entry.pop >= 200_000:
                    found.add(entry.cc)
    if len(found) == 1 and not found & GLOBAL_PRESS:
        return found.pop()
    return None


def outlet_country(outlet: str | None, gazetteer: Gazetteer) -> str | None:
    """The country of a report's outlet(s) ('A; B' lists several: the one most of them name)."""
    if not outlet:
        return None
    found = Counter(cc for part in outlet.split(";") if (cc := _one(part.strip(), gazetteer)))
    if not found:
        return None
    (cc, n), *rest = found.most_common()
    return cc if not rest or rest[0][1] < n else None
