"""Event coding by the verb's tense and by who did it: a headline's present ('violence erupts', 'gang raids'), a
named armed group's vandalism, a person set on fire, a crowd that engaged in running battles. Texts written for
these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a headline tells in the present what the body tells in the past
        ("Violence erupts in Kisumu as the election results are announced.", "Riots"),
        ("Shootings and robberies by a gang in Nakuru", "Violence against civilians"),
        ("Armed gang raids a shop in Eldoret.", "Violence against civilians"),
        ("Militants hurl bombs at a police post in Imphal.", "Explosions/Remote violence"),
        # a named armed group that killed people is no rioter for the property it vandalised on the way
        (
            "Two people were killed by suspected al-Shabaab who vandalized a telecom mast near Mandera.",
            "Violence against civilians",
        ),
        # a riot stays a riot when the named group is only who the victim was linked to
        ("A cleric with links to al-Shabaab was killed by an unknown group, sparking riots in Mombasa.", "Riots"),
        # setting a person on fire is an attack on the person, not damage to property
        ("A girl was set on fire by two masked men in Multan.", "Violence against civilians"),
        # ('a passenger bus was torched': a bus, whatever the word before it)
        ("A passenger bus was torched by the blockaders in Demra.", "Riots"),
        # the subject of 'engaged in running battles' is a side of the fight: residents against the police riot
        ("Residents engaged in running battles with the police in Kisii.", "Riots"),
    ],
)
def test_extract_events_tense_and_doers(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type
