"""Ethnic groups, clans and named groups in a text, as evidence of the country it is about.

'Clashes between Pokot and Turkana herders' names no place, but both peoples live in Kenya. The
groups come from the actor lexicon (data/actors/ethnic.yaml, listed under the countries where they
are often in the news); a group listed under several countries counts for each, split. Named
groups, parties and state bodies of one country ('KANU', 'Mungiki', 'KDF') come from the rest of
the actor registry.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Container, Mapping
from functools import lru_cache
from importlib import resources

import yaml

from conflictdb.geocode.gazetteer import fold
from conflictdb.models import Mention

# Shorter names are also common words or other places' names ('Dir', 'Fur', 'Ayr').
_MIN_LENGTH = 4
# One group's weight, as much as a demonym: a people says where, less surely than a named country.
GROUP_WEIGHT = 2.0


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Group name (as written, and with a plural 's') -> the countries it is listed under."""
    text = resources.files("conflictdb").joinpath("data", "actors", "ethnic.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    countries: defaultdict[str, set[str]] = defaultdict(set)
    for country, info in data.items():
        for kind in ("ethnic", "clans"):
            for group in (info or {}).get(kind, ()):
                names = [group] if isinstance(group, str) else group
                for name in names:
                    if len(name) >= _MIN_LENGTH:
                        countries[name].add(country)
                        if not name.endswith("s"):
                            countries[f"{name}s"].add(country)  # 'Maasais'
    return {name: tuple(sorted(ccs)) for name, ccs in countries.items()}


def people_names() -> frozenset[str]:
    """The names of the peoples and clans, as written and with a plural 's'."""
    return _people_names()


@lru_cache(maxsize=1)
def _people_names() -> frozenset[str]:
    return frozenset(_groups())


# Capitalized words, and the words of multi-word names ('Habar Gidir', 'Lou Nuer'); a name is only
# matched whole, never inside a longer word or a hyphenated one.
# (the lookahead first: most positions fail on it at once, before the look-behind is tried)
_WORD_RE = re.compile(r"(?=[A-Z])(?<![\w\-])[A-Z][\w']*(?![\w\-])")


def group_countries(text: str) -> dict[str, float]:
    """Country name -> weight of the ethnic groups and clans the text names (each group once)."""
    countries = _groups()
    words = _WORD_RE.findall(text)
    found = {w.removesuffix("s") if w.removesuffix("s") in countries else w for w in countries.keys() & set(words)}
    if _first_words() & set(words):  # a multi-word name may be there ('Habar Gidir')
        for m in _WORD_RE.finditer(text):
            nxt = _WORD_RE.match(text, m.end() + 1)
            if nxt is not None and text[m.end()] == " " and f"{m.group()} {nxt.group()}" in countries:
                found.add(f"{m.group()} {nxt.group()}")
    votes: defaultdict[str, float] = defaultdict(float)
    for name in found:
        where = countries[name]
        for country in where:
            votes[country] += GROUP_WEIGHT / len(where)
    return dict(votes)


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(name.split()[0] for name in _groups() if " " in name)


# --- named groups and state bodies ------------------------------------------------------------

_TOKEN_RE = re.compile(r"[\w'’&\-]+")
_CAPITALIZED_RE = re.compile(r"(?=[A-Z])(?<![\w'’&\-])[A-Z][\w'’&\-]*")  # lookahead first, as _WORD_RE
_ACRONYM_RE = re.compile(r"^[A-Z0-9&\-]{2,6}$")


def _is_acronym(alias: str) -> bool:
    return bool(_ACRONYM_RE.match(alias))


@lru_cache(maxsize=1)
def _named() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> (words, country) of every named actor of one country in the actor registry.

    Acronyms keep their case ('KANU', not 'Kanu'); other names are folded. Generic names ('Police
    Forces of {country}') and words other countries use too ('Rangers') are left out.
    """
    root = resources.files("conflictdb").joinpath("data", "actors")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    found: defaultdict[str, set[tuple[tuple[str, ...], str]]] = defaultdict(set)

    def add(alias: str, country: str) -> None:
        words = tuple(alias.split()) if _is_acronym(alias) else tuple(w.lower() for w in _TOKEN_RE.findall(alias))
        if words[:1] == ("the",):
            words = words[1:]  # 'The Resistance Front' is found from 'Resistance': 'The' opens most sentences
        if words and (len(words) > 1 or len(words[0]) >= 3):
            found[words[0]].add((words, country))

    for path in sorted(root.iterdir(), key=lambda p: p.name):
        if not path.name.endswith(".yaml") or path.name in ("ethnic.yaml", "generic.yaml"):
            continue
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        if path.name == "countries.yaml":
            for country, info in (data or {}).items():
                own = {w.lower() for name in (country, *info.get("adj", ())) for w in name.split()}
                for alias in (*info.get("military", ()), *info.get("police", ())):
                    if _is_acronym(alias) or own & {w.lower() for w in alias.split()}:
                        add(alias, country)
            continue
        for item in data or ():
            name, country = item.get("name", ""), item.get("country")
            if not country or "{country}" in name:
                continue
            for alias in (*item.get("aliases", ()), *name.split(": ", 1)):
                add(alias, country)
    return {first: tuple(sorted(entries, key=lambda e: (-len(e[0]), e))) for first, entries in found.items()}


def named_actor_countries(text: str) -> set[str]:
    """The countries of the named groups, parties and state bodies a text mentions ('KANU', 'Mungiki')."""
    index = _named()
    starts = {w for w in _CAPITALIZED_RE.findall(text) if w in index or w.lower() in index}
    if not starts:
        return set()  # most texts: no name of the registry starts here
    tokens = _TOKEN_RE.findall(text)
    folded = [t.lower() for t in tokens]
    countries: set[str] = set()
    for i, token in enumerate(tokens):
        if token not in starts:
            continue
        for key, case in ((token, True), (folded[i], False)):
            longest = 0
            for words, country in index.get(key, ()):
                n = len(words)
                if n < longest:
                    break  # the longest name that matches; names of that length in several countries all count
                if tuple((tokens if case else folded)[i : i + n]) == words:
                    countries.add(country)
                    longest = n
    return countries


# --- regional groups --------------------------------------------------------------------------


_SIMPLE_WORD_RE = re.compile(r"\w+")


@lru_cache(maxsize=1)
def regional_first_words() -> frozenset[str]:
    """The first words of the regional groups' names, in lower case, as \\w+ splits them."""
    return frozenset(w for first in _regional() for w in _SIMPLE_WORD_RE.findall(first.lower())[:1])


@lru_cache(maxsize=1)
def _regional() -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """First word -> (words, country code, first-order unit) of the regional groups (data/geo/regional_groups.tsv)."""
    text = resources.files("conflictdb").joinpath("data", "geo", "regional_groups.tsv").read_text(encoding="utf-8")
    found: defaultdict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, cc, unit = line.split("\t")
        for name in names.split("|"):
            words = tuple(_TOKEN_RE.findall(name)) if _is_acronym(name.replace("(", "").replace(")", "")) else None
            words = words or tuple(w.lower() for w in _TOKEN_RE.findall(name))
            found[words[0]].append((words, cc, unit))
    return {first: tuple(sorted(entries, key=lambda e: (-len(e[0]), e))) for first, entries in found.items()}


def regional_units(text: str) -> dict[tuple[str, str], tuple[int, int]]:
    """(country code, first-order unit) -> where the text first names a regional party or group of it."""
    if regional_first_words().isdisjoint(_SIMPLE_WORD_RE.findall(text.lower())):
        return {}  # most texts name none: one pass of a simple pattern instead of a look-up per word
    index = _regional()
    matches = list(_TOKEN_RE.finditer(text))
    tokens = [m.group() for m in matches]
    folded = [t.lower() for t in tokens]
    units: dict[tuple[str, str], tuple[int, int]] = {}
    for i, token in enumerate(tokens):
        if not token[:1].isupper():
            continue
        for key, case in ((token, True), (folded[i], False)):
            for words, cc, unit in index.get(key, ()):
                n = len(words)
                if tuple((tokens if case else folded)[i : i + n]) == words:
                    units.setdefault((cc, unit), (matches[i].start(), matches[i + n - 1].end()))
                    break
    return units


def actor_countries(
    mention: Mention, *, said: frozenset[str], countries: Container[str], by_name: Mapping[str, str]
) -> tuple[str, ...]:
    """The actors' country codes, each once per time it counts: the second side's and state forces' twice.

    The side attacked or raided is mostly at home ('Ethiopian raiders attack Kenyan police' is in Kenya), as
    are a state's forces; raiders and militias on the first side may come from abroad. A country whose
    demonym the text uses (`said`) has been counted from the text already: an actor named by it ('Ethiopian
    troops', 'Ethiopian raiders') does not count it again. `countries` holds the ISO codes, `by_name` maps a
    folded country name to its code.
    """
    ccs: list[str] = []
    sides = [(a, 2 if a.inter == 1 else 1) for a in (mention.actor1, *mention.assoc_actor_1) if a is not None]
    sides += [(a, 2) for a in (mention.actor2, *mention.assoc_actor_2) if a is not None]
    for actor, times in sides:
        if not actor.country:
            continue
        cc = actor.country if actor.country in countries else by_name.get(fold(actor.country))  # a code, or a name
        if cc and cc not in said:
            ccs.extend([cc] * times)
    return tuple(ccs)
