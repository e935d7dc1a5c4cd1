"""Event coding by the codebook's hierarchy: who fought whom decides battles, riots and violence against civilians."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event

from conflictdb.extract import events, sentences
from conflictdb.models import Span


def _hits(text: str) -> events.Hits:
    return events.merged(
        [events.find(text, s) for s in sentences.split(text)], tuple(range(len(sentences.split(text))))
    )


def test_extract_events_sides_named_groups_from_the_registry() -> None:
    nonstate, state, crowd = events.sides(_hits("Fighters of Al Shabaab clashed with the police near the market."))
    assert (nonstate, state, crowd) == (True, True, False)
    nonstate, state, crowd = events.sides(_hits("Party supporters clashed with riot police outside the office."))
    assert (nonstate, state, crowd) == (False, True, True)


def test_extract_events_communal_sides_are_armed() -> None:
    nonstate, _, _ = events.sides(_hits("Two clans fought over a grazing field; eight died."))
    assert nonstate


def test_extract_events_rebel_forces_are_not_the_state() -> None:
    hits = _hits("Rebel forces clashed with students at the gate.")
    assert events.sides(hits)[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a crowd fighting the police or another crowd riots (codebook: rioters are no armed group)
        ("Opposition activists clashed with the police in the main square on Sunday; eleven were hurt.", "Riots"),
        ("Supporters of two rival candidates clashed outside a polling station, injuring six.", "Riots"),
        # a gunfight says both sides were armed
        ("Two student leaders were killed in a gunfight with police near the campus.", "Battles"),
        # armed groups, named or not, fight battles
        ("Soldiers clashed with Al Shabaab fighters near the border; four were killed.", "Battles"),
        ("Pokot and Turkana raiders clashed near the river, leaving five dead.", "Battles"),
    ],
)
def test_extract_events_fights_by_who_fought(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
def test_extract_events_troops_killing_named_militants_is_a_battle(extractor: Any) -> None:
    assert (
        main_event(
            extractor,
            published="2022-03-09",
            text="Troops killed six members of Boko Haram in a forest camp on Monday.",
        )[0]
        == "Battles"
    )


@pytest.mark.slow
def test_extract_events_a_named_groups_leader_shot_is_violence_against_civilians(extractor: Any) -> None:
    text = "Unknown gunmen shot dead a local leader of the Taliban outside his home on Monday."
    assert main_event(extractor, published="2022-03-09", text=text)[0] == "Violence against civilians"


def test_extract_events_find_keeps_offsets() -> None:
    text = "Calm morning. Rebels ambushed a convoy of soldiers."
    second = sentences.split(text)[1]
    hits = events.find(text, second)
    assert all(second.start <= s.start < second.end for spans in hits.values() for s in spans)
    assert Span(14, 20).of(text) == "Rebels"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [
        (
            "Traders held a peaceful march against the planned demolition of their stalls.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "Nurses demonstrated outside the ministry, demanding the return of looted funds.",
            "Protests",
            "Peaceful protest",
        ),
        ("Students protesting a fee increase threw stones at passing vehicles.", "Riots", "Violent demonstration"),
        (
            "Residents protesting the state of the roads clashed with police, who fired tear gas to disperse them.",
            "Riots",
            "Violent demonstration",
        ),
    ],
)
def test_extract_events_protest_or_riot(extractor: Any, text: str, event_type: str, sub_event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text) == (event_type, sub_event_type)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # unorganised people doing violence themselves: mob violence (codebook)
        ("Residents of the village beat a suspected cattle thief to death on Friday.", "Riots"),
        ("A shopkeeper was attacked by a crowd and badly hurt after a quarrel over prices.", "Riots"),
        # unknown or armed doers are no crowd
        ("Unknown gunmen killed two teachers at a bus stop on Friday.", "Violence against civilians"),
        ("Three people killed as raiders attacked a village at dawn.", "Violence against civilians"),
        # property burnt with no one hurt and no armed group named
        ("Two lorries were set on fire on the highway during the night.", "Riots"),
        # communal fighting is a battle between communal militias
        ("Two died in ethnic fighting over a water point.", "Battles"),
    ],
)
def test_extract_events_doers_decide_riot_or_attack(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
def test_extract_events_fighting_for_a_seat_is_no_battle(extractor: Any) -> None:
    text = "A candidate who is fighting for a council seat went missing on Tuesday night."
    assert main_event(extractor, published="2022-03-09", text=text)[0] != "Battles"


def test_extract_events_context_is_masked() -> None:
    text = "Troops deployed to the port in the context of recent fighting between two factions."
    assert "clash" not in events.find(text, Span(0, len(text)))


@pytest.mark.slow
def test_extract_events_bare_participle_subject_suffers(extractor: Any) -> None:
    assert (
        main_event(extractor, published="2022-03-09", text="Two soldiers killed while on patrol near the border.")[0]
        == "Battles"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a petrol bomb thrown at a bus that burns its passengers is an attack on them
        (
            "Three passengers suffered burn injuries when attackers threw a petrol bomb into a bus.",
            "Violence against civilians",
        ),
        # houses torched by soldiers are no riot
        (
            "Soldiers searching for rebels burnt several houses in the village and beat residents.",
            "Violence against civilians",
        ),
    ],
)
def test_extract_events_damage_by_armed_men_or_with_victims_is_no_riot(
    extractor: Any, text: str, event_type: str
) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Government forces and the rebels exchanged artillery fire along the front line on Tuesday.",
        "Monitors counted 40 explosions in both directions of the line of contact near the airport.",
        "Two soldiers died when a militant blew himself up in the midst of a gun battle with the army.",
    ],
)
def test_extract_events_exchanges_of_fire_are_battles(extractor: Any, text: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == "Battles"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Gunmen shot dead an off-duty police officer outside his house on Sunday.", "Violence against civilians"),
        ("Two police officers died after militants ambushed their patrol vehicle.", "Battles"),
        ("Police shot dead a robbery suspect during a raid on a house in the town.", "Violence against civilians"),
        ("Violence between two clans over a borehole left four dead.", "Battles"),
    ],
)
def test_extract_events_who_suffered_decides_battle_or_attack(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Troops of the two countries resorted to firing along the border on Sunday.", "Battles"),
        ("Police dispersed about two hundred laborers who demanded transport home.", "Protests"),
        ("Pupils set fire to their dormitory after the principal cancelled a trip.", "Riots"),
        ("Post-election violence continued in the slum for a third day.", "Riots"),
    ],
)
def test_extract_events_detects_more(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        (
            "Protesters lit tyres on the highway; police fired live bullets at them, wounding two.",
            "Violent demonstration",
        ),
        (
            "Police opened fire on protesters marching peacefully to the ministry, killing one.",
            "Excessive force against protesters",
        ),
        ("Striking students beat up their deputy principal during a protest over fees.", "Violent demonstration"),
    ],
)
def test_extract_events_protesters_violence_comes_first(extractor: Any, text: str, sub_event_type: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[1] == sub_event_type


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Movement of forces: two battalions were sent north overnight.", "Change to group/activity"),
        ("Property destruction: a clinic was burnt down by unknown people.", "Looting/property destruction"),
        ("Arrests: officers detained four men at the market.", "Arrests"),
    ],
)
def test_extract_events_strategic_labels_decide(text: str, sub_event_type: str) -> None:
    coding = events.classify(_hits(text), text)
    assert coding is not None
    assert (coding.event_type, coding.sub_event_type) == ("Strategic developments", sub_event_type)


def test_extract_events_label_only_at_sentence_start() -> None:
    text = "Rebels attacked the camp; the report was titled Arrests: none."
    assert not any(k.startswith(events.SD_LABEL) for k in _hits(text))


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Court clerks have been on strike for three weeks over unpaid allowances.",
        "Farmers gathered outside the district office against the new water tariffs.",
    ],
)
def test_extract_events_strikes_and_gatherings_are_protests(extractor: Any, text: str) -> None:
    assert main_event(extractor, published="2022-03-09", text=text)[0] == "Protests"


def test_extract_events_wire_spelling_of_kidnapping() -> None:
    hits = _hits("GUERRILLAS KIDNAPED A RANCHER ON THE ROAD TO THE VILLAGE.")
    assert hits.get("abduction")
    coding = events.classify(hits, "GUERRILLAS KIDNAPED A RANCHER ON THE ROAD TO THE VILLAGE.")
    assert coding is not None and coding.sub_event_type == "Abduction/forced disappearance"


def test_extract_events_month_of_march_is_no_protest() -> None:
    assert not _hits("FIGHTING BROKE OUT ON THE NIGHT OF 5 MARCH IN THE NORTHERN PROVINCE.").get("protest")
    assert _hits("Hundreds of students marched to the ministry on Monday.").get("protest")


def test_extract_events_demonstrate_that_is_no_demonstration() -> None:
    assert not _hits("The rebels want to demonstrate that they still have strength.").get("protest")
    assert not _hits("The impunity of officers, as demonstrated by the stalled trial, is unchanged.").get("protest")
    assert _hits("There was a demonstration by farmers against the new tax.").get("protest")


def test_extract_events_offensive_is_no_fight() -> None:
    text = "During the rebel offensive, gunmen murdered a teacher and two farmers in the village."
    coding = events.classify(_hits(text), text)
    assert coding is not None and coding.event_type == "Violence against civilians"


def test_extract_events_protest_as_a_purpose_of_violence() -> None:
    text = "The rebels kidnapped an engineer to protest the minister's visit."
    coding = events.classify(_hits(text), text)
    assert coding is not None and coding.sub_event_type == "Abduction/forced disappearance"
    crowd = "Hundreds of teachers marched to protest the killing of a colleague."
    coding = events.classify(_hits(crowd), crowd)
    assert coding is not None and coding.event_type == "Protests"


def test_extract_events_protest_against_a_killing_stays_a_protest() -> None:
    text = "Guards blocked a highway for hours to protest the killing of their colleague."
    coding = events.classify(_hits(text), text)
    assert coding is not None and coding.event_type == "Protests"


def test_extract_events_a_wave_of_kidnappings_is_no_incident() -> None:
    assert not _hits("The minister condemned the wave of kidnappings that has shaken the country.").get("abduction")
    assert _hits("Gunmen kidnapped two engineers near the dam on Tuesday.").get("abduction")
