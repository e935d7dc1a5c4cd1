"""A protest that a report's event led to, told after it ('The attack led to a protest in the next town'), is a later
event, not the report's. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event

from conflictdb.extract.event_masks import masks
from conflictdb.models import Span


def _masked_in(text: str, sentence: str, word: str) -> bool:
    start = text.index(sentence)
    span = Span(start, start + len(sentence))
    at = text.index(word, start)
    return any(m.start <= at < m.end for m in masks(text, span))


@pytest.mark.parametrize(
    ("text", "sentence", "hidden"),
    [
        (
            "Herders clashed near Kapkechir. The attack led to a protest in nearby Mochongoi.",
            "The attack led to a protest in nearby Mochongoi.",
            True,
        ),
        (
            "Police shot a boda boda rider in Kisumu. The killing sparked protests in the town.",
            "The killing sparked protests in the town.",
            True,
        ),
        # told first, the protest is the report's own event
        (
            "The killing of a trader sparked protests in Kisumu on Monday.",
            "The killing of a trader sparked protests in Kisumu on Monday.",
            False,
        ),
    ],
)
def test_extract_events_later_protest_masked(text: str, sentence: str, hidden: bool) -> None:
    assert _masked_in(text, sentence, "protest") is hidden


@pytest.mark.slow
def test_extract_events_later_protest_not_main(extractor: Any) -> None:
    text = (
        "Pokot and Turkana herders clashed for several hours near Kapkechir after a cattle raid. "
        "The attack led to a protest in nearby Mochongoi."
    )
    event = main_event(extractor, published="2019-06-14", text=text)
    assert event is not None and event[0] == "Battles"
