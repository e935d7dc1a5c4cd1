"""Which sentences tell which event: a report's sentences grouped into events, and the events ordered.

A sentence with an event's trigger opens or joins an event; 'in another attack', 'meanwhile' ... open a new
one; sentences with no trigger carry the details of the event before them; commentary belongs to none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from conflictdb.extract.event_parse import Hits
from conflictdb.extract.sentences import SentenceInfo

VIOLENT = (
    "clash",
    "air",
    "shelling",
    "ied",
    "suicide",
    "grenade",
    "chemical",
    "kill",
    "assault",
    "abduction",
    "sexual",
)
CROWD = ("protest", "riot", "mob")
STRATEGIC = (
    "arrest",
    "looting",
    "disrupted",
    "agreement",
    "change_group",
    "headquarters",
    "transfer",
    "regains",
    "overtakes",
)
# Hit names for a strategic development's label ('Arrests: ...'), followed by its sub-event type.
SD_LABEL = "sd_label:"
# Words that tell a new incident in the same report.
_NEW_INCIDENT = re.compile(
    r"^\W*(?:in (?:an)?other (?:attack|incident|development|event)|in a separate (?:attack|incident)|separately|"
    r"meanwhile|elsewhere|also on|on the same day|in another)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Group:
    """Sentences (indices into the document's sentences) that tell one event."""

    sentences: tuple[int, ...]
    background: bool


def eventful(hits: Hits) -> bool:
    """Whether a sentence's triggers report an event at all."""
    return any(k.startswith(SD_LABEL) for k in hits) or any(
        hits.get(k)
        for k in (
            *VIOLENT,
            *CROWD,
            *STRATEGIC,
            "intervention",
            "excessive_force",
            "agreement",
            "other_sd",
            "vague_violence",
            "captured_post",
        )
    )


def group(text: str, infos: list[SentenceInfo], hits: list[Hits]) -> list[Group]:
    """Sentences grouped into events: new incidents start at 'in another attack', 'meanwhile' ...

    Commentary belongs to no event. Background sentences make background events; sentences with no
    trigger join the event before them (they carry its details: figures, sources, places).
    """
    groups: list[list[int]] = []
    flags: list[bool] = []
    current: list[int] | None = None
    # with no trigger anywhere, people demanding something in public are a protest, and a communal
    # dispute is a clash
    weak = not any(eventful(h) for h in hits)
    for i, (info, h) in enumerate(zip(infos, hits, strict=True)):
        if info.label == "commentary":
            continue
        if not (eventful(h) or (weak and ((h.get("demand") and h.get("civilian_party")) or h.get("dispute")))):
            if current is not None and not flags[-1]:
                current.append(i)
            continue
        starts_new = bool(_NEW_INCIDENT.search(info.span.of(text))) and current is not None
        if current is None or starts_new or info.background != flags[-1]:
            current = [i]
            groups.append(current)
            flags.append(info.background)
        else:
            current.append(i)
    return [Group(tuple(g), f) for g, f in zip(groups, flags, strict=True)]


def merged(hits: list[Hits], indices: tuple[int, ...]) -> Hits:
    """The triggers of several sentences together."""
    out: Hits = {}
    for i in indices:
        for name, spans in hits[i].items():
            out.setdefault(name, []).extend(spans)
    return out


def salient(groups: list[Group], codings: Mapping[int, object | None]) -> list[int]:
    """Group indices by salience: new events before background ones, then in the order told."""
    order = [i for i, g in enumerate(groups) if codings.get(i) is not None]
    return sorted(order, key=lambda i: (groups[i].background, i))
