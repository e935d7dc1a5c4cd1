"""Event coding by who the sides are: members of a force, a party's militia, the state's forces fighting armed
men, a crowd told of again as 'they', armed men named inside a crowd's words. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a police official is a member of the police: shooting one is an attack on armed men
        ("Gunmen shot dead a senior police official outside the district court in Quetta.", "Battles"),
        # a party's militants are its militia, not a crowd: their petrol bomb that hurt a driver attacked him
        (
            "BNP militants hurled a petrol bomb at a truck near Sherpur, injuring its driver.",
            "Violence against civilians",
        ),
        # the state's forces killing people the report leaves unnamed, with armed men told of, fought them
        ("Soldiers chased the bandits into the forest and killed five.", "Battles"),
        # 'they' after a crowd's march is that crowd: its beating is a riot
        (
            "The traders marched to the county offices to demand lower fees. They beat up two clerks at the gate.",
            "Riots",
        ),
        # warriors who clash are armed men, whatever 'groups of' names them
        ("Rival groups of Dinka warriors clashed over grazing land near Rumbek, leaving four dead.", "Battles"),
        # remote fire that the military answered by killing the attackers is one side of a battle
        (
            "Rebels fired mortar shells at an army base near Kitchanga, the military retaliated and killed four rebels",
            "Battles",
        ),
        # an exchange of artillery has two armed sides
        ("An artillery exchange between the two armies near the border left three soldiers dead.", "Battles"),
    ],
)
def test_extract_events_sides_decide_the_type(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # 'none was injured' tells no injury: the youths' arson stays a riot
        ("Youths set a lorry on fire on the highway. None was injured.", "Riots"),
        # stone pelting written as two words is a crowd's violence: the road blockade turned riot
        ("Migrant workers blocked roads and engaged in stone pelting over unpaid wages.", "Riots"),
        # petrol bombs thrown by a crowd stay the crowd's
        ("Protesters hurled petrol bombs at the police station on Sunday evening.", "Riots"),
    ],
)
def test_extract_events_what_happened_decides_the_type(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type
