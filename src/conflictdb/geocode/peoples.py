"""Ethnic groups and clans named in a text, as evidence of the country it is about.

'Clashes between Pokot and Turkana herders' names no place, but both peoples live in Kenya. The
groups come from the actor lexicon (data/actors/ethnic.yaml, listed under the countries where they
are often in the news); a group listed under several countries counts for each, split.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources

import yaml

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


# Capitalized words, and the words of multi-word names ('Habar Gidir', 'Lou Nuer'); a name is only
# matched whole, never inside a longer word or a hyphenated one.
_WORD_RE = re.compile(r"(?<![\w\-])[A-Z][\w']*(?![\w\-])")


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
