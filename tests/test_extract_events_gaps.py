"""Events told by a noun or by a plain verb that earlier lexicons lacked: each yields an event, coded by the
codebook (a march held, a fire exchange, a seizure, a capture of posts, an occupation, smashed property).
Texts written for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from extracted import main_event


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a march named by a noun, held by someone unnamed
        ("An anti-graft march was held in Lilongwe on Saturday.", ("Protests", "Peaceful protest")),
        # a fire exchange is a fight between armed sides
        ("A fire exchange broke out between soldiers and militiamen near Bunia.", ("Battles", "Armed clash")),
        # 'fire fight' written as two words is a firefight
        ("A fire fight broke out near Dabo between soldiers and suspected militants.", ("Battles", "Armed clash")),
        # a crowd that convened to oppose something protested
        ("Fishermen from twelve villages convened in Kotri to oppose the new quota.", ("Protests", "Peaceful protest")),
        # beating people is an assault; by the police on residents, violence against civilians
        ("Police went door to door in Mathare beating residents.", ("Violence against civilians", "Attack")),
        # breaking up a briefing in public is a protest (peaceful here: no violence told)
        ("Students disrupted a press briefing by the vice-chancellor in Zomba.", ("Protests", "Peaceful protest")),
        # blocking the entrances of a building
        ("Traders blocked entrances to the municipal offices in Kasama.", ("Protests", "Peaceful protest")),
        # a vehicle taken by armed men with no fight told: looting
        (
            "Militants seized a pick-up truck belonging to a health NGO near Menaka.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        # a building occupied by the police with no fight told
        ("Police occupied the offices of the electoral commission in Conakry.", ("Strategic developments", "Other")),
        # a crowd that smashes an office's glass riots
        ("Party youths smashed the glass doors of the district office in Mzuzu.", ("Riots", "Mob violence")),
    ],
)
def test_extract_events_gaps_plain_words(extractor: Any, text: str, coded: tuple[str, str]) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # posts captured by the state's forces: the government regains territory, a battle though none is told
        ("Soldiers captured three insurgent posts near Mocimboa.", ("Battles", "Government regains territory")),
        ("The militia camp at Djugu was captured by the army on Friday.", ("Battles", "Government regains territory")),
        # a checkpoint captured by rebels: a non-state actor overtakes territory
        ("Rebels captured an army checkpoint outside Bambari.", ("Battles", "Non-state actor overtakes territory")),
        # with a fight told, the fight decides
        (
            "Soldiers and rebels clashed near Bambari. The army said it captured a rebel camp.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_extract_events_gaps_captured_posts(extractor: Any, text: str, coded: tuple[str, str]) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # village defence volunteers and security teams are armed: an attack on them is a battle
        "Four village defence volunteers were wounded in an ambush near Narathiwat.",
        "Two members of a village security team were shot and wounded near Yala.",
    ],
)
def test_extract_events_gaps_armed_volunteers(extractor: Any, text: str) -> None:
    coded = main_event(extractor, published="2023-06-14", text=text)
    assert coded is not None and coded[0] == "Battles"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # beating a retreat, beating drums: no assault
        "The marchers beat drums as they walked through Blantyre to demand lower fuel prices.",
        "Hundreds of farmers held a rally in Mchinji, beating drums and singing.",
    ],
)
def test_extract_events_gaps_beating_drums_is_no_assault(extractor: Any, text: str) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == ("Protests", "Peaceful protest")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a participle tag on the first of two joined verbs with an object is a past tense: its subject did it
        "Heavily armed bandits attacked and injured several herders near Marsabit.",
        "Armed men raided and looted three shops in Garissa, wounding two traders.",
    ],
)
def test_extract_events_gaps_joined_verbs_share_the_object(extractor: Any, text: str) -> None:
    coded = main_event(extractor, published="2023-06-14", text=text)
    assert coded is not None and coded[0] == "Violence against civilians"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # residents, villagers or voters who fight the state's forces are a crowd: they riot
        ("Residents clashed with police outside the water utility in Kitwe on Monday.", "Riots"),
        ("Three people were hurt in a clash between police and villagers near Chipata.", "Riots"),
        ("Police and voters clashed at a polling station in Mongu.", "Riots"),
        # armed men fighting the police fight a battle
        ("Police and armed robbers clashed in Kabwe, leaving two robbers dead.", "Battles"),
        # the police named only as victims of the crossfire are no side of the clash
        (
            "Two people were killed in a clash in Isiolo, and two police reservists were wounded in the crossfire.",
            "Battles",
        ),
    ],
)
def test_extract_events_gaps_crowd_against_state(extractor: Any, text: str, event_type: str) -> None:
    coded = main_event(extractor, published="2023-06-14", text=text)
    assert coded is not None and coded[0] == event_type


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "coded"),
    [
        # a plural act noun with no determiner, place or time, the object of a perfect verb: a trend, no incident
        ("The region has long endured brutal kidnappings.", None),
        ("The district has seen repeated abductions.", None),
        # the same noun with a place and a day is one incident
        (
            "Rebels carried out bombings in Mogadishu on Monday.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        # told in the simple past, with a target named, the attacks happened
        ("Militants staged attacks on police posts near Garissa.", ("Battles", "Armed clash")),
    ],
)
def test_extract_events_gaps_trend_is_no_incident(extractor: Any, text: str, coded: tuple[str, str] | None) -> None:
    assert main_event(extractor, published="2023-06-14", text=text) == coded
