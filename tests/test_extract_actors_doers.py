"""Actors: who did it, read from the grammar and ACLED's codebook (party men, shared agents, security forces)."""

from __future__ import annotations

from typing import Any

import pytest
from actor_roles import pair, roles

from conflictdb.extract.actor_parse import arguments
from conflictdb.extract.actors import ActorFinder, Registry


@pytest.fixture(scope="module")
def nlp() -> Any:
    from conflictdb.extract import nlp as pipeline

    return pipeline.load()


@pytest.mark.slow
def test_extract_actors_passive_verbs_joined_share_their_agent(finder: ActorFinder, nlp: Any) -> None:
    text = "A village headman was beaten and stabbed by BNP activists near the market on Sunday."
    found = roles(finder, nlp, text, "beaten", "Violence against civilians", "Attack")
    assert pair(found)[0] == "BNP: Bangladesh Nationalist Party Militia"


@pytest.mark.slow
def test_extract_actors_joined_verbs_without_a_passive_take_no_agent(finder: ActorFinder, nlp: Any) -> None:
    text = "Gunmen shot a trader and were chased by villagers into the forest."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_at_the_hands_of_names_the_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Two herders died at the hands of Ugandan soldiers near the border, their relatives said."
    found = roles(finder, nlp, text, "died", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Military Forces of Uganda"


@pytest.mark.slow
def test_extract_actors_party_militants_are_the_party_militia(finder: ActorFinder, nlp: Any) -> None:
    text = "A bus passenger suffered burns when a petrol bomb hit the bus. Police said BNP militants threw it."
    found = roles(finder, nlp, text, "petrol bomb", "Explosions/Remote violence", "Grenade")
    assert pair(found)[0] == "BNP: Bangladesh Nationalist Party Militia"


@pytest.mark.slow
def test_extract_actors_party_members_without_arms_are_not_doers(finder: ActorFinder, nlp: Any) -> None:
    text = "Unknown gunmen shot dead a trader on Monday. BNP leaders condemned the killing."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_security_forces_facing_a_crowd_are_police(finder: ActorFinder, nlp: Any) -> None:
    text = "Traders clashed with security forces in the town centre over the closure of the market."
    found = roles(finder, nlp, text, "clashed", "Riots", "Violent demonstration")
    assert pair(found) == ("Rioters ({country})", "Police Forces of {country}")


@pytest.mark.slow
def test_extract_actors_security_forces_called_police_are_police(finder: ActorFinder, nlp: Any) -> None:
    text = "Militants ambushed Kenyan security forces near the border. Three police officers were wounded."
    found = roles(finder, nlp, text, "ambushed", "Battles", "Armed clash")
    assert pair(found)[1] == "Police Forces of Kenya"


@pytest.mark.slow
def test_extract_actors_security_forces_beside_an_army_stay_military(finder: ActorFinder, nlp: Any) -> None:
    text = "Militants ambushed security forces near the border. Army troops and police later searched the area."
    found = roles(finder, nlp, text, "ambushed", "Battles", "Armed clash")
    assert pair(found)[1] == "Military Forces of {country}"


@pytest.mark.slow
def test_extract_actors_deep_south_district_names_the_separatists(finder: ActorFinder, nlp: Any) -> None:
    text = "Two rangers were wounded when gunmen opened fire on their patrol in Rueso district."
    found = roles(finder, nlp, text, "opened fire", "Battles", "Armed clash")
    assert pair(found) == ("Southern Muslim Separatists (Thailand)", "Military Forces of Thailand")


@pytest.mark.slow
def test_extract_actors_rangers_elsewhere_keep_their_country(finder: ActorFinder, nlp: Any) -> None:
    text = "Two rangers were wounded when gunmen opened fire on their patrol near Quetta."
    found = roles(finder, nlp, text, "opened fire", "Battles", "Armed clash")
    assert pair(found) == ("Unidentified Armed Group ({country})", "Police Forces of Pakistan")


def test_extract_actors_registry_knows_weak_aliases() -> None:
    registry = Registry.load()
    assert registry.is_weak("Rangers", "Police Forces of Pakistan")
    assert not registry.is_weak("Pakistan Rangers", "Police Forces of Pakistan")


def test_extract_actors_two_countries_share_one_force_word() -> None:
    registry = Registry.load()
    text = "Shelling between Eritrean and Ethiopian troops went on through the night."
    assert [m.entry.name for m in registry.match(text)] == ["Military Forces of Eritrea", "Military Forces of Ethiopia"]


def test_extract_actors_two_countries_without_a_force_word_name_no_force() -> None:
    registry = Registry.load()
    found = registry.match("Eritrean and Ethiopian traders met at the market.")
    assert not [m for m in found if m.entry.name.startswith("Military Forces")]


def test_extract_actors_faction_in_brackets_is_its_own_group() -> None:
    registry = Registry.load()
    text = "Two cadres of the NSCN (Khaplang) were arrested in Mon district."
    assert [m.entry.name for m in registry.match(text)] == ["NSCN-K: National Socialist Council of Nagaland (Khaplang)"]


def test_extract_actors_boko_haram_named_by_year() -> None:
    registry = Registry.load()
    match = next(m for m in registry.match("Boko Haram fighters raided the village.") if "Boko" in m.entry.name)
    actor = match.entry.actor(match.words)
    named = {year: registry.dated(actor, year, "Nigeria").name for year in (2013, 2016, 2021)}
    assert named == {
        2013: "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
        2016: "Boko Haram - Wilayat Gharb Ifriqiyyah",
        2021: "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad",
    }


def test_extract_actors_a_named_faction_keeps_its_name_in_any_year() -> None:
    registry = Registry.load()
    match = next(m for m in registry.match("JAS fighters raided the village.") if m.entry.role == "named")
    assert registry.dated(match.entry.actor(match.words), 2021, "Nigeria").name == match.entry.name
    assert match.entry.name == "Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"


def test_extract_actors_arakan_army_by_year() -> None:
    registry = Registry.load()
    match = next(m for m in registry.match("The Arakan Army attacked a border post.") if m.entry.role == "named")
    actor = match.entry.actor(match.words)
    assert registry.dated(actor, 2016, "Myanmar").name == "AA: Arakan Army"
    assert registry.dated(actor, 2021, "Myanmar").name == "ULA/AA: United League of Arakan/Arakan Army"


def test_extract_actors_unnamed_baloch_insurgents_are_separatists() -> None:
    registry = Registry.load()
    text = "Baloch insurgents fired on a checkpoint; two Baloch elders mediated."
    names = [m.entry.name for m in registry.match(text)]
    assert names[0] == "Baloch Separatists (Pakistan)"
    assert names[1] != "Baloch Separatists (Pakistan)"  # the people, not the insurgents


@pytest.mark.slow
def test_extract_actors_a_bomb_that_hurt_people_hit_civilians(finder: ActorFinder, nlp: Any) -> None:
    text = "A homemade bomb went off outside a bakery on Friday, wounding three."
    found = roles(finder, nlp, text, "bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert pair(found) == ("Unidentified Armed Group ({country})", "Civilians ({country})")


@pytest.mark.slow
def test_extract_actors_a_bomb_that_hurt_no_one_has_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "A homemade bomb went off outside a bakery on Friday. No one was hurt."
    found = roles(finder, nlp, text, "bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert pair(found) == ("Unidentified Armed Group ({country})", "")


@pytest.mark.slow
def test_extract_actors_a_force_investigating_afterwards_is_no_side(finder: ActorFinder, nlp: Any) -> None:
    text = "A grenade thrown into a bar wounded five drinkers. Police are investigating the attack."
    found = roles(finder, nlp, text, "grenade", "Explosions/Remote violence", "Grenade")
    assert pair(found)[1] == "Civilians ({country})"


@pytest.mark.slow
def test_extract_actors_police_killed_while_investigating_are_a_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Bandits shot dead two police officers investigating a cattle theft near the river."
    found = roles(finder, nlp, text, "shot", "Battles", "Armed clash")
    assert pair(found)[1] == "Police Forces of {country}"


@pytest.mark.slow
def test_extract_actors_victims_found_bound_were_killed_by_a_gang(finder: ActorFinder, nlp: Any) -> None:
    # the marks of an execution by organised crime name the unnamed killers a gang (kept so in Latin America)
    for text in (
        "The bodies of two men were found beside a road with their hands tied and shots to the head.",
        "A taxi driver was found dead in his car, handcuffed and blindfolded.",
    ):
        got = roles(finder, nlp, text, "found", "Violence against civilians", "Attack")
        assert got.actor1 is not None and got.actor1.name == "Unidentified Gang ({country})"
    text = "A man was found dead near the river, wrapped in a blanket."
    got = roles(finder, nlp, text, "found", "Violence against civilians", "Attack")
    assert got.actor1 is not None and got.actor1.name == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_forces_under_an_operation_are_the_operation(finder: ActorFinder, nlp: Any) -> None:
    text = "Turkish troops and allied Syrian rebels, operating under OPS, shelled SDF positions near the town."
    found = roles(finder, nlp, text, "shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    # the operation's members are not its target
    assert pair(found) == ("Operation Peace Spring", "QSD: Syrian Democratic Forces")


@pytest.mark.slow
def test_extract_actors_forces_without_an_operation_keep_their_name(finder: ActorFinder, nlp: Any) -> None:
    text = "Turkish troops shelled SDF positions near the town, days after the operation began."
    found = roles(finder, nlp, text, "shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert pair(found)[0] == "Military Forces of Turkey"


def test_extract_actors_us_forces_in_syria_are_the_coalition_they_lead() -> None:
    registry = Registry.load()
    us = registry.entries["Military Forces of the United States"].actor("US troops")
    coalition = registry.regional(us, "Syria")
    assert (coalition.name, coalition.inter) == ("Global Coalition Against Daesh", 8)
    assert registry.regional(us, "Somalia").name == "Military Forces of the United States"


def test_extract_actors_arson_group_of_turkey_is_named() -> None:
    text = "The Children of Fire Initiative set fire to a paint factory in an industrial zone."
    names = {m.entry.name for m in Registry.load().match(text)}
    assert "Children of Fire" in names


@pytest.mark.slow
def test_extract_actors_group_being_disarmed_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "A mediator who had come to discuss disarming the FMLN was stabbed outside his hotel on Friday."
    found = roles(finder, nlp, text, "stabbed", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_group_in_talks_is_no_bomber(finder: ActorFinder, nlp: Any) -> None:
    text = "A bomb exploded outside the hotel where the government had held talks with the FMLN the week before."
    found = roles(finder, nlp, text, "bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_group_that_made_demands_is_no_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "The conditions demanded by the FMLN include land reform. Two farmers were shot dead near the village."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_attack_carried_out_by_a_group_keeps_its_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "The conditions were harsh. The attack carried out by the FMLN left two peasants dead near the village."
    found = roles(finder, nlp, text, "attack", "Violence against civilians", "Attack")
    assert pair(found)[0] == "FMLN: Farabundo Marti National Liberation Front"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Commandos of the Shining Path killed three peasants in Ayacucho on Tuesday.",
        "COMMANDOS OF THE SHINING PATH KILLED THREE PEASANTS IN AYACUCHO ON TUESDAY.",
    ],
)
def test_extract_actors_force_word_of_a_named_group_is_that_group(finder: ActorFinder, nlp: Any, text: str) -> None:
    found = roles(finder, nlp, text, text.split()[5], "Violence against civilians", "Attack")
    assert pair(found) == ("Shining Path", "Civilians ({country})")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The mayor was shot dead in Ayacucho on Tuesday, the latest victim of the Shining Path.",
        "The mayor was shot dead in Ayacucho on Tuesday, one more of the victims of Shining Path gunmen.",
    ],
)
def test_extract_actors_victim_of_names_the_doer(finder: ActorFinder, nlp: Any, text: str) -> None:
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Shining Path"


@pytest.mark.slow
def test_extract_actors_capitals_verb_tagged_as_noun_keeps_its_subject(nlp: Any) -> None:
    # in the wire's capitals the tagger reads 'BOMBED' as a proper noun, with its subject still hanging on it
    doc = nlp("THEY SAID THE GOVERNMENT, THE ARMY, BOMBED THE VILLAGE OF SAN ISIDRO YESTERDAY.")
    bombed = next(t for t in doc if t.text == "BOMBED")
    assert [t.text for t in arguments(bombed).agents] == ["GOVERNMENT"]
