"""Attribution: accusations (who holds whom responsible for an act) and the words of a claimant."""

from __future__ import annotations

import pytest
from extracted import accusations

from conflictdb.extract import Extractor, extract_text


def _claimants(text: str, extractor: Extractor) -> list[str]:
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    return [r.by for m in doc.mentions for r in m.responses if r.kind == "claim_of_responsibility"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accused"),
    [
        ("The mayor blamed the Red Hand Brigade for the murder of two teachers in Puerto Viejo.", "Red Hand Brigade"),
        (
            "A car bomb destroyed the court house. Police hold the People's Army responsible for the attack.",
            "People's Army",
        ),
        ("The army blamed the attack on the Northern Front, which killed 12 villagers.", "Northern Front"),
        (
            "Union leaders attributed the bombing to army and police sectors opposed to the talks.",
            "army and police sectors",
        ),
        (
            "THE INSPECTOR WAS KIDNAPPED ON MONDAY. THE GOVERNOR BLAMED MEMBERS OF THE RED HAND BRIGADE FOR IT.",
            "MEMBERS OF THE RED HAND BRIGADE",
        ),
        # 'is responsible for' has its kin: guilty of, to blame for, accountable for
        ("The bishop said the Northern Front was guilty of the murder of two nurses in Viejo.", "Northern Front"),
        ("THE RED HAND BRIGADE IS TO BLAME FOR THE BOMBING OF THE BUS STATION, THE MAYOR SAID.", "RED HAND BRIGADE"),
        ("The minister said the People's Army is accountable for the massacre of 12 villagers.", "People's Army"),
    ],
)
def test_extract_attribution_accusation_names_the_accused(text: str, accused: str, extractor: Extractor) -> None:
    assert accused in accusations(extractor, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # an accusation only planned, or about no act of violence, names no perpetrator
        "The regime tried to blame us for the bombing of the bus station.",
        "The president said the Red Hand Brigade is responsible for the hunger and poverty of the people.",
        "The rebels accused the government of being the main violator of human rights.",
        "Nobody blamed the Red Hand Brigade for the murder of the judge.",
        # 'death squads' names a kind of group: ties to them are no act
        "The union accused the Red Hand Brigade of having ties to the death squads.",
    ],
)
def test_extract_attribution_no_accusation(text: str, extractor: Extractor) -> None:
    assert accusations(extractor, text) == []


@pytest.mark.slow
def test_extract_attribution_claimant_through_of(extractor: Extractor) -> None:
    text = (
        "Gunmen shot a senator in Cali on Friday. "
        "Spokesmen of the Red Hand Brigade claimed responsibility for the killing."
    )
    assert _claimants(text, extractor) == ["Spokesmen of the Red Hand Brigade"]


@pytest.mark.slow
def test_extract_attribution_claimant_is_the_subject_nearest_the_verb(extractor: Extractor) -> None:
    text = (
        "A BOMB EXPLODED AT THE AIRPORT TODAY. MEANWHILE, IN THE TOWN OF RIONEGRO, ANTIOQUIA PROVINCE, "
        "THE EXTRADITABLES CLAIMED RESPONSIBILITY FOR PLACING THE BOMB."
    )
    assert _claimants(text, extractor) == ["EXTRADITABLES"]


@pytest.mark.slow
def test_extract_attribution_accused_phrase_keeps_modifiers_of_modifiers(extractor: Extractor) -> None:
    text = "A BOMB EXPLODED IN THE MARKET TODAY. THE REPORT SAYS ARMED FORCES ELEMENTS ARE RESPONSIBLE FOR THE ATTACK."
    assert accusations(extractor, text) == ["ARMED FORCES ELEMENTS"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Witnesses said soldiers may have killed five villagers in Puerto Viejo on Monday.", "alleged"),
        ("The bishop said the Northern Front could have been behind the bombing of the bus station.", "alleged"),
        ("Soldiers killed five villagers in Puerto Viejo on Monday.", "reported"),
        (
            "Soldiers killed five villagers in Puerto Viejo on Monday; more would have died without the priest.",
            "reported",
        ),
    ],
)
def test_extract_attribution_modal_perfect_is_alleged(text: str, status: str, extractor: Extractor) -> None:
    main = extract_text(text, published="1990-03-02", extractor=extractor).mentions[0]
    assert main.status == status
