"""Actors: a group named as the victims' side, a force named as a voice, and names far from the act are no doers."""

from __future__ import annotations

from typing import Any

import pytest
from actor_roles import pair, roles

from conflictdb.extract.actors import ActorFinder

UNIDENTIFIED = "Unidentified Armed Group ({country})"
CIVILIANS = "Civilians ({country})"
FMLN = "FMLN: Farabundo Marti National Liberation Front"


@pytest.fixture(scope="module")
def nlp() -> Any:
    from conflictdb.extract import nlp as pipeline

    return pipeline.load()


@pytest.mark.slow
def test_extract_actors_battle_on_passive_victims_has_civilians_as_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Three peasants were shot dead on Tuesday by suspected members of the FARC near the river."
    found = roles(finder, nlp, text, "shot", "Battles", "Armed clash")
    assert pair(found) == ("FARC: Revolutionary Armed Forces of Colombia", CIVILIANS)


@pytest.mark.slow
def test_extract_actors_battle_with_an_armed_second_side_keeps_it(finder: ActorFinder, nlp: Any) -> None:
    text = "Two soldiers were killed on Tuesday when FARC rebels ambushed an army patrol near the river."
    found = roles(finder, nlp, text, "ambushed", "Battles", "Armed clash")
    assert pair(found) == ("FARC: Revolutionary Armed Forces of Colombia", "Military Forces of {country}")


@pytest.mark.slow
def test_extract_actors_force_named_as_a_voice_through_of_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "The prosecutor said the commander of the army will be summoned to testify in the case of the murdered nuns."
    found = roles(finder, nlp, text, "murdered", "Violence against civilians", "Attack")
    assert pair(found) == (UNIDENTIFIED, CIVILIANS)


@pytest.mark.slow
def test_extract_actors_group_of_a_victims_candidate_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Maria Lopez, candidate of the former 19 April (M-19) guerrilla movement, was shot dead on Monday."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == UNIDENTIFIED


@pytest.mark.slow
def test_extract_actors_group_before_a_victims_title_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Officials condemned the murder of the FMLN (Farabundo Marti National Liberation Front) mayor on Monday."
    found = roles(finder, nlp, text, "murder", "Violence against civilians", "Attack")
    assert pair(found)[0] == UNIDENTIFIED


@pytest.mark.slow
def test_extract_actors_group_members_named_near_the_act_stay_its_doers(finder: ActorFinder, nlp: Any) -> None:
    text = "Two peasants were shot dead on Monday in the village. FMLN rebels fled into the hills afterwards."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == FMLN


@pytest.mark.slow
def test_extract_actors_group_named_far_from_the_act_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    story = " ".join(f"Talks on the new road resumed in the capital for the {n}th week." for n in range(4, 24))
    text = f"Two peasants were shot dead on Monday in the village. {story} FMLN rebels took part in the talks."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == UNIDENTIFIED
