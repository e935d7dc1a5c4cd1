"""Event coding by the codebook and the grammar: who did the violence and who suffered it, what a crowd did,
how the state met it. Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the doers after passive 'by' suffered nothing, whatever the comma after them
        ("Greek trader killed by armed men, motive unknown", "Violence against civilians"),
        # armed men who are the subject of a later verb did it ('the attackers demanded ...')
        (
            "Councillor Mary Wanjiru was attacked at her farm, the attackers warned her to leave the race",
            "Violence against civilians",
        ),
        # a hyphenated gun-battle is a fight: the rebel killed in it was one of its sides
        ("A female rebel was shot dead in a gun-battle with soldiers in the hills of Kotido.", "Battles"),
        # 'armed persons' are armed: the police killing one is a fight
        ("Police shot dead two armed individuals near the bus park in Eldoret.", "Battles"),
        # a headline's bare 'killed' followed by its setting is a passive: the reservist suffered it
        ("Army reservist killed when bandits attack", "Battles"),
        # soldiers seized and then killed: an attack on armed men
        ("Rebels abducted four soldiers near Beni and later killed them.", "Battles"),
        # civilians seized, a guard killed: an abduction
        (
            "Gunmen abducted two engineers in Wajir after killing their guard, a police officer.",
            "Violence against civilians",
        ),
        # the civilians after the violence suffered it, whatever 'from' the subject had before it
        ("Troops from Uganda attack Kenyan herders near Lokiriama", "Violence against civilians"),
        # 'engaged in construction' is no fight: the labourers were attacked
        (
            "Armed men of a rebel group beat up four labourers engaged in building a road near Ukhrul.",
            "Violence against civilians",
        ),
        # a resident shot during a security operation: the operation is only the setting
        (
            "Soldiers shot and wounded a resident of Mora during a security operation.",
            "Violence against civilians",
        ),
        # police who 'engage' or 'encountered' armed men fought them
        ("Police engage bandits who raided a ranch in Laikipia. Three killed", "Battles"),
        ("A rebel was killed when soldiers encountered an armed group near Kasese.", "Battles"),
    ],
)
def test_extract_events_grammar_who_suffered(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # police opening fire at protesters is excessive force
        (
            "Police opened fire at protesters in Busia, killing one.",
            ("Protests", "Excessive force against protesters"),
        ),
        # tear gas shells are no artillery: stones thrown at police who fired them make a riot
        (
            "Residents of Kakamega pelted stones at police officers, who lobbed tear gas shells at them.",
            ("Riots", "Mob violence"),
        ),
        # the police's violence is no violent demonstration
        ("Police violently dispersed a march by nurses in Nyeri.", ("Protests", "Protest with intervention")),
        # marchers stopped by the police met an intervention
        (
            "Retired teachers marched to the county offices in Embu but were stopped by police at the gate.",
            ("Protests", "Protest with intervention"),
        ),
        # a dispersal that killed someone is excessive force
        (
            "Police dispersed traders protesting new market fees in Kakamega, killing one of them.",
            ("Protests", "Excessive force against protesters"),
        ),
        # the police intervening in a gathering
        (
            "Farmers staged a sit-in outside the county offices in Meru. Police intervened.",
            ("Protests", "Protest with intervention"),
        ),
        # protesters who set fire first meet force in a riot, not as victims of excessive force
        (
            "Protesters set fire to two shops in Kisii. Police fired live bullets at the protesters, killing two.",
            ("Riots", "Violent demonstration"),
        ),
        # burning a flag or a poster is a protest's sign, not a riot
        (
            "Supporters of the opposition burned the posters of the governor in Eldoret "
            "in protest against the new levy.",
            ("Protests", "Peaceful protest"),
        ),
        # 'riot police' at a protest are the police, no riot
        (
            "Riot police were deployed outside parliament as nurses held a sit-in over unpaid wages.",
            ("Protests", "Peaceful protest"),
        ),
        # a threat is no act
        (
            "Residents of Kisumu demonstrated over water shortages and threatened to block the highway.",
            ("Protests", "Peaceful protest"),
        ),
        # a demonstration that turns violent, or lights bonfires, or sets up roadblocks, is a riot
        ("Demonstration over land evictions turns violent in Narok", ("Riots", "Violent demonstration")),
        (
            "Residents of Kitale protested the closure of the market, lighting bonfires on the main road.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Boda boda riders protested the death of a colleague and set up roadblocks on the Kisumu road.",
            ("Riots", "Violent demonstration"),
        ),
    ],
)
def test_extract_events_grammar_crowds(extractor: Any, text: str, coded: tuple[str, str]) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a road named by its two towns, hyphenated, is still a road blocked
        "Traders blocked the Kitale-Webuye highway over the closure of their stalls.",
        # people gathered, in whatever words, to denounce something
        "Nurses gathered in Mombasa (Mvita), to mark their day and denounce the delay of their salaries.",
        "The opposition members of the assembly staged a walk out over the budget vote.",
        "Hundreds of women marched for peace in Bungoma ahead of the polls.",
        # 'have been demonstrating' is a demonstration; 'as demonstrated' is none
        "Teachers closed the schools in Kericho. They have been demonstrating against unpaid allowances.",
        "The union enacted a 24-hour strike over the new tax.",
    ],
)
def test_extract_events_grammar_protest_words(extractor: Any, text: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == "Protests"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # a rally where an armed man attacked someone is only the attack's setting
        ("An unknown man stabbed a trader with a knife during a rally in Nakuru town.", "Violence against civilians"),
        # passives joined by 'and' share their 'by': residents did both
        ("A thief was beaten and set on fire by residents in Chwele market.", "Riots"),
        # a crowd forcing its way into a polling station riots
        ("Angry voters stormed a tallying centre in Bungoma after results were delayed.", "Riots"),
        # people who shot a man dead at his door are armed men, not a mob
        ("A trader was shot dead at his door in Kisii by people who came at night.", "Violence against civilians"),
        # what the police were deployed to prevent did not happen
        (
            "A family's house was set ablaze by attackers in Molo, killing a child. Police were deployed to prevent "
            "any clashes.",
            "Violence against civilians",
        ),
        # suspects the police shot at are no mob's victims
        ("Police officers shot two suspected thieves at a market in Thika.", "Violence against civilians"),
    ],
)
def test_extract_events_grammar_no_crowd(extractor: Any, text: str, event_type: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text)[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # grenades thrown in a ground assault with guns on a post are part of a battle
        (
            "Gunmen attacked a police post in Mandera, opening fire on the officers and hurling grenades. "
            "Two officers were killed.",
            ("Battles", "Armed clash"),
        ),
        # windows shattered by a blast are the bomb's damage, no riot
        (
            "A bomb exploded at the gate of a judge's house in Kisumu at night and shattered the front windows.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # a grenade alone on a crowd stays remote violence
        (
            "A grenade was hurled into a bar in Garissa, injuring six patrons.",
            ("Explosions/Remote violence", "Grenade"),
        ),
    ],
)
def test_extract_events_grammar_remote_in_a_fight(extractor: Any, text: str, coded: tuple[str, str]) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # weapons among what was seized, or a drone brought down, were not used
        (
            "Soldiers recovered two rifles, a pistol and three mortar shells from a hideout near Dera Bugti.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Government troops shot down a rebel drone over the airport of Sirte.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "Police found a bomb under a bus in Thika and disarmed it.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # the deed people are arrested for is no new event
        (
            "Police arrested four men for their involvement in the bombing of a bar in Garissa.",
            ("Strategic developments", "Arrests"),
        ),
        # a protest people are arrested for is the event
        (
            "Police arrested twenty students in Nakuru for staging a protest against fee increases.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_extract_events_grammar_stopped_or_held(extractor: Any, text: str, coded: tuple[str, str]) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded


@pytest.mark.slow
def test_extract_events_grammar_attack_met_with_fire(extractor: Any) -> None:
    # a grenade attack on a post that the soldiers answered with gunfire is one side of a battle
    text = "Militants threw a grenade at an army post in Garissa. The soldiers reacted with gunfire."
    assert main_event(extractor, published="2023-06-14", text=text) == ("Battles", "Armed clash")
