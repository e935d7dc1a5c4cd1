"""Sentence labels: reported fact, attributed claim or commentary; and which sentences are background.

Commentary (opinion, evaluation, calls to act) never creates or changes an event; background
sentences (the past, told for context) only create background events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from conflictdb.extract import lexicons
from conflictdb.models import Sentence, Span

# A count of people or a date makes a sentence report something, whatever its tone.
_COUNT = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores|hundreds)\s+"
    r"(\w+\s+){0,2}(people|persons|civilians|soldiers|villagers|men|women|children|killed|dead|died|injured|wounded)\b",
    re.IGNORECASE,
)


# The sentences that lead a report: its first event there is its news, whatever it recalls. An event first
# told deeper in a long story (after its context) may be that context.
_LEAD = 3


@dataclass(frozen=True, slots=True)
class SentenceInfo:
    """One sentence as extraction sees it."""

    sentence: Sentence
    background: bool
    attribution: tuple[Span, ...]
    commentary: tuple[Span, ...]
    background_cues: tuple[Span, ...]

    @property
    def span(self) -> Span:
        return self.sentence.span

    @property
    def label(self) -> str:
        return self.sentence.label


def label(text: str, spans: list[Span], *, eventful: list[bool] | None = None) -> list[SentenceInfo]:
    """Label each sentence span of `text`; `eventful` says which sentences hold an event's trigger."""
    cue = lexicons.cues("discourse")
    out: list[SentenceInfo] = []
    # the report's news: its first sentence that tells an event, or its first sentence if none does
    first = next((k for k, e in enumerate(eventful or ()) if e), 0)
    for k, span in enumerate(spans):
        chunk = span.of(text)
        said = tuple(lexicons.find(cue["attribution"], chunk, offset=span.start))
        opinion = tuple(lexicons.find(cue["commentary"], chunk, offset=span.start))
        weak = tuple(lexicons.find(cue["commentary_weak"], chunk, offset=span.start))
        past = tuple(lexicons.find(cue["background"], chunk, offset=span.start))
        reports = eventful[k] if eventful is not None else False
        if k == first and k < _LEAD:
            past = ()  # a report leads with its news: its first event is never the background
        elif not past:
            past = tuple(lexicons.find(cue["background_weak"], chunk, offset=span.start))
        # a sentence that reports an event needs two signs of opinion to be commentary
        opinionated = len(opinion) + len(weak) >= 2 and bool(opinion) if reports else bool(opinion or weak)
        if opinionated:
            opinion = opinion + weak
        if opinionated and not said and not _COUNT.search(chunk):
            name = "commentary"
        elif said:
            name = "claim"
        else:
            name = "fact"
        out.append(SentenceInfo(Sentence(span, name), bool(past), said, opinion, past))
    return out


def split(text: str) -> list[Span]:
    """Sentence spans without a parser: for tests and for texts too long to parse whole."""
    spans: list[Span] = []
    start = 0
    for match in re.finditer(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n", text):
        if text[start : match.start()].strip():
            spans.append(_strip(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append(_strip(text, start, len(text)))
    return spans


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
