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
def _groups() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, ...]]]:
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
    if not countries:
        return None, {}
    names = sorted(countries, key=len, reverse=True)
    # capitalized as names are, with a plural 's' allowed ('Maasais'), never inside a longer word
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(re.escape(n) for n in names) + r")s?(?![\w\-])")
    return pattern, {name: tuple(sorted(ccs)) for name, ccs in countries.items()}


def group_countries(text: str) -> dict[str, float]:
    """Country name -> weight of the ethnic groups and clans the text names (each group once)."""
    pattern, countries = _groups()
    if pattern is None:
        return {}
    votes: defaultdict[str, float] = defaultdict(float)
    for name in {m.group(1) for m in pattern.finditer(text)}:
        where = countries[name]
        for country in where:
            votes[country] += GROUP_WEIGHT / len(where)
    return dict(votes)
