"""Actors: the two sides of a fight between peoples or communities, and a country as the doer."""

from __future__ import annotations

from typing import Any

import pytest
from actor_roles import pair, roles

from conflictdb.extract.actor_sides import COMMUNAL, ETHNIC_MILITIA, ethnic_pair, named_pair, unnamed_sides
from conflictdb.extract.actors import ActorFinder, Registry, Roles


def pair_names(roles_: Roles) -> tuple[str, str]:
    return (roles_.actor1.name if roles_.actor1 else "", roles_.actor2.name if roles_.actor2 else "")


def test_extract_actors_ethnic_pair_found_in_registry_matches() -> None:
    registry = Registry.load()
    text = "Fighting broke out between the Gabra and Borana communities near the wells."
    pair = ethnic_pair(text, registry.match(text))
    assert pair is not None
    assert [m.entry.name for m in pair] == ["Gabra Ethnic Militia ({country})", "Borana Ethnic Militia ({country})"]


def test_extract_actors_ethnic_pair_needs_the_names_joined() -> None:
    registry = Registry.load()
    text = "Pokot raiders stole cattle; later a Turkana elder appealed for calm."
    assert ethnic_pair(text, registry.match(text)) is None


@pytest.mark.slow
def test_extract_actors_battle_between_two_peoples_has_both_militias(finder: ActorFinder, nlp: Any) -> None:
    text = "Clashes between Orma and Pokomo ethnic groups left four people dead in the delta on Sunday."
    got = roles(finder, nlp, text, "Clashes", "Battles", "Armed clash")
    assert pair_names(got) == ("Orma Ethnic Militia ({country})", "Pokomo Ethnic Militia ({country})")


@pytest.mark.slow
def test_extract_actors_battle_between_communities_of_two_peoples(finder: ActorFinder, nlp: Any) -> None:
    text = "Members of the Kikuyu and Maasai communities clashed over a disputed farm on Tuesday."
    got = roles(finder, nlp, text, "clashed", "Battles", "Armed clash")
    assert pair_names(got) == ("Kikuyu Ethnic Militia ({country})", "Maasai Ethnic Militia ({country})")


def test_extract_actors_unnamed_sides_from_the_fight_words() -> None:
    assert unnamed_sides("Herders clashed over a watering point on Friday.", []) == COMMUNAL
    assert unnamed_sides("Renewed inter-tribal fighting left two dead.", []) == ETHNIC_MILITIA
    assert unnamed_sides("Militants clashed with villagers in the hills.", Registry.load().match("Militants")) is None


@pytest.mark.slow
def test_extract_actors_herders_fighting_are_communal_militias(finder: ActorFinder, nlp: Any) -> None:
    text = "Two groups of herders clashed over grazing land near the river, leaving one man dead."
    got = roles(finder, nlp, text, "clashed", "Battles", "Armed clash")
    assert pair_names(got) == (COMMUNAL, COMMUNAL)


@pytest.mark.slow
def test_extract_actors_police_fight_is_no_communal_fight(finder: ActorFinder, nlp: Any) -> None:
    text = "Police clashed with armed herders over grazing land near the river."
    got = roles(finder, nlp, text, "clashed", "Battles", "Armed clash")
    assert got.actor1 is not None and got.actor1.name == "Police Forces of {country}"


@pytest.mark.slow
def test_extract_actors_country_named_as_doer_is_its_military(finder: ActorFinder, nlp: Any) -> None:
    text = "Pakistan started heavy shelling across the border on Friday night, damaging three houses."
    got = roles(finder, nlp, text, "shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert got.actor1 is not None and got.actor1.name == "Military Forces of Pakistan"


def test_extract_actors_pakistan_rangers_are_police() -> None:
    names = {m.entry.name for m in Registry.load().match("Sindh Rangers raided a hideout in Karachi.")}
    assert "Police Forces of Pakistan" in names


@pytest.mark.slow
def test_extract_actors_rioters_burning_a_bank_hit_civilians(finder: ActorFinder, nlp: Any) -> None:
    text = "Angry rioters set a bank on fire in the market town after the vote count was delayed."
    got = roles(finder, nlp, text, "rioters", "Riots", "Violent demonstration")
    assert got.actor2 is not None and got.actor2.name == "Civilians ({country})"


@pytest.mark.slow
def test_extract_actors_rioters_burning_tyres_hit_nobody(finder: ActorFinder, nlp: Any) -> None:
    text = "Residents blocked the highway and burned tyres over the poor state of the road."
    got = roles(finder, nlp, text, "blocked", "Riots", "Violent demonstration")
    assert got.actor2 is None


@pytest.mark.slow
def test_extract_actors_mob_burning_only_a_bus_has_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "A minibus was set on fire by a gang of strikers near the depot late on Monday; nobody was hurt."
    got = roles(finder, nlp, text, "set", "Riots", "Mob violence")
    assert pair_names(got) == ("Rioters ({country})", "")


@pytest.mark.slow
def test_extract_actors_mob_burning_a_bus_and_beating_its_driver_hits_civilians(finder: ActorFinder, nlp: Any) -> None:
    text = "A minibus was set on fire by a gang of strikers near the depot, and its driver was badly beaten."
    got = roles(finder, nlp, text, "set", "Riots", "Mob violence")
    assert got.actor2 is not None and got.actor2.name == "Civilians ({country})"


@pytest.mark.slow
def test_extract_actors_mob_burning_a_family_house_hits_civilians(finder: ActorFinder, nlp: Any) -> None:
    text = "Angry villagers burned down the house of a man they accused of theft; nobody was hurt."
    got = roles(finder, nlp, text, "burned", "Riots", "Mob violence")
    assert got.actor2 is not None and got.actor2.name == "Civilians ({country})"


@pytest.mark.slow
def test_extract_actors_people_hurt_in_a_clash_between_two_crowds_are_rioters(finder: ActorFinder, nlp: Any) -> None:
    text = "Twelve people were injured in a clash between two rival groups of traders at the market on Sunday."
    got = roles(finder, nlp, text, "clash", "Riots", "Mob violence")
    assert pair_names(got) == ("Rioters ({country})", "Rioters ({country})")


@pytest.mark.slow
def test_extract_actors_protesters_detained_by_unnamed_police_face_police(finder: ActorFinder, nlp: Any) -> None:
    text = "Some forty nurses were detained when they tried to march on the health ministry over unpaid wages."
    got = roles(finder, nlp, text, "march", "Protests", "Peaceful protest")
    assert pair_names(got) == ("Protesters ({country})", "Police Forces of {country}")


@pytest.mark.slow
def test_extract_actors_protest_for_the_release_of_detainees_has_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Relatives marched to the court demanding the release of ten farmers who were detained last week."
    got = roles(finder, nlp, text, "marched", "Protests", "Peaceful protest")
    assert got.actor2 is None


@pytest.mark.slow
def test_extract_actors_police_deployed_to_quell_a_protest_are_its_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Shopkeepers shut the market and protested the new levy; police were deployed to quell the crowd."
    got = roles(finder, nlp, text, "protested", "Protests", "Peaceful protest")
    assert got.actor2 is not None and got.actor2.name.startswith("Police Forces")


@pytest.mark.slow
def test_extract_actors_rioters_stoning_only_a_passenger_bus_have_no_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Striking drivers stoned a passenger bus on the ring road on Friday evening."
    got = roles(finder, nlp, text, "stoned", "Riots", "Violent demonstration")
    assert got.actor2 is None


@pytest.mark.slow
def test_extract_actors_people_hurt_as_two_crowds_clashed_with_each_other_are_rioters(
    finder: ActorFinder, nlp: Any
) -> None:
    text = "Five people were injured as fishermen and traders clashed with each other at the landing site."
    got = roles(finder, nlp, text, "clashed", "Riots", "Mob violence")
    assert pair_names(got) == ("Rioters ({country})", "Rioters ({country})")


def test_extract_actors_kenyan_party_and_police_unit_in_registry() -> None:
    names = {m.entry.name for m in Registry.load().match("PNU supporters fought ATPU officers")}
    assert {"PNU: Party of National Unity", "Police Forces of Kenya"} <= names


@pytest.mark.slow
def test_extract_actors_gunmen_of_a_cartel_are_a_gang(finder: ActorFinder, nlp: Any) -> None:
    text = "Two gunmen shot dead a shopkeeper who had refused to pay the cartel's extortion fee."
    got = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert got.actor1 is not None and got.actor1.name == "Unidentified Gang ({country})"


@pytest.mark.slow
def test_extract_actors_gunmen_without_a_crime_link_stay_an_armed_group(finder: ActorFinder, nlp: Any) -> None:
    text = "Two gunmen shot dead a shopkeeper outside his home on Tuesday night."
    got = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert got.actor1 is not None and got.actor1.name == "Unidentified Armed Group ({country})"


def test_extract_actors_gang_is_an_armed_group_outside_latin_america() -> None:
    registry = Registry.load()
    gang = Registry.load().entries["Unidentified Gang ({country})"].actor()
    assert registry.regional(gang, "Kenya").name == "Unidentified Armed Group ({country})"
    assert registry.regional(gang, "Mexico").name == "Unidentified Gang ({country})"
    armed = registry.entries["Unidentified Armed Group ({country})"].actor()
    assert registry.regional(armed, "Mexico").name == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_deep_south_bombers_are_southern_muslim_separatists(finder: ActorFinder, nlp: Any) -> None:
    text = "A roadside bomb exploded near a ranger patrol in Rueso district of Narathiwat, wounding two rangers."
    got = roles(finder, nlp, text, "exploded", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert got.actor1 is not None and got.actor1.name == "Southern Muslim Separatists (Thailand)"


@pytest.mark.slow
def test_extract_actors_monitors_heard_explosions_of_one_side(finder: ActorFinder, nlp: Any) -> None:
    text = "The OSCE SMM recorded 12 explosions of undetermined origin near a village north of the city."
    got = roles(finder, nlp, text, "explosions", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert got.actor1 is not None and got.actor1.name == "Military Forces of Ukraine"
    assert got.actor2 is None


@pytest.mark.slow
def test_extract_actors_a_group_named_twice_is_one_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Taliban fighters attacked Arbaki posts overnight; nine Taliban and two Arbakis were killed."
    got = roles(finder, nlp, text, "attacked", "Battles", "Armed clash")
    assert got.actor1 is not None and got.actor1.name == "Taliban"
    assert got.actor2 is not None and got.actor2.name == "Militia (Pro-Government)"


@pytest.mark.slow
def test_extract_actors_herders_who_attack_are_a_communal_militia(finder: ActorFinder, nlp: Any) -> None:
    text = "Armed pastoralists attacked farmers tending their fields at dawn, killing two."
    got = roles(finder, nlp, text, "attacked", "Violence against civilians", "Attack")
    assert got.actor1 is not None and got.actor1.name == COMMUNAL


def test_extract_actors_ethnic_spellings_in_registry() -> None:
    names = {m.entry.name for m in Registry.load().match("Njemps and Wordei elders met in the town hall.")}
    assert {"Njemp Ethnic Militia ({country})", "Wardei Ethnic Militia ({country})"} <= names


@pytest.mark.slow
def test_extract_actors_police_who_broke_up_a_protest_are_its_second_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Traders staged a sit-in outside the county offices. Police intervened and dispersed them."
    got = roles(finder, nlp, text, "sit-in", "Protests", "Peaceful protest")
    assert got.actor1 is not None and got.actor1.name == "Protesters ({country})"
    assert got.actor2 is not None and got.actor2.name == "Police Forces of {country}"


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        # neither name known: the word after them says what they are
        (
            "Two died as the Ngoleni and Kyumbi clans fought over a borehole.",
            ("Ngoleni Clan Militia", "Kyumbi Clan Militia"),
        ),
        (
            "Fighting between Kasoa and Obom communities left one dead.",
            ("Kasoa Communal Militia", "Obom Communal Militia"),
        ),
        # one known: its kind is the other's too
        ("Clashes between the Gabra and Waata clans spread.", ("Gabra Ethnic Militia", "Waata Ethnic Militia")),
    ],
)
def test_extract_actors_named_pair_of_communities_the_registry_lacks(text: str, sides: tuple[str, str]) -> None:
    registry = Registry.load()
    found = named_pair(text, 0, len(text), registry.match(text))
    assert found is not None
    assert (found[0].name, found[1].name) == tuple(f"{s} ({{country}})" for s in sides)
    assert found[0].inter == found[1].inter == 4


def test_extract_actors_named_pair_is_no_faith_and_needs_the_kind_word() -> None:
    registry = Registry.load()
    for text in (
        "Clashes between Hindu and Muslim communities left ten injured.",
        "Fighting between Kasoa and Obom left one dead.",
        "Fighting between the Gabra and Borana communities",  # both known: ethnic_pair's
    ):
        assert named_pair(text, 0, len(text), registry.match(text)) is None


@pytest.mark.slow
def test_extract_actors_battle_between_two_unlisted_clans_names_both(finder: ActorFinder, nlp: Any) -> None:
    text = "Three people were killed in clashes between the Ngoleni and Kyumbi clans over grazing land."
    got = roles(finder, nlp, text, "clashes", "Battles", "Armed clash")
    assert pair_names(got) == ("Ngoleni Clan Militia ({country})", "Kyumbi Clan Militia ({country})")


def test_extract_actors_named_pair_of_communal_militias_names_both() -> None:
    registry = Registry.load()
    text = "Lundu and Kabore communal militias clashed over farmland, leaving two dead."
    sides = named_pair(text, 0, len(text), registry.match(text))
    assert sides is not None
    assert [a.name for a in sides] == ["Lundu Communal Militia ({country})", "Kabore Communal Militia ({country})"]


def test_extract_actors_named_pair_of_ethnic_militias_in_capitals() -> None:
    registry = Registry.load()
    text = "Lundu and Kabore Ethnic Militias clashed over farmland."
    sides = named_pair(text, 0, len(text), registry.match(text))
    assert sides is not None and sides[1].name == "Kabore Ethnic Militia ({country})"


def test_extract_actors_ghana_peoples_communities_are_ethnic_militias() -> None:
    registry = Registry.load()
    text = "Youths of the Ewe and Fante communities clashed at the market."
    pair = ethnic_pair(text, registry.match(text))
    assert pair is not None
    assert [m.entry.name for m in pair] == ["Ewe Ethnic Militia ({country})", "Fantse Ethnic Militia ({country})"]


def test_extract_actors_merille_spelt_as_acled_writes_it() -> None:
    names = {m.entry.name for m in Registry.load().match("Merille raiders crossed the lake at night.")}
    assert "Merrile Ethnic Militia ({country})" in names


@pytest.mark.slow
def test_extract_actors_side_that_set_upon_the_other_comes_first(finder: ActorFinder, nlp: Any) -> None:
    text = "Police clashed with Taliban fighters after the Taliban attacked a check post in the district."
    found = roles(finder, nlp, text, "clashed", "Battles", "Armed clash")
    assert pair(found) == ("Taliban", "Police Forces of {country}")
    # raiders who attacked a village set upon no armed side: the order stays the parse's
    raid = "Police clashed with bandits after the bandits attacked a village in the district."
    found = roles(finder, nlp, raid, "clashed", "Battles", "Armed clash")
    assert pair(found) == ("Police Forces of {country}", "Unidentified Armed Group ({country})")
