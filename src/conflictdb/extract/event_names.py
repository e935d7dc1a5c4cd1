"""The actor registry's names inside a sentence, as event hits: a named armed group is armed, a named force is the
state's, an ethnic group or clan a communal side, a party's supporters a crowd (split out of event_parse)."""

from __future__ import annotations

import re

from conflictdb.extract import lexicons
from conflictdb.extract.actor_registry import ARMED, ETHNIC, NAMED, PARTY, PROTESTER, RIOTER, STATE, Registry
from conflictdb.extract.event_parse import Hits
from conflictdb.models import Span

_LOCATIVE = re.compile(r"\b(?:in|at|near|of|from|to|outside|around|towards?)\s+(?:[A-Z][\w'-]*\s+)*$")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b(?!The\b)[A-Z][\w'-]*\s+$")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _place_name(chunk: str, extent: Span) -> bool:
    """Whether a group's name is part of a place's or another longer name: after 'in', 'at'; beside
    other capitalised words ('Dakshin Surma', 'Turkana Farm')."""
    return bool(
        _LOCATIVE.search(chunk, 0, extent.start)
        or (extent.start > 0 and _NAME_BEFORE.search(chunk, 0, extent.start))
        or _NAME_AFTER.match(chunk, extent.end)
    )


def named_parties(text: str, span: Span) -> Hits:
    """The actor registry's names inside one sentence, as hits: a named armed group is armed, a named force is
    the state's, an ethnic group or clan a communal side, a party's supporters a crowd."""
    out: Hits = {}
    chunk, offset = span.of(text), span.start
    # the document's names, matched once (the actor stage reads the same): those inside this sentence
    for match in Registry.load().match(text):
        where = match.extent
        if not (span.start <= where.start and where.end <= span.end):
            continue
        entry = match.entry
        if entry.role == STATE or (entry.role in (NAMED, ARMED) and entry.inter in (1, 8)):
            names: tuple[str, ...] = ("named_armed", "named_state")
        elif entry.role == NAMED:
            names = ("named_armed", "named_group")  # a group with a name of its own, not 'gunmen'
        elif entry.role == ARMED:
            names = ("named_armed",)
        elif entry.role == ETHNIC:
            if not match.member and _place_name(chunk, Span(where.start - offset, where.end - offset)):
                continue  # 'in Dakshin Surma', 'at Turkana Farm': a place named after the group
            names = ("communal_party",)
        elif entry.role == PARTY and lexicons.cues("events")["armed_party"].search(where.of(text)):
            names = ("named_armed", "named_party")  # 'BNP militants', 'party gunmen': the party's militia
        elif entry.role == PARTY:
            names = ("crowd_party", "named_party")
        elif entry.role in (RIOTER, PROTESTER):
            names = ("crowd_party",)
        else:
            continue
        for name in names:
            out.setdefault(name, []).append(where)
    return out
