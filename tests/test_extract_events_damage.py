"""Event coding of damage by a crowd beside the state's forces named in another role ('outside the police
commander's home'), and of a list of things set alight. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the police are the owner of the place, not the doers: a crowd's damage is a riot
        ("Residents burnt tyres outside the home of the district police commander in Matola on Monday.", "Riots"),
        # a list of things set alight, commas and all
        ("Mourners set a house, two cars and a granary alight in Kalyet after the burial was stopped.", "Riots"),
        # the state's forces as the doers: property destruction, no riot
        (
            "Police set a house, two cars and a granary alight in Kalyet during a search for the suspects.",
            "Strategic developments",
        ),
    ],
)
def test_extract_events_damage_doer(extractor: Any, text: str, expected: str) -> None:
    event = main_event(extractor, published="2023-06-14", text=text)
    assert event is not None and event[0] == expected
