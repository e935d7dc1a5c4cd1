"""An event the report names by its year ('the 2003 attack on a police unit') is an earlier one it refers to, not
the report's event. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event

from conflictdb.extract.event_masks import masks
from conflictdb.models import Span


def _masked(text: str, word: str) -> bool:
    start = text.index(word)
    return any(m.start <= start < m.end for m in masks(text, Span(0, len(text))))


@pytest.mark.parametrize(
    ("text", "word", "hidden"),
    [
        # the event named by its year, with the relative clause that tells of it
        ("He is wanted for the 2003 attack on a police post in which three officers were killed.", "killed", True),
        ("She survived the March 2012 bombing of the bus station.", "bombing", True),
        # the sentence's own act after the dated noun stays
        ("Survivors of the 2008 election violence in Kiambaa gathered to demand compensation.", "gathered", False),
        ("During the 2017 election violence supporters clashed with police.", "clashed", False),
        # a year that names no event
        ("In the 2017 budget year, gunmen killed two traders in Wajir.", "killed", False),
    ],
)
def test_extract_events_dated_masked(text: str, word: str, hidden: bool) -> None:
    assert _masked(text, word) is hidden


@pytest.mark.slow
def test_extract_events_dated_arrest(extractor: Any) -> None:
    text = (
        "Police arrested a rebel commander and nine of his men in Gaya on Saturday, wanted in several cases including "
        "the 2003 attack on a police unit in which three officers were killed."
    )
    event = main_event(extractor, published="2015-06-14", text=text)
    assert event is not None and event[:2] == ("Strategic developments", "Arrests")
