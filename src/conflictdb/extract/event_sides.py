"""The sides of a clash, read from spaCy's parse: who clashed with whom ('locals clashed with police', 'a clash
between police and villagers', 'residents engaged in running battles with the police'); split out of event_parse."""

from __future__ import annotations

from typing import Any

from conflictdb.extract import lexicons
from conflictdb.extract.event_parse import Hits


def crowd_against_state(hits: Hits, sdoc: Any, text: str) -> bool:
    """Whether the parse makes the sides of a clash the state's forces and a crowd of residents, villagers or
    youths, and no armed group ('locals clashed with police', 'a clash between police and villagers')."""
    cue = lexicons.cues("events")
    state = [*hits.get("state_party", ()), *hits.get("named_state", ())]
    kinds: set[str] = set()
    for hit in hits.get("clash", ()):
        span = sdoc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None:
            continue
        for side in _sides(span.root):
            # the side's own words, without the sides joined to it ('police and villagers')
            words = [t for t in side.subtree if not _joined(t, side)]
            start, end = words[0].idx, words[-1].idx + len(words[-1].text)
            phrase = text[start:end]
            if any(start <= a.start < end for a in state):
                kinds.add("state")
            elif cue["armed_party"].search(phrase) or cue["communal_party"].search(phrase):
                kinds.add("armed")
            elif cue["mob_party"].search(phrase) or cue["crowd_party"].search(phrase):
                kinds.add("crowd")
    return kinds == {"state", "crowd"}


def _joined(token: Any, side: Any) -> bool:
    """Whether `token` belongs to a phrase joined to `side` by 'and' ('villagers' in 'police and villagers')."""
    return any(t.dep_ in ("conj", "cc") and t.head is side for t in (token, *token.ancestors))


def _sides(token: Any) -> list[Any]:
    """The sides of a clash: the subjects of 'clashed' and what follows its 'with', or what follows 'between'."""
    out: list[Any] = []
    for child in token.children:
        if child.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("VERB", "AUX"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("with", "between", "against"):
            out.extend(c for c in child.children if c.dep_ == "pobj")
    # 'residents engaged in running battles with the police': the fight named by a noun after 'in' has the verb's
    # subject for a side
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "in":
        verb = token.head.head
        if verb.pos_ == "VERB":
            out.extend(c for c in verb.children if c.dep_ == "nsubj")
            out.extend(
                c
                for p in verb.children
                if p.dep_ == "prep" and p.lower_ in ("with", "against")
                for c in p.children
                if c.dep_ == "pobj"
            )
    out.extend(c for side in list(out) for c in side.conjuncts)
    return out
