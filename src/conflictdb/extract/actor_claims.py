"""Claims and blame: which group a report says did it, including groups the registry lacks.

'X has claimed responsibility', 'a group calling itself X', 'police blamed X', 'the police hold X responsible';
a group the registry lacks is kept with its own words (`unregistered`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from conflictdb.extract.actor_parse import phrase
from conflictdb.extract.actor_registry import (
    ETHNIC,
    GROUP,
    MILITARY,
    NAMED,
    PARTY,
    PERPETRATORS,
    VICTIM,
    Match,
    Registry,
)
from conflictdb.models import Actor, Span

__all__ = ["ANAPHORIC", "GROUP_WORDS", "claims", "unknown_claimant", "unknown_doer", "unregistered"]

# Generic words that refer back to a group named before: 'the guerrillas', 'the militants'.
ANAPHORIC = frozenset(
    [
        "guerrillas",
        "guerrilla",
        "rebels",
        "rebel",
        "insurgents",
        "insurgent",
        "militants",
        "militant",
        "terrorists",
        "terrorist",
        "jihadists",
        "jihadist",
        "subversives",
        "subversive",
        "extremists",
        "extremist",
        "fighters",
        "fighter",
        "group",
    ]
)
# Words that name no group by themselves.
_NAMELESS = ANAPHORIC | {
    "groups", "the", "a", "an", "these", "those", "some", "armed", "unknown", "unidentified", "men",
}  # fmt: skip
# After the name, an aside between dashes may stand before the claim: 'the Extraditables -- drug lords wanted
# abroad -- who said they were responsible for the action'.
_RESPONSIBLE = re.compile(
    r"(?:\s*\([^()\n]{1,60}\))?(?:\s*--[^-]{1,150}--)?(?:\W{0,3}\(?[\w-]+\)?)?\W{0,3}(?:\w+\s){0,2}?"
    r"(?:has\s|have\s|had\s)?"
    r"(?:(?:claimed|claims|claiming|took|takes|accepted|admitted)\s+(?:\w+\s){0,2}?"
    r"(?:responsibility|credit|authorship|hand|involvement)\b|"
    r"(?:said|says|stated|admitted)\s+(?:that\s+)?(?:they|it)\s+(?:was|were|is|are)\s+responsible\s+for\b|"
    r"(?:was|were|is|are)\s+(?:\w+\s)?(?:behind|responsible\s+for)\s+(?:the|this|these)\b)",
    re.I,
)
# Words before a name that hold it responsible: 'police blamed X', 'attributed the attack to X', 'suspect X'.
_BLAMED = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|suspect|suspects|attributed\s+(?:[\w\"']+\s+){0,6}?to)"
    r"\s+(?:the\s+)?(?:(?!(?:of|by|for|in|to|with|and|or)\b)[\w\"'-]+,?\s+){0,4}?[\"']?$",
    re.I,
)
_HELD = re.compile(r"\b(?:hold|holds|held|holding)\s+(?:the\s+)?$", re.I)
_HELD_AFTER = re.compile(r"\W{0,3}(?:[\w-]+\s+){0,3}?responsible\b", re.I)
# A quoted name, or a name's acronym in brackets, right before a claim of responsibility.
_QUOTED_CLAIM = re.compile(
    r"(?:[\"“]([^\"”\n]{3,80})[\"”]\s*)?\((\w[\w-]{1,15})\),?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:claimed|claims|accepted|admitted)\s+(?:\w+\s+){0,2}?responsibility",
    re.I,
)
# 'itself' or 'themselves' near a name: 'a group calling itself X' (read around the name, and by the parse).
_ITSELF = re.compile(r"\b(?:itself|themselves)\b", re.IGNORECASE)
# ... right before it: not 'men identifying themselves as police in Nairobi (Starehe)', whose place names no group
_ITSELF_BEFORE = re.compile(
    r"\b(?:itself|themselves)\s+(?:as\s+)?(?:being\s+)?(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?[\"“']?$", re.I
)

# Words that make an organisation's name an armed or political group's ('... Liberation Front').
GROUP_WORDS = re.compile(
    r"\b(?:front|army|movement|militia|brigades?|battalion|group|forces?|party|league|council|alliance|"
    r"organi[sz]ation|commando|squad|cartel|gang|network|jihad|mujahideen|liberation|resistance|guards?|"
    r"division|corps|rebels?|tigers|union|coalition|islamic|ansar|jaish|lashkar|katiba|jama'?at)\b",
    re.IGNORECASE,
)


def claims(text: str, extent: Span) -> bool:
    """Whether the name at `extent` claims responsibility: 'X has claimed responsibility', 'a group calling
    itself X'."""
    before = text[max(0, extent.start - 60) : extent.start]
    end = extent.end
    if "(" in extent.of(text) and ")" not in extent.of(text):  # 'ELN (ARMY OF NATIONAL LIBERATION)'
        close = text.find(")", end, end + 60)
        end = close + 1 if close >= 0 else end
    if _HELD.search(before):  # 'the police hold X responsible for the attack'
        return bool(_HELD_AFTER.match(text, end))
    return bool(_RESPONSIBLE.match(text, end) or _ITSELF_BEFORE.search(before) or _BLAMED.search(before))


def unregistered(words: str) -> Actor:
    """A group the registry lacks, kept with its words: rebels (2) by the words of their name, else a militia (3)."""
    inter = 2 if re.search(r"front|army|liberation|movement|rebel", words, re.I) else 3
    return Actor(name=words, inter=inter, words=words, known=False)


def unknown_claimant(doc: Any, matches: list[Match], text: str) -> Actor | None:
    """An organisation the registry lacks that claims the attack: 'a group calling itself X', 'X claimed
    responsibility'; none when a registry group claims it."""
    if any(m.entry.role == NAMED and claims(text, m.extent) for m in matches):
        return None
    for ent in doc.ents if doc is not None else ():
        if ent.label_ not in ("ORG", "NORP", "PERSON"):
            continue
        start = ent.start_char + (4 if text[ent.start_char : ent.start_char + 4].lower() == "the " else 0)
        span = Span(start, ent.end_char)
        inside = [m for m in matches if m.extent.start < span.end and span.start < m.extent.end]
        if any(not m.entry.generic and m.entry.role in (NAMED, ETHNIC, PARTY) for m in inside):
            continue  # a name the registry knows: handled as a match ('commando' in a longer name is not)
        if claims(text, span) and (ent.label_ != "PERSON" or GROUP_WORDS.search(span.of(text))):
            words = span.of(text)
            if not set(re.findall(r"\w+", words.lower())) - _NAMELESS:
                continue  # 'the groups', 'the militants': no name
            return unregistered(words)
    quoted = _QUOTED_CLAIM.search(text)
    if quoted:  # 'the clandestine organisation "X" (ABC) has claimed responsibility'
        words = quoted.group(1) or quoted.group(2)
        inside = [m for m in matches if m.extent.start < quoted.end(2) and quoted.start() < m.extent.end]
        if not any(not m.entry.generic and m.entry.role in (NAMED, ETHNIC, PARTY) for m in inside):
            return unregistered(words.strip())
    calling_itself = doc is not None and _ITSELF.search(text)
    for token in doc if calling_itself else ():
        # 'a group calling itself the X' in capitals, where the tagger finds no name: the parse's object
        if token.lower_ in ("itself", "themselves") and token.head.lower_ in ("calling", "calls", "called"):
            named = next((c for c in token.head.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp")), None)
            if named is None:
                continue
            first = next(t for t in named.subtree if t.dep_ != "det")
            words = text[first.idx : named.idx + len(named.text)]
            if len(words.split()) >= 2:
                return unregistered(words)
    return None


def unknown_doer(
    heads: Iterable[Any], doc: Any, matches: list[Match], text: str, registry: Registry, *, labels: tuple[str, ...]
) -> Actor | None:
    """A doer that the registry lacks: a named organisation heading the doer's phrase, kept with its words."""
    for head in heads:
        start, end = phrase(head)
        if any(start <= m.extent.start and m.extent.end <= end and m.entry.role in PERPETRATORS for m in matches):
            return None
        for ent in doc.ents if doc is not None else ():
            if ent.label_ in labels and start <= ent.start_char and ent.end_char <= end:
                words = text[ent.start_char : ent.end_char]
                country = registry.country_of(words)
                if country and any(
                    m.entry.role in (VICTIM, GROUP) and m.extent.start <= head.idx < m.extent.end for m in matches
                ):
                    continue  # 'Kenyan fishermen': people of the country, not its forces
                if country:  # 'Turkish shelling', 'Pakistan shelled the border posts': the country's forces
                    name = MILITARY.replace("{country}", registry.country_forms[country])
                    return Actor(name=name, inter=1, words=words, country=country)
                if not GROUP_WORDS.search(words):  # a university or a ministry is no party to violence
                    continue
                return unregistered(words)
    return None
