"""Attribution: the doer a report names as the agent of an act ('killed by X') is held responsible."""

from __future__ import annotations

import pytest

from conflictdb.extract import Extractor, extract_text


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(n_process=1)


def _accused(text: str, extractor: Extractor) -> list[str]:
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    return [" ".join(r.against.split()) for m in doc.mentions for r in m.responses if r.kind == "accusation"]


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
    ],
)
def test_extract_attribution_agent_of_an_act_is_accused(text: str, accused: str, extractor: Extractor) -> None:
    assert accused in _accused(text, extractor)


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
    ],
)
def test_extract_attribution_no_agent_accused(text: str, extractor: Extractor) -> None:
    assert _accused(text, extractor) == []


@pytest.mark.slow
def test_extract_attribution_agent_keeps_who_tells_it(extractor: Extractor) -> None:
    text = "THE ARMY SAID THAT THE TWO NURSES WERE ABDUCTED BY MEMBERS OF THE ELN NEAR THE BORDER."
    doc = extract_text(text, published="1990-03-02", extractor=extractor)
    accusations = [r for m in doc.mentions for r in m.responses if r.kind == "accusation"]
    assert [(r.by, r.against) for r in accusations] == [("ARMY", "MEMBERS OF THE ELN")]
    assert all(text[r.span.start : r.span.end].startswith("ABDUCTED") for r in accusations)
