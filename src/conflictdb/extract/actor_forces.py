"""State forces among an event's actors: which side a force is on, and which force the words mean.

'Security forces' that face a crowd, or that a text also calls police, are the police; a word that other
countries' forces share ('rangers') is the force of the country where the event is; a force and its country's
generic force are one side, a rival government's forces are not.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from conflictdb.extract.actor_registry import STATE, Match, Registry
from conflictdb.models import Actor

__all__ = [
    "AREAS",
    "WORD_AFTER",
    "acting",
    "after_the_fact",
    "as_police",
    "in_country",
    "is_security",
    "same_side",
    "security_police",
]

_MILITARY_PREFIX, _POLICE_PREFIX = "Military Forces of ", "Police Forces of "

# Words after a force's name that make it a place or a voice, not a party to the event. As the
# target of an attack, a force's post or vehicle is the force itself; its voice never is.
_FORCE_PLACES = frozenset({
    "station", "stations", "post", "posts", "camp", "camps", "headquarters", "barracks", "checkpoint", "lines",
    "academy", "quarters", "office", "offices", "vehicle", "vehicles",
})  # fmt: skip
_FORCE_VOICES = frozenset({
    "custody", "hospital", "chief", "commissioner", "spokesman", "spokesperson", "spokeswoman", "sources", "source",
    "report", "reports", "statement", "officials", "uniform", "uniforms", "statistics", "figures", "data", "records",
    "investigation", "investigators",
})  # fmt: skip
AREAS = frozenset({
    "state", "county", "district", "region", "province", "township", "village", "villages", "area", "areas",
    "town", "city", "constituency", "ward", "sub-county", "subcounty", "municipality", "estate", "settlement",
})  # fmt: skip
_NOT_ACTING = _FORCE_PLACES | _FORCE_VOICES | AREAS
_NOT_A_PARTY = _FORCE_VOICES | AREAS
WORD_AFTER = re.compile(r"\W{0,3}(\w+)")
_SPEAKS = re.compile(
    r"\W{0,3}(?:(?:have|has|had|also|later|further)\s+){0,2}"
    r"(?:said|say|says|reported|report|reports|told|announced|stated|confirmed|added|indicated|disclosed|"
    # ... or looks into it afterwards: 'police are investigating', 'police launched a probe' (not 'police
    # investigating gun runners were shot', who are the victims)
    r"(?:are|is|were|was|have been|has been)\s+(?:still\s+)?(?:investigating|probing)|investigated|probed|"
    r"(?:launched|opened)\s+(?:an?\s+)?(?:investigation|probe|inquiry))\b",
    re.I,
)
# A force's voice or record named through 'of' before it: 'the chief of the armed forces', 'a report of the
# police' (the word after it, 'police chief', is read by `_NOT_ACTING`).
_VOICES = "|".join(sorted(_FORCE_VOICES - {"custody", "hospital", "uniform", "uniforms"}))
_VOICE_OF = re.compile(rf"\b(?:{_VOICES}|commanders?|heads?|spokesmen)\s+of\s+(?:the\s+)?(?:\w+\s+)?$", re.I)
_ACCORDING = re.compile(r"\b(?:according to|quoting|quoted by|cited by)\s+(?:the\s+|local\s+)*$", re.I)

_DENIES = re.compile(
    r"\W{0,3}(?:(?:has|have|had|also|quickly|later|swiftly|strongly)\s+){0,2}(?:denied|denies|deny|disowned|disowns)\s+"
    r"(?:any\s+|all\s+|its\s+|their\s+)?(?:involvement|responsibility|role|links?|part|hand|carrying|being\s+behind)",
    re.IGNORECASE,
)


def acting(text: str, match: Match, *, target: bool = False) -> bool:
    """Whether a match names people rather than their building or spokesman: not 'police station'.
    A target may be a building ('attacked a police post'), never a region ('Rakhine State')."""
    after = WORD_AFTER.match(text, match.extent.end)
    word = after.group(1).lower() if after else ""
    if word in (_NOT_A_PARTY if target else _NOT_ACTING):
        return False
    if not target and _DENIES.match(text, match.extent.end):
        return False  # 'the Taliban denied involvement': named only to deny it, not the doer
    if target or match.entry.role != STATE:
        return True
    # a force that tells of the event is its source, not its doer: 'the police said ...', 'according to the army'
    before = text[max(0, match.extent.start - 40) : match.extent.start]
    if _VOICE_OF.search(before):
        return False  # 'the chief of the armed forces will testify', 'statistics of the police'
    return not (_SPEAKS.match(text, match.extent.end) or _ACCORDING.search(before[-20:]))


# What a force does after an attack on civilians, not the attack: 'police arrested two suspects', 'police
# believe he was kidnapped', 'neighbours alerted police', 'he was questioned by police'.
_AFTER_THE_FACT = re.compile(
    r"\W{0,3}(?:(?:have|has|had|also|later|then|subsequently|quickly|are|were|is|was|have been)\s+){0,2}"
    r"(?:believe[sd]?|suspect(?:s|ed)?|arrest(?:ed|ing)?|detain(?:ed|ing)?|apprehend(?:ed|ing)?|question(?:ed|ing)|"
    r"recover(?:ed|ing)|confirm(?:ing)?|respond(?:ed|ing)|rushed|hunting|searching|pursuing|called|alerted|"
    r"launched\s+a\s+manhunt)\b",
    re.I,
)
_TOLD_BEFORE = re.compile(
    r"\b(?:alerted|informed|notified|called|contacted|reported\s+(?:\w+\s+){0,2}?to|"
    r"(?:arrested|detained|questioned|apprehended|summoned|picked\s+up)(?:\s+and\s+\w+)?\s+by)"
    r"\s+(?:the\s+)?(?:local\s+)?$",
    re.I,
)


def after_the_fact(text: str, match: Match) -> bool:
    """Whether a force is named only for what it did once the violence was over: arrests, beliefs, being told."""
    if match.entry.role != STATE:
        return False
    before = text[max(0, match.extent.start - 40) : match.extent.start]
    return bool(_AFTER_THE_FACT.match(text, match.extent.end) or _TOLD_BEFORE.search(before))


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
