"""Loading the actor registry from its YAML files (`conflictdb/data/actors/*.yaml`) into a `Registry`.

Named actors come one list per region, ACLED's generic actors with a `{country}` placeholder from
`generic.yaml`, countries with their adjectives and the local names of their forces from `countries.yaml`,
and ethnic groups and clans from `ethnic.yaml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from conflictdb.errors import ConfigError
from conflictdb.extract.actor_registry import (
    _AGENCIES,
    ETHNIC,
    MILITARY,
    NAMED,
    PARTY,
    POLICE,
    STATE,
    Entry,
    Registry,
    _words,
    is_acronym,
)

__all__ = ["load"]


def _period(value: Any) -> tuple[int | None, int | None]:
    if not value:
        return (None, None)
    first, _, last = str(value).partition("-")
    return (int(first) if first.strip() else None, int(last) if last.strip() else None)


def _inter_of(name: str) -> int:
    """An inter code guessed from an ACLED-style name, for actors learned from a user's data."""
    lowered = name.lower()
    for words, inter in (
        (("military forces", "police forces", "government of"), 1),
        (("protesters",), 6),
        (("rioters",), 5),
        (("civilians",), 7),
        (("ethnic militia", "communal militia", "clan militia", "ethnic group", "vigilante"), 4),
        (("militia", "unidentified armed group", "gang"), 3),
        (("united nations", "private security", "mission"), 8),
    ):
        if any(w in lowered for w in words):
            return inter
    return 2


def _variants(word: str) -> tuple[str, ...]:
    """A generic word with its other number: 'militia' and 'militias', 'gunmen' stays as it is."""
    if word.endswith(("men", "people", "police", "youth", "military", "army", "staff", "personnel")):
        return (word,)
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        return (word, word[:-1])
    return (word, word + "s")


@functools.lru_cache(maxsize=4)
def load(directory: Path, extra: tuple[tuple[str, str], ...]) -> Registry:
    """The registry in `directory`, with `extra` (alias, canonical name) pairs; cached."""
    if not directory.is_dir():
        raise ConfigError(f"actor registry not found: {directory}", hint="reinstall conflictdb")
    aliases: list[tuple[str, Entry]] = []
    after: list[tuple[str, Entry]] = []
    weak: list[tuple[str, Entry]] = []
    regional: dict[str, tuple[frozenset[str], str, bool]] = {}
    local: dict[str, dict[str, str]] = {}
    by_name: dict[str, Entry] = {}
    homes: dict[str, tuple[tuple[str, tuple[int | None, int | None]], ...]] = {}

    def add(entry: Entry, words: Iterable[str]) -> None:
        entry = by_name.setdefault(entry.name, entry)
        aliases.extend((w, entry) for w in words)

    countries: dict[str, tuple[str, ...]] = {}
    for path in sorted(directory.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "countries.yaml":
            for country, info in data.items():
                form = info.get("form", country)
                countries[country] = (form, country, *info.get("names", ()), *info.get("adj", ()))
                own = {w for name in countries[country] for w in _words(name)}
                if info.get("local"):  # {country: the name its forces go by there}, as for a named actor
                    local[MILITARY.replace("{country}", form)] = dict(info["local"])
                for key, template in (("military", MILITARY), ("police", POLICE)):
                    entry = Entry(name=template.replace("{country}", form), inter=1, role=STATE, country=country)
                    add(entry, info.get(key, ()))
                    # 'Rangers', 'Military Police': other countries have them too, unlike 'KDF' or 'Malian army'
                    weak.extend(
                        (a, entry)
                        for a in info.get(key, ())
                        if (not is_acronym(a) or a in _AGENCIES) and not own & set(_words(a))
                    )
        elif path.name == "ethnic.yaml":
            for group, places in (data.pop("homes", None) or {}).items():
                homes[f"{group} Ethnic Militia ({{country}})"] = tuple(
                    (country, _period(years)) for country, years in places.items()
                )
            for info in data.values():
                for kind, suffix in (("ethnic", "Ethnic Militia"), ("clans", "Clan Militia")):
                    for group in info.get(kind, ()):
                        names = [group] if isinstance(group, str) else group
                        plurals = [f"{n}s" for n in names if not n.endswith("s")]  # 'Fulanis', 'Maasais'
                        add(Entry(name=f"{names[0]} {suffix} ({{country}})", inter=4, role=ETHNIC), names + plurals)
        else:
            for item in data or ():
                entry = Entry(
                    name=item["name"],
                    inter=int(item["inter"]),
                    role=item.get("role", NAMED),
                    country=item.get("country"),
                    period=_period(item.get("period")),
                    successor=item.get("successor"),
                    predecessor=item.get("predecessor"),
                    operates=tuple((c, _period(years)) for c, years in (item.get("operates") or {}).items()),
                    sides=tuple(item.get("sides", ())),
                    unit=bool(item.get("unit", False)),
                )
                words = [v for w in item.get("words", ()) for v in _variants(w)] + list(item.get("aliases", ()))
                if entry.role in (NAMED, PARTY) and "{country}" not in entry.name:
                    words.append(entry.name)
                    if ": " in entry.name and not item.get("former"):
                        # 'JNIM: Group for ...': both parts name it, unless the acronym is short; a former name
                        # ('AA: Arakan Army') is reached by date only, its words being its successor's now
                        short, full = entry.name.split(": ", 1)
                        words.extend([short, full] if len(short) > 2 and short not in item.get("weak", ()) else [full])
                add(entry, words)
                weak.extend((w, by_name[entry.name]) for w in item.get("weak", ()))
                if item.get("only_in"):  # 'otherwise': the name outside those countries; 'use': the name inside
                    other, inside = (item["use"], True) if "use" in item else (item["otherwise"], False)
                    regional[entry.name] = (frozenset(item["only_in"]), other, inside)
                if item.get("local"):  # {country: the name used there}
                    local[entry.name] = dict(item["local"])
                    for country, name in item["local"].items() if entry.generic else ():
                        # ... also once the text has named the country: 'Malian gendarmes'
                        form = countries[country][0] if country in countries else country
                        local[entry.name.replace("{country}", form)] = {country: name}
                add(entry, item.get("weak", ()))
                after.extend((v, by_name[entry.name]) for w in item.get("after_country", ()) for v in _variants(w))
    for alias, name in extra:
        role = ETHNIC if re.search(r"(?:ethnic|communal|clan) militia", name, re.IGNORECASE) else NAMED
        entry = by_name.get(name) or Entry(name=name, inter=_inter_of(name), role=role)
        add(entry, [alias])
    return Registry(
        aliases, countries=countries, after_country=after, weak=weak, regional=regional, local=local, homes=homes
    )
