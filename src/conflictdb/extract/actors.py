"""Actors: who did what to whom in an event, named as ACLED names them.

Reads the actor registry (`actor_registry.py`, data in `conflictdb/data/actors/`) and spaCy's parse.

`ActorFinder.roles` sets an event's actor1, assoc_actor_1, actor2 and assoc_actor_2, each with the
spans of the words that name it; an actor missing from the registry keeps its words, with
`known=False`, and is never dropped.
"""

from __future__ import annotations

import collections
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from conflictdb.extract.actor_claims import ANAPHORIC, claims, unknown_claimant, unknown_doer
from conflictdb.extract.actor_crowds import crowd_sides, nationality
from conflictdb.extract.actor_forces import (
    AREAS,
    WORD_AFTER,
    acting,
    after_the_fact,
    same_side,
    security_police,
)
from conflictdb.extract.actor_parse import (
    Arguments,
    arguments,
    assailants,
    conjoined_agents,
    defenders,
    objects,
    pick,
    topic_only,
    trigger_token,
)
from conflictdb.extract.actor_patterns import patterns
from conflictdb.extract.actor_regions import regional_names
from conflictdb.extract.actor_registry import (
    ARMED,
    ARMED_MEMBERS,
    CIVILIANS,
    ETHNIC,
    GOVERNMENT,
    GROUP,
    MILITARY,
    NAMED,
    OBSERVER,
    PARTY,
    PERPETRATORS,
    POLICE,
    PROTESTER,
    RIOTER,
    RIOTERS,
    STATE,
    UNIDENTIFIED,
    VICTIM,
    Entry,
    Match,
    Registry,
    fold,
)
from conflictdb.extract.actor_sides import COMMUNAL, affiliation, ethnic_pair, named_pair, unnamed_sides
from conflictdb.models import Actor, Span

__all__ = ["ActorFinder", "Entry", "Match", "Registry", "Roles", "fold"]


@dataclass(frozen=True, slots=True)
class Roles:
    """The actors of one event, with the spans that name each of them."""

    actor1: Actor | None = None
    assoc_actor_1: tuple[Actor, ...] = ()
    actor2: Actor | None = None
    assoc_actor_2: tuple[Actor, ...] = ()
    evidence: Mapping[str, tuple[Span, ...]] = field(default_factory=dict)


_VIOLENT = frozenset(["Battles", "Explosions/Remote violence", "Violence against civilians"])
# Words for drug gangs that refer back to a cartel named before: 'the drug traffickers', 'the mafias'.
_TRAFFICKERS = frozenset(["traffickers", "trafficker", "narcotraffickers", "cartel", "cartels", "mafia", "mafias"])
# Herders who attack: ACLED codes armed pastoralists as a communal militia.
_PASTORAL = frozenset({"herders", "herder", "herdsmen", "herdsman", "pastoralists", "pastoralist"})
_FIGHT = re.compile(r"\b(?:clash\w*|fight\w*|rival\w*|between|brawl\w*|scuffle\w*|fought|confrontation\w*)\b", re.I)
# A group's claim after its name: 'RPF has claimed the blast'.
_CLAIMED = re.compile(r"\W{0,3}(?:\w+\s){0,2}?(?:has |have |had )?(?:claimed|claims|admitted|owned up)\b", re.I)
# Words before a name that identify a generic doer with it: 'believed to be', 'suspected', 'were members of'
# (not 'killed members of', whose members are the victims).
_IDENTIFIED = re.compile(
    r"\b(?:believed|suspected|thought|alleged(?:ly)?|identified|linked|affiliated|belonging|loyal|blamed|"
    r"claimed|accused(?!\s+of\b)|(?:were|are|was|is|as|being)\s+(?:\w+\s+)?members? of|responsibility)\b[^.;!?]{0,30}$",
    re.IGNORECASE,
)
# A side that set out against the other: 'police carried out an operation', 'troops raided a hideout'.
_RAID = re.compile(
    r"\W{0,3}(?:\w+\s+){0,3}?(?:(?:carried out|conducted|launched|mounted|staged|went on)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+)?(?:operations?|raids?|searche?s?|crackdowns?|patrols?|swoops?)|raided|stormed|went to)\b",
    re.IGNORECASE,
)
_FROM_AFAR = frozenset(["Air/drone strike", "Shelling/artillery/missile attack"])
_HARMED = re.compile(r"\b(?:kill\w*|dead|died|injur\w*|wound\w*|casualt\w*|hurt|lives)\b", re.IGNORECASE)
_UNHARMED = re.compile(
    r"\bno (?:one|body|casualt\w*|injur\w*|fatalit\w*|deaths?)\b|\bwithout (?:casualt\w*|injur\w*)|"
    r"\bno reports? (?:of|on) (?:casualt\w*|injur\w*|fatalit\w*)|\bescaped unhurt\b|\bunharmed\b",
    re.IGNORECASE,
)
# Words before a coalition or an operation that a force fights under: 'rebels under OPS', 'operating under the
# command of the coalition'.
_UNDER = re.compile(
    r"\b(?:(?:operating|fighting|acting|deployed)\s+)?under\s+(?:the\s+)?"
    r"(?:(?:banner|umbrella|command|auspices|flag)\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)


class ActorFinder:
    """Finds the actors of an event in a text, with the registry and the dependency parse."""

    def __init__(self, *, extra_aliases: Mapping[str, str] | None = None) -> None:
        self.registry = Registry.load(extra_aliases=extra_aliases)
        self._last: tuple[str, list[Match]] = ("", [])

    def matches(self, text: str) -> list[Match]:
        """Registry names in `text` (the last text's are kept, as one document has many events)."""
        if self._last[0] != text or not text:
            self._last = (text, security_police(_one_force(text, self.registry.match(text))))
        return self._last[1]

    def patterns(self) -> list[dict[str, Any]]:
        """spaCy EntityRuler patterns, label 'ACTOR', id the canonical name: named actors and state forces."""
        return patterns(self.registry)

    def roles(self, text: str, *, spacy_doc: Any, trigger: Any, event_type: str, sub_event_type: str) -> Roles:
        """actor1, assoc_actor_1, actor2 and assoc_actor_2 of the event whose trigger word is `trigger`.

        `trigger` is a spaCy Span or Token of `spacy_doc`, or a `Span` of character offsets.
        """
        matches = self.matches(text)
        token = trigger_token(spacy_doc, trigger)
        sent = token.sent if token is not None else None
        in_sent = [m for m in matches if sent is None or sent.start_char <= m.span.start < sent.end_char]
        args = arguments(token) if token is not None else Arguments((), (), ())
        agents = pick(args.agents or conjoined_agents(token), matches)
        agents += [m for m in _at_hands(text, in_sent) if m not in agents]
        patients = pick(args.patients, matches, stop=token)
        partners = pick(args.partners, matches)
        # a country as the doer is its forces only where it shells or strikes: 'Pakistan shelled the posts'
        labels = ("ORG", "NORP", "GPE") if event_type == "Explosions/Remote violence" else ("ORG", "NORP")
        unknown = unknown_doer(args.agents, spacy_doc, matches, text, self.registry, labels=labels)
        claimant = unknown_claimant(spacy_doc, matches, text) if event_type in _VIOLENT else None
        start = token.idx if token is not None else len(text)
        cast = _Cast(text, start, matches, in_sent, agents, patients, partners, unknown, claimant=claimant)
        cast.sentence = Span(sent.start_char, sent.end_char) if sent is not None else None
        if event_type == "Battles":  # which side began the fight: only a battle's order reads them
            cast.defenders = defenders(sent, matches)
            cast.assailants = assailants(sent, matches)
        cast.objects = objects(token)
        cast.doer_words = tuple(t.lower_ for t in args.agents)
        cast.topics = [
            m for m in matches if _armed(m) and m not in agents and topic_only(spacy_doc, m.extent.start, m.extent.end)
        ]
        if event_type in ("Protests", "Riots"):
            cast.nationality = nationality(args.agents, self.registry.country_of)
        observer = next((m.entry for m in matches if m.entry.role == OBSERVER and len(m.entry.sides) == 2), None)
        if observer is not None:
            entries = self.registry.entries
            cast.monitored = tuple(entries[n].actor() for n in observer.sides if n in entries)
        return cast.decide(event_type, sub_event_type)


# How far from the act's sentence a name may stand and still be its doer (about five sentences of a news story;
# a short report is read whole).
_FAR = 1000
_Role = tuple[Actor | None, Match | None]  # an actor and the match that names it, if any


@dataclass
class _Cast:
    """The candidates for each role, and ACLED's rules for each event type."""

    text: str
    trigger: int  # where the trigger word starts
    matches: list[Match]
    in_sent: list[Match]
    agents: list[Match]
    patients: list[Match]
    partners: list[Match]
    unknown: Actor | None
    defenders: list[Match] = field(default_factory=list)  # who fought off an attack in the trigger's sentence
    claimant: Actor | None = None  # a group the registry lacks that claims the attack
    monitored: tuple[Actor, ...] = ()  # the two sides of the war an observer mission in the text monitors
    sentence: Span | None = None  # the trigger's sentence
    objects: tuple[str, ...] = ()  # the head words of what the trigger's verbs acted on
    doer_words: tuple[str, ...] = ()  # the head words of the doers' phrases
    nationality: str | None = None  # the country a crowd's own words give it ('Chinese tourists')
    topics: list[Match] = field(default_factory=list)  # groups named only as a non-violent act's object
    assailants: list[Match] = field(default_factory=list)  # who set upon an armed side in the trigger's sentence

    def decide(self, event_type: str, sub_event_type: str) -> Roles:
        first = _first
        # (not a place named after a people or a force inside the doer's phrase: 'travelling to Kikuyu town')
        doers = [m for m in self.agents if m.entry.role in PERPETRATORS and not _a_place(self.text, m)]
        # beyond the parse, only what names an armed actor by itself: not 'the Hazara men' who were killed
        near = [m for m in self.in_sent if _armed(m) and m not in self.patients and acting(self.text, m)]
        anywhere = [m for m in self.matches if _armed(m) and m not in self.patients and acting(self.text, m)]
        # a doer found beyond the parse is never a group named as the affiliation of someone in the act's own
        # sentence (its victim's), nor a group named many sentences away
        # ... nor one named only as what a non-violent act is about ('talks with the X')
        near_doers = [m for m in near if not affiliation(self.text, m.extent) and m not in self.topics]
        anywhere_doers = [
            m for m in anywhere if (m in near_doers or m not in near) and self._close(m) and m not in self.topics
        ]
        m1 = m2 = None
        a1: Actor | None = None
        a2: Actor | None = None
        assoc1: list[Match] = []
        assoc2: list[Match] = []
        if event_type in ("Protests", "Riots"):
            a1, m1, a2, m2, assoc1 = crowd_sides(self, event_type=event_type, sub_event_type=sub_event_type)
            if self.nationality is not None and a1.generic:
                # foreigners named by their nationality; no country of their own, as where they gather, not
                # where they come from, places the event
                a1 = dataclasses.replace(a1, name=a1.name.replace("{country}", self.nationality))
        elif event_type == "Violence against civilians":
            # beyond the parse, a force that only came afterwards ('police arrested two suspects') did not do it
            near_doers = [m for m in near_doers if not after_the_fact(self.text, m)]
            anywhere_doers = [m for m in anywhere_doers if not after_the_fact(self.text, m)]
            m1 = self._claimed(_resolved(self, first(doers + near_doers + anywhere_doers, PERPETRATORS)), doers)
            a1 = _side(m1) if m1 else (self.unknown or _generic(UNIDENTIFIED, 3))
            if self.unknown and (m1 is None or m1 not in doers):
                a1, m1 = self.unknown, None
            if self.claimant and not (m1 is not None and m1 in doers and m1.entry.role == NAMED):
                a1, m1 = self.claimant, None  # a claim names the doer better than 'gunmen' do
            a1, m1 = self._under(a1, m1)
            if (a1 is None or a1.name == UNIDENTIFIED) and _PASTORAL & set(self.doer_words):
                a1 = _generic(COMMUNAL, 4)  # 'pastoralists attacked civilians': herders' armed men, a communal militia
            # (not where the sentence names armed men, or arms them: 'youths armed with machetes')
            sentence = self.sentence.of(self.text) if self.sentence is not None else self.text
            unarmed = not any(_armed(m) for m in self.in_sent) and not _ARMS.search(sentence)
            crowd = _crowd(self.agents) if unarmed else None
            if a1 is not None and a1.name == UNIDENTIFIED and m1 not in doers and crowd is not None:
                a1, m1 = _generic(RIOTERS, 5), crowd  # 'residents beat a suspect to death': a mob, not armed men
            a2, m2 = _generic(CIVILIANS, 7), first(self.patients, (VICTIM, GROUP)) or first(self.in_sent, (VICTIM,))
        elif event_type == "Strategic developments":
            # ... or a government that acts itself ('the government released prisoners'): 'Government of X'
            m1 = first(doers, PERPETRATORS) or first(self.agents, (GOVERNMENT,)) or first(near, PERPETRATORS)
            a1 = m1.entry.actor(m1.words) if m1 else self.unknown
            a1, m1 = self._under(a1, m1)
            if a1 is None and sub_event_type == "Arrests":
                a1 = _generic(POLICE, 1)
            m2 = first(self.patients, PERPETRATORS + (GROUP, PROTESTER, RIOTER, VICTIM))
            a2 = _side(m2) if m2 else None
            if a2 is None and sub_event_type == "Looting/property destruction":
                a2 = _generic(CIVILIANS, 7)  # what was looted or destroyed, unless a force's or group's, was civilians'
        else:  # Battles, Explosions/Remote violence
            candidates = near_doers + anywhere_doers
            if event_type.startswith("Explosions") and sub_event_type not in (
                "Air/drone strike",
                "Shelling/artillery/missile attack",
            ):
                # a bomb's doer is seldom the state: soldiers near a blast are its targets
                candidates = [m for m in candidates if m.entry.role != STATE]
            m1 = self._claimed(_resolved(self, first(doers + candidates, PERPETRATORS)), doers)
            if self.claimant and not (m1 is not None and m1 in doers and m1.entry.role == NAMED):
                a1, m1 = self.claimant, None  # a claim names the doer better than 'gunmen' do
            elif self.unknown and (m1 is None or m1 not in doers):
                a1, m1 = self.unknown, None
            elif m1:
                a1 = _side(m1)
            elif sub_event_type == "Air/drone strike":
                a1 = _generic(MILITARY, 1)
            else:
                a1 = _generic(UNIDENTIFIED, 3)
            member = m1
            a1, m1 = self._under(a1, m1)
            others = [
                m
                for m in self.partners + self.patients
                if m.entry.role in PERPETRATORS
                and acting(self.text, m, target=True)
                # (not a group named for whose critic or candidate a victim was: 'an Al Shabaab critic was shot')
                and not (m in self.patients and m.entry.role != STATE and affiliation(self.text, m.extent))
            ]
            others += near + anywhere
            if member is not None and m1 is not None and m1 is not member:
                # the forces named before the operation they act under are its members, not its target
                others = [m for m in others if not member.extent.start <= m.extent.start < m1.extent.start]
            # one name, two readings, or one name said twice: one side ('Taliban attacks ... 12 Taliban were killed')
            others = [m for m in others if m1 is None or (m.span != m1.span and fold(m.words) != fold(m1.words))]
            if a1 is not None and not a1.generic:  # 'gunmen shot ...; TTP was behind it': the gunmen are TTP's
                others = [m for m in others if not (m in doers and m.entry.role == ARMED)]
            if a1 is not None and not a1.generic and a1.inter in (2, 3, 4):
                # a named rebel or militia group's own men, however the text calls them: 'a Taliban sniper',
                # 'gunmen linked to Al Shabaab' (unnamed armed men face a state force, not a named group)
                others = [m for m in others if not (m.entry.role == ARMED and m.entry.generic)]
            m2 = next((m for m in others if not same_side(_side(m), a1)), None)
            m2 = _resolved(self, m2, other=a1)
            if m2:
                a2 = _side(m2)
            elif event_type == "Battles" and first(self.patients, (VICTIM, GROUP)) and not self._fight():
                # no armed side fought back, and the act's own subject or object names its victims ('peasants
                # were killed by X'): one-sided violence on civilians, which the event stage recodes
                m2 = first(self.patients, (VICTIM, GROUP))
                a2 = _generic(CIVILIANS, 7)
            elif event_type == "Battles" and a1 is not None and a1.inter == 1 and _crowd(self.partners + self.in_sent):
                # 'a clash between police and locals': a crowd, not an armed group
                m2 = _crowd(self.partners + self.in_sent)
                a2 = _generic(RIOTERS, 5)
            elif event_type == "Battles":
                a2 = _generic(UNIDENTIFIED, 3) if a1 is None or a1.name != UNIDENTIFIED else None
            else:
                m2 = first(self.patients, (VICTIM,)) or first(self.in_sent, (VICTIM,))
                # a bomb or grenade that killed or hurt people and hit no armed side hit civilians (not shelling,
                # whose target ACLED leaves open)
                harmed = sub_event_type not in _FROM_AFAR and bool(_HARMED.search(self.text))
                harmed = harmed and not _UNHARMED.search(self.text)
                a2 = _generic(CIVILIANS, 7) if m2 or harmed else None
            if event_type == "Battles":
                (a1, m1), (a2, m2) = self._sides(doers, (a1, m1), (a2, m2))
            if event_type == "Battles" and m1 in self.defenders and a2 is not None and m2 not in self.defenders:
                (a1, m1), (a2, m2) = (a2, m2), (a1, m1)  # the side that attacked comes first
            elif event_type == "Battles" and a1 is not None and a2 is not None and self._set_upon(a2, a1):
                (a1, m1), (a2, m2) = (a2, m2), (a1, m1)  # ... as does the side that set upon the other
            elif event_type == "Battles" and a2 is not None and a2.inter == 1 and a1 is not None and a1.inter != 1:
                raid = self._raided(a2) and not self._raided(a1)
                (a1, m1), (a2, m2) = ((a2, m2), (a1, m1)) if raid else ((a1, m1), (a2, m2))  # the raiders came first
            unnamed = (None, UNIDENTIFIED)
            sides_unnamed = (a1.name if a1 else None) in unnamed and (a2.name if a2 else None) in unnamed
            if len(self.monitored) == 2 and sides_unnamed:
                # monitors saw fire and shelling without seeing who fired: the war's two sides, state first; an
                # explosion they heard has one side, the state's, as ACLED codes it
                (a1, m1), (a2, m2) = (self.monitored[0], None), (self.monitored[1], None)
                if event_type != "Battles":
                    a2 = None
        a1, a2 = regional_names(self.text, violent=event_type in _VIOLENT, sides=(a1, a2))
        if a2 is not None and a2.name == CIVILIANS:
            assoc2 = [m for m in self.patients if m.entry.role in (GROUP, ETHNIC)]
        assoc_1 = _distinct(_as_assoc(m) for m in assoc1)
        assoc_2 = _distinct(_as_assoc(m) for m in assoc2)
        return Roles(
            actor1=_with_words(a1, m1),
            assoc_actor_1=tuple(a for a in assoc_1 if a1 is None or a.name != a1.name),
            actor2=_with_words(a2, m2),
            assoc_actor_2=tuple(a for a in assoc_2 if a2 is None or a.name != a2.name),
            evidence={
                "actor1": self._evidence(a1, m1),
                "assoc_actor_1": self._assoc_evidence(assoc_1),
                "actor2": self._evidence(a2, m2),
                "assoc_actor_2": self._assoc_evidence(assoc_2),
            },
        )

    def _under(self, actor: Actor | None, match: Match | None) -> _Role:
        """The doer as the coalition or military operation it acts under, where the words just after it name
        one: 'Turkish forces and allied rebels, operating under OPS, shelled ...' are ACLED's 'Operation Peace
        Spring'."""
        if match is None:
            return actor, match
        for m in self.in_sent:
            if m.entry.role != NAMED or m.entry.inter != 8 or not 0 <= m.extent.start - match.extent.end <= 60:
                continue
            if _UNDER.search(self.text, max(0, m.extent.start - 60), m.extent.start):
                return _side(m), m
        return actor, match

    def _set_upon(self, actor: Actor, other: Actor) -> bool:
        """Whether the act's sentence has `actor`, and not `other`, set upon an armed side ('police clashed
        with the Taliban after the Taliban attacked a check post')."""
        names = {_side(m).name for m in self.assailants}
        return actor.name in names and other.name not in names

    def _raided(self, actor: Actor) -> bool:
        """Whether the text has a side go on a raid or an operation: 'the Military Police carried out an operation'."""
        sides = [m for m in self.matches if actor.name in (m.entry.name, _side(m).name)]
        return any(_RAID.match(self.text, m.extent.end) for m in sides)

    def _fight(self) -> bool:
        """Whether the act's sentence speaks of a fight ('clashes', 'fighting between'): its victims may be caught
        in it."""
        return bool(_FIGHT.search(self.sentence.of(self.text) if self.sentence is not None else self.text))

    def _close(self, match: Match) -> bool:
        """Whether a name stands near enough to the act's sentence to be its doer without the parse's help: a
        long story names other groups, in other incidents, many sentences away."""
        if self.sentence is None:
            return True
        return self.sentence.start - _FAR <= match.span.start < self.sentence.end + _FAR

    def _sides(self, doers: list[Match], first: _Role, second: _Role) -> tuple[_Role, _Role]:
        """Two peoples named together, or two unnamed communities, as a fight's sides, where no force or named
        group is its doer: 'clashes between Pokot and Turkana', 'herders clashed over a watering point'."""
        if any(m.entry.role in (STATE, NAMED) for m in doers):
            return first, second
        pair = ethnic_pair(self.text, self.in_sent) or ethnic_pair(self.text, self.matches)
        if pair is not None:
            return (_side(pair[0]), pair[0]), (_side(pair[1]), pair[1])
        span = self.sentence or Span(0, len(self.text))
        named = named_pair(self.text, span.start, span.end, self.matches)
        if named is not None:
            return (named[0], None), (named[1], None)
        a1, a2 = first[0], second[0]
        if (a1 is None or a1.name == UNIDENTIFIED) and (a2 is None or a2.name in (UNIDENTIFIED, CIVILIANS)):
            sentence = self.sentence.of(self.text) if self.sentence is not None else self.text
            name = unnamed_sides(sentence, self.in_sent)
            if name is not None:
                return (_generic(name, 4), None), (_generic(name, 4), None)
        return first, second

    def _claimed(self, match: Match | None, doers: list[Match]) -> Match | None:
        """The group that claims the attack, unless the parse names a group as its doer."""
        if match is not None and match in doers and match.entry.role == NAMED:
            return match
        # a named group, or a state force 'held responsible', that the text says did it
        claimants = [m for m in self.matches if m.entry.role in (NAMED, STATE) and claims(self.text, m.extent)]
        if len(claimants) > 1 and 0 <= claimants[1].extent.start - claimants[0].extent.end < 40:
            return claimants[1]  # 'the Maoist organisation "Shining Path"': the name in apposition
        return claimants[0] if claimants else match

    def _evidence(self, actor: Actor | None, match: Match | None) -> tuple[Span, ...]:
        if actor is None:
            return ()
        pool = self.in_sent if actor.generic else self.matches
        spans = [m.extent for m in pool if _side(m).name == actor.name or m.entry.name == actor.name]
        if match is not None:
            spans.append(match.extent)
        return tuple(sorted(set(spans), key=lambda s: (s.start, s.end)))

    def _assoc_evidence(self, actors: list[Actor]) -> tuple[Span, ...]:
        names = {a.name for a in actors}
        spans = {m.extent for m in self.agents + self.patients + self.in_sent if _as_assoc(m).name in names}
        return tuple(sorted(spans, key=lambda s: (s.start, s.end)))


def _one_force(text: str, matches: list[Match]) -> list[Match]:
    """Two force words in a row are one force, named by the first: 'police commandos' are police."""
    out: list[Match] = []
    for m in matches:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.entry.role == STATE
            and m.entry.role == STATE
            and m.entry.generic
            and 0 < m.extent.start - prev.extent.end <= 2
            and not text[prev.extent.end : m.extent.start].strip()
        ):
            out[-1] = dataclasses.replace(prev, extent=Span(prev.extent.start, m.extent.end))
            continue
        out.append(m)
    # a generic force word that belongs to the name after it is that group: 'commandos of the Shining Path'
    return [m for k, m in enumerate(out) if not (_owned(text, m, out[k + 1]) if k + 1 < len(out) else False)]


_OF = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _owned(text: str, m: Match, nxt: Match) -> bool:
    return (
        m.entry.role == STATE
        and m.entry.generic
        and nxt.entry.role == NAMED
        and _OF.fullmatch(text, m.extent.end, nxt.extent.start) is not None
    )


def _resolved(cast: _Cast, match: Match | None, *, other: Actor | None = None) -> Match | None:
    """A generic doer resolved to the group the text names for it: 'the guerrillas' after 'the FMLN',
    'an armed group believed to be Al Shabaab', 'the suspects are believed to be Turkana'."""
    if match is None or match.entry.role != ARMED:
        return match
    named = [
        m
        for m in cast.matches
        if m.entry.role in (NAMED, ETHNIC)
        and m.entry.inter in (2, 3, 4, 8)
        and (other is not None or m not in cast.patients)
        and not same_side(_side(m), other)
    ]
    for m in named:
        before = cast.text[max(0, m.extent.start - 40) : m.span.start]
        if _IDENTIFIED.search(before) or _CLAIMED.match(cast.text, m.extent.end):
            return m
    last = fold(match.words.split()[-1]) if match.words.split() else ""
    if last in ANAPHORIC or last in _TRAFFICKERS:
        groups = [m for m in named if m.entry.role == NAMED]
        if last in _TRAFFICKERS:  # 'the drug traffickers' refer back to a cartel, never to the guerrillas
            groups = [m for m in groups if "cartel" in m.entry.name.lower()]
        earlier = [m for m in groups if m.span.start < cast.trigger + 200]
        if not earlier and len({m.entry.name for m in groups}) == 1:
            earlier = groups  # the one group the text names
        if earlier:
            counts = collections.Counter(m.entry.name for m in earlier)
            top = max(counts.values())
            return next(m for m in reversed(earlier) if counts[m.entry.name] == top)
    return match


def _a_place(text: str, match: Match) -> bool:
    """Whether a name is part of a place's: 'Kikuyu town', 'Turkana county'."""
    after = WORD_AFTER.match(text, match.extent.end)
    return after is not None and after.group(1).lower() in AREAS


def _armed(match: Match) -> bool:
    """Whether a match names an armed actor without help from the parse: an ethnic group only with
    'militia', 'raiders' and the like after it; a party only by its armed men ('BNP militants', whom ACLED
    codes as the party's militia)."""
    role = match.entry.role
    if role == ETHNIC:
        return match.member in ARMED_MEMBERS or not match.entry.known
    if role == PARTY:
        return match.member in ARMED_MEMBERS
    return role in (NAMED, STATE, ARMED)


def _side(match: Match) -> Actor:
    """The actor a match stands for as a side of violence: villagers are civilians, a party's men its militia."""
    entry = match.entry
    if entry.role == VICTIM:
        return _generic(CIVILIANS, 7)
    if entry.role == PARTY:
        return Actor(name=f"{entry.name} Militia", inter=3, words=match.words, country=entry.country)
    return entry.actor(match.words)


# 'killed at the hands of the police', 'violence at the hands of X', 'a victim of the X': the name after it did
# the act.
_HANDS = re.compile(r"\b(?:at the hands|victims?) of\s+(?:the\s+|a\s+|an\s+|suspected\s+|alleged\s+)*$", re.IGNORECASE)


def _at_hands(text: str, matches: list[Match]) -> list[Match]:
    return [m for m in matches if _HANDS.search(text, max(0, m.extent.start - 40), m.extent.start)]


_ARMS = re.compile(r"\b(?:armed|guns?|firearms?|weapons|machetes|pangas|rifles)\b", re.IGNORECASE)
# People who come together as a crowd: a mob of them is no armed group ('residents lynched a thief').
_CROWDS = frozenset({
    "residents", "locals", "villagers", "inhabitants", "youths", "youth", "traders", "vendors", "hawkers", "voters",
    "students", "pupils", "workers", "drivers", "operators", "riders", "journalists", "community",
    "communities", "mob", "crowd", "crowds", "public",
})  # fmt: skip


def _crowd(matches: list[Match]) -> Match | None:
    """A crowd among the matches: rioters or protesters, or people who gather ('residents', 'traders')."""
    for m in matches:
        last = m.words.lower().split()[-1:]
        if m.entry.role in (RIOTER, PROTESTER) or (m.entry.role in (VICTIM, GROUP) and last and last[0] in _CROWDS):
            return m
    return None


def _first(matches: Iterable[Match], roles: tuple[str, ...]) -> Match | None:
    return next((m for m in matches if m.entry.role in roles), None)


def _generic(name: str, inter: int) -> Actor:
    return Actor(name=name, inter=inter)


def _with_words(actor: Actor | None, match: Match | None) -> Actor | None:
    if actor is None or match is None or actor.words:
        return actor
    return Actor(name=actor.name, inter=actor.inter, words=match.words, country=actor.country, known=actor.known)


def _as_assoc(match: Match) -> Actor:
    """The associated actor a match stands for: an ethnic group beside civilians, a party beside protesters."""
    entry = match.entry
    if entry.role == ETHNIC:
        name = entry.name.replace(" Ethnic Militia", " Ethnic Group").replace(" Clan Militia", " Clan")
        return Actor(name=name, inter=0, words=match.words, country=entry.country)
    return Actor(name=entry.name, inter=entry.inter, words=match.words, country=entry.country)


def _distinct(actors: Iterable[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())
