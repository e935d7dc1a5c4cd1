"""Crowds among an event's actors: who met a protest, and whom a riot or a mob hit.

ACLED codes a protest's second side only where a force met the crowd (dispersed, arrested, beat or blocked it, or
stood deployed against it); a riot's second side is the force it fought, the crowd it fought, or the civilians it
hurt or whose property it hit, and none where it only burned vehicles or offices, or hit nobody at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from conflictdb.extract.actor_forces import WORD_AFTER, acting, as_police, is_security
from conflictdb.extract.actor_registry import (
    ARMED,
    CIVILIANS,
    ETHNIC,
    GROUP,
    NAMED,
    PARTY,
    POLICE,
    PROTESTER,
    PROTESTERS,
    RIOTER,
    RIOTERS,
    STATE,
    VICTIM,
    Match,
)
from conflictdb.models import Actor, Span

__all__ = ["Scene", "Sides", "crowd_sides", "nationality"]

_FIGHT = re.compile(r"\b(?:clash\w*|fight\w*|rival\w*|between|brawl\w*|scuffle\w*|fought|confrontation\w*)\b", re.I)


class Scene(Protocol):
    """What the actor stage knows of an event: its text, trigger, and the registry names around it."""

    text: str
    trigger: int
    matches: list[Match]
    in_sent: list[Match]
    agents: list[Match]
    patients: list[Match]
    partners: list[Match]
    sentence: Span | None
    objects: tuple[str, ...]


# A crowd's two sides: actor1 and the match naming it, actor2 and its match, and the groups beside actor1.
Sides = tuple[Actor, Match | None, Actor | None, Match | None, list[Match]]

# A fight between two sides, both named or both counted: 'a clash between two rival groups', 'attacked each
# other', 'a street-fight'.
_BETWEEN = re.compile(
    r"\b(?:clash\w*|fight\w*|battle|brawl\w*|scuffle\w*|confrontation)\s+between\b|\bclashed with\b|"
    r"\beach other\b|\b(?:street|fist)[- ]?fight\w*|\b(?:two|rival) (?:groups|factions)\b",
    re.I,
)
# ... the same, two crowds only (not 'clashed with the police').
_CROWDS_FOUGHT = re.compile(
    r"\b(?:clash\w*|fight\w*|battle|brawl\w*|scuffle\w*|confrontation)\s+between\b|\beach other\b|"
    r"\b(?:street|fist)[- ]?fight\w*|\b(?:two|rival) (?:groups|factions)\b",
    re.I,
)
# A force that was itself fought or hurt: 'police were pelted with stones', 'an officer was abducted'.
_FORCE_HIT = re.compile(
    r"\b(?:pelted|attack\w*|abduct\w*|clash\w*|ston(?:ed|ing)|injur\w*|hurt|wounded|assault\w*)\b", re.I
)
# Civilians' property that rioters attack: its owners are the riot's second side (not roads or tyres they burn).
_PROPERTY = frozenset({
    "church", "churches", "mosque", "mosques", "temple", "temples", "bank", "banks", "bus", "buses", "vehicle",
    "vehicles", "car", "cars", "convoy", "motorcade", "house", "houses", "home", "homes", "shop", "shops", "store",
    "stores", "hotel", "hotels", "building", "buildings", "restaurant", "restaurants", "truck", "trucks",
})  # fmt: skip
# What a mob burns or smashes that is no one's home, shop or place of worship: vehicles on the road, offices.
# Where nobody was hurt, ACLED leaves its owners out ('a bus was torched'); a family's house is civilians'.
_PROPERTY_HIT = frozenset({
    "bus", "buses", "minibus", "minibuses", "vehicle", "vehicles", "car", "cars", "truck", "trucks", "van", "vans",
    "lorry", "lorries", "rickshaw", "rickshaws", "auto-rickshaw", "auto-rickshaws", "motorcycle", "motorcycles",
    "motorbike", "motorbikes", "tanker", "tankers", "ambulance", "ambulances", "office", "offices",
})  # fmt: skip
# A person hurt, beaten or killed: an act on people, not only on things.
_PERSON_HURT = re.compile(
    r"\b(?:kill\w*|dead|death|died|injur\w*|wound\w*|hurt|beat(?:en|ing)?|lynch\w*|assault\w*|stab\w*|hack\w*|"
    r"manhandl\w*|torture\w*|abduct\w*|lives|behead\w*|ston(?:ed|ing) to death)\b",
    re.IGNORECASE,
)
# A report that nobody was hurt: 'no one was injured', 'there was no report of any casualty'.
_NOBODY_HURT = re.compile(
    r"\bno(?:body| one|ne)\b[^.;!?]{0,40}\b(?:injur\w*|hurt|kill\w*|harm\w*|wound\w*)|"
    r"\bno (?:\w+ ){0,4}(?:casualt\w*|causalit\w*|injur\w*|fatalit\w*|deaths?)\b|\bunhurt\b|\bunharmed\b",
    re.IGNORECASE,
)
# A force that broke up a protest: the protest's second side, whatever its sub-event type says.
_INTERVENED = re.compile(
    r"\b(?:intervened|dispersed|disperse|broke up|tear ?gas|teargas\w*|water cannons?|rubber bullets|"
    r"(?:baton|lathi|cane)[- ]?charg\w*|arrested|detained|taken into custody|deployed|deployment|"
    # ... or met the crowd with force, or stood in its way: 'were beaten up by police', 'blocked by police'
    r"beat(?:en)? up|opened fire|fired (?:at|on|into|live|shots|warning)|(?:shot|beaten|injured|wounded|killed|"
    r"blocked|stopped|barred|repulsed|prevented|pushed back|chased(?: away)?) by|cordoned off|manhandl\w*)\b",
    re.IGNORECASE,
)
# Protesters (a crowd: 'were') held by a force the text does not name: 'were arrested when they tried to block
# the trains' (not a protest for the release of people arrested before it).
_HELD = re.compile(
    r"\b(?:(?:were|was|have been|has been|got)\s+(?:\w+\s+)?|\d+\s+(?:\w+\s+)?(?:were\s+)?)"
    r"(?:arrested|detained|taken into custody|rounded up)\b",
    re.I,
)
# A mob's act on people or their property, named or not: 'attacked the officials', 'burnt down three villas'.
_ASSAILED = re.compile(r"\b(?:attack\w*|evict\w*|chased|dwellings?|villas?|propert(?:y|ies))\b", re.IGNORECASE)
_AFTER = re.compile(r"\b(?:after|following)\b", re.IGNORECASE)
_FOR_RELEASE = re.compile(r"\b(?:release|against the (?:arrest|detention)|arrests? of)\b", re.I)


def crowd_sides(scene: Scene, *, event_type: str, sub_event_type: str) -> Sides:
    """The sides of a protest or a riot."""
    protest = event_type == "Protests"
    a1 = Actor(name=PROTESTERS, inter=6) if protest else Actor(name=RIOTERS, inter=5)
    m1 = _first(scene.agents + scene.in_sent, (PROTESTER, RIOTER))
    assoc1 = [m for m in scene.agents + scene.in_sent if m.entry.role in (GROUP, PARTY)]
    present = [m for m in scene.patients + scene.partners + scene.in_sent + scene.matches if acting(scene.text, m)]
    state = _first(present, (STATE,))
    if state is not None and is_security(state):
        state = as_police(state)  # ACLED's codes for the forces that face a crowd: its police
    m2: Match | None = None
    a2: Actor | None = None
    if sub_event_type in ("Protest with intervention", "Excessive force against protesters"):
        m2 = state
        a2 = state.entry.actor(state.words) if state else Actor(name=POLICE, inter=1)
    elif protest and state is not None and _met(scene, _INTERVENED):
        m2, a2 = state, state.entry.actor(state.words)  # 'police intervened and dispersed the sit-in'
    elif protest and state is None and _met(scene, _HELD) and not _FOR_RELEASE.search(scene.text):
        a2 = Actor(name=POLICE, inter=1)  # 'fifty marchers were detained outside the ministry': police held them
    elif not protest:
        m2, a2 = _riot_second(scene, state, sub_event_type)
    return a1, m1, a2, m2, assoc1


def _riot_second(scene: Scene, state: Match | None, sub_event_type: str) -> tuple[Match | None, Actor | None]:
    """A riot's second side: the force it fought, the crowd it fought, or the civilians it hit."""
    text = scene.text
    start = scene.sentence.start if scene.sentence is not None else scene.in_sent[0].span.start if scene.in_sent else 0
    sentence = text[start : scene.trigger + 80]
    fight = bool(_FIGHT.search(sentence))  # 'supporters of rival candidates clashed'
    if state is not None and _CROWDS_FOUGHT.search(sentence) and not _within(state, scene.sentence):
        # two crowds fought each other: the police who came later only to break it up are no side
        end = text.find(".", state.span.end)
        told = text[text.rfind(".", 0, state.span.start) + 1 : end if end >= 0 else len(text)]
        state = state if _FORCE_HIT.search(told) else None
    roles = (STATE, NAMED, PARTY, ARMED, ETHNIC, VICTIM, RIOTER, PROTESTER, GROUP)
    targets = [m for m in scene.patients + scene.partners if acting(text, m, target=True)]
    # 'a passenger bus', 'a school bus': the word names a vehicle, not people
    # ... nor people whose killing or arrest the crowd rose against: a grievance, not a target
    targets = [m for m in targets if not _of_a_vehicle(text, m) and not _grievance(text, m)]
    # a mob's victims are never the mob itself ('students went on a rampage')
    victims = [m for m in scene.in_sent if not _of_a_vehicle(text, m) and not _grievance(text, m)]
    victims = [m for m in victims if m not in scene.agents]
    hit = (_PROPERTY | _PROPERTY_HIT) & set(scene.objects)
    # a crowd that only burned or smashed vehicles or offices and hurt nobody ('a bus was torched'):
    # ACLED codes no second side
    things_only = bool(hit) and hit <= _PROPERTY_HIT and not _hurt(text)
    if sub_event_type == "Mob violence":  # a mob's target first, then the police
        m2 = _first(targets, roles) or state
    else:  # a violent demonstration: the police it fought, then its target
        m2 = _first(targets + scene.agents + scene.in_sent, (STATE,)) or state or _first(targets, roles)
    if m2 is not None and m2.entry.role == VICTIM and _BETWEEN.search(sentence):
        # 'ten were hurt in a clash between two groups': the hurt are the fighters, not a third side
        m2 = state
    if m2 is not None and is_security(m2):
        m2 = as_police(m2)
    if m2 is not None and m2.entry.role == STATE:
        return m2, m2.entry.actor(m2.words)
    if fight and (m2 is None or m2.entry.role in (PARTY, GROUP, RIOTER, PROTESTER, ETHNIC)):
        return m2, Actor(name=RIOTERS, inter=5)  # two crowds fighting each other
    if m2 is not None and m2.entry.role in (VICTIM, ARMED, PARTY, GROUP, ETHNIC):
        return m2, Actor(name=CIVILIANS, inter=7)  # 'mob lynches robbery suspect', 'attacked an MP's house'
    if m2 is not None:
        return m2, m2.entry.actor(m2.words)
    if sub_event_type == "Mob violence":
        m2 = _first(victims, (VICTIM,))  # a mob's victims are civilians, named or not
        # ... but a rampage that names no victim, hurt nobody and hit no one's property has no second side
        unnamed = m2 is None and (things_only or not (hit or _hurt(text) or _ASSAILED.search(text)))
        return m2, None if unnamed else Actor(name=CIVILIANS, inter=7)
    if hit and not things_only:
        return None, Actor(name=CIVILIANS, inter=7)  # 'rioters set a bank on fire', 'stoned the senator's convoy'
    return None, None


def _met(scene: Scene, cue: re.Pattern[str]) -> bool:
    """Whether a force met the protest as the text tells it: in or after the protest's sentence, and not as
    what the crowd protested ('marched after a police officer beat up a trader')."""
    text = scene.text
    start = scene.sentence.start if scene.sentence is not None else 0
    for found in cue.finditer(text, start):
        clause = text[max(start, text.rfind(".", 0, found.start()) + 1) : found.start()]
        if not _AFTER.search(clause):
            return True
    return False


def _within(match: Match, sentence: Span | None) -> bool:
    return sentence is None or sentence.start <= match.span.start < sentence.end


def _first(matches: list[Match], roles: tuple[str, ...]) -> Match | None:
    return next((m for m in matches if m.entry.role in roles), None)


def _of_a_vehicle(text: str, match: Match) -> bool:
    """Whether a name only qualifies a vehicle after it: 'passenger bus', 'school bus'."""
    after = WORD_AFTER.match(text, match.extent.end)
    return after is not None and after.group(1).lower() in _PROPERTY_HIT


# What a crowd rose against: 'protested the killing of a young girl', 'rioted over the arrest of their leader'.
_GRIEVANCE = re.compile(
    r"\b(?:killing|killings|death|deaths|murder|murders|arrest|arrests|detention|abduction|kidnapping|rape|"
    r"lynching|shooting|beating|assault|harassment|eviction|dismissal|sacking|transfer|suspension|release)\s+of\s+"
    r"(?:\w+\s+){0,3}$",
    re.IGNORECASE,
)


def _grievance(text: str, match: Match) -> bool:
    """Whether a name stands for the people a crowd rose for, not against: 'the killing of a young girl'."""
    return bool(_GRIEVANCE.search(text, max(0, match.extent.start - 60), match.extent.start))


def _hurt(text: str) -> bool:
    """Whether the text says a person was hurt, beaten or killed (and not that nobody was)."""
    return bool(_PERSON_HURT.search(text)) and not _NOBODY_HURT.search(text)


def nationality(heads: Iterable[Any], country_of: Callable[[str], str | None]) -> str | None:
    """The country a crowd's own words give it: 'Chinese tourists', 'Nigerians', 'refugees from Sudan'.

    ACLED names foreigners who protest or riot by their nationality ('Protesters (China)' in Nepal), not by
    where they gather; `heads` are the heads of the doers' phrases, `country_of` the registry's reading of a
    country's name or adjective. Not 'pro-Palestinian marchers', whose cause is another people's.
    """
    # ... and the people counted or grouped: 'hundreds of Nigerians', 'a group of Venezuelan citizens'
    heads = [p for h in heads for p in (h, *(o for c in h.rights if c.lower_ == "of" for o in c.children))]
    for head in heads:
        words = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")]
        words += [o for c in head.rights if c.dep_ == "prep" and c.lower_ == "from" for o in c.children]
        for word in [head, *words]:
            if head.doc.text[word.idx - 1 : word.idx] == "-":  # 'pro-Palestinian', 'anti-Chinese'
                continue
            text = word.text
            if word.dep_ == "pobj" and word is not head:  # 'from South Sudan'
                text = head.doc.text[word.left_edge.idx : word.idx + len(word.text)]
            country = country_of(text)
            if country is None and word is head and text.endswith("s") and text[:1].isupper():
                country = country_of(text[:-1])  # 'Nigerians', 'Venezuelans'
            if country is not None:
                return country
    return None
