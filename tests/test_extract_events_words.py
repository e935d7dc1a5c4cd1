"""Event coding of words the lexicon missed: aircraft that launch attacks or pound a camp, bombs and mines told as
planted, a street fight and blows exchanged, a march told right after a year, and a month inside an accused deed.
Texts written for these tests."""

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
        # the month after the deed is no march in it: the deed stays masked
        ("Two men accused of burning a bus on March 10 were arrested in Kisumu.", "burning", True),
        ("Two men accused of burning a bus on 10 March were arrested in Kisumu.", "burning", True),
        # a march in the phrase runs into the sentence's own act, as before
        ("Workers involved in the dispute marched to the county offices.", "marched", False),
    ],
)
def test_extract_events_words_month_in_deed(text: str, word: str, hidden: bool) -> None:
    assert _masked(text, word) is hidden


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aircraft as the weapon: an air strike, whoever was hit
        (
            "The air force launched attacks on a forest near Witu where the raiders were said to be hiding.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Five rebels were killed when military planes pounded their camp in the hills above Kalemie.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "Three fighters died in strikes by the air force near the town of Jilib on Sunday.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        # a bomb or mine told as planted is a remote explosive, even with a policeman among the dead
        (
            "Two bombs planted by the insurgents killed a policeman and wounded three others in Kunduz city.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "A soldier died when his truck hit a rebel-planted mine on the road to Menaka.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # a fight of fists between unarmed groups is a riot
        ("Traders and hawkers engaged in a streetfight at the main market in Kasoa.", ("Riots", "Mob violence")),
        ("Members of two unions exchanged blows during wage talks at the depot in Thika.", ("Riots", "Mob violence")),
    ],
)
def test_extract_events_words_coded(extractor: Any, text: str, expected: tuple[str, str]) -> None:
    event = main_event(extractor, published="2023-06-14", text=text)
    assert event is not None and tuple(event[:2]) == expected


@pytest.mark.slow
def test_extract_events_words_march_after_year(extractor: Any) -> None:
    text = "Relatives of those detained in a raid on 3 June 2019 marched through Bago, calling for their release."
    event = main_event(extractor, published="2019-07-01", text=text)
    assert event is not None and event[0] == "Protests"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an infinitive 'to seize' grain is no seizure of weapons: the protesters' act is the event
        ("Protesters shut down shops and blocked officials who were trying to seize hoarded rice.", "Protests"),
        # weapons seized in the present tense still are
        ("Police seize weapons and ammunition in a raid on a house in Mandera.", "Strategic developments"),
    ],
)
def test_extract_events_words_seize(extractor: Any, text: str, expected: str) -> None:
    event = main_event(extractor, published="2023-06-14", text=text)
    assert event is not None and event[0] == expected
