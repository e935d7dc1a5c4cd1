"""The actor finder's roles for one event of a text written for a test, whose trigger is a given word."""

from __future__ import annotations

from typing import Any

from conflictdb.extract.actors import ActorFinder, Roles
from conflictdb.models import Span


def roles(finder: ActorFinder, nlp: Any, text: str, trigger: str, event_type: str, sub: str) -> Roles:
    start = text.index(trigger)
    return finder.roles(
        text, spacy_doc=nlp(text), trigger=Span(start, start + len(trigger)), event_type=event_type, sub_event_type=sub
    )


def pair(found: Roles) -> tuple[str, str]:
    """actor1's and actor2's names, '' where there is none."""
    return (found.actor1.name if found.actor1 else "", found.actor2.name if found.actor2 else "")
