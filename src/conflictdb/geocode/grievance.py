"""What a protest is about, as opposed to where it is: 'Muslims protested against Israel's raids in Gaza'.

A protest or riot over events abroad ('against the bombing of Gaza', 'over a decision to export animals to
Thailand', 'in solidarity with Palestine') names the grievance's country and places, not the protest's. The
places and country words of a grievance say little about where the protesters were.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A protest, a riot or a strike, then what it is against or about, in the same sentence.
_GRIEVANCE_RE = re.compile(
    r"\b(?:protest|demonstrat|rall(?:y|ied|ies)|march|riot|strike|sit-in|picket)[\w\-]*\b[^.!?;\n]*?"
    r"\b(?:against|over|condemn\w*|denounc\w*|(?:in\s+)?solidarity\s+with|stand\s+with)\s",
    re.IGNORECASE,
)
# The end of the grievance: the sentence's end, or a coder's place note ('... in Nairobi (Starehe, Nairobi)').
_END_RE = re.compile(r"[.!?;\n]|\s\((?=[A-Z])")
# Words that must be in a text for it to hold a grievance: one test, before any pattern is run.
_OPENERS = ("against", "over", "ondemn", "enounc", "olidarity", "stand with")


@lru_cache(maxsize=8)
def grievance_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of a text that say what a protest is against or about (offsets, in text order)."""
    lowered = text.lower()
    if not any(word in lowered for word in _OPENERS):
        return ()
    spans = []
    for m in _GRIEVANCE_RE.finditer(text):
        end = _END_RE.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return tuple(spans)


def in_grievance(text: str, start: int) -> bool:
    """Whether the word at `start` is part of what a protest is against or about."""
    return any(a <= start < b for a, b in grievance_spans(text))
