"""MUC-4 perpetrators: which organisations the pipeline's output names as doers of terrorist incidents."""

from __future__ import annotations

import dataclasses
import types

import pytest

from conflictdb import eval_muc as evaluation
from conflictdb.eval import Scores
from conflictdb.models import Document, Mention, Response, Span


def _doc(text: str, *mentions: Mention) -> Document:
    return dataclasses.replace(Document(id="d", text=text, sha256=""), mentions=mentions)


def _battle(**kwargs: object) -> Mention:
    base: dict[str, object] = {"document_id": "d", "index": 0, "event_type": "Battles", "sub_event_type": "Armed clash"}
    base.update(kwargs)
    return Mention(**base)  # type: ignore[arg-type]


def test_muc_accused_group_is_a_perpetrator() -> None:
    text = "THE POLICE BLAMED THE RED HAND BRIGADE FOR THE MURDER OF THE JUDGE."
    start = text.index("RED HAND")
    accusation = Response("accusation", "POLICE", Span(start, start + 16), against="RED HAND BRIGADE")
    orgs, _ = evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))
    assert any("red hand brigade" in forms for forms in orgs)
    gold = {"perpetrator_organizations": [["RED HAND BRIGADE"]], "perpetrator_individuals": []}
    scores = Scores()
    evaluation.score_muc(scores, "muc", gold, _doc(text, _battle(responses=(accusation,))))
    assert scores.value("muc", "perp_org_recall") == (1.0, 1)


def test_muc_accused_by_a_generic_word_names_no_organisation() -> None:
    text = "RESIDENTS BLAMED UNIDENTIFIED MEN FOR THE KIDNAPPING."
    accusation = Response("accusation", "RESIDENTS", Span(0, 30), against="UNIDENTIFIED MEN")
    assert evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0] == []


def test_muc_accused_by_a_pointing_word_names_no_organisation() -> None:
    text = "HE HAS NO PROOF THAT THOSE GROUPS ARE RESPONSIBLE FOR THE BOMBING."
    accusation = Response("accusation", "", Span(0, 40), against="THOSE GROUPS")
    assert evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0] == []


def test_muc_accuser_is_no_perpetrator() -> None:
    text = "THE PEOPLE'S ARMY BLAMED THE GOVERNMENT FOR THE BOMBING."
    accusation = Response("accusation", "PEOPLE'S ARMY", Span(0, 40), against="")
    assert evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0] == []


def test_muc_accused_person_is_no_organisation() -> None:
    text = "THE PROSECUTOR ACCUSED GONZALEZ OF THE MURDER OF THE JUDGE."
    accusation = Response("accusation", "PROSECUTOR", Span(4, 30), against="GONZALEZ")
    assert evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0] == []
    forces = Response("accusation", "PROSECUTOR", Span(4, 30), against="ARMY AND POLICE SECTORS")
    assert evaluation._perpetrators(_doc(text, _battle(responses=(forces,))))[0] != []


def test_muc_members_named_after_their_group_are_perpetrator_individuals() -> None:
    from conflictdb.models import Actor

    text = "RED HAND BRIGADE GUERRILLAS KIDNAPPED A JUDGE TODAY."
    kidnapping = _battle(
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        actor1=Actor("Red Hand Brigade", 2, words="RED HAND BRIGADE", known=True),
        evidence={"actor1": (Span(0, 27),), "event_type": (Span(28, 37),)},
    )
    orgs, people = evaluation._perpetrators(_doc(text, kidnapping))
    assert any("red hand brigade" in forms for forms in orgs)
    assert people == [{"guerrillas"}]
    unnamed = dataclasses.replace(kidnapping, evidence={"actor1": (Span(0, 16),), "event_type": (Span(28, 37),)})
    assert evaluation._perpetrators(_doc(text, unnamed))[1] == []


def test_muc_registry_knows_panamas_dignity_battalions() -> None:
    from conflictdb.extract.actor_registry import Registry

    found = [m.entry for m in Registry.load().match("MEMBERS OF THE DIGNITY BATTALIONS FIRED AT THE JOURNALISTS.")]
    assert [(e.name, e.inter, e.generic) for e in found if not e.generic] == [("Dignity Battalions", 3, False)]


def _attack(text: str, trigger: str, actor_words: str, name: str, **kwargs: object) -> Mention:
    from conflictdb.models import Actor

    t, a = text.index(trigger), text.index(actor_words)
    return _battle(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actor1=Actor(name, 1, words=actor_words, known=True),
        evidence={"event_type": (Span(t, t + len(trigger)),), "actor1": (Span(a, a + len(actor_words)),)},
        **kwargs,
    )


def test_muc_state_force_named_only_outside_the_acts_sentence_is_no_perpetrator() -> None:
    text = "A JUDGE WAS MURDERED IN THE CAPITAL ON MONDAY. THE ARMY HAS SENT PATROLS TO FIND THE KILLERS."
    far = _attack(text, "MURDERED", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, far))[0] == []
    text = "SOLDIERS OF THE ARMY MURDERED A JUDGE IN THE CAPITAL ON MONDAY."
    near = _attack(text, "MURDERED", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, near))[0] != []


def test_muc_doer_who_only_tells_of_the_act_is_no_perpetrator() -> None:
    text = "THE POLICE SAID THAT A JUDGE WAS MURDERED IN THE CAPITAL ON MONDAY."
    told = _attack(text, "MURDERED", "POLICE", "Police Forces of Ruritania", claimed_by=("THE POLICE",))
    assert evaluation._perpetrators(_doc(text, told))[0] == []
    investigating = dataclasses.replace(
        told, claimed_by=(), responses=(Response("investigation", "POLICE", Span(0, 10)),)
    )
    assert evaluation._perpetrators(_doc(text, investigating))[0] == []


def test_muc_accusation_counts_though_the_story_opens_on_an_old_incident() -> None:
    text = "ON 3 MAY 1985 A BOMB DESTROYED THE OLD BRIDGE. TODAY THE POLICE BLAMED THE RED HAND BRIGADE FOR THE MURDER."
    old = text.index("3 MAY 1985")
    start = text.index("RED HAND")
    accusation = Response("accusation", "POLICE", Span(start, start + 16), against="RED HAND BRIGADE")
    bombing = _battle(
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        responses=(accusation,),
        evidence={"event_date": (Span(old, old + 10),)},
    )
    assert any("red hand brigade" in forms for forms in evaluation._perpetrators(_doc(text, bombing))[0])


def test_muc_accused_organisation_known_by_its_acronym() -> None:
    text = "THE MAYOR WAS KIDNAPPED BY MEMBERS OF THE UNION OF FRIENDS OF THE VALLEY (UFV)."
    start = text.index("MEMBERS")
    words = "MEMBERS OF THE UNION OF FRIENDS OF THE VALLEY (UFV)"
    accusation = Response("accusation", "", Span(start, start + len(words)), against=words)
    orgs = evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0]
    gold = {"perpetrator_organizations": [["UNION OF FRIENDS OF THE VALLEY", "UFV"]]}
    assert any(evaluation._muc_match(forms, gold["perpetrator_organizations"][0]) for forms in orgs)


def test_muc_group_named_only_far_from_the_act_is_no_perpetrator() -> None:
    filler = "THE TALKS WENT ON. " * (evaluation.NEAR_SENTENCES + 1)
    text = "THE RED HAND BRIGADE HELD A CONGRESS. " + filler + "A JUDGE WAS MURDERED TODAY."
    far = _attack(text, "MURDERED", "RED HAND BRIGADE", "Red Hand Brigade")
    assert evaluation._perpetrators(_doc(text, far))[0] == []
    text = "THE RED HAND BRIGADE HELD A CONGRESS. A JUDGE WAS MURDERED TODAY."
    near = _attack(text, "MURDERED", "RED HAND BRIGADE", "Red Hand Brigade")
    assert evaluation._perpetrators(_doc(text, near))[0] != []


def test_muc_group_named_as_the_victims_side_is_no_perpetrator() -> None:
    # whose candidate the victim was, or the group whose members suffered the act: the victims' side
    for text, actor_words in (
        ("A CANDIDATE OF THE RED HAND BRIGADE WAS MURDERED IN THE CAPITAL TODAY.", "RED HAND BRIGADE"),
        ("THE RED HAND BRIGADE MAYOR WAS MURDERED IN THE CAPITAL TODAY.", "RED HAND BRIGADE"),
        ("THREE RED HAND BRIGADE MEMBERS WERE MURDERED IN THE CAPITAL TODAY.", "RED HAND BRIGADE"),
    ):
        victims = _attack(text, "MURDERED", actor_words, "Red Hand Brigade")
        assert evaluation._perpetrators(_doc(text, victims))[0] == [], text
    text = "RED HAND BRIGADE GUNMEN MURDERED A CANDIDATE IN THE CAPITAL TODAY."
    doers = _attack(text, "MURDERED", "RED HAND BRIGADE", "Red Hand Brigade")
    assert any("red hand brigade" in forms for forms in evaluation._perpetrators(_doc(text, doers))[0])


def test_muc_accused_organisations_in_the_plural_are_an_organisation() -> None:
    text = "THE GENERAL BLAMED SMUGGLING ORGANIZATIONS AND THE SECRET SERVICES FOR THE CAR BOMB ATTACK."
    start = text.index("SMUGGLING")
    for words in ("SMUGGLING ORGANIZATIONS", "SECRET SERVICES"):
        accusation = Response("accusation", "GENERAL", Span(start, start + 20), against=words)
        orgs = evaluation._perpetrators(_doc(text, _battle(responses=(accusation,))))[0]
        assert any(words.lower() in forms for forms in orgs), words


def test_muc_group_of_a_country_outside_muc4_is_no_perpetrator() -> None:
    from conflictdb.models import Actor

    text = "THE SANDINISTA ARMY MURDERED TWO FARMERS. THE NORTH RIVER FRONT KIDNAPPED A JUDGE IN BOGOTA."

    def attack(name: str, words: str) -> Mention:
        actor = Actor(name=name, inter=1 if "Forces" in name else 2, words=words)
        return _battle(event_type="Violence against civilians", sub_event_type="Attack", actor1=actor)

    abroad = _doc(text, attack("Military Forces of Nicaragua", "SANDINISTA ARMY"))
    assert evaluation._perpetrators(abroad)[0] == []
    home = _doc(text, attack("Military Forces of Colombia", "COLOMBIAN ARMY"))
    assert evaluation._perpetrators(home)[0] != []
    assert not evaluation._of_muc_country("Contras")
    assert not evaluation._of_muc_country("Wagner Group")  # no country of its own; it operates elsewhere
    assert evaluation._of_muc_country("FMLN: Farabundo Marti National Liberation Front")
    assert evaluation._of_muc_country("North River Front")  # a group the registry lacks: its country is unknown


def test_muc_act_placed_outside_muc4_countries_is_no_incident() -> None:
    from conflictdb.models import Place

    text = "THE RED HAND BRIGADE KILLED TWO TOURISTS IN THE PORT. THE POLICE ARE LOOKING FOR THE KILLERS."

    def attack(country: str) -> Mention:
        return _attack(
            text, "KILLED", "RED HAND BRIGADE", "Red Hand Brigade", place=Place(name="Port", country=country)
        )

    assert evaluation._perpetrators(_doc(text, attack("Spain")))[0] == []
    assert evaluation._perpetrators(_doc(text, attack("Peru")))[0] != []
    # a claim of responsibility is read from the whole story, wherever the act's place was coded
    claim = Response("claim_of_responsibility", "RED HAND BRIGADE", Span(0, 20))
    abroad = dataclasses.replace(attack("Spain"), responses=(claim,))
    assert evaluation._perpetrators(_doc(text, abroad))[0] != []


def test_muc_party_beside_an_act_is_no_perpetrator(monkeypatch: pytest.MonkeyPatch) -> None:
    party_entry = types.SimpleNamespace(name="Blue Party", role="party", country=None, operates=())
    monkeypatch.setattr(evaluation, "_registry_entries", lambda: {"Blue Party": (party_entry,)})
    text = "GUNMEN AT THE BLUE PARTY RALLY SHOT TWO STUDENTS IN THE CAPITAL ON MONDAY."
    party = _attack(text, "SHOT", "BLUE PARTY", "Blue Party")
    assert evaluation._perpetrators(_doc(text, party))[0] == []
    # accused, a party is a perpetrator
    accused = dataclasses.replace(
        party, responses=(Response("accusation", "POLICE", Span(0, 20), against="BLUE PARTY"),)
    )
    assert evaluation._perpetrators(_doc(text, accused))[0] != []


def test_muc_group_named_as_a_topic_is_no_perpetrator() -> None:
    text = "AFTER TALKS ON THE DEMOBILIZATION OF THE RED HAND BRIGADE ENDED, GUNMEN SHOT A JUDGE IN THE CAPITAL."
    topic = _attack(text, "SHOT", "RED HAND BRIGADE", "Red Hand Brigade")
    assert evaluation._perpetrators(_doc(text, topic))[0] == []
    text = "THE CONDITIONS DEMANDED BY THE RED HAND BRIGADE INCLUDE AN END TO THE MURDER OF PEASANTS."
    demanded = _attack(text, "MURDER", "RED HAND BRIGADE", "Red Hand Brigade")
    assert evaluation._perpetrators(_doc(text, demanded))[0] == []
    # the members or a unit 'of' a group are the group acting
    text = "MEMBERS OF THE RED HAND BRIGADE SHOT A JUDGE IN THE CAPITAL ON MONDAY."
    members = _attack(text, "SHOT", "RED HAND BRIGADE", "Red Hand Brigade")
    assert evaluation._perpetrators(_doc(text, members))[0] != []


@pytest.mark.parametrize(
    ("predicted", "gold", "found"),
    [
        ("red army front", "RAF [RED ARMY FRONT] GUERRILLAS", True),
        ("raf", "RED ARMY FRONT [RAF]", True),
        ("raf guerrillas", "RAF [RED ARMY FRONT] GUERRILLAS", True),
        # a long phrase with a gloss inside is no name: the glossed body alone does not answer it
        ("ministry of roads", "AUTHORS OF THE ATTACK ON THE MOR [MINISTRY OF ROADS] OFFICE", False),
    ],
)
def test_muc_gold_name_with_a_bracketed_gloss_answers_to_either_form(predicted: str, gold: str, found: bool) -> None:
    assert evaluation._muc_match({predicted}, [gold]) is found


def test_muc_state_force_that_hunts_or_guards_is_no_perpetrator() -> None:
    text = "POLICE AGENTS THIS MORNING DEFUSED A BOMB PLANTED OUTSIDE THE BANK IN THE CAPITAL."
    defused = _attack(text, "BOMB", "POLICE", "Police Forces of Peru")
    assert evaluation._perpetrators(_doc(text, defused))[0] == []
    text = "ARMY AND POLICE UNITS HAVE RAIDED A FARM WHERE THE KIDNAPPED ENGINEER WAS HELD."
    raided = _attack(text, "KIDNAPPED", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, raided))[0] == []
    text = "SOLDIERS OF THE ARMY THIS MORNING MURDERED A JUDGE IN THE CAPITAL."
    murdered = _attack(text, "MURDERED", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, murdered))[0] != []


def test_muc_state_force_arrested_or_named_by_a_noun_of_policing_is_still_a_perpetrator() -> None:
    text = "TWO ARMY OFFICERS WERE ARRESTED TODAY FOR THE MURDER OF THE JUDGE."
    arrested = _attack(text, "MURDER", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, arrested))[0] != []
    text = "AN ARMY PATROL MURDERED THREE PEASANTS NEAR THE VILLAGE."
    patrol = _attack(text, "MURDERED", "ARMY", "Military Forces of Peru")
    assert evaluation._perpetrators(_doc(text, patrol))[0] != []
