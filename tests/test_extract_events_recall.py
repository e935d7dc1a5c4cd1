"""Reports that plainly tell of an event get one: arson, bombs, strikes, seizures, territory, communal disputes."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event

from conflictdb.extract import events, sentences


def _hits(text: str) -> events.Hits:
    spans = sentences.split(text)
    return events.merged([events.find(text, s) for s in spans], tuple(range(len(spans))))


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A minibus of a private company was torched near the central market late on Friday.", "looting"),
        ("Masked men set a grader and three lorries belonging to a contractor on fire overnight.", "looting"),
        ("Two water towers were damaged by several small bombs before dawn.", "ied"),
        ("Insurgents blasted two pylons outside the town, cutting power to the district.", "ied"),
        ("Nurses began hunger strikes demanding unpaid allowances.", "protest"),
        ("Anti-government slogans were raised outside the district office.", "protest"),
        ("Opposition cadres burnt copies of the new land bill at the college gate.", "protest"),
        ("Shop owners held a motorcade to demand that markets reopen.", "protest"),
        ("Farmers disrupted traffic on the ring road after the tariff rise.", "protest"),
        ("Villagers pushed and shoved the surveyors away from the fields.", "riot"),
        ("The home of a councillor was stoned at midnight.", "riot"),
        ("Customs officers seized 40 kilograms of cocaine hidden in a shipping container.", "looting"),
        ("Soldiers intercepted a lorry loaded with explosives near the border.", "disrupted"),
        ("The rebels briefly took over the river port before withdrawing.", "overtakes"),
        ("Gunmen fired several shots at a parked taxi, wounding its driver.", "assault"),
        ("Two herders lost their lives in a clan war over pasture.", "kill"),
    ],
)
def test_extract_events_recall_cues(text: str, cue: str) -> None:
    assert _hits(text).get(cue), cue


def test_extract_events_torches_are_no_arson() -> None:
    hits = _hits("Counter-protesters carried torches and made noise from their windows.")
    assert not hits.get("looting")


def test_extract_events_a_motorcade_passing_is_no_protest() -> None:
    assert not _hits("A bomb went off as a motorcade of officials escorted by soldiers passed.").get("protest")


def test_extract_events_a_dispute_counts_only_when_nothing_else_does() -> None:
    text = "A land dispute between two families."
    assert _hits(text).get("dispute")
    groups = events.group(text, sentences.label(text, sentences.split(text)), [_hits(text)])
    assert len(groups) == 1
    assert events.classify(_hits(text), text) == events.Coding("Battles", "Armed clash", tuple(_hits(text)["dispute"]))
    # beside a real trigger, the dispute is only the reason
    other = "Police arrested four men over a land dispute."
    assert events.classify(_hits(other), other).event_type == "Strategic developments"  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Unknown persons vandalised headstones in a cemetery on the edge of the town.", "Riots"),
        ("Two unidentified assailants set a school van belonging to a private academy on fire.", "Riots"),
        (
            "Electricity poles were damaged by several small bombs on the eve of the festival.",
            "Explosions/Remote violence",
        ),
        ("Police seized a tonne of cannabis from a truck at a highway checkpoint.", "Strategic developments"),
        ("Chieftaincy dispute", "Battles"),
        (
            "Hundreds of parents headed to the council's offices to verbally oppose the closure of the school.",
            "Protests",
        ),
    ],
)
def test_extract_events_reports_get_an_event(extractor: Any, text: str, event_type: str) -> None:
    main = main_event(extractor, published="2023-06-02", text=text)
    assert main is not None
    assert main[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # the noun that says who the victim is decides, not an armed word before it
        ("A police informer was shot dead by rebels near the river crossing.", "Violence against civilians"),
        # a passive verb has no object: the aside in brackets names the doer
        ("A cousin of the district chairman was killed (unknown gunman).", "Violence against civilians"),
        # supporters hurt in an attack are its victims, not rioters
        (
            "A ward candidate was shot dead and a few of his supporters injured in a targeted attack.",
            "Violence against civilians",
        ),
        # gunmen who shoot a man and then throw stones are no rioting crowd
        (
            "Unknown gunmen shoot a councillor and throw stones at the windows of his office.",
            "Violence against civilians",
        ),
        # a headline's 'forty people killed' names the victims, not the killers
        ("Rebels and an allied militia attack farmers in raids; forty people killed", "Violence against civilians"),
        # a vigilante mob is a crowd all the same
        ("A vigilante mob killed two men accused of theft.", "Riots"),
    ],
)
def test_extract_events_who_was_hit_and_who_did_it(extractor: Any, text: str, event_type: str) -> None:
    main = main_event(extractor, published="2023-06-02", text=text)
    assert main is not None
    assert main[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # the passive subject told before the violence was hit, even where the parse loses it
        "Two constables were on Tuesday evening shot dead by unknown gunmen while on patrol near the depot.",
        # 'killing them' points back to the guards the attackers targeted
        "Unknown militants targeted two border guards near the pass, killing them on the spot.",
        # an answer of fire is an exchange
        "Four men on motorcycles opened fire at a police post; an officer returned fire and hit two of them.",
    ],
)
def test_extract_events_armed_men_hit_make_a_battle(extractor: Any, text: str) -> None:
    main = main_event(extractor, published="2023-06-02", text=text)
    assert main is not None
    assert main[0] == "Battles"


def test_extract_events_ethnic_violence_is_context_not_a_fight() -> None:
    text = "Five herders were killed in ongoing ethnic violence."
    assert events.classify(_hits(text), text).event_type == "Violence against civilians"  # type: ignore[union-attr]


@pytest.mark.slow
def test_extract_events_a_grenade_answered_by_fire_is_a_battle(extractor: Any) -> None:
    text = "Militants threw a grenade at a police patrol near the bridge. The officers returned fire and they fled."
    main = main_event(extractor, published="2023-06-02", text=text)
    assert main is not None
    assert main[0] == "Battles"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The rebels threatened to kill ten judges in the capital if the treaty is applied.",
        "Police said the gang had planned to kidnap a businessman in the port city.",
        "The bishop urged the army to stop murdering peasants in the northern province.",
    ],
)
def test_extract_events_a_threat_plan_or_plea_is_no_event(extractor: Any, text: str) -> None:
    assert main_event(extractor, published="2023-06-02", text=text) is None


@pytest.mark.slow
def test_extract_events_an_act_done_after_a_threat_is_still_an_event(extractor: Any) -> None:
    text = "Gunmen killed a judge in the capital on Monday, a week after the cartel threatened to kill ten judges."
    assert main_event(extractor, published="2023-06-02", text=text) == ("Violence against civilians", "Attack")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a crowd protests is its grievance, not its own violence
        ("Hundreds of residents staged a rally in the town against the attack on a police post.", "Peaceful protest"),
        ("Teachers held a demonstration demanding the arrest of men who set fire to the school.", "Peaceful protest"),
        ("A protest was held in the capital against measures imposed to battle the coronavirus.", "Peaceful protest"),
        # the crowd's own acts after its grievance still count
        ("Protesters demonstrating against the new law on Saturday torched a passenger bus.", "Violent demonstration"),
        ("Students protested against fee hikes and burned tyres on the main road.", "Violent demonstration"),
    ],
)
def test_extract_events_a_protests_grievance_is_not_its_violence(extractor: Any, text: str, expected: str) -> None:
    got = main_event(extractor, published="2023-06-02", text=text)
    assert got is not None and got[1] == expected


@pytest.mark.slow
def test_extract_events_the_conflict_an_attack_is_linked_to_is_context(extractor: Any) -> None:
    text = "Raiders burned 40 houses and killed four villagers, in attacks linked to the recent ethnic clashes."
    assert main_event(extractor, published="2023-06-02", text=text) == ("Violence against civilians", "Attack")
    # an armed group tied to another is still the doer of its own act
    text = "Youth militias linked to a party candidate burnt the local party office after the primaries."
    assert main_event(extractor, published="2023-06-02", text=text) is not None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("victim", "expected"),
    [("an agricultural extension officer", "Violence against civilians"), ("a police officer", "Battles")],
)
def test_extract_events_a_civil_servant_officer_is_a_civilian(extractor: Any, victim: str, expected: str) -> None:
    got = main_event(
        extractor,
        published="2023-06-02",
        text=f"Unidentified gunmen shot and killed {victim} along the main road on Friday.",
    )
    assert got is not None and got[0] == expected
