"""The two sides of a fight where the parse alone misses them: peoples named together, communities unnamed.

ACLED codes a fight between two peoples as one ethnic militia against the other ('Pokot Ethnic Militia' and
'Turkana Ethnic Militia'), and a fight between herders, villagers or rival communities that no text names
as a communal (or ethnic, or clan) militia on both sides. A group named as a victim's affiliation ('a candidate
of the M-19') is the victim's side, not the doer.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from conflictdb.extract.actor_registry import ETHNIC, NAMED, PARTY, STATE, Match
from conflictdb.models import Actor, Span

__all__ = ["UNNAMED_SIDES", "affiliation", "ethnic_pair", "named_pair", "unnamed_sides"]

# Words between two peoples' names that make them the two sides: 'Pokot and Turkana', 'Orma, Pokomo'.
_JOINED = re.compile(r"\s*(?:,|&|and|or|vs\.?|versus|against)\s+(?:the\s+)?|\s*[,&/-]\s*", re.IGNORECASE)

CLAN = "Unidentified Clan Militia ({country})"
ETHNIC_MILITIA = "Unidentified Ethnic Militia ({country})"
COMMUNAL = "Unidentified Communal Militia ({country})"
UNNAMED_SIDES = (CLAN, ETHNIC_MILITIA, COMMUNAL)

# Armed men of a cause, not of a community: 'militants clashed with villagers' is no communal fight.
_INSURGENTS = re.compile(
    r"\b(?:militants?|insurgents?|rebels?|terrorists?|jihadists?|extremists?|islamists?|guerrillas?)\b", re.IGNORECASE
)
# What a fight's words say about sides that no name is given for; the first that applies decides.
_CUES = (
    (CLAN, re.compile(r"\b(?:clans?|inter-?clan|clansmen)\b", re.IGNORECASE)),
    (ETHNIC_MILITIA, re.compile(r"\b(?:ethnic|tribal|tribes|inter-?tribal|inter-?ethnic|tribesmen)\b", re.IGNORECASE)),
    (
        COMMUNAL,
        re.compile(
            r"\b(?:herders|herdsmen|pastoralists?|farmers|villagers|communit(?:y|ies)|communal|(?:two|rival) groups|"
            r"(?:two|rival) factions|land(?:-related)? disputes?|boundary disputes?|chieftaincy|grazing|pastures?|"
            r"water(?:ing)? (?:points?|holes?|sources?))\b",
            re.IGNORECASE,
        ),
    ),
)


def ethnic_pair(text: str, matches: Sequence[Match]) -> tuple[Match, Match] | None:
    """The first two peoples named together as a fight's sides: 'clashes between Pokot and Turkana',
    'Orma and Pokomo militias', 'the Kisii and Kipsigis groups'."""
    by_start: dict[int, Match] = {}
    for m in matches:
        if m.entry.role == ETHNIC:
            by_start.setdefault(m.span.start, m)
    ethnic = [by_start[k] for k in sorted(by_start)]
    for a, b in itertools.pairwise(ethnic):
        if a.entry.name == b.entry.name or b.extent.start < a.extent.end:
            continue
        if _JOINED.fullmatch(text, a.extent.end, b.extent.start):
            return a, b
    return None


# Two names before the word for what they are: 'clashes between the Kapkeny and Kabasiran clans'.
_NAMED_PAIR = re.compile(
    r"\b(?P<a>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s*(?:,|&|and|vs\.?|versus)\s+(?:the\s+)?"
    r"(?P<b>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+"
    r"(?P<kind>(?i:sub-?clans|clans|families|communities|tribes|ethnic groups|communal (?:militias|groups)|"
    r"ethnic militias|clan militias))\b"
)
# ... what each word makes them, where the registry does not know either name
_KINDS = {"clans": "Clan Militia", "subclans": "Clan Militia", "sub-clans": "Clan Militia", "families": "Clan Militia",
          "communities": "Communal Militia", "tribes": "Ethnic Militia", "ethnic groups": "Ethnic Militia",
          "communal militias": "Communal Militia", "communal groups": "Communal Militia",
          "ethnic militias": "Ethnic Militia", "clan militias": "Clan Militia"}  # fmt: skip
# Faiths are communities too, but ACLED names their crowds, not militias after them ('Hindu and Muslim communities').
_NOT_PEOPLES = frozenset({"hindu", "muslim", "christian", "sikh", "buddhist", "catholic", "protestant", "shia", "sunni",
                          "the", "both", "two", "rival", "local", "neighbouring", "neighboring"})  # fmt: skip


def named_pair(text: str, start: int, end: int, matches: Sequence[Match]) -> tuple[Actor, Actor] | None:
    """Two communities the text names as a fight's sides, the registry knowing one or neither: 'between the
    Kapkeny and Kabasiran clans' (two clan militias), 'the Borana and Garba clans' (the Borana's kind for both)."""
    found = _NAMED_PAIR.search(text, start, end)
    if found is None or {found["a"].lower(), found["b"].lower()} & _NOT_PEOPLES:
        return None
    known: dict[str, Match | None] = {}
    for key in ("a", "b"):
        at = found.start(key)
        known[key] = next((m for m in matches if m.entry.role == ETHNIC and m.span.start <= at < m.span.end), None)
    if all(known.values()):
        return None  # two peoples the registry knows: `ethnic_pair` names them
    kind = _KINDS[found["kind"].lower()]
    for m in known.values():
        if m is not None and m.entry.known:
            kind = "Clan Militia" if "Clan Militia" in m.entry.name else "Ethnic Militia"
    sides: list[Actor] = []
    for key in ("a", "b"):
        m = known[key]
        words = found[key]
        sides.append(
            m.entry.actor(m.words)
            if m is not None
            else Actor(name=f"{words} {kind} ({{country}})", inter=4, words=words, known=False)
        )
    return sides[0], sides[1]


def unnamed_sides(sentence: str, matches: Sequence[Match]) -> str | None:
    """ACLED's generic name for both sides of a fight between groups the sentence does not name ('herders
    clashed over a watering point', 'inter-clan fighting'); none where it names a force, group or party."""
    if any(m.entry.role in (STATE, NAMED, PARTY, ETHNIC) or _INSURGENTS.search(m.words) for m in matches):
        return None
    return next((name for name, cue in _CUES if cue.search(sentence)), None)


# People who stand for a group (or against it) without being its armed men: its candidate, leader or mayor, its
# critic. Named with the act's victim ('a candidate of the M-19', 'the FMLN mayor'), the group is the victim's side
# or topic, not the doer.
_AFFILIATES = frozenset({
    "candidate", "candidates", "leader", "leaders", "leadership", "mayor", "mayors", "councilman", "councillor",
    "councilor", "councilmen", "councillors", "secretary", "deputy", "deputies", "senator", "congressman",
    "legislator", "legislators", "founder", "chairman", "president", "activist", "activists", "sympathizer",
    "sympathizers", "sympathiser", "sympathisers", "supporter", "supporters", "official", "officials", "commander",
    "commanders", "critic", "critics", "opponent", "opponents",
})  # fmt: skip
_AFFILIATE = "|".join(sorted(_AFFILIATES))
# '... candidate of the former 19 April (M-19) movement': the name may follow a few words of the group's own
# name, or stand in brackets after them
_AFFILIATE_OF = re.compile(rf"\b(?:{_AFFILIATE})\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}\(?$", re.IGNORECASE)
# 'the FMLN mayor', 'the M-19 (19 April Movement) presidential candidate', 'a police commander's wife'
_AFFILIATE_AFTER = re.compile(rf"\s*(?:\([^()]{{0,60}}\)\s*)?\W{{0,3}}(?:[a-z]+\s+)?(?:{_AFFILIATE})\b", re.IGNORECASE)


def affiliation(text: str, extent: Span) -> bool:
    """Whether the name at `extent` says whose candidate, leader or official someone is: 'a candidate of the
    M-19', 'the FMLN mayor' (the victim's side, never the doer unless the parse says so)."""
    if _AFFILIATE_AFTER.match(text, extent.end):
        return True
    return bool(_AFFILIATE_OF.search(text, max(0, extent.start - 60), extent.start))
