"""Actors: the second side of protests and riots (the force that met a crowd, a mob's victims), a named group's
own men, and names that changed with time."""

from __future__ import annotations

from typing import Any

import pytest
from actor_roles import pair, roles

from conflictdb.extract.actors import ActorFinder, Registry

POLICE = "Police Forces of {country}"
CIVILIANS = "Civilians ({country})"


@pytest.mark.slow
def test_extract_actors_protesters_beaten_by_police_face_the_police(finder: ActorFinder, nlp: Any) -> None:
    text = "Nurses demonstrated outside the ministry on Monday. Several of them were beaten up by police officers."
    got = roles(finder, nlp, text, "demonstrated", "Protests", "Peaceful protest")
    assert pair(got) == ("Protesters ({country})", POLICE)


@pytest.mark.slow
def test_extract_actors_protest_blocked_by_police_faces_the_police(finder: ActorFinder, nlp: Any) -> None:
    text = "Farmers marched towards the governor's office but were stopped by police at the bridge."
    got = roles(finder, nlp, text, "marched", "Protests", "Peaceful protest")
    assert pair(got) == ("Protesters ({country})", POLICE)


@pytest.mark.slow
def test_extract_actors_force_violence_the_crowd_protested_is_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Market women marched through the town after a police officer beat up a hawker on Friday."
    got = roles(finder, nlp, text, "marched", "Protests", "Peaceful protest")
    assert pair(got) == ("Protesters ({country})", "")


@pytest.mark.slow
def test_extract_actors_one_protester_arrested_puts_the_police_opposite(finder: ActorFinder, nlp: Any) -> None:
    text = "Pensioners protested outside the treasury over late payments. One organiser was arrested."
    got = roles(finder, nlp, text, "protested", "Protests", "Peaceful protest")
    assert pair(got) == ("Protesters ({country})", POLICE)


@pytest.mark.slow
def test_extract_actors_rampage_that_hurt_nobody_has_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Students at a boarding school went on a rampage over poor meals on Thursday."
    got = roles(finder, nlp, text, "rampage", "Riots", "Mob violence")
    assert pair(got) == ("Rioters ({country})", "")


@pytest.mark.slow
def test_extract_actors_mob_that_stoned_a_man_to_death_has_civilian_victims(finder: ActorFinder, nlp: Any) -> None:
    text = "A mob stoned a suspected cattle thief to death at the market on Sunday."
    got = roles(finder, nlp, text, "stoned", "Riots", "Mob violence")
    assert pair(got) == ("Rioters ({country})", CIVILIANS)


@pytest.mark.slow
def test_extract_actors_riot_over_a_killing_does_not_target_the_dead(finder: ActorFinder, nlp: Any) -> None:
    text = "Residents rioted against the killing of a young trader, burning tyres on the highway."
    got = roles(finder, nlp, text, "rioted", "Riots", "Violent demonstration")
    assert pair(got) == ("Rioters ({country})", "")


@pytest.mark.slow
def test_extract_actors_named_group_own_sniper_is_not_a_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "On 2 June 2021, a Taliban sniper shot and killed 1 Afghan policeman, in a district of the south."
    got = roles(finder, nlp, text, "sniper", "Battles", "Armed clash")
    assert pair(got) == ("Taliban", "Police Forces of Afghanistan")


def test_extract_actors_opposition_movement_named_as_in_its_year() -> None:
    registry = Registry.load()
    found = [m for m in registry.match("SPLA/M-IO fighters attacked the garrison.") if m.entry.inter == 2]
    assert found, "the movement's short name is registered"
    actor = found[0].entry.actor(found[0].words)
    assert registry.dated(actor, 2015, "South Sudan").name.startswith("SPLA/M-In Opposition:")
    assert registry.dated(actor, 2021, "South Sudan").name.startswith("SPLM-In Opposition:")


def test_extract_actors_weak_force_name_beside_a_foreign_group_stays_a_force() -> None:
    registry = Registry.load()
    text = "Al Shabaab gunmen shot and killed a police reservist in a village near the border."
    names = [m.entry.name for m in registry.match(text)]
    assert names == ["Al Shabaab", POLICE]


@pytest.mark.slow
def test_extract_actors_residents_who_beat_a_man_are_rioters(finder: ActorFinder, nlp: Any) -> None:
    text = "A suspected goat thief was beaten to death by residents of a hillside village on Sunday."
    got = roles(finder, nlp, text, "beaten", "Violence against civilians", "Attack")
    assert pair(got) == ("Rioters ({country})", CIVILIANS)


@pytest.mark.slow
def test_extract_actors_armed_youths_stay_an_armed_group(finder: ActorFinder, nlp: Any) -> None:
    text = "Youths armed with machetes attacked traders at the quarry on Sunday."
    got = roles(finder, nlp, text, "attacked", "Violence against civilians", "Attack")
    assert pair(got) == ("Unidentified Armed Group ({country})", CIVILIANS)


@pytest.mark.slow
def test_extract_actors_police_clash_with_locals_faces_a_crowd(finder: ActorFinder, nlp: Any) -> None:
    text = "Six people were hurt in a clash between locals and police at the ferry crossing."
    got = roles(finder, nlp, text, "clash", "Battles", "Armed clash")
    assert pair(got) == (POLICE, "Rioters ({country})")


def test_extract_actors_raiders_from_abroad_beside_a_national_force() -> None:
    registry = Registry.load()
    text = "Turkana raiders from Uganda and Kenyan police exchanged fire near the border post."
    names = [m.entry.name for m in registry.match(text)]
    assert names == ["Turkana Ethnic Militia (Uganda)", "Police Forces of Kenya"]


def test_extract_actors_two_countries_adjectives_share_the_force_word() -> None:
    registry = Registry.load()
    names = [m.entry.name for m in registry.match("Indian and Pakistani troops exchanged fire across the line.")]
    assert names == ["Military Forces of India", "Military Forces of Pakistan"]


@pytest.mark.slow
def test_extract_actors_property_destroyed_was_civilians(finder: ActorFinder, nlp: Any) -> None:
    text = "Unknown men set fire to a grain store at the edge of the town overnight."
    got = roles(finder, nlp, text, "fire", "Strategic developments", "Looting/property destruction")
    assert pair(got) == ("Unidentified Armed Group ({country})", CIVILIANS)


@pytest.mark.slow
def test_extract_actors_force_on_an_operation_comes_first(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "On Monday the police carried out an operation against cattle thieves in the hills. "
        "A shoot-out broke out and two suspects were shot dead."
    )
    got = roles(finder, nlp, text, "shoot-out", "Battles", "Armed clash")
    assert pair(got) == (POLICE, "Unidentified Armed Group ({country})")


@pytest.mark.slow
def test_extract_actors_two_crowds_fought_police_came_later(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "Clashes between two groups of fishermen over a landing site left six people hurt on Friday. "
        "Police later arrested four men."
    )
    got = roles(finder, nlp, text, "Clashes", "Riots", "Violent demonstration")
    assert pair(got) == ("Rioters ({country})", "Rioters ({country})")


@pytest.mark.slow
def test_extract_actors_two_crowds_fought_and_stoned_the_police(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "Clashes between two groups of fishermen over a landing site left six people hurt on Friday. "
        "Police who intervened were pelted with stones."
    )
    got = roles(finder, nlp, text, "Clashes", "Riots", "Violent demonstration")
    assert pair(got) == ("Rioters ({country})", POLICE)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "crowd"),
    [
        ("Stranded Chinese tourists protested outside the embassy in Kathmandu.", "protested", "Protests", "China"),
        (
            "Hundreds of Nigerians gathered at their high commission in Accra to protest.",
            "protest",
            "Protests",
            "Nigeria",
        ),
        (
            "Refugees from South Sudan demonstrated at the camp over food rations.",
            "demonstrated",
            "Protests",
            "South Sudan",
        ),
        (
            "A group of Venezuelan migrants attacked two police officers at the border post.",
            "attacked",
            "Riots",
            "Venezuela",
        ),
    ],
)
def test_extract_actors_foreign_crowd_named_by_its_nationality(
    finder: ActorFinder, nlp: Any, text: str, trigger: str, event_type: str, crowd: str
) -> None:
    sub = "Peaceful protest" if event_type == "Protests" else "Violent demonstration"
    got = roles(finder, nlp, text, trigger, event_type, sub)
    kind = "Protesters" if event_type == "Protests" else "Rioters"
    assert got.actor1 is not None and got.actor1.name == f"{kind} ({crowd})"
    assert got.actor1.country is None  # (the crowd's country is no vote for where the event was)


@pytest.mark.slow
def test_extract_actors_crowd_for_another_peoples_cause_keeps_the_countrys_name(finder: ActorFinder, nlp: Any) -> None:
    # (their cause, or the place they march to, is no nationality: the country is the event's, known later)
    for text in (
        "Pro-Palestinian students marched through the city centre on Saturday.",
        "Teachers protested outside the Nigerian high commission over unpaid wages.",
    ):
        trigger = "marched" if "marched" in text else "protested"
        got = roles(finder, nlp, text, trigger, "Protests", "Peaceful protest")
        assert pair(got) == ("Protesters ({country})", "")
