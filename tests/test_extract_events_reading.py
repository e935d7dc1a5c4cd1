"""Event coding read from the text's grammar: who suffered the violence, what was denied, what was the reason."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the patient of the shooting is a civilian: what the next sentence says of the police is no victim
        (
            "A police officer shot a fisherman near the jetty, wounding him in the arm. "
            "The police commander said the man had been fishing without a licence.",
            "Violence against civilians",
        ),
        # 'X shot dead by Y', 'X shot dead': a headline's passive, X suffered it
        ("Police reservist shot dead by bandits near Marsabit market", "Battles"),
        ("Army corporal shot dead while on patrol near the border; attackers unknown", "Battles"),
        # the subject of 'lost their lives' suffered it
        ("Two police officers lost their lives in Garsen on Tuesday.", "Battles"),
        # 'post-election' is no military post
        ("Armed men killed three civilians in Eldama during post-election violence.", "Violence against civilians"),
        # an attack that armed men answered is a battle
        ("Militants attacked a village near Dadaab. Soldiers pushed back the attackers.", "Battles"),
    ],
)
def test_extract_events_reading_who_suffered(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # what did not happen makes no event: 'no protests were under way'
        (
            "Police shot dead a mechanic outside his workshop in Kisumu. "
            "There were no protests under way in the street when he was shot.",
            "Violence against civilians",
        ),
        # what set a protest off is no act of the protesters
        (
            "Traders demonstrated in Embu town on Monday after unknown arsonists set the old market alight.",
            "Protests",
        ),
        # the crowd's own act after 'after they ...' still counts
        ("Police fired tear gas at students in Nyeri after they threw stones at passing cars.", "Riots"),
        # suspects who do the killing are its doers, not a mob's victims
        (
            "Suspected cattle rustlers from across the border shot dead four herders near Lokori.",
            "Violence against civilians",
        ),
        ("Residents lynched a suspected cattle rustler near Lokori.", "Riots"),
        # one grenade that failed to go off among others that did: the explosions are the event
        (
            "Two grenades exploded outside the camp gate at night. A third grenade was thrown but it failed to "
            "detonate. Nobody was hurt.",
            "Explosions/Remote violence",
        ),
        # a participle's tag with an object is a past tense: the residents did the beating
        (
            "Angry residents who were demonstrating against insecurity beat up and nearly lynched a pickpocket.",
            "Riots",
        ),
        # protesters forcing their way into a building riot
        (
            "Youths protesting the election results stormed the county offices in Kakamega and chased out staff.",
            "Riots",
        ),
    ],
)
def test_extract_events_reading_what_happened(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # fire exchanged says both sides were armed, whatever rally it broke up
        (
            "A gunfight broke out between armed raiders and police officers near Maralal market. "
            "The shooting disrupted a campaign rally as residents fled.",
            "Battles",
        ),
        # a road blocked in both directions is no exchange of fire
        ("Taxi drivers blocked the coastal highway in both directions to protest a fuel price rise.", "Protests"),
        # a 'fake encounter' is a killing staged as a fight
        ("Two youths were killed by police in a fake encounter near Bhopal.", "Violence against civilians"),
    ],
)
def test_extract_events_reading_fire_exchanged(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        # a gathering fired at by armed men is the target of an attack, not a protest
        (
            "Unidentified gunmen fired shots at a campaign rally in Tamale, leaving three people injured.",
            "Violence against civilians",
            "Attack",
        ),
        # the state's forces firing on a demonstration is excessive force against protesters
        (
            "Police opened fire on an anti-tax demonstration by traders in Kumasi, injuring twelve.",
            "Protests",
            "Excessive force against protesters",
        ),
    ],
)
def test_extract_events_reading_gathering_attacked(
    extractor: Any, text: str, event_type: str, sub_event_type: str
) -> None:
    assert main_event(extractor, published="2022-03-09", text=text) == (event_type, sub_event_type)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # named civilians hit, the fight only the setting named by a noun
        (
            "Raiders killed four villagers near Baragoi during renewed clashes over pasture.",
            "Violence against civilians",
        ),
        # the fight told by its verb is the event, civilians or not
        ("Soldiers clashed with rebels near the river, killing three civilians.", "Battles"),
        # what set a fight off is its reason
        ("Soldiers fought Pokot raiders near Chesegon following an attack on farmers.", "Battles"),
        # an off-duty soldier shot at home is a civilian victim, whatever search operation followed
        (
            "Militants shot dead an off-duty soldier sitting outside his house in Afgoye. "
            "Police later conducted a search operation in the area.",
            "Violence against civilians",
        ),
    ],
)
def test_extract_events_reading_setting_of_violence(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type
