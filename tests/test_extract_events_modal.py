"""Event coding of acts a modal calls possible ('might attack'), of 'demonstrated' meaning 'showed', and of a bomb
told as the doer of its strike. Texts written for these tests."""

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
        # a modal with the bare verb: the act is possible, not done
        ("The army said the militants might attack the town again.", "attack", True),
        ("They were paraded so that the crowd could kill them.", "kill", True),
        # a modal perfect hedges who did a deed that was done: the deed stays
        ("Officials said soldiers could have killed the two priests.", "killed", False),
        ("Police said the rebels may be involved in the attack on the bus.", "attack", False),
        # a passive toll hedges a count, not the act
        ("Up to twenty people may have been killed when troops fired on the village.", "killed", False),
        # 'as we have demonstrated' is 'as we have shown'; a crowd that demonstrated protested
        ("As we have demonstrated through our operations, the plan has failed.", "demonstrated", True),
        ("As students demonstrated outside parliament, police fired tear gas.", "demonstrated", False),
    ],
)
def test_extract_events_modal_masked(text: str, word: str, hidden: bool) -> None:
    assert _masked(text, word) is hidden


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army said the militants might attack the town of Garissa again.", None),
        ("As we have demonstrated through our urban operations, the regime's plan has failed.", None),
        ("Hundreds of students demonstrated in Nairobi on Monday against fee increases.", "Protests"),
        # a bomb that targeted a vehicle is an explosion even when no one was hurt
        (
            "Police escaped unharmed when an explosive targeted their vehicle on the road near Wajir town.",
            "Explosions/Remote violence",
        ),
        # devices that are no explosives target nothing violent
        ("Devices targeting mobile phones went on sale in shops in Busia last week.", None),
    ],
)
def test_extract_events_modal_and_bomb_doer(extractor: Any, text: str, expected: str | None) -> None:
    event = main_event(extractor, published="2023-06-14", text=text)
    assert (event and event[0]) == expected
