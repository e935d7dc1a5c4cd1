"""Event coding of suicide bombers killed or caught before their blast, and of a named group's office-holder shot
dead (a civilian). Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
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
