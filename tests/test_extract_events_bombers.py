"""Event coding of suicide bombers killed or caught before their blast, and of a named group's office-holder shot
dead (a civilian). Texts written for these tests."""

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
    ("text", "hidden"),
    [
        ("Iraqi forces killed two IS suicide bombers near Mosul on Friday.", True),
        ("Police arrested a would-be suicide bomber in Peshawar on Monday.", True),
        # a blast that killed its bomber among others went off
        ("The blast killed five people including the suicide bomber in Kabul.", False),
        ("A suicide bomber killed four soldiers at a checkpoint in Mogadishu.", False),
    ],
)
def test_extract_events_bombers_caught(text: str, hidden: bool) -> None:
    assert _masked(text, "suicide bomber") is hidden


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iraqi forces killed two IS suicide bombers near the Badush mountains on Friday.", "Battles"),
        ("The blast killed five people including the suicide bomber in Kabul.", "Explosions/Remote violence"),
        # an office-holder of a named group is no fighter when shot
        (
            "The general secretary of the ASWJ unit in Korangi was shot dead by unidentified gunmen in Karachi.",
            "Violence against civilians",
        ),
    ],
)
def test_extract_events_bombers_coded(extractor: Any, text: str, expected: str) -> None:
    event = main_event(extractor, published="2020-05-14", text=text)
    assert event is not None and event[0] == expected
