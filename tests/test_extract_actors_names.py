"""Actors: ACLED's names for groups (factions, peoples abroad) and who is no doer (a country's people, a force
that came afterwards, a place beside 'calling themselves')."""

from __future__ import annotations

from typing import Any

import pytest
from actor_roles import pair, roles

from conflictdb.extract.actor_registry import PERPETRATORS
from conflictdb.extract.actors import ActorFinder, Registry


@pytest.fixture(scope="module")
def nlp() -> Any:
    from conflictdb.extract import nlp as pipeline

    return pipeline.load()


def test_extract_actors_mayi_mayi_named_with_their_faction() -> None:
    registry = Registry.load()
    found = [m.entry.name for m in registry.match("Raia Mutomboki fighters and Mai-Mai militiamen looted a market.")]
    assert found == ["Mayi Mayi Militia (Raia Mutomboki)", "Mayi Mayi Militia"]
    coalition = [m.entry.name for m in registry.match("The Nyatura-APCLS coalition attacked an army post.")]
    assert coalition[0].startswith("Nyatura-APCLS Coalition: ")


def test_extract_actors_people_abroad_named_after_their_home() -> None:
    registry = Registry.load()
    merrile = registry.entries["Merrile Ethnic Militia ({country})"].actor("Merrile raiders")
    assert registry.dated(merrile, 2012, "Kenya").localize("Kenya").name == "Merrile Ethnic Militia (Ethiopia)"
    assert registry.dated(merrile, 2012, "Ethiopia").localize("Ethiopia").name == "Merrile Ethnic Militia (Ethiopia)"
    toposa = registry.entries["Toposa Ethnic Militia ({country})"].actor("Toposa raiders")
    assert registry.dated(toposa, 2008, "Kenya").localize("Kenya").name == "Toposa Ethnic Militia (Sudan)"
    assert registry.dated(toposa, 2015, "Kenya").localize("Kenya").name == "Toposa Ethnic Militia (South Sudan)"
    # a people of the event's own country keeps it
    pokot = registry.entries["Pokot Ethnic Militia ({country})"].actor("Pokot raiders")
    assert registry.dated(pokot, 2015, "Kenya").localize("Kenya").name == "Pokot Ethnic Militia (Kenya)"


def test_extract_actors_a_peoples_cattle_rustlers_are_its_militia() -> None:
    found = Registry.load().match("Toposa cattle rustlers raided a village near the border at dawn.")
    assert [(m.entry.name, m.member) for m in found] == [("Toposa Ethnic Militia ({country})", "cattle rustlers")]


@pytest.mark.slow
def test_extract_actors_a_countrys_people_are_not_its_forces(finder: ActorFinder, nlp: Any) -> None:
    text = "Two traders were killed by Kenyan fishermen in a revenge attack on the lake shore."
    found = roles(finder, nlp, text, "killed", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"


@pytest.mark.slow
def test_extract_actors_police_who_came_afterwards_did_not_do_it(finder: ActorFinder, nlp: Any) -> None:
    text = "Three men stabbed a shopkeeper at his home on Monday night. Police arrested two suspects on Tuesday."
    found = roles(finder, nlp, text, "stabbed", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"
    told = "Armed men beat a teacher in his house. Neighbours alerted the police, who found him unconscious."
    found = roles(finder, nlp, told, "beat", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Unidentified Armed Group ({country})"
    # the police as the act's own doer stay so
    own = "Police shot dead a hawker in the market. Police later arrested the officer."
    assert (
        pair(roles(finder, nlp, own, "shot", "Violence against civilians", "Attack"))[0] == "Police Forces of {country}"
    )


@pytest.mark.slow
def test_extract_actors_calling_themselves_names_no_place(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "A trader was abducted by four men identifying themselves as police officers in Mombasa town (Mvita, Mombasa)."
    )
    found = roles(finder, nlp, text, "abducted", "Violence against civilians", "Abduction/forced disappearance")
    assert "Mvita" not in pair(found)[0]


@pytest.mark.slow
def test_extract_actors_an_assault_noun_names_the_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Two boys were shot dead during a Turkana raid near Lokori on Sunday."
    found = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert pair(found)[0] == "Turkana Ethnic Militia ({country})"
    # a headline's participle: the victims' phrase ends where the act's clause begins
    headline = "Three traders killed during a raid by Turkana bandits near the river."
    found = roles(finder, nlp, headline, "killed", "Violence against civilians", "Attack")
    assert pair(found) == ("Turkana Ethnic Militia ({country})", "Civilians ({country})")


@pytest.mark.slow
def test_extract_actors_a_participles_agent_planted_the_bomb(finder: ActorFinder, nlp: Any) -> None:
    text = "Two children died when their cart hit a mine planted by Al Shabaab fighters on a farm track."
    found = roles(finder, nlp, text, "mine", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert pair(found) == ("Al Shabaab", "Civilians ({country})")


@pytest.mark.slow
def test_extract_actors_victims_joined_by_and_are_all_victims(finder: ActorFinder, nlp: Any) -> None:
    text = "Two soldiers and three Mai-Mai militiamen were killed in fighting with ADF rebels near Beni."
    found = roles(finder, nlp, text, "fighting", "Battles", "Armed clash")
    assert pair(found)[0] == "ADF: Allied Democratic Forces"


def test_extract_actors_mara_alone_is_no_gang() -> None:
    found = Registry.load().match("Raiders attacked a village in Trans Mara; the maras of San Salvador fled.")
    assert [m.words for m in found if "Gang" in m.entry.name or "Unidentified" in m.entry.name] == ["Raiders", "maras"]


@pytest.mark.slow
def test_extract_actors_a_victims_critic_of_a_group_names_no_side(finder: ActorFinder, nlp: Any) -> None:
    text = "A moderate Muslim cleric and Al Shabaab critic was shot dead outside his mosque in Mombasa on Friday."
    for event_type in ("Battles", "Violence against civilians"):
        found = roles(finder, nlp, text, "shot", event_type, "Attack")
        assert pair(found) == ("Unidentified Armed Group ({country})", "Civilians ({country})")


def _named_in(registry: Registry, text: str, country: str) -> list[str]:
    """The doers' names the registry finds in `text`, as geocoding leaves them once the event's country is known."""
    found = [m for m in registry.match(text) if m.entry.role in PERPETRATORS]
    return [registry.regional(m.entry.actor(m.words), country).localize(country).name for m in found]


def test_extract_actors_gendarmes_are_a_unit_of_the_army_or_the_police() -> None:
    registry = Registry.load()
    text = "Gendarmes beat a journalist at a checkpoint near the market."
    assert _named_in(registry, text, "Cameroon") == ["Military Forces of Cameroon Gendarmerie"]
    # where the gendarmerie answers to the interior ministry it is the police's unit, also when the text says so
    assert _named_in(registry, text, "Mali") == ["Police Forces of Mali Gendarmerie"]
    assert _named_in(registry, "Malian gendarmes arrested a trader.", "Mali") == ["Police Forces of Mali Gendarmerie"]
    # a country's own name for its gendarmerie still wins
    turkish = _named_in(registry, "Turkish gendarmes raided a farm.", "Turkey")
    assert turkish == ["Military Forces of Turkey Gendarmerie"]


def test_extract_actors_coalition_forces_named_after_their_operation() -> None:
    registry = Registry.load()
    text = "Saudi artillery shelled two villages across the border."
    assert _named_in(registry, text, "Yemen") == ["Operation Restoring Hope"]
    assert _named_in(registry, text, "Saudi Arabia") == ["Military Forces of Saudi Arabia"]


def test_extract_actors_a_shared_unit_word_abroad_is_that_countrys_force() -> None:
    registry = Registry.load()
    text = "Two reporters were beaten by military police officers outside the stadium."
    assert _named_in(registry, text, "Ghana") == ["Military Forces of Ghana"]
    assert _named_in(registry, text, "Brazil") == ["Military Forces of Brazil Military Police"]
    # a unit its country's adjective names is that unit wherever it serves
    patrol = "Russian military police patrolled the town."
    assert _named_in(registry, patrol, "Syria") == ["Military Forces of Russia Military Police"]


def test_extract_actors_registry_names_real_groups_as_acled_does() -> None:
    registry = Registry.load()

    def first(text: str) -> str:
        return next(m.entry.name for m in registry.match(text) if m.entry.role in PERPETRATORS)

    # the Madhesi alliance under its Nepali name is not the UDMF
    assert first("Samyukta Loktantrik Madhesi Morcha cadres blocked the highway.").startswith("SLMM: ")
    assert first("UDMF cadres blocked the highway.").startswith("UDMF: ")
    assert first("Suspected Al-Shaabab militants ambushed a bus.") == "Al Shabaab"
    assert first("Fighting between Nkonya and Alavanyo youths resumed.") == "Nkonya Ethnic Militia ({country})"
    # ACLED writes these Ghanaian peoples in the plural
    assert first("Mamprusi youths clashed with Kusasi youths in Bawku.") == "Mamprusis Ethnic Militia ({country})"
    assert first("HBDH claimed the bombing of a depot.").startswith("HBDH: ")
    assert first("Abudu and Andani youths clashed again.") == "Abudus Ethnic Militia ({country})"
    assert first("Tugen-Ilchamus herders fought Pokot raiders.") == "Tugen-Ilchamus Ethnic Militia ({country})"
    assert first("Karamojong raiders drove off cattle.") == "Karamajong Ethnic Militia ({country})"


def test_extract_actors_us_forces_in_afghanistan_are_natos_mission() -> None:
    registry = Registry.load()
    text = "An airstrike by US forces hit a compound in the valley."
    assert _named_in(registry, text, "Afghanistan") == ["NATO: North Atlantic Treaty Organization"]
    assert _named_in(registry, text, "Somalia") == ["Military Forces of the United States"]
    units = "Six Taliban were killed during General Command of Police Special Units operations."
    assert _named_in(registry, units, "Afghanistan") == [
        "Taliban",
        "Police Forces of Afghanistan General Command of Police Special Units",
    ]


@pytest.mark.slow
def test_extract_actors_a_government_that_acts_itself_is_actor1(finder: ActorFinder, nlp: Any) -> None:
    text = "The president deployed the army to the border districts after the raids."
    found = roles(finder, nlp, text, "deployed", "Strategic developments", "Other")
    assert pair(found) == ("Government of {country}", "Military Forces of {country}")
    # a force that acts is still the actor, not the government that sent it
    sent = "Soldiers sent by the government dismantled a rebel camp near the border."
    found = roles(finder, nlp, sent, "dismantled", "Strategic developments", "Other")
    assert pair(found)[0] == "Military Forces of {country}"


def test_extract_actors_tribes_militias_where_acled_names_them_tribal() -> None:
    registry = Registry.load()
    text = "Clashes erupted between Al Hamdan tribesmen and government troops near the wells."
    assert _named_in(registry, text, "Yemen")[0] == "Al Hamdan Tribal Militia (Yemen)"
    unnamed = "Tribesmen attacked a checkpoint on the highway."
    assert _named_in(registry, unnamed, "Syria") == ["Unidentified Tribal Militia (Syria)"]
    # elsewhere a people's armed men are an ethnic militia, and a listed people keeps its own name
    assert _named_in(registry, unnamed, "Sudan") == ["Unidentified Ethnic Militia (Sudan)"]
    assert _named_in(registry, "Hazara militiamen attacked a bus.", "Afghanistan")[0].startswith("Hazara Ethnic")
