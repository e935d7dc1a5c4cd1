"""State forces among an event's actors: which side a force is on, and which force the words mean.

'Security forces' that face a crowd, or that a text also calls police, are the police; a word that other
countries' forces share ('rangers') is the force of the country where the event is; a force and its country's
generic force are one side, a rival government's forces are not.
"""

from __future__ import annotations

import dataclasses
import functools

from conflictdb.extract.actor_registry import STATE, Match, Registry
from conflictdb.models import Actor

__all__ = ["as_police", "in_country", "is_security", "same_side", "security_police"]

_MILITARY_PREFIX, _POLICE_PREFIX = "Military Forces of ", "Police Forces of "


def is_security(match: Match) -> bool:
    """'Security forces', 'Kenyan security personnel': a state's forces that the words leave unnamed."""
    return (
        match.entry.role == STATE and match.entry.name.startswith(_MILITARY_PREFIX) and "secur" in match.words.lower()
    )


def as_police(match: Match) -> Match:
    entry = match.entry
    name = _POLICE_PREFIX + entry.name.removeprefix(_MILITARY_PREFIX)
    return dataclasses.replace(match, entry=dataclasses.replace(entry, name=name))


def security_police(matches: list[Match]) -> list[Match]:
    """'Security forces' in a text that names the police and no army are the police: 'security forces (police)',
    'security personnel clashed with the crowd; police fired teargas'."""
    if not any(m.entry.role == STATE and m.entry.name.startswith(_POLICE_PREFIX) for m in matches):
        return matches
    if any(m.entry.role == STATE and m.entry.name.startswith(_MILITARY_PREFIX) and not is_security(m) for m in matches):
        return matches
    return [as_police(m) if is_security(m) else m for m in matches]


def same_side(actor: Actor, other: Actor | None) -> bool:
    """'Military Forces of {country}' and 'Military Forces of Myanmar' in one text are one side."""
    if other is None:
        return False
    if actor.name == other.name:
        return True
    kinds = ("Military Forces of ", "Police Forces of ")
    # ... but not a rival government's forces: 'Military Forces of Yemen Supreme Political Council' (the Houthis)
    faction = any(a.name.startswith(kinds) and _has_faction(a) for a in (actor, other))
    return not faction and any(
        actor.name.startswith(k) and other.name.startswith(k) and (actor.generic or other.generic) for k in kinds
    )


def _has_faction(actor: Actor) -> bool:
    """Whether a state force's name goes on after its country for a rival government, not for a unit."""
    if actor.generic or not actor.country or actor.name in _units():
        return False
    return not actor.name.endswith(actor.country)


@functools.lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    """The registry's units of state forces: 'Police Forces of Kenya General Service Unit'."""
    return frozenset(name for name, entry in Registry.load().entries.items() if entry.unit)


def in_country(actor: Actor | None, country: str) -> Actor | None:
    """A state force that a word other countries also use ('rangers') gave to another country, as the
    force of `country`, where the text's places are there."""
    registry = Registry.load()
    if actor is None or actor.country in (None, country) or not registry.is_weak(actor.words, actor.name):
        return actor
    words = set(actor.words.lower().split())
    for alias, entry in registry.aliases:  # the force of `country` with the word in a name: 'paramilitary rangers'
        if entry.country == country and entry.role == STATE and words <= set(alias.lower().split()):
            return dataclasses.replace(actor, name=entry.name, inter=entry.inter, country=country)
    return actor
