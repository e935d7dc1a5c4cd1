"""Attribution: the doer a report names as the agent of an act ('killed by X') is held responsible."""

from __future__ import annotations

import pytest
from extracted import accusations

from conflictdb.extract import Extractor, extract_text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "accused"),
    [
        (
            "THE BODIES OF FOUR FARMERS WERE FOUND NEAR THE RIVER ON SUNDAY. THE FARMERS WERE KILLED BY ALLEGED "
            "MEMBERS OF THE 9TH FRONT OF THE FARC, THE REGIONAL COMMANDER SAID.",
            "ALLEGED MEMBERS OF THE 9TH FRONT OF THE FARC",
        ),
        (
            "A schoolteacher died in the square of San Lucas. The murder, carried out at dawn by FMLN urban "
            "commandos, angered the townspeople.",
            "FMLN urban commandos",
        ),
        (
            "THE JUDGE WAS SHOT BY AN ELN COMMANDO TRAINED IN CUBA AS HE LEFT THE COURT ON FRIDAY.",
            "ELN COMMANDO",
        ),
        (
            "THE GOVERNOR CONDEMNED THE KIDNAPPINGS OF RICH FARMERS CARRIED OUT BY ELN COMMANDOS IN THE PROVINCE.",
            "ELN COMMANDOS",
        ),
        (
            "The consul is being held hostage by members of the Association of Friends of the Disappeared (AFADES).",
            "members of the Association of Friends of the Disappeared (AFADES)",
        ),
        (
            "Relatives said the engineer had been seen last week. The Shining Path had kidnapped him on his farm.",
            "Shining Path",
        ),
        # an organisation's name goes on through 'of', with its bracketed acronym, known to the registry or not
        (
            "FOUR FARM WORKERS KIDNAPPED BY THE SO-CALLED PEOPLE'S ARMY OF THE SOUTH (PAS) WERE FREED ON MONDAY.",
            "SO-CALLED PEOPLE'S ARMY OF THE SOUTH (PAS)",
        ),
        # the active doer of 'carried out attacks' and 'blew up', named by its acronym
        (
            "MEMBERS OF THE 9TH UNIT OF THE RED RIVER REVOLUTIONARY ARMY (RRRA) HAVE CARRIED OUT TWO ATTACKS IN "
            "THE NORTH.",
            "MEMBERS OF THE 9TH UNIT OF THE RED RIVER REVOLUTIONARY ARMY (RRRA)",
        ),
        (
            "Witnesses said the Green Valley Liberation Front (GVLF) blew up a power pylon near San Jacinto on Monday.",
            "Green Valley Liberation Front (GVLF)",
        ),
        # a threat of an act is an incident (MUC-4's 'threat' stage), by its subject or its agent
        (
            "A BOMB WENT OFF AT A BANK IN THE CAPITAL ON MONDAY. THE GREEN VALLEY LIBERATION FRONT (GVLF) HAS "
            "THREATENED TO KILL TEN JUDGES.",
            "GREEN VALLEY LIBERATION FRONT (GVLF)",
        ),
        (
            "A bomb went off at a bank in the capital on Monday. The judge was threatened by the Green Valley "
            "Liberation Front (GVLF) last week.",
            "Green Valley Liberation Front (GVLF)",
        ),
        # the members 'of' a group name the group
        (
            "TERRORISTS OF THE GREEN VALLEY LIBERATION FRONT (GVLF) KIDNAPPED TWO ENGINEERS ON MONDAY IN CALI.",
            "TERRORISTS OF THE GREEN VALLEY LIBERATION FRONT (GVLF)",
        ),
    ],
)
def test_extract_attribution_agent_of_an_act_is_accused(text: str, accused: str, extractor: Extractor) -> None:
    assert accused in accusations(extractor, text)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # no organisation, a negated or possible act, a place, an act dated years back, or a report 'carried by'
        "THE SHOPKEEPER WAS KILLED BY UNIDENTIFIED MEN WHO ESCAPED ON A MOTORCYCLE.",
        "The priest was not killed by the FMLN, the bishop said; he died in a road accident.",
        "The minister could have been kidnapped by the ELN, his guards said after the shooting.",
        "THE INSPECTOR WAS KIDNAPPED BY THE FARC IN 1984. A BOMB EXPLODED TODAY IN HIS OLD OFFICE.",
        "The statement was carried by the Shining Path's newspaper. A bomb exploded at the bank.",
        # an accusation of acts of past years
        "THE REPORT SAYS 40 MURDERS OF MAYORS IN 1987 AND 1988 WERE BLAMED ON THE FARC.",
        # work, not an act, carried out by a force; a doer that blew no thing up; an organisation that carried out
        # no act
        "MORE THAN 200 SUSPECTS WERE HELD IN OPERATIONS CARRIED OUT BY THE ARMY AND POLICE IN THE PORT.",
        "The wind blew the roof off the clinic of the Green Valley Liberation Front (GVLF) on Monday.",
        "The Green Valley Liberation Front (GVLF) carried out a census of the displaced after the bombing.",
        # a threat of no act of violence
        "A bomb went off at a bank on Monday. The Green Valley Liberation Front (GVLF) threatened to leave the talks.",
        # an arrest is no act of violence; hostages said to be none
        "TWO SUSPECTS IN THE BOMBING WERE CAPTURED BY MEMBERS OF THE JUDICIAL POLICE DIRECTORATE (JPD) ON MONDAY.",
        "THE MINISTER SAID THAT NO FOREIGNERS ARE BEING HELD HOSTAGE BY THE GREEN VALLEY LIBERATION FRONT (GVLF).",
    ],
)
def test_extract_attribution_no_agent_accused(text: str, extractor: Extractor) -> None:
    assert accusations(extractor, text) == []


@pytest.mark.slow
def test_extract_attribution_agent_keeps_who_tells_it(extractor: Extractor) -> None:
    text = "THE ARMY SAID THAT THE TWO NURSES WERE ABDUCTED BY MEMBERS OF THE ELN NEAR THE BORDER."
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    accusations = [r for m in doc.mentions for r in m.responses if r.kind == "accusation"]
    assert [(r.by, r.against) for r in accusations] == [("ARMY", "MEMBERS OF THE ELN")]
    assert all(text[r.span.start : r.span.end].startswith("ABDUCTED") for r in accusations)


def _claimants(text: str, extractor: Extractor) -> list[str]:
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    return [" ".join(r.by.split()) for m in doc.mentions for r in m.responses if r.kind == "claim_of_responsibility"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the act claimed by its author, the group named in quotes before its head word
        (
            'THE KIDNAPPING OF THE MAYOR WAS CLAIMED BY A SELF-STYLED "FREE VALLEY LIBERATION FORCES" GROUP.',
            'SELF-STYLED "FREE VALLEY LIBERATION FORCES" GROUP',
        ),
        # the claimant's name in quotes, in apposition after 'the'
        (
            'A SELF-NAMED NATIONALIST COMMANDO UNIT, THE "SILVER DAWN BRIGADE", TODAY CLAIMED RESPONSIBILITY FOR '
            "THE BOMB ATTACK THAT KILLED A JUDGE.",
            'SELF-NAMED NATIONALIST COMMANDO UNIT, THE "SILVER DAWN BRIGADE"',
        ),
        ("The Red Dawn Commando claimed credit for the bombing of the bridge on Sunday.", "Red Dawn Commando"),
        # the name a participle gives the group: 'the group called X', 'calling itself X', 'known as X'
        (
            "THE GUERRILLA GROUP CALLED RED RIVER ARMY (RRA) CLAIMED RESPONSIBILITY FOR THE KIDNAPPING OF THE MAYOR.",
            "GUERRILLA GROUP CALLED RED RIVER ARMY (RRA)",
        ),
        (
            "A rebel group calling itself the Red River Army claimed responsibility for the bombing of the bank.",
            "rebel group calling itself the Red River Army",
        ),
    ],
)
def test_extract_attribution_claim_names_its_author(text: str, claimant: str, extractor: Extractor) -> None:
    assert claimant in _claimants(text, extractor)


@pytest.mark.slow
def test_extract_attribution_claim_not_made_names_no_one(extractor: Extractor) -> None:
    text = "A bomb destroyed the courthouse in Puerto Lindo on Sunday. The blast was not claimed by any group."
    assert _claimants(text, extractor) == []


@pytest.mark.slow
def test_extract_attribution_second_new_event_reads_its_own_sentences(extractor: Extractor) -> None:
    text = (
        "A BOMB EXPLODED AT A BANK IN PUERTO LINDO ON MONDAY, DESTROYING ITS FRONT. IN ANOTHER TOWN, THREE TEACHERS "
        "WERE MURDERED BY MEMBERS OF THE GREEN VALLEY LIBERATION FRONT (GVLF) ON TUESDAY."
    )
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    assert len(doc.mentions) == 2 and not doc.mentions[1].background
    murder = text.index("MURDERED")
    accused = [(m.index, r.against) for m in doc.mentions for r in m.responses if r.kind == "accusation"]
    # the murder is the second event's: its sentence answers to it, not to the bombing that leads the story
    assert accused == [(1, "MEMBERS OF THE GREEN VALLEY LIBERATION FRONT (GVLF)")]
    assert doc.mentions[1].evidence["event_type"][0].start >= murder


@pytest.mark.slow
def test_extract_attribution_members_from_a_group_name_the_group(extractor: Extractor) -> None:
    text = (
        "FOUR TOURISTS WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF TERRORISTS FROM THE GREEN VALLEY LIBERATION "
        "FRONT (GVLF) IN THE OLD TOWN."
    )
    assert accusations(extractor, text) == ["GROUP OF TERRORISTS FROM THE GREEN VALLEY LIBERATION FRONT (GVLF)"]
